"""A speech engine for tests: deterministic tones at the voice's speaking rate, no native code."""

from __future__ import annotations

import math
import re
import struct
from functools import lru_cache
from typing import Any

from briefing.models import VoiceProfile, WordMark
from briefing.speech.engine import EngineVoice, PcmSink, SpeechEngine

_WORD = re.compile(r"\S+")
DEFAULT_RATE = 22050


class FakeEngine(SpeechEngine):
    """Each word becomes a short tone whose length follows the profile's words per minute.

    `sample_rate` is a parameter so tests can prove nothing downstream assumes one rate.
    """

    name = "fake"

    def __init__(self, sample_rate: int = DEFAULT_RATE) -> None:
        self.sample_rate = sample_rate

    def synthesize(self, text: str, voice: VoiceProfile, sink: PcmSink) -> list[WordMark]:
        word_seconds = 60.0 / voice.rate
        marks: list[WordMark] = []
        start_frames = sink.frames
        for match in _WORD.finditer(text):
            seconds = (sink.frames - start_frames) / self.sample_rate
            marks.append(WordMark(match.start(), len(match.group()), seconds))
            sink.write(self._tone(word_seconds * 0.8, voice.volume))
            sink.write(self._silence(word_seconds * 0.2))
        return marks

    def installed_voices(self) -> list[EngineVoice]:
        return [EngineVoice("fake/en", "Fake English", ("en",))]

    def recipe(self) -> tuple[type[SpeechEngine], dict[str, Any]]:
        return FakeEngine, {"sample_rate": self.sample_rate}

    def _tone(self, seconds: float, volume: float) -> bytes:
        return _tone(int(seconds * self.sample_rate), self.sample_rate, volume)

    def _silence(self, seconds: float) -> bytes:
        return b"\x00\x00" * int(seconds * self.sample_rate)


@lru_cache(maxsize=64)
def _tone(count: int, rate: int, volume: float) -> bytes:
    """Every word's tone is alike: made once, so hours of fake speech cost no more than copying."""
    amplitude = int(8000 * min(volume, 1.0))
    return struct.pack(
        f"<{count}h",
        *(int(amplitude * math.sin(2 * math.pi * 220 * i / rate)) for i in range(count)),
    )
