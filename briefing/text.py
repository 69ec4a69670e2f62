"""Offline sentence and word splitting (no NLTK downloads), shared by ingest and summarizers."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from briefing.models import Block

_TERMINAL = ".!?…:;\"'”’»)]。！？｡」』"
_FULL_STOP = re.compile(r"(?<=[。！？｡])(?![」』”’)）])\s*")
"""Sentence ends in Chinese/Japanese text, which the Punkt model does not know."""
_FULL_STOP_MARK = re.compile(r"[。！？｡]")
"""A quick test for _FULL_STOP: its look-behind makes a search try every position slowly."""
_WORD = re.compile(r"\w", re.UNICODE)
SUBHEAD_MAX_WORDS = 10
"""Lines at most this long without end punctuation are subheads, not sentences."""
SUBHEAD_MAX_CHARS = 80
MAX_SENTENCE_CHARS = 2000
"""No real sentence is longer: a longer run without a full stop is cut between words, so a
summary never picks a "sentence" of hours (and every later stage sees bounded pieces)."""


def squash(text: str) -> str:
    """Collapse runs of whitespace; hard-wrapped lines become one line.

    str.split() splits at exactly the characters `\\s` matches in a str
    pattern, several times faster than a substitution on long paragraphs.
    """
    return " ".join(text.split())


def is_subhead(line: str) -> bool:
    """A short line with no sentence-ending punctuation, e.g. "Japan worried"."""
    line = line.strip()
    if not line or line[-1] in _TERMINAL:
        return False
    return len(line.split()) <= SUBHEAD_MAX_WORDS and len(line) <= SUBHEAD_MAX_CHARS


def split_sentences(paragraph: str, language: str = "english") -> list[str]:
    """Split a paragraph into sentences, each verbatim (whitespace squashed) from the input.

    `language` (a name, "german") picks the splitter that knows its abbreviations and
    ordinal dates (see briefing.splitting); English's is used for any other.
    """
    text = squash(paragraph)
    if not text:
        return []
    if language != "english":
        from briefing.splitting import split_in

        if (split := split_in(text, language)) is not None:
            return split
    import nupunkt

    sentences = [s for a, b in nupunkt.sent_spans(text) if (s := text[a:b].strip())]
    if _FULL_STOP_MARK.search(text):
        sentences = [p for s in sentences for p in _FULL_STOP.split(s) if p.strip()]
    if any(len(s) > MAX_SENTENCE_CHARS for s in sentences):
        sentences = [p for s in sentences for p in _cut_long(s)]
    return sentences


def _cut_long(sentence: str) -> list[str]:
    """A sentence in pieces of at most MAX_SENTENCE_CHARS, cut at spaces where there are any."""
    pieces: list[str] = []
    while len(sentence) > MAX_SENTENCE_CHARS:
        cut = sentence.rfind(" ", MAX_SENTENCE_CHARS // 2, MAX_SENTENCE_CHARS + 1)
        cut = cut if cut > 0 else MAX_SENTENCE_CHARS
        pieces.append(sentence[:cut].strip())
        sentence = sentence[cut:].strip()
    return [p for p in (*pieces, sentence) if p]


_TOKEN = re.compile(
    r"""
      \w+(?:\.\w+)+\.?                  # U.S.  StatusPeople.com  9.30
    | \d+(?:[,:]\d+)+                    # 1,000  10:30
    | (?i:n['’]t)\b                       # the n't of don't
    | ['’](?i:s|re|ve|ll|d|m)\b           # clitics: 's 're 've 'll 'd 'm
    | \w{1,30}?(?=(?i:n['’]t)\b)          # the do of don't (bounded: a lazy \w+? rescans long words)
    | \w+(?:['’]\w+)*(?:[-‐]\w+(?:['’]\w+)*)*   # words, O'Carroll, well-known
    """,
    re.VERBOSE,
)
"""Treebank-style words (contractions split, compounds kept) at regex speed."""


def split_words(sentence: str) -> list[str]:
    """Word tokens with any letter or digit in them (punctuation dropped), no downloads needed.

    A regular expression in the spirit of the Penn Treebank rules: NLTK's
    tokenizer gives nearly the same words but costs ~50x more, which
    dominated summarizing long documents.
    """
    return [w for w in _TOKEN.findall(sentence) if _WORD.search(w)]


class OfflineTokenizer:
    """The tokenizer object sumy's parsers and document model expect, with no downloads."""

    def __init__(self, language: str = "english") -> None:
        self.language = language

    def to_sentences(self, paragraph: str) -> Sequence[str]:
        return tuple(split_sentences(paragraph, self.language))

    def to_words(self, sentence: str) -> Sequence[str]:
        return tuple(split_words(sentence))


def in_language(blocks: Sequence[Block], language: str) -> tuple[Block, ...]:
    """The blocks' sentences split again with `language`'s splitter (headings kept as they are)."""
    from dataclasses import replace

    if language == "english":
        return tuple(blocks)
    return tuple(
        b if b.is_heading else replace(b, sentences=tuple(split_sentences(b.text, language)))
        for b in blocks
    )
