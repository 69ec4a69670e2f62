"""The typed values passed between pipeline stages: Article -> Summary -> Briefing -> Audio."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Block:
    """A paragraph of an article, already split into sentences.

    Headings (titles, subheads such as "Japan worried") are structure: they are
    kept for display but never offered to a summarizer.
    """

    sentences: tuple[str, ...]
    is_heading: bool = False

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


@dataclass(frozen=True)
class Article:
    """One ingested article: its title, where it came from and its text blocks."""

    title: str
    source: str
    blocks: tuple[Block, ...]
    language: str = "english"
    published: dt.datetime | None = None
    url: str = ""
    """The page's address: where a URL led, or the canonical link a saved page names."""
    site: str = ""
    """The publication's name, when the page says it (else the web host)."""
    authors: tuple[str, ...] = ()

    @property
    def sentences(self) -> tuple[str, ...]:
        """Body sentences in article order; a sentence's index is its position here."""
        return tuple(s for b in self.blocks if not b.is_heading for s in b.sentences)

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)

    @property
    def word_count(self) -> int:
        return sum(len(s.split()) for s in self.sentences)


@dataclass(frozen=True)
class Pick:
    """A sentence chosen for a summary: its index in the article, its verbatim text, its score."""

    index: int
    text: str
    score: float


@dataclass(frozen=True)
class Summary:
    """The sentences a method picked from an article, in article order."""

    article: Article
    method: str
    picks: tuple[Pick, ...]
    scores: tuple[float, ...] = ()
    """A score for every body sentence of the article (empty when a method has none)."""
    notes: tuple[str, ...] = ()
    """Things the user should know, e.g. that fewer sentences were available than asked."""

    @property
    def sentences(self) -> tuple[str, ...]:
        return tuple(p.text for p in self.picks)

    @property
    def word_count(self) -> int:
        return sum(len(p.text.split()) for p in self.picks)


@dataclass(frozen=True)
class Story:
    """One section of a briefing: a headline, the text to read and where it came from."""

    headline: str
    sentences: tuple[str, ...]
    sources: tuple[str, ...]
    method: str = ""
    language: str = ""
    """The language its text is in, a name as in Article ("german"); "" means the briefing's."""

    @property
    def word_count(self) -> int:
        return sum(len(s.split()) for s in self.sentences)


@dataclass(frozen=True)
class Briefing:
    """What gets rendered and spoken: a title, a date and one or more stories."""

    title: str
    date: dt.date
    stories: tuple[Story, ...]
    audio_seconds: float | None = None
    intro: str = ""
    """Spoken and shown before the stories of a multi-story brief (date, number of stories)."""
    outro: str = ""
    """Spoken and shown after the last story."""
    url: str = ""
    """A one-article briefing's page address, site, authors and date, when known."""
    site: str = ""
    authors: tuple[str, ...] = ()
    published: dt.date | None = None
    language: str = "english"
    """The language of the brief and its wrapper words (a name, "german"); see iso_code for
    HTML and feeds. A story may be in another one (Story.language)."""
    voice: str = ""
    """The engine voice its audio was spoken with ("gmw/de"); "" before it is spoken."""

    @property
    def sources(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for story in self.stories:
            seen.update(dict.fromkeys(story.sources))
        return tuple(seen)

    @property
    def sentence_count(self) -> int:
        return sum(len(s.sentences) for s in self.stories)

    @property
    def word_count(self) -> int:
        return sum(s.word_count for s in self.stories)

    @property
    def methods(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.method for s in self.stories if s.method))


@dataclass(frozen=True)
class VoiceProfile:
    """A named way of speaking, loaded from a TOML file in voices/."""

    name: str
    voice: str = "en-us"
    """Engine voice id (e.g. "gmw/en-us") or language code (e.g. "en-us")."""
    rate: int = 150
    """Words per minute."""
    volume: float = 1.0
    pitch: int = 50
    description: str = ""
    path: Path | None = None
    title_pause: float = 0.8
    """Seconds of silence after the briefing's title."""
    story_pause: float = 1.2
    """Seconds of silence between stories."""
    intro: str = ""
    """Said before the title, e.g. "Here is your briefing for {date}." (see speech.script)."""
    outro: str = ""
    """Said after the last story."""
    lexicon: tuple[tuple[str, str], ...] = ()
    """The profile's own pronunciations (written, spoken), over the shipped lexicon."""
    engine: str = "espeak"
    loudness: float = -16.0
    """Integrated loudness (LUFS) the audio is brought to; -16 is what podcast platforms expect."""
    """The speech engine that speaks it, a name in speech.engines.ENGINES."""
    language: str = ""
    """The ISO 639-1 code of the language it speaks ("de"); "" means the one its voice id names."""
    voices: tuple[tuple[str, str], ...] = ()
    """(language code, engine voice) pairs: the voice to switch to for an article in that
    language, over the standard region's voice (a `[voices]` table in the profile)."""


@dataclass(frozen=True)
class WordMark:
    """Where the engine started a word: offset into the spoken text and time in the audio."""

    offset: int
    length: int
    seconds: float


@dataclass(frozen=True)
class Audio:
    """A rendered audio file and what is known about its timing."""

    path: Path
    seconds: float
    sample_rate: int
    marks: tuple[WordMark, ...] = field(default=(), repr=False)
