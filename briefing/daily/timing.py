"""The daily brief's stopwatch: how fast a voice speaks, measured on a sample programme."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefing.assemble import programme_from
from briefing.errors import EngineError
from briefing.models import Briefing, Story, VoiceProfile


def written_words(briefing: Briefing) -> int:
    """Words of the programme as written: the unit the budget counts (speech may expand them)."""
    from briefing.programme import programme_sections

    return sum(len(s.split()) for _, said in programme_sections(briefing) for s in said)


def time_voice(voice: VoiceProfile) -> tuple[int, float]:
    """Speak a short sample programme the way a brief is spoken: (written words, seconds).

    The same script a brief gets (the same normalizing and pauses) is spoken
    into a temporary file; nothing else is made of it (no loudness pass, no
    Markdown): only its length is wanted.

    Raises:
        BriefingError: the engine can't be loaded or fails.
    """
    import tempfile

    from briefing.speech.engine import render_script
    from briefing.speech.script import build_script

    sample = programme_from(
        [Story(headline, sentences, (source,)) for headline, sentences, source in SAMPLE],
        day=dt.date.today(),
    )
    with tempfile.TemporaryDirectory(prefix="briefing-rate-") as folder:
        audio = render_script(
            build_script(sample, voice), voice, Path(folder) / "sample.wav", loudness=False
        )
    if not audio.seconds > 0:
        raise EngineError("the speech engine produced no audio for the timing sample")
    return written_words(sample), float(audio.seconds)


SAMPLE = (
    (
        "Council approves the river bridge",
        (
            "The city council voted seven to two on Monday night to approve a new bridge.",
            "Work is due to start in March, and the first traffic is expected in 2027.",
        ),
        "Riverside Gazette <https://gazette.example/bridge>",
    ),
    (
        "Schools add a bus route",
        (
            "Critics said the $40 million would be better spent on repairing roads.",
            "The mayor disagreed: the crossing would save workers 20 minutes a day.",
        ),
        "Valley News <https://valley.example/buses>",
    ),
)
"""Two short stories (numbers, a date, credits) for timing a voice before its first brief."""
