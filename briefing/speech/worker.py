"""A speech worker process: speaks groups of segments into raw PCM files and levels ranges of the result.

speech.parallel starts it as `python -m briefing.speech.worker`. Jobs come
on standard input and answers go to standard output, each a pickled tuple
behind its 8-byte length; they pass only between this package's own
processes. The worker ignores Ctrl-C (its parent stops it) and ends when its
parent goes away: reading a closed pipe ends the loop, writing to one raises.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from briefing.errors import EngineError
from briefing.speech.engine import WRITE_BUFFER, PcmSink, Placed, speak_segments

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from briefing.models import VoiceProfile
    from briefing.speech.engine import SpeechEngine
    from briefing.speech.script import Segment

_LENGTH = 8


def send(stream: IO[bytes], message: tuple[Any, ...]) -> None:
    """Write one message (a picklable tuple) and flush it."""
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(len(data).to_bytes(_LENGTH, "little") + data)
    stream.flush()


def receive(stream: IO[bytes]) -> tuple[Any, ...] | None:
    """The next message, or None once the other side has closed the pipe."""
    header = _read(stream, _LENGTH)
    if header is None:
        return None
    data = _read(stream, int.from_bytes(header, "little"))
    if data is None:
        return None
    message: tuple[Any, ...] = pickle.loads(data)
    return message


def _read(stream: IO[bytes], size: int) -> bytes | None:
    chunks: list[bytes] = []
    while size > 0:
        chunk = stream.read(size)
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


@dataclass(frozen=True)
class Spoken:
    """One group of segments spoken into its own raw PCM file."""

    index: int
    frames: int
    marks: list[Placed]
    """Times relative to the group's start (engine.placed puts them into the whole file)."""
    peak: int
    """The largest absolute sample, so the loudness pass needn't read every file for it."""


def speak_group(
    engine: SpeechEngine,
    index: int,
    segments: Sequence[Segment],
    voice: VoiceProfile,
    path: Path,
    spoken: Callable[[int], None] | None = None,
) -> Spoken:
    """Speak consecutive segments into a raw PCM file at `path` (created or emptied)."""
    import numpy as np

    peak = 0
    with path.open("wb", buffering=WRITE_BUFFER) as f:

        def write(pcm: bytes) -> None:
            nonlocal peak
            f.write(pcm)
            if pcm:
                samples = np.frombuffer(pcm, dtype="<i2")
                peak = max(peak, -int(samples.min()), int(samples.max()))

        sink = PcmSink(write, engine.sample_rate)
        marks = speak_segments(segments, voice, engine, sink, spoken)
    return Spoken(index, sink.frames, marks, peak)


def _serve(jobs: IO[bytes], answers: IO[bytes]) -> None:
    """Build the engine the first message names, then do jobs until told to stop."""
    from briefing.speech.loudness import level_range
    from briefing.speech.pcm import FrameWriter, JoinedPcm

    first = receive(jobs)
    if first is None:
        return
    _, engine_class, arguments, processes = first
    engine: SpeechEngine = engine_class(**arguments)
    engine.share_cores(processes)
    send(answers, ("ready", engine.sample_rate))
    while (job := receive(jobs)) is not None:
        kind = job[0]
        if kind == "speak":
            _, index, segments, voice, path = job

            def spoken(i: int, index: int = index) -> None:
                send(answers, ("segment", index, i))

            send(answers, ("spoken", speak_group(engine, index, segments, voice, path, spoken)))
        elif kind == "level":
            _, parts, rate, leveling, start, stop, out, offset = job
            with FrameWriter(out, offset) as write:
                level_range(JoinedPcm(parts, rate), leveling, start, stop, write)
            send(answers, ("leveled", start))
        else:
            return


def main() -> int:
    """Run as a worker: exit 0 when told to stop, 1 after a failure it has reported."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    jobs, answers = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing an engine prints may corrupt the answers
    try:
        _serve(jobs, answers)
    except BrokenPipeError:
        return 1  # the parent is gone: nobody to tell
    except EngineError as exc:
        _report(answers, str(exc))
        return 1
    except Exception as exc:  # anything else still reaches the parent as one line
        _report(answers, f"speech worker failed: {type(exc).__name__}: {exc}")
        return 1
    return 0


def _report(answers: IO[bytes], message: str) -> None:
    with contextlib.suppress(OSError):
        send(answers, ("error", message))


if __name__ == "__main__":
    # Run the module under its own name, so what it pickles is found as briefing.speech.worker.*.
    from briefing.speech import worker

    code = worker.main()
    sys.stderr.flush()
    os._exit(code)  # skip interpreter teardown: the engine's native state needs no cleanup
