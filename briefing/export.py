"""The output-format pipeline: speak once if any format needs audio, then run each format's writer."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.files import check_free, ensure_dir, remove_stale_parts, scratch_path, slugify
from briefing.formats import FORMATS
from briefing.models import Audio, Briefing, VoiceProfile
from briefing.render import to_markdown
from briefing.rendition import Rendition, Spoken
from briefing.timings import phase_of

if TYPE_CHECKING:
    from briefing.speech.engine import Progress
    from briefing.speech.script import SpeechScript
    from briefing.timings import Timings

Speak = Callable[["SpeechScript", VoiceProfile, Path], Audio]
"""Renders a speech script with a voice into a WAV file at a path."""


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
    timings: Timings | None = None,
    script: SpeechScript | None = None,
) -> list[Path]:
    """Write the briefing in each format to `folder`, named from its title.

    Audio is rendered first (into a hidden scratch file) so the Markdown can
    record its length; the WAV, MP3 and transcripts are all made from that one
    rendering. If speech fails, the formats that don't need audio are still
    written before the error is raised, and no audio file or transcript is
    left behind. A format whose writer fails doesn't stop the others; the
    first failure is raised once they are done.

    Args:
        formats: names from `briefing.formats.FORMATS`.
        speak: renders (script, voice, path) to a WAV and returns its Audio;
            defaults to the real engine (speech.engine.render_script).
        markdown_text: the Markdown to save instead of a fresh rendering (an edited draft).
        progress: called with (characters spoken, characters in all) while speaking.
        timings: where to charge the phases' time: "speech", "loudness",
            "encoding" (the audio files) and "writing" (text and transcripts).
        script: the briefing's speech script, when the caller built it already
            (the daily brief writes it as its transcript too): not built twice.

    Returns:
        The paths written, in FORMATS order.
    """
    stem = stem or slugify(briefing.title)
    chosen = [FORMATS[name] for name in FORMATS if name in formats]
    targets = dict(zip([f.name for f in chosen], output_paths(folder, stem, formats), strict=True))
    check_free(targets.values(), force=force)
    ensure_dir(folder)
    remove_stale_parts(folder)  # what killed runs left here
    written: list[Path] = []
    errors: list[Exception] = []
    spoken: Spoken | None = None
    scratch: Path | None = None
    try:
        if any(fmt.needs_audio for fmt in chosen):
            scratch = scratch_path(folder, f"{stem}.wav")
            try:
                spoken = _speak(briefing, scratch, voice, speak, progress, timings, script)
                briefing = replace(
                    briefing, audio_seconds=spoken.audio.seconds, voice=voice.voice if voice else ""
                )
            except Exception as exc:
                errors.append(exc)
                chosen = [fmt for fmt in chosen if not fmt.needs_audio]
                # A full disk is the usual reason: free the scratch before the text formats.
                scratch.unlink(missing_ok=True)
        if markdown_text is None or briefing.audio_seconds is not None:
            markdown_text = _with_audio_seconds(markdown_text, briefing)
        rendition = Rendition(briefing, markdown_text, spoken, targets)
        for fmt in chosen:
            try:
                kind = "encoding" if fmt.name in ("mp3", "wav") else "writing"
                with phase_of(timings, kind):
                    written.append(fmt.write(rendition, targets[fmt.name], force))
            except Exception as exc:
                errors.append(exc)
    finally:
        if scratch is not None:
            scratch.unlink(missing_ok=True)
    if errors:
        raise errors[0]
    return written


def output_paths(folder: Path, stem: str, formats: tuple[str, ...]) -> list[Path]:
    """The files `export_briefing` writes for these formats, in FORMATS order (to reserve them first)."""
    return [folder / f"{stem}{fmt.suffix}" for name, fmt in FORMATS.items() if name in formats]


def _speak(
    briefing: Briefing,
    path: Path,
    voice: VoiceProfile | None,
    speak: Speak | None,
    progress: Progress | None,
    timings: Timings | None = None,
    script: SpeechScript | None = None,
) -> Spoken:
    """Speak the briefing into `path`, brought to the voice's loudness (timed apart)."""
    from briefing.speech.script import build_script
    from briefing.speech.voices import get_profile

    voice = voice or get_profile()
    with phase_of(timings, "speech"):
        script = script or build_script(briefing, voice)
        if speak is None:
            from briefing.speech.engine import render_script

            audio = render_script(script, voice, path, progress=progress, timings=timings)
        else:
            audio = speak(script, voice, path)
    return Spoken(script, audio, path)


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
