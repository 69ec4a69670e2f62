"""Symbols as English words (&, #, @, /, +, %) and every number still left as digits."""

from __future__ import annotations

import re
from collections.abc import Callable

from briefing.speech import numbers as num

_PER = {"hour": "an hour", "hr": "an hour", "h": "an hour", "day": "a day", "week": "a week",
        "wk": "a week", "month": "a month", "mo": "a month", "year": "a year", "yr": "a year",
        "night": "a night", "person": "a person", "head": "a head"}  # fmt: skip
_SYMBOLS: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    (
        re.compile(r"(?<=[a-z\d])\s?/\s?(" + "|".join(_PER) + r")\b"),
        lambda m: f" {_PER[m[1]]}",
    ),
    (re.compile(r"(?<![\w])([A-Z])\s?&\s?([A-Z])(?![\w])"), r"\1. and \2."),
    (re.compile(r"\s*&\s*"), " and "),
    (re.compile(r"#\s?(?=\d)"), "number "),
    (re.compile(r"(?<![\w])#(?=[A-Za-z])"), "hashtag "),
    (re.compile(r"#"), " "),
    (re.compile(r"(?<=\d)\s?[x×]\s?(?=\d)"), " by "),
    (re.compile(r"×"), " times "),
    (re.compile(r"±\s?"), " plus or minus "),
    (re.compile(r"(?<=\d)\+"), " plus"),
    (re.compile(r"(?<![\w])\+(?=\d)"), "plus "),
    (re.compile(r"\s?\+\s?"), " plus "),
    (re.compile(r"\s?=\s?"), " equals "),
    (re.compile(r"~\s?(?=\d)"), "about "),
    (re.compile(r"(?<![\w])<\s?(?=\d)"), "less than "),
    (re.compile(r"(?<![\w])>\s?(?=\d)"), "more than "),
    (re.compile(r"§\s?"), "section "),
    (re.compile(r"°"), " degrees "),
    (re.compile(r"@"), " at "),
    (re.compile(r"\band/or\b"), "and or"),
    (re.compile(r"(?<=[a-z])/(?=[a-z])"), " or "),
    (re.compile(r"(?<=[A-Za-z])/(?=[A-Za-z])"), " "),
    (re.compile(r"\s*/\s*"), " slash "),
    (re.compile(r"[*_|\\^`<>{}~]+"), " "),
    (re.compile(r"™|®|©|†|‡|¶|•|·"), " "),
    (re.compile(r"%"), " percent "),
]


def read_symbols(text: str) -> str:
    """&, #, @, /, + and the like as words; decorations dropped."""
    for pattern, spoken in _SYMBOLS:
        text = pattern.sub(spoken, text)
    return text


_GROUPED = re.compile(r"(?<![\w.])(?P<sign>-)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?)(?![\d])")
_PLAIN = re.compile(r"(?P<sign>(?<![\w.])-)?(?P<num>\d+(?:\.\d+)?|(?<!\w)\.\d+)")
_GLUED = re.compile(r"(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")


def read_numbers(text: str) -> str:
    """Every number left: "1,500" -> "one thousand five hundred", "-4" -> "minus four"."""

    def number(m: re.Match[str]) -> str:
        written = m["num"]
        sign = "minus " if m["sign"] else ""
        if written.startswith("0") and len(written) > 1 and written[1].isdigit():
            return sign + num.digits(written)  # "007", a code not a quantity
        return sign + num.decimal(written)

    text = re.sub(r"(?<=[A-Za-z])-(?=\d)", " ", text)
    text = _GLUED.sub(" ", text)
    text = _GROUPED.sub(number, text)
    return _PLAIN.sub(number, text)
