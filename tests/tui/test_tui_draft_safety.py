"""Drafts never lose work silently: kept elsewhere (and said) when the drafts folder fails, and a
broken draft is set aside with a message instead of crashing the editor."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest

from briefing.drafts import draft_path, drafts_dir, fallback_dir, load_draft
from briefing.tui.screens.choice import ChoiceScreen


@pytest.fixture
def own_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fallback folder inside this test's temp folder, not the machine's /tmp."""
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    return temp


def _block_drafts_folder() -> None:
    folder = drafts_dir()
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("a file where the drafts folder should be\n", encoding="utf-8")


def _asking(app, button: str) -> bool:
    """The quit question is up and its buttons are mounted (a loaded machine takes frames)."""
    return isinstance(app.screen, ChoiceScreen) and bool(app.screen.query(button))


async def _quit_keeping(app, pilot, until) -> None:
    await pilot.press("space")
    await pilot.press("ctrl+q")
    assert await until(pilot, lambda: _asking(app, "#choice-keep"))
    await pilot.click("#choice-keep")
    await until(pilot, lambda: not app.is_running or not isinstance(app.screen, ChoiceScreen))
    await pilot.pause()


async def test_keep_draft_with_an_unwritable_drafts_folder_keeps_it_elsewhere(
    make_app, ready, wait_for, own_temp: Path
) -> None:
    _block_drafts_folder()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await _quit_keeping(app, pilot, wait_for)
    assert app.return_code == 0
    kept = fallback_dir() / draft_path(app.opening.draft_key).name
    assert kept.is_file() and str(kept).startswith(str(own_temp))
    assert app.drafts.elsewhere == kept
    draft = load_draft(app.opening.draft_key)
    assert draft is not None and draft.text == app.text  # and it is offered next time


async def test_keep_draft_that_cannot_be_kept_anywhere_does_not_quit(
    make_app, ready, wait_for, own_temp: Path
) -> None:
    _block_drafts_folder()
    fallback_dir().write_text("blocked too\n", encoding="utf-8")
    # No timed autosave before quitting: had one failed already, the question rightly offers
    # no Keep; this is the case where keeping is found impossible only once it is chosen.
    app = make_app(autosave_seconds=3600)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await _quit_keeping(app, pilot, wait_for)
        assert app.is_running and not isinstance(app.screen, ChoiceScreen)
        messages = [n.message for n in app._notifications]
        assert any("Can't keep the draft" in m for m in messages)
        await pilot.press("ctrl+q")
        assert await wait_for(pilot, lambda: _asking(app, "#choice-discard"))
        await pilot.click("#choice-discard")
        await wait_for(pilot, lambda: not app.is_running)
    assert app.return_code == 0


@pytest.mark.parametrize("saved_at", ["0001-01-01T00:00:00", "not a time", 12])
async def test_a_broken_draft_is_set_aside_with_a_message(make_app, ready, saved_at) -> None:
    app = make_app()
    path = draft_path(app.opening.draft_key)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "version": 1,
        "key": app.opening.draft_key,
        "text": "# x\n",
        "stories": [],
        "saved_at": saved_at,
    }
    path.write_text(json.dumps(payload), encoding="utf-8")
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert not isinstance(app.screen, ChoiceScreen)
        messages = [n.message for n in app._notifications]
        assert any("set aside" in m for m in messages)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    assert not path.exists() and path.with_name(path.name + ".broken").is_file()
