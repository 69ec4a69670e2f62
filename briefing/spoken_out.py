"""Where `speak` puts its audio: a file whose suffix names the format, or standard output for "-"."""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from briefing.errors import UsageError
from briefing.files import atomic_path, check_free, scratch_path

Render = Callable[[Path], float]
"""Speaks into a WAV file at the path; returns the audio's seconds."""

SUFFIXES = {".wav": "wav", ".mp3": "mp3", "": "wav"}
"""What each --out suffix means: the format always matches the name, never a mislabelled file."""


def audio_format(out: Path) -> str:
    """ "wav" or "mp3" for an --out path; UsageError for a suffix that names no audio format."""
    suffix = out.suffix.lower()
    if suffix not in SUFFIXES:
        raise UsageError(f"--out {out}: speak writes .wav or .mp3 files, not {suffix}")
    return SUFFIXES[suffix]


def is_stdout(out: Path | None) -> bool:
    return out is not None and str(out) == "-"


def speak_to(out: Path, render: Render, *, force: bool) -> float:
    """Speak into `out` (WAV or MP3 by its suffix), published whole or not at all."""
    fmt = audio_format(out)
    check_free([out], force=force)
    if fmt == "wav":
        with atomic_path(out, force=force) as tmp:
            return render(tmp)
    from briefing.speech.mp3 import encode_mp3

    wav = scratch_path(out.parent, out.name + ".wav")
    try:
        seconds = render(wav)
        with atomic_path(out, force=force) as tmp:
            encode_mp3(wav, tmp)
    finally:
        wav.unlink(missing_ok=True)
    return seconds


def speak_to_stdout(render: Render) -> float:
    """Speak into a scratch WAV, then copy it to standard output (for `--out -`)."""
    with tempfile.TemporaryDirectory(prefix="briefing-") as folder:
        wav = Path(folder) / "speech.wav"
        seconds = render(wav)
        with wav.open("rb") as audio:
            shutil.copyfileobj(audio, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    return seconds
