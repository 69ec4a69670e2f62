"""English dates and clock times: "Nov. 25, 2024", "25 Nov", "2024-11-25", "10:30 a.m.", "14:00"."""

from __future__ import annotations

import re

from briefing.speech import numbers as num
from briefing.speech.normalize.english.words import (
    MONTH,
    MONTHS,
    SENTENCE_END,
    month_name,
)

_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_MONTH_DAY = re.compile(
    rf"\b{MONTH}\s+{_DAY}\b(?![:/]\d|[.,]\d|\s?(?:%|°|a\.?m\b|p\.?m\b))(?:,?\s+(?P<year>1\d{{3}}|20\d\d)\b)?"
)
_DAY_MONTH = re.compile(
    rf"(?P<the>\bthe\s+)?\b{_DAY}\s+(?:of\s+)?{MONTH}(?![\w])(?:,?\s+(?P<year>1\d{{3}}|20\d\d)\b)?"
)
_MONTH_DAYS = re.compile(
    rf"\b{MONTH}\s+{_DAY}\s?[-–]\s?(?P<last>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?![:/.,]\d)"
)
_DAYS_MONTH = re.compile(
    rf"(?P<the>\bthe\s+)?\b{_DAY}\s?[-–]\s?(?P<last>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?![\w])"
)
_LONE_MONTH = re.compile(r"(?<=[a-z,] )(Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.(?!\w)")
_MONTH_YEAR = re.compile(rf"\b{MONTH}\s+(?=(?:1[5-9]|20)\d\d\b)")
_ISO_DATE = re.compile(r"\b(?P<year>1\d{3}|20\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-2]\d|3[01])\b")
_SLASH_DATE = re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4}|\d{2})\b")
_WEEKDAYS = {
    "Mon": "Monday",
    "Tue": "Tuesday",
    "Tues": "Tuesday",
    "Wed": "Wednesday",
    "Thu": "Thursday",
    "Thur": "Thursday",
    "Thurs": "Thursday",
    "Fri": "Friday",
    "Sat": "Saturday",
    "Sun": "Sunday",
}
_WEEKDAY = re.compile(
    r"\b(Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.(?=,?\s+(?:[A-Z][a-z]+\.?\s+)?\d)"
)


def _date_words(month: str, day: int, year: str | None, *, day_first: bool) -> str:
    """A date as said: "November twenty-fifth, ..." or, day first, "the twenty-fifth of November ..."."""
    words = f"the {num.ordinal(day)} of {month}" if day_first else f"{month} {num.ordinal(day)}"
    if year:
        words += (" " if day_first else ", ") + num.year(int(year))
    return words


def read_dates(text: str) -> str:
    """ "Nov. 25, 2024" -> "November twenty-fifth, twenty twenty-four"; "25 Nov" -> "the twenty-fifth of November"."""

    def iso(m: re.Match[str]) -> str:
        return _date_words(MONTHS[int(m["m"]) - 1], int(m["d"]), m["year"], day_first=False)

    def slashed(m: re.Match[str]) -> str:
        a, b, year = int(m["a"]), int(m["b"]), m["year"]
        if len(year) == 2:
            year = ("20" if int(year) < 50 else "19") + year
        month, day = (a, b) if a <= 12 else (b, a)
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return m[0]
        return _date_words(MONTHS[month - 1], day, year, day_first=False)

    def month_day(m: re.Match[str]) -> str:
        return _date_words(month_name(m["month"]), int(m["day"]), m["year"], day_first=False)

    def day_month(m: re.Match[str]) -> str:
        words = _date_words(month_name(m["month"]), int(m["day"]), m["year"], day_first=True)
        return words if not m["the"] else m["the"] + words.removeprefix("the ")

    text = _ISO_DATE.sub(iso, text)
    text = _SLASH_DATE.sub(slashed, text)
    text = _WEEKDAY.sub(lambda m: _WEEKDAYS[m[1]], text)
    text = _MONTH_DAYS.sub(
        lambda m: (
            f"{month_name(m['month'])} {num.ordinal(int(m['day']))} to {num.ordinal(int(m['last']))}"
        ),
        text,
    )
    text = _DAYS_MONTH.sub(
        lambda m: (
            f"the {num.ordinal(int(m['day']))} to the {num.ordinal(int(m['last']))} "
            f"of {month_name(m['month'])}"
        ),
        text,
    )
    text = _MONTH_DAY.sub(month_day, text)
    text = _DAY_MONTH.sub(day_month, text)
    text = _MONTH_YEAR.sub(lambda m: month_name(m["month"]) + " ", text)

    def lone_month(m: re.Match[str]) -> str:
        stop = "." if SENTENCE_END.match(m.string, m.end()) else ""
        return month_name(m[1]) + stop

    return _LONE_MONTH.sub(lone_month, text)


_MERIDIEM = r"(?P<ampm>[AaPp]\.?\s?[Mm]\b\.?)"
_CLOCK = re.compile(
    rf"(?<![\d:.])(?P<h>[01]?\d|2[0-4])[:.](?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?(?![\d:])(?:\s?{_MERIDIEM})?"
)
_HOUR = re.compile(rf"(?<![\d:.,])(?P<h>1[0-2]|0?[1-9])\s?{_MERIDIEM}(?!\w)")


def _meridiem(written: str | None) -> str:
    """The spoken " a.m." or " p.m." for any written form ("PM", "p.m", "am"); "" when absent."""
    if not written:
        return ""
    return " a.m." if written.strip().lower().startswith("a") else " p.m."


def read_times(text: str) -> str:
    """ "10:30 a.m." -> "ten thirty a.m.", "14:00" -> "fourteen hundred", "9pm" -> "nine p.m."."""

    def clock(m: re.Match[str]) -> str:
        separator = m[0][len(m["h"])]
        hour, minute, ampm = int(m["h"]), int(m["m"]), m["ampm"]
        if separator == "." and not ampm:
            return m[0]  # "3.45" is a decimal unless a.m./p.m. says otherwise
        if m["s"]:
            # A race time: hours, minutes and seconds.
            parts = [(hour, "hour"), (minute, "minute"), (int(m["s"]), "second")]
            said = [f"{num.cardinal(v)} {u}{'s' if v != 1 else ''}" for v, u in parts if v]
            return " ".join(said) or "zero seconds"
        words = num.cardinal(hour)
        if minute == 0:
            if ampm:
                pass
            elif hour > 12 or m["h"].startswith("0"):
                words += " hundred"
            else:
                words += " o'clock"
        elif minute < 10:
            words += " oh " + num.cardinal(minute)
        else:
            words += " " + num.cardinal(minute)
        return words + _meridiem(ampm)

    text = _CLOCK.sub(clock, text)
    return _HOUR.sub(lambda m: num.cardinal(int(m["h"])) + _meridiem(m["ampm"]), text)
