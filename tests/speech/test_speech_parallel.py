"""Parallel speech: several processes give the very file and marks one process gives, and clean up after."""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import time
import wave
from pathlib import Path
from typing import Any

import pytest
from support import BRIEFING

from briefing.errors import EngineError
from briefing.models import VoiceProfile, WordMark
from briefing.speech import parallel, standby
from briefing.speech.engine import PcmSink, SpeechEngine, render_script, render_wav
from briefing.speech.fake import FakeEngine
from briefing.speech.script import Chapter, Segment, SpeechScript
from briefing.speech.voices import get_profile

HERE = Path(__file__).resolve().parent


def _script(sentences: int, stories: int = 3) -> SpeechScript:
    """A title and `stories` stories of numbered sentences, with the pauses a real script has."""
    segments: list[Segment] = []
    offset = 0
    per_story = max(1, sentences // stories)
    for n in range(sentences):
        chapter = 0 if n == 0 else 1 + (n - 1) // per_story
        last_of_story = n == 0 or (n % per_story == 0)
        text = f"Sentence {n} tells part {n % 7} of the story in a handful of plain words."
        pause = 0.8 if n == 0 else (1.2 if last_of_story else 0.0)
        if segments:
            offset += 2 if segments[-1].chapter != chapter else 1
        segments.append(Segment(text, text, offset, chapter, pause))
        offset += len(text)
    chapters = tuple(Chapter(f"part {c}") for c in range(segments[-1].chapter + 1))
    script = SpeechScript(tuple(segments), chapters)
    assert all(script.text[s.offset : s.offset + len(s.spoken)] == s.spoken for s in segments)
    return script


def _children() -> set[int]:
    """Process ids of this process's living children (workers it may have left)."""
    found: set[int] = set()
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        text = (task / "children").read_text().split()
        found |= {int(pid) for pid in text}
    return {pid for pid in found if Path(f"/proc/{pid}").exists()}


def _leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(".speech") or ".~" in p.name]


@pytest.mark.parametrize(("processes", "rate"), [(2, 22050), (3, 16000)])
def test_parallel_file_and_marks_equal_one_process(
    tmp_path: Path, processes: int, rate: int
) -> None:
    script = _script(90)
    voice = get_profile()
    one = render_script(script, voice, tmp_path / "one.wav", engine=FakeEngine(rate), processes=1)
    many = render_script(
        script, voice, tmp_path / "many.wav", engine=FakeEngine(rate), processes=processes
    )
    assert len(parallel.plan_groups(script.segments)) >= processes
    assert (tmp_path / "many.wav").read_bytes() == (tmp_path / "one.wav").read_bytes()
    assert many.marks == one.marks
    assert many.seconds == one.seconds and many.sample_rate == one.sample_rate == rate
    # The pauses are in: the last sentence starts later than its words alone would put it.
    starts = [m for m in many.marks if m.length == 0]
    assert len(starts) == len(script.segments)
    assert [m.offset for m in starts] == [s.offset for s in script.segments]
    assert all(a.seconds < b.seconds for a, b in itertools.pairwise(starts))
    with wave.open(str(tmp_path / "many.wav")) as wav:
        assert wav.getnframes() == round(many.seconds * rate)
    assert not _leftovers(tmp_path) and not _children()


def test_without_loudness_the_groups_are_copied_as_spoken(tmp_path: Path) -> None:
    text = " ".join(f"Word {n} and then some more words." for n in range(400))
    voice = get_profile()
    one = render_wav(text, voice, tmp_path / "one.wav", engine=FakeEngine())
    script = SpeechScript((Segment(text, text, 0, 0),), (Chapter(""),))
    # One segment can't be shared: it is spoken in this process even when more are asked for.
    many = render_script(script, voice, tmp_path / "many.wav", engine=FakeEngine(), processes=2)
    assert many.seconds == one.seconds
    script = _script(60)
    a = render_script(
        script, voice, tmp_path / "a.wav", engine=FakeEngine(), processes=1, loudness=False
    )
    b = render_script(
        script, voice, tmp_path / "b.wav", engine=FakeEngine(), processes=2, loudness=False
    )
    assert (tmp_path / "a.wav").read_bytes() == (tmp_path / "b.wav").read_bytes()
    assert a.marks == b.marks


def test_progress_is_monotonic_and_reaches_the_total(tmp_path: Path) -> None:
    script = _script(120)
    seen: dict[int, list[tuple[int, int]]] = {1: [], 2: []}
    for processes, calls in seen.items():
        render_script(
            script,
            get_profile(),
            tmp_path / f"{processes}.wav",
            engine=FakeEngine(),
            processes=processes,
            progress=lambda done, total, calls=calls: calls.append((done, total)),
        )
    total = len(script.text)
    for calls in seen.values():
        assert len(calls) == len(script.segments)  # one report per sentence, whoever spoke it
        done = [d for d, _ in calls]
        assert all(a < b for a, b in itertools.pairwise(done))
        assert done[-1] == total and {t for _, t in calls} == {total}


def test_short_scripts_and_one_worker_stay_in_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(standby, "available_cores", lambda: 2)
    engine = FakeEngine()
    short, long = _script(20), _script(400)
    assert len(short.text) < engine.parallel_chars < len(long.text)
    assert parallel.processes_for(short, engine) == 1
    assert parallel.processes_for(long, engine) == 2
    monkeypatch.setenv(standby.WORKERS_VARIABLE, "1")
    assert parallel.processes_for(long, engine) == 1

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("spoke in workers")

    monkeypatch.setattr(standby, "start_process", refuse)
    audio = render_script(long, get_profile(), tmp_path / "a.wav", engine=engine)
    assert audio.seconds > 0
    monkeypatch.delenv(standby.WORKERS_VARIABLE)
    audio = render_script(short, get_profile(), tmp_path / "b.wav", engine=engine)
    assert audio.seconds > 0
    monkeypatch.setattr(standby, "available_cores", lambda: 1)
    assert parallel.processes_for(long, engine) == 1


def test_a_nonsense_worker_count_is_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(standby.WORKERS_VARIABLE, "many")
    with pytest.raises(EngineError, match="BRIEFING_SPEECH_WORKERS='many'"):
        parallel.processes_for(_script(400), FakeEngine())


class FailingEngine(FakeEngine):
    """Speaks like the (slowed) fake engine in the parent, and fails as `how` says in a worker."""

    def __init__(self, parent: int, how: str, sample_rate: int = 22050) -> None:
        super().__init__(sample_rate)
        self.parent = parent
        self.how = how

    def recipe(self) -> tuple[type[SpeechEngine], dict[str, Any]]:
        return FailingEngine, {"parent": self.parent, "how": self.how}

    def synthesize(self, text: str, voice: VoiceProfile, sink: PcmSink) -> list[WordMark]:
        if os.getpid() != self.parent:
            if self.how == "error":
                raise EngineError("speech engine failed: the voice broke on purpose")
            if self.how == "exit":
                os._exit(3)
            if self.how == "kill":
                os.kill(os.getpid(), signal.SIGKILL)
        else:
            time.sleep(0.005)  # the worker starts in time to take its share
        return super().synthesize(text, voice, sink)


@pytest.fixture
def importable_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers can import this module (for FailingEngine), as pytest can."""
    path = os.pathsep.join([str(HERE), str(HERE.parent)])
    monkeypatch.setenv("PYTHONPATH", path)


@pytest.mark.usefixtures("importable_tests")
@pytest.mark.parametrize(
    ("how", "message"),
    [
        ("error", "^speech engine failed: the voice broke on purpose$"),
        ("exit", r"^a speech worker stopped unexpectedly \(exit code 3\)$"),
        ("kill", r"^a speech worker stopped unexpectedly \(signal 9\)$"),
    ],
)
def test_a_failing_worker_is_one_engine_error_and_nothing_is_left(
    tmp_path: Path, how: str, message: str
) -> None:
    engine = FailingEngine(os.getpid(), how)
    with pytest.raises(EngineError, match=message):
        render_script(_script(300), get_profile(), tmp_path / "a.wav", engine=engine, processes=2)
    assert not _leftovers(tmp_path)
    assert not _children()


@pytest.mark.usefixtures("importable_tests")
def test_interrupting_stops_the_workers_and_removes_the_groups(tmp_path: Path) -> None:
    engine = FailingEngine(os.getpid(), "slow")
    calls: list[int] = []

    def interrupt(done: int, total: int) -> None:
        calls.append(done)
        if len(calls) == 20:
            assert _children(), "the worker should be running by now"
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        render_script(
            _script(300),
            get_profile(),
            tmp_path / "a.wav",
            engine=engine,
            progress=interrupt,
            processes=2,
        )
    assert not _leftovers(tmp_path)
    assert not _children()


def _workers_marked(mark: str) -> list[int]:
    """Living speech workers whose environment carries `mark`."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if b"briefing.speech.worker" not in (proc / "cmdline").read_bytes():
                continue
            if mark.encode() in (proc / "environ").read_bytes():
                found.append(int(proc.name))
        except OSError:
            continue
    return found


def test_sigterm_during_speak_leaves_no_worker_and_no_file(tmp_path: Path) -> None:
    text = "Long read\n\n" + " ".join(
        f"Sentence {n} of the long read goes on for a while." for n in range(4000)
    )
    source = tmp_path / "long.txt"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    mark = f"parallel-test-{os.getpid()}-{time.time_ns()}"
    env = {**os.environ, "BRIEFING_ENGINE": "fake", "BRIEFING_SPEECH_WORKERS": "2", "MARK": mark}
    proc = subprocess.Popen(
        [*BRIEFING, "speak", str(source), "--out", str(out / "long.wav")],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not _workers_marked(mark) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "speak ended before its worker started"
    time.sleep(0.2)
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode != 0
    assert "Traceback" not in stderr.decode()
    deadline = time.monotonic() + 10
    while _workers_marked(mark) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _workers_marked(mark)
    assert list(out.iterdir()) == []


def test_speak_command_in_two_processes_writes_the_same_file(tmp_path: Path) -> None:
    text = "Long read\n\n" + " ".join(
        f"Sentence {n} of the long read goes on for a while." for n in range(300)
    )
    source = tmp_path / "long.txt"
    source.write_text(text, encoding="utf-8")
    outputs = {}
    for workers in ("1", "2"):
        out = tmp_path / f"w{workers}.wav"
        env = {**os.environ, "BRIEFING_ENGINE": "fake", "BRIEFING_SPEECH_WORKERS": workers}
        proc = subprocess.run(
            [*BRIEFING, "speak", str(source), "--out", str(out)],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert proc.returncode == 0, proc.stderr
        outputs[workers] = out.read_bytes()
    assert len(text) > FakeEngine.parallel_chars
    assert outputs["1"] == outputs["2"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.real_engine
def test_espeak_in_two_processes_gives_the_same_marks(tmp_path: Path) -> None:
    from briefing.speech.espeak import EspeakEngine

    engine = EspeakEngine()
    script = _script(40)
    voice = get_profile()
    one = render_script(script, voice, tmp_path / "one.wav", engine=engine, processes=1)
    two = render_script(script, voice, tmp_path / "two.wav", engine=engine, processes=2)
    assert [(m.offset, m.length) for m in one.marks] == [(m.offset, m.length) for m in two.marks]
    # espeak-ng itself varies by some samples from one utterance to the next (in one
    # process too), so times agree to that, not to the frame: a group placed at the
    # wrong origin would be off by seconds.
    tolerance = 0.02 + 0.01 * one.seconds
    drift = max(abs(a.seconds - b.seconds) for a, b in zip(one.marks, two.marks, strict=True))
    assert drift < tolerance
    assert abs(one.seconds - two.seconds) < tolerance
    assert one.seconds > 60


def test_a_worker_that_cannot_start_is_one_engine_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(standby.sys, "executable", str(tmp_path / "no-such-python"))
    with pytest.raises(EngineError, match=r"^can't start a speech worker"):
        render_script(
            _script(60), get_profile(), tmp_path / "a.wav", engine=FakeEngine(), processes=2
        )
    assert not _leftovers(tmp_path) and not _children()


@pytest.mark.real_engine
@pytest.mark.parametrize("workers", ["1", "2"])
def test_ctrl_c_while_espeak_speaks_interrupts_at_once(tmp_path: Path, workers: str) -> None:
    """Ctrl-C lands in espeak-ng's audio callback: it must stop the command (exit 130, nothing
    left behind), not be printed as an ignored exception while speech goes on."""
    source = tmp_path / "long.txt"
    source.write_text(
        "Long read\n\n"
        + " ".join(f"Sentence {n} of the long read goes on for a while." for n in range(1500)),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    out.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "BRIEFING_ENGINE"}
    proc = subprocess.Popen(
        [*BRIEFING, "speak", str(source), "--out", str(out / "long.wav")],
        cwd=tmp_path,
        env={**env, "BRIEFING_SPEECH_WORKERS": workers},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not list(out.iterdir()) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)  # the first audio is being written: espeak-ng is speaking
    assert proc.poll() is None, "speak ended before it started speaking"
    time.sleep(0.1)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr.decode()
    assert stderr.decode().strip().endswith("briefing: interrupted")
    assert "Exception ignored" not in stderr.decode()
    deadline = time.monotonic() + 10
    while list(out.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("sentences", [1, 5, 90, 400, 2000])
def test_groups_cover_the_script_in_order_and_end_in_halves(sentences: int) -> None:
    segments = _script(sentences).segments
    groups = parallel.plan_groups(segments)
    assert [i for group in groups for i in group] == list(range(len(segments)))
    sizes = [sum(len(segments[i].spoken) for i in group) for group in groups]
    total = sum(sizes)
    target = min(parallel.MAX_GROUP_CHARS, max(parallel.MIN_GROUP_CHARS, total // parallel.GROUPS))
    longest = max(len(s.spoken) for s in segments)
    trailing = parallel.MIN_GROUP_CHARS // 2  # a few words at the end join the last group
    assert max(sizes[:-1], default=0) < target + longest  # a group ends once it reaches its size
    if len(groups) > 4:
        # The last two groups' worth goes in halves, and no few words trail alone.
        half = max(parallel.MIN_GROUP_CHARS, target // 2)
        assert max(sizes[-2:]) < half + longest + trailing
        assert min(sizes[:-3]) >= target
        assert sizes[-1] >= trailing


def test_the_loudness_sample_is_spread_through_the_script_and_bounded() -> None:
    sizes = [1250] * 24
    sample = parallel.sample_groups(sizes)
    assert sample[0] == 0 and sample[-1] >= 12  # from the start to well past the middle
    assert parallel.SAMPLE_CHARS <= sum(sizes[i] for i in sample) < parallel.SAMPLE_CHARS + 2500
    gaps = [b - a for a, b in itertools.pairwise(sample)]
    assert max(gaps) - min(gaps) <= 1  # evenly
    assert parallel.sample_groups([400] * 5) == [0, 1, 2, 3, 4]  # short: measured whole
    assert parallel.sample_groups([]) == []


def test_the_schedule_plans_on_the_sample_then_levels_what_came_before() -> None:
    from briefing.speech.loudness import Leveling
    from briefing.speech.worker import Spoken

    schedule = parallel._Schedule([1250] * 24, loudness=True)
    sample = schedule.sample
    first = [schedule.next_job() for _ in sample]
    assert [(kind, index, lev) for kind, index, lev in first] == [
        ("speak", i, None) for i in sample
    ]
    extra = schedule.next_job()  # a free process goes on speaking (unlevelled) meanwhile
    assert extra is not None and extra[0] == "speak" and extra[2] is None
    for index in sample:
        schedule.spoken(Spoken(index, 10, [], 100 + index), levelled=False)
    assert schedule.sample_peak() == 100 + sample[-1]
    assert schedule.next_job() == ("plan", 0, None)
    schedule.spoken(Spoken(extra[1], 10, [], 5), levelled=False)
    schedule.plan_is(Leveling(3.0))
    levels = {schedule.next_job() for _ in range(len(sample) + 1)}
    assert levels == {("level", i, Leveling(3.0)) for i in [*sample, extra[1]]}
    for index in [*sample, extra[1]]:
        schedule.levelled(index)
    rest = []
    while (job := schedule.next_job()) is not None:
        assert job[0] == "speak" and job[2] == Leveling(3.0)  # levelled as spoken from now on
        rest.append(job[1])
        schedule.spoken(Spoken(job[1], 10, [], 5), levelled=True)
    assert sorted([*sample, extra[1], *rest]) == list(range(24))
    assert schedule.done and schedule.final == set(range(24))


def test_jobs_are_queued_behind_a_busy_worker_only_after_the_plan_and_not_at_the_end() -> None:
    from briefing.speech.loudness import Leveling
    from briefing.speech.worker import Spoken

    schedule = parallel._Schedule([1250] * 10, loudness=True)
    assert len(schedule.sample) > 1
    sample = [schedule.next_job()]
    sample.append(schedule.queued_job(spare=2))  # the sample's groups are spoken raw anyway
    sample += [schedule.next_job() for _ in schedule.sample[2:]]
    assert [j[1] if j else None for j in sample] == schedule.sample
    assert schedule.queued_job(spare=2) is None  # before the plan it would be spoken unlevelled
    for job in sample:
        assert job is not None
        schedule.spoken(Spoken(job[1], 10, [], 100), levelled=False)
    assert schedule.next_job() == ("plan", 0, None)
    assert schedule.queued_job(spare=2) is None  # still planning
    schedule.plan_is(Leveling(3.0))
    queued = schedule.queued_job(spare=2)
    assert queued is not None and queued[0] == "level"  # what was spoken before comes first
    while (job := schedule.queued_job(spare=2)) is not None:
        assert job[0] in ("level", "speak") and job[2] == Leveling(3.0)
    left = [schedule.next_job(), schedule.next_job(), schedule.next_job()]
    assert [j[0] if j else None for j in left] == ["speak", "speak", None]  # the last two on demand


def test_without_loudness_or_gain_nothing_waits_for_a_plan() -> None:
    from briefing.speech.loudness import Leveling
    from briefing.speech.worker import Spoken

    plain = parallel._Schedule([1000] * 6, loudness=False)
    jobs = [plain.next_job() for _ in range(6)]
    assert jobs == [("speak", i, None) for i in range(6)] and plain.next_job() is None
    for i in range(6):
        plain.spoken(Spoken(i, 1, [], 1), levelled=False)
    assert plain.done and plain.final == set(range(6))
    quiet = parallel._Schedule([1000] * 3, loudness=True)
    for i in range(3):
        assert quiet.next_job() == ("speak", i, None)
        quiet.spoken(Spoken(i, 1, [], 1), levelled=False)
    assert quiet.next_job() == ("plan", 0, None)
    quiet.plan_is(Leveling(0.0))  # already at the target: as spoken is final
    assert quiet.done and quiet.next_job() is None


@pytest.mark.parametrize("processes", [1, 2])
def test_a_script_whose_level_changes_is_levelled_on_a_sample_of_all_of_it(
    tmp_path: Path, processes: int
) -> None:
    from dataclasses import replace

    from briefing.speech.loudness import TARGET_LUFS, measure

    voice = get_profile()
    base = _script(600)
    # Quiet, loud, then middling thirds: a sample from the start alone would be dB off.
    volumes = (0.15, 0.9, 0.4)
    third = len(base.segments) // 3 + 1
    segments = tuple(
        replace(s, voice=replace(voice, volume=volumes[n // third]))
        for n, s in enumerate(base.segments)
    )
    script = SpeechScript(segments, base.chapters)
    path = tmp_path / f"{processes}.wav"
    render_script(script, voice, path, engine=FakeEngine(), processes=processes)
    import briefing.speech.loudness as loudness

    saved = loudness.MAX_MEASURED_SECONDS
    loudness.MAX_MEASURED_SECONDS = 1e9  # every second of it, not spread windows
    try:
        whole = measure(path)
    finally:
        loudness.MAX_MEASURED_SECONDS = saved
    assert abs(whole.lufs - TARGET_LUFS) < 1.0
    assert not _leftovers(tmp_path) and not _children()


def test_warmed_up_workers_are_the_ones_that_speak_and_unused_ones_stop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(standby.WORKERS_VARIABLE, "3")
    standby.warm_up(standby.EARLY_START_CHARS - 1)
    assert not _children()  # too short to bother
    standby.warm_up(standby.EARLY_START_CHARS)
    assert len(_children()) == 2  # this process is the third speaker

    def refuse() -> None:
        raise AssertionError("started another worker")

    monkeypatch.setattr(standby, "start_process", refuse)
    audio = render_script(
        _script(400), get_profile(), tmp_path / "a.wav", engine=FakeEngine(), processes=3
    )
    assert audio.seconds > 0 and not _children()
    monkeypatch.undo()
    monkeypatch.setenv(standby.WORKERS_VARIABLE, "2")
    standby.warm_up(50_000)
    assert len(_children()) == 1
    render_script(_script(20), get_profile(), tmp_path / "b.wav", engine=FakeEngine())
    assert not _children()  # a short script speaks here; the warmed-up workers are stopped
