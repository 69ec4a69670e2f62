"""First paint of `briefing edit` in a pseudo-terminal, against a bare Textual app started the same way.

Usage: python bench/tui.py [--runs N]

Each run starts the real app as its own process on a fresh pseudo-terminal
(80x24, TERM=xterm-256color, a fresh BRIEFING_HOME and working folder), reads
everything it draws and, with the escape sequences taken out, notes when the
article's title first appears (the first paint a user can read) and when the
status line first counts the briefing's sentences and words (the summary is in
the editor). Then it presses ctrl+q and waits for the app to leave.

The reference is the floor any Textual app pays: a bare App with one Static
showing the same title, started the same way. Reference and app alternate
(reference, app, reference, ...) after one warm-up of each, so drift on the
shared machine hits both alike; the table gives medians and the median of the
per-pair ratios. The goal is absolute: the title on screen within 1.5 s.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import os
import pty
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
WRITTEN = REPO / "bench" / "data" / "written-news.jsonl"
ROWS, COLUMNS = 24, 80
TIMEOUT = 60.0
GOAL = 1.5
"""Seconds from start to the title on screen, on a quiet machine."""

BARE_TEXTUAL = (
    "import sys\n"
    "from textual.app import App\n"
    "from textual.widgets import Static\n"
    "class Bare(App):\n"
    "    def compose(self):\n"
    "        yield Static(sys.argv[1])\n"
    "Bare().run()\n"
)
_ESCAPES = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: cursor moves, colours, modes
    rb"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC: window title, clipboard
    rb"|\x1b[PX^_][^\x1b]*\x1b\\"  # DCS and friends
    rb"|\x1b[@-Z\\-_]"  # two-byte escapes
)
_SUMMARY = re.compile(r"\d+ sentences? · \d+ words")
"""The status line once the editor holds the briefing (before that it says "Summarizing…")."""


@dataclass(frozen=True)
class Seen:
    """Seconds from the start of the process to each sighting (None: never seen)."""

    title: float | None
    summary: float | None


def screen_text(raw: bytes) -> str:
    """What the terminal shows, in the order drawn, without escape sequences."""
    return _ESCAPES.sub(b"", raw).decode("utf-8", "replace")


def watch(command: list[str], title: str, *, summary: bool, env: dict[str, str]) -> Seen:
    """Run `command` on a fresh 80x24 pseudo-terminal until `title` (and the summary) show."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
    with tempfile.TemporaryDirectory() as home:
        run_env = {
            **env,
            "BRIEFING_HOME": home,
            "BRIEFING_OUTPUT": str(Path(home, "output")),
            "TERM": "xterm-256color",
            "COLUMNS": str(COLUMNS),
            "LINES": str(ROWS),
        }
        start = time.perf_counter()
        proc = subprocess.Popen(
            command,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=home,
            env=run_env,
            start_new_session=True,
        )
        os.close(slave)
        raw = b""
        seen_title: float | None = None
        seen_summary: float | None = None
        try:
            while time.perf_counter() - start < TIMEOUT:
                ready, _, _ = select.select([master], [], [], 0.02)
                if not ready:
                    if proc.poll() is not None:
                        break
                    continue
                try:
                    chunk = os.read(master, 1 << 16)
                except OSError:  # the child closed the terminal
                    break
                now = time.perf_counter() - start
                raw += chunk
                text = screen_text(raw)
                if seen_title is None and title in text:
                    seen_title = now
                if summary and seen_summary is None and _SUMMARY.search(text):
                    seen_summary = now
                if seen_title is not None and (seen_summary is not None or not summary):
                    break
        finally:
            _leave(proc, master)
    return Seen(seen_title, seen_summary)


def _leave(proc: subprocess.Popen[bytes], master: int) -> None:
    """Press ctrl+q and wait for the app to go; end it if it won't."""
    deadline = time.perf_counter() + 10
    with contextlib.suppress(OSError):  # it may have gone already
        os.write(master, b"\x11")
    while proc.poll() is None and time.perf_counter() < deadline:
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            try:
                os.read(master, 1 << 16)  # keep draining, or the app blocks writing
            except OSError:
                break
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    os.close(master)


def briefing_command() -> list[str]:
    script = Path(sys.executable).parent / "briefing"
    return [str(script)] if script.exists() else [sys.executable, "-m", "briefing"]


def long_article(folder: Path) -> Path:
    """One long article: the written stories run together under one title (~240 sentences)."""
    stories = [json.loads(line)["article"] for line in WRITTEN.read_text("utf-8").splitlines()]
    path = folder / "long-day.txt"
    path.write_text(
        "Everything that happened on one long day\n\n" + "\n\n".join(stories) + "\n", "utf-8"
    )
    return path


def title_of(path: Path) -> str:
    """The start of the title as the app shows it (a line short enough never to wrap)."""
    from briefing.ingest import read_article

    words = read_article(str(path)).title.split()
    return " ".join(words[:3])


def _median(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return statistics.median(known) if len(known) == len(values) and known else None


def _ratio(ours: list[float | None], theirs: list[float | None]) -> float | None:
    pairs = [(a, b) for a, b in zip(ours, theirs, strict=True) if a is not None and b]
    if len(pairs) != len(ours):
        return None
    return statistics.median(a / b for a, b in pairs)


def _cell(value: float | None, digits: int = 3) -> str:
    return "never" if value is None else f"{value:.{digits}f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # users run from compiled bytecode
    briefing = briefing_command()
    folder = Path(tempfile.mkdtemp(prefix="bench-tui-"))
    try:
        long = long_article(folder)
        tunnel, library = SAMPLES / "harbour-tunnel.txt", SAMPLES / "library-reopens.html"
        rows: list[tuple[str, list[str], Path]] = [
            (tunnel.name, [str(tunnel)], tunnel),
            (library.name, [str(library)], library),
            (f"{long.name} --method lexrank", [str(long), "--method", "lexrank"], long),
        ]
        print(
            f"`briefing edit ARTICLE` on an {COLUMNS}x{ROWS} pseudo-terminal vs a bare Textual app"
            f" (one Static with the title), {args.runs} alternating pairs after a warm-up;"
            f" medians; python {sys.version.split()[0]}"
        )
        print()
        print(
            "| article | first paint: title (s) | summary shown (s) | bare Textual (s)"
            " | paint ratio | summary ratio | goal |"
        )
        print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
        for label, arguments, path in rows:
            title = title_of(path)
            ours_command = [*briefing, "edit", *arguments]
            bare_command = [sys.executable, "-c", BARE_TEXTUAL, title]
            watch(bare_command, title, summary=False, env=env)
            watch(ours_command, title, summary=True, env=env)
            paint: list[float | None] = []
            shown: list[float | None] = []
            bare: list[float | None] = []
            for _ in range(args.runs):
                bare.append(watch(bare_command, title, summary=False, env=env).title)
                seen = watch(ours_command, title, summary=True, env=env)
                paint.append(seen.title)
                shown.append(seen.summary)
            first = _median(paint)
            verdict = f"<= {GOAL:g} s: {'yes' if first is not None and first <= GOAL else 'NO'}"
            print(
                f"| {label} | {_cell(first)} | {_cell(_median(shown))} | {_cell(_median(bare))}"
                f" | {_cell(_ratio(paint, bare), 2)} | {_cell(_ratio(shown, bare), 2)}"
                f" | {verdict} |",
                flush=True,
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
