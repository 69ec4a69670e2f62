"""Parallel speech benchmark: `briefing speak` on both cores against single-process raw libespeak-ng.

Usage: python bench/parallel.py [--runs 5] [--natural-runs 2] [--natural-chars 8000] [--no-natural]

1. `briefing speak` of a 30,000-character text, the whole command (start-up,
   reading, normalizing, synthesis in parallel, stitching, loudness), against
   `raw_espeak.py` (the same libespeak-ng through ctypes, one process, no
   normalizing, no loudness) on the same text; alternating A, B after a
   warm-up, median of the per-pair ratios. Goal <= 0.75x. Beside it, the
   floor: the same reference with the text cut in one part per core, all
   spoken at once (what a perfect split of synthesis alone gives here).
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
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pipeline import long_text, speak_pair

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


def _run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, the command and every process it waited for)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _pair(
    a: tuple[list[str], dict[str, str]], b: tuple[list[str], dict[str, str]], runs: int
) -> dict[str, float]:
    """A and B alternating after one warm-up each: median wall and CPU, median per-pair wall ratio."""
    _run(*a)
    _run(*b)
    walls_a, cpus_a, walls_b, cpus_b = [], [], [], []
    for _ in range(runs):
        wall, cpu = _run(*a)
        walls_a.append(wall)
        cpus_a.append(cpu)
        wall, cpu = _run(*b)
        walls_b.append(wall)
        cpus_b.append(cpu)
    median = statistics.median
    return {
        "a": median(walls_a),
        "a_cpu": median(cpus_a),
        "b": median(walls_b),
        "b_cpu": median(cpus_b),
        "ratio": median(x / y for x, y in zip(walls_a, walls_b, strict=True)),
    }


def _row(what: str, m: dict[str, float], goal: str = "") -> str:
    return (
        f"| {what} | {m['a']:.2f} s ({m['a_cpu']:.2f} s) | {m['b']:.2f} s ({m['b_cpu']:.2f} s) "
        f"| **{m['ratio']:.2f}x** | {goal} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--natural-runs", type=int, default=2)
    parser.add_argument("--natural-chars", type=int, default=8000)
    parser.add_argument("--no-natural", action="store_true")
    args = parser.parse_args()
    exe = _exe()
    env = {**os.environ, "BRIEFING_ENGINE": "espeak"}
    env.pop("BRIEFING_SPEECH_WORKERS", None)
    # Users run from compiled bytecode: let the warm-up write it even where the
    # environment says not to (else every run, and every worker, recompiles our modules).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    one = {**env, "BRIEFING_SPEECH_WORKERS": "1"}
    cores = _cores()
    print(
        f"{cores} cores, load average {os.getloadavg()[0]:.1f} at the start; "
        f"medians of {args.runs} alternating pairs after a warm-up; wall (CPU of all processes)."
    )
    print()
    print("| measurement | A | B | A / B (wall) | goal |")
    print("|---|---:|---:|---:|---|")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        ours, raw = speak_pair(exe, work)
        m = _pair((ours, env), (raw, env), args.runs)
        verdict = "met" if m["ratio"] <= 0.75 else "not met"
        print(
            _row(
                f"`briefing speak` 30,000 chars, {cores} processes (A) vs raw libespeak-ng, one process (B)",
                m,
                f"<= 0.75x ({verdict})",
            )
        )
        split = [*raw, "--parts", str(cores)]
        m = _pair((split, env), (raw, env), args.runs)
        print(
            _row(
                f"the floor: raw libespeak-ng, the text in {cores} parts spoken at once (A) "
                "vs one process (B)",
                m,
            )
        )
        m = _pair((ours, one), (raw, env), args.runs)
        print(_row("`briefing speak` 30,000 chars, one process (A) vs raw libespeak-ng (B)", m))
        m = _pair((ours, one), (ours, env), args.runs)
        print(_row(f"`briefing speak` 30,000 chars: one process (A) vs {cores} (B)", m))
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


def _natural(exe: str, work: Path, args: argparse.Namespace) -> None:
    """The natural voice, one process (two threads) vs two processes (a thread each)."""
    probe = subprocess.run([exe, "voices", "--json"], capture_output=True, text=True, check=False)
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
    command = [exe, "speak", str(text), "--voice", "natural", "--out", str(work / "n.wav")]
    command.append("--force")
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in ("BRIEFING_ENGINE", "PYTHONDONTWRITEBYTECODE")
    }
    base.pop("BRIEFING_SPEECH_WORKERS", None)
    m = _pair(
        (command, {**base, "BRIEFING_SPEECH_WORKERS": "1"}), (command, base), args.natural_runs
    )
    print(
        _row(
            f"natural voice (Piper), {args.natural_chars:,} chars: one process, two threads (A) "
            f"vs {_cores()} processes, one thread each (B)",
            m,
        )
    )


if __name__ == "__main__":
    main()
