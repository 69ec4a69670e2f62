"""Pauses for dashes, quotes and brackets, and the final tidy of spaces and punctuation (any language)."""

from __future__ import annotations

import re

_RANGE = re.compile(r"(?<=\d)\s?[–—-]\s?(?=\d)|(?<=\d%)\s?[–—-]\s?(?=\d)")
_DASH = re.compile(r"\s*[—―]\s*|\s+[–-]{1,2}\s+|\s*--\s*|\s*–\s*(?=\D)")
_QUOTED = re.compile(r'"([^"\n]*)"')
_BRACKETS = re.compile(r"\s*[(\[]\s*([^()\[\]]*?)\s*[)\]]")


def read_pauses(text: str) -> str:
    """Dashes and long quotes become pauses (commas); nothing of them is ever spoken."""
    text = _RANGE.sub(" to ", text)
    text = _DASH.sub(", ", text)

    def quoted(m: re.Match[str]) -> str:
        inner = m[1].strip()
        # A scare-quoted word or two is read straight through; a longer quotation
        # gets a pause after it when the sentence goes on ("... disaster," and left).
        after = m.string[m.end() : m.end() + 2].strip()[:1]
        if len(inner.split()) > 2 and (after.isalnum() or after == "(") and inner[-1:].isalnum():
            return f" {inner}, "
        return f" {inner} "

    text = _QUOTED.sub(quoted, text)
    text = text.replace('"', " ")
    text = _BRACKETS.sub(lambda m: f", {m[1]}," if m[1] else "", text)
    return re.sub(r"[()\[\]{}]", " ", text)


_TIDY = [
    (re.compile(r"\s+"), " "),
    (re.compile(r"\s+(?=[,.;:!?])"), ""),
    (re.compile(r"(?<=\w)\s+(?='s\b)"), ""),
    (re.compile(r",(?:\s*,)+"), ","),
    (re.compile(r",\s*(?=[.;:!?])"), ""),
    (re.compile(r"([;:!?])\s*,"), r"\1"),
    (re.compile(r"(?<=\w[!?])\s*,"), ""),
    (re.compile(r"(?<=\w\w\.)\s*,(?=\s|$)"), ""),
    (re.compile(r"(?<![.\w])\.\s*,"), ","),
    (re.compile(r"^[\s,;:.]+"), ""),
    (re.compile(r"(?<=[,;:])(?=[^\s\d])"), " "),
    (re.compile(r"\.{4,}"), "..."),
    (re.compile(r"(?<!\.)\.\.(?!\.)"), "."),
    (re.compile(r"'{2,}"), "'"),
    (re.compile(r"-{2,}"), "-"),
    (re.compile(r"(?<!\w)-(?!\w)"), " "),
    (re.compile(r"\s+"), " "),
]


def tidy(text: str) -> str:
    """One space between words, no space before punctuation, no doubled or stray commas."""
    for pattern, replacement in _TIDY:
        text = pattern.sub(replacement, text)
    return text.strip()
