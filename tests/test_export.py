"""Export: every format of a briefing, written from one rendering, nothing left half-done."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from support import wav_info

from briefing.errors import EngineError, OutputError
from briefing.export import export_briefing
from briefing.formats import parse_formats
from briefing.models import Briefing, Story
from briefing.render import split_front_matter
from briefing.speech.voices import get_profile

DAY = dt.date(2026, 11, 25)


def _briefing(title: str = "Harbour tunnel opens") -> Briefing:
    story = Story(title, ("The tunnel opened on Tuesday.", "Traffic fell."), ("a.txt",), "lead")
    return Briefing(title, DAY, (story,))


def test_export_all_formats_with_fake_engine(tmp_path: Path) -> None:
    files = export_briefing(_briefing(), tmp_path, ("md", "html", "wav"), voice=get_profile())
    assert [f.suffix for f in files] == [".md", ".html", ".wav"]
    meta, _ = split_front_matter(files[0].read_text())
    rate, seconds, peak = wav_info(files[2])
    assert rate == 22050 and peak > 1000
    assert meta["audio_seconds"] == pytest.approx(seconds, abs=0.01)


def test_every_output_gets_the_same_file_mode(tmp_path: Path) -> None:
    files = export_briefing(_briefing(), tmp_path, ("md", "wav", "mp3"), voice=get_profile())
    modes = {f.suffix: f.stat().st_mode & 0o777 for f in files}
    assert modes[".wav"] == modes[".md"] == modes[".mp3"], modes


def test_existing_output_blocks_the_whole_export(tmp_path: Path) -> None:
    (tmp_path / "harbour-tunnel-opens.html").write_text("keep me")
    with pytest.raises(OutputError, match="already exists"):
        export_briefing(_briefing(), tmp_path, ("md", "html"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["harbour-tunnel-opens.html"]


def test_engine_failure_keeps_the_markdown(tmp_path: Path) -> None:
    def broken(text, voice, path):
        raise EngineError("speech engine failed: test")

    with pytest.raises(EngineError):
        export_briefing(_briefing(), tmp_path, ("md", "wav"), voice=get_profile(), speak=broken)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["harbour-tunnel-opens.md"]


def test_parse_formats() -> None:
    assert parse_formats("wav, md") == ("md", "wav")
    with pytest.raises(ValueError, match="unknown format 'ogg'"):
        parse_formats("md,ogg")
