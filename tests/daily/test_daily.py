"""The daily run's own choices: formats that light up with MP3/VTT export, per-feed limits."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing import formats as registry
from briefing.daily import pipeline as daily
from briefing.daily.sources import Item

NOW = dt.datetime(2025, 3, 4, 7, 0, tzinfo=dt.UTC)


def test_wav_until_export_offers_mp3_and_vtt(monkeypatch: pytest.MonkeyPatch) -> None:
    assert daily.formats(audio=True) == ("md", "html", "mp3", "vtt")
    # A copy without them: deleting and restoring entries would reorder the shared registry.
    wav_only = {k: v for k, v in registry.FORMATS.items() if k not in ("mp3", "vtt", "srt")}
    monkeypatch.setattr(registry, "FORMATS", wav_only)
    assert daily.formats(audio=True) == ("md", "html", "wav")
    assert daily.formats(audio=False) == ("md", "html")


def test_a_busy_feed_is_read_newest_first_up_to_the_limit() -> None:
    items = [
        Item(
            f"story {n}",
            f"https://a.example/{n}",
            "A",
            "a.xml",
            NOW - dt.timedelta(hours=n),
            "",
            str(n),
        )
        for n in range(5)
    ]
    other = Item("other", "https://b.example/1", "B", "b.xml", NOW - dt.timedelta(hours=9), "", "b")
    kept, skipped = daily.newest_per_feed([*reversed(items), other], 3)
    assert [i.title for i in kept] == ["story 2", "story 1", "story 0", "other"]
    assert [(s.source, s.kind) for s in skipped] == [
        ("https://a.example/3", "limit"),
        ("https://a.example/4", "limit"),
    ]
    assert "newest 3 items of A" in skipped[0].reason


def test_a_voice_is_timed_on_a_sample_programme_before_its_first_brief() -> None:
    from briefing.models import VoiceProfile

    words, seconds = daily.time_voice(VoiceProfile("test", rate=120))
    assert words >= 50
    # The fake engine says each word in 60/rate seconds; pauses may only add to that.
    assert seconds >= words * 60 / 120 * 0.99
    assert words / (seconds / 60) > 120 * 0.7
