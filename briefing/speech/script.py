"""The speech script: the exact, normalized text handed to the engine, sentence by sentence.

A script knows, for every sentence, its written form (for transcripts), its
spoken form (for the engine), its offset in the script text (so engine word
marks map back to sentences) and its chapter (title, then one per story), so
sentence boundaries become cue times and chapter times once spoken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from briefing.language import iso_code
from briefing.models import Briefing, VoiceProfile
from briefing.programme import programme_sections
from briefing.speech.lexicon import Lexicon, load_lexicon
from briefing.speech.normalize import Normalizer
from briefing.speech.voices import profile_language, voice_speaking
from briefing.speech.wording import TEMPLATE_FIELDS, as_sentence, template_values, wording_for

__all__ = [
    "TEMPLATE_FIELDS",
    "article_script",
    "build_script",
    "programme_script",
    "speech_script",
    "spoken_text",
    "template_values",
]


@dataclass(frozen=True)
class Segment:
    """One sentence of the script: synthesized on its own so its start time is exact."""

    written: str
    spoken: str
    offset: int
    """Where `spoken` starts in the script text."""
    chapter: int
    pause_after: float = 0.0
    """Seconds of silence after it (after the title, between stories)."""
    voice: VoiceProfile | None = None
    """The voice that says it when not the script's own (a story in another language)."""
    language: str = "en"
    """The ISO 639-1 code of the language it is read in."""


@dataclass(frozen=True)
class Chapter:
    """A section of the audio: the title (with the intro), or one story (the outro joins the last)."""

    title: str


@dataclass(frozen=True)
class SpeechScript:
    """Everything the engine will say, in order."""

    segments: tuple[Segment, ...]
    chapters: tuple[Chapter, ...]
    title: str = ""

    @cached_property
    def text(self) -> str:
        """The script as one text: a sentence per line, a blank line between chapters."""
        parts: list[str] = []
        for previous, segment in zip((None, *self.segments), self.segments, strict=False):
            if previous is not None:
                parts.append("\n\n" if previous.chapter != segment.chapter else "\n")
            parts.append(segment.spoken)
        return "".join(parts) + ("\n" if parts else "")


Planned = tuple[str, int, str]
"""A sentence to say: its written form, its chapter, and its language (a name, "german")."""


def speaks_english(voice: VoiceProfile | None) -> bool:
    """Whether the profile's engine voice is English (the normalizer's rules are English)."""
    if voice is None:
        return True
    code = voice.voice.lower().split("/")[-1]
    return code.startswith("en") or code in {"english", "default"}


def profile_lexicon(voice: VoiceProfile | None) -> Lexicon:
    """The shipped and user lexicons with the profile's own entries in between."""
    entries = dict(voice.lexicon) if voice is not None else {}
    base = load_lexicon()
    if not entries:
        return base
    # The user's file still wins over the profile: reload it on top.
    from briefing.speech.lexicon import read_lexicon, user_lexicon_path

    merged = base.merged(Lexicon(entries))
    user = user_lexicon_path()
    return merged.merged(read_lexicon(user)) if user.is_file() else merged


def build_script(
    briefing: Briefing, voice: VoiceProfile | None = None, *, lexicon: Lexicon | None = None
) -> SpeechScript:
    """The script of a briefing: a daily brief's programme, or an article briefing.

    A briefing with its own intro or outro is a daily brief (see programme_script);
    any other is read as articles (see article_script).
    """
    if briefing.intro or briefing.outro:
        return programme_script(briefing, voice, lexicon=lexicon)
    return article_script(briefing, voice, lexicon=lexicon)


def programme_script(
    briefing: Briefing, voice: VoiceProfile | None = None, *, lexicon: Lexicon | None = None
) -> SpeechScript:
    """A daily brief's script: its own intro, each story with transition and credits, its outro.

    Args:
        voice: supplies the pauses and lexicon (its intro/outro templates are not used).
        lexicon: overrides the voice's lexicon.
    """
    wording = wording_for(briefing.language)
    languages = [story.language or briefing.language for story in briefing.stories]
    if briefing.intro.strip():
        languages.insert(0, briefing.language)
    languages.append(briefing.language)  # the outro
    planned: list[Planned] = []
    chapters = []
    for (title, said), language in zip(
        programme_sections(briefing, wording), languages, strict=False
    ):
        chapters.append(Chapter(title))
        planned += [(s, len(chapters) - 1, language) for s in said]
    return _script(planned, chapters, briefing.title, voice, lexicon)


def article_script(
    briefing: Briefing, voice: VoiceProfile | None = None, *, lexicon: Lexicon | None = None
) -> SpeechScript:
    """The script of article summaries: the voice's intro, title, each story, the voice's outro.

    Args:
        voice: supplies the intro/outro templates, pauses and lexicon; None means
            no intro or outro and the shipped lexicon.
        lexicon: overrides the voice's lexicon.
    """
    language = briefing.language
    values = template_values(briefing, wording_for(language))
    planned: list[Planned] = []
    if voice and voice.intro.strip():
        planned.append((as_sentence(voice.intro.format_map(values)), 0, language))
    # A title made up from a cut first sentence ("A man who…") reads badly aloud;
    # the sentence itself follows in the summary, so say nothing for it.
    if not briefing.title.endswith("…"):
        planned.append((as_sentence(briefing.title), 0, language))
    chapters = [Chapter(briefing.title)] if planned else []
    several = len(briefing.stories) > 1
    for story in briefing.stories:
        sentences = list(story.sentences)
        if several or " ".join(story.headline.split()) != " ".join(briefing.title.split()):
            sentences.insert(0, as_sentence(story.headline))
        sentences = [s for s in sentences if s.strip()]
        if not sentences:
            continue
        chapters.append(Chapter(story.headline or briefing.title))
        planned += [(s, len(chapters) - 1, story.language or language) for s in sentences]
    if voice and voice.outro.strip():
        planned.append((as_sentence(voice.outro.format_map(values)), len(chapters) - 1, language))
    return _script(planned, chapters, briefing.title, voice, lexicon)


def _script(
    planned: list[Planned],
    chapters: list[Chapter],
    title: str,
    voice: VoiceProfile | None,
    lexicon: Lexicon | None,
) -> SpeechScript:
    """The planned sentences spoken, each with its language's rules and voice, with offsets
    and the voice's pauses."""
    readers = _Readers(voice, lexicon or profile_lexicon(voice))
    title_pause = voice.title_pause if voice else 0.8
    story_pause = voice.story_pause if voice else 1.2
    segments: list[Segment] = []
    offset = 0
    for i, (written, chapter, language) in enumerate(planned):
        code, normalizer, speaker = readers.reading(language)
        spoken = normalizer(without_dateline(written))
        if not spoken:
            continue
        next_chapter = planned[i + 1][1] if i + 1 < len(planned) else chapter
        pause = 0.0
        if next_chapter != chapter:
            pause = title_pause if chapter == 0 else story_pause
        if segments:
            offset += 2 if segments[-1].chapter != chapter else 1
        segments.append(
            Segment(" ".join(written.split()), spoken, offset, chapter, pause, speaker, code)
        )
        offset += len(spoken)
    return SpeechScript(tuple(segments), tuple(chapters), title)


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(
    r"""^\s*
    (?:[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+){0,3}   # the city, in capitals: LOS ANGELES
       (?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})? # its state or country: , Calif.
       (?:,?\s+"""
    + _MONTH
    + r"""\s+\d{1,2})?           # a date: Dec 1
       \s*)?
    (?:\((?:[A-Z][\w&.' -]{0,30})\)\s*)?                # the agency: (Reuters)
    (?:--|[-–—])\s+                                       # then a dash
    (?=[A-Z0-9"“‘'])                                      # and the story's first word""",
    re.X,
)
"""A wire dateline opening a sentence: "LOS ANGELES (Reuters) - ", "WASHINGTON, Dec 1 (AP) -- "."""


def without_dateline(sentence: str) -> str:
    """The sentence without its opening dateline: kept in the text, not read aloud.

    The city must be in capitals or an agency in brackets must follow it, so an
    ordinary sentence that opens with a dash aside is left alone.
    """
    match = _DATELINE.match(sentence)
    if match is None:
        return sentence
    head = match.group(0)
    if not (re.search(r"[A-Z]{2}", head.split("(")[0]) or "(" in head):
        return sentence
    return sentence[match.end() :]


class _Readers:
    """For each language a script has: its code, its normalizer and the voice saying it."""

    def __init__(self, voice: VoiceProfile | None, lexicon: Lexicon) -> None:
        self.voice = voice
        self.lexicon = lexicon
        self._known: dict[str, tuple[str, Normalizer, VoiceProfile | None]] = {}

    def reading(self, language: str) -> tuple[str, Normalizer, VoiceProfile | None]:
        if language not in self._known:
            code = reading_language(language, self.voice)
            speaker = None
            if self.voice is not None and profile_language(self.voice) != code:
                switched, _ = voice_speaking(self.voice, language)
                speaker = switched if switched != self.voice else None
            self._known[language] = (code, Normalizer(self.lexicon, language=code), speaker)
        return self._known[language]


def reading_language(language: str | None, voice: VoiceProfile | None) -> str:
    """The ISO code a text is read in: its language's, else (none known) the voice's."""
    if language:
        return iso_code(language)
    return profile_language(voice) if voice is not None else "en"


def speech_script(briefing: Briefing, voice: VoiceProfile | None = None) -> str:
    """The exact text handed to the engine for a briefing (see build_script)."""
    return build_script(briefing, voice).text


def spoken_text(text: str, voice: VoiceProfile | None = None, language: str | None = None) -> str:
    """The spoken form of any text on one line, with the voice's lexicon: `briefing script --text`.

    `language` (a name or code) picks the reading rules; without it, the voice's language.
    """
    code = reading_language(language, voice)
    return " ".join(Normalizer(profile_lexicon(voice), language=code)(text).split())
