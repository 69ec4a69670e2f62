"""Speaking a script in groups of sentences, on every core, levelled as it is spoken and stitched in order.

A script is cut into groups of consecutive segments (the same groups
whatever the number of processes). Loudness needs one gain for the whole
file, known before a group can be levelled, so a few groups spread evenly
through the script are spoken first: their raw audio is the sample the gain
is planned on (loudness.plan, as it plans any file). Every group spoken after
that is levelled in memory as it is spoken; the few spoken before are levelled
in place once the gain is known. The groups are finally joined behind a WAV
header, a plain copy. Marks come back relative to their group and are placed
once every group's length is known, so times are exact.

With one process the calling process does these jobs in that order itself;
with more, it does them alongside worker processes (fresh interpreters
running speech.worker, never forks of a process whose engine is loaded),
handing the workers their jobs between its own sentences (a busy worker's next
one queued behind), so the file and marks are byte for byte the same either
way for an engine that speaks a sentence alike whatever came before it.
Workers can be started before the script exists (speech.standby), so their
start-up overlaps reading and normalizing. Audio is never held in memory
beyond a group, the folder of group files is removed whatever happens, and a
failing worker surfaces as its EngineError.
"""

from __future__ import annotations

import collections
import contextlib
import os
import pickle
import queue
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from briefing.errors import EngineError, OutputError
from briefing.files import open_to_write, start_writeback
from briefing.models import Audio, VoiceProfile, WordMark
from briefing.speech import standby
from briefing.speech.engine import Progress, SpeechEngine, placed, progress_ends
from briefing.speech.worker import Spoken, load_numpy, receive, run_job, send
from briefing.timings import phase_of

if TYPE_CHECKING:
    from briefing.speech.loudness import Leveling
    from briefing.speech.script import Segment, SpeechScript
    from briefing.timings import Timings

GROUPS = 24
"""Groups a script is cut into: enough that the processes finish close together."""
MIN_GROUP_CHARS = 500
"""Smaller groups cost more in messages and files than they balance."""
MAX_GROUP_CHARS = 1500
"""A group's audio is held in memory while it is levelled (about 4.5 MB at most, and some five times
that in passing): longer scripts get more groups, not longer ones, so memory stays flat."""
SAMPLE_CHARS = 4000
"""Characters of speech (about five minutes) in the groups the loudness is planned on, spread through
the script so a level that changes along it is heard; shorter scripts are sampled whole."""
SAMPLE_SECONDS = 150.0
"""Of the sample's audio, how much the plan measures, in windows spread through it."""


def processes_for(script: SpeechScript, engine: SpeechEngine) -> int:
    """How many processes should speak `script`: one when short or on one core, else one per core.

    Raises:
        EngineError: BRIEFING_SPEECH_WORKERS is set to something not a positive number.
    """
    wanted = standby.wanted_processes()
    if wanted <= 1 or engine.recipe() is None or len(script.text) < engine.parallel_chars:
        return 1
    return min(wanted, len(plan_groups(script.segments)))


def plan_groups(segments: Sequence[Segment]) -> list[range]:
    """Consecutive segments in about GROUPS groups of about equal length (a script's alone).

    The last two groups' worth is cut in halves: the processes then finish
    within half a group of each other.
    """
    total = sum(len(s.spoken) for s in segments)
    target = min(MAX_GROUP_CHARS, max(MIN_GROUP_CHARS, total // GROUPS))
    groups: list[range] = []
    start = size = done = 0
    for index, segment in enumerate(segments):
        size += len(segment.spoken)
        wanted = target if total - done > 2 * target else max(MIN_GROUP_CHARS, target // 2)
        if size >= wanted:
            groups.append(range(start, index + 1))
            done += size
            start, size = index + 1, 0
    if start < len(segments):
        if groups and size < MIN_GROUP_CHARS // 2:  # a few words: not worth a group of their own
            groups[-1] = range(groups[-1].start, len(segments))
        else:
            groups.append(range(start, len(segments)))
    return groups


def sample_groups(sizes: Sequence[int]) -> list[int]:
    """The groups the loudness is planned on: spread evenly, about SAMPLE_CHARS together (all if fewer)."""
    total = sum(sizes)
    count = len(sizes)
    if total <= SAMPLE_CHARS:
        return list(range(count))
    wanted = max(1, min(count, -(-SAMPLE_CHARS * count // total)))
    return sorted({i * count // wanted for i in range(wanted)})


class _Schedule:
    """Which job comes next: the sample's groups, the plan once they are spoken, then the rest.

    Groups spoken before the plan is known are levelled afterwards, before any
    new group is spoken; without loudness every group is final as spoken.
    Pure bookkeeping: the pool (or this process alone) does the jobs.
    """

    def __init__(self, sizes: Sequence[int], loudness: bool) -> None:
        count = len(sizes)
        self.sample = sample_groups(sizes) if loudness and count else []
        chosen = set(self.sample)
        self.order = self.sample + [i for i in range(count) if i not in chosen]
        self.count = count
        self.loudness = loudness and count > 0
        self.leveling: Leveling | None = None
        self.planned = not self.loudness
        self.planning = False
        self.peaks: dict[int, int | None] = {}
        self.unlevelled: list[int] = []
        self.final: set[int] = set()
        """Groups whose file is as the WAV will hold it (every one of them, once the jobs are done)."""
        self._next = 0

    @property
    def done(self) -> bool:
        return len(self.final) == self.count

    def next_job(self) -> tuple[str, int, Leveling | None] | None:
        """("speak", group, leveling or None), ("level", group, leveling), ("plan", 0, None) or None for now."""
        if self.planned and self.unlevelled and self.leveling is not None:
            return ("level", self.unlevelled.pop(0), self.leveling)
        if not self.planned and not self.planning and all(i in self.peaks for i in self.sample):
            self.planning = True
            return ("plan", 0, None)
        if self._next < len(self.order):
            index = self.order[self._next]
            self._next += 1
            return ("speak", index, self.leveling if self.planned else None)
        return None

    def spoken(self, result: Spoken, levelled: bool) -> None:
        self.peaks[result.index] = result.peak
        if levelled or not self.loudness or (self.planned and self.leveling is None):
            self.final.add(result.index)
        else:
            self.unlevelled.append(result.index)

    def plan_is(self, leveling: Leveling) -> None:
        self.planning = False
        self.planned = True
        if leveling.gain_db != 0:
            self.leveling = leveling
        else:  # no gain: as spoken is as levelled
            self.final.update(self.unlevelled)
            self.unlevelled.clear()

    def levelled(self, index: int) -> None:
        self.final.add(index)

    def queued_job(self, spare: int) -> tuple[str, int, Leveling | None] | None:
        """A job to queue behind a busy worker's, so it never waits for its next one.

        Before the plan is known only the sample's groups (any other would be
        spoken raw and need levelling afterwards); and only while more than `spare`
        groups are left to speak: the last few go to each process as it falls
        idle, so they finish together.
        """
        if not self.planned and self._next >= len(self.sample):
            return None
        if len(self.order) - self._next <= spare:
            return None
        return self.next_job()

    def sample_peak(self) -> int:
        return max((self.peaks[i] or 0 for i in self.sample), default=0)


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
    """Speak `script` into a WAV at `path` in groups, with `processes` processes speaking.

    The same contract as engine.render_script, which calls it; one process
    means this one alone, more means as many workers.

    Raises:
        EngineError: the engine failed in any process, or a worker stopped.
        OutputError: the folder beside `path` can't hold the group files.
    """
    groups = plan_groups(script.segments)
    try:
        folder = Path(
            tempfile.mkdtemp(
                prefix=f".{path.name}.~{os.getpid()}~", suffix=".speech", dir=path.parent
            )
        )
    except OSError as exc:
        raise OutputError(f"{path.parent}: can't write: {exc.strerror or exc}") from None
    # This process speaks too: it would only wait otherwise, and a worker fewer is one
    # interpreter fewer to start.
    workers = processes - 1 if processes > 1 and engine.recipe() is not None else 0
    sizes = [sum(len(script.segments[i].spoken) for i in group) for group in groups]
    schedule = _Schedule(sizes, loudness)
    try:
        with (
            _Joined(path, engine.sample_rate) as joined,
            _Pool(engine, voice, script, groups, folder, workers, progress, joined) as pool,
        ):
            spoken = pool.run(schedule, timings if loudness else None)
        rate = engine.sample_rate
        marks: list[WordMark] = []
        origin = 0
        for result in spoken:
            marks += placed(result.marks, origin, rate)
            origin += result.frames
        return Audio(path=path, seconds=origin / rate, sample_rate=rate, marks=tuple(marks))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


class _Joined:
    """The WAV being made: finished groups are appended in order as soon as all before them are in.

    So joining overlaps speaking, and each group file goes once it is copied;
    the header, written last, gives the length.
    """

    def __init__(self, path: Path, rate: int) -> None:
        from briefing.speech.pcm import HEADER_BYTES

        self.rate = rate
        self.next = 0
        self.frames = 0
        self._out = open_to_write(path, buffering=0)
        self._out.write(bytes(HEADER_BYTES))

    def __enter__(self) -> _Joined:
        return self

    def __exit__(self, kind: object, *_: object) -> None:
        from briefing.speech.pcm import wav_header

        try:
            if kind is None:
                self._out.truncate()  # a file that held more before
                self._out.seek(0)
                self._out.write(wav_header(self.frames, self.rate))
        finally:
            self._out.close()

    def append_ready(
        self, final: set[int], results: dict[int, Spoken], path_of: Callable[[int], Path]
    ) -> None:
        """Append the groups from the next one on that are final, in order."""
        while self.next in final:
            part = path_of(self.next)
            start = self._out.tell()
            with part.open("rb") as f:
                _copy(f, self._out)
            part.unlink()
            start_writeback(self._out, start, self._out.tell() - start)
            self.frames += results[self.next].frames
            self.next += 1


def _copy(source: IO[bytes], target: IO[bytes]) -> None:
    """All of `source` appended to `target`, by the kernel where it can."""
    size = os.fstat(source.fileno()).st_size
    copied = 0
    with contextlib.suppress(OSError, AttributeError):
        while copied < size:
            sent = os.copy_file_range(source.fileno(), target.fileno(), size - copied)
            if sent == 0:
                break
            copied += sent
    if copied < size:
        source.seek(copied)
        shutil.copyfileobj(source, target, 1 << 20)


class _Pool:
    """The processes doing a schedule's jobs: this one alone, or this one and workers it hands jobs to.

    All bookkeeping happens in the calling thread; each worker's reader thread
    only passes its messages on through `events`.
    """

    def __init__(
        self,
        engine: SpeechEngine,
        voice: VoiceProfile,
        script: SpeechScript,
        groups: list[range],
        folder: Path,
        workers: int,
        progress: Progress | None,
        joined: _Joined,
    ) -> None:
        self.engine = engine
        self.joined = joined
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
        self.wanted = workers
        self.workers: list[_Worker] = []
        self._recipe = engine.recipe()

    def __enter__(self) -> _Pool:
        try:
            for _ in range(self.wanted):
                self.workers.append(
                    _Worker(self, standby.take_standby() or standby.start_process())
                )
        except BaseException:
            self.close(failed=True)
            raise
        finally:
            standby.release_standby()  # ones warmed up for a script that turned out to need fewer
        return self

    def __exit__(self, kind: object, *_: object) -> None:
        self.close(failed=kind is not None)

    def group_path(self, index: int) -> Path:
        return self.folder / f"group-{index:05d}.pcm"

    def message(
        self, job: tuple[str, int, Leveling | None], schedule: _Schedule
    ) -> tuple[Any, ...]:
        """The job as the worker (or run_job) takes it."""
        kind, index, leveling = job
        if kind == "speak":
            segments = tuple(self.segments[i] for i in self.groups[index])
            return ("speak", index, segments, self.voice, self.group_path(index), leveling)
        if kind == "level":
            return ("level", index, self.group_path(index), leveling)
        parts = [(self.group_path(i), self.results[i].frames) for i in schedule.sample]
        return ("plan", parts, self.voice.loudness, schedule.sample_peak(), SAMPLE_SECONDS)

    def run(self, schedule: _Schedule, timings: Timings | None) -> list[Spoken]:
        """Every job of `schedule` done; the groups' results, in order."""
        if self.workers:
            self.engine.share_cores(len(self.workers) + 1)
            try:
                self._run_with_workers(schedule, timings)
            finally:
                self.engine.share_cores(1)
        else:
            self._run_here(schedule, timings)
        return [self.results[i] for i in range(len(self.groups))]

    def _run_here(self, schedule: _Schedule, timings: Timings | None) -> None:
        def spoken(group: int, i: int) -> None:
            self._advance(self.groups[group][i])

        while not schedule.done:
            job = schedule.next_job()
            if job is None:  # can't happen alone: every job is done before the next is asked
                raise EngineError("speech stalled: no job left to do")
            with phase_of(timings if job[0] != "speak" else None, "loudness"):
                answer = run_job(self.engine, self.message(job, schedule), spoken)
            self._answered(schedule, job, answer)

    def _run_with_workers(self, schedule: _Schedule, timings: Timings | None) -> None:
        """Jobs for the workers, and for this process between them.

        This process does a job whenever one is left once every worker has one,
        and looks after the workers between the segments it speaks. A worker
        that is speaking also has its next group queued behind (see
        _Schedule.queued_job): else it would wait up to a sentence of this
        process's for every job, a tenth of a core's time over a long script.
        """

        def spoken(group: int, i: int) -> None:
            self._advance(self.groups[group][i])
            self._tend(schedule)

        # Each worker's first job goes right behind its engine, before it says it is ready: it
        # starts speaking the moment its engine is built, not when this process next looks
        # (after loading numpy, and then after each of its own sentences).
        self._tend(schedule)
        load_numpy()
        with contextlib.ExitStack() as tail:
            levelling_only = False
            while not schedule.done:
                self._tend(schedule)
                if not levelling_only and len(schedule.peaks) == len(self.groups):
                    # Every group is spoken: what is left is levelling (the loudness pass's time).
                    levelling_only = True
                    tail.enter_context(phase_of(timings, "loudness"))
                job = schedule.next_job()
                if job is None:
                    if not schedule.done:
                        self._handle(schedule, self.events.get())
                    continue
                answer = run_job(self.engine, self.message(job, schedule), spoken)
                self._answered(schedule, job, answer)

    def _tend(self, schedule: _Schedule) -> None:
        """Take in what the workers said; give each idle one a job, and each busy one its next."""
        while True:
            try:
                event = self.events.get_nowait()
            except queue.Empty:
                break
            self._handle(schedule, event)
        spare = len(self.workers) + 1
        for worker in self.workers:
            if not worker.jobs:
                job = schedule.next_job()
            elif worker.ready and len(worker.jobs) == 1:
                job = schedule.queued_job(spare)
            else:
                continue
            if job is not None:
                worker.give(job, self.message(job, schedule))

    def _handle(self, schedule: _Schedule, event: tuple[Any, ...]) -> None:
        kind = event[0]
        if kind == "segment":
            self._advance(self.groups[event[1]][event[2]])
        elif kind == "ready":
            event[1].ready = True
        elif kind == "answer":
            worker, answer = event[1], event[2]
            self._answered(schedule, worker.jobs.popleft(), answer)
        elif kind == "error":
            raise EngineError(event[1])

    def _answered(
        self,
        schedule: _Schedule,
        job: tuple[str, int, Leveling | None] | None,
        answer: tuple[Any, ...],
    ) -> None:
        kind = answer[0]
        if kind == "spoken":
            result: Spoken = answer[1]
            self.results[result.index] = result
            schedule.spoken(result, levelled=job is not None and job[2] is not None)
        elif kind == "planned":
            schedule.plan_is(answer[1])
        elif kind == "levelled":
            schedule.levelled(answer[1])
        self.joined.append_ready(schedule.final, self.results, self.group_path)

    def _advance(self, segment: int) -> None:
        self.done_chars += self.spans[segment]
        if self.progress:
            self.progress(self.done_chars, self.total)

    def close(self, *, failed: bool) -> None:
        """Stop every worker (at once after a failure) and wait for them, so none outlives the pool."""
        for worker in self.workers:
            worker.stop(kill=failed)
        for worker in self.workers:
            worker.join()


class _Worker:
    """One worker process and the thread that reads its answers."""

    def __init__(self, pool: _Pool, started: standby.Process) -> None:
        self.pool = pool
        self.process, self.log = started
        self.jobs: collections.deque[tuple[str, int, Leveling | None]] = collections.deque()
        """Jobs given and not yet answered, in the order it does them."""
        self.ready = False
        """Whether its engine is built (before that, it gets one job only)."""
        self._send_lock = threading.Lock()
        self._told_to_stop = False
        recipe = pool._recipe
        assert recipe is not None
        engine_class, arguments = recipe
        self.send(("engine", engine_class, arguments, pool.wanted + 1))
        self._thread = threading.Thread(target=self._listen, name="speech-worker", daemon=True)
        self._thread.start()

    def give(self, job: tuple[str, int, Leveling | None], message: tuple[Any, ...]) -> None:
        self.jobs.append(job)
        self.send(message)

    def send(self, message: tuple[Any, ...]) -> None:
        stdin = self.process.stdin
        assert stdin is not None
        # A closed pipe means it has stopped: its reader reports how.
        with self._send_lock, contextlib.suppress(BrokenPipeError, ValueError):
            send(stdin, message)

    def _listen(self) -> None:
        stdout = self.process.stdout
        assert stdout is not None
        events = self.pool.events
        try:
            while (message := receive(stdout)) is not None:
                kind = message[0]
                if kind == "ready":
                    if message[1] != self.pool.engine.sample_rate:
                        events.put(("error", "a speech worker's engine speaks at another rate"))
                        return
                    events.put(("ready", self))
                elif kind in ("segment", "error"):
                    events.put(message)
                else:
                    events.put(("answer", self, message))
        except (OSError, EOFError, pickle.UnpicklingError):
            pass  # a torn message: the process is going; its exit says why
        except Exception as exc:
            events.put(("error", f"speech worker: {type(exc).__name__}: {exc}"))
            self._told_to_stop = True
        code = self.process.wait()
        if not self._told_to_stop:
            events.put(("error", self._failure(code)))

    def _failure(self, code: int) -> str:
        """One line on why the worker stopped: the last line it wrote, else its exit status."""
        with contextlib.suppress(OSError):
            self.log.seek(0)
            text = self.log.read().decode("utf-8", errors="replace")
            lines = text.strip().splitlines()
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
            self.process.wait(timeout=standby.STOP_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._thread.join(timeout=standby.STOP_SECONDS)
        for stream in (self.process.stdout, self.log):
            with contextlib.suppress(OSError):
                if stream:
                    stream.close()
