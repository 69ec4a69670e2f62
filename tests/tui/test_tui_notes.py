"""The export dialog's notes folder: the editor's briefing goes into a notes vault as well."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml
from textual.widgets import Input

from briefing.tui.screens.export import ExportScreen

DAY = dt.date(2025, 3, 4)
"""The day the app under test runs on (conftest fixes it)."""


async def test_export_dialog_writes_notes_into_the_vault(make_app, ready, tmp_path: Path) -> None:
    vault = tmp_path / "Vault"
    vault.mkdir()
    daily = vault / f"{DAY.isoformat()}.md"
    daily.write_text("Met Sam at noon.\n", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        app.screen.query_one("#notes", Input).value = str(vault)
        await pilot.click("#export")
        await ready(pilot)
        assert not any(n.severity == "error" for n in app._notifications)

    notes = [p for p in vault.glob("*.md") if p != daily]
    assert [p.name for p in notes] == [
        f"{DAY.isoformat()} Harbour tunnel opens six months early as city counts the cost.md"
    ]
    text = notes[0].read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("\n---\n", 1)[0][4:])
    assert meta["date"] == dt.date(2025, 3, 4) and meta["source"] == ["harbour-tunnel.txt"]
    assert "briefing" in meta["tags"] and isinstance(meta["authors"], list)
    day_text = daily.read_text(encoding="utf-8")
    assert day_text.startswith("Met Sam at noon.\n")
    (link,) = re.findall(r"- \[\[([^\]]+)\]\]", day_text)
    assert (vault / f"{link}.md") == notes[0]
