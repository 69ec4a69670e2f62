"""Speech normalization: news text -> the words a newsreader would say, ready for the engine.

Each rule rewrites one kind of written form ("$1.2bn", "Nov. 25", "10:30 a.m.",
"World War II", "40°C") into plain words. Every rule's output is made only of words
and ordinary punctuation, so running the whole pass again changes nothing.

The package: `pipeline` (the Normalizer), shared clean-up (`characters`, `web`,
`punctuation`), and one module per language registered in `languages.LANGUAGES`
(`english` is the first).
"""

from __future__ import annotations

from briefing.speech.normalize.languages import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    LanguageRules,
    Rule,
    language_rules,
)
from briefing.speech.normalize.pipeline import Normalizer, default_normalizer, normalize

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "LanguageRules",
    "Normalizer",
    "Rule",
    "default_normalizer",
    "language_rules",
    "normalize",
]
