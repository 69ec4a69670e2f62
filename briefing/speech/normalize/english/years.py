"""English years, decades, eras, ordinals and fractions: "1990s", "'80s", "in 1987", "21st", "3/4"."""

from __future__ import annotations

import re

from briefing.speech import numbers as num
from briefing.speech.lexicon import spelled
from briefing.speech.normalize.english.words import ARTICLE

_DECADE = re.compile(r"(?<![\w.,$£€])(?:'(?P<short>\d)0|(?P<long>(?:1\d|20)?\d)0)'?s\b")
_YEAR = re.compile(r"(?<![\w.,:/$£€¥#-])(?P<year>1[1-9]\d\d|20\d\d)(?![\w%°]|[.,:/]\d|-\d)")
_SHORT_YEAR = re.compile(r"(?<![\w'])'(\d\d)\b(?!'|\.\d|\w)")
_EARLY_YEAR = re.compile(
    r"(?P<before>\b(?:in|In|since|Since|until|year|of|by|By|for|from) )(?P<year>10[1-9]\d|21\d\d)(?=[,.;:!?)]|\s+(?:and|when|until|to|by|as|the|a|he|she|it|they|was|were)\b|$)"
)
_ERA = re.compile(r"\b(?P<year>\d{1,4})\s?(?P<era>BC|AD|BCE|CE)\b|\bAD\s?(?P<after>\d{1,4})\b")
_ORDINAL = re.compile(r"(?<![\w.,])(?P<num>\d{1,3}(?:,\d{3})*|\d+)(?:st|nd|rd|th|ST|ND|RD|TH)\b")
_FRACTION = re.compile(
    r"(?<![\w./])(?:(?P<whole>\d+)\s)?(?P<top>\d{1,2})/(?P<bottom>\d{1,2})(?![\w/]|\.\d)"
)
_DENOMINATORS = {2: ("half", "halves"), 4: ("quarter", "quarters")}


def read_years(text: str) -> str:
    """ "1990s" -> "nineteen nineties", "'80s" -> "eighties", "in 1987" -> "in nineteen eighty-seven"."""

    def decade(m: re.Match[str]) -> str:
        if m["short"]:
            return num.decade(int(m["short"]) * 10)
        value = int(m["long"]) * 10
        if value >= 100 and value < 1000:
            return m[0]  # "320s" is not a decade anyone says
        return num.decade(value)

    def era(m: re.Match[str]) -> str:
        if m["after"]:
            return f"A.D. {num.year(int(m['after']))}"
        letters = spelled(m["era"])
        return f"{num.year(int(m['year'])) if len(m['year']) == 4 else num.cardinal(int(m['year']))} {letters}"

    text = _DECADE.sub(decade, text)
    text = _ERA.sub(era, text)
    text = _SHORT_YEAR.sub(
        lambda m: (
            num.year(2000 + int(m[1]))
            if m[1] == "00"
            else "oh " + num.digits(m[1][1])
            if m[1][0] == "0"
            else num.cardinal(int(m[1]))
        ),
        text,
    )
    text = _EARLY_YEAR.sub(lambda m: m["before"] + num.year(int(m["year"])), text)
    return _YEAR.sub(lambda m: num.year(int(m["year"])), text)


def read_ordinals(text: str) -> str:
    """ "21st" -> "twenty-first"."""

    def ordinal(m: re.Match[str]) -> str:
        written = m["num"].replace(",", "")
        if len(written) > 15:  # past int()'s limit soon, and past what anyone says
            return num.digits(written)
        return num.ordinal(int(written))

    return _ORDINAL.sub(ordinal, text)


def _fraction_words(top: int, bottom: int) -> str:
    """A fraction in words: "three quarters", "two thirds", "one sixteenth"."""
    if bottom in _DENOMINATORS:
        name = _DENOMINATORS[bottom][0 if top == 1 else 1]
    else:
        name = num.ordinal(bottom) + ("" if top == 1 else "s")
    return f"{num.cardinal(top)} {name}"


def read_fractions(text: str) -> str:
    """ "3/4" -> "three quarters", "2 1/2" -> "two and a half"."""

    def fraction(m: re.Match[str]) -> str:
        top, bottom = int(m["top"]), int(m["bottom"])
        if top + bottom == 100 and top % 5 == 0 and not m["whole"]:
            return f"{num.cardinal(top)}-{num.cardinal(bottom)}"  # "a 50/50 call", "a 60/40 split"
        if bottom == 0 or top == 0 or bottom == 1 or top >= bottom * 2 or bottom > 16:
            return m[0]
        if m["whole"]:
            part = (
                "a half"
                if (top, bottom) == (1, 2)
                else ("a quarter" if (top, bottom) == (1, 4) else _fraction_words(top, bottom))
            )
            return f"{num.cardinal(int(m['whole']))} and {part}"
        if top == 1 and bottom in _DENOMINATORS and _bare_fraction(m):
            return _DENOMINATORS[bottom][0]  # "a 1/2-inch gap", "½ a mile": "half"
        return _fraction_words(top, bottom)

    return _FRACTION.sub(fraction, text)


def _bare_fraction(m: re.Match[str]) -> bool:
    """A half or quarter said without "one": after "a", or before "a"/"an" or a hyphenated noun."""
    before = m.string[max(0, m.start() - 4) : m.start()]
    after = m.string[m.end() : m.end() + 4]
    return bool(ARTICLE.search(before)) or bool(re.match(r"-[a-z]|\s+an?\b", after))
