"""Numbers as a newsreader says them: cardinals, decimals, ordinals, years and decades, via num2words."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache

_AND = re.compile(r"\band\s+(?=\S)")
_COMMA = re.compile(r",")
_MAX_CARDINAL = 10**15
"""Beyond a quadrillion, digits are read one by one: nobody says such numbers as words."""
_DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


@cache
def _num2words() -> Callable[..., str]:
    from num2words import num2words

    return num2words


def _clean(words: str, *, british: bool) -> str:
    """num2words puts commas (which the engine reads as pauses) and British "and" in numbers."""
    words = _COMMA.sub("", words)
    if not british:
        words = _AND.sub("", words)
    return " ".join(words.split())


def cardinal(number: int, *, british: bool = False) -> str:
    """1234 -> "one thousand two hundred thirty-four" ("... and thirty-four" when british)."""
    if abs(number) >= _MAX_CARDINAL:
        return digits(str(abs(number))) if number >= 0 else "minus " + digits(str(-number))
    return _cardinal(number, british)


@lru_cache(maxsize=4096)
def _cardinal(number: int, british: bool) -> str:
    """num2words is the slowest step of reading a number; news repeats the same few."""
    return _clean(_num2words()(number), british=british)


def digits(text: str) -> str:
    """Read a string of digits one by one ("007" -> "zero zero seven")."""
    return " ".join(_DIGIT_WORDS[int(d)] for d in text if d.isdecimal())


def decimal(text: str, *, british: bool = False) -> str:
    """A written number such as "1,234.05" or ".5" -> "one thousand two hundred thirty-four point zero five"."""
    text = text.replace(",", "")
    whole, _, fraction = text.partition(".")
    if len(whole) > len(str(_MAX_CARDINAL)):
        words = digits(whole)  # never int(): a 5,000-digit string is past its conversion limit
    else:
        words = cardinal(int(whole), british=british) if whole else "zero"
    if fraction:
        words += " point " + digits(fraction)
    return words


def ordinal(number: int, *, british: bool = False) -> str:
    """21 -> "twenty-first"."""
    if number >= _MAX_CARDINAL:
        return digits(str(number))
    return _clean(_num2words()(number, to="ordinal"), british=british)


def year(number: int, *, british: bool = False) -> str:
    """1987 -> "nineteen eighty-seven", 2024 -> "twenty twenty-four", 2005 -> "two thousand five"."""
    if 2000 <= number <= 2009:
        return cardinal(number, british=british)
    if number % 100 == 0 and 1000 < number < 10000 and number != 2000:
        return cardinal(number // 100) + " hundred"  # 2100: "twenty-one hundred"
    words = _num2words()(number, to="year")
    return _clean(words.replace("oh-", "oh "), british=british)


def plural(words: str) -> str:
    """The plural of a number in words, as in decades: "ninety" -> "nineties", "six" -> "sixes"."""
    if words.endswith("y"):
        return words[:-1] + "ies"
    if words.endswith(("x", "s")):
        return words + "es"
    return words + "s"


def decade(number: int, *, british: bool = False) -> str:
    """1990 -> "nineteen nineties", 80 -> "eighties", 2000 -> "two thousands"."""
    if number < 100:
        return plural(cardinal(number, british=british))
    return plural(year(number, british=british))
