"""The normalizer: shared clean-up, then one language's rules, with lexicon entries kept intact."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from briefing.speech.lexicon import Lexicon, load_lexicon
from briefing.speech.normalize.bounds import FULL_READING_CHARS, MEMO_SIZE, pieces, say_long_numbers
from briefing.speech.normalize.characters import unify_characters
from briefing.speech.normalize.languages import DEFAULT_LANGUAGE, LanguageRules, language_rules
from briefing.speech.normalize.punctuation import tidy
from briefing.speech.normalize.web import read_web

_BASE = 0x800
_HIGH, _LOW = 0xE000, 0xE800
_PLACEHOLDER = re.compile("[\ue000-\ue7ff][\ue800-\uefff]")
"""Lexicon entries wait as private-use pairs; unify_characters removes any such pair in the input."""


def _placeholder(index: int) -> str:
    """Two private-use characters standing for lexicon entry number `index`."""
    return chr(_HIGH + index // _BASE % _BASE) + chr(_LOW + index % _BASE)


@dataclass(frozen=True)
class Normalizer:
    """Rewrites written news text into speakable words, using a pronunciation lexicon."""

    lexicon: Lexicon
    english: bool = True
    """The rules read English; for other languages only quotes, dashes and spacing are tidied
    and the engine's own language rules read numbers."""
    language: str | None = None
    """A language code ("en", "de-DE") choosing the rules from LANGUAGES; overrides `english`.
    A language without rules gets the same treatment as `english=False`."""
    _memo: dict[str, str] = field(default_factory=dict, init=False, compare=False, repr=False)
    """Pieces already read: text made of one phrase repeated costs one reading."""
    _spent: list[int] = field(default_factory=lambda: [0], init=False, compare=False, repr=False)
    """Characters read with every rule so far (see FULL_READING_CHARS)."""

    @property
    def rules(self) -> LanguageRules:
        """The language rules this normalizer reads with."""
        if self.language is not None:
            return language_rules(self.language)
        return language_rules(DEFAULT_LANGUAGE if self.english else "")

    def _lexicon_pass(self, text: str, spoken: list[str]) -> str:
        """Replace lexicon entries by placeholders, so no later rule touches their spoken form."""
        pattern = self.lexicon.pattern
        if pattern is None:
            return text

        def protect(m: re.Match[str]) -> str:
            spoken.append(self.lexicon.entries[m[0]])
            return _placeholder(len(spoken) - 1)

        return pattern.sub(protect, text)

    def _one_pass(self, text: str) -> str:
        """One run of every rule; __call__ repeats it until nothing changes."""
        language = self.rules
        spoken: list[str] = []
        text = unify_characters(text)
        if language.web_words is not None:
            text = read_web(text, language.web_words)
        for rule in language.before_lexicon:
            text = rule(text)
        if language.uses_lexicon:
            text = self._lexicon_pass(text, spoken)
        for rule in language.rules:
            text = rule(text)

        def restore(m: re.Match[str]) -> str:
            index = (ord(m[0][0]) - _HIGH) * _BASE + ord(m[0][1]) - _LOW
            return f" {spoken[index]} " if index < len(spoken) else " "

        return tidy(_PLACEHOLDER.sub(restore, text))

    def __call__(self, text: str) -> str:
        """The spoken form of `text`: one line of words and punctuation, no digits or symbols.

        A very long "sentence" is read in pieces (see bounds), so its cost stays linear.
        """
        said = [self._piece(piece) for piece in pieces(say_long_numbers(text))]
        return " ".join(s for s in said if s)

    def _piece(self, text: str) -> str:
        """One piece, remembered; past FULL_READING_CHARS new pieces get the quick reading."""
        if (known := self._memo.get(text)) is not None:
            return known
        if self._spent[0] > FULL_READING_CHARS:
            said = quick_reading(text)
        else:
            self._spent[0] += len(text)
            said = self._settled(text)
        if len(self._memo) >= MEMO_SIZE:
            self._memo.clear()
        self._memo[text] = said
        return said

    def _settled(self, text: str) -> str:
        """Passes over `text` until another changes nothing (at most four)."""
        result = self._one_pass(text)
        for _ in range(3):
            again = self._one_pass(result)
            if again == result:
                break
            result = again
        return result


_NOT_SPOKEN = re.compile(r"[^\w\s.,;:!?'-]+|_+")


def quick_reading(text: str) -> str:
    """Numbers and letters only, in linear time: for text past the full-reading budget."""
    from briefing.speech.normalize.english.symbols import read_numbers

    text = read_numbers(unify_characters(text))
    return tidy(_NOT_SPOKEN.sub(" ", text))


@cache
def default_normalizer() -> Normalizer:
    """The normalizer with the shipped and user lexicons (no voice profile)."""
    return Normalizer(load_lexicon())


def normalize(text: str, lexicon: Lexicon | None = None) -> str:
    """The spoken form of `text` (see Normalizer), with `lexicon` or the default one."""
    normalizer = Normalizer(lexicon) if lexicon is not None else default_normalizer()
    return normalizer(unicodedata.normalize("NFC", text))
