"""Sentence splitters by language: nupunkt for English, pysbd's language models for the others.

nupunkt's model is English: it breaks German text at ordinal dates ("ab dem 15." /
"Dezember") and after abbreviations it has never seen ("Mrd.", "z. B."). pysbd
has rules for many languages; its few misses in news ("p. ex.", "Sr.") are mended
here by joining a break after an abbreviation of the language, or before a
lower-case word (no sentence begins with one).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

PYSBD_LANGUAGES = {
    "german": "de",
    "french": "fr",
    "spanish": "es",
    "italian": "it",
    "portuguese": "pt",
    "dutch": "nl",
    "polish": "pl",
    "greek": "el",
    "russian": "ru",
    "danish": "da",
    "bulgarian": "bg",
    "slovak": "sk",
    "czech": "cs",
    "arabic": "ar",
    "persian": "fa",
    "hindi": "hi",
}
"""Our language names -> the pysbd model that splits them (pysbd's own codes)."""

ABBREVIATIONS: dict[str, frozenset[str]] = {
    "german": frozenset(
        [
            "nr.",
            "dr.",
            "prof.",
            "z.",
            "b.",
            "d.",
            "h.",
            "u.",
            "a.",
            "v.",
            "ca.",
            "mrd.",
            "mio.",
            "bzw.",
            "vgl.",
            "sog.",
            "st.",
            "inkl.",
            "rd.",
            "jh.",
            "abs.",
            "art.",
            "str.",
            "ggf.",
            "evtl.",
            "tsd.",
            "bspw.",
            "hr.",
            "fr.",
        ]
    ),
    "french": frozenset(
        [
            "m.",
            "mm.",
            "p.",
            "ex.",
            "env.",
            "av.",
            "apr.",
            "cf.",
            "st.",
            "ste.",
            "dr.",
            "pr.",
            "n°.",
            "vol.",
        ]
    ),
    "spanish": frozenset(
        [
            "sr.",
            "sra.",
            "srta.",
            "sres.",
            "dr.",
            "dra.",
            "dña.",
            "d.",
            "p.",
            "ej.",
            "núm.",
            "aprox.",
            "ud.",
            "uds.",
            "gral.",
            "avda.",
            "ee.",
            "uu.",
            "art.",
            "pág.",
        ]
    ),
    "italian": frozenset(["sig.", "sig.ra", "dott.", "prof.", "ing.", "avv.", "p.", "es.", "ecc."]),
    "portuguese": frozenset(["sr.", "sra.", "dr.", "dra.", "prof.", "p.", "ex.", "av."]),
}
"""Abbreviations a sentence does not end on, as the last word of a piece (lower case)."""

_LAST_WORD = re.compile(r"(\S+)\s*$")
_STARTS_LOWER = re.compile(r"^[\"'«“„(]*[^\W\d_]")


@cache
def _segmenter(code: str) -> Callable[[str], list[str]]:
    import pysbd

    return pysbd.Segmenter(language=code, clean=False).segment


def has_splitter(language: str) -> bool:
    """Whether `language` has a splitter of its own (English and every pysbd language)."""
    return language == "english" or language in PYSBD_LANGUAGES


def split_in(text: str, language: str) -> list[str] | None:
    """`text` (one paragraph, whitespace squashed) split into sentences; None: use English's."""
    code = PYSBD_LANGUAGES.get(language)
    if code is None:
        return None
    pieces = [p.strip() for p in _segmenter(code)(text) if p.strip()]
    return _mend(pieces, ABBREVIATIONS.get(language, frozenset()))


def _mend(pieces: list[str], abbreviations: frozenset[str]) -> list[str]:
    """Join a piece to the one before when that one ends on an abbreviation, or it starts in
    lower case: "El Sr." + "García viajó." is one sentence."""
    mended: list[str] = []
    for piece in pieces:
        if mended:
            last = _LAST_WORD.search(mended[-1])
            ends_on_abbreviation = last is not None and last[1].lower() in abbreviations
            first = _STARTS_LOWER.match(piece)
            if ends_on_abbreviation or (first and first[0][-1].islower()):
                mended[-1] = f"{mended[-1]} {piece}"
                continue
        mended.append(piece)
    return mended
