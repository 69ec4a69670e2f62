"""Cold-start times of the `briefing` command, against a bare interpreter start.

Usage: python bench/cli.py [--runs N] [--article PATH]

Each command runs as its own process, once to warm the disk cache and then N
times; the table gives the median wall-clock and CPU seconds (CPU from the
operating system's accounting of the finished child) and the wall-clock ratio
to starting the same Python with nothing to do. On a busy machine wall-clock
exceeds CPU time: compare CPU times, or the ratios.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ARTICLE = REPO / "samples" / "harbour-tunnel.txt"
TARGETS = {"briefing --help": 0.25, "briefing summarize ARTICLE": 1.0}
"""Wall-clock seconds each command should stay under (from the project's issue)."""


def briefing_command() -> list[str]:
    script = Path(sys.executable).parent / "briefing"
    return [str(script)] if script.exists() else [sys.executable, "-m", "briefing"]


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall, cpu) seconds of one run of `command`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--article", type=Path, default=ARTICLE)
    args = parser.parse_args(argv)

    briefing = briefing_command()
    commands = {
        "python -c pass (reference)": [sys.executable, "-c", "pass"],
        "briefing --help": [*briefing, "--help"],
        "briefing methods": [*briefing, "methods"],
        "briefing summarize ARTICLE": [*briefing, "summarize", str(args.article)],
        "briefing summarize ARTICLE --method lexrank": [
            *briefing,
            "summarize",
            str(args.article),
            "--method",
            "lexrank",
        ],
    }
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "BRIEFING_HOME": home}
        print(f"ARTICLE = {args.article.name}; {args.runs} runs each after a warm-up; medians")
        print()
        print("| command | wall (s) | cpu (s) | wall / reference | target |")
        print("| --- | ---: | ---: | ---: | --- |")
        reference = None
        for label, command in commands.items():
            run_once(command, env)
            walls, cpus = zip(*(run_once(command, env) for _ in range(args.runs)), strict=True)
            wall, cpu = statistics.median(walls), statistics.median(cpus)
            reference = reference or wall
            target = TARGETS.get(label)
            verdict = (
                "" if target is None else f"< {target:g} s: {'yes' if wall < target else 'NO'}"
            )
            print(f"| {label} | {wall:.3f} | {cpu:.3f} | {wall / reference:.1f} | {verdict} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
