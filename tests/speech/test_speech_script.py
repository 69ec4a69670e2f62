"""The speech script: chapters, offsets, intro/outro templates, pauses, and voice profile fields."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from briefing.errors import VoiceError
from briefing.models import Briefing, Story, VoiceProfile
from briefing.speech.script import article_script, build_script, programme_script, speech_script
from briefing.speech.voices import all_profiles, get_profile, load_profile


def _briefing(stories: int = 2) -> Briefing:
    return Briefing(
        title="Morning news",
        date=dt.date(2024, 11, 27),
        stories=tuple(
            Story(f"Story {n}", (f"It cost $1.{n}bn.", "Gen. Milley spoke."), (f"s{n}.txt",))
            for n in range(1, stories + 1)
        ),
    )


def test_script_has_a_chapter_for_the_title_and_each_story() -> None:
    script = build_script(_briefing(), get_profile())
    assert [c.title for c in script.chapters] == ["Morning news", "Story 1", "Story 2"]
    assert script.segments[0].written == "Here is your briefing for Wednesday, November 27th."
    assert (
        script.segments[0].spoken == "Here is your briefing for Wednesday, November twenty-seventh."
    )
    assert script.segments[-1].chapter == 2  # the outro joins the last story


def test_offsets_point_into_the_text() -> None:
    script = build_script(_briefing(3), get_profile())
    for segment in script.segments:
        assert script.text[segment.offset : segment.offset + len(segment.spoken)] == segment.spoken
    assert "one point two billion dollars" in script.text
    assert "\n\n" in script.text


def test_pauses_follow_the_title_and_each_story_but_the_last() -> None:
    voice = VoiceProfile("x", title_pause=0.5, story_pause=2.0)
    script = build_script(_briefing(2), voice)
    pauses = [(s.chapter, s.pause_after) for s in script.segments if s.pause_after]
    assert pauses == [(0, 0.5), (1, 2.0)]


def test_no_intro_or_outro_without_a_profile() -> None:
    text = speech_script(_briefing(1))
    assert text.startswith("Morning news.\n")
    assert "briefing for" not in text


def test_profiles_ship_pitch_pauses_and_templates() -> None:
    profiles = {p.name: p for p in all_profiles()}
    assert {"default", "brisk", "deep"} <= set(profiles)
    deep = profiles["deep"]
    assert deep.pitch == 30 and deep.title_pause == 1.0 and deep.story_pause == 1.6
    assert "{date}" in profiles["default"].intro


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ('intro = "Hello {nope}"', "bad template"),
        ("[pauses]\nafter_title = -1", "between 0 and"),
        ("[pauses]\nbetween = 1", "unknown pause"),
        ('[pauses]\nafter_title = "long"', "number of seconds"),
    ],
)
def test_bad_profile_fields_are_refused(tmp_path: Path, body: str, problem: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(body + "\n", encoding="utf-8")
    with pytest.raises(VoiceError, match=problem):
        load_profile(path)


def test_other_languages_are_read_by_their_own_rules_or_left_to_the_engine() -> None:
    french = VoiceProfile("fr", voice="roa/fr", language="fr")
    story = Story("Le pont", ("Il coûte 5 € — « cher ».",), ("x",))
    briefing = Briefing("Le pont", dt.date(2024, 1, 2), (story,), language="french")
    text = build_script(briefing, french).text
    assert "cinq euros" in text and "—" not in text and "five" not in text
    swedish = VoiceProfile("sv", voice="gmq/sv", language="sv")
    bridge = Story("Bron", ("Den kostar 5 kr — «dyr».",), ("x",))
    text = build_script(
        Briefing("Bron", dt.date(2024, 1, 2), (bridge,), language="swedish"), swedish
    ).text
    assert "5 kr" in text and "—" not in text and "five" not in text


def test_a_title_cut_from_the_first_sentence_is_not_read_aloud() -> None:
    first = "A man who walked across the country for charity reached the coast on Monday."
    story = Story(
        "A man who walked across the country for…", (first, "He raised money."), ("a.txt",)
    )
    briefing = Briefing(story.headline, dt.date(2026, 11, 25), (story,))
    script = build_script(briefing)
    assert "for." not in script.text and "for…" not in script.text
    assert script.text.count("walked across the country") == 1
    assert [c.title for c in script.chapters] == [story.headline]
    assert {s.chapter for s in script.segments} == {0}


def test_a_daily_brief_speaks_its_own_wrapper_and_an_article_the_voices() -> None:
    voice = VoiceProfile("x", intro="Hello from the voice.", outro="Bye from the voice.")
    article = build_script(_briefing(2), voice)
    assert article == article_script(_briefing(2), voice)
    assert "Hello from the voice." in article.text and "Bye from the voice." in article.text
    daily = replace(_briefing(2), intro="The day's intro.", outro="The day's outro.")
    programme = build_script(daily, voice)
    assert programme == programme_script(daily, voice)
    assert [c.title for c in programme.chapters] == ["Intro", "Story 1", "Story 2", "Outro"]
    assert "from the voice" not in programme.text
    assert "First: Story one.\n" in programme.text and "And finally: Story two.\n" in programme.text
