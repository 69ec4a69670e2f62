"""Parallel speech benchmark: `briefing speak` on both cores against single-process raw libespeak-ng.

Usage: python bench/parallel.py [--runs 5] [--natural-runs 2] [--natural-chars 2500] [--no-natural]

1. `briefing speak` of a 30,000-character text, the whole command (start-up,
   reading, normalizing, synthesis in parallel, stitching, loudness), against
   `raw_espeak.py` (the same libespeak-ng through ctypes, one process, no
   normalizing, no loudness) on the same text; alternating A, B after a
   warm-up, median of the per-pair ratios. Goal <= 0.75x.
2. The same command with BRIEFING_SPEECH_WORKERS=1 against the default (one
   process per core), alternating: what the second process buys.
3. Peak RSS of the largest process (parent or worker) speaking 30,000 and
   60,000 characters: flat, since audio goes to files, never to memory.
4. The natural voice (Piper) on a shorter text, one process (two onnxruntime
   threads) against two processes (one thread each), alternating.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from pipeline import long_text
from timing import paired

HERE = Path(__file__).resolve().parent

_RSS_CHILD = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""
"""Runs a command and prints the largest max RSS (KiB) among the processes it waited for."""


def _exe() -> str:
    local = Path(sys.executable).parent / "briefing"
    exe = str(local) if local.exists() else shutil.which("briefing")
    if not exe:
        sys.exit("briefing is not installed in this environment")
    return exe


def _peak_rss(command: list[str], env: dict[str, str]) -> int:
    out = subprocess.run(
        [sys.executable, "-c", _RSS_CHILD, *command],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return int(out.stdout.split()[-1]) * 1024


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--natural-runs", type=int, default=2)
    parser.add_argument("--natural-chars", type=int, default=2500)
    parser.add_argument("--no-natural", action="store_true")
    args = parser.parse_args()
    exe = _exe()
    env = {**os.environ, "BRIEFING_ENGINE": "espeak"}
    env.pop("BRIEFING_SPEECH_WORKERS", None)
    one = {**env, "BRIEFING_SPEECH_WORKERS": "1"}
    load = os.getloadavg()[0]
    print(f"{_cores()} cores, load average {load:.1f} at the start; medians of {args.runs} pairs.")
    print()
    print("| measurement | A | B | A / B | goal |")
    print("|---|---:|---:|---:|---|")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        text = work / "long.txt"
        text.write_text("Long read\n\n" + long_text(30_000), encoding="utf-8")
        ours = [exe, "speak", str(text), "--out", str(work / "ours.wav"), "--force"]
        raw = [sys.executable, str(HERE / "raw_espeak.py"), str(text), str(work / "raw.wav")]
        a, b, ratio = paired(ours, raw, args.runs, env=env)
        verdict = "met" if ratio <= 0.75 else "not met"
        print(
            f"| `briefing speak` 30,000 chars (A) vs raw libespeak-ng, one process (B) "
            f"| {a:.2f} s | {b:.2f} s | **{ratio:.2f}x** | <= 0.75x ({verdict}) |"
        )
        single, double, ratio = _workers(ours, one, env, args.runs)
        print(
            f"| `briefing speak` 30,000 chars: one process (A) vs {_cores()} (B) "
            f"| {single:.2f} s | {double:.2f} s | {ratio:.2f}x | |"
        )
        longer = work / "longer.txt"
        longer.write_text("Long read\n\n" + long_text(60_000), encoding="utf-8")
        speak_longer = [exe, "speak", str(longer), "--out", str(work / "l.wav"), "--force"]
        rss_30 = _peak_rss(ours, env)
        rss_60 = _peak_rss(speak_longer, env)
        mb = 1024 * 1024
        print(
            f"| peak RSS of the largest process, 60,000 chars (A) vs 30,000 (B) "
            f"| {rss_60 / mb:.1f} MB | {rss_30 / mb:.1f} MB | {rss_60 / rss_30:.2f}x | flat |"
        )
        if not args.no_natural:
            _natural(exe, work, args)
    print()
    print(f"Load average at the end {os.getloadavg()[0]:.1f}.")


def _workers(
    command: list[str], one: dict[str, str], env: dict[str, str], runs: int
) -> tuple[float, float, float]:
    """Median seconds with one process, with the default, and the median ratio, alternating."""
    import statistics

    from timing import wall

    wall(command, env=one)
    wall(command, env=env)
    singles, doubles = [], []
    for _ in range(runs):
        singles.append(wall(command, env=one))
        doubles.append(wall(command, env=env))
    ratios = [s / d for s, d in zip(singles, doubles, strict=True)]
    return statistics.median(singles), statistics.median(doubles), statistics.median(ratios)


def _natural(exe: str, work: Path, args: argparse.Namespace) -> None:
    """The natural voice, one process (two threads) vs two processes (a thread each)."""
    probe = subprocess.run(
        [exe, "voices", "--json"], capture_output=True, text=True, check=False
    )
    try:
        usable = any(
            v.get("name") == "natural" and v.get("available", True)
            for v in json.loads(probe.stdout).get("profiles", [])
        )
    except (ValueError, AttributeError):
        usable = False
    if not usable:
        print("| natural voice | - | - | - | not installed: pip install 'briefing[natural]' |")
        return
    text = work / "natural.txt"
    text.write_text("Natural read\n\n" + long_text(args.natural_chars), encoding="utf-8")
    command = [
        exe, "speak", str(text), "--voice", "natural", "--out", str(work / "n.wav"), "--force",
    ]  # fmt: skip
    base = {k: v for k, v in os.environ.items() if k not in ("BRIEFING_ENGINE",)}
    base.pop("BRIEFING_SPEECH_WORKERS", None)
    single, double, ratio = _workers(
        command, {**base, "BRIEFING_SPEECH_WORKERS": "1"}, base, args.natural_runs
    )
    print(
        f"| natural voice (Piper), {args.natural_chars:,} chars: one process, 2 threads (A) "
        f"vs {_cores()} processes, 1 thread each (B) | {single:.1f} s | {double:.1f} s "
        f"| {ratio:.2f}x | |"
    )


if __name__ == "__main__":
    main()
