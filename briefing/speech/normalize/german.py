"""German as a newsreader reads it: "am 28. Juni", "15.30 Uhr", "1.200", "3,5 %", "Dr.", "z. B."."""

from __future__ import annotations

import re

from briefing.speech.normalize import continental as c
from briefing.speech.normalize.languages import LanguageRules
from briefing.speech.normalize.punctuation import read_pauses

MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
_LEADING_ONE = re.compile(r"^ein(?=hundert|tausend)")


def _tidy(words: str) -> str:
    """ "einhunderttausend" -> "hunderttausend": the leading "ein" is not said in the news."""
    return _LEADING_ONE.sub("", words)


GERMAN = c.Conventions(
    code="de",
    thousands=".'",
    comma="Komma",
    point="Punkt",
    percent="Prozent",
    months=MONTHS,
    range_word="bis",
    scales={
        "Mio.": ("Million", "Millionen"),
        "Mrd.": ("Milliarde", "Milliarden"),
        "Bio.": ("Billion", "Billionen"),
        "Tsd.": ("tausend", "tausend"),
        "Mio": ("Million", "Millionen"),
        "Mrd": ("Milliarde", "Milliarden"),
    },
    currencies={
        "€": ("Euro", "Euro"),
        "Euro": ("Euro", "Euro"),
        "EUR": ("Euro", "Euro"),
        "US-Dollar": ("US-Dollar", "US-Dollar"),
        "$": ("Dollar", "Dollar"),
        "Dollar": ("Dollar", "Dollar"),
        "£": ("Pfund", "Pfund"),
        "Pfund": ("Pfund", "Pfund"),
        "CHF": ("Franken", "Franken"),
        "Franken": ("Franken", "Franken"),
    },
    one="ein",
    one_before_scale="eine",
    tidy=_tidy,
)

ABBREVIATIONS = {
    "Dr.": "Doktor",
    "Prof.": "Professor",
    "Hr.": "Herr",
    "St.": "Sankt",
    "Nr.": "Nummer",
    "Str.": "Straße",
    "z. B.": "zum Beispiel",
    "d. h.": "das heißt",
    "u. a.": "unter anderem",
    "v. a.": "vor allem",
    "z. T.": "zum Teil",
    "u. U.": "unter Umständen",
    "i. d. R.": "in der Regel",
    "v. Chr.": "vor Christus",
    "n. Chr.": "nach Christus",
    "usw.": "und so weiter",
    "bzw.": "beziehungsweise",
    "ca.": "circa",
    "etc.": "et cetera",
    "inkl.": "inklusive",
    "ggf.": "gegebenenfalls",
    "evtl.": "eventuell",
    "sog.": "sogenannte",
    "Jh.": "Jahrhundert",
    "Jhd.": "Jahrhundert",
    "rd.": "rund",
    "max.": "maximal",
    "mind.": "mindestens",
    "bspw.": "beispielsweise",
    "vgl.": "vergleiche",
    "Abs.": "Absatz",
    "Art.": "Artikel",
    "Tel.": "Telefon",
    "gem.": "gemäß",
    "zzgl.": "zuzüglich",
    "Mio.": "Millionen",
    "Mrd.": "Milliarden",
    "Tsd.": "tausend",
}

SYMBOLS = {
    "km/h": "Kilometer pro Stunde",
    "°C": "Grad Celsius",
    "°": "Grad",
    "km²": "Quadratkilometer",
    "m²": "Quadratmeter",
    "km": "Kilometer",
    "cm": "Zentimeter",
    "mm": "Millimeter",
    "m": "Meter",
    "kg": "Kilogramm",
    "g": "Gramm",
    "t": "Tonnen",
    "ha": "Hektar",
    "l": "Liter",
    "kWh": "Kilowattstunden",
    "MW": "Megawatt",
    "GW": "Gigawatt",
    "&": "und",
    "+": "plus",
    "§": "Paragraf",
}

_ARTICLES = frozenset(["der", "die", "das"])
_PREPOSITIONS = frozenset(
    ["bei", "in", "an", "auf", "mit", "von", "zu", "nach", "aus", "vor", "seit", "während", "wegen"]
)


def ordinal(number: int, before: str) -> str:
    """The ordinal in agreement with the word before it: "am 3." -> "dritten", "der 3." -> "dritte".

    After "der", "die" or "das" (not after a preposition: "bei der dritten") it ends in
    "-e"; everywhere else news uses it in the dative or accusative, "-en".
    """
    words = GERMAN.ordinal(number)
    previous = [w.lower() for w in before.split()[-2:]]
    after_preposition = len(previous) == 2 and previous[0] in _PREPOSITIONS
    if previous and previous[-1] in _ARTICLES and not after_preposition:
        return words
    return words + "n"


_WEEKDAY_DATE = re.compile(
    r"(?<![\d.,])(?P<d>[0-3]?\d)\.\s?(?P<m>"
    + "|".join(MONTHS)
    + r"|Jan\.|Feb\.|Sept?\.|Okt\.|Nov\.|Dez\.)"
    r"(?:\s(?P<y>\d{4})\b)?"
)
_ORDINAL = re.compile(r"(?<![\d.,])(?P<n>\d{1,3})\.(?=\s+[^\W\d_])")
_TIME = re.compile(
    r"(?<![\d.,])(?P<h>[01]?\d|2[0-4])[.:](?P<m>[0-5]\d)(?![\d]|[.,]\d)(?:\s?Uhr\b)?"
)
_HOUR = re.compile(r"(?<![\d.,])(?P<h>[01]?\d|2[0-4])\s?Uhr\b")
_SCORE = re.compile(r"(?<![\d.,:])(?P<a>\d{1,2}):(?P<b>\d)(?![\d:])")
_YEAR = re.compile(
    r"(?<![\d.,])(?P<y>1[1-9]\d\d)(?![\d.,]|\s?[%€$])(?!\s+(?!(?:"
    + "|".join(MONTHS)
    + r")\b)[A-ZÄÖÜ])"
)
_ONE_BEFORE_NOUN = re.compile(r"(?<![\d.,])1(?![\d.,])(?=\s+[A-ZÄÖÜ])")
_SHORT_MONTHS = {"Jan.": 1, "Feb.": 2, "Sep.": 9, "Sept.": 9, "Okt.": 10, "Nov.": 11, "Dez.": 12}


def _hour(number: int) -> str:
    return "ein" if number == 1 else GERMAN.cardinal(number)


def _year(number: int) -> str:
    from briefing.speech.normalize.continental import _num2words

    if 1100 <= number <= 1999:
        return str(_num2words()(number, lang="de", to="year"))
    return GERMAN.cardinal(number)


def _say_date(day: int, month: int, year: int | None, before: str = "") -> str:
    said = f"{ordinal(day, before)} {MONTHS[month - 1]}"
    return f"{said} {_year(year)}" if year else said


def read_dates(text: str) -> str:
    """ "28. Juni 2024" and "29.11.2024" -> "achtundzwanzigsten Juni zweitausendvierundzwanzig"."""

    def named(m: re.Match[str]) -> str:
        name = m["m"]
        month = MONTHS.index(name) + 1 if name in MONTHS else _SHORT_MONTHS[name]
        year = int(m["y"]) if m["y"] else None
        return _say_date(int(m["d"]), month, year, m.string[: m.start()])

    text = _WEEKDAY_DATE.sub(named, text)
    numeric = re.compile(r"(?<![\d.,/])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?:(?P<y>\d{4})\b)?(?!\d)")

    def digits(m: re.Match[str]) -> str:
        day, month = int(m["d"]), int(m["m"])
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return m[0]
        year = int(m["y"]) if m["y"] else None
        return _say_date(day, month, year, m.string[: m.start()]) + " "

    return numeric.sub(digits, text)


def read_times(text: str) -> str:
    """ "15.30 Uhr" -> "fünfzehn Uhr dreißig", "9 Uhr" -> "neun Uhr", "2:1" -> "zwei zu eins"."""
    text = _SCORE.sub(
        lambda m: f"{GERMAN.cardinal(int(m['a']))} zu {GERMAN.cardinal(int(m['b']))}", text
    )

    def clock(m: re.Match[str]) -> str:
        if "Uhr" not in m[0] and ":" not in m[0]:
            return m[0]
        minutes = int(m["m"])
        said = f"{_hour(int(m['h']))} Uhr"
        return f" {said} {GERMAN.cardinal(minutes)} " if minutes else f" {said} "

    text = _TIME.sub(clock, text)
    return _HOUR.sub(lambda m: f" {_hour(int(m['h']))} Uhr", text)


def read_ordinals(text: str) -> str:
    """ "der 3. Platz" -> "der dritte Platz", "zum 5. Mal" -> "zum fünften Mal"."""
    return _ORDINAL.sub(lambda m: ordinal(int(m["n"]), m.string[: m.start()]), text)


def read_years(text: str) -> str:
    """ "1998" -> "neunzehnhundertachtundneunzig" (a year, unless a noun follows: "1500 Menschen")."""
    return _YEAR.sub(lambda m: _year(int(m["y"])), text)


def read_numbers(text: str) -> str:
    """Every number left, with "ein" before a noun ("1 Tag" -> "ein Tag")."""
    return _numbers(_ONE_BEFORE_NOUN.sub("ein", text))


_numbers = c.numbers_rule(GERMAN, compounds=True)

RULES = LanguageRules(
    code="de",
    name="German",
    before_lexicon=(),
    rules=(
        read_times,
        c.range_rule(GERMAN),
        c.money_rule(GERMAN, cents_join=" "),
        c.percent_rule(GERMAN),
        c.scale_rule(GERMAN),
        read_dates,
        read_pauses,
        read_ordinals,
        c.abbreviations_rule(ABBREVIATIONS),
        c.symbols_rule(SYMBOLS),
        read_years,
        read_numbers,
    ),
    uses_lexicon=False,
    web_words=("Punkt", "Schrägstrich", "ät"),  # "@" is said "ät"
)
