"""The daily brief of 30 local articles with audio: where a build's time goes, and a re-run with nothing new.

Usage: python bench/daily.py [--articles N] [--runs N] [--builds N]

1. A fresh home (no learned speaking rate) and N made-up articles in a folder
   (bench/newsdesk.py writes them), read with the espeak-ng voice into MP3:
   the first run's phases (it times the voice once), then the median of each
   phase over `--builds` rebuilds (`--force`), as `briefing daily --json` reports them.
2. The re-run that finds nothing new, whole process, against `python -c "import
   numpy"` (the floor any numpy tool pays), alternating after a warm-up
   (goal: under 2 s). It must keep every file of the day untouched; the
   benchmark checks that too.

Bytecode is written on the first run even where PYTHONDONTWRITEBYTECODE is
set (as in bench/cli.py): users run from compiled modules.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from newsdesk import write_desk
from timing import paired


def briefing_command() -> list[str]:
    script = Path(sys.executable).parent / "briefing"
    return [str(script)] if script.exists() else [sys.executable, "-m", "briefing"]


def daily(command: list[str], env: dict[str, str], *extra: str) -> dict[str, object]:
    """One `briefing daily --json` run: its manifest."""
    proc = subprocess.run(
        [*command, *extra, "--json", "--quiet"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"briefing daily failed (exit {proc.returncode}): {proc.stderr[-400:]}")
    manifest: dict[str, object] = json.loads(proc.stdout)
    return manifest


def snapshot(out: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name != ".briefing.lock"
    }


def phase_rows(first: dict[str, float], builds: list[dict[str, float]]) -> list[str]:
    names = list(dict.fromkeys([*first, *(n for b in builds for n in b)]))
    total_build = statistics.median(sum(b.values()) for b in builds) or 1e-9
    rows = []
    for name in names:
        seen = first.get(name)
        median = statistics.median(b.get(name, 0.0) for b in builds)
        rows.append(
            f"| {name} | {'' if seen is None else f'{seen:.3f}'} | {median:.3f} "
            f"| {100 * median / total_build:.1f} % |"
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=30)
    parser.add_argument("--runs", type=int, default=7, help="re-run pairs (default 7)")
    parser.add_argument("--builds", type=int, default=3, help="--force rebuilds (default 3)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-daily-") as tmp:
        work = Path(tmp)
        desk, out = work / "desk", work / "out"
        write_desk(desk, args.articles)
        env = {
            **os.environ,
            "BRIEFING_HOME": str(work / "home"),
            "BRIEFING_ENGINE": "espeak",
        }
        # Users run from compiled bytecode: let the first run write it even where the
        # environment says not to (else every run recompiles our modules), as bench/cli.py does.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        subprocess.run([*briefing_command(), "--help"], env=env, capture_output=True, check=True)
        command = [*briefing_command(), "daily", str(desk), "--out", str(out)]

        first = daily(command, env)
        builds = [daily(command, env, "--force") for _ in range(max(1, args.builds))]
        first_phases: dict[str, float] = first["timings"]["phases"]  # type: ignore[index]
        build_phases = [b["timings"]["phases"] for b in builds]  # type: ignore[index]
        stories = len(first["stories"])  # type: ignore[arg-type]

        before = snapshot(out)
        kept = daily(command, env)
        if not kept["up_to_date"] or snapshot(out) != before:
            raise SystemExit("the re-run with nothing new changed the day's files")
        noop, numpy_start, ratio = paired(
            [*command, "--quiet"],
            [sys.executable, "-c", "import numpy"],
            args.runs,
            env=env,
        )
        if snapshot(out) != before:
            raise SystemExit("a re-run with nothing new changed the day's files")
        noop_phases: dict[str, float] = kept["timings"]["phases"]  # type: ignore[index]

    first_total = float(first["timings"]["total"])  # type: ignore[index]
    build_total = statistics.median(float(b["timings"]["total"]) for b in builds)  # type: ignore[index]
    print(
        f"{args.articles} local articles (bench/newsdesk.py), {stories} stories told, "
        f"{first['audio_seconds']} s of MP3, espeak-ng voice; python {sys.version.split()[0]}"
    )
    print()
    print(f"| phase | first run (s) | rebuild, median of {len(builds)} (s) | share of rebuild |")
    print("| --- | ---: | ---: | ---: |")
    for row in phase_rows(first_phases, build_phases):
        print(row)
    print(f"| **total** (command start to end) | {first_total:.3f} | {build_total:.3f} | |")
    print()
    print("| re-run with nothing new, whole process | seconds | goal |")
    print("| --- | ---: | --- |")
    print(f"| `briefing daily` (files untouched) | {noop:.3f} | < 2 s |")
    print(f'| `python -c "import numpy"` | {numpy_start:.3f} | |')
    print(f"| ratio, median of {args.runs} pairs | **{ratio:.2f}x** | |")
    print()
    phases = ", ".join(f"{n} {s:.3f}" for n, s in noop_phases.items())
    print(f"re-run phases (s): {phases}")


if __name__ == "__main__":
    main()
