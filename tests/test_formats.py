"""The output-format registry: one entry makes a format known to export, the CLI and the checks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from support import run_cli, wav_info

from briefing import formats
from briefing.errors import OutputError
from briefing.export import export_briefing
from briefing.files import write_text
from briefing.formats import FORMATS, OutputFormat, parse_formats
from briefing.models import Briefing, Story
from briefing.rendition import Rendition
from briefing.speech.voices import get_profile


def _briefing() -> Briefing:
    story = Story("Ferry returns", ("The ferry sails again on Monday.",), ("b.txt",), "lead")
    return Briefing("Ferry returns", dt.date(2026, 11, 26), (story,))


def _plain(rendition: Rendition, path: Path, force: bool) -> Path:
    """A throwaway format: the headlines only, one a line."""
    return write_text(path, "\n".join(s.headline for s in rendition.briefing.stories), force=force)


def _length(rendition: Rendition, path: Path, force: bool) -> Path:
    """A throwaway audio format: how long the rendering is."""
    return write_text(path, f"{rendition.audio().audio.seconds:.3f}", force=force)


def test_one_registry_entry_makes_a_format_known(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(
        FORMATS, "txt", OutputFormat("txt", "Plain headlines", ".txt", False, _plain)
    )
    assert parse_formats("txt,md") == ("md", "txt")
    files = export_briefing(_briefing(), tmp_path, ("txt", "md"))
    assert [f.name for f in files] == ["ferry-returns.md", "ferry-returns.txt"]
    assert files[1].read_text() == "Ferry returns"


def test_an_audio_format_gets_the_one_rendering(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(FORMATS, "len", OutputFormat("len", "Audio length", ".len", True, _length))
    files = export_briefing(_briefing(), tmp_path, ("wav", "len"), voice=get_profile())
    assert [f.suffix for f in files] == [".wav", ".len"]
    _, seconds, _ = wav_info(files[0])
    assert float(files[1].read_text()) == pytest.approx(seconds, abs=0.01) and seconds > 0
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no scratch left


def test_a_failing_format_does_not_stop_the_others(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def refuse(rendition: Rendition, path: Path, force: bool) -> Path:
        raise OutputError(f"{path}: can't write: test")

    monkeypatch.setitem(FORMATS, "md", OutputFormat("md", "Markdown text", ".md", False, refuse))
    with pytest.raises(OutputError, match="can't write: test"):
        export_briefing(_briefing(), tmp_path, ("md", "html"))
    assert [p.name for p in tmp_path.iterdir()] == ["ferry-returns.html"]


def test_audio_formats_follow_the_registry() -> None:
    assert {n for n, f in FORMATS.items() if f.needs_audio} == formats.AUDIO_FORMATS
    assert {"wav", "mp3", "vtt", "srt"} <= formats.AUDIO_FORMATS
    assert not {"md", "html"} & formats.AUDIO_FORMATS


def test_make_help_lists_every_registered_format() -> None:
    result = run_cli("make", "--help")
    assert result.returncode == 0, result.stderr
    text = " ".join(result.stdout.split())  # argparse wraps help lines
    for fmt in FORMATS.values():
        assert f"{fmt.name} ({fmt.description})" in text
    assert "skip audio and transcripts (wav, mp3, vtt, srt, chapters)" in text
