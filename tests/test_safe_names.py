"""Output names in one run: reserved before writing, never one file written over another."""

from __future__ import annotations

import json
from pathlib import Path

from support import run_cli

from briefing.naming import unique_stems

BODY = (
    "The ferry across the bay ran late on Monday after a storm. "
    "Crews worked through the night to clear the pier. "
    "Passengers were offered tea and a later sailing.\n"
)


def _article(folder: Path, name: str, title: str) -> Path:
    path = folder / name
    path.write_text(f"{title}\n\n{BODY}", encoding="utf-8")
    return path


def test_a_numbered_name_never_lands_on_a_title_that_ends_in_a_number() -> None:
    assert unique_stems(["harbour", "harbour", "harbour-2"]) == [
        "harbour",
        "harbour-3",
        "harbour-2",
    ]
    assert unique_stems(["a", "a", "a", "a-3"]) == ["a", "a-2", "a-4", "a-3"]
    assert unique_stems(["a", "a"], taken=["a-2"]) == ["a", "a-3"]


def test_make_writes_one_file_per_input_even_with_clashing_titles(tmp_path: Path) -> None:
    inputs = [
        _article(tmp_path, "a.txt", "Harbour"),
        _article(tmp_path, "b.txt", "Harbour"),
        _article(tmp_path, "c.txt", "Harbour 2"),
    ]
    out = tmp_path / "out"
    for force in ([], ["--force"]):
        result = run_cli(
            "make", *map(str, inputs), "--no-audio", "--out", str(out), "--json", *force
        )
        if not force:
            assert result.returncode == 0, result.stderr
            files = json.loads(result.stdout)["files"]
            assert len(files) == len(set(files)) == 3
            sources = sorted(
                Path(f).read_text(encoding="utf-8").split('source: "', 1)[1].split('"')[0]
                for f in files
            )
            assert sources == sorted(map(str, inputs))
        else:
            assert result.returncode == 0, result.stderr
            again = json.loads(result.stdout)["files"]
            assert sorted(again) == sorted(files)


def test_make_without_force_refuses_before_writing_anything(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "harbour-2.md").write_text("mine\n", encoding="utf-8")
    inputs = [_article(tmp_path, n, t) for n, t in (("a.txt", "Harbour"), ("b.txt", "Harbour 2"))]
    result = run_cli("make", *map(str, inputs), "--no-audio", "--out", str(out))
    assert result.returncode == 1
    assert "harbour-2.md already exists" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["harbour-2.md"]


def test_an_empty_out_is_bad_usage(tmp_path: Path) -> None:
    source = _article(tmp_path, "a.txt", "Harbour")
    result = run_cli("make", str(source), "--no-audio", "--out", "", cwd=tmp_path)
    assert result.returncode == 2
    assert "--out" in result.stderr and "Traceback" not in result.stderr
    assert not list(tmp_path.glob("*.md"))
