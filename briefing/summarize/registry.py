"""Every summarizing method by name, with a one-line description; nothing heavy is imported here."""

from __future__ import annotations

from collections.abc import Callable

TYPE_CHECKING = False  # not typing's: `briefing --help` imports this module (test_startup.py)
if TYPE_CHECKING:
    from briefing.models import Article

DEFAULT_METHOD = "news"


class Method:
    """A summarizing method: it rates every body sentence; higher is better.

    A plain class, not a dataclass: `briefing --help` lists the methods, and
    importing `dataclasses` (which loads `inspect`) is a tenth of its start-up.
    `antecedents`, for methods that keep picks coherent, gives the sentence each
    one leans on (see coherence).
    """

    __slots__ = ("antecedents", "description", "name", "rate")

    def __init__(
        self,
        name: str,
        description: str,
        rate: Callable[[Article], list[float]],
        antecedents: Callable[[Article], list[int | None]] | None = None,
    ) -> None:
        self.name = name
        self.description = description
        self.rate = rate
        self.antecedents = antecedents

    def __repr__(self) -> str:
        return f"Method({self.name!r})"


def _sumy(module: str, cls: str) -> Callable[[Article], list[float]]:
    def rate(article: Article) -> list[float]:
        import importlib

        from briefing.summarize.sumy_methods import build_document, make_summarizer, rate_with

        summarizer_cls = getattr(importlib.import_module(module), cls)
        return rate_with(make_summarizer(summarizer_cls, article), build_document(article))

    return rate


def _lead(article: Article) -> list[float]:
    from briefing.summarize.lead import rate_lead

    return rate_lead(article)


def _news(article: Article) -> list[float]:
    from briefing.summarize.news import rate_news

    return rate_news(article)


def _news_antecedents(article: Article) -> list[int | None]:
    from briefing.summarize.coherence import antecedents

    return antecedents(article.sentences, article.language)


METHODS: dict[str, Method] = {
    m.name: m
    for m in (
        Method(
            "news",
            "News: the lead first, then what later sentences elaborate on; skips captions,"
            " bylines and repeats.",
            _news,
            _news_antecedents,
        ),
        Method("lead", "The first sentences of the article (the classic news baseline).", _lead),
        Method(
            "lexrank",
            "LexRank: sentences most similar to the rest of the article (graph centrality).",
            _sumy("briefing.summarize.fast_lexrank", "FastLexRankSummarizer"),
        ),
        Method(
            "textrank",
            "TextRank: PageRank over sentences linked by shared words.",
            _sumy("briefing.summarize.fast_textrank", "FastTextRankSummarizer"),
        ),
        Method(
            "lsa",
            "LSA: sentences that best cover the article's main topics (singular value decomposition).",
            _sumy("briefing.summarize.fast_lsa", "FastLsaSummarizer"),
        ),
        Method(
            "luhn",
            "Luhn: sentences dense in the article's most frequent significant words.",
            _sumy("briefing.summarize.fast_luhn", "FastLuhnSummarizer"),
        ),
        Method(
            "kl",
            "KL-Sum: sentences whose words best match the article's word distribution.",
            _sumy("briefing.summarize.fast_kl", "FastKLSummarizer"),
        ),
        Method(
            "sumbasic",
            "SumBasic: sentences of frequent words, discounting words already used.",
            _sumy("briefing.summarize.fast_sumbasic", "FastSumBasicSummarizer"),
        ),
        Method(
            "reduction",
            "Reduction: sentences sharing the most weighted words with the others.",
            _sumy("briefing.summarize.fast_reduction", "FastReductionSummarizer"),
        ),
        Method(
            "edmundson",
            "Edmundson: cue words from the title, title overlap and position.",
            _sumy("briefing.summarize.fast_edmundson", "FastEdmundsonSummarizer"),
        ),
    )
}


def get_method(name: str) -> Method:
    """The method called `name`; raises KeyError listing the known names."""
    try:
        return METHODS[name]
    except KeyError:
        raise KeyError(f"unknown method {name!r} (known: {', '.join(METHODS)})") from None
