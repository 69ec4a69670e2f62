"""The target seam: a registered target gets the finished briefing and the files written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from briefing import targets
from briefing.errors import UsageError
from briefing.export import export_briefing
from briefing.files import write_text
from briefing.models import Briefing, Story


@dataclass
class _Shelf:
    """A throwaway target: copies the Markdown into a folder named by its options."""

    name: str = "shelf"
    description: str = "A folder of Markdown briefings"
    calls: list[tuple[str, list[str]]] = field(default_factory=list)

    def deliver(
        self, briefing: Briefing, files: Sequence[Path], options: Mapping[str, str]
    ) -> list[Path]:
        self.calls.append((briefing.title, [f.name for f in files]))
        markdown = next(f for f in files if f.suffix == ".md")
        copy = Path(options["folder"]) / markdown.name
        return [write_text(copy, markdown.read_text(encoding="utf-8"))]


def _briefing() -> Briefing:
    story = Story("Bridge reopens", ("The bridge reopened at dawn.",), ("c.txt",), "lead")
    return Briefing("Bridge reopens", dt.date(2026, 11, 27), (story,))


def test_a_registered_target_receives_the_written_files(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(targets, "TARGETS", {})
    shelf = targets.register(_Shelf())
    briefing = _briefing()
    files = export_briefing(briefing, tmp_path / "out", ("md", "html"))
    delivered = targets.deliver(["shelf"], briefing, files, {"folder": str(tmp_path / "shelf")})
    assert shelf.calls == [("Bridge reopens", ["bridge-reopens.md", "bridge-reopens.html"])]
    assert delivered == [tmp_path / "shelf" / "bridge-reopens.md"]
    assert delivered[0].read_text(encoding="utf-8") == files[0].read_text(encoding="utf-8")


def test_an_unknown_target_is_refused_before_any_delivery(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(targets, "TARGETS", {})
    shelf = targets.register(_Shelf())
    with pytest.raises(UsageError, match=r"unknown target 'vault' \(known: shelf\)"):
        targets.deliver(["shelf", "vault"], _briefing(), [], {"folder": str(tmp_path)})
    assert shelf.calls == []
