"""Every output format by name, with its description, file suffix and writer; nothing heavy is imported here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

TYPE_CHECKING = False
"""`typing` is not imported here: `briefing --help` lists the formats, and it costs a tenth of that."""
if TYPE_CHECKING:
    from briefing.rendition import Rendition

    Writer = Callable[[Rendition, Path, bool], Path]
    """Writes a rendition to a path (overwriting only if forced) and returns the path."""


class OutputFormat:
    """A kind of file a briefing can be written as.

    A plain class rather than a dataclass or NamedTuple: `briefing --help` lists
    the formats, and `dataclasses` (which loads `inspect`) or `typing` would add
    to its start-up.
    """

    __slots__ = ("description", "name", "needs_audio", "suffix", "write")

    def __init__(
        self, name: str, description: str, suffix: str, needs_audio: bool, write: Writer
    ) -> None:
        self.name = name
        self.description = description
        self.suffix = suffix
        self.needs_audio = needs_audio
        """Transcripts count: they are timed against the audio."""
        self.write = write

    def __repr__(self) -> str:
        return f"OutputFormat({self.name!r}, {self.description!r}, {self.suffix!r})"


def write_text(path: Path, text: str, *, force: bool) -> Path:
    """briefing.files.write_text, imported when a file is written (not for `--help`)."""
    from briefing import files

    return files.write_text(path, text, force=force)


def publish(source: Path, path: Path, *, force: bool) -> Path:
    """briefing.files.publish, imported when a file is written (not for `--help`)."""
    from briefing import files

    return files.publish(source, path, force=force)


def _markdown(rendition: Rendition, path: Path, force: bool) -> Path:
    return write_text(path, rendition.markdown, force=force)


def _html(rendition: Rendition, path: Path, force: bool) -> Path:
    from briefing.render import PageMedia, briefing_language, to_html

    media = None
    targets = rendition.targets
    audio = targets.get("mp3") or targets.get("wav")
    if audio is not None and rendition.spoken is not None:
        from briefing.speech import transcript

        spoken = rendition.spoken
        chapters = transcript.chapter_times(spoken.script, spoken.audio)
        media = PageMedia(
            audio=audio.name,
            audio_type="audio/mpeg" if audio.suffix == ".mp3" else "audio/wav",
            track=targets["vtt"].name if "vtt" in targets else None,
            chapters=tuple((c.title, c.start) for c in chapters) if len(chapters) > 1 else (),
        )
    page = to_html(
        rendition.briefing,
        rendition.markdown,
        media=media,
        lang=briefing_language(rendition.briefing),
        folder=path.parent,
    )
    return write_text(path, page, force=force)


def _wav(rendition: Rendition, path: Path, force: bool) -> Path:
    return publish(rendition.audio().wav, path, force=force)


def _mp3(rendition: Rendition, path: Path, force: bool) -> Path:
    from briefing.cover import default_cover
    from briefing.files import atomic_path
    from briefing.language import iso_code
    from briefing.speech import mp3, transcript

    spoken, briefing = rendition.audio(), rendition.briefing
    sources = ", ".join(briefing.sources)
    tags = mp3.Mp3Tags(
        title=briefing.title,
        date=briefing.date.isoformat(),
        comment=f"Sources: {sources}" if sources else "",
        chapters=transcript.chapter_times(spoken.script, spoken.audio),
        language=iso_code(briefing.language),
        cover=default_cover(),
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


def _chapters(rendition: Rendition, path: Path, force: bool) -> Path:
    from briefing.speech import transcript

    spoken = rendition.audio()
    chapters = transcript.chapter_times(spoken.script, spoken.audio)
    return write_text(
        path, transcript.to_chapters_json(chapters, rendition.briefing.title), force=force
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
        OutputFormat("chapters", "JSON chapters", ".chapters.json", True, _chapters),
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
