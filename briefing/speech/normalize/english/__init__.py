"""English as a newsreader reads it (US conventions): the first entry in normalize.LANGUAGES.

Each rule module below rewrites one kind of written form; RULES lists them in the
order they must run, because some forms contain others (a date contains a number,
money contains a decimal).
"""

from __future__ import annotations

from briefing.speech.normalize.english.abbreviations import read_abbreviations
from briefing.speech.normalize.english.codes import read_codes
from briefing.speech.normalize.english.dates import read_dates, read_times
from briefing.speech.normalize.english.money import read_money, read_percent
from briefing.speech.normalize.english.romans import read_romans
from briefing.speech.normalize.english.symbols import read_numbers, read_symbols
from briefing.speech.normalize.english.units import read_temperatures, read_units
from briefing.speech.normalize.english.years import read_fractions, read_ordinals, read_years
from briefing.speech.normalize.languages import LanguageRules
from briefing.speech.normalize.punctuation import read_pauses

RULES = LanguageRules(
    code="en",
    name="English",
    before_lexicon=(read_codes,),
    rules=(
        read_dates,
        read_pauses,
        read_times,
        read_money,
        read_percent,
        read_temperatures,
        read_units,
        read_years,
        read_ordinals,
        read_fractions,
        read_romans,
        read_abbreviations,
        read_symbols,
        read_numbers,
    ),
)
