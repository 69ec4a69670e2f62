"""Emails, web addresses and @handles spelled out ("bbc.co.uk" -> "B.B.C. dot co dot U.K.").

Runs before a language's own rules, with that language's words for "dot", "slash" and
"at" (LanguageRules.web_words); numbers in addresses are said in English only for English,
and left to the language's own rules otherwise.
"""

from __future__ import annotations

import re

from briefing.speech import numbers as num
from briefing.speech.lexicon import spelled

_TLDS = (
    "com|org|net|gov|edu|int|mil|info|biz|io|ai|co|uk|us|eu|de|fr|es|it|nl|ca|au|nz|ie|in|"
    "jp|cn|ru|br|ch|se|no|dk|fi|be|at|pl|tv|me|news|app|dev|ly|gl|gg"
)
_URL = re.compile(
    rf"(?<![\w.-])(?:https?://)?(?:www\.)?(?:[A-Za-z0-9-]{{1,63}}\.){{1,10}}(?:{_TLDS})\b(?:/[\w\-./%?=&#~+]*[\w/])?/?",
    re.I,
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,10}\b")
_HANDLE = re.compile(r"(?<![\w@])@(?=[A-Za-z_]\w*)")
_SPELLED_LABELS = {"www", "uk", "us", "eu", "bbc", "cnn", "nhs", "fbi", "un", "nyc", "io", "ai"}
_VOWEL = re.compile(r"[aeiouy]", re.I)


ENGLISH_WORDS = ("dot", "slash", "at")


def _label(label: str, english: bool = True) -> str:
    """One dotted part of an address: short vowel-less parts are spelled, words are said."""
    if not label:
        return ""
    if label.isdecimal() and not english:
        return label
    if label.isdecimal():
        return num.digits(label) if len(label) > 4 else num.cardinal(int(label))
    if label.lower() in _SPELLED_LABELS or (len(label) <= 4 and not _VOWEL.search(label)):
        return spelled(label.upper())
    return re.sub(r"[-_]", " ", label)


def _say_address(address: str, words: tuple[str, str, str] = ENGLISH_WORDS) -> str:
    """Host and path of an address, part by part, joined by "dot" and "slash"."""
    dot, slash, _ = (f" {w} " for w in words)
    english = words == ENGLISH_WORDS
    address = re.sub(r"^https?://", "", address, flags=re.I).rstrip("/")
    host, _, path = address.partition("/")
    said = dot.join(_label(part, english) for part in host.split("."))
    if path:
        pieces = [p for p in re.split(r"[/?=&#]+", path) if p]
        spoken = [dot.join(_label(x, english) for x in re.split(r"[.]", p) if x) for p in pieces]
        said += slash + slash.join(s for s in spoken if s)
    return said


def read_web(text: str, words: tuple[str, str, str] = ENGLISH_WORDS) -> str:
    """Emails and web addresses spelled out: "bbc.co.uk" -> "B.B.C. dot co dot U.K."."""
    dot, _, at = words
    english = words == ENGLISH_WORDS

    def email(m: re.Match[str]) -> str:
        local, _, domain = m[0].partition("@")
        local_words = f" {dot} ".join(_label(p, english) for p in local.split(".") if p)
        return f"{local_words} {at} {_say_address(domain, words)}"

    text = _EMAIL.sub(email, text)
    text = _URL.sub(lambda m: _say_address(m[0], words), text)
    return _HANDLE.sub(f"{at} ", text)
