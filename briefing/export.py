"""Atomic, no-clobber writes of every output format, and the names they get."""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.errors import OutputError
from briefing.models import Audio, Briefing, VoiceProfile
from briefing.render import to_html, to_markdown

if TYPE_CHECKING:
    from briefing.speech.engine import Progress
    from briefing.speech.script import SpeechScript

Speak = Callable[["SpeechScript", VoiceProfile, Path], Audio]
"""Renders a speech script with a voice into a WAV file at a path."""

FORMATS = ("md", "html", "wav", "mp3", "vtt", "srt")
"""Every format `export_briefing` can write, in the order they are listed."""
AUDIO_FORMATS = frozenset({"wav", "mp3", "vtt", "srt"})
"""Formats that need the briefing spoken (transcripts are timed against the audio)."""
MAX_SLUG = 80
_RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{i}" for p in ("com", "lpt") for i in range(10)}


def slugify(title: str) -> str:
    """A safe file name stem from a title: letters, digits and dashes only, never a path."""
    text = unicodedata.normalize("NFKC", title).lower()
    text = re.sub(r"[^\w]+", "-", text, flags=re.UNICODE).replace("_", "-")
    text = re.sub(r"-{2,}", "-", text).strip("-")
    if len(text) > MAX_SLUG:
        cut = text.rfind("-", 0, MAX_SLUG + 1)
        text = text[: cut if cut > MAX_SLUG // 2 else MAX_SLUG].rstrip("-")
    if not text:
        return "briefing"
    if text in _RESERVED:
        text += "-briefing"
    return text


def _describe(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "no space left on the device"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "permission denied"
    return exc.strerror or str(exc)


def ensure_dir(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}: can't create the output folder: {_describe(exc)}") from None
    if not folder.is_dir():
        raise OutputError(f"{folder}: not a folder")


def check_free(paths: list[Path], *, force: bool) -> None:
    """Refuse before writing anything if an output already exists (unless forced)."""
    if force:
        return
    taken = [p for p in paths if p.exists()]
    if taken:
        raise OutputError(f"{taken[0]} already exists (use --force to overwrite)")


@contextlib.contextmanager
def atomic_path(path: Path, *, force: bool) -> Iterator[Path]:
    """A temporary path next to `path`; on success it becomes `path` in one step.

    Without `force` the final step is a hard link, which fails if another
    process created `path` meanwhile: two concurrent runs never mix files.
    """
    ensure_dir(path.parent)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"{path}: can't write: {_describe(exc)}") from None
    os.close(fd)
    tmp = Path(name)
    with contextlib.suppress(OSError):
        # mkstemp makes 0600 files; outputs (a served podcast, shared notes) follow the umask.
        os.chmod(tmp, 0o666 & ~_umask())
    try:
        yield tmp
        if force:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise OutputError(f"{path} already exists (use --force to overwrite)") from None
            except OSError as exc:
                if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV):
                    raise
                if path.exists():  # no hard links on this file system
                    raise OutputError(f"{path} already exists (use --force to overwrite)") from None
                os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(f"{path}: can't write: {_describe(exc)}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


@functools.cache
def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_text(path: Path, text: str, *, force: bool = False) -> Path:
    """Write a text file atomically."""
    with atomic_path(path, force=force) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return path


def parse_formats(spec: str) -> tuple[str, ...]:
    """Validate a comma list such as "md,html,wav"; raises ValueError naming a bad one."""
    wanted = [f.strip().lower() for f in spec.split(",") if f.strip()]
    bad = [f for f in wanted if f not in FORMATS]
    if bad or not wanted:
        raise ValueError(
            f"unknown format {bad[0] if bad else spec!r} (known: {', '.join(FORMATS)})"
        )
    return tuple(f for f in FORMATS if f in wanted)


def export_briefing(
    briefing: Briefing,
    folder: Path,
    formats: tuple[str, ...],
    *,
    voice: VoiceProfile | None = None,
    force: bool = False,
    stem: str | None = None,
    speak: Speak | None = None,
    markdown_text: str | None = None,
    progress: Progress | None = None,
) -> list[Path]:
    """Write the briefing in each format to `folder`, named from its title.

    Audio is rendered first (into a hidden scratch file) so the Markdown can
    record its length; the WAV, MP3 and transcripts are all made from that one
    rendering. If speech fails, the Markdown and HTML are still written before
    the error is raised, and no audio file or transcript is left behind.

    Args:
        speak: renders (script, voice, path) to a WAV and returns its Audio;
            defaults to the real engine (speech.engine.render_script).
        markdown_text: the Markdown to save instead of a fresh rendering (an edited draft).
        progress: called with (characters spoken, characters in all) while speaking.

    Returns:
        The paths written, in FORMATS order.
    """
    stem = stem or slugify(briefing.title)
    targets = {fmt: folder / f"{stem}.{fmt}" for fmt in formats}
    check_free(list(targets.values()), force=force)
    ensure_dir(folder)
    written: list[Path] = []
    errors: list[Exception] = []
    spoken: _Spoken | None = None
    scratch: Path | None = None
    try:
        if AUDIO_FORMATS & targets.keys():
            scratch = _scratch_file(folder, stem)
            try:
                spoken = _speak(briefing, scratch, voice, speak, progress)
                briefing = replace(briefing, audio_seconds=spoken.audio.seconds)
            except Exception as exc:
                errors.append(exc)
                for fmt in AUDIO_FORMATS:
                    targets.pop(fmt, None)
        if markdown_text is None or briefing.audio_seconds is not None:
            markdown_text = _with_audio_seconds(markdown_text, briefing)
        if "md" in targets:
            written.append(write_text(targets["md"], markdown_text, force=force))
        if "html" in targets:
            written.append(
                write_text(targets["html"], to_html(briefing, markdown_text), force=force)
            )
        if spoken is not None and scratch is not None:
            written += _write_audio(briefing, spoken, scratch, targets, force, errors)
    finally:
        if scratch is not None:
            scratch.unlink(missing_ok=True)
    if errors:
        raise errors[0]
    return written


@dataclass(frozen=True)
class _Spoken:
    script: SpeechScript
    audio: Audio


def _scratch_file(folder: Path, stem: str) -> Path:
    """A hidden temporary WAV next to the outputs (same disk, so it moves into place in one step)."""
    try:
        fd, name = tempfile.mkstemp(prefix=f".{stem}.", suffix=".wav.part", dir=folder)
    except OSError as exc:
        raise OutputError(f"{folder}: can't write: {_describe(exc)}") from None
    os.close(fd)
    with contextlib.suppress(OSError):
        os.chmod(name, 0o666 & ~_umask())  # it becomes the .wav: same mode as the other outputs
    return Path(name)


def _speak(
    briefing: Briefing,
    path: Path,
    voice: VoiceProfile | None,
    speak: Speak | None,
    progress: Progress | None,
) -> _Spoken:
    from briefing.speech.script import build_script
    from briefing.speech.voices import get_profile

    voice = voice or get_profile()
    script = build_script(briefing, voice)
    if speak is None:
        from briefing.speech.engine import render_script

        audio = render_script(script, voice, path, progress=progress)
    else:
        audio = speak(script, voice, path)
    return _Spoken(script, audio)


def _write_audio(
    briefing: Briefing,
    spoken: _Spoken,
    scratch: Path,
    targets: dict[str, Path],
    force: bool,
    errors: list[Exception],
) -> list[Path]:
    """The WAV, MP3 and transcripts from one rendering; a failing format doesn't stop the others."""
    from briefing.speech import transcript

    written: list[Path] = []
    if "mp3" in targets:
        try:
            written.append(_write_mp3(briefing, spoken, scratch, targets["mp3"], force))
        except Exception as exc:
            errors.append(exc)
    cues = transcript.cues(spoken.script, spoken.audio)
    if "vtt" in targets:
        written.append(
            write_text(targets["vtt"], transcript.to_vtt(cues, briefing.title), force=force)
        )
    if "srt" in targets:
        written.append(write_text(targets["srt"], transcript.to_srt(cues), force=force))
    if "wav" in targets:
        with atomic_path(targets["wav"], force=force) as tmp:
            os.replace(scratch, tmp)
        written.append(targets["wav"])
    return sorted(written, key=lambda p: FORMATS.index(p.suffix[1:]))


def _write_mp3(briefing: Briefing, spoken: _Spoken, wav: Path, path: Path, force: bool) -> Path:
    from briefing.speech import mp3, transcript

    sources = ", ".join(briefing.sources)
    tags = mp3.Mp3Tags(
        title=briefing.title,
        date=briefing.date.isoformat(),
        comment=f"Sources: {sources}" if sources else "",
        chapters=transcript.chapter_times(spoken.script, spoken.audio),
    )
    with atomic_path(path, force=force) as tmp:
        mp3.encode_mp3(wav, tmp)
        mp3.write_tags(tmp, tags)
    return path


def _with_audio_seconds(markdown_text: str | None, briefing: Briefing) -> str:
    """A fresh rendering, or the edited Markdown with its audio length updated."""
    if markdown_text is None:
        return to_markdown(briefing)
    seconds = f"audio_seconds: {round(briefing.audio_seconds or 0, 2):g}"
    if re.search(r"^audio_seconds:.*$", markdown_text, re.M):
        return re.sub(r"^audio_seconds:.*$", seconds, markdown_text, count=1, flags=re.M)
    if markdown_text.startswith("---\n"):
        end = markdown_text.find("\n---", 4)
        if end != -1:
            return markdown_text[:end] + "\n" + seconds + markdown_text[end:]
    return markdown_text
