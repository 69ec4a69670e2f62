"""The speech engine interface, a factory that imports backends lazily, and chunked WAV rendering."""

from __future__ import annotations

import os
import re
import wave
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from briefing.errors import EngineError
from briefing.models import Audio, VoiceProfile, WordMark

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


def render_wav(
    text: str,
    voice: VoiceProfile,
    path: Path,
    *,
    engine: SpeechEngine | None = None,
    progress: Progress | None = None,
) -> Audio:
    """Speak `text` into a WAV file at `path`, chunk by chunk, streaming samples to disk.

    Word marks carry offsets into `text` and times into the whole file.
    """
    engine = engine or get_engine()
    pieces = chunks(text)
    marks: list[WordMark] = []
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(SAMPLE_RATE)
        sink = PcmSink(wav)
        for offset, piece in pieces:
            start_seconds = sink.frames / SAMPLE_RATE
            for mark in engine.synthesize(piece, voice, sink):
                marks.append(
                    WordMark(mark.offset + offset, mark.length, mark.seconds + start_seconds)
                )
            if progress:
                progress(offset + len(piece), len(text))
        frames = sink.frames
    return Audio(
        path=path, seconds=frames / SAMPLE_RATE, sample_rate=SAMPLE_RATE, marks=tuple(marks)
    )
