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

    It goes through the same export as a brief (so the same normalizing and
    pauses), into a temporary folder.

    Raises:
        BriefingError: the engine can't be loaded or fails.
    """
    import tempfile

    from briefing.export import export_briefing
    from briefing.render import split_front_matter

    sample = programme_from(
        [Story(headline, sentences, (source,)) for headline, sentences, source in SAMPLE],
        day=dt.date.today(),
    )
    with tempfile.TemporaryDirectory(prefix="briefing-rate-") as folder:
        written = export_briefing(sample, Path(folder), ("md", "wav"), voice=voice, stem="sample")
        meta, _ = split_front_matter(written[0].read_text(encoding="utf-8"))
    seconds = meta.get("audio_seconds")
    if not isinstance(seconds, (int, float)) or seconds <= 0:
        raise EngineError("the speech engine produced no audio for the timing sample")
    return written_words(sample), float(seconds)


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
