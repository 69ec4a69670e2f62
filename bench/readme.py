"""Regenerate the tables of bench/README.md: one command runs each benchmark and writes its output in place.

Usage: python bench/readme.py [--only NAME,NAME] [--dry-run]

Each table sits between `<!-- table: NAME -->` and `<!-- /table -->` in
bench/README.md; NAME is a key of TABLES, which says what command prints it.
Every benchmark measures its rows against their references in the same run,
so a regenerated table is comparable within itself whatever the machine.
Run it from an environment where `briefing` is installed; the dev set is
looked for as the benchmarks look for it ($BRIEFING_SHARED/eval).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
README = BENCH / "README.md"
TABLES: dict[str, list[str]] = {
    "cli": ["cli.py"],
    "summarizers": ["summarizers.py"],
    "linear": ["summarizers.py", "--linear"],
    "daily": ["daily.py"],
    "tui": ["tui.py"],
    "parallel": ["parallel.py"],
}
"""Table name -> the benchmark script (in bench/) and its arguments."""

_BLOCK = re.compile(
    r"(<!-- table: (?P<name>[\w-]+) -->\n)(?P<body>.*?)(<!-- /table -->)", re.DOTALL
)


def run(name: str) -> str:
    """The benchmark's output, with a line saying when and how it was made."""
    script, *arguments = TABLES[name]
    proc = subprocess.run(
        [sys.executable, str(BENCH / script), *arguments],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"bench/{script}: failed (exit {proc.returncode}): {proc.stderr[-500:]}")
    command = " ".join(["python", f"bench/{script}", *arguments])
    made = f"_Recorded {dt.date.today().isoformat()} by `{command}` (via `bench/readme.py`)._"
    return f"{made}\n\n{proc.stdout.strip()}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default=",".join(TABLES), metavar="NAME,NAME")
    parser.add_argument("--dry-run", action="store_true", help="print the tables, write nothing")
    args = parser.parse_args(argv)
    names = [n for n in args.only.split(",") if n]
    unknown = [n for n in names if n not in TABLES]
    if unknown:
        parser.error(f"unknown table {unknown[0]!r} (known: {', '.join(TABLES)})")
    text = README.read_text(encoding="utf-8")
    present = {m["name"] for m in _BLOCK.finditer(text)}
    missing = [n for n in names if n not in present]
    if missing:
        raise SystemExit(f"{README}: no <!-- table: {missing[0]} --> block to fill")
    tables = {}
    for name in names:
        print(f"running {' '.join(TABLES[name])} ...", file=sys.stderr, flush=True)
        tables[name] = run(name)
    if args.dry_run:
        print("\n\n".join(tables.values()))
        return 0

    def fill(match: re.Match[str]) -> str:
        name = match["name"]
        body = tables.get(name, match["body"])
        return match.group(1) + body + match.group(4)

    # Read again: the runs take minutes, and the file may have been edited meanwhile.
    updated = _BLOCK.sub(fill, README.read_text(encoding="utf-8"))
    temporary = README.with_suffix(".md.tmp")
    temporary.write_text(updated, encoding="utf-8")
    temporary.replace(README)  # never a half-written README
    print(f"updated {', '.join(names)} in {README}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
