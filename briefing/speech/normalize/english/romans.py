"""Roman numerals after names and words: "World War II", "Henry VIII", "Super Bowl XLIX"."""

from __future__ import annotations

import re

from briefing.speech import numbers as num
from briefing.speech.normalize.english.words import (
    NOT_AFTER,
    word_set,
)

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
_REGNAL = word_set(
    "Henry Edward George William Charles Elizabeth Louis James Richard John Paul Pius Leo "
    "Benedict Gregory Napoleon Philip Frederick Peter Ivan Mary Victoria Alexander "
    "Nicholas Constantine Felipe Carl Gustav Harald Willem Juan Carlos Francis Innocent "
    "Clement Urban Boniface Alfonso Ferdinand Otto Wilhelm Rama Mohammed Hassan Abdullah "
    "Stephen Anne Matilda Catherine Harold Malcolm David Robert Sixtus Adrian Ludwig "
    "Friedrich Christian Olav Haakon Margrethe Albert Baudouin Manuel Pedro Joao Umberto "
    "Vittorio Emmanuel Michael Selim Suleiman Mehmed Murad Ramesses Ramses Thutmose "
    "Amenhotep Ptolemy Antiochus Cyrus Darius Xerxes Tiberius Augustus Nero Martin"
)
_ROYAL_TITLES = word_set(
    "King Queen Pope Emperor Empress Tsar Czar Prince Princess Sultan Pharaoh Kaiser Duke "
    "Saint Grand Shah Emir Caliph"
)


def _roman_value(roman: str) -> int:
    """The value of a Roman numeral up to LXXXIX (a smaller digit before a larger one subtracts)."""
    total = 0
    for i, c in enumerate(roman):
        value = _ROMAN_VALUES[c]
        if i + 1 < len(roman) and _ROMAN_VALUES[roman[i + 1]] > value:
            total -= value
        else:
            total += value
    return total


def read_romans(text: str) -> str:
    """ "World War II" -> "World War Two", "Henry VIII" -> "Henry the Eighth"."""

    def after_word(m: re.Match[str]) -> str:
        roman = m["roman"]
        if not roman or (roman == "I" and m["word"] != "War"):
            return m[0]
        return f"{m['word']} {num.cardinal(_roman_value(roman)).capitalize()}"

    def after_name(m: re.Match[str]) -> str:
        roman, word = m["roman"], m["word"]
        if not roman or word in NOT_AFTER:
            return m[0]
        before = m.string[: m.start()].split()[-1:]
        royal = word in _REGNAL or (bool(before) and before[0] in _ROYAL_TITLES)
        # "Martin Luther King III": a family name after a given name is a person too.
        person = bool(before) and before[0].istitle() and before[0].isalpha()
        person = person and before[0] not in NOT_AFTER
        if not royal and (
            len(roman) == 1 or roman in {"XL", "LI", "LX", "XI", "LV", "IX", "XV", "XX", "LIV"}
        ):
            return m[0]  # "Malcolm X", "LIV Golf": too likely letters or a name
        if not royal and not person:
            return f"{word} {num.cardinal(_roman_value(roman)).capitalize()}"  # "Artemis II"
        return f"{word} the {num.ordinal(_roman_value(roman)).capitalize()}"

    text = _ROMAN_AFTER_WORD.sub(after_word, text)
    return _ROMAN_AFTER_NAME.sub(after_name, text)
