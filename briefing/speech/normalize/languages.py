"""Every language the normalizer has reading rules for, by code; a language plugs in as one entry.

A language's rules live in their own module (English: `normalize.english`) and are
loaded only when a normalizer for that language is first used. A language with no
entry is never read with another language's rules: its text only gets the shared
clean-up (characters, addresses, pauses, spacing) and the engine's voice reads the
rest with its own rules.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from briefing.speech.normalize.punctuation import read_pauses

Rule = Callable[[str], str]
"""One rewrite of a written form into words; its output is words and ordinary punctuation only."""


@dataclass(frozen=True)
class LanguageRules:
    """How one language's written forms are read, in the order the rules must run."""

    code: str
    """ISO 639-1 code, as in voice profiles and article metadata ("en")."""
    name: str
    before_lexicon: tuple[Rule, ...]
    """Rules that must see the text before lexicon entries are protected (codes such as "Q3"
    that a lexicon entry would otherwise swallow)."""
    rules: tuple[Rule, ...]
    """The main rules, in order: some forms contain others (a date contains a number)."""
    uses_lexicon: bool = True
    """Whether the pronunciation lexicon (respellings written for this language) applies."""
    web_words: tuple[str, str, str] | None = ("dot", "slash", "at")
    """How it says the "." "/" "@" of web and mail addresses; None leaves them to the voice."""


LANGUAGES: dict[str, str] = {
    "en": "briefing.speech.normalize.english",
    "de": "briefing.speech.normalize.german",
    "fr": "briefing.speech.normalize.french",
    "es": "briefing.speech.normalize.spanish",
}
"""Language code -> the module whose `RULES` (a LanguageRules) reads that language."""

DEFAULT_LANGUAGE = "en"

UNKNOWN = LanguageRules(
    "", "any other language", (), (read_pauses,), uses_lexicon=False, web_words=None
)
"""For a language without rules: pauses and spacing only, the voice reads numbers itself."""


def base_code(language: str) -> str:
    """The language part of a code such as "en-GB" or "en_us" ("en")."""
    return language.replace("_", "-").split("-")[0].strip().lower()


@cache
def language_rules(language: str) -> LanguageRules:
    """The rules for `language` (a code, region allowed), or UNKNOWN when it has none."""
    module = LANGUAGES.get(base_code(language))
    if module is None:
        return UNKNOWN
    rules = importlib.import_module(module).RULES
    if not isinstance(rules, LanguageRules):
        raise TypeError(f"{module}.RULES is not a LanguageRules")
    return rules
