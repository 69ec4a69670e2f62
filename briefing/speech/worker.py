"""A speech worker process, and the jobs it does: speak a group of segments, plan the loudness, level a group.

speech.parallel starts it as `python -m briefing.speech.worker`, often before
the script exists (standby.warm_up), so it loads numpy and the speech
modules first and then waits. Jobs come on standard input and answers go to
standard output, each a pickled tuple behind its 8-byte length; they pass
only between this package's own processes. The calling process runs the very
same jobs itself when it speaks alone (`run_job`), so the file is the same
whoever did the work. The worker ignores Ctrl-C (its parent stops it) and
ends when its parent goes away: reading a closed pipe ends the loop, writing
to one raises.
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
from briefing.speech.engine import PcmSink, Placed, speak_segments

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    import numpy as np

    from briefing.models import VoiceProfile
    from briefing.speech.engine import SpeechEngine
    from briefing.speech.loudness import Leveling
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
    peak: int | None
    """The largest absolute sample as spoken, for the loudness plan (None when levelled as spoken)."""


def speak_group(
    engine: SpeechEngine,
    index: int,
    segments: Sequence[Segment],
    voice: VoiceProfile,
    path: Path,
    leveling: Leveling | None = None,
    spoken: Callable[[int], None] | None = None,
) -> Spoken:
    """Speak consecutive segments into a raw PCM file at `path`, levelled by `leveling` if given.

    The group is gathered in memory (groups are bounded, see parallel.MAX_GROUP_CHARS),
    so levelling it costs no second read and the file is written once.
    """
    import numpy as np

    audio = bytearray()
    sink = PcmSink(audio.extend, engine.sample_rate)
    marks = speak_segments(segments, voice, engine, sink, spoken)
    peak = None
    if leveling is None:
        samples = np.frombuffer(audio, dtype="<i2")
        peak = max(-int(samples.min()), int(samples.max())) if samples.size else 0
        del samples  # a view: the buffer can't be let go while it lives
    _write(path, _leveled(audio, leveling, engine.sample_rate))
    return Spoken(index, sink.frames, marks, peak)


def level_group(path: Path, leveling: Leveling, rate: int) -> None:
    """Level a group spoken before its loudness was known, in place."""
    _write(path, _leveled(path.read_bytes(), leveling, rate))


def _leveled(
    pcm: bytes | bytearray, leveling: Leveling | None, rate: int
) -> bytes | bytearray | np.ndarray:
    if leveling is None or leveling.gain_db == 0:
        return pcm
    from briefing.speech.loudness import level_pcm

    return level_pcm(pcm, leveling, rate)


def _write(path: Path, data: bytes | bytearray | np.ndarray) -> None:
    from briefing.files import open_to_write

    # Not truncated first (see open_to_write); a file levelled in place keeps its length.
    with open_to_write(path, buffering=0) as f:
        if isinstance(data, bytes | bytearray):
            f.write(data)
        else:
            data.tofile(f)  # no copy into bytes first
        f.truncate()  # a file that held more before


def plan_sample(
    parts: list[tuple[Path, int]], rate: int, target: float, peak: int, seconds: float
) -> Leveling:
    """The leveling for the whole script, planned on the sample groups' raw audio (`seconds` of it)."""
    from briefing.speech.loudness import plan
    from briefing.speech.pcm import JoinedPcm

    return plan(JoinedPcm(parts, rate), target, peak=peak, seconds=seconds)


BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
"""Settings that keep numpy's linear-algebra library to one thread (a user's own setting is kept)."""


def load_numpy() -> None:
    """Import numpy, if not yet, with its BLAS to one thread: jobs never multiply matrices, and
    starting a thread pool per core costs more than all they do with it. The calling
    process's environment is left as it was."""
    if "numpy" in sys.modules:
        return
    unset = [name for name in BLAS_THREADS if name not in os.environ]
    os.environ.update(dict.fromkeys(unset, "1"))
    try:
        import numpy  # noqa: F401
    finally:
        for name in unset:
            os.environ.pop(name, None)


def run_job(
    engine: SpeechEngine, job: tuple[Any, ...], spoken: Callable[[int, int], None] | None
) -> tuple[Any, ...]:
    """Do one job (as parallel._Pool words it) and return its answer; `spoken(group, i)` reports progress."""
    load_numpy()
    kind = job[0]
    if kind == "speak":
        _, index, segments, voice, path, leveling = job

        def done(i: int, index: int = index) -> None:
            if spoken:
                spoken(index, i)

        return ("spoken", speak_group(engine, index, segments, voice, path, leveling, done))
    if kind == "level":
        _, index, path, leveling = job
        level_group(path, leveling, engine.sample_rate)
        return ("levelled", index)
    if kind == "plan":
        _, parts, target, peak, seconds = job
        return ("planned", plan_sample(parts, engine.sample_rate, target, peak, seconds))
    raise ValueError(f"unknown job {kind!r}")


def _serve(jobs: IO[bytes], answers: IO[bytes]) -> None:
    """Build the engine the first message names, then do jobs until told to stop."""
    first = receive(jobs)
    if first is None:
        return
    _, engine_class, arguments, processes = first
    engine: SpeechEngine = engine_class(**arguments)
    engine.share_cores(processes)
    send(answers, ("ready", engine.sample_rate))

    def spoken(index: int, i: int) -> None:
        send(answers, ("segment", index, i))

    while (job := receive(jobs)) is not None and job[0] != "stop":
        send(answers, run_job(engine, job, spoken))


def _preload() -> None:
    """What every job needs, loaded while the parent is still reading and writing the script."""
    load_numpy()
    import briefing.speech.loudness
    import briefing.speech.pcm  # noqa: F401
    from briefing.speech.espeak import binding

    # espeak-ng starts in a tenth of a second, and every engine here needs it (Piper for its
    # phonemes); started now, the worker is ready as soon as it learns its engine.
    with contextlib.suppress(EngineError):
        binding()


def main() -> int:
    """Run as a worker: exit 0 when told to stop, 1 after a failure it has reported."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    jobs, answers = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing an engine prints may corrupt the answers
    try:
        _preload()
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
