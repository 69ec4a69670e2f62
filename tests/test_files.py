"""Safe files: names from titles, atomic no-clobber writes, and state files that never stop a run."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from briefing.errors import OutputError
from briefing.files import (
    atomic_path,
    check_free,
    load_state,
    open_to_write,
    publish,
    save_state,
    slugify,
    start_writeback,
    write_bytes,
    write_json,
    write_text,
)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Harbour tunnel opens!", "harbour-tunnel-opens"),
        ("../../etc/passwd", "etc-passwd"),
        ("CON", "con-briefing"),
        ("Zürich: Café", "zürich-café"),
    ],
)
def test_slugify(title: str, expected: str) -> None:
    assert slugify(title) == expected


def test_symbol_only_titles_get_their_own_hashed_names() -> None:
    names = {slugify(title) for title in ("🎉🎉", "!!!", "???", "🎉")}
    assert len(names) == 4 and all(n.startswith("briefing-") for n in names)


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


def test_check_free_names_the_first_taken_output(tmp_path: Path) -> None:
    (tmp_path / "b.wav").write_bytes(b"old")
    with pytest.raises(OutputError, match=r"b\.wav already exists \(use --force"):
        check_free([tmp_path / "a.md", tmp_path / "b.wav"], force=False)
    check_free([tmp_path / "b.wav"], force=True)


def test_failed_write_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    with pytest.raises(RuntimeError), atomic_path(target, force=False) as tmp:
        tmp.write_text("half")
        raise RuntimeError("boom")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_replace_keeps_the_old_file_and_no_temp(tmp_path: Path) -> None:
    # A folder where the file should go: the final rename really fails.
    blocker = tmp_path / "out.bin"
    blocker.mkdir()
    (blocker / "inside").write_text("keep")
    with pytest.raises(OutputError, match=r"out\.bin: can't write"):
        write_bytes(blocker, b"\x00\x01", force=True)
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]
    assert (blocker / "inside").read_text() == "keep"


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


def test_write_bytes_and_json_create_missing_folders(tmp_path: Path) -> None:
    data = write_bytes(tmp_path / "x" / "y" / "data.bin", b"\xff\x00")
    assert data.read_bytes() == b"\xff\x00"
    doc = write_json(tmp_path / "x" / "doc.json", {"title": "Zürich"})
    assert "Zürich" in doc.read_text(encoding="utf-8")  # readable, not \\u escapes
    assert json.loads(doc.read_text(encoding="utf-8")) == {"title": "Zürich"}


def test_publish_keeps_the_source_and_refuses_to_clobber(tmp_path: Path) -> None:
    source = tmp_path / "render.part"
    source.write_bytes(b"RIFF....")
    published = publish(source, tmp_path / "out.wav")
    assert published.read_bytes() == source.read_bytes() == b"RIFF...."
    with pytest.raises(OutputError, match="already exists"):
        publish(source, published)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.wav", "render.part"]


@pytest.mark.parametrize("content", ["{not json", "", "[1, 2]", "\udcff"])
def test_a_corrupt_or_foreign_state_file_gives_the_default(tmp_path: Path, content: str) -> None:
    path = tmp_path / "state.json"
    path.write_text(content, encoding="utf-8", errors="surrogateescape")
    assert load_state(path, {"kept": 1}) == {"kept": 1}


def test_a_missing_state_file_gives_the_default(tmp_path: Path) -> None:
    assert load_state(tmp_path / "nowhere" / "state.json", []) == []


def test_state_round_trips_and_replaces_the_old_one(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "state.json"
    assert save_state(path, {"a": 1})
    assert save_state(path, {"b": [2, 3]})
    assert load_state(path, {}) == {"b": [2, 3]}
    assert [p.name for p in path.parent.iterdir()] == ["state.json"]


def test_saving_state_where_it_cant_go_only_returns_false(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    assert save_state(not_a_folder / "state.json", {"a": 1}) is False
    assert [p.name for p in tmp_path.iterdir()] == ["file"]


def test_open_to_write_writes_from_the_start_and_cuts_only_where_told(tmp_path: Path) -> None:
    path = tmp_path / "out.wav"
    path.write_bytes(b"x" * 100)
    with open_to_write(path) as f:
        f.write(b"abc")
        assert path.stat().st_size == 100  # never truncated on opening
        f.truncate()
        start_writeback(f, 0, 3)  # only starts the disk write: the content is as written
    assert path.read_bytes() == b"abc"
    new = tmp_path / "new.wav"
    with open_to_write(new, buffering=0) as f:
        f.write(b"fresh")
    assert new.read_bytes() == b"fresh"
