"""Numbers and templates from files are checked: a damaged state file or a wild setting is a
one-line message or quietly forgotten, never a crash, a hang or all the memory."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from support import SAMPLES, run_cli

from briefing.daily.budget import Rates
from briefing.daily.sources import Item
from briefing.daily.stories import Seen, in_window, parse_since
from briefing.errors import VoiceError
from briefing.models import VoiceProfile
from briefing.speech.voices import load_profile

NOW = dt.datetime(2025, 3, 4, 7, 0, tzinfo=dt.UTC)


def _home() -> Path:
    return Path(os.environ["BRIEFING_HOME"])


def test_damaged_learned_rates_are_forgotten(tmp_path: Path) -> None:
    path = tmp_path / "rates.json"
    path.write_text('{"fake:x:150": NaN, "fake:y:150": Infinity, "fake:z:150": 0}', "utf-8")
    rates = Rates(path)
    voice = VoiceProfile("t", voice="x", rate=150)
    assert rates.wpm("fake", voice) == 150.0 and not rates.known("fake", voice)


def test_a_daily_run_with_nan_rates_still_briefs(tmp_path: Path) -> None:
    state = _home() / "state"
    state.mkdir(parents=True, exist_ok=True)
    (state / "rates.json").write_text('{"fake:default:175": NaN}', encoding="utf-8")
    result = run_cli("daily", str(SAMPLES / "harbour-tunnel.txt"), "--out", str(tmp_path / "o"))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "setting",
    [
        "minutes = inf",
        "minutes = nan",
        "words = 99999999999",
        "max_stories = 100000000",
        'since = "99999999999999h"',
    ],
)
def test_wild_numbers_in_the_config_are_one_line(tmp_path: Path, setting: str) -> None:
    config = tmp_path / "daily.toml"
    config.write_text(f'feeds = ["{SAMPLES / "harbour-tunnel.txt"}"]\n{setting}\n', "utf-8")
    result = run_cli("daily", "--config", str(config), "--out", str(tmp_path / "o"))
    assert result.returncode in (1, 2)
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize(
    "template", ["{title:>999999999999}", "{date.__class__}", "{date!r}", "{count[0]}"]
)
def test_voice_templates_take_plain_fields_only(tmp_path: Path, template: str) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(f'intro = "{template}"\n', encoding="utf-8")
    with pytest.raises(VoiceError, match="bad template"):
        load_profile(path)


def test_a_plain_template_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('intro = "Good morning, this is {title}."\n', encoding="utf-8")
    assert load_profile(path).intro == "Good morning, this is {title}."


def test_an_item_dated_in_the_future_is_new_only_once(tmp_path: Path) -> None:
    item = Item(
        title="Tram",
        link="",
        feed="F",
        origin="f.xml",
        published=dt.datetime(2099, 1, 1, tzinfo=dt.UTC),
        text="The tram runs.",
        key="tram",
    )
    since = dt.timedelta(hours=24)
    seen = Seen(tmp_path / "seen.json")
    kept, _ = in_window([item], NOW - since, NOW, seen)
    seen.save(NOW)
    assert kept == [item]
    later = NOW + dt.timedelta(days=3)
    kept, old = in_window([item], later - since, later, Seen(tmp_path / "seen.json"))
    assert kept == [] and len(old) == 1


def test_a_window_too_long_to_count_is_refused() -> None:
    with pytest.raises(ValueError, match="longer than"):
        parse_since("99999999999999h")
