"""A day's folder is published whole: a run killed while writing leaves the old day, never a mix."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from support import SAMPLES

from briefing.daily import staging

ARTICLE = SAMPLES / "harbour-tunnel.txt"
RUN = """
import os, sys
from briefing import formats
from briefing.cli import main
if sys.argv[1] == "die":
    def die(rendition, path, force):
        # Leave a scratch file behind, as a run killed mid-write does, then die at once.
        (path.parent / ".briefing.html.~4194999~x.part").write_text("half")
        os._exit(9)
    html = formats.FORMATS["html"]
    formats.FORMATS["html"] = formats.OutputFormat(
        html.name, html.description, html.suffix, html.needs_audio, die
    )
sys.exit(main(["daily", sys.argv[2], "--out", sys.argv[3], "--words", sys.argv[4], "--force", "--json"]))
"""


def _daily(mode: str, out: Path, words: int) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BRIEFING_ENGINE": "fake"}
    return subprocess.run(
        [sys.executable, "-c", RUN, mode, str(ARTICLE), str(out), str(words)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tempfile.gettempdir(),  # not the checkout: its briefing/ would shadow the install
        timeout=180,
    )


def _day_folder(out: Path) -> Path:
    return next(p for p in out.iterdir() if p.is_dir() and not p.name.startswith("."))


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def test_a_run_killed_while_writing_leaves_the_old_day_whole(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = _daily("ok", out, 120)
    assert first.returncode == 0, first.stderr
    day = _day_folder(out)
    (day / "my-notes.txt").write_text("mine\n", encoding="utf-8")
    before = _snapshot(day)
    assert {"briefing.md", "briefing.mp3", "manifest.json"} <= before.keys()

    killed = _daily("die", out, 60)
    assert killed.returncode == 9
    assert _snapshot(day) == before  # nothing of the killed run got in
    assert [p.name for p in out.iterdir() if ".staging-" in p.name]  # its staging is left

    again = _daily("ok", out, 60)
    assert again.returncode == 0, again.stderr
    after = _snapshot(day)
    assert after["my-notes.txt"] == b"mine\n" and after["briefing.md"] != before["briefing.md"]
    hidden = [p.name for p in out.rglob(".*") if p.name != ".briefing.lock"]
    assert hidden == []  # staging folders and scratch files of dead runs are gone


def test_an_old_day_moved_aside_by_a_dead_run_is_put_back(tmp_path: Path) -> None:
    aside = tmp_path / ".2025-03-04.old-abc"
    (aside / "day").mkdir(parents=True)
    (aside / "day" / "briefing.md").write_text("old day\n", encoding="utf-8")
    (tmp_path / ".2025-03-05.staging-xyz").mkdir()
    staging.recover(tmp_path)
    assert (tmp_path / "2025-03-04" / "briefing.md").read_text(encoding="utf-8") == "old day\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2025-03-04"]


def test_the_swap_keeps_foreign_files_but_drops_the_old_runs_own(tmp_path: Path) -> None:
    day = tmp_path / "2025-03-04"
    day.mkdir()
    for name in ("briefing.md", "briefing.mp3", "photo.jpg"):
        (day / name).write_text(f"old {name}", encoding="utf-8")
    staged = staging.stage(day)
    (staged / "briefing.md").write_text("new", encoding="utf-8")
    staging.swap_in(staged, day, keep=frozenset({"briefing.md", "briefing.mp3"}))
    assert _snapshot(day) == {"briefing.md": b"new", "photo.jpg": b"old photo.jpg"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2025-03-04"]
