"""Opening inputs for the editor: articles, an exported briefing to reopen, and bad inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.errors import InputError, UsageError
from briefing.summarize.length import Length
from briefing.tui.session import open_inputs, place_of

LENGTH = Length(sentences=3)


def test_articles_open_as_entries_with_a_stable_draft_key() -> None:
    opening = open_inputs(
        ["samples/harbour-tunnel.txt", "samples/community-garden.md"], method="lead", length=LENGTH
    )
    assert [e.headline for e in opening.entries] == [
        "Harbour tunnel opens six months early as city counts the cost",
        "Rooftop gardens feed a neighbourhood through a dry summer",
    ]
    assert opening.text is None
    again = open_inputs(
        ["samples/community-garden.md", "samples/harbour-tunnel.txt"], method="lead", length=LENGTH
    )
    assert again.draft_key == opening.draft_key  # the same articles, in any order
    assert place_of(opening.entries, 1).headline == opening.entries[1].headline


def test_an_exported_briefing_reopens_with_its_selection(tmp_path: Path, cli) -> None:
    result = cli(
        "make",
        "samples/harbour-tunnel.txt",
        "--no-audio",
        "-n",
        "3",
        "--method",
        "lead",
        "--out",
        str(tmp_path),
        cwd=Path.cwd(),
    )
    assert result.returncode == 0, result.stderr
    exported = result.stdout.strip()
    opening = open_inputs([exported], method="lexrank", length=LENGTH)
    assert opening.path == Path(exported).resolve()
    assert opening.text == Path(exported).read_text(encoding="utf-8")
    (entry,) = opening.entries
    assert entry.article is not None and entry.method == "lead"
    assert entry.selected == {0, 1, 2}


def test_a_briefing_whose_source_is_gone_still_opens_for_hand_editing(tmp_path: Path) -> None:
    md = tmp_path / "b.md"
    md.write_text(
        '---\ntitle: "T"\nmethod: "lead"\n---\n\n# T\n\nOne line.\n\nSource: gone.txt\n',
        encoding="utf-8",
    )
    (entry,) = open_inputs([str(md)], method="lexrank", length=LENGTH).entries
    assert entry.article is None and entry.sentences == ()


def test_bad_inputs_are_input_errors_naming_the_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.txt: no such file"):
        open_inputs([str(tmp_path / "missing.txt")], method="lead", length=LENGTH)
    empty = tmp_path / "empty.md"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        open_inputs([str(empty)], method="lead", length=LENGTH)


def test_a_briefing_can_not_be_mixed_with_articles(tmp_path: Path) -> None:
    md = tmp_path / "b.md"
    md.write_text('---\ntitle: "T"\nmethod: "lead"\n---\n\n# T\n\nOne.\n', encoding="utf-8")
    with pytest.raises(UsageError):
        open_inputs([str(md), "samples/harbour-tunnel.txt"], method="lead", length=LENGTH)
    with pytest.raises(UsageError):
        open_inputs(["-", "-"], method="lead", length=LENGTH)
