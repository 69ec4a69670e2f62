"""The pronunciation lexicon: shipped entries, profile and user overrides, errors users can fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.errors import VoiceError
from briefing.speech.lexicon import load_lexicon, parse_lexicon, read_lexicon, shipped_lexicon
from briefing.speech.script import spoken_text
from briefing.speech.voices import get_profile, load_profile


def test_shipped_lexicon_spells_initialisms_and_says_acronyms() -> None:
    lexicon = shipped_lexicon()
    assert lexicon.lookup("FBI") == "F.B.I."
    assert lexicon.lookup("CEOs") == "C.E.O.'s"
    assert lexicon.lookup("NATO") == "Nato"
    assert len(lexicon) > 200


def test_user_file_overrides_the_shipped_lexicon(temp_home: Path) -> None:
    user = temp_home / "config" / "lexicon.toml"
    user.parent.mkdir(parents=True)
    user.write_text('say = ["FBI"]\n[words]\n"Kyiv" = "Keev"\n', encoding="utf-8")
    lexicon = load_lexicon()
    assert lexicon.lookup("FBI") == "Fbi"
    assert lexicon.lookup("Kyiv") == "Keev"


def test_voice_profile_lexicon_applies_to_script_text(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('voice = "en-us"\n[lexicon]\nwords = { "Nguyen" = "Win" }\n', encoding="utf-8")
    profile = load_profile(path)
    assert spoken_text("Mr. Nguyen won.", profile) == "Mister Win won."
    assert spoken_text("Mr. Nguyen won.", get_profile()) == "Mister Nguyen won."


def test_user_file_wins_over_the_profile(temp_home: Path, tmp_path: Path) -> None:
    user = temp_home / "config" / "lexicon.toml"
    user.parent.mkdir(parents=True)
    user.write_text('[words]\n"Nguyen" = "Nwin"\n', encoding="utf-8")
    path = tmp_path / "mine.toml"
    path.write_text('[lexicon]\nwords = { "Nguyen" = "Win" }\n', encoding="utf-8")
    assert spoken_text("Nguyen", load_profile(path)) == "Nwin"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("spell = 'FBI'", "'spell' must be a list"),
        ("[words]\nFBI = 3", r"\[words\] must map"),
        ("speak = []", "unknown lexicon key"),
        ("spell = [", "invalid TOML"),
    ],
)
def test_bad_lexicon_files_name_the_file_and_the_problem(
    tmp_path: Path, text: str, problem: str
) -> None:
    path = tmp_path / "lexicon.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(VoiceError, match=problem) as info:
        read_lexicon(path)
    assert str(path) in str(info.value)


def test_parse_builds_plurals_and_possessives() -> None:
    lexicon = parse_lexicon({"spell": ["IMF"]}, "test")
    assert lexicon.lookup("IMF's") == "I.M.F.'s"
    assert lexicon.lookup("IMFs") == "I.M.F.'s"
