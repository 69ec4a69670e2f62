"""A killed editor loses at most a few seconds of typing: the next start offers the draft."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from briefing.drafts import draft_path
from briefing.tui.screens.choice import ChoiceScreen

TUNNEL = "samples/harbour-tunnel.txt"
TYPED = " (typed just before the crash)"

CHILD = f"""
import asyncio, datetime as dt, sys
from pathlib import Path
from briefing.summarize.length import Length
from briefing.tui.app import BriefingApp
from briefing.tui.session import open_inputs

KEYS = {{" ": "space", "(": "left_parenthesis", ")": "right_parenthesis"}}

async def main():
    opening = open_inputs([sys.argv[2]], method="lexrank", length=Length(sentences=5))
    app = BriefingApp(opening, out=Path(sys.argv[1]), day=dt.date(2025, 3, 4), player=None,
                      autosave_seconds=0.2)
    async with app.run_test(size=(100, 30)) as pilot:
        while not app.text_ready:
            await pilot.pause(0.05)
        app.editor.focus()
        app.editor.move_cursor((0, len(app.editor.text.splitlines()[0])))
        await pilot.press(*[KEYS.get(c, c) for c in {TYPED!r}])
        print(opening.draft_key, flush=True)
        await asyncio.sleep(3600)  # until killed

asyncio.run(main())
"""


def _wait_for_draft(path: Path, text: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if text in json.loads(path.read_text(encoding="utf-8"))["text"]:
                return
        except (OSError, ValueError, KeyError):
            pass
        time.sleep(0.05)
    raise AssertionError(f"no draft with the typed text at {path}")


async def test_a_draft_survives_kill_9_and_is_offered_on_restart(make_app, ready, tmp_path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(tmp_path / "out"), str(Path(TUNNEL).resolve())],
        cwd=tmp_path,  # not the source tree: the installed package is the one under test
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    try:
        assert child.stdout is not None
        key = child.stdout.readline().strip()
        assert key, child.stderr.read() if child.stderr else ""
        _wait_for_draft(draft_path(key), TYPED)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    app = make_app(TUNNEL)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert "autosaved" in app.screen.message
        await pilot.press("enter")  # Restore
        await ready(pilot)
        first = app.editor.text.splitlines()[0]
        assert first == "# Harbour tunnel opens six months early as city counts the cost" + TYPED
        assert app.dirty
