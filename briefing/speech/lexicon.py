"""The pronunciation lexicon: written forms and how to say them, from TOML files layered in order.

Layers, later ones winning: the shipped voices/lexicon.toml, a `[lexicon]`
table in the voice profile, then the user's <config>/lexicon.toml.

A lexicon file has three optional parts:

    spell = ["FBI", "CEO"]          # initialisms, read letter by letter
    say = ["NATO", "NASA"]          # acronyms, read as a word
    [words]                         # anything else: written form = spoken form
    "Boeing 737" = "Boeing seven thirty-seven"
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from briefing import locations
from briefing.errors import VoiceError
from briefing.speech.tomlfile import read_toml

LEXICON_FILE = "lexicon.toml"


def spelled(letters: str) -> str:
    """An initialism in the form the engine reliably reads letter by letter: "FBI" -> "F.B.I."."""
    if len(letters) > 2 and letters.endswith("s") and letters[:-1].isupper():
        return spelled(letters[:-1]) + "'s"  # "EVs" -> "E.V.'s", said "ee-veez"
    return "".join(f"{c.upper()}." for c in letters if c.isalnum())


def said(acronym: str) -> str:
    """An acronym as an ordinary word, so the engine never spells it: "NATO" -> "Nato"."""
    return acronym[:1].upper() + acronym[1:].lower()


@dataclass(frozen=True)
class Lexicon:
    """Written form -> spoken form, matched case-sensitively on whole words."""

    entries: Mapping[str, str] = field(default_factory=dict)

    def merged(self, other: Lexicon) -> Lexicon:
        """This lexicon with `other`'s entries added (and winning)."""
        return Lexicon({**self.entries, **other.entries})

    def lookup(self, written: str) -> str | None:
        return self.entries.get(written)

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        """One regex for every entry, longest first, so "AT&T" wins over "T"."""
        if not self.entries:
            return None
        keys = sorted(self.entries, key=len, reverse=True)
        body = "|".join(re.escape(k) for k in keys)
        # A number may follow a word ("COP28", "AK47") but not continue one ("G7" in "G75").
        return re.compile(rf"(?<![\w.&@/#-])(?:{body})(?![A-Za-z_&@$£€]|\.\w)(?!(?<=\d)\d)")

    def __len__(self) -> int:
        return len(self.entries)


def parse_lexicon(data: Mapping[str, Any], origin: str) -> Lexicon:
    """Build a lexicon from parsed TOML data.

    Raises:
        VoiceError: a part has the wrong shape (the message names `origin`).
    """
    entries: dict[str, str] = {}
    for key, make in (("spell", spelled), ("say", said)):
        items = data.get(key, [])
        if not isinstance(items, list) or not all(isinstance(i, str) and i for i in items):
            raise VoiceError(f"{origin}: {key!r} must be a list of words")
        for item in items:
            spoken = make(item)
            entries[item] = spoken
            if item.isupper() and item.isalpha():
                # Plurals and possessives: "CEOs", "FBI's". The engine reads "'s"
                # after dotted letters as a plain /z/, but "s" as the letter S.
                entries[item + "s"] = spoken + "'s" if make is spelled else spoken + "s"
                entries[item + "'s"] = spoken + "'s"
    words = data.get("words", {})
    if not isinstance(words, dict) or not all(
        isinstance(k, str) and k and isinstance(v, str) for k, v in words.items()
    ):
        raise VoiceError(f"{origin}: [words] must map written forms to spoken forms (strings)")
    entries.update(words)
    unknown = set(data) - {"spell", "say", "words"}
    if unknown:
        raise VoiceError(
            f"{origin}: unknown lexicon key {sorted(unknown)[0]!r} (use spell, say, words)"
        )
    return Lexicon(entries)


def read_lexicon(path: Path) -> Lexicon:
    """Load one lexicon file.

    Raises:
        VoiceError: the file can't be read or isn't a valid lexicon.
    """
    data = read_toml(path)
    return parse_lexicon(data, str(path))


def shipped_lexicon() -> Lexicon:
    """The lexicon that ships in voices/."""
    entry = resources.files("briefing.voices").joinpath(LEXICON_FILE)
    return read_lexicon(Path(str(entry)))


def user_lexicon_path() -> Path:
    return locations.config_dir() / LEXICON_FILE


def load_lexicon(profile_lexicon: Mapping[str, Any] | None = None) -> Lexicon:
    """The shipped lexicon, overridden by a profile's `[lexicon]` table, then by the user's file."""
    lexicon = shipped_lexicon()
    if profile_lexicon:
        lexicon = lexicon.merged(parse_lexicon(profile_lexicon, "voice profile [lexicon]"))
    user = user_lexicon_path()
    if user.is_file():
        lexicon = lexicon.merged(read_lexicon(user))
    return lexicon
