"""A speech engine for tests: deterministic tones at the voice's speaking rate, no native code."""

from __future__ import annotations

import math
import re
import struct

from briefing.models import VoiceProfile, WordMark
from briefing.speech.engine import SAMPLE_RATE, EngineVoice, PcmSink, SpeechEngine

_WORD = re.compile(r"\S+")


class FakeEngine(SpeechEngine):
    """Each word becomes a short tone whose length follows the profile's words per minute."""

    name = "fake"

    def synthesize(self, text: str, voice: VoiceProfile, sink: PcmSink) -> list[WordMark]:
        word_seconds = 60.0 / voice.rate
        marks: list[WordMark] = []
        start_frames = sink.frames
        for match in _WORD.finditer(text):
            seconds = (sink.frames - start_frames) / SAMPLE_RATE
            marks.append(WordMark(match.start(), len(match.group()), seconds))
            sink.write(_tone(word_seconds * 0.8, voice.volume) + _silence(word_seconds * 0.2))
        return marks

    def installed_voices(self) -> list[EngineVoice]:
        return [EngineVoice("fake/en", "Fake English", ("en",))]


def _tone(seconds: float, volume: float) -> bytes:
    count = int(seconds * SAMPLE_RATE)
    amplitude = int(8000 * min(volume, 1.0))
    return struct.pack(
        f"<{count}h",
        *(int(amplitude * math.sin(2 * math.pi * 220 * i / SAMPLE_RATE)) for i in range(count)),
    )


def _silence(seconds: float) -> bytes:
    return b"\x00\x00" * int(seconds * SAMPLE_RATE)
