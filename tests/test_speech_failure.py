"""A failing voice (a full disk) never costs the text: Markdown and HTML written, no scratch left."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from support import SAMPLES

from briefing.assemble import briefing_from
from briefing.export import export_briefing
from briefing.files import remove_stale_parts
from briefing.ingest import read_article
from briefing.summarize import summarize


def test_a_full_disk_while_speaking_still_writes_markdown_and_html(tmp_path: Path) -> None:
    briefing = briefing_from([summarize(read_article(SAMPLES / "harbour-tunnel.txt"))])
    seen: list[Path] = []

    def speak(_script: object, _voice: object, path: Path) -> object:
        path.write_bytes(b"\0" * 4096)  # what was rendered before the disk filled
        seen.append(path)
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OSError):
        export_briefing(briefing, tmp_path, ("md", "html", "wav"), speak=speak)  # type: ignore[arg-type]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "harbour-tunnel-opens-six-months-early-as-city-counts-the-cost.html",
        "harbour-tunnel-opens-six-months-early-as-city-counts-the-cost.md",
    ]
    assert seen and not seen[0].exists()


def test_scratch_files_of_dead_runs_go_and_live_ones_stay(tmp_path: Path) -> None:
    import os

    dead = tmp_path / ".a.md.~4194999~abc.part"
    live = tmp_path / f".b.md.~{os.getppid()}~abc.part"
    unknown_old = tmp_path / ".c.md.xyz.part"
    for path in (dead, live, unknown_old):
        path.write_text("x", encoding="utf-8")
    os.utime(unknown_old, (1, 1))
    (tmp_path / "keep.part").write_text("a user's file", encoding="utf-8")
    assert remove_stale_parts(tmp_path) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == [live.name, "keep.part"]
