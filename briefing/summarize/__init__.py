"""Summarize an Article into a Summary with any registered method."""

from __future__ import annotations

from briefing.summarize.registry import DEFAULT_METHOD, METHODS, Method, get_method

TYPE_CHECKING = False  # not typing's: `briefing --help` imports this module (test_startup.py)
if TYPE_CHECKING:
    from typing import Any

    from briefing.models import Article, Summary
    from briefing.summarize.length import Length

__all__ = [
    "DEFAULT_METHOD",
    "METHODS",
    "ORDERS",
    "Length",
    "Method",
    "get_method",
    "rank",
    "summarize",
]

ORDERS = ("article", "score")
"""How a summary's sentences are listed: as in the article (default) or best first."""


def rank(scores: list[float]) -> list[int]:
    """Sentence indices best first; ties keep article order (as sumy does)."""
    return sorted(range(len(scores)), key=lambda i: scores[i], reverse=True)


def _notices_last(ranking: list[int], sentences: tuple[str, ...]) -> list[int]:
    """Whatever the method, a site notice (cookies, newsletter, paywall) is chosen last, if ever."""
    from briefing.summarize.cleaning import is_page_notice

    notices = {i for i in ranking if is_page_notice(sentences[i])}
    return [i for i in ranking if i not in notices] + [i for i in ranking if i in notices]


def summarize(
    article: Article,
    method: str = DEFAULT_METHOD,
    length: Length | None = None,
    order: str = "article",
) -> Summary:
    """Pick the article's most important sentences, verbatim.

    Args:
        article: the article to summarize.
        method: a name from METHODS.
        length: the summary's size (default: Length.default()).
        order: "article" lists the picks as they appear in the article (reads
            as a story); "score" lists them best first.

    Raises:
        UsageError: the method name or the order is unknown.
    """
    # Imported here, not above: `briefing --help` imports this package for the
    # method names, and the dataclasses behind these cost it a tenth of its start-up.
    from briefing.errors import UsageError
    from briefing.models import Pick, Summary
    from briefing.summarize.length import Length, choose

    if order not in ORDERS:
        raise UsageError(f"unknown order {order!r} (known: {', '.join(ORDERS)})")
    try:
        chosen_method = get_method(method)
    except KeyError as exc:
        raise UsageError(exc.args[0]) from None
    length = length or Length.default()
    sentences = article.sentences
    scores = chosen_method.rate(article) if sentences else []
    lengths = [len(s.split()) for s in sentences]
    ranking = _notices_last(rank(scores), sentences)
    needs = chosen_method.antecedents(article) if chosen_method.antecedents and sentences else None
    chosen = choose(ranking, lengths, length, needs)
    if order == "score":
        place = {index: position for position, index in enumerate(ranking)}
        chosen.sort(key=place.__getitem__)
    notes: tuple[str, ...] = ()
    if length.sentences is not None and length.sentences > len(sentences):
        notes = (
            f"the article has only {len(sentences)} sentence{'s' * (len(sentences) != 1)}; "
            "using all of them",
        )
    from briefing.summarize.sumy_methods import stemmer_note

    if note := stemmer_note(article.language):
        notes += (note,)
    picks = tuple(Pick(i, sentences[i], scores[i]) for i in chosen)
    return Summary(article=article, method=method, picks=picks, scores=tuple(scores), notes=notes)


def __getattr__(name: str) -> Any:
    """`Length` on first use (see `summarize`)."""
    if name == "Length":
        from briefing.summarize.length import Length

        return Length
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
