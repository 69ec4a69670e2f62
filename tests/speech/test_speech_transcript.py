"""Timed transcripts and chapters: one cue per sentence, in order, covering the whole audio."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from pathlib import Path

from support import wav_info

from briefing.models import Audio, Briefing, Story, WordMark
from briefing.speech.engine import render_script
from briefing.speech.fake import FakeEngine
from briefing.speech.script import build_script
from briefing.speech.transcript import (
    CUE_LINES,
    LINE_CHARS,
    chapter_times,
    cues,
    to_chapters_json,
    to_srt,
    to_vtt,
)
from briefing.speech.voices import get_profile

VTT_TIME = r"\d\d:\d\d:\d\d\.\d\d\d"


def _briefing() -> Briefing:
    return Briefing(
        "Title & more",
        dt.date(2024, 1, 2),
        (
            Story("One", ("First <sentence>.", "Second one --> here."), ("a",)),
            Story("Two", ("Third sentence is here.",), ("b",)),
        ),
    )


def test_cues_are_sentences_in_order_covering_the_audio(tmp_path: Path) -> None:
    voice = get_profile()
    script = build_script(_briefing(), voice)
    audio = render_script(script, voice, tmp_path / "a.wav", engine=FakeEngine())
    result = cues(script, audio)
    assert [c.text for c in result] == [s.written for s in script.segments]
    assert result[0].start == 0
    for before, after in itertools.pairwise(result):
        assert before.start < after.start and before.end == after.start
    assert abs(result[-1].end - wav_info(audio.path)[1]) < 0.5
    chapters = chapter_times(script, audio)
    assert [c.title for c in chapters] == ["Intro", "One", "Two"]
    assert chapters[0].start == 0 and chapters[-1].end == audio.seconds
    assert all(a.end == b.start for a, b in itertools.pairwise(chapters))


def test_vtt_is_valid_webvtt(tmp_path: Path) -> None:
    voice = get_profile()
    script = build_script(_briefing(), voice)
    audio = render_script(script, voice, tmp_path / "a.wav", engine=FakeEngine())
    text = to_vtt(cues(script, audio), "Title")
    assert text.startswith("WEBVTT")
    blocks = text.strip().split("\n\n")
    for block in blocks[1:]:
        lines = block.split("\n")
        assert re.fullmatch(rf"{VTT_TIME} --> {VTT_TIME}", lines[1])
        assert "-->" not in lines[2] and "<" not in lines[2]
    assert "&lt;sentence&gt;" in text


def test_srt_numbers_cues_with_comma_times() -> None:
    script = build_script(_briefing(), None)
    marks = tuple(WordMark(s.offset, 0, float(i)) for i, s in enumerate(script.segments))
    audio = Audio(Path("x.wav"), float(len(script.segments)), 22050, marks)
    text = to_srt(cues(script, audio))
    assert text.startswith("1\n00:00:00,000 --> 00:00:01,000\n")


def test_missing_marks_are_interpolated_in_order() -> None:
    script = build_script(_briefing(), None)
    audio = Audio(Path("x.wav"), 10.0, 22050, ())
    result = cues(script, audio)
    assert len(result) == len(script.segments)
    assert all(a.start < b.start for a, b in itertools.pairwise(result))
    assert result[-1].end == 10.0


def test_long_sentences_become_caption_sized_cues_at_word_times(tmp_path: Path) -> None:
    long = (
        "The council voted on Tuesday night to keep the harbour ferry running through the "
        "winter, after a petition signed by more than four thousand residents asked it to "
        "reverse a plan that would have cut the service to weekends only from December."
    )
    briefing = Briefing("Ferry stays", dt.date(2024, 1, 2), (Story("Ferry", (long,), ("a",)),))
    script = build_script(briefing)
    audio = render_script(script, get_profile(), tmp_path / "a.wav", engine=FakeEngine())
    result = cues(script, audio)
    spoken = [c for c in result if c.text not in ("Ferry stays.", "Ferry.")]
    assert len(spoken) >= 3
    assert " ".join(c.text for c in spoken) == long
    for cue in result:
        lines = to_vtt([cue]).split("\n")[4:-1]
        assert 1 <= len(lines) <= CUE_LINES and all(len(line) <= LINE_CHARS for line in lines)
    assert result[0].start == 0 and result[-1].end == audio.seconds
    for before, after in itertools.pairwise(result):
        assert before.end == after.start and before.start < after.start
    # Each cut falls where the engine says that word starts (the fake engine marks every word).
    marks = {round(m.seconds, 3) for m in audio.marks if m.length}
    assert all(round(c.start, 3) in marks for c in spoken[1:])


def test_chapter_titles_are_distinct() -> None:
    briefing = Briefing(
        "Day",
        dt.date(2024, 1, 2),
        (
            Story("Same", ("One.",), ("a",)),
            Story("Other", ("Two.",), ("b",)),
            Story("Same", ("Three.",), ("c",)),
        ),
    )
    script = build_script(briefing)
    marks = tuple(WordMark(s.offset, 0, float(n)) for n, s in enumerate(script.segments))
    audio = Audio(Path("x.wav"), float(len(script.segments)), 22050, marks)
    titles = [c.title for c in chapter_times(script, audio)]
    assert titles == ["Intro", "Same", "Other", "Same (2)"]
    chapters = json.loads(to_chapters_json(chapter_times(script, audio), "Day"))
    assert [c["title"] for c in chapters["chapters"]] == titles
    assert [c["startTime"] for c in chapters["chapters"]] == [0, 1.0, 3.0, 5.0]
