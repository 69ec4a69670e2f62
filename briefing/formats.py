"""Every output format by name, with its description, file suffix and writer; nothing heavy is imported here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from briefing.files import publish, write_text

if TYPE_CHECKING:
    from briefing.models import Audio, Briefing
    from briefing.speech.script import SpeechScript


class Spoken(NamedTuple):
    """One rendering of the briefing: the script spoken, its audio, and the WAV it is in."""

    script: SpeechScript
    audio: Audio
    wav: Path


class Rendition(NamedTuple):
    """What every writer draws on; `spoken` is None unless a chosen format needs audio."""

    briefing: Briefing
    markdown: str
    spoken: Spoken | None = None

    def audio(self) -> Spoken:
        if self.spoken is None:  # export only calls an audio writer after speaking
            raise ValueError("this format needs the briefing spoken first")
        return self.spoken


Writer = Callable[[Rendition, Path, bool], Path]
"""Writes a rendition to a path (overwriting only if forced) and returns the path."""


class OutputFormat(NamedTuple):
    """A kind of file a briefing can be written as.

    A NamedTuple rather than a dataclass: `briefing --help` lists the formats,
    and `dataclasses` (which loads `inspect`) would add a tenth to its start-up.
    """

    name: str
    description: str
    suffix: str
    needs_audio: bool
    """Transcripts count: they are timed against the audio."""
    write: Writer


def _markdown(rendition: Rendition, path: Path, force: bool) -> Path:
    return write_text(path, rendition.markdown, force=force)


def _html(rendition: Rendition, path: Path, force: bool) -> Path:
    from briefing.render import to_html

    return write_text(path, to_html(rendition.briefing, rendition.markdown), force=force)


def _wav(rendition: Rendition, path: Path, force: bool) -> Path:
    return publish(rendition.audio().wav, path, force=force)


def _mp3(rendition: Rendition, path: Path, force: bool) -> Path:
    from briefing.files import atomic_path
    from briefing.speech import mp3, transcript

    spoken, briefing = rendition.audio(), rendition.briefing
    sources = ", ".join(briefing.sources)
    tags = mp3.Mp3Tags(
        title=briefing.title,
        date=briefing.date.isoformat(),
        comment=f"Sources: {sources}" if sources else "",
        chapters=transcript.chapter_times(spoken.script, spoken.audio),
    )
    with atomic_path(path, force=force) as tmp:
        mp3.encode_mp3(spoken.wav, tmp)
        mp3.write_tags(tmp, tags)
    return path


def _vtt(rendition: Rendition, path: Path, force: bool) -> Path:
    from briefing.speech import transcript

    spoken = rendition.audio()
    cues = transcript.cues(spoken.script, spoken.audio)
    return write_text(path, transcript.to_vtt(cues, rendition.briefing.title), force=force)


def _srt(rendition: Rendition, path: Path, force: bool) -> Path:
    from briefing.speech import transcript

    spoken = rendition.audio()
    return write_text(
        path, transcript.to_srt(transcript.cues(spoken.script, spoken.audio)), force=force
    )


FORMATS: dict[str, OutputFormat] = {
    f.name: f
    for f in (
        OutputFormat("md", "Markdown text", ".md", False, _markdown),
        OutputFormat("html", "HTML page", ".html", False, _html),
        OutputFormat("wav", "WAV audio", ".wav", True, _wav),
        OutputFormat("mp3", "MP3 with chapters", ".mp3", True, _mp3),
        OutputFormat("vtt", "WebVTT transcript", ".vtt", True, _vtt),
        OutputFormat("srt", "SRT subtitles", ".srt", True, _srt),
    )
}
"""Every format, in the order they are listed and written."""


AUDIO_FORMATS = frozenset(name for name, f in FORMATS.items() if f.needs_audio)
"""Formats that need the briefing spoken (derived: a new entry says it with `needs_audio`)."""


def parse_formats(spec: str) -> tuple[str, ...]:
    """Validate a comma list such as "md,html,wav"; raises ValueError naming a bad one."""
    wanted = [f.strip().lower() for f in spec.split(",") if f.strip()]
    bad = [f for f in wanted if f not in FORMATS]
    if bad or not wanted:
        raise ValueError(
            f"unknown format {bad[0] if bad else spec!r} (known: {', '.join(FORMATS)})"
        )
    return tuple(f for f in FORMATS if f in wanted)


def formats_help() -> str:
    """Each format with its description, for option help: "md (Markdown text), html (HTML page), ..."."""
    return ", ".join(f"{f.name} ({f.description})" for f in FORMATS.values())
