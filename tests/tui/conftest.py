"""Builders for the Textual app under test: fixed date, fake engine, no audio player, temp output."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.worker import WorkerCancelled, WorkerFailed

REPO = Path(__file__).resolve().parents[2]
DAY = dt.date(2025, 3, 4)
TUNNEL = "samples/harbour-tunnel.txt"
GARDEN = "samples/community-garden.md"


@pytest.fixture(autouse=True)
def in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    """Inputs are opened by relative path, as a user types them, so sources read the same."""
    monkeypatch.chdir(REPO)


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    return tmp_path / "out"


@pytest.fixture
def make_app(out_dir: Path) -> Callable[..., object]:
    """Build a BriefingApp over some inputs the way `briefing edit` does."""

    def build(*inputs: str, method: str = "lexrank", sentences: int = 5, **options: object):
        from briefing.speech.voices import get_profile
        from briefing.summarize.length import Length
        from briefing.tui.app import BriefingApp
        from briefing.tui.session import open_inputs

        opening = open_inputs(
            list(inputs or (TUNNEL,)), method=method, length=Length(sentences=sentences)
        )
        settings: dict[str, object] = {
            "out": out_dir,
            "voice": get_profile("default"),
            "day": DAY,
            "player": None,
        }
        settings.update(options)
        app = BriefingApp(opening, **settings)  # type: ignore[arg-type]
        app.refresh_seconds = 0.02  # the same refresh, sooner: tests wait less
        return app

    return build


async def settle(pilot: Pilot) -> None:
    """Wait until the workers are done and the screen has caught up (the delayed refresh too)."""
    app = pilot.app
    for _ in range(100):
        busy = [
            w
            for w in app.workers
            if (w._thread_worker or w.group == "preview") and not w.is_finished
        ]
        for worker in busy:
            with contextlib.suppress(WorkerCancelled, WorkerFailed):
                await worker.wait()
        await pilot.pause()
        if not busy and getattr(app, "_refresh_timer", None) is None:
            return
        await pilot.pause(0.05)


@pytest.fixture
def ready() -> Callable[[Pilot], object]:
    return settle


async def until(pilot: Pilot, condition: Callable[[], bool], seconds: float = 10.0) -> bool:
    """Wait (in small steps, at most `seconds`) until `condition()` holds; whether it did.

    A loaded machine (the suite runs on both cores) can take several frames to
    push a screen, so a test waits for what it expects instead of one pause.
    """
    for _ in range(round(seconds / 0.05)):
        if condition():
            return True
        await pilot.pause(0.05)
    return condition()


@pytest.fixture
def wait_for() -> Callable[..., object]:
    return until
