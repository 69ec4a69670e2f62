"""Guess an article's language from the stop-word lists sumy already ships (no extra model)."""

from __future__ import annotations

import pkgutil
import re
from collections.abc import Iterable
from functools import cache

DEFAULT_LANGUAGE = "english"
UNKNOWN_LANGUAGE = "unknown"
"""Said of junk (random letters, keyboard mash): summarized and spoken as the default, never guessed."""
LANGUAGES = (
    "english",
    "german",
    "french",
    "spanish",
    "italian",
    "portuguese",
    "czech",
    "slovak",
    "polish",
    "swedish",
    "greek",
    "ukrainian",
)
"""Space-separated languages with sumy stop words; the others need word segmentation we don't do."""

ISO_CODES = {
    "english": "en",
    "german": "de",
    "french": "fr",
    "spanish": "es",
    "italian": "it",
    "portuguese": "pt",
    "czech": "cs",
    "slovak": "sk",
    "polish": "pl",
    "swedish": "sv",
    "greek": "el",
    "ukrainian": "uk",
}
MIN_SHARE = 0.12
"""Below this share of stop words the text is too short or too odd to call; keep the default."""
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


@cache
def _stop_words(language: str) -> frozenset[str]:
    data = pkgutil.get_data("sumy", f"data/stopwords/{language}.txt") or b""
    return frozenset(w.strip().lower() for w in data.decode("utf-8").splitlines() if w.strip())


def detect_language(text: str, *, sample: int = 20_000) -> str:
    """The language whose stop words cover most of the text's words; English when unsure."""
    words = [w.lower() for w in _WORD.findall(text[:sample])]
    if len(words) < 5:
        return DEFAULT_LANGUAGE
    if _looks_like_junk(words):
        return UNKNOWN_LANGUAGE
    best, best_share = DEFAULT_LANGUAGE, 0.0
    english_share = 0.0
    for language in LANGUAGES:
        stops = _stop_words(language)
        share = sum(w in stops for w in words) / len(words)
        if language == DEFAULT_LANGUAGE:
            english_share = share
        if share > best_share:
            best, best_share = language, share
    # Short texts share function words across languages; prefer English unless clearly beaten.
    if best_share < MIN_SHARE or best_share < english_share * 1.25:
        return DEFAULT_LANGUAGE
    return best


_LATIN = re.compile(r"[a-zà-ɏ]+\Z")
_VOWEL = re.compile(r"[aeiouyà-æè-ïò-öø-ýÿāăąēĕėęěīĭįıōŏőœūŭůűų]")
JUNK_SHARE = 0.3
"""Above this share of vowelless Latin words a text is not prose in any language we read."""


def _looks_like_junk(words: list[str]) -> bool:
    """Random letters: real prose in Latin script has a vowel in nearly every word of 2+ letters.

    (Czech "prst" and abbreviations are rare enough; other scripts aren't judged.)
    """
    latin = [w for w in words if _LATIN.match(w)]
    if len(latin) < max(5, len(words) // 2):
        return False
    letters = sum(len(w) == 1 for w in latin)
    vowelless = sum(len(w) > 1 and not _VOWEL.search(w) for w in latin)
    return letters > 0.4 * len(latin) or vowelless > JUNK_SHARE * (len(latin) - letters)


def shared_language(languages: Iterable[str]) -> str:
    """The one language all of these are in, else the default (a mix is read as English)."""
    found = set(languages)
    return found.pop() if len(found) == 1 else DEFAULT_LANGUAGE


OTHER_CODES = {
    "dutch": "nl",
    "danish": "da",
    "norwegian": "no",
    "finnish": "fi",
    "hungarian": "hu",
    "romanian": "ro",
    "russian": "ru",
    "turkish": "tr",
    "slovenian": "sl",
    "bulgarian": "bg",
    "catalan": "ca",
}
"""Languages sumy can stem (or espeak-ng can speak) that detection does not guess; --language names them."""
_BY_CODE = {code: name for name, code in {**OTHER_CODES, **ISO_CODES}.items()}


def language_named(text: str) -> str:
    """The language a user named by ISO 639-1 code ("de", "fr-FR") or name ("German").

    Raises:
        ValueError: no such language (the message lists the codes known).
    """
    wanted = text.strip().replace("_", "-").lower()
    if wanted in _BY_CODE.values():
        return wanted
    code = wanted.split("-")[0]
    if code in _BY_CODE:
        return _BY_CODE[code]
    known = ", ".join(sorted(_BY_CODE))
    raise ValueError(f"unknown language {text!r} (known codes: {known})")


def iso_code(language: str) -> str:
    """The ISO 639-1 code of a language name ("german" -> "de"); a code stays as it is."""
    return {**OTHER_CODES, **ISO_CODES}.get(language, language)
