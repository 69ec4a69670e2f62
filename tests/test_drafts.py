"""Drafts: saved atomically under the state folder, read back whole, unreadable ones ignored."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.drafts import (
    Draft,
    DraftStory,
    discard_draft,
    draft_path,
    drafts_dir,
    load_draft,
    save_draft,
)

KEY = "0123456789abcdef0123"


def _draft(text: str = "# Title\n\nEdited ✓ “quoted”.\n") -> Draft:
    story = DraftStory("samples/a.txt", "lead", {"sentences": 3}, (0, 2, 5))
    return Draft(key=KEY, text=text, stories=(story,), voice="brisk", rate=180)


def test_a_saved_draft_reads_back_the_same(temp_home: Path) -> None:
    draft = _draft()
    path = save_draft(draft)
    assert path.parent == drafts_dir() and str(path).startswith(str(temp_home))
    loaded = load_draft(KEY)
    assert loaded is not None
    assert loaded.same_as(draft)
    assert loaded.text == draft.text and loaded.stories == draft.stories


def test_saving_again_replaces_the_draft_and_leaves_no_temporary_files() -> None:
    save_draft(_draft("first"))
    save_draft(_draft("second"))
    assert load_draft(KEY).text == "second"  # type: ignore[union-attr]
    assert [p.name for p in drafts_dir().iterdir()] == [f"{KEY}.json"]


def test_missing_or_broken_drafts_are_none() -> None:
    assert load_draft(KEY) is None
    drafts_dir().mkdir(parents=True)
    draft_path(KEY).write_text("{not json", encoding="utf-8")
    assert load_draft(KEY) is None


def test_discard_forgets_the_draft() -> None:
    save_draft(_draft())
    discard_draft(KEY)
    discard_draft(KEY)  # twice is fine
    assert load_draft(KEY) is None


def test_keys_can_not_reach_outside_the_drafts_folder() -> None:
    with pytest.raises(ValueError):
        draft_path("../../etc/passwd")
