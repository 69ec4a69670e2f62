"""Export: safe names, atomic no-clobber writes, and every format of a briefing."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from support import wav_info

from briefing.errors import EngineError, OutputError
from briefing.export import atomic_path, export_briefing, parse_formats, slugify, write_text
from briefing.models import Briefing, Story
from briefing.render import split_front_matter
from briefing.speech.voices import get_profile

DAY = dt.date(2026, 11, 25)


def _briefing(title: str = "Harbour tunnel opens") -> Briefing:
    story = Story(title, ("The tunnel opened on Tuesday.", "Traffic fell."), ("a.txt",), "lead")
    return Briefing(title, DAY, (story,))


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Harbour tunnel opens!", "harbour-tunnel-opens"),
        ("../../etc/passwd", "etc-passwd"),
        ("CON", "con-briefing"),
        ("🎉🎉", "briefing"),
        ("Zürich: Café", "zürich-café"),
    ],
)
def test_slugify(title: str, expected: str) -> None:
    assert slugify(title) == expected


def test_slug_is_short_and_cut_at_a_word() -> None:
    slug = slugify("word " * 100)
    assert len(slug) <= 80 and not slug.endswith("-") and slug.endswith("word")


def test_write_text_refuses_to_overwrite(tmp_path: Path) -> None:
    path = write_text(tmp_path / "a.md", "one")
    with pytest.raises(OutputError, match="already exists"):
        write_text(path, "two")
    assert path.read_text() == "one"
    write_text(path, "three", force=True)
    assert path.read_text() == "three"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def test_failed_write_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    with pytest.raises(RuntimeError), atomic_path(target, force=False) as tmp:
        tmp.write_text("half")
        raise RuntimeError("boom")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="permission denied"):
            write_text(folder / "a.md", "x")
    finally:
        folder.chmod(0o700)


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
