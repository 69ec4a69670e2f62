"""Spanish (Spain) as a newsreader reads it: "1.200", "3,5 %", "a las 15.30", "1.º", "Sr.", "EE. UU."."""

from __future__ import annotations

import re

from briefing.speech.normalize import continental as c
from briefing.speech.normalize.languages import LanguageRules
from briefing.speech.normalize.punctuation import read_pauses

MONTHS = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)

SPANISH = c.Conventions(
    code="es",
    thousands=". ",
    comma="coma",
    point="punto",
    percent="por ciento",
    months=MONTHS,
    range_word="a",
    scales={
        "mill.": ("millón", "millones"),
        "millones": ("millón", "millones"),
        "millón": ("millón", "millones"),
    },
    currencies={
        "€": ("euro", "euros"),
        "euros": ("euro", "euros"),
        "$": ("dólar", "dólares"),
        "dólares": ("dólar", "dólares"),
        "£": ("libra", "libras"),
    },
    one="un",
    one_before_scale="un",
    decimals_as_number=True,
    of_scale="de",
)

ABBREVIATIONS = {
    "EE. UU.": "Estados Unidos",
    "Sres.": "señores",
    "Srta.": "señorita",
    "Sra.": "señora",
    "Sr.": "señor",
    "Dra.": "doctora",
    "Dr.": "doctor",
    "Dña.": "doña",
    "Gral.": "general",
    "p. ej.": "por ejemplo",
    "a. C.": "antes de Cristo",
    "d. C.": "después de Cristo",
    "etc.": "etcétera",
    "núm.": "número",
    "n.°": "número",
    "aprox.": "aproximadamente",
    "Uds.": "ustedes",
    "Ud.": "usted",
    "Avda.": "avenida",
    "art.": "artículo",
    "pág.": "página",
}

SYMBOLS = {
    "km/h": "kilómetros por hora",
    "°C": "grados centígrados",
    "km²": "kilómetros cuadrados",
    "m²": "metros cuadrados",
    "km": "kilómetros",
    "cm": "centímetros",
    "mm": "milímetros",
    "m": "metros",
    "kg": "kilos",
    "t": "toneladas",
    "ha": "hectáreas",
    "kWh": "kilovatios hora",
    "MW": "megavatios",
    "&": "y",
    "+": "más",
}

_CLOCK = re.compile(
    r"(?<![\d.,])(?P<h>[01]?\d|2[0-4])[:.](?P<m>[0-5]\d)(?!\d|[.,]\d)(?:\s?(?:h|horas)\b)?"
)
_HOURS = re.compile(r"(?<![\d.,])(?P<h>[01]?\d|2[0-4])\s?(?:h|horas)\b")
_ORDINAL = re.compile(
    r"(?<![\d.,])(?P<n>\d{1,3})(?P<dot>\.?)(?P<g>[°ª](?![CF])|er\b)(?P<noun>\s+[^\W\d_])?"
)
_CENTURY = re.compile(r"(?<=\bsiglo )(?P<r>[IVXLC]+)\b")
_DEGREES = re.compile(r"(?<=\d)\s?°(?!C)")


def _feminine(words: str) -> str:
    return " ".join(w[:-1] + "a" if w.endswith("o") else w for w in words.split())


def _ordinal(m: re.Match[str]) -> str:
    """An ordinal sign after a number; "25°" without a dot above ten is a temperature."""
    number, ending, noun = int(m["n"]), m["g"], m["noun"] or ""
    if ending == "°" and not m["dot"] and number > 10:
        return f"{m['n']} grados{noun}"
    words = SPANISH.ordinal(number)
    if ending == "ª":
        return _feminine(words) + noun
    if ending == "er" or noun:
        words = re.sub(r"(primer|tercer)o$", r"\1", words)  # "el primer paso"
    return words + noun


def _hour(number: int) -> str:
    """Hours are feminine (las horas): "la una", "las veintiuna"."""
    return re.sub(r"uno$", "una", SPANISH.cardinal(number))


def read_times(text: str) -> str:
    """ "a las 15.30" -> "quince treinta", "15:00 horas" -> "quince horas"."""

    def clock(m: re.Match[str]) -> str:
        hour, minutes = _hour(int(m["h"])), int(m["m"])
        if not minutes:
            return f" {hour} horas "
        said = f"{hour} {SPANISH.cardinal(minutes)}"
        return f" {said} horas " if m[0].rstrip().endswith(("h", "horas")) else f" {said} "

    text = _CLOCK.sub(clock, text)
    return _HOURS.sub(lambda m: f" {_hour(int(m['h']))} horas ", text)


def read_ordinals(text: str) -> str:
    """ "1.º" -> "primero", "2.ª" -> "segunda", "1.er" -> "primer"; a degree sign after a number."""
    text = _ORDINAL.sub(_ordinal, text)
    text = _CENTURY.sub(lambda m: SPANISH.cardinal(c.roman(m["r"])), text)
    return _DEGREES.sub(" grados", text)


_MASCULINE_IN_AS = frozenset(
    [
        "días",
        "problemas",
        "programas",
        "sistemas",
        "mapas",
        "temas",
        "idiomas",
        "planetas",
        "poemas",
        "dramas",
        "climas",
        "atlas",
    ]
)
"""Masculine nouns that end in -as, like a feminine plural."""
_BEFORE_NOUN = re.compile(
    rf"(?P<n>{c.number_pattern(SPANISH)})(?P<space>\s+)(?P<noun>[^\W\d_]+as)\b"
)


def _feminine_number(words: str) -> str:
    """ "trescientos veintiuno" -> "trescientas veintiuna": numbers before a feminine noun."""
    words = re.sub(r"ientos\b", "ientas", words)
    words = re.sub(r"\b(veinti)?uno\b", lambda m: (m[1] or "") + "una", words)
    return re.sub(r"\bun\b", "una", words)


def read_numbers(text: str) -> str:
    """Every number left; before a feminine noun in -as it agrees ("trescientas personas")."""

    def agree(m: re.Match[str]) -> str:
        if m["noun"].lower() in _MASCULINE_IN_AS or "," in m["n"]:
            return m[0]
        return f"{_feminine_number(c.say_number(m['n'], SPANISH))}{m['space']}{m['noun']}"

    return _numbers(_BEFORE_NOUN.sub(agree, text))


_numbers = c.numbers_rule(SPANISH)


def _say_date(day: int, month: int, year: int | None) -> str:
    said = f"{SPANISH.cardinal(day)} de {MONTHS[month - 1]}"
    return f"{said} de {SPANISH.cardinal(year)}" if year else said


RULES = LanguageRules(
    code="es",
    name="Spanish",
    before_lexicon=(),
    rules=(
        c.abbreviations_rule(
            {"EE. UU.": "Estados Unidos", "EEUU": "Estados Unidos", "n.°": "número"}
        ),
        c.numeric_date_rule(SPANISH, _say_date),
        read_ordinals,
        read_times,
        c.range_rule(SPANISH),
        c.money_rule(SPANISH, cents_join=" con "),
        c.percent_rule(SPANISH),
        c.scale_rule(SPANISH),
        read_pauses,
        c.abbreviations_rule(ABBREVIATIONS),
        c.symbols_rule(SYMBOLS),
        read_numbers,
    ),
    uses_lexicon=False,
    web_words=("punto", "barra", "arroba"),
)
