"""The editor's voice picker offers the natural voice, and listening renders with it in the background."""

from __future__ import annotations

import datetime as dt
import wave
from importlib.util import find_spec
from pathlib import Path

import pytest
from support import SAMPLES
from textual.pilot import Pilot
from textual.widgets import Select

from briefing import locations
from briefing.speech import piper

INSTALLED = find_spec("onnxruntime") is not None and bool(piper.installed_models())


def _app(out: Path):  # type: ignore[no-untyped-def]
    from briefing.speech.voices import get_profile
    from briefing.summarize.length import Length
    from briefing.tui.app import BriefingApp
    from briefing.tui.session import open_inputs

    opening = open_inputs(
        [str(SAMPLES / "harbour-tunnel.txt")], method="lexrank", length=Length(sentences=2)
    )
    return BriefingApp(
        opening, out=out, voice=get_profile("default"), day=dt.date(2025, 3, 4), player=None
    )


async def _until_idle(pilot: Pilot) -> None:
    """Wait for the app's background workers (rendering runs in one) to finish, twice in a row."""
    idle = 0
    for _ in range(600):
        await pilot.pause(0.1)
        idle = idle + 1 if all(w.is_finished for w in pilot.app.workers) else 0
        if idle >= 3 and pilot.app.query("#voice"):
            return


async def test_the_voice_picker_offers_natural(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _until_idle(pilot)
        picker = app.query_one("#voice", Select)
        offered = {str(value) for _, value in picker._options}
        assert {"default", "natural"} <= offered
        picker.value = "natural"
        await pilot.pause()
        assert picker.value == "natural"


@pytest.mark.skipif(not INSTALLED, reason="the natural extra is not installed")
@pytest.mark.real_engine
async def test_listening_with_natural_renders_the_piper_voice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BRIEFING_ENGINE")
    spoken: list[str] = []
    original = piper.PiperEngine.synthesize

    def spy(self, text, voice, sink):  # type: ignore[no-untyped-def]
        spoken.append(text)
        return original(self, text, voice, sink)

    monkeypatch.setattr(piper.PiperEngine, "synthesize", spy)
    app = _app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _until_idle(pilot)
        app.query_one("#voice", Select).value = "natural"
        await pilot.pause()
        await pilot.press("ctrl+l")
        await _until_idle(pilot)
        wav = locations.state_dir() / "listen" / f"{app.opening.draft_key}.wav"
        with wave.open(str(wav)) as audio:
            assert audio.getframerate() == piper.SAMPLE_RATE
            assert audio.getnframes() / audio.getframerate() > 10
    assert len(spoken) >= 3 and any("tunnel" in text.lower() for text in spoken)
