"""A document model with sumy's interface, built without importing sumy (whose models load `requests`).

sumy's summarizers only read a document through a few attributes: the
document's and paragraphs' `sentences`, `headings` and `words`, and each
sentence's `words`, `is_heading` and text. These classes give the same
values, and sentences compare and hash as sumy's do (by text and heading
flag), which matters: sumy keys its ratings by sentence, so repeated
sentences share one rating.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cached_property
from itertools import chain


class Sentence:
    """A sentence and its word tokens, tokenized on first use (as sumy's Sentence does)."""

    def __init__(
        self, text: str, tokenize: Callable[[str], Sequence[str]], is_heading: bool = False
    ) -> None:
        self._text = text.strip()
        self._tokenize = tokenize
        self._is_heading = bool(is_heading)

    @cached_property
    def words(self) -> Sequence[str]:
        return self._tokenize(self._text)

    @property
    def is_heading(self) -> bool:
        return self._is_heading

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sentence):
            return NotImplemented
        return self._is_heading is other._is_heading and self._text == other._text

    def __hash__(self) -> int:
        return hash((self._is_heading, self._text))

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return f"<{'Heading' if self._is_heading else 'Sentence'}: {self._text}>"


class Paragraph:
    """Sentences and headings in reading order."""

    def __init__(self, sentences: Iterable[Sentence]) -> None:
        self._sentences = tuple(sentences)

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(s for s in self._sentences if not s.is_heading)

    @cached_property
    def headings(self) -> tuple[Sentence, ...]:
        return tuple(s for s in self._sentences if s.is_heading)

    @cached_property
    def words(self) -> tuple[str, ...]:
        return tuple(chain.from_iterable(s.words for s in self._sentences))


class Document:
    """Paragraphs, with the document-wide lists sumy's summarizers read."""

    def __init__(self, paragraphs: Iterable[Paragraph]) -> None:
        self._paragraphs = tuple(paragraphs)

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return self._paragraphs

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(chain.from_iterable(p.sentences for p in self._paragraphs))

    @cached_property
    def headings(self) -> tuple[Sentence, ...]:
        return tuple(chain.from_iterable(p.headings for p in self._paragraphs))

    @cached_property
    def words(self) -> tuple[str, ...]:
        return tuple(chain.from_iterable(p.words for p in self._paragraphs))
