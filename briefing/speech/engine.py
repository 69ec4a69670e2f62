"""The speech engine interface, a factory that imports backends lazily, and chunked WAV rendering."""

from __future__ import annotations

import os
import re
import wave
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.errors import EngineError
from briefing.models import Audio, VoiceProfile, WordMark

if TYPE_CHECKING:
    from briefing.speech.script import SpeechScript

SAMPLE_RATE = 22050
CHUNK_CHARS = 4000
"""espeak-ng crashes on single utterances of ~16,000 characters; stay far below."""

Progress = Callable[[int, int], None]
"""Called with (characters done, characters in all) while speaking."""


@dataclass(frozen=True)
class EngineVoice:
    """A voice the engine itself has installed."""

    id: str
    name: str
    languages: tuple[str, ...]


class PcmSink:
    """Receives 16-bit mono PCM as the engine produces it (streamed, never accumulated)."""

    def __init__(self, wav: wave.Wave_write) -> None:
        self._wav = wav
        self.frames = 0

    def write(self, pcm: bytes) -> None:
        self._wav.writeframesraw(pcm)
        self.frames += len(pcm) // 2

    def write_silence(self, seconds: float) -> None:
        """Pauses between sections: written in small blocks, like everything else."""
        frames = round(seconds * SAMPLE_RATE)
        block = b"\x00\x00" * SAMPLE_RATE
        while frames > 0:
            count = min(frames, SAMPLE_RATE)
            self.write(block[: count * 2])
            frames -= count


class SpeechEngine(ABC):
    """Turns text into PCM samples at SAMPLE_RATE, reporting where words start."""

    name: str = "abstract"

    @abstractmethod
    def synthesize(self, text: str, voice: VoiceProfile, sink: PcmSink) -> list[WordMark]:
        """Speak `text` (under CHUNK_CHARS) into `sink`; offsets and times are relative to it."""

    @abstractmethod
    def installed_voices(self) -> list[EngineVoice]:
        """The engine's own voices."""


def get_engine(name: str | None = None) -> SpeechEngine:
    """The engine called `name` (BRIEFING_ENGINE, else "espeak"), imported only now.

    Raises:
        EngineError: the engine is unknown or can't be loaded.
    """
    name = name or os.environ.get("BRIEFING_ENGINE", "espeak")
    if name == "espeak":
        from briefing.speech.espeak import EspeakEngine

        return EspeakEngine()
    if name == "fake":
        from briefing.speech.fake import FakeEngine

        return FakeEngine()
    raise EngineError(f"unknown speech engine {name!r} (known: espeak, fake)")


_BREAK = re.compile(r"(?<=[.!?…])\s+|\n+")


def chunks(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """Split text at sentence or line breaks into (offset, chunk) pieces under `limit` chars."""
    pieces: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            cut = max((m.end() for m in _BREAK.finditer(text, start, end)), default=0)
            if cut <= start:
                cut = text.rfind(" ", start, end) + 1
            end = cut if cut > start else end
        piece = text[start:end]
        if piece.strip():
            pieces.append((start, piece))
        start = end
    return pieces


def render_script(
    script: SpeechScript,
    voice: VoiceProfile,
    path: Path,
    *,
    engine: SpeechEngine | None = None,
    progress: Progress | None = None,
    loudness: bool = True,
) -> Audio:
    """Speak a script into a WAV file at `path`, a sentence at a time, streaming samples to disk.

    Each sentence is synthesized on its own, so its start time is exact: the
    marks include one zero-length mark at every sentence's offset, followed by
    the engine's word marks (offsets into `script.text`, times into the file).
    Silence follows the title and each story as the script asks, and the file
    is finally brought to a standard loudness (see loudness.py).
    """
    engine = engine or get_engine()
    total = len(script.text)
    marks: list[WordMark] = []
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(SAMPLE_RATE)
        sink = PcmSink(wav)
        for segment in script.segments:
            marks.append(WordMark(segment.offset, 0, sink.frames / SAMPLE_RATE))
            for offset, piece in chunks(segment.spoken):
                start_seconds = sink.frames / SAMPLE_RATE
                base = segment.offset + offset
                marks += [
                    WordMark(m.offset + base, m.length, m.seconds + start_seconds)
                    for m in engine.synthesize(piece, voice, sink)
                ]
            if segment.pause_after > 0:
                sink.write_silence(segment.pause_after)
            if progress:
                progress(segment.offset + len(segment.spoken), total)
        frames = sink.frames
    if loudness and frames:
        from briefing.speech.loudness import normalize_loudness

        normalize_loudness(path)
    return Audio(
        path=path, seconds=frames / SAMPLE_RATE, sample_rate=SAMPLE_RATE, marks=tuple(marks)
    )


def render_wav(
    text: str,
    voice: VoiceProfile,
    path: Path,
    *,
    engine: SpeechEngine | None = None,
    progress: Progress | None = None,
) -> Audio:
    """Speak plain `text` into a WAV file at `path`, chunk by chunk, streaming samples to disk.

    Word marks carry offsets into `text` and times into the whole file. Text
    is spoken as given: build a script (speech.script) to have it normalized.
    """
    from briefing.speech.script import Chapter, Segment, SpeechScript

    script = SpeechScript((Segment(text, text, 0, 0),), (Chapter(""),))
    audio = render_script(script, voice, path, engine=engine, progress=progress, loudness=False)
    # Keep the engine's word marks only, not the sentence-start mark render_script adds.
    return replace(audio, marks=tuple(m for m in audio.marks if m.length))
