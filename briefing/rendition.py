"""What the output formats' writers draw on: the briefing, its Markdown and, if spoken, its audio."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

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
    targets: Mapping[str, Path] = {}
    """Every file this export writes, by format name (so a page can link its audio and transcript)."""

    def audio(self) -> Spoken:
        if self.spoken is None:  # export only calls an audio writer after speaking
            raise ValueError("this format needs the briefing spoken first")
        return self.spoken
