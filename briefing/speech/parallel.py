"""Speaking a long script on every core: groups of sentences in worker processes, stitched in order.

The sentences are independent, so a script is cut into groups of
consecutive segments that the calling process and its workers (fresh
interpreters running speech.worker, never forks of a process whose engine
is loaded) take one at a time, each writing raw PCM to its own file in a
hidden folder beside the output. Marks come back relative to their group and
are placed once every group's length is known, with the arithmetic the
single-process path uses, so times are identical. The loudness pass reads
the group files as one stream and writes the finished WAV directly, each
process levelling its own range of fixed blocks: the file is byte for byte
what one process would write. Audio is never held in memory, the folder is
removed whatever happens, and a failing worker surfaces as its EngineError.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pickle
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import briefing
from briefing.errors import EngineError, OutputError
from briefing.models import Audio, VoiceProfile, WordMark
from briefing.speech.engine import Progress, SpeechEngine, placed, progress_ends
from briefing.speech.worker import Spoken, receive, send, speak_group
from briefing.timings import phase_of

if TYPE_CHECKING:
    from briefing.speech.loudness import Leveling
    from briefing.speech.script import Segment, SpeechScript
    from briefing.timings import Timings

WORKERS_VARIABLE = "BRIEFING_SPEECH_WORKERS"
"""Processes that speak at once (1: never start a worker); unset means one per available core."""
GROUPS_PER_PROCESS = 10
"""Groups handed out per process: small enough that a late-starting worker still gets its share."""
MIN_GROUP_CHARS = 500
"""Smaller groups cost more in messages and files than they balance."""
STOP_SECONDS = 5.0
"""How long a worker told to stop may take before it is killed."""


def available_cores() -> int:
    """Cores this process may run on (its affinity, where the system says)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def processes_for(script: SpeechScript, engine: SpeechEngine) -> int:
    """How many processes should speak `script`: one when short or on one core, else one per core.

    Raises:
        EngineError: BRIEFING_SPEECH_WORKERS is set to something not a positive number.
    """
    setting = os.environ.get(WORKERS_VARIABLE, "").strip()
    wanted = available_cores()
    if setting:
        try:
            wanted = int(setting)
        except ValueError:
            wanted = 0
        if wanted < 1:
            raise EngineError(
                f"{WORKERS_VARIABLE}={setting!r}: expected how many processes speak (1 or more)"
            )
    if wanted <= 1 or engine.recipe() is None or len(script.text) < engine.parallel_chars:
        return 1
    return min(wanted, len(plan_groups(script.segments, wanted)))


def plan_groups(segments: Sequence[Segment], processes: int) -> list[range]:
    """Consecutive segments in groups of about equal length, GROUPS_PER_PROCESS per process."""
    total = sum(len(s.spoken) for s in segments)
    target = max(MIN_GROUP_CHARS, total // max(1, processes * GROUPS_PER_PROCESS))
    groups: list[range] = []
    start = size = 0
    for index, segment in enumerate(segments):
        size += len(segment.spoken)
        if size >= target:
            groups.append(range(start, index + 1))
            start, size = index + 1, 0
    if start < len(segments):
        groups.append(range(start, len(segments)))
    return groups


def render_parallel(
    script: SpeechScript,
    voice: VoiceProfile,
    path: Path,
    engine: SpeechEngine,
    processes: int,
    *,
    progress: Progress | None = None,
    loudness: bool = True,
    timings: Timings | None = None,
) -> Audio:
    """Speak `script` into a WAV at `path` with `processes` processes (this one included).

    The same contract as engine.render_script, which calls it.

    Raises:
        EngineError: the engine failed in any process, or a worker stopped.
        OutputError: the folder beside `path` can't hold the group files.
    """
    groups = plan_groups(script.segments, processes)
    try:
        folder = Path(
            tempfile.mkdtemp(
                prefix=f".{path.name}.~{os.getpid()}~", suffix=".speech", dir=path.parent
            )
        )
    except OSError as exc:
        raise OutputError(f"{path.parent}: can't write: {exc.strerror or exc}") from None
    try:
        with _Pool(engine, voice, script, groups, folder, processes - 1, progress) as pool:
            spoken = pool.speak()
            rate = engine.sample_rate
            parts = [(pool.group_path(s.index), s.frames) for s in spoken]
            marks: list[WordMark] = []
            origin = 0
            for result in spoken:
                marks += placed(result.marks, origin, rate)
                origin += result.frames
            # Levelling happens as the groups are joined: that is the loudness pass's time.
            with phase_of(timings if loudness else None, "loudness"):
                _write_wav(pool, path, parts, rate, voice.loudness if loudness else None, spoken)
        return Audio(path=path, seconds=origin / rate, sample_rate=rate, marks=tuple(marks))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _write_wav(
    pool: _Pool,
    path: Path,
    parts: list[tuple[Path, int]],
    rate: int,
    target: float | None,
    spoken: list[Spoken],
) -> None:
    """The groups as one WAV: levelled to `target` LUFS by every process at once, else copied."""
    from briefing.speech.loudness import block_frames, level_range, plan
    from briefing.speech.pcm import HEADER_BYTES, FrameWriter, JoinedPcm, wav_header

    source = JoinedPcm(parts, rate)
    frames = source.frames
    leveling = None
    if target is not None and frames:
        leveling = plan(source, target, peak=max(s.peak for s in spoken))
    with path.open("wb") as out:
        out.write(wav_header(frames, rate))
        if leveling is None or leveling.total_db == 0:
            for part, _ in parts:
                with part.open("rb") as f:
                    shutil.copyfileobj(f, out, 1 << 20)
            return
        out.truncate(HEADER_BYTES + frames * 2)
    ranges = _ranges(frames, pool.size + 1, block_frames(rate))
    pool.level(parts, rate, leveling, ranges[1:], path)
    with FrameWriter(path) as write:
        level_range(source, leveling, *ranges[0], write)
    pool.wait_levelled()


def _ranges(frames: int, count: int, block: int) -> list[tuple[int, int]]:
    """[start, stop) frame ranges, one per process, starting on block boundaries."""
    blocks = -(-frames // block)
    bounds = [min(frames, round(blocks * i / count) * block) for i in range(count + 1)]
    return [(a, b) for a, b in itertools.pairwise(bounds) if a < b] or [(0, frames)]


class _Pool:
    """This process and its workers taking groups in turn; all messages are handled in this thread."""

    def __init__(
        self,
        engine: SpeechEngine,
        voice: VoiceProfile,
        script: SpeechScript,
        groups: list[range],
        folder: Path,
        workers: int,
        progress: Progress | None,
    ) -> None:
        self.engine = engine
        self.voice = voice
        self.segments = script.segments
        self.groups = groups
        self.folder = folder
        self.progress = progress
        self.total = len(script.text)
        ends = progress_ends(script)
        self.spans = [end - start for start, end in zip([0, *ends], ends, strict=False)]
        self.done_chars = 0
        self.events: queue.Queue[tuple[Any, ...]] = queue.Queue()
        self.results: dict[int, Spoken] = {}
        self.levelled = 0
        self.levels_sent = 0
        self._next = 0
        self._lock = threading.Lock()
        self._stopping = False
        self.processes = workers + 1
        self.workers: list[_Worker] = []
        recipe = engine.recipe()
        if recipe is None:
            raise EngineError(f"the {engine.name} engine can't speak in worker processes")
        self._recipe = recipe

    @property
    def size(self) -> int:
        return len(self.workers)

    def __enter__(self) -> _Pool:
        self.engine.share_cores(self.processes)
        try:
            for number in range(self.processes - 1):
                self.workers.append(_Worker(self, number))
        except BaseException:
            self.close(failed=True)
            raise
        return self

    def __exit__(self, kind: object, *_: object) -> None:
        self.close(failed=kind is not None)

    def group_path(self, index: int) -> Path:
        return self.folder / f"group-{index:05d}.pcm"

    def claim(self) -> int | None:
        """The next group nobody has taken, or None (also once something failed)."""
        with self._lock:
            if self._stopping or self._next >= len(self.groups):
                return None
            self._next += 1
            return self._next - 1

    def job(self, index: int) -> tuple[Any, ...]:
        segments = tuple(self.segments[i] for i in self.groups[index])
        return ("speak", index, segments, self.voice, self.group_path(index))

    def speak(self) -> list[Spoken]:
        """Every group spoken, in order: this process takes groups too, handling messages between sentences."""
        while (index := self.claim()) is not None:
            group = self.groups[index]

            def spoken(i: int, group: range = group) -> None:
                self._advance(group[i])
                self._drain(block=False)

            segments = [self.segments[i] for i in group]
            self.results[index] = speak_group(
                self.engine, index, segments, self.voice, self.group_path(index), spoken
            )
        while len(self.results) < len(self.groups):
            self._drain(block=True)
        return [self.results[i] for i in range(len(self.groups))]

    def level(
        self,
        parts: list[tuple[Path, int]],
        rate: int,
        leveling: Leveling,
        ranges: list[tuple[int, int]],
        out: Path,
    ) -> None:
        """Hand each worker one range of the output to level."""
        from briefing.speech.pcm import HEADER_BYTES

        for worker, (start, stop) in zip(self.workers, ranges, strict=False):
            worker.send(("level", parts, rate, leveling, start, stop, out, HEADER_BYTES))
            self.levels_sent += 1

    def wait_levelled(self) -> None:
        while self.levelled < self.levels_sent:
            self._drain(block=True)

    def _advance(self, segment: int) -> None:
        self.done_chars += self.spans[segment]
        if self.progress:
            self.progress(self.done_chars, self.total)

    def _drain(self, *, block: bool) -> None:
        """Handle the workers' messages waiting (at least one if `block`); raise on a failure."""
        try:
            event = self.events.get(timeout=1.0) if block else self.events.get_nowait()
        except queue.Empty:
            return
        while True:
            kind = event[0]
            if kind == "segment":
                self._advance(self.groups[event[1]][event[2]])
            elif kind == "spoken":
                self.results[event[1].index] = event[1]
            elif kind == "leveled":
                self.levelled += 1
            elif kind == "error":
                self._stopping = True
                raise EngineError(event[1])
            try:
                event = self.events.get_nowait()
            except queue.Empty:
                return

    def close(self, *, failed: bool) -> None:
        """Stop every worker (at once after a failure) and wait for them, so none outlives the pool."""
        self._stopping = True
        for worker in self.workers:
            worker.stop(kill=failed)
        for worker in self.workers:
            worker.join()
        self.engine.share_cores(1)


class _Worker:
    """One worker process and the thread that reads its answers (and gives it its next group)."""

    def __init__(self, pool: _Pool, number: int) -> None:
        self.pool = pool
        self.log = pool.folder / f"worker-{number}.log"
        package_root = str(Path(briefing.__file__).resolve().parent.parent)
        path = os.environ.get("PYTHONPATH", "")
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (package_root, path) if p)}
        try:
            with self.log.open("wb") as log:
                self.process = subprocess.Popen(
                    [sys.executable, "-m", "briefing.speech.worker"],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=log,
                    env=env,
                )
        except OSError as exc:
            raise EngineError(f"can't start a speech worker ({exc.strerror or exc})") from None
        self._send_lock = threading.Lock()
        self._told_to_stop = False
        engine_class, arguments = pool._recipe
        self.send(("engine", engine_class, arguments, pool.processes))
        self._thread = threading.Thread(target=self._listen, name="speech-worker", daemon=True)
        self._thread.start()

    def send(self, message: tuple[Any, ...]) -> None:
        stdin = self.process.stdin
        assert stdin is not None
        # A closed pipe means it has stopped: its reader reports how.
        with self._send_lock, contextlib.suppress(BrokenPipeError, ValueError):
            send(stdin, message)

    def _listen(self) -> None:
        stdout = self.process.stdout
        assert stdout is not None
        try:
            while (message := receive(stdout)) is not None:
                kind = message[0]
                if kind == "ready" and message[1] != self.pool.engine.sample_rate:
                    self.pool.events.put(
                        ("error", "a speech worker's engine speaks at another rate")
                    )
                    return
                if kind == "spoken":
                    self.pool.events.put(message)
                if kind in ("ready", "spoken"):
                    index = self.pool.claim()
                    if index is not None:
                        self.send(self.pool.job(index))
                    continue
                self.pool.events.put(message)
        except (OSError, EOFError, pickle.UnpicklingError):
            pass  # a torn message: the process is going; its exit says why
        except Exception as exc:
            self.pool.events.put(("error", f"speech worker: {type(exc).__name__}: {exc}"))
            self._told_to_stop = True
        code = self.process.wait()
        if not self._told_to_stop:
            self.pool.events.put(("error", self._failure(code)))

    def _failure(self, code: int) -> str:
        """One line on why the worker stopped: the last line it wrote, else its exit status."""
        with contextlib.suppress(OSError):
            lines = self.log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
            if lines:
                return f"a speech worker stopped: {lines[-1].strip()}"
        how = f"signal {-code}" if code < 0 else f"exit code {code}"
        return f"a speech worker stopped unexpectedly ({how})"

    def stop(self, *, kill: bool) -> None:
        self._told_to_stop = True
        if kill:
            with contextlib.suppress(OSError):
                self.process.kill()
        else:
            self.send(("stop",))
        with self._send_lock, contextlib.suppress(OSError):
            if self.process.stdin:
                self.process.stdin.close()

    def join(self) -> None:
        try:
            self.process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._thread.join(timeout=STOP_SECONDS)
        if self.process.stdout:
            with contextlib.suppress(OSError):
                self.process.stdout.close()
