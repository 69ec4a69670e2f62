"""sumy's summarizers run on our own document model and offline tokenizer, with their ratings kept."""

from __future__ import annotations

import math
import re
from functools import cache
from typing import TYPE_CHECKING, Any

from briefing.language import ISO_CODES
from briefing.summarize.document import Document, Paragraph, Sentence
from briefing.summarize.stems import lowercase, snowball_stemmer
from briefing.text import OfflineTokenizer, split_words

if TYPE_CHECKING:
    from briefing.models import Article

STIGMA_WORDS = ("reportedly", "allegedly", "rumoured", "rumored", "unconfirmed", "advertisement")
"""Edmundson's cue method needs words that mark a sentence as unimportant."""


def build_document(article: Article) -> Document:
    """The article as the document model sumy's summarizers read: the title and subheads as headings.

    Sentences are built from our own split so each stays verbatim, and
    `document.sentences` lists exactly `article.sentences` in order.
    """
    tokenize = _tokenizer(article.language).to_words
    paragraphs = [Paragraph([Sentence(article.title, tokenize, is_heading=True)])]
    for block in article.blocks:
        paragraphs.append(
            Paragraph([Sentence(s, tokenize, is_heading=block.is_heading) for s in block.sentences])
        )
    return Document(paragraphs)


@cache
def _tokenizer(language: str) -> OfflineTokenizer:
    return OfflineTokenizer(language)


@cache
def stemmer(language: str) -> Any:
    """sumy's stemmer for the language (English's when sumy has none), without NLTK where possible.

    Built the way sumy's `Stemmer` builds it, minus its language-name lookup,
    which loads pycountry's whole database (tens of milliseconds per run) to
    learn that "english" means English; see stems.py for the Snowball stemmers.
    """
    name = _language_name(language)
    return _working(snowball_stemmer(name), name)


_FALLBACKS: dict[str, str] = {}
"""Languages whose stemmer could not run, with what the user should know."""


def _working(stem: Any, name: str) -> Any:
    """`stem` if it runs here; else no stemming, noted (sumy's Polish and Greek ones need
    packages that aren't installed and only say so when first called)."""
    try:
        stem("test")
    except Exception as exc:  # sumy raises ValueError, a broken package anything
        package = re.search(r"install (?:it by command )?'?pip install ([\w.-]+)", str(exc))
        extra = f" (install {package.group(1)} to stem them)" if package else ""
        _FALLBACKS[name] = f"{name.capitalize()} words are compared unstemmed{extra}"
        return lowercase  # sumy's null stemmer
    return stem


def stemmer_note(language: str) -> str | None:
    """Why the language's words were compared unstemmed, if its stemmer could not run."""
    return _FALLBACKS.get(_language_name(language))


@cache
def stop_words(language: str) -> frozenset[str]:
    """sumy's stop words for the language (none when sumy has no list), read as sumy reads them."""
    import pkgutil

    name = _language_name(language)
    try:
        data = pkgutil.get_data("sumy", f"data/stopwords/{name}.txt") if name.isalpha() else None
    except OSError:
        data = None
    if not data:
        return frozenset()
    return frozenset(w.rstrip() for w in data.decode("utf-8").splitlines() if w)


_NAMES_OF_CODES = {code: name for name, code in ISO_CODES.items()}
"""The codes of the languages we detect, named without loading pycountry (and `requests`)."""


def _language_name(language: str) -> str:
    """sumy's name for a language: codes ("en", "deu") go through pycountry, names stay."""
    common = _NAMES_OF_CODES.get(language.lower())
    if common is not None:
        return common
    if len(language) <= 3:
        from sumy.utils import normalize_language

        return normalize_language(language)
    return language.lower()


def make_summarizer(cls: type, article: Article) -> Any:
    """An instance of a sumy summarizer class, configured for the article's language."""
    summarizer = cls(stemmer(article.language))
    if hasattr(summarizer, "stop_words"):
        summarizer.stop_words = stop_words(article.language)
    if hasattr(summarizer, "bonus_words"):
        _configure_edmundson(summarizer, article)
    return summarizer


def _configure_edmundson(summarizer: Any, article: Article) -> None:
    """Edmundson's cue words come from the title (falling back to the first sentence)."""
    stops = stop_words(article.language)
    for text in (article.title, article.sentences[0] if article.sentences else ""):
        words = [w for w in split_words(text) if w.lower() not in stops] or split_words(text)
        if words:
            summarizer.bonus_words = words
            break
    else:
        summarizer.bonus_words = ["news"]
    summarizer.stigma_words = STIGMA_WORDS
    summarizer.null_words = sorted(stops) or ["the"]


def rate_with(summarizer: Any, document: Document) -> list[float]:
    """Every sentence's rating as the summarizer computes it, in document order.

    sumy summarizers end by handing their ratings to `_get_best_sentences`;
    catching them there gives the scores without touching each algorithm, and
    ranking by them reproduces sumy's own choice (a stable best-first sort).
    """
    captured: list[float] = []

    def capture(sentences: Any, count: Any, rating: Any, *args: Any, **kwargs: Any) -> tuple:
        rate = rating.__getitem__ if isinstance(rating, dict) else rating
        captured.extend(_finite(rate(s, *args, **kwargs)) for s in sentences)
        return ()

    summarizer._get_best_sentences = capture
    summarizer(document, len(document.sentences))
    return captured


def _finite(value: Any) -> float:
    number = float(value)
    return number if math.isfinite(number) else 0.0
