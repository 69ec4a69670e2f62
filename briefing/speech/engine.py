"""The speech engine interface and chunked WAV rendering at whatever rate the engine speaks."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.models import Audio, VoiceProfile, WordMark

if TYPE_CHECKING:
    from briefing.speech.script import Segment, SpeechScript
    from briefing.timings import Timings

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
    """Receives 16-bit mono PCM at `rate` as the engine produces it, counting the frames.

    `write` takes the bytes on: a group's buffer (speech.worker), levelled and
    written once the group is spoken.
    """

    def __init__(self, write: Callable[[bytes], object], rate: int) -> None:
        self._write = write
        self.rate = rate
        self.frames = 0

    @property
    def seconds(self) -> float:
        """Audio written so far."""
        return self.frames / self.rate

    def write(self, pcm: bytes) -> None:
        self._write(pcm)
        self.frames += len(pcm) // 2

    def write_silence(self, seconds: float) -> None:
        """Pauses between sections: written in small blocks, like everything else."""
        frames = round(seconds * self.rate)
        block = b"\x00\x00" * self.rate
        while frames > 0:
            count = min(frames, self.rate)
            self.write(block[: count * 2])
            frames -= count


class SpeechEngine(ABC):
    """Turns text into 16-bit mono PCM at its own `sample_rate`, reporting where words start.

    Register a new engine in speech/engines.py; everything downstream (WAV,
    loudness, MP3, cues) takes the rate from the audio, so none is resampled.
    """

    name: str = "abstract"
    sample_rate: int
    """Frames per second of the PCM this engine writes: each engine sets its own, none is assumed."""

    @abstractmethod
    def synthesize(self, text: str, voice: VoiceProfile, sink: PcmSink) -> list[WordMark]:
        """Speak `text` (under CHUNK_CHARS) into `sink`; offsets and times are relative to it."""

    parallel_chars: int = 8000
    """Scripts shorter than this are spoken in one process: a worker's start costs more than it saves."""

    @abstractmethod
    def installed_voices(self) -> list[EngineVoice]:
        """The engine's own voices."""

    def recipe(self) -> tuple[type[SpeechEngine], dict[str, Any]] | None:
        """How a worker process builds the same engine (its class and keyword arguments).

        None (the default) keeps the engine to the process that made it.
        """
        return None

    def share_cores(self, processes: int) -> None:
        """Told that `processes` processes speak at once (1 again after), so threads can be fewer."""
        return None


def get_engine(name: str | None = None) -> SpeechEngine:
    """The engine called `name` (else BRIEFING_ENGINE, else the default), imported only now.

    Raises:
        EngineError: the engine is unknown, not installed or can't be loaded.
    """
    from briefing.speech.engines import engine_for, load_engine

    return load_engine(name) if name else engine_for()


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


Placed = tuple[int, int, float, int]
"""A mark as a group of segments records it: offset, length, seconds into its piece, frame the piece starts."""


def speak_segments(
    segments: Sequence[Segment],
    voice: VoiceProfile,
    engine: SpeechEngine,
    sink: PcmSink,
    spoken: Callable[[int], None] | None = None,
) -> list[Placed]:
    """Speak segments in order into `sink`, each piece on its own, with the pauses the script asks.

    The marks keep the frame each piece started at, so placing them after
    audio that came before (`placed`) gives the times a single pass would.
    `spoken(i)` is called as the i-th segment is done.
    """
    marks: list[Placed] = []
    for index, segment in enumerate(segments):
        marks.append((segment.offset, 0, 0.0, sink.frames))
        for offset, piece in chunks(segment.spoken):
            start = sink.frames
            base = segment.offset + offset
            marks += [
                (m.offset + base, m.length, m.seconds, start)
                for m in engine.synthesize(piece, segment.voice or voice, sink)
            ]
        if segment.pause_after > 0:
            sink.write_silence(segment.pause_after)
        if spoken:
            spoken(index)
    return marks


def placed(marks: Iterable[Placed], origin: int, rate: int) -> list[WordMark]:
    """Marks with times into the whole file, for a group whose audio starts at frame `origin`."""
    return [WordMark(o, n, seconds + (origin + frame) / rate) for o, n, seconds, frame in marks]


def progress_ends(script: SpeechScript) -> list[int]:
    """The characters done once each segment is spoken: up to the next one, the last up to the end."""
    segments = script.segments
    return [s.offset for s in segments[1:]] + [len(script.text)] if segments else []


def render_script(
    script: SpeechScript,
    voice: VoiceProfile,
    path: Path,
    *,
    engine: SpeechEngine | None = None,
    progress: Progress | None = None,
    loudness: bool = True,
    processes: int | None = None,
    timings: Timings | None = None,
) -> Audio:
    """Speak a script into a WAV file at `path`, a sentence at a time, in groups of sentences.

    Each sentence is synthesized on its own, so its start time is exact: the
    marks include one zero-length mark at every sentence's offset, followed by
    the engine's word marks (offsets into `script.text`, times into the file).
    Silence follows the title and each story as the script asks, and the file
    is brought to a standard loudness as it is spoken (see speech.parallel). The file
    and the returned Audio are at the engine's own sample rate; without an
    `engine`, the one the registry picks for `voice` speaks. A long script
    is spoken by several processes at once (see speech.parallel; `processes`
    sets how many, else the cores and BRIEFING_SPEECH_WORKERS decide); the
    file and marks are the same either way. With `timings`, levelling that
    is not hidden behind speaking is charged to its own phase, "loudness".
    """
    if engine is None:
        from briefing.speech.engines import engine_for

        engine = engine_for(voice)
    from briefing.speech.parallel import processes_for, render_parallel

    count = processes_for(script, engine) if processes is None else processes
    return render_parallel(
        script,
        voice,
        path,
        engine,
        count,
        progress=progress,
        loudness=loudness,
        timings=timings,
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
