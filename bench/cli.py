"""Cold-start times of the `briefing` command, each against its reference, side by side in one run.

Usage: python bench/cli.py [--runs N] [--article PATH]

Each command and its reference run as their own processes, alternating
(reference, command, reference, ...) after one warm-up of each, so drift on a
shared machine hits both alike. The table gives medians of wall-clock and
CPU seconds (CPU from the operating system's accounting of the finished
child) and the median of the per-pair ratios. The references are the floors
any such tool pays: a bare argparse script printing its help, and
`python -c "import numpy"` for anything that summarizes. On a busy machine
wall-clock exceeds CPU time: the CPU ratio is the steadier figure.
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
BARE_ARGPARSE = (
    "import argparse\n"
    "parser = argparse.ArgumentParser(prog='bare', description='A bare argparse script.')\n"
    "parser.add_argument('path', help='an input file')\n"
    "parser.add_argument('--ratio', type=float, help='a number')\n"
    "parser.parse_args()\n"
)
IMPORT_NUMPY = "import numpy"


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


def side_by_side(
    command: list[str], reference: list[str], runs: int, env: dict[str, str]
) -> tuple[float, float, float, float, float, float]:
    """Medians: command wall, cpu; reference wall, cpu; per-pair wall ratio, cpu ratio."""
    run_once(reference, env)
    run_once(command, env)
    ours: list[tuple[float, float]] = []
    theirs: list[tuple[float, float]] = []
    for _ in range(runs):
        theirs.append(run_once(reference, env))
        ours.append(run_once(command, env))
    wall_ratio = statistics.median(a[0] / b[0] for a, b in zip(ours, theirs, strict=True))
    cpu_ratio = statistics.median(a[1] / max(b[1], 1e-3) for a, b in zip(ours, theirs, strict=True))
    return (
        statistics.median(a[0] for a in ours),
        statistics.median(a[1] for a in ours),
        statistics.median(b[0] for b in theirs),
        statistics.median(b[1] for b in theirs),
        wall_ratio,
        cpu_ratio,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--article", type=Path, default=ARTICLE)
    args = parser.parse_args(argv)

    briefing = briefing_command()
    python = sys.executable
    article = str(args.article)
    bare = [python, "-c", BARE_ARGPARSE, "--help"]
    numpy = [python, "-c", IMPORT_NUMPY]
    # (label, command, reference label, reference, goal: most ratio allowed)
    rows: list[tuple[str, list[str], str, list[str], float | None]] = [
        ("briefing --help", [*briefing, "--help"], "bare argparse --help", bare, 1.5),
        ("briefing methods", [*briefing, "methods"], "bare argparse --help", bare, None),
        (
            "briefing daily --help",
            [*briefing, "daily", "--help"],
            "bare argparse --help",
            bare,
            None,
        ),
        (
            "briefing summarize ARTICLE",
            [*briefing, "summarize", article],
            "import numpy",
            numpy,
            2.0,
        ),
        (
            "briefing summarize ARTICLE --method lexrank",
            [*briefing, "summarize", article, "--method", "lexrank"],
            "import numpy",
            numpy,
            None,
        ),
    ]
    with tempfile.TemporaryDirectory() as home:
        # Users run from compiled bytecode: let the warm-up write it even where
        # the environment says not to (else every run recompiles our modules).
        env = {**os.environ, "BRIEFING_HOME": home}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        print(
            f"ARTICLE = {args.article.name} ({len(args.article.read_text(encoding='utf-8')):,}"
            f" characters); {args.runs} alternating pairs after a warm-up; medians;"
            f" python {sys.version.split()[0]}"
        )
        print()
        print(
            "| command | wall (s) | cpu (s) | reference | ref wall (s) | ref cpu (s)"
            " | wall ratio | cpu ratio | goal |"
        )
        print("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |")
        for label, command, reference_label, reference, goal in rows:
            wall, cpu, ref_wall, ref_cpu, wall_ratio, cpu_ratio = side_by_side(
                command, reference, args.runs, env
            )
            verdict = ""
            if goal is not None:
                verdict = f"<= {goal:g}x: {'yes' if min(wall_ratio, cpu_ratio) <= goal else 'NO'}"
            print(
                f"| {label} | {wall:.3f} | {cpu:.3f} | {reference_label} | {ref_wall:.3f}"
                f" | {ref_cpu:.3f} | {wall_ratio:.2f} | {cpu_ratio:.2f} | {verdict} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
