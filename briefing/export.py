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
from dataclasses import replace
from pathlib import Path

from briefing.errors import OutputError
from briefing.models import Audio, Briefing, VoiceProfile
from briefing.render import to_html, to_markdown

FORMATS = ("md", "html", "wav")
"""Every format `export_briefing` can write, in the order they are written."""
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
    speak: Callable[[str, VoiceProfile, Path], Audio] | None = None,
    markdown_text: str | None = None,
) -> list[Path]:
    """Write the briefing in each format to `folder`, named from its title.

    Audio is rendered first so the Markdown can record its length; if speech
    fails, the Markdown and HTML are still written before the error is raised.

    Args:
        speak: renders (text, voice, path) to a WAV; defaults to the real engine.
        markdown_text: the Markdown to save instead of a fresh rendering (an edited draft).

    Returns:
        The paths written, in FORMATS order.
    """
    stem = stem or slugify(briefing.title)
    targets = {fmt: folder / f"{stem}.{fmt}" for fmt in formats}
    check_free(list(targets.values()), force=force)
    ensure_dir(folder)
    written: list[Path] = []
    pending_error: Exception | None = None
    with contextlib.ExitStack() as stack:
        if "wav" in targets:
            from briefing.speech.script import speech_script
            from briefing.speech.voices import get_profile

            voice = voice or get_profile()
            speak = speak or _default_speak
            tmp = stack.enter_context(atomic_path(targets["wav"], force=force))
            try:
                audio = speak(speech_script(briefing), voice, tmp)
                briefing = replace(briefing, audio_seconds=audio.seconds)
            except Exception as exc:
                pending_error = exc
                stack.pop_all()
                tmp.unlink(missing_ok=True)
                targets.pop("wav")
        if markdown_text is None or briefing.audio_seconds is not None:
            markdown_text = _with_audio_seconds(markdown_text, briefing)
        if "md" in targets:
            written.append(write_text(targets["md"], markdown_text, force=force))
        if "html" in targets:
            written.append(
                write_text(targets["html"], to_html(briefing, markdown_text), force=force)
            )
    if "wav" in targets:
        written.append(targets["wav"])
    if pending_error is not None:
        raise pending_error
    return written


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


def _default_speak(text: str, voice: VoiceProfile, path: Path) -> Audio:
    from briefing.speech.engine import render_wav

    return render_wav(text, voice, path)
