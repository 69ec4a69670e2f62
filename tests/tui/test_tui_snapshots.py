"""Snapshots of the editor's main states at small (80x24), medium and wide (200x50) sizes.

Deterministic: a fixed date, the fake speech engine, a fresh home (no draft) per test.
Update after a deliberate change with `pytest tests/tui --snapshot-update` and look at them.
"""

from __future__ import annotations

import datetime as dt

from briefing.drafts import Draft, DraftStory, save_draft

TUNNEL = "samples/harbour-tunnel.txt"
GARDEN = "samples/community-garden.md"
SMALL, MEDIUM, WIDE = (80, 24), (120, 36), (200, 50)


def test_start_small(snap_compare, make_app, ready) -> None:
    assert snap_compare(make_app(), terminal_size=SMALL, run_before=ready)


def test_start_wide_with_preview(snap_compare, make_app, ready) -> None:
    assert snap_compare(make_app(), terminal_size=WIDE, run_before=ready)


def test_edited_and_toggled_medium(snap_compare, make_app, ready) -> None:
    async def edit(pilot) -> None:
        await ready(pilot)
        app = pilot.app
        app.sentence_list.highlight_sentence(7)
        await pilot.press("space")
        row = app.editor.text.splitlines().index(app.entries[0].sentences[1])
        app.editor.replace("Mayor Elena", (row, 0), (row, len("Mayor Elena Ruiz")))
        app.sentence_list.highlight_sentence(5)
        await ready(pilot)

    assert snap_compare(make_app(), terminal_size=MEDIUM, run_before=edit)


def test_export_dialog_small(snap_compare, make_app, ready) -> None:
    async def export(pilot) -> None:
        await ready(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()

    app = make_app(out=None)
    assert snap_compare(app, terminal_size=SMALL, run_before=export)


def test_quit_guard_small(snap_compare, make_app, ready) -> None:
    async def quit_with_changes(pilot) -> None:
        await ready(pilot)
        await pilot.press("space", "ctrl+q")
        await ready(pilot)

    assert snap_compare(make_app(), terminal_size=SMALL, run_before=quit_with_changes)


def test_help_medium(snap_compare, make_app, ready) -> None:
    async def help_screen(pilot) -> None:
        await ready(pilot)
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=MEDIUM, run_before=help_screen)


def test_several_articles_medium(snap_compare, make_app, ready) -> None:
    app = make_app(TUNNEL, GARDEN, method="lead", sentences=2)
    assert snap_compare(app, terminal_size=MEDIUM, run_before=ready)


def test_light_theme_with_preview_small(snap_compare, make_app, ready) -> None:
    async def light_preview(pilot) -> None:
        await ready(pilot)
        await pilot.press("ctrl+t", "f2")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SMALL, run_before=light_preview)


def test_draft_offer_small(snap_compare, make_app, ready) -> None:
    app = make_app()
    story = DraftStory(TUNNEL, "lexrank", {"sentences": 5}, (0, 1))
    text = "# Harbour tunnel opens six months early as city counts the cost\n\nA draft.\n"
    saved_at = dt.datetime(2025, 3, 4, 9, 30)  # naive: shown the same in any time zone
    save_draft(Draft(app.opening.draft_key, text, (story,), saved_at=saved_at))

    async def offered(pilot) -> None:
        await pilot.pause()

    assert snap_compare(app, terminal_size=SMALL, run_before=offered)


def _focused(selector: str, ready):
    """Focus one pane and let the footer follow it (on the next refresh)."""

    async def focus(pilot) -> None:
        await ready(pilot)
        if selector == "#preview-pane":
            await pilot.press("f2")
        pilot.app.query_one(selector).focus()
        await ready(pilot)
        await pilot.pause(0.2)

    return focus


def test_footer_80_articles_focused(snap_compare, make_app, ready) -> None:
    app = make_app(TUNNEL, GARDEN)
    assert snap_compare(app, terminal_size=SMALL, run_before=_focused("#articles", ready))


def test_footer_80_sentences_focused(snap_compare, make_app, ready) -> None:
    app = make_app(TUNNEL, GARDEN)
    assert snap_compare(app, terminal_size=SMALL, run_before=_focused("#sentences", ready))


def test_footer_80_summary_controls_focused(snap_compare, make_app, ready) -> None:
    app = make_app()
    assert snap_compare(app, terminal_size=SMALL, run_before=_focused("#length", ready))


def test_footer_80_editor_focused(snap_compare, make_app, ready) -> None:
    app = make_app()
    assert snap_compare(app, terminal_size=SMALL, run_before=_focused("#editor", ready))


def test_footer_80_voice_controls_focused(snap_compare, make_app, ready) -> None:
    app = make_app()
    assert snap_compare(app, terminal_size=SMALL, run_before=_focused("#rate", ready))


def test_footer_80_preview_focused(snap_compare, make_app, ready) -> None:
    app = make_app()
    assert snap_compare(app, terminal_size=SMALL, run_before=_focused("#preview-pane", ready))
