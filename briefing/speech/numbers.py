"""Numbers in English words as a newsreader says them: cardinals, decimals, ordinals, years, decades.

Written here rather than through num2words (which the other languages use):
English is on every run's path, and num2words loads all of its languages
(about 30 ms at every start) to say one. The words are num2words' own, but
for its commas, which the engine would read as pauses; "and" after hundreds
is said only in British English ("one hundred and five").
"""

from __future__ import annotations

from functools import lru_cache

_MAX_CARDINAL = 10**15
"""Beyond a quadrillion, digits are read one by one: nobody says such numbers as words."""
_DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = (
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_SCALES = ("", " thousand", " million", " billion", " trillion")
_ORDINALS = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}


def _under_hundred(number: int) -> str:
    if number < 10:
        return _DIGIT_WORDS[number]
    if number < 20:
        return _TEENS[number - 10]
    tens, ones = divmod(number, 10)
    return _TENS[tens] + (f"-{_DIGIT_WORDS[ones]}" if ones else "")


def _under_thousand(number: int, british: bool) -> str:
    hundreds, rest = divmod(number, 100)
    if not hundreds:
        return _under_hundred(rest)
    words = f"{_DIGIT_WORDS[hundreds]} hundred"
    if rest:
        words += (" and " if british else " ") + _under_hundred(rest)
    return words


def _words(number: int, british: bool) -> str:
    """0 <= number < _MAX_CARDINAL in words: groups of three digits, each with its scale."""
    if number == 0:
        return "zero"
    groups: list[int] = []
    while number:
        number, group = divmod(number, 1000)
        groups.append(group)
    said = [
        _under_thousand(group, british) + _SCALES[power]
        for power, group in reversed(list(enumerate(groups)))
        if group
    ]
    if british and len(said) > 1 and 0 < groups[0] < 100:
        said[-1] = "and " + said[-1]  # "one thousand and five"
    return " ".join(said)


def cardinal(number: int, *, british: bool = False) -> str:
    """1234 -> "one thousand two hundred thirty-four" ("... and thirty-four" when british)."""
    if abs(number) >= _MAX_CARDINAL:
        return digits(str(abs(number))) if number >= 0 else "minus " + digits(str(-number))
    return _cardinal(number, british)


@lru_cache(maxsize=4096)
def _cardinal(number: int, british: bool) -> str:
    """News repeats the same few numbers."""
    words = _words(abs(number), british)
    return "minus " + words if number < 0 else words


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
    words = cardinal(number, british=british)
    head, space, last = words.rpartition(" ")
    before, hyphen, last = last.rpartition("-")
    if last in _ORDINALS:
        last = _ORDINALS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return head + space + before + hyphen + last


def year(number: int, *, british: bool = False) -> str:
    """1987 -> "nineteen eighty-seven", 2024 -> "twenty twenty-four", 2005 -> "two thousand five"."""
    if number < 0:
        return year(-number, british=british) + " BC"
    if 2000 <= number <= 2009:
        return cardinal(number, british=british)
    high, low = divmod(number, 100)
    if high == 0 or high >= 100 or (high % 10 == 0 and low < 10):
        return cardinal(number, british=british)  # 1001: "one thousand (and) one"
    tail = "hundred" if low == 0 else f"oh {_DIGIT_WORDS[low]}" if low < 10 else cardinal(low)
    return f"{cardinal(high)} {tail}"  # "ten sixty-six", "nineteen oh five", "twenty-one hundred"


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
