"""Speech benchmark: our synthesis vs raw espeak-ng side by side, and peak memory on a long text.

Usage: python bench/speech.py [--chars 3000] [--long-chars 60000] [--repeat 3]

1. Time to speak a ~3,000-character briefing through the whole pipeline
   (normalize, script, sentence-by-sentence synthesis, loudness) against raw
   libespeak-ng speaking the very same script text in one go, measured in the
   same run; printed as a ratio.
2. Peak memory (max RSS of a fresh process) while speaking a 60,000-character
   text, next to a ten times shorter one: with audio streamed to disk the two
   should be about equal. The tracemalloc peak of Python objects is printed too.
"""

from __future__ import annotations

import argparse
import ctypes
import datetime as dt
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import wave
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EVAL_SET = REPO.parent / "shared" / "eval" / "dev.jsonl"
sys.path.insert(0, str(REPO))


def _sentences() -> list[str]:
    """News sentences to speak: the eval set's articles when present, else the samples."""
    from briefing.ingest import parse_article, read_article

    if EVAL_SET.is_file():
        rows = [json.loads(line) for line in EVAL_SET.read_text(encoding="utf-8").splitlines()]
        articles = [parse_article(row["article"], source="eval") for row in rows[:60]]
    else:
        articles = [read_article(str(p)) for p in sorted((REPO / "samples").glob("*.txt"))]
    return [s for a in articles for s in a.sentences]


def briefing_of(chars: int):  # type: ignore[no-untyped-def]
    """A briefing whose text is about `chars` characters long."""
    from briefing.models import Briefing, Story

    picked: list[str] = []
    total = 0
    pool = _sentences()
    i = 0
    while total < chars:
        sentence = pool[i % len(pool)]
        picked.append(sentence)
        total += len(sentence) + 1
        i += 1
    stories = tuple(
        Story(f"Story {n + 1}", tuple(picked[n::4]), ("bench",)) for n in range(min(4, len(picked)))
    )
    return Briefing("Benchmark briefing", dt.date(2024, 11, 25), stories)


def ours(briefing, path: Path) -> float:  # type: ignore[no-untyped-def]
    from briefing.speech.engine import render_script
    from briefing.speech.script import build_script
    from briefing.speech.voices import get_profile

    voice = get_profile()
    start = time.perf_counter()
    render_script(build_script(briefing, voice), voice, path)
    return time.perf_counter() - start


def raw_espeak(text: str, path: Path) -> float:
    """libespeak-ng itself: one Synth call per 4,000 characters, audio written straight to a WAV."""
    from briefing.speech.engine import chunks
    from briefing.speech.espeak import EspeakEngine, binding

    sample_rate = EspeakEngine().sample_rate
    espeak = binding()
    espeak.SetVoiceByName(b"en-us")
    espeak.SetParameter(espeak.RATE, 150, 0)
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(sample_rate)

        def on_audio(samples, count, events):  # type: ignore[no-untyped-def]
            if count > 0:
                wav.writeframesraw(ctypes.string_at(samples, count * 2))
            return 0

        espeak.SetSynthCallback(on_audio)
        start = time.perf_counter()
        for _, piece in chunks(text):
            espeak.Synth(piece.encode("utf-8"), flags=espeak.ENDPAUSE | espeak.CHARS_UTF8)
            espeak.Synchronize()
        elapsed = time.perf_counter() - start
    import briefing.speech.espeak as adapter

    adapter._CURRENT_VOICE = None  # we changed the engine's voice behind the adapter's back
    return elapsed


def memory_child(chars: int) -> None:
    """Run in a fresh process: speak `chars` characters, print peak RSS and Python peak (bytes)."""
    import tracemalloc

    briefing = briefing_of(chars)
    from briefing.speech.script import build_script  # import before measuring

    build_script(briefing_of(100))
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    tracemalloc.start()
    with tempfile.TemporaryDirectory() as folder:
        ours(briefing, Path(folder) / "long.wav")
        audio_bytes = (Path(folder) / "long.wav").stat().st_size
    _, python_peak = tracemalloc.get_traced_memory()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(
        json.dumps({"rss": peak, "baseline": baseline, "python": python_peak, "audio": audio_bytes})
    )


def _measure_memory(chars: int) -> dict[str, int]:
    out = subprocess.run(
        [sys.executable, __file__, "--memory-child", str(chars)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "BRIEFING_ENGINE": "espeak"},
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=3000)
    parser.add_argument("--long-chars", type=int, default=60000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child(args.memory_child)
        return

    from briefing.speech.script import build_script
    from briefing.speech.voices import get_profile

    briefing = briefing_of(args.chars)
    script = build_script(briefing, get_profile())
    with tempfile.TemporaryDirectory() as folder:
        ours(briefing, Path(folder) / "warm.wav")
        mine, raw = [], []
        for _ in range(args.repeat):  # interleaved, so both see the same machine load
            raw.append(raw_espeak(script.text, Path(folder) / "raw.wav"))
            mine.append(ours(briefing, Path(folder) / "ours.wav"))
        with wave.open(str(Path(folder) / "ours.wav")) as w:
            seconds = w.getnframes() / w.getframerate()
    written = sum(len(x) for st in briefing.stories for x in st.sentences)
    print(
        f"synthesis of a {written:,}-character briefing: {len(script.text):,}-character script ({seconds:.0f} s of audio), median of {args.repeat}, alternating:"
    )
    print(f"  raw libespeak-ng        {statistics.median(raw):7.3f} s")
    print(
        f"  briefing (normalize, per-sentence synthesis, loudness) {statistics.median(mine):7.3f} s"
    )
    print(f"  ratio briefing / raw    {statistics.median(mine) / statistics.median(raw):7.2f}x")

    short = _measure_memory(args.long_chars // 10)
    long = _measure_memory(args.long_chars)
    mb = 1024 * 1024
    print(
        f"peak memory speaking {args.long_chars:,} characters vs {args.long_chars // 10:,} (fresh processes):"
    )
    print(
        f"  max RSS     {long['rss'] / mb:7.1f} MB vs {short['rss'] / mb:7.1f} MB  (ratio {long['rss'] / short['rss']:.2f}x)"
    )
    print(
        f"  growth over start-up  {(long['rss'] - long['baseline']) / mb:7.1f} MB vs {(short['rss'] - short['baseline']) / mb:7.1f} MB"
    )
    print(
        f"  Python heap peak      {long['python'] / mb:7.1f} MB vs {short['python'] / mb:7.1f} MB"
    )
    print(
        f"  audio written         {long['audio'] / mb:7.1f} MB vs {short['audio'] / mb:7.1f} MB"
        "  (streamed to disk, never held: pyttsx3's driver would hold it all, built with bytes +=)"
    )


if __name__ == "__main__":
    main()
