"""Emails, web addresses and @handles spelled out ("bbc.co.uk" -> "B.B.C. dot co dot U.K.").

Runs for every language before its own rules; the words it says ("dot", "slash", "at")
and the numbers in addresses are English for now.
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


def _label(label: str) -> str:
    """One dotted part of an address: short vowel-less parts are spelled, words are said."""
    if not label:
        return ""
    if label.isdecimal():
        return num.digits(label) if len(label) > 4 else num.cardinal(int(label))
    if label.lower() in _SPELLED_LABELS or (len(label) <= 4 and not _VOWEL.search(label)):
        return spelled(label.upper())
    return re.sub(r"[-_]", " ", label)


def _say_address(address: str) -> str:
    """Host and path of an address, part by part, joined by "dot" and "slash"."""
    address = re.sub(r"^https?://", "", address, flags=re.I).rstrip("/")
    host, _, path = address.partition("/")
    words = " dot ".join(_label(part) for part in host.split("."))
    if path:
        pieces = [p for p in re.split(r"[/?=&#]+", path) if p]
        spoken = [" dot ".join(_label(x) for x in re.split(r"[.]", p) if x) for p in pieces]
        words += " slash " + " slash ".join(s for s in spoken if s)
    return words


def read_web(text: str) -> str:
    """Emails and web addresses spelled out: "bbc.co.uk" -> "B.B.C. dot co dot U.K."."""

    def email(m: re.Match[str]) -> str:
        local, _, domain = m[0].partition("@")
        local_words = " dot ".join(_label(p) for p in local.split(".") if p)
        return f"{local_words} at {_say_address(domain)}"

    text = _EMAIL.sub(email, text)
    text = _URL.sub(lambda m: _say_address(m[0]), text)
    return _HANDLE.sub("at ", text)
