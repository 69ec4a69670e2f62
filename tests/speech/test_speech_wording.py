"""The wrapper words in one place (speech.wording) and the voice chosen for a language."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from briefing.assemble import programme_from
from briefing.models import Story, VoiceProfile
from briefing.programme import programme_sections
from briefing.speech.engine import EngineVoice
from briefing.speech.voices import voice_speaking
from briefing.speech.wording import (
    ENGLISH,
    brief_title,
    credit_sentence,
    intro_for,
    transition,
    wording_for,
)

DAY = dt.date(2025, 3, 4)
STORIES = (
    Story(
        "Bridge",
        ("It opened.",),
        ("Gazette <https://g.example/a>", "Valley Times <https://www.v.example/b>"),
    ),
    Story("Library", ("It reopened.",), ("notes/library.md",)),
)


def test_english_is_the_wording_of_english_and_of_languages_without_templates() -> None:
    assert wording_for("english") is ENGLISH and wording_for("en") is ENGLISH
    assert wording_for("swedish") is ENGLISH  # no voices/wording/sv.toml
    assert brief_title(DAY) == "Briefing for Tuesday, March 4, 2025"
    assert credit_sentence(STORIES[0]) == "From Gazette and Valley Times."


def test_another_wording_changes_every_wrapper_line_of_a_brief() -> None:
    plain = replace(
        ENGLISH,
        intro="Today, {date}: {count} {noun}.",
        outro="Bye.",
        first="One: ",
        last="Two: ",
        credit="Via {names}.",
        list_last=" & ",
        counts=("zero", "uno", "dos"),
    )
    brief = programme_from(STORIES, day=DAY, wording=plain)
    assert brief.intro == "Today, Tuesday, March 4, 2025: dos stories."
    assert brief.outro == "Bye."
    said = [s for _, sentences in programme_sections(brief, plain) for s in sentences]
    assert "One: Bridge." in said and "Two: Library." in said
    assert "Via Gazette & Valley Times." in said
    assert intro_for(DAY, 1, plain).endswith("uno story.")
    assert transition(2, 4, plain) == ENGLISH.middle[1]


PROFILE = VoiceProfile("default", voice="en-us")
INSTALLED = [
    EngineVoice("gmw/en-US", "English", ("en-us",)),
    EngineVoice("gmw/de", "German", ("de",)),
]


def _never() -> list[EngineVoice]:
    raise AssertionError("the engine should not be asked")


def test_english_keeps_the_profile_without_asking_the_engine() -> None:
    assert voice_speaking(PROFILE, "english", installed=_never) == (PROFILE, None)
    assert voice_speaking(PROFILE, "en", installed=_never) == (PROFILE, None)


def test_a_language_by_name_or_code_switches_the_engine_voice_and_keeps_the_pace() -> None:
    for language in ("german", "de"):
        chosen, warning = voice_speaking(PROFILE, language, installed=lambda: INSTALLED)
        assert (chosen.voice, chosen.rate, chosen.language, warning) == (
            "gmw/de",
            PROFILE.rate,
            "de",
            None,
        )


def test_a_missing_language_keeps_the_voice_with_a_warning() -> None:
    chosen, warning = voice_speaking(PROFILE, "fr", installed=lambda: INSTALLED)
    assert chosen.voice == PROFILE.voice
    assert warning is not None and "french" in warning
