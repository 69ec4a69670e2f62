"""Speech normalization: news text -> the words a newsreader would say, ready for the engine.

Each rule below rewrites one kind of written form ("$1.2bn", "Nov. 25",
"10:30 a.m.", "World War II", "40°C") into plain words. Rules run in a fixed
order because some forms contain others (a date contains a number, money
contains a decimal). Every rule's output is made only of words and ordinary
punctuation, so running the whole pass again changes nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from briefing.speech import numbers as num
from briefing.speech.lexicon import Lexicon, load_lexicon, spelled

Rule = Callable[[str], str]


def _words(text: str) -> frozenset[str]:
    """A set of words written as one string, so long word lists stay readable."""
    return frozenset(text.split())


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTH_BY_KEY = {m[:3].lower(): m for m in _MONTHS} | {"sept": "September"}
_MONTH = (
    r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|"
    r"June?\.?|July?\.?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|"
    r"Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_SENTENCE_END = re.compile(r"\s*(?:$|[\"')\]]*\s+[A-Z\"“‘(])")


def _month(written: str) -> str:
    key = written.rstrip(".").lower()
    return _MONTH_BY_KEY.get(key[:4] if key.startswith("sept") else key[:3], written)


# ---- characters ---------------------------------------------------------------------------

_CHAR_MAP = str.maketrans(
    {
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\u200b": "",
        "\u200c": "",
        "\u200d": "",
        "\ufeff": "",
        "\u00ad": "",
        "\u2212": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u2026": "...",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2033": '"',
        "\u2032": "'",
        "\u02bc": "'",
        "\u2044": "/",
        "\u2215": "/",
        "\u2103": "°C",
        "\u2109": "°F",
        "\u00ba": "°",
        "\u02da": "°",
        "\u00b2": "²",
    }
)
_VULGAR = {
    "½": "1/2",
    "⅓": "1/3",
    "⅔": "2/3",
    "¼": "1/4",
    "¾": "3/4",
    "⅕": "1/5",
    "⅖": "2/5",
    "⅗": "3/5",
    "⅘": "4/5",
    "⅙": "1/6",
    "⅚": "5/6",
    "⅛": "1/8",
    "⅜": "3/8",
    "⅝": "5/8",
    "⅞": "7/8",
}
_VULGAR_RE = re.compile(r"(\d?)\s?([" + "".join(_VULGAR) + "])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ue000-\uf8ff]")
_APOSTROPHE = re.compile(r"(?<=\w)[’‘](?=\w)|(?<=s)’(?=\s|$|[,.;:!?])|[’‘](?=\d0s)")


def _characters(text: str) -> str:
    """One spelling for every quote, dash, space and fraction character."""
    text = _CONTROL.sub(" ", text.translate(_CHAR_MAP))
    text = _VULGAR_RE.sub(lambda m: (f"{m[1]} " if m[1] else " ") + _VULGAR[m[2]], text)
    text = _APOSTROPHE.sub("'", text)
    return text.replace("‘", '"').replace("’", '"')


# ---- web addresses --------------------------------------------------------------------------

_TLDS = (
    "com|org|net|gov|edu|int|mil|info|biz|io|ai|co|uk|us|eu|de|fr|es|it|nl|ca|au|nz|ie|in|"
    "jp|cn|ru|br|ch|se|no|dk|fi|be|at|pl|tv|me|news|app|dev|ly|gl|gg"
)
_URL = re.compile(
    rf"(?:https?://)?(?:www\.)?(?:[A-Za-z0-9-]+\.)+(?:{_TLDS})\b(?:/[\w\-./%?=&#~+]*[\w/])?/?",
    re.I,
)
_EMAIL = re.compile(r"\b[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\b")
_HANDLE = re.compile(r"(?<![\w@])@(?=[A-Za-z_]\w*)")
_SPELLED_LABELS = {"www", "uk", "us", "eu", "bbc", "cnn", "nhs", "fbi", "un", "nyc", "io", "ai"}
_VOWEL = re.compile(r"[aeiouy]", re.I)


def _label(label: str) -> str:
    """One dotted part of an address: short vowel-less parts are spelled, words are said."""
    if not label:
        return ""
    if label.isdigit():
        return num.digits(label) if len(label) > 4 else num.cardinal(int(label))
    if label.lower() in _SPELLED_LABELS or (len(label) <= 4 and not _VOWEL.search(label)):
        return spelled(label.upper())
    return re.sub(r"[-_]", " ", label)


def _say_address(address: str) -> str:
    address = re.sub(r"^https?://", "", address, flags=re.I).rstrip("/")
    host, _, path = address.partition("/")
    words = " dot ".join(_label(part) for part in host.split("."))
    if path:
        pieces = [p for p in re.split(r"[/?=&#]+", path) if p]
        spoken = [" dot ".join(_label(x) for x in re.split(r"[.]", p) if x) for p in pieces]
        words += " slash " + " slash ".join(s for s in spoken if s)
    return words


def _web(text: str) -> str:
    """Emails and web addresses spelled out: "bbc.co.uk" -> "B.B.C. dot co dot U.K."."""

    def email(m: re.Match[str]) -> str:
        local, _, domain = m[0].partition("@")
        local_words = " dot ".join(_label(p) for p in local.split(".") if p)
        return f"{local_words} at {_say_address(domain)}"

    text = _EMAIL.sub(email, text)
    text = _URL.sub(lambda m: _say_address(m[0]), text)
    return _HANDLE.sub("at ", text)


# ---- pauses: dashes, quotes, brackets -------------------------------------------------------

_RANGE = re.compile(r"(?<=\d)\s?[–—-]\s?(?=\d)|(?<=\d%)\s?[–—-]\s?(?=\d)")
_DASH = re.compile(r"\s*[—―]\s*|\s+[–-]{1,2}\s+|\s*--\s*|\s*–\s*(?=\D)")
_QUOTED = re.compile(r'"([^"\n]*)"')
_BRACKETS = re.compile(r"\s*[(\[]\s*([^()\[\]]*?)\s*[)\]]")


def _pauses(text: str) -> str:
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


# ---- dates and times ------------------------------------------------------------------------

_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_MONTH_DAY = re.compile(
    rf"\b{_MONTH}\s+{_DAY}\b(?![:/]\d|[.,]\d|\s?(?:%|°|a\.?m\b|p\.?m\b))(?:,?\s+(?P<year>1\d{{3}}|20\d\d)\b)?"
)
_DAY_MONTH = re.compile(
    rf"(?P<the>\bthe\s+)?\b{_DAY}\s+(?:of\s+)?{_MONTH}(?![\w])(?:,?\s+(?P<year>1\d{{3}}|20\d\d)\b)?"
)
_MONTH_DAYS = re.compile(
    rf"\b{_MONTH}\s+{_DAY}\s?[-–]\s?(?P<last>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?![:/.,]\d)"
)
_DAYS_MONTH = re.compile(
    rf"(?P<the>\bthe\s+)?\b{_DAY}\s?[-–]\s?(?P<last>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?![\w])"
)
_LONE_MONTH = re.compile(r"(?<=[a-z,] )(Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.(?!\w)")
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(?=(?:1[5-9]|20)\d\d\b)")
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
    words = f"the {num.ordinal(day)} of {month}" if day_first else f"{month} {num.ordinal(day)}"
    if year:
        words += (" " if day_first else ", ") + num.year(int(year))
    return words


def _dates(text: str) -> str:
    """ "Nov. 25, 2024" -> "November twenty-fifth, twenty twenty-four"; "25 Nov" -> "the twenty-fifth of November"."""

    def iso(m: re.Match[str]) -> str:
        return _date_words(_MONTHS[int(m["m"]) - 1], int(m["d"]), m["year"], day_first=False)

    def slashed(m: re.Match[str]) -> str:
        a, b, year = int(m["a"]), int(m["b"]), m["year"]
        if len(year) == 2:
            year = ("20" if int(year) < 50 else "19") + year
        month, day = (a, b) if a <= 12 else (b, a)
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return m[0]
        return _date_words(_MONTHS[month - 1], day, year, day_first=False)

    def month_day(m: re.Match[str]) -> str:
        return _date_words(_month(m["month"]), int(m["day"]), m["year"], day_first=False)

    def day_month(m: re.Match[str]) -> str:
        words = _date_words(_month(m["month"]), int(m["day"]), m["year"], day_first=True)
        return words if not m["the"] else m["the"] + words.removeprefix("the ")

    text = _ISO_DATE.sub(iso, text)
    text = _SLASH_DATE.sub(slashed, text)
    text = _WEEKDAY.sub(lambda m: _WEEKDAYS[m[1]], text)
    text = _MONTH_DAYS.sub(
        lambda m: (
            f"{_month(m['month'])} {num.ordinal(int(m['day']))} to {num.ordinal(int(m['last']))}"
        ),
        text,
    )
    text = _DAYS_MONTH.sub(
        lambda m: (
            f"the {num.ordinal(int(m['day']))} to the {num.ordinal(int(m['last']))} "
            f"of {_month(m['month'])}"
        ),
        text,
    )
    text = _MONTH_DAY.sub(month_day, text)
    text = _DAY_MONTH.sub(day_month, text)
    text = _MONTH_YEAR.sub(lambda m: _month(m["month"]) + " ", text)

    def lone_month(m: re.Match[str]) -> str:
        stop = "." if _SENTENCE_END.match(m.string, m.end()) else ""
        return _month(m[1]) + stop

    return _LONE_MONTH.sub(lone_month, text)


_MERIDIEM = r"(?P<ampm>[AaPp]\.?\s?[Mm]\b\.?)"
_CLOCK = re.compile(
    rf"(?<![\d:.])(?P<h>[01]?\d|2[0-4])[:.](?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?(?![\d:])(?:\s?{_MERIDIEM})?"
)
_HOUR = re.compile(rf"(?<![\d:.,])(?P<h>1[0-2]|0?[1-9])\s?{_MERIDIEM}(?!\w)")


def _meridiem(written: str | None) -> str:
    if not written:
        return ""
    return " a.m." if written.strip().lower().startswith("a") else " p.m."


def _times(text: str) -> str:
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


# ---- money, percentages, units --------------------------------------------------------------

_CURRENCIES = {
    "$": ("dollar", "dollars", "cent", "cents"),
    "US$": ("U.S. dollar", "U.S. dollars", "cent", "cents"),
    "A$": ("Australian dollar", "Australian dollars", "cent", "cents"),
    "AU$": ("Australian dollar", "Australian dollars", "cent", "cents"),
    "C$": ("Canadian dollar", "Canadian dollars", "cent", "cents"),
    "CA$": ("Canadian dollar", "Canadian dollars", "cent", "cents"),
    "NZ$": ("New Zealand dollar", "New Zealand dollars", "cent", "cents"),
    "HK$": ("Hong Kong dollar", "Hong Kong dollars", "cent", "cents"),
    "£": ("pound", "pounds", "penny", "pence"),
    "€": ("euro", "euros", "cent", "cents"),
    "¥": ("yen", "yen", "sen", "sen"),
    "₹": ("rupee", "rupees", "paisa", "paise"),
    "₩": ("won", "won", "jeon", "jeon"),
    "₽": ("ruble", "rubles", "kopek", "kopeks"),
    "₦": ("naira", "naira", "kobo", "kobo"),
}
_SCALES = {
    "thousand": "thousand",
    "k": "thousand",
    "K": "thousand",
    "million": "million",
    "mn": "million",
    "m": "million",
    "M": "million",
    "mln": "million",
    "billion": "billion",
    "bn": "billion",
    "b": "billion",
    "B": "billion",
    "bln": "billion",
    "trillion": "trillion",
    "tn": "trillion",
    "trn": "trillion",
    "T": "trillion",
}
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_MONEY = re.compile(
    r"(?P<sign>-\s?)?(?P<cur>US\$|AU?\$|CA?\$|NZ\$|HK\$|[$£€¥₹₩₽₦])\s?(?P<num>"
    + _NUMBER
    + r")(?:(?P<space>[\s-]?)(?P<scale>thousand|million|billion|trillion|mn|mln|bn|bln|trn|tn|[kKmMbBT])(?![\w]))?"
)
_MONEY_RANGE = re.compile(
    r"(?P<cur>US\$|AU?\$|CA?\$|NZ\$|HK\$|[$£€¥₹₩₽₦])\s?(?P<low>"
    + _NUMBER
    + r")\s?(?:[-–]|to)\s?(?:(?P=cur)\s?)?(?P<high>"
    + _NUMBER
    + r")(?:(?P<space>\s?)(?P<scale>thousand|million|billion|trillion|mn|mln|bn|bln|trn|tn|[kmbT]))?(?![\w.,]?\d|\w)"
)
_PENCE = re.compile(r"(?<![\w.,])(\d{1,3})(p|c)(?![\w])")


_ARTICLE = re.compile(r"\b(?:an?|An?)\s+$")
_DETERMINER = re.compile(r"\b(?:the|its|his|her|their|our|this|that|whose)\s+$", re.I)
_NOT_NOUNS = _words(
    "of in to for on at by from a an the and or but per each was were is are has have had "
    "will would could should may might can last this that more less than over under worth "
    "after before with when as since until up down into while because so he she it they "
    "we you i who which annually apiece now then already still only"
)


def _after_article(m: re.Match[str]) -> bool:
    """An amount used as an adjective ("a $10m grant", "the 100m sprint") keeps its unit singular."""
    before = m.string[max(0, m.start() - 8) : m.start()]
    if _ARTICLE.search(before):
        return True
    if not _DETERMINER.search(before):
        return False
    follower = re.match(r"\s+([a-z]+)", m.string[m.end() :])
    return bool(follower) and follower[1] not in _NOT_NOUNS  # type: ignore[index]


def _money(text: str) -> str:
    """ "$1.2bn" -> "one point two billion dollars", "£3.50" -> "three pounds and fifty pence"."""

    def money(m: re.Match[str]) -> str:
        one, many, sub_one, sub_many = _CURRENCIES[m["cur"]]
        sign = "minus " if m["sign"] else ""
        amount = m["num"].replace(",", "")
        scale = m["scale"]
        if scale and scale in {"m", "b", "M", "B", "T", "k", "K"} and m["space"]:
            scale = None  # "$5 m" is too ambiguous; "$5m" is not
        if _after_article(m):
            many = one  # "a $10m grant": "a ten million dollar grant"
        if scale:
            return f"{sign}{num.decimal(amount)} {_SCALES[scale]} {many}"
        whole, _, cents = amount.partition(".")
        whole_n = int(whole or "0")
        if cents and len(cents) == 2:
            cents_n = int(cents)
            sub = f"{num.cardinal(cents_n)} {sub_one if cents_n == 1 else sub_many}"
            if whole_n == 0:
                return sign + sub
            unit = one if whole_n == 1 else many
            main = f"{num.cardinal(whole_n)} {unit}"
            return sign + (main if cents_n == 0 else f"{main} and {sub}")
        if cents:
            return f"{sign}{num.decimal(amount)} {many}"
        return f"{sign}{num.cardinal(whole_n)} {one if whole_n == 1 else many}"

    def money_range(m: re.Match[str]) -> str:
        many = _CURRENCIES[m["cur"]][1]
        if _after_article(m):
            many = _CURRENCIES[m["cur"]][0]
        low, high = num.decimal(m["low"]), num.decimal(m["high"])
        if not m["scale"]:
            if "." in m["low"] + m["high"]:
                return m[0]  # "$1.50-2.00": cents, read each amount on its own
            return f"{low} to {high} {many}"
        return f"{low} to {high} {_SCALES[m['scale']]} {many}"

    text = _MONEY_RANGE.sub(money_range, text)
    text = _MONEY.sub(money, text)

    def coins(m: re.Match[str]) -> str:
        n = int(m[1])
        if m[2] == "p":
            return f"{num.cardinal(n)} {'penny' if n == 1 else 'pence'}"
        return f"{num.cardinal(n)} {'cent' if n == 1 else 'cents'}"

    return _PENCE.sub(coins, text)


_PERCENT = re.compile(r"(?P<sign>(?<![\w.])-)?(?P<num>" + _NUMBER + r")(?:\s?%|pc\b)")
_TEMPERATURE = re.compile(
    r"(?P<sign>(?<![\w.])-\s?|\bminus\s)?(?P<num>\d+(?:\.\d+)?)\s?(?:°\s?(?P<scale>[CF])?|(?P<bare>[CF]))(?![A-Za-z])"
)


def _percent(text: str) -> str:
    """ "3.5%" -> "three point five percent"."""

    def percent(m: re.Match[str]) -> str:
        sign = "minus " if m["sign"] else ""
        return f"{sign}{num.decimal(m['num'])} percent"

    text = _PERCENT.sub(percent, text)
    return re.sub(r"(?<=\s)%(?=\s|$)", "percent", text)


def _temperatures(text: str) -> str:
    """ "-5°C" -> "minus five degrees Celsius"."""

    def temperature(m: re.Match[str]) -> str:
        scale = m["scale"] or m["bare"]
        if m["bare"] and m["sign"] is None and float(m["num"]) > 60 and scale == "C":
            return m[0]  # "100C" is likelier a name than a temperature
        sign = "minus " if m["sign"] else ""
        degrees = "degree" if m["num"] == "1" or _after_article(m) else "degrees"
        words = f"{sign}{num.decimal(m['num'])} {degrees}"
        if scale:
            words += " Celsius" if scale == "C" else " Fahrenheit"
        return words

    return _TEMPERATURE.sub(temperature, text)


_UNITS: dict[str, tuple[str, str]] = {
    "km/h": ("kilometer per hour", "kilometers per hour"),
    "kph": ("kilometer per hour", "kilometers per hour"),
    "kmh": ("kilometer per hour", "kilometers per hour"),
    "mph": ("mile per hour", "miles per hour"),
    "m/s": ("meter per second", "meters per second"),
    "mpg": ("mile per gallon", "miles per gallon"),
    "km²": ("square kilometer", "square kilometers"),
    "sq km": ("square kilometer", "square kilometers"),
    "sq mi": ("square mile", "square miles"),
    "sq ft": ("square foot", "square feet"),
    "m²": ("square meter", "square meters"),
    "km": ("kilometer", "kilometers"),
    "cm": ("centimeter", "centimeters"),
    "mm": ("millimeter", "millimeters"),
    "kg": ("kilogram", "kilograms"),
    "mg": ("milligram", "milligrams"),
    "g": ("gram", "grams"),
    "lb": ("pound", "pounds"),
    "lbs": ("pound", "pounds"),
    "oz": ("ounce", "ounces"),
    "ft": ("foot", "feet"),
    "yd": ("yard", "yards"),
    "yds": ("yard", "yards"),
    "mi": ("mile", "miles"),
    "ha": ("hectare", "hectares"),
    "ml": ("milliliter", "milliliters"),
    "l": ("liter", "liters"),
    "L": ("liter", "liters"),
    "GB": ("gigabyte", "gigabytes"),
    "MB": ("megabyte", "megabytes"),
    "TB": ("terabyte", "terabytes"),
    "kW": ("kilowatt", "kilowatts"),
    "kWh": ("kilowatt hour", "kilowatt hours"),
    "MW": ("megawatt", "megawatts"),
    "GW": ("gigawatt", "gigawatts"),
    "GHz": ("gigahertz", "gigahertz"),
    "MHz": ("megahertz", "megahertz"),
    "Hz": ("hertz", "hertz"),
    "mins": ("minute", "minutes"),
    "min": ("minute", "minutes"),
    "hrs": ("hour", "hours"),
    "hr": ("hour", "hours"),
    "secs": ("second", "seconds"),
    "sec": ("second", "seconds"),
    "yrs": ("year", "years"),
    "bp": ("basis point", "basis points"),
    "bps": ("basis point", "basis points"),
    "bpm": ("beat per minute", "beats per minute"),
    "x": ("times", "times"),
}
_UNIT_NAMES = sorted(_UNITS, key=len, reverse=True)
_UNIT = re.compile(
    r"(?P<sign>(?<![\w.])-)?(?P<num>"
    + _NUMBER
    + r")(?P<gap>\s?|-)(?P<unit>"
    + "|".join(re.escape(u) for u in _UNIT_NAMES)
    + r")(?![\w²/])"
)
_METRES = re.compile(
    r"(?P<sign>(?<![\w.])-)?(?P<num>"
    + _NUMBER
    + r")(?P<gap>-|\s?)m(?![\w²/.]|\.\w)(?P<after>\s+\w+)?"
)
_BARE_SCALE = re.compile(
    r"(?<![\w.])(?P<num>"
    + _NUMBER
    + r")\s?(?P<scale>bn|mn|mln|tn|trn|k|million|billion|trillion)(?!\w)"
)


_INCHES = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)in\b(-?)")
_RACE = re.compile(r"(?<![\w.])(?P<num>\d{1,3})[kK](?=\s+(?:races?|runs?|walks?|swims?|course)\b)")
_FEET_INCHES = re.compile(r"\b(\d{1,2})\s?(?:ft|feet|foot|')\s?(\d{1,2})\s?(?:in|inches|\")(?!\w)")
_COUNTED = {"people", "children", "men", "women", "staff", "police", "cattle", "sheep", "fish"}


def _units(text: str) -> str:
    """ "40km" -> "forty kilometers", "a 10-kg bag" -> "a ten-kilogram bag", "5m people" -> "five million people"."""

    def unit(m: re.Match[str]) -> str:
        one, many = _UNITS[m["unit"]]
        if m["unit"] == "x" and m["gap"]:
            return m[0]  # "3 x 4" is a size, handled with symbols
        sign = "minus " if m["sign"] else ""
        if m["gap"] == "-":  # an adjective: "a 10-km race"
            return f"{sign}{num.decimal(m['num'])}-{one}"
        single = m["num"] == "1" or _after_article(m)
        return f"{sign}{num.decimal(m['num'])} {one if single else many}"

    def metres(m: re.Match[str]) -> str:
        after = m["after"] or ""
        sign = "minus " if m["sign"] else ""
        words = num.decimal(m["num"])
        follower = after.strip()
        # "5m people", "2.3m viewers": millions; "a 5m wall", "100m from": metres.
        if (
            m["gap"] != "-"
            and (follower.endswith("s") or follower in _COUNTED)
            and follower.islower()
        ):
            return f"{sign}{words} million{after}"
        if (
            m["gap"] == ""
            and not _ARTICLE.search(m.string[max(0, m.start() - 8) : m.start()])
            and re.match(
                r"\s+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)[A-Z][\w-]*\s+[a-z]+s\b",
                m.string[m.end() - len(after) :],
            )
        ):
            return f"{sign}{words} million{after}"  # "50m PS5 consoles", "2m British viewers"
        if m["gap"] == " " and not after:
            return m[0]  # "5 m" at the end: too little to tell
        if m["gap"] == "-":
            return f"{sign}{words}-meter{after}"
        before = m.string[max(0, m.start() - 8) : m.start()]
        adjective = bool(_ARTICLE.search(before)) or (
            bool(_DETERMINER.search(before)) and follower.islower() and follower not in _NOT_NOUNS
        )
        single = m["num"] == "1" or adjective
        return f"{sign}{words} {'meter' if single else 'meters'}{after}"

    text = _FEET_INCHES.sub(
        lambda m: (
            f"{num.cardinal(int(m[1]))} {'foot' if m[1] == '1' else 'feet'} "
            f"{num.cardinal(int(m[2]))} {'inch' if m[2] == '1' else 'inches'}"
        ),
        text,
    )
    text = _UNIT.sub(unit, text)
    text = _METRES.sub(metres, text)
    text = _INCHES.sub(
        lambda m: (
            f"{num.decimal(m[1])}{'-inch-' if m[2] else ' inch' if m[1] == '1' else ' inches'}"
        ),
        text,
    )
    text = _RACE.sub(lambda m: f"{num.decimal(m['num'])} K", text)
    return _BARE_SCALE.sub(
        lambda m: f"{num.decimal(m['num'])} {_SCALES.get(m['scale'], m['scale'])}", text
    )


# ---- years, decades, ordinals, fractions, other numbers --------------------------------------

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


def _years(text: str) -> str:
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


def _ordinals(text: str) -> str:
    """ "21st" -> "twenty-first"."""
    return _ORDINAL.sub(lambda m: num.ordinal(int(m["num"].replace(",", ""))), text)


def _fraction_words(top: int, bottom: int) -> str:
    if bottom in _DENOMINATORS:
        name = _DENOMINATORS[bottom][0 if top == 1 else 1]
    else:
        name = num.ordinal(bottom) + ("" if top == 1 else "s")
    return f"{num.cardinal(top)} {name}"


def _fractions(text: str) -> str:
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
    return bool(_ARTICLE.search(before)) or bool(re.match(r"-[a-z]|\s+an?\b", after))


# ---- Roman numerals -------------------------------------------------------------------------

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
_ROMAN = r"(?P<roman>(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3}))"
_CARDINAL_BEFORE = (
    "War|Bowl|Title|Chapter|Phase|Part|Episode|Apollo|Mark|Mk|Vatican|Article|Stage|Class|Type|"
    "Grade|Category|Act|Volume|Vol|Book|Division|Tier|Level|Round|Game|Series|Gemini|Saturn|"
    "Ariane|Olympiad|Rocky|Pole|Schedule|Amendment|Section|Artemis|Voyager|Pioneer|Falcon|Star|Mercury"
)
_ROMAN_AFTER_WORD = re.compile(
    rf"\b(?P<word>{_CARDINAL_BEFORE})\s+{_ROMAN}\b(?:(?='s\b)|(?![.'’-]?\w))"
)
_ROMAN_AFTER_NAME = re.compile(rf"\b(?P<word>[A-Z][a-z]+)\s+{_ROMAN}\b(?:(?='s\b)|(?![.'’-]?\w))")
_REGNAL = _words(
    "Henry Edward George William Charles Elizabeth Louis James Richard John Paul Pius Leo "
    "Benedict Gregory Napoleon Philip Frederick Peter Ivan Mary Victoria Alexander "
    "Nicholas Constantine Felipe Carl Gustav Harald Willem Juan Carlos Francis Innocent "
    "Clement Urban Boniface Alfonso Ferdinand Otto Wilhelm Rama Mohammed Hassan Abdullah "
    "Stephen Anne Matilda Catherine Harold Malcolm David Robert Sixtus Adrian Ludwig "
    "Friedrich Christian Olav Haakon Margrethe Albert Baudouin Manuel Pedro Joao Umberto "
    "Vittorio Emmanuel Michael Selim Suleiman Mehmed Murad Ramesses Ramses Thutmose "
    "Amenhotep Ptolemy Antiochus Cyrus Darius Xerxes Tiberius Augustus Nero Martin"
)
_ROYAL_TITLES = _words(
    "King Queen Pope Emperor Empress Tsar Czar Prince Princess Sultan Pharaoh Kaiser Duke "
    "Saint Grand Shah Emir Caliph"
)
_NOT_AFTER = _words(
    "The A An In On At Of To For By And But Or If When As With From After Before Since "
    "Until Then So That This These Those It He She We They You There Here Yes No Not Also "
    "While Although Because Did Do Does Was Were Is Are Am Can Could Would Should Will "
    "May Might Must"
)


def _roman_value(roman: str) -> int:
    total = 0
    for i, c in enumerate(roman):
        value = _ROMAN_VALUES[c]
        if i + 1 < len(roman) and _ROMAN_VALUES[roman[i + 1]] > value:
            total -= value
        else:
            total += value
    return total


def _romans(text: str) -> str:
    """ "World War II" -> "World War Two", "Henry VIII" -> "Henry the Eighth"."""

    def after_word(m: re.Match[str]) -> str:
        roman = m["roman"]
        if not roman or (roman == "I" and m["word"] != "War"):
            return m[0]
        return f"{m['word']} {num.cardinal(_roman_value(roman)).capitalize()}"

    def after_name(m: re.Match[str]) -> str:
        roman, word = m["roman"], m["word"]
        if not roman or word in _NOT_AFTER:
            return m[0]
        before = m.string[: m.start()].split()[-1:]
        royal = word in _REGNAL or (bool(before) and before[0] in _ROYAL_TITLES)
        # "Martin Luther King III": a family name after a given name is a person too.
        person = bool(before) and before[0].istitle() and before[0].isalpha()
        person = person and before[0] not in _NOT_AFTER
        if not royal and (
            len(roman) == 1 or roman in {"XL", "LI", "LX", "XI", "LV", "IX", "XV", "XX", "LIV"}
        ):
            return m[0]  # "Malcolm X", "LIV Golf": too likely letters or a name
        if not royal and not person:
            return f"{word} {num.cardinal(_roman_value(roman)).capitalize()}"  # "Artemis II"
        return f"{word} the {num.ordinal(_roman_value(roman)).capitalize()}"

    text = _ROMAN_AFTER_WORD.sub(after_word, text)
    return _ROMAN_AFTER_NAME.sub(after_name, text)


# ---- titles and abbreviations ---------------------------------------------------------------

_TITLES = {
    "Mr": "Mister",
    "Mrs": "Missus",
    "Ms": "Miz",
    "Messrs": "Messieurs",
    "Dr": "Doctor",
    "Prof": "Professor",
    "Gen": "General",
    "Sen": "Senator",
    "Sens": "Senators",
    "Gov": "Governor",
    "Govs": "Governors",
    "Rep": "Representative",
    "Reps": "Representatives",
    "Lt": "Lieutenant",
    "Col": "Colonel",
    "Capt": "Captain",
    "Cmdr": "Commander",
    "Cdr": "Commander",
    "Adm": "Admiral",
    "Maj": "Major",
    "Sgt": "Sergeant",
    "Cpl": "Corporal",
    "Pvt": "Private",
    "Pte": "Private",
    "Brig": "Brigadier",
    "Pres": "President",
    "Rev": "Reverend",
    "Revs": "Reverends",
    "Hon": "Honorable",
    "Rt": "Right",
    "Insp": "Inspector",
    "Det": "Detective",
    "Supt": "Superintendent",
    "Fr": "Father",
    "Atty": "Attorney",
    "Sec": "Secretary",
    "Amb": "Ambassador",
    "Msgr": "Monsignor",
    "Gens": "Generals",
    "Mt": "Mount",
    "Ft": "Fort",
    "Pt": "Point",
    "Cllr": "Councillor",
}
_UNDOTTED_TITLES = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Mt", "Capt", "Sgt", "Lt", "Col", "Gen",
    "Cllr", "Insp", "Det", "Supt", "Rev", "Maj", "Cpl", "Pte", "Adm", "Brig",
}  # fmt: skip
_TITLE = re.compile(
    r"\b(?P<title>"
    + "|".join(sorted(_TITLES, key=len, reverse=True))
    + r"|St)(?P<dot>\.?)\s+(?=[A-Z])"
)
_SUFFIXES = {
    "Jr": "Junior",
    "Sr": "Senior",
    "Inc": "Incorporated",
    "Ltd": "Limited",
    "Corp": "Corporation",
    "Co": "Company",
    "Bros": "Brothers",
    "Cos": "Companies",
    "Assn": "Association",
    "Dept": "Department",
    "Univ": "University",
    "Ave": "Avenue",
    "Blvd": "Boulevard",
    "Rd": "Road",
    "Ln": "Lane",
    "Pl": "Place",
    "Sq": "Square",
    "Hwy": "Highway",
    "Pkwy": "Parkway",
    "Ct": "Court",
    "Esq": "Esquire",
}
_SUFFIX = re.compile(
    r"(?<=[\w,])(?P<space>,?\s+)(?P<word>"
    + "|".join(sorted(_SUFFIXES, key=len, reverse=True))
    + r")\.(?P<after>\s*)"
)
_STREET = re.compile(r"(?<=[A-Za-z])(?P<space>\s+)(?P<word>St|Dr|Mt)\.(?P<after>\s*)")
_NUMBER_ABBR = re.compile(r"\b(?P<word>No|Nos|no|nos|Vol|Ch|Pt|Art|Fig|Ex)\.\s?(?=\d|#)")
_NUMBER_WORDS = {
    "No": "Number",
    "Nos": "Numbers",
    "no": "number",
    "nos": "numbers",
    "Vol": "Volume",
    "Ch": "Chapter",
    "Pt": "Part",
    "Art": "Article",
    "Fig": "Figure",
    "Ex": "Exhibit",
}
_VERSUS = re.compile(r"(?<=\s)(?:vs\.?|v\.)(?=\s)|(?<=\s)(?:v)(?=\s+[A-Z])")
_STATES = {
    "Ala": "Alabama",
    "Ariz": "Arizona",
    "Ark": "Arkansas",
    "Calif": "California",
    "Colo": "Colorado",
    "Conn": "Connecticut",
    "Del": "Delaware",
    "Fla": "Florida",
    "Ga": "Georgia",
    "Ill": "Illinois",
    "Ind": "Indiana",
    "Kan": "Kansas",
    "Kans": "Kansas",
    "Ky": "Kentucky",
    "La": "Louisiana",
    "Md": "Maryland",
    "Mass": "Massachusetts",
    "Mich": "Michigan",
    "Minn": "Minnesota",
    "Miss": "Mississippi",
    "Mo": "Missouri",
    "Mont": "Montana",
    "Neb": "Nebraska",
    "Nev": "Nevada",
    "N.H": "New Hampshire",
    "N.J": "New Jersey",
    "N.M": "New Mexico",
    "N.Y": "New York",
    "N.C": "North Carolina",
    "N.D": "North Dakota",
    "Okla": "Oklahoma",
    "Ore": "Oregon",
    "Pa": "Pennsylvania",
    "R.I": "Rhode Island",
    "S.C": "South Carolina",
    "S.D": "South Dakota",
    "Tenn": "Tennessee",
    "Vt": "Vermont",
    "Va": "Virginia",
    "Wash": "Washington",
    "W.Va": "West Virginia",
    "Wis": "Wisconsin",
    "Wyo": "Wyoming",
}
_STATE = re.compile(
    r"(?P<before>,\s|\b[RDI]-)(?P<state>"
    + "|".join(re.escape(s) for s in sorted(_STATES, key=len, reverse=True))
    + r")\.(?P<after>\s*)"
)
_PARTY = re.compile(r"\((?P<party>[RDI])-(?P<state>[A-Z][\w. ]+?)\)")
_PARTIES = {"R": "Republican", "D": "Democrat", "I": "Independent"}
_STOP_BEFORE_STREET = _NOT_AFTER | {"Saint", "Mister", "Doctor"}


def _ends_sentence(after: str, rest: str) -> bool:
    """Whether the dot of an abbreviation also ended its sentence."""
    return not rest.strip() or (bool(after) and rest.lstrip()[:1].isupper())


def _abbreviations(text: str) -> str:
    """Titles, suffixes, street words and other short forms, expanded in full."""

    def party(m: re.Match[str]) -> str:
        state = m["state"].rstrip(".")
        return f", {_PARTIES[m['party']]} of {_STATES.get(state, state)},"

    text = _PARTY.sub(party, text)

    def state(m: re.Match[str]) -> str:
        before = m["before"]
        if before[0] in _PARTIES:  # "D-Mass.": a party and a state
            before = _PARTIES[before[0]] + " of "
        stop = "." if _ends_sentence(m["after"], m.string[m.end() :]) else ""
        return f"{before}{_STATES[m['state']]}{stop}{m['after']}"

    text = _STATE.sub(state, text)

    def street(m: re.Match[str]) -> str:
        previous = m.string[: m.start()].split()[-1:] or [""]
        rest = m.string[m.end() :]
        if not previous[0][:1].isupper() or previous[0] in _STOP_BEFORE_STREET:
            return m[0]  # "in St. Louis": a title, handled below
        if m["word"] == "Dr" and rest[:1].isupper():
            return m[0]  # "Jane Dr. Smith" can't be a street; leave it to the title rule
        name = {"St": "Street", "Dr": "Drive", "Mt": "Mount"}[m["word"]]
        # "Main St. The": the dot ends the sentence too; "Wall St. Journal" keeps going.
        ends = not rest.strip() or (
            m["after"] and rest[:1].isupper() and rest.split()[0] in _NOT_AFTER
        )
        return f"{m['space']}{name}{'.' if ends else ''}{m['after']}"

    text = _STREET.sub(street, text)

    def title(m: re.Match[str]) -> str:
        word = m["title"]
        if not m["dot"] and word not in _UNDOTTED_TITLES:
            return m[0]
        if word == "St":
            return "Saint "
        if word == "Gen" and re.match(r"[XYZ]\b|Alpha\b", m.string[m.end() :]):
            return m[0]  # "Gen Z": a generation, not a general
        return _TITLES[word] + " "

    text = _TITLE.sub(title, text)
    text = re.sub(r"\bSec\.\s+(?=of\s+[A-Z])", "Secretary ", text)

    def suffix(m: re.Match[str]) -> str:
        rest = m.string[m.end() :]
        stop = "." if _ends_sentence(m["after"], rest) else ""
        space = " " if m["word"] in {"Jr", "Sr", "Esq"} else m["space"]
        return f"{space}{_SUFFIXES[m['word']]}{stop}{m['after']}"

    text = _SUFFIX.sub(suffix, text)
    text = _NUMBER_ABBR.sub(lambda m: _NUMBER_WORDS[m["word"]] + " ", text)
    return _VERSUS.sub("versus", text)


# ---- symbols --------------------------------------------------------------------------------

_PER = {"hour": "an hour", "hr": "an hour", "h": "an hour", "day": "a day", "week": "a week",
        "wk": "a week", "month": "a month", "mo": "a month", "year": "a year", "yr": "a year",
        "night": "a night", "person": "a person", "head": "a head"}  # fmt: skip
_SYMBOLS = [
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


def _symbols(text: str) -> str:
    """&, #, @, /, + and the like as words; decorations dropped."""
    for pattern, spoken in _SYMBOLS:
        text = pattern.sub(spoken, text)
    return text


_GROUPED = re.compile(r"(?<![\w.])(?P<sign>-)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?)(?![\d])")
_PLAIN = re.compile(r"(?P<sign>(?<![\w.])-)?(?P<num>\d+(?:\.\d+)?|(?<!\w)\.\d+)")
_GLUED = re.compile(r"(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")


def _numbers(text: str) -> str:
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


# ---- codes read before the lexicon: phone numbers, designators, quarters, time zones ---------

_ZONES = {  # the standard/daylight forms (EST, PDT) are spelled out by the lexicon
    "ET": "Eastern Time",
    "CT": "Central Time",
    "MT": "Mountain Time",
    "PT": "Pacific Time",
}
_ZONE = re.compile(
    r"(?P<lead>\d|[ap]\.m\.|[ap]m|[AP]\.?M\.?)(?P<gap>\s+|\s?\(\s?)(?P<zone>"
    + "|".join(_ZONES)
    + r")(?P<close>\s?\))?(?!\w|\.\w)"
)
_CAPS_MERIDIEM = re.compile(r"(?<=\d)(?P<gap>\s?)(?P<ampm>[AP])M(?!\w|\.\w)")
_PHONE = re.compile(
    r"(?<![\w.+-])(?:(?P<one>1)[-. ])?(?:\((?P<area1>\d{3})\)\s?|(?P<area2>\d{3})[-. ])"
    r"(?P<exchange>\d{3})[-. ](?P<line>\d{4})(?![\w-]|\.\d)"
    r"|(?<![\w.+-])(?P<trunk>0\d{2,4}) (?P<rest>\d{3,4} ?\d{3,4})(?![\w-]|\.\d)"
)
_DESIGNATED = re.compile(
    r"\b(?P<word>Section|Sections|Flight|Route|Highway|Interstate|Room|Gate|Platform|Bus|Form"
    r"|Boeing|Paragraph)(?P<gap>\s+)(?P<num>[1-9]\d{2,3})\b(?![.,]\d)"
)
_LETTER_CODE = re.compile(r"\b(?P<letters>[A-Z]{1,3})-?(?P<num>[1-9]\d{2})\b(?![.,]\d|-\d)")
_AIRLINER = re.compile(
    r"(?<![\w.,$£€-])(?P<num>7[0-8]7)(?=\s?(?:-?\d{1,3}\b|Max\b|MAX\b|jets?\b|jetliners?\b|"
    r"airliners?\b|aircraft\b|planes?\b|Dreamliners?\b|jumbo))"
)
_THE_AIRLINER = re.compile(r"\b(?P<the>[Tt]he\s+)(?P<num>7[0-8]7)(?=\s+[a-z]+(?<!s)\b|[,.;:!?])")
_EMERGENCY = re.compile(
    r"(?P<before>\b(?:[Cc]all|[Dd]ial|[Rr]ing|called|dialed|dialled|calling|dialing|dialling|a|the)\s)"
    r"(?P<num>911|999|112|111|000)\b(?![.,]\d)"
    r"|\b(?P<num2>911|999)(?=\s+(?:calls?|operators?|dispatch|dispatchers?|emergency|line|center|centre)\b)"
)
_QUARTER = re.compile(
    r"(?:(?P<prep>\b(?:in|for|during|over|from|since|until|by|of|to|In|For|During)\s+)(?P<the>the\s+)?)?"
    r"\b(?P<kind>[QH])(?P<n>[1-4])\b(?!-\d)"
)
_FISCAL = re.compile(r"\bFY\s?(?P<year>(?:19|20)?\d\d)\b")
_CIRCA = re.compile(r"(?<![\w.])(?:c|ca)\.\s?(?=\d{3,4}\b)")
_NUMBER_TEN = re.compile(r"(?:(?<=[a-z,] )|(?<=^)|(?<=[.!?] ))No\s(?=10\b)|(?<=[a-z,] )No\s(?=\d)")


def _pairs(number: str) -> str:
    """Designators in pairs, as Americans read them: "230" -> "two thirty", "101" -> "one oh one"."""
    head, tail = number[:-2], int(number[-2:])
    if tail == 0:
        return num.cardinal(int(number))  # "Route 100": "one hundred"
    rest = num.cardinal(tail) if tail >= 10 else "oh " + num.cardinal(tail)
    return f"{num.cardinal(int(head))} {rest}"


def _codes(text: str) -> str:
    """Numbers that are names, not quantities: phone numbers, Section 230, MH370, 737 Max, Q3."""

    def phone(m: re.Match[str]) -> str:
        if m["trunk"]:  # a British number, "0800 123 4567"
            return ", ".join(num.digits(group) for group in [m["trunk"], *m["rest"].split()])
        area = m["area1"] or m["area2"]
        said = [] if not m["one"] else ["one"]
        said.append("eight hundred" if area == "800" else num.digits(area))
        return ", ".join([" ".join(said), num.digits(m["exchange"]), num.digits(m["line"])])

    def quarter(m: re.Match[str]) -> str:
        which = num.ordinal(int(m["n"]))
        if m["kind"] == "H":
            if m["n"] not in "12":
                return m[0]
            name = f"{which} half"
        else:
            name = f"{which} quarter"
        prep = m["prep"] or ""
        return f"{prep}the {name}" if prep else name

    def fiscal(m: re.Match[str]) -> str:
        year = m["year"]
        said = num.year(int(year)) if len(year) == 4 else num.cardinal(int(year))
        return f"fiscal year {said}"

    def zone(m: re.Match[str]) -> str:
        return f"{m['lead']} {_ZONES[m['zone']]}"

    text = _PHONE.sub(phone, text)
    text = _CAPS_MERIDIEM.sub(lambda m: f"{m['gap']}{m['ampm'].lower()}.m.", text)
    text = _ZONE.sub(zone, text)
    text = _FISCAL.sub(fiscal, text)
    text = _QUARTER.sub(quarter, text)
    text = _EMERGENCY.sub(lambda m: (m["before"] or "") + num.digits(m["num"] or m["num2"]), text)
    text = _DESIGNATED.sub(lambda m: f"{m['word']}{m['gap']}{_pairs(m['num'])}", text)
    text = _AIRLINER.sub(lambda m: _pairs(m["num"]), text)
    text = _THE_AIRLINER.sub(lambda m: m["the"] + _pairs(m["num"]), text)
    text = _LETTER_CODE.sub(lambda m: f"{spelled(m['letters'])} {_pairs(m['num'])}", text)
    text = _CIRCA.sub("circa ", text)
    return _NUMBER_TEN.sub("Number ", text)


# ---- tidying --------------------------------------------------------------------------------

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


def _tidy(text: str) -> str:
    for pattern, replacement in _TIDY:
        text = pattern.sub(replacement, text)
    return text.strip()


# ---- the normalizer -------------------------------------------------------------------------

_BASE = 0x800
_HIGH, _LOW = 0xE000, 0xE800
_PLACEHOLDER = re.compile("[\ue000-\ue7ff][\ue800-\uefff]")


def _placeholder(index: int) -> str:
    """Two private-use characters standing for lexicon entry number `index`."""
    return chr(_HIGH + index // _BASE % _BASE) + chr(_LOW + index % _BASE)


@dataclass(frozen=True)
class Normalizer:
    """Rewrites written news text into speakable words, using a pronunciation lexicon."""

    lexicon: Lexicon
    english: bool = True
    """The rules read English; for other languages only quotes, dashes and spacing are tidied
    and the engine's own language rules read numbers."""

    def _lexicon_pass(self, text: str, spoken: list[str]) -> str:
        """Replace lexicon entries by placeholders, so no later rule touches their spoken form."""
        pattern = self.lexicon.pattern
        if pattern is None:
            return text

        def protect(m: re.Match[str]) -> str:
            spoken.append(self.lexicon.entries[m[0]])
            return _placeholder(len(spoken) - 1)

        return pattern.sub(protect, text)

    def _one_pass(self, text: str) -> str:
        spoken: list[str] = []
        text = _characters(text)
        text = _web(text)
        if not self.english:
            return _tidy(_pauses(text))
        text = _codes(text)
        text = self._lexicon_pass(text, spoken)
        for rule in _RULES:
            text = rule(text)

        def restore(m: re.Match[str]) -> str:
            index = (ord(m[0][0]) - _HIGH) * _BASE + ord(m[0][1]) - _LOW
            return f" {spoken[index]} " if index < len(spoken) else " "

        return _tidy(_PLACEHOLDER.sub(restore, text))

    def __call__(self, text: str) -> str:
        """The spoken form of `text`: one line of words and punctuation, no digits or symbols."""
        result = self._one_pass(text)
        for _ in range(3):
            again = self._one_pass(result)
            if again == result:
                break
            result = again
        return result


_RULES: tuple[Rule, ...] = (
    _dates,
    _pauses,
    _times,
    _money,
    _percent,
    _temperatures,
    _units,
    _years,
    _ordinals,
    _fractions,
    _romans,
    _abbreviations,
    _symbols,
    _numbers,
)


@cache
def default_normalizer() -> Normalizer:
    """The normalizer with the shipped and user lexicons (no voice profile)."""
    return Normalizer(load_lexicon())


def normalize(text: str, lexicon: Lexicon | None = None) -> str:
    """The spoken form of `text` (see Normalizer), with `lexicon` or the default one."""
    normalizer = Normalizer(lexicon) if lexicon is not None else default_normalizer()
    return normalizer(unicodedata.normalize("NFC", text))
