"""The speech engine registry: lookup, lazy loading, a profile's engine, and each engine's own sample rate."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from support import SAMPLES, run_cli, wav_info

from briefing.cli import main
from briefing.errors import EngineError, VoiceError
from briefing.export import export_briefing
from briefing.models import Briefing, Story
from briefing.speech import engines
from briefing.speech.engines import ENGINES, engine_for, engine_name_for, entry_named, load_engine
from briefing.speech.fake import FakeEngine
from briefing.speech.voices import get_profile, load_profile

ARTICLE = SAMPLES / "harbour-tunnel.txt"
MISSING_HINT = "pip install 'briefing[elsewhere]'"


def _user_profile(home: Path, name: str, body: str) -> Path:
    folder = home / "config" / "voices"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.toml"
    path.write_text(body, encoding="utf-8")
    return path


@pytest.fixture
def missing_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """A registered engine whose packages are not installed, as a neural one is without its extra."""
    entry = engines.EngineEntry(
        "elsewhere", "an engine not installed here", FakeEngine, lambda: False, MISSING_HINT
    )
    monkeypatch.setitem(ENGINES, entry.name, entry)
    monkeypatch.delenv("BRIEFING_ENGINE")


def test_registry_names_each_engine_and_loads_it_on_request() -> None:
    assert {"espeak", "fake"} <= ENGINES.keys()
    assert all(e.name == name and e.description for name, e in ENGINES.items())
    fake = load_engine("fake")
    assert isinstance(fake, FakeEngine) and fake.sample_rate == 22050
    assert [v.id for v in fake.installed_voices()] == ["fake/en"]


def test_unknown_engine_is_one_line_listing_the_known_ones() -> None:
    with pytest.raises(EngineError, match=r"^unknown speech engine 'lute' \(known: espeak, .*fake"):
        entry_named("lute")
    with pytest.raises(EngineError, match="unknown speech engine 'lute'"):
        load_engine("lute")


def test_choosing_the_registry_imports_no_engine() -> None:
    code = (
        "import sys\n"
        "from briefing.speech.engines import ENGINES\n"
        "print([e.available() for e in ENGINES.values()])\n"
        "print(sorted(m for m in sys.modules if m.startswith(('pyttsx3', 'espeakng_loader',"
        " 'briefing.speech.espeak', 'briefing.speech.fake'))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out[1] == "[]"


def test_override_wins_over_the_profiles_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    voice = replace(get_profile(), engine="espeak")
    assert engine_name_for(voice) == "fake"  # conftest sets BRIEFING_ENGINE=fake
    monkeypatch.delenv("BRIEFING_ENGINE")
    assert engine_name_for(voice) == "espeak"
    assert engine_name_for(replace(voice, engine="fake")) == "fake"
    assert engine_name_for() == "espeak"


def test_profile_names_its_engine_and_an_unknown_one_is_refused(temp_home: Path) -> None:
    assert get_profile().engine == "espeak"
    _user_profile(temp_home, "tones", 'engine = "fake"\nrate = 180\n')
    assert get_profile("tones").engine == "fake"
    bad = _user_profile(temp_home, "bad", 'engine = "lute"\n')
    with pytest.raises(VoiceError) as caught:
        load_profile(bad)
    message = str(caught.value)
    assert "\n" not in message
    assert re.search(r"bad\.toml: unknown speech engine 'lute' \(known: espeak, .*fake", message)
    bad.write_text("engine = 3\n", encoding="utf-8")
    with pytest.raises(VoiceError, match=r"bad\.toml: field 'engine' must be a str"):
        load_profile(bad)


@pytest.mark.usefixtures("missing_engine")
def test_profile_whose_engine_is_missing_says_how_to_install_it(temp_home: Path) -> None:
    _user_profile(temp_home, "faraway", 'engine = "elsewhere"\n')
    voice = get_profile("faraway")
    with pytest.raises(EngineError, match=re.escape(MISSING_HINT)) as caught:
        engine_for(voice)
    assert "voice 'faraway' needs the elsewhere speech engine" in str(caught.value)


@pytest.mark.usefixtures("missing_engine")
def test_make_with_a_missing_engine_exits_1_in_one_line_and_keeps_the_markdown(
    temp_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _user_profile(temp_home, "faraway", 'engine = "elsewhere"\n')
    out = tmp_path / "out"
    code = main(
        ["make", str(ARTICLE), "--voice", "faraway", "--format", "md,wav,vtt", "--out", str(out)]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and MISSING_HINT in err and "Traceback" not in err
    assert [p.suffix for p in out.iterdir()] == [".md"]


def test_voices_json_gives_each_profile_its_engine_and_whether_it_is_installed(
    temp_home: Path,
) -> None:
    _user_profile(temp_home, "tones", 'engine = "fake"\ndescription = "test tones"\n')
    result = run_cli("voices", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    profiles = {p["name"]: p for p in data["profiles"]}
    assert {"default", "brisk", "deep", "tones"} <= profiles.keys()
    for p in profiles.values():
        assert {"name", "voice", "rate", "volume", "pitch", "description"} <= p.keys()
        assert p["engine"] in ENGINES and isinstance(p["available"], bool)
    assert profiles["tones"]["engine"] == "fake" and profiles["tones"]["available"] is True
    assert profiles["default"]["engine"] == "espeak"
    assert [e["name"] for e in data["engines"]] == list(ENGINES)
    assert data["engine_voices"] == [{"id": "fake/en", "name": "Fake English", "languages": ["en"]}]
    text = run_cli("voices")
    assert text.returncode == 0 and re.search(r"^  tones\s+fake: ", text.stdout, flags=re.M)


def _cue_ends(vtt: str) -> list[float]:
    stamps = re.findall(r"--> (\d+):(\d+):([\d.]+)$", vtt, flags=re.M)
    return [int(h) * 3600 + int(m) * 60 + float(s) for h, m, s in stamps]


def test_an_engines_own_sample_rate_reaches_the_wav_header_cues_and_mp3(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mutagen.mp3 import MP3

    rate = 16000
    fake = replace(ENGINES["fake"], load=lambda: FakeEngine(sample_rate=rate))
    monkeypatch.setitem(ENGINES, "fake", fake)
    story = Story(
        "Harbour tunnel opens",
        ("The tunnel opened on Tuesday.", "Traffic on the old bridge fell by half."),
        ("Gazette",),
    )
    briefing = Briefing("Morning", dt.date(2024, 11, 25), (story,))
    wav, mp3, vtt = export_briefing(briefing, tmp_path, ("wav", "mp3", "vtt"), voice=get_profile())
    header_rate, seconds, peak = wav_info(wav)
    assert header_rate == rate and peak > 1000
    # Fake words last 60/rate wpm each: the file's length is right only if read at 16 kHz.
    words = sum(len(s.split()) for s in story.sentences)
    assert seconds > words * 60 / get_profile().rate
    ends = _cue_ends(vtt.read_text(encoding="utf-8"))
    assert ends == sorted(ends) and abs(ends[-1] - seconds) < 0.05
    info = MP3(mp3).info
    assert info.sample_rate == rate and info.length == pytest.approx(seconds, abs=0.2)
