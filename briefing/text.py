"""Offline sentence and word splitting (no NLTK downloads), shared by ingest and summarizers."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

_TERMINAL = ".!?…:;\"'”’»)]"
_WORD = re.compile(r"\w", re.UNICODE)
_SPACE = re.compile(r"\s+")
SUBHEAD_MAX_WORDS = 10
"""Lines at most this long without end punctuation are subheads, not sentences."""


def squash(text: str) -> str:
    """Collapse runs of whitespace; hard-wrapped lines become one line."""
    return _SPACE.sub(" ", text).strip()


def is_subhead(line: str) -> bool:
    """A short line with no sentence-ending punctuation, e.g. "Japan worried"."""
    line = line.strip()
    if not line or line[-1] in _TERMINAL:
        return False
    return len(line.split()) <= SUBHEAD_MAX_WORDS


def split_sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences, each verbatim (whitespace squashed) from the input."""
    text = squash(paragraph)
    if not text:
        return []
    import nupunkt

    return [s for a, b in nupunkt.sent_spans(text) if (s := text[a:b].strip())]


def split_words(sentence: str) -> list[str]:
    """Word tokens with any letter or digit in them (punctuation tokens dropped)."""
    return [w for w in _word_tokenizer().tokenize(sentence) if _WORD.search(w)]


@cache
def _word_tokenizer():
    from nltk.tokenize.destructive import NLTKWordTokenizer

    return NLTKWordTokenizer()


class OfflineTokenizer:
    """The tokenizer object sumy's parsers and document model expect, with no downloads."""

    def __init__(self, language: str = "english") -> None:
        self.language = language

    def to_sentences(self, paragraph: str) -> Sequence[str]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> Sequence[str]:
        return tuple(split_words(sentence))
