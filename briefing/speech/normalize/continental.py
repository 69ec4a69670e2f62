"""Numbers as languages that write "1.200,5" or "1 200,5" read them: the shared half of de, fr, es.

German, French and Spanish news differ in their words but share the written
forms: a comma before decimals, a dot or a space between thousands, the day
before the month, a percent sign after the number. Each language module gives
its words as a `Conventions` and builds its rules from the functions here; num2words
says the numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache

Rule = Callable[[str], str]

_DIGITS = re.compile(r"\d")


@cache
def _num2words() -> Callable[..., str]:
    from num2words import num2words

    return num2words


@dataclass(frozen=True)
class Conventions:
    """One language's words for the written forms the shared rules read."""

    code: str
    """num2words' language code ("de")."""
    thousands: str
    """The characters that may group thousands ("." for German, " " for French)."""
    comma: str
    """Said for a decimal comma ("Komma")."""
    point: str
    """Said for a decimal point in a version or score-like number ("Punkt")."""
    percent: str
    months: tuple[str, ...]
    """January to December."""
    range_word: str
    """Said for the dash of a range, "10-15" ("bis")."""
    scales: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    """Written scale word -> (singular, plural): "Mrd." -> ("Milliarde", "Milliarden")."""
    currencies: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    """Symbol or code -> (singular, plural) name: "€" -> ("Euro", "Euro")."""
    one: str = ""
    """The word for 1 before a noun ("ein"); num2words' own word when empty."""
    one_before_scale: str = ""
    """The word for 1 before "Million" ("eine"; "un" in French and Spanish)."""
    decimals_as_number: bool = False
    """Read "3,25" as "three comma twenty-five" (fr, es) rather than digit by digit (de)."""
    singular_below_two: bool = False
    """Scales stay singular below two ("1,5 million" in French; German says "Millionen")."""
    of_scale: str = ""
    """Said between a scale and a currency ("de" in "millions d'euros"); "" when none."""
    tidy: Callable[[str], str] | None = None
    """Adjusts num2words' cardinals to how a newsreader says them ("einhundert" -> "hundert")."""

    def cardinal(self, number: int) -> str:
        words = _num2words()(number, lang=self.code)
        return self.tidy(words) if self.tidy else words

    def ordinal(self, number: int) -> str:
        return _num2words()(number, lang=self.code, to="ordinal")

    def digits(self, text: str) -> str:
        return " ".join(self.cardinal(int(d)) for d in text if d.isdigit())


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman(numeral: str) -> int:
    """The value of a Roman numeral such as "XVII" (centuries, in the news)."""
    total = 0
    for letter, following in zip(numeral, (*numeral[1:], ""), strict=True):
        value = _ROMAN[letter]
        total += -value if following and _ROMAN[following] > value else value
    return total


def number_pattern(conventions: Conventions) -> str:
    """A regex for a written number in the language: grouped thousands, decimal comma."""
    groups = "|".join(re.escape(c) for c in conventions.thousands)
    return rf"(?<![\d,.])\d{{1,3}}(?:(?:{groups})\d{{3}})+(?:,\d+)?(?![\d])|(?<![\d,.])\d+(?:,\d+)?(?!\d)"


def parse_number(written: str, conventions: Conventions) -> tuple[int, str]:
    """("1.200,5") -> (1200, "5"): the whole part and the decimal digits as written."""
    whole, _, decimals = written.partition(",")
    for separator in conventions.thousands:
        whole = whole.replace(separator, "")
    return int(whole), decimals


def say_number(written: str, conventions: Conventions) -> str:
    """A written number ("1.200", "3,5", "1 200") said as words."""
    whole, decimals = parse_number(written, conventions)
    words = conventions.cardinal(whole)
    if not decimals:
        return words
    if conventions.decimals_as_number and len(decimals) <= 2 and not decimals.startswith("0"):
        return f"{words} {conventions.comma} {conventions.cardinal(int(decimals))}"
    return f"{words} {conventions.comma} {conventions.digits(decimals)}"


def _scale_regex(conventions: Conventions) -> str:
    names = sorted(
        {w for k, pair in conventions.scales.items() for w in (k, *pair)}, key=len, reverse=True
    )
    return "|".join(re.escape(n) + (r"(?!\w)" if n[-1].isalpha() else "") for n in names)


def _currency_regex(conventions: Conventions) -> str:
    names = sorted(conventions.currencies, key=len, reverse=True)
    return "|".join(re.escape(n) + (r"(?!\w)" if n[-1].isalpha() else "") for n in names)


def _scale_word(written: str, number: str, conventions: Conventions) -> str:
    """The scale said in agreement with the number: "1 Mrd." -> "Milliarde", "2" -> "Milliarden"."""
    whole, _ = parse_number(number, conventions)
    one = whole == 1 and (conventions.singular_below_two or number in ("1", "1,0"))
    for key, (singular, plural) in conventions.scales.items():
        if written in (key, singular, plural):
            return singular if one else plural
    return written


def _amount(number: str, conventions: Conventions, before: str) -> str:
    """A number said before a noun: "1" becomes the language's "one" for that position."""
    if number == "1" and before:
        return before
    return say_number(number, conventions)


def money_rule(conventions: Conventions, cents_join: str) -> Rule:
    """Amounts: "5 €", "€ 5", "1,5 Mio. Euro", "3,5 M€", "1,50 €" ("ein Euro fünfzig")."""
    number = number_pattern(conventions)
    scale = _scale_regex(conventions)
    currency = _currency_regex(conventions)
    after = re.compile(
        rf"(?P<n>{number})\s?(?:(?P<s>{scale})\s?)?(?P<c>{currency})" if scale else "(?!)"
    )
    plain_after = re.compile(rf"(?P<n>{number})\s?(?P<c>{currency})")
    before = re.compile(rf"(?P<c>{currency})\s?(?P<n>{number})(?:\s?(?P<s>{scale}))?")

    def say(n: str, s: str | None, c: str) -> str:
        singular, plural = conventions.currencies[c]
        if s:
            amount = _amount(n, conventions, conventions.one_before_scale)
            of = conventions.of_scale
            joined = f" {of}" + ("" if of.endswith("'") else " ") if of else " "
            return f" {amount} {_scale_word(s, n, conventions)}{joined}{plural} "
        whole, decimals = parse_number(n, conventions)
        if decimals and not int(decimals):
            decimals = ""
        name = singular if whole == 1 else plural
        first = conventions.one if whole == 1 and conventions.one else conventions.cardinal(whole)
        if len(decimals) == 2:
            return f" {first} {name}{cents_join}{conventions.cardinal(int(decimals))} "
        if decimals:
            return f" {say_number(n, conventions)} {plural} "
        return f" {first} {name} "

    def rule(text: str) -> str:
        if scale:
            text = after.sub(lambda m: say(m["n"], m["s"], m["c"]), text)
        text = plain_after.sub(lambda m: say(m["n"], None, m["c"]), text)
        return before.sub(lambda m: say(m["n"], m["s"], m["c"]), text)

    return rule


def scale_rule(conventions: Conventions) -> Rule:
    """A number with a scale and no currency: "51,3 Mrd." -> "einundfünfzig Komma drei Milliarden"."""
    scale = _scale_regex(conventions)
    pattern = re.compile(rf"(?P<n>{number_pattern(conventions)})\s?(?P<s>{scale})")

    def say(m: re.Match[str]) -> str:
        amount = _amount(m["n"], conventions, conventions.one_before_scale)
        return f" {amount} {_scale_word(m['s'], m['n'], conventions)} "

    return (lambda text: pattern.sub(say, text)) if scale else (lambda text: text)


def percent_rule(conventions: Conventions) -> Rule:
    """ "3,5 %" and "3,5%" -> "drei Komma fünf Prozent"."""
    pattern = re.compile(rf"(?P<n>{number_pattern(conventions)})\s?%")

    def say(m: re.Match[str]) -> str:
        return f" {_amount(m['n'], conventions, conventions.one)} {conventions.percent} "

    return lambda text: pattern.sub(say, text)


def range_rule(conventions: Conventions) -> Rule:
    """ "10-15" and "2023–2024" -> "10 bis 15": the dash of a range is said, not paused."""
    number = number_pattern(conventions)
    pattern = re.compile(rf"(?P<a>{number})\s?[–—-]\s?(?P<b>{number})(?!\d|[.,]\d)")
    return lambda text: pattern.sub(lambda m: f"{m['a']} {conventions.range_word} {m['b']}", text)


def numeric_date_rule(conventions: Conventions, say: Callable[[int, int, int | None], str]) -> Rule:
    """ "29.11.2024", "29/11/2024", "29.11." -> the day, the month's name and the year."""
    pattern = re.compile(
        r"(?<![\d.,/])(?P<d>[0-3]?\d)(?P<sep>[./])(?P<m>[01]?\d)(?:(?P=sep)(?P<y>\d{4}|\d{2})\b|\.(?!\d))"
    )

    def read(m: re.Match[str]) -> str:
        day, month = int(m["d"]), int(m["m"])
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return m[0]
        if m["y"] is None and m["sep"] == "/":
            return m[0]
        year = int(m["y"]) if m["y"] else None
        if year is not None and year < 100:
            year += 2000
        return f" {say(day, month, year)} "

    return lambda text: pattern.sub(read, text)


def symbols_rule(words: Mapping[str, str]) -> Rule:
    """Signs and units said as words: "&" -> "und", "km" after a number -> "Kilometer"."""
    units = {k: v for k, v in words.items() if k[0].isalpha() or k[0] in "°m"}
    signs = {k: v for k, v in words.items() if k not in units}
    unit = re.compile(
        r"(?<=\d)\s?("
        + "|".join(re.escape(k) for k in sorted(units, key=len, reverse=True))
        + r")(?![\w²³])"
    )
    sign = re.compile("|".join(re.escape(k) for k in sorted(signs, key=len, reverse=True)))

    def rule(text: str) -> str:
        if units:
            text = unit.sub(lambda m: f" {units[m[1]]}", text)
        if signs:
            text = sign.sub(lambda m: f" {signs[m[0]]} ", text)
        return text

    return rule


def abbreviations_rule(table: Mapping[str, str]) -> Rule:
    """Written abbreviations -> words ("z. B." -> "zum Beispiel"); longest first, whole words."""
    keys = sorted(table, key=len, reverse=True)
    pattern = re.compile("|".join(_abbreviation_regex(k) for k in keys))
    lookup = {re.sub(r"\s", "", k): v for k, v in table.items()}

    def say(m: re.Match[str]) -> str:
        spoken = lookup[re.sub(r"\s", "", m[0])]
        # An abbreviation ending a sentence keeps the sentence's full stop.
        end = "." if m[0].endswith(".") and _ends_sentence(m.string, m.end()) else ""
        return f"{spoken}{end}"

    return lambda text: pattern.sub(say, text)


def _abbreviation_regex(written: str) -> str:
    """A written abbreviation as a whole word, a space inside it optional ("z.B." = "z. B.")."""
    body = r"\s?".join(re.escape(part) for part in written.split(" "))
    return r"(?<![\w.])" + body + (r"(?!\w)" if written[-1].isalpha() else "")


def _ends_sentence(text: str, end: int) -> bool:
    return not text[end:].strip()


def numbers_rule(conventions: Conventions, *, compounds: bool = False) -> Rule:
    """Every number left: "1.200" -> "tausendzweihundert", "3,5", and "2.0" read with a point.

    A hyphen between a word and a number ("Covid-19") is a gap; between a number and a
    word ("59-Jährige") it joins them into one word when the language writes `compounds`.
    """
    pattern = re.compile(number_pattern(conventions))
    dotted = re.compile(r"(?<![\d.,])(\d+)\.(\d{1,2}|\d{4,})(?![\d.,])")
    negative = re.compile(r"(?<![\w\d])-(?=\d)")
    word_number = re.compile(r"(?<=[^\W\d_])-(?=\d)")
    number_word = re.compile(rf"(?P<n>{number_pattern(conventions)})-(?P<w>[^\W\d_]+)")

    def joined(m: re.Match[str]) -> str:
        words = say_number(m["n"], conventions)
        if compounds and " " not in words:
            return f" {words}{m['w'].lower()}"
        return f" {words} {m['w']}"

    def rule(text: str) -> str:
        text = word_number.sub(" ", text)
        text = number_word.sub(joined, text)
        text = dotted.sub(
            lambda m: (
                f"{conventions.cardinal(int(m[1]))} {conventions.point} " + conventions.digits(m[2])
            ),
            text,
        )
        text = negative.sub(" minus ", text)
        text = pattern.sub(lambda m: f" {say_number(m[0], conventions)} ", text)
        return _DIGITS.sub(lambda m: f" {conventions.cardinal(int(m[0]))} ", text)

    return rule
