"""English measurements and temperatures: "40km", "a 10-kg bag", "5m people", "-5°C"."""

from __future__ import annotations

import re

from briefing.speech import numbers as num
from briefing.speech.normalize.english.words import (
    ARTICLE,
    DETERMINER,
    NOT_NOUNS,
    NUMBER,
    SCALES,
    after_article,
)

_TEMPERATURE = re.compile(
    r"(?P<sign>(?<![\w.])-\s?|\bminus\s)?(?P<num>(?<!\d)\d+(?:\.\d+)?)\s?(?:°\s?(?P<scale>[CF])?|(?P<bare>[CF]))(?![A-Za-z])"
)


def read_temperatures(text: str) -> str:
    """ "-5°C" -> "minus five degrees Celsius"."""

    def temperature(m: re.Match[str]) -> str:
        scale = m["scale"] or m["bare"]
        if m["bare"] and m["sign"] is None and float(m["num"]) > 60 and scale == "C":
            return m[0]  # "100C" is likelier a name than a temperature
        sign = "minus " if m["sign"] else ""
        degrees = "degree" if m["num"] == "1" or after_article(m) else "degrees"
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
    + NUMBER
    + r")(?P<gap>\s?|-)(?P<unit>"
    + "|".join(re.escape(u) for u in _UNIT_NAMES)
    + r")(?![\w²/])"
)
_METRES = re.compile(
    r"(?P<sign>(?<![\w.])-)?(?P<num>"
    + NUMBER
    + r")(?P<gap>-|\s?)m(?![\w²/.]|\.\w)(?P<after>\s+\w+)?"
)
_BARE_SCALE = re.compile(
    r"(?<![\w.])(?P<num>"
    + NUMBER
    + r")\s?(?P<scale>bn|mn|mln|tn|trn|k|million|billion|trillion)(?!\w)"
)


_INCHES = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)in\b(-?)")
_RACE = re.compile(r"(?<![\w.])(?P<num>\d{1,3})[kK](?=\s+(?:races?|runs?|walks?|swims?|course)\b)")
_FEET_INCHES = re.compile(r"\b(\d{1,2})\s?(?:ft|feet|foot|')\s?(\d{1,2})\s?(?:in|inches|\")(?!\w)")
_COUNTED = {"people", "children", "men", "women", "staff", "police", "cattle", "sheep", "fish"}


def read_units(text: str) -> str:
    """ "40km" -> "forty kilometers", "a 10-kg bag" -> "a ten-kilogram bag", "5m people" -> "five million people"."""

    def unit(m: re.Match[str]) -> str:
        one, many = _UNITS[m["unit"]]
        if m["unit"] == "x" and m["gap"]:
            return m[0]  # "3 x 4" is a size, handled with symbols
        sign = "minus " if m["sign"] else ""
        if m["gap"] == "-":  # an adjective: "a 10-km race"
            return f"{sign}{num.decimal(m['num'])}-{one}"
        single = m["num"] == "1" or after_article(m)
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
            and not ARTICLE.search(m.string[max(0, m.start() - 8) : m.start()])
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
        adjective = bool(ARTICLE.search(before)) or (
            bool(DETERMINER.search(before)) and follower.islower() and follower not in NOT_NOUNS
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
        lambda m: f"{num.decimal(m['num'])} {SCALES.get(m['scale'], m['scale'])}", text
    )
