"""PyStemmer's Snowball stemmers give NLTK's stems (what sumy uses) for the languages we hand to it."""

from __future__ import annotations

import json
import pkgutil
import re
from functools import cache

import pytest
from nltk.stem import snowball
from support import EVAL_SET, SAMPLES

from briefing.summarize.stems import SAME_AS_NLTK, snowball_stemmer
from briefing.summarize.sumy_methods import stemmer

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
STOP_WORD_LANGUAGES = ("english", "french", "german", "italian", "portuguese", "spanish", "swedish")


@cache
def vocabulary() -> tuple[str, ...]:
    """Words of the samples, the first dev-set articles (when here) and sumy's stop-word lists."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    if EVAL_SET.exists():
        lines = EVAL_SET.read_text(encoding="utf-8").splitlines()[:150]
        texts += [json.loads(line)["article"] for line in lines if line]
    for language in STOP_WORD_LANGUAGES:
        texts.append((pkgutil.get_data("sumy", f"data/stopwords/{language}.txt") or b"").decode())
    words = {w for text in texts for w in _WORD.findall(text)}
    # As typed and lower-cased: sumy lowercases before stemming, NLTK does again.
    return tuple(sorted(words | {w.lower() for w in words}))


@pytest.mark.parametrize("language", sorted(SAME_AS_NLTK))
def test_pystemmer_stems_are_nltks(language: str) -> None:
    ours = snowball_stemmer(language)
    nltk_stem = getattr(snowball, f"{language.capitalize()}Stemmer")().stem
    different = [(w, ours(w), nltk_stem(w)) for w in vocabulary() if ours(w) != nltk_stem(w)]
    assert not different[:10]


@pytest.mark.parametrize("language", ["arabic", "danish", "hungarian", "russian"])
def test_languages_where_they_differ_keep_nltks_stemmer(language: str) -> None:
    """PyStemmer 2.2 stems a few words of these otherwise (Arabic is NLTK's own algorithm)."""
    nltk_stem = getattr(snowball, f"{language.capitalize()}Stemmer")().stem
    ours = stemmer(language)
    assert [ours(w) for w in vocabulary()[:3000]] == [nltk_stem(w) for w in vocabulary()[:3000]]


def test_english_is_the_snowball_of_nltk_not_snowball_3() -> None:
    """Snowball 3 changed English ("added" -> "add"); the pin keeps the stems sumy's picks were made with."""
    assert [stemmer("en")(w) for w in ("added", "evening", "emergency", "Running")] == [
        "ad",
        "even",
        "emerg",
        "run",
    ]
