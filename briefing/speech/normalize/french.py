"""French (France) as a newsreader reads it: "1 200", "3,5 %", "15 h 30", "le 1er mai", "M.", "Mme"."""

from __future__ import annotations

import re

from briefing.speech.normalize import continental as c
from briefing.speech.normalize.languages import LanguageRules
from briefing.speech.normalize.punctuation import read_pauses

MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)

FRENCH = c.Conventions(
    code="fr",
    thousands=" .",
    comma="virgule",
    point="point",
    percent="pour cent",
    months=MONTHS,
    range_word="à",
    scales={
        "Md": ("milliard", "milliards"),
        "Mds": ("milliard", "milliards"),
        "M": ("million", "millions"),
        "millions": ("million", "millions"),
        "milliards": ("milliard", "milliards"),
    },
    currencies={
        "€": ("euro", "euros"),
        "euros": ("euro", "euros"),
        "$": ("dollar", "dollars"),
        "£": ("livre", "livres"),
        "CHF": ("franc suisse", "francs suisses"),
    },
    one="un",
    one_before_scale="un",
    decimals_as_number=True,
    singular_below_two=True,
    of_scale="d'",
)

ABBREVIATIONS = {
    "MM.": "Messieurs",
    "Mmes": "Mesdames",
    "Mme": "Madame",
    "Mlles": "Mesdemoiselles",
    "Mlle": "Mademoiselle",
    "Dr": "docteur",
    "Pr": "professeur",
    "Me": "maître",
    "Mgr": "monseigneur",
    "p. ex.": "par exemple",
    "c.-à-d.": "c'est-à-dire",
    "av. J.-C.": "avant Jésus-Christ",
    "apr. J.-C.": "après Jésus-Christ",
    "etc.": "et cetera",
    "env.": "environ",
    "n°": "numéro",
    "n.°": "numéro",
    "bd": "boulevard",
    "Cie": "compagnie",
}

SYMBOLS = {
    "km/h": "kilomètres heure",
    "°C": "degrés Celsius",
    "°": "degrés",
    "km²": "kilomètres carrés",
    "m²": "mètres carrés",
    "km": "kilomètres",
    "cm": "centimètres",
    "mm": "millimètres",
    "m": "mètres",
    "kg": "kilos",
    "t": "tonnes",
    "ha": "hectares",
    "kWh": "kilowattheures",
    "MW": "mégawatts",
    "&": "et",
    "+": "plus",
}

_MISTER = re.compile(r"(?<![\w.])M\.(?=\s+[A-ZÉÈÀ])")
_CLOCK = re.compile(
    r"(?<![\d.,])(?P<h>[01]?\d|2[0-4])\s?(?:h|:)\s?(?P<m>[0-5]\d)?(?![\w\d])(?!\s?/)"
)
_FIRST = re.compile(r"(?<![\d.,])1(?P<e>er|re|ère)(?!\w)")
_ORDINAL = re.compile(r"(?<![\d.,])(?P<n>\d+)(?:e|ème|è)(?!\w)")
_ROMAN_ORDINAL = re.compile(r"\b(?P<r>[IVXLC]+)(?:e|ème)(?=\s+siècle)")
_SECOND = re.compile(r"(?<![\d.,])2(?P<e>nd|nde)(?!\w)")
_NAMED_DATE = re.compile(r"(?<![\d.,])(?P<d>[0-3]?\d)(?=\s(?:" + "|".join(MONTHS) + r")\b)")


def _hours(number: int) -> str:
    words = FRENCH.cardinal(number)
    words = re.sub(r"\bun$", "une", words)
    return f"{words} heure" if number in (0, 1) else f"{words} heures"


def read_times(text: str) -> str:
    """ "15 h 30", "15h30" and "15:30" -> "quinze heures trente"; "1 h" -> "une heure"."""

    def clock(m: re.Match[str]) -> str:
        if ":" in m[0] and m["m"] is None:
            return m[0]
        said = _hours(int(m["h"]))
        return f" {said} {FRENCH.cardinal(int(m['m']))} " if m["m"] and int(m["m"]) else f" {said} "

    return _CLOCK.sub(clock, text)


def _say_date(day: int, month: int, year: int | None) -> str:
    said = f"{'premier' if day == 1 else FRENCH.cardinal(day)} {MONTHS[month - 1]}"
    return f"{said} {FRENCH.cardinal(year)}" if year else said


def read_ordinals(text: str) -> str:
    """ "1er" -> "premier", "3e" -> "troisième", "XXe siècle" -> "vingtième siècle"."""
    text = _FIRST.sub(lambda m: "premier" if m["e"] == "er" else "première", text)
    text = _SECOND.sub(lambda m: "second" if m["e"] == "nd" else "seconde", text)
    text = _ROMAN_ORDINAL.sub(lambda m: FRENCH.ordinal(c.roman(m["r"])), text)
    text = _ORDINAL.sub(lambda m: FRENCH.ordinal(int(m["n"])), text)
    return _NAMED_DATE.sub(lambda m: "premier" if m["d"] in ("1", "01") else m["d"], text)


_DECADE = re.compile(r"(?<=années )(?:19|20)?(?P<d>[1-9]0)\b")


def read_decades(text: str) -> str:
    """ "les années 1990" -> "les années quatre-vingt-dix"."""
    return _DECADE.sub(lambda m: FRENCH.cardinal(int(m["d"])), text)


def read_titles(text: str) -> str:
    """ "M. Dupont" -> "Monsieur Dupont" (an "M." before a name, not a million)."""
    return _MISTER.sub("Monsieur", text)


RULES = LanguageRules(
    code="fr",
    name="French",
    before_lexicon=(),
    rules=(
        c.numeric_date_rule(FRENCH, _say_date),
        read_times,
        c.range_rule(FRENCH),
        c.money_rule(FRENCH, cents_join=" "),
        c.percent_rule(FRENCH),
        c.scale_rule(FRENCH),
        read_pauses,
        read_ordinals,
        read_decades,
        read_titles,
        c.abbreviations_rule(ABBREVIATIONS),
        c.symbols_rule(SYMBOLS),
        c.numbers_rule(FRENCH),
    ),
    uses_lexicon=False,
    web_words=("point", "slash", "arobase"),
)
