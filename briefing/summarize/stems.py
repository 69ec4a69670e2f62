"""Snowball stemmers without NLTK: PyStemmer's C stemmers wherever their stems are NLTK's.

sumy stems with NLTK's Snowball classes, and `import nltk` costs over a second
(it loads numpy, its translate and metrics packages and `regex`) to give us a
few hundred lines of stemming rules. PyStemmer 2.2 compiles the same Snowball
algorithms; for the languages in SAME_AS_NLTK it gives NLTK's stem for every
word of the dev set, the samples and sumy's stop-word lists
(tests/summarize/test_stems.py keeps checking that). PyStemmer 3 follows
Snowball 3, whose English rules changed ("added" stems to "add", not "ad"),
hence the pin below 3 in pyproject.toml.

For the other languages NLTK's own stemmer is used (Arabic is NLTK's own
algorithm; Danish, Hungarian and Russian differ in a few words), and sumy's
special stemmers (Czech, Greek, ...) stay sumy's: those runs pay the import.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

SAME_AS_NLTK = frozenset(
    {
        "dutch",
        "english",
        "finnish",
        "french",
        "german",
        "italian",
        "norwegian",
        "portuguese",
        "romanian",
        "spanish",
        "swedish",
    }
)
"""Languages whose PyStemmer stems equal NLTK's SnowballStemmer's (NLTK lowercases first)."""

LOWERCASE_ONLY = frozenset({"hebrew", "chinese", "japanese", "korean"})
"""Languages sumy does not stem: its null stemmer only lowercases."""

SUMY_SPECIAL = frozenset({"czech", "slovak", "ukrainian", "greek", "polish"})
"""Languages with a stemmer of sumy's own."""


def lowercase(word: str) -> str:
    """sumy's null stemmer: the word in lower case."""
    return word.lower()


def snowball_stemmer(name: str) -> Callable[[str], str]:
    """The stem function sumy's `Stemmer(name)` would use, English's for an unknown language.

    `name` is sumy's lower-case language name ("english", not "en").
    """
    if name in LOWERCASE_ONLY:
        return lowercase
    if name in SUMY_SPECIAL:
        from sumy.nlp.stemmers import Stemmer

        stem: Callable[[str], str] = Stemmer.SPECIAL_STEMMERS[name]
        return stem
    if name not in SAME_AS_NLTK:
        from nltk.stem import snowball

        nltk_class = getattr(snowball, f"{name.capitalize()}Stemmer", None)
        if nltk_class is not None:
            nltk_stem: Callable[[str], str] = nltk_class().stem
            return nltk_stem
        name = "english"
    return _ThreadStemmer(name)


class _ThreadStemmer:
    """PyStemmer's stemmer for a language, one per thread (its objects are not thread-safe)."""

    def __init__(self, name: str) -> None:
        import Stemmer

        self._name = name
        self._make = Stemmer.Stemmer
        self._local = threading.local()

    def __call__(self, word: str) -> str:
        try:
            stem_word = self._local.stem_word
        except AttributeError:
            # No cache of PyStemmer's own: callers cache stems already, and past
            # its 10,000 words its purges made each stem ~3x slower.
            stem_word = self._local.stem_word = self._make(self._name, 0).stemWord
        result: str = stem_word(word.lower())  # NLTK lowercases before stemming
        return result
