"""The podcast feed: valid RSS 2.0 with iTunes tags, one item per day, rebuilt from the days."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser

from briefing.daily.podcast import (
    ITUNES,
    MANIFEST,
    Channel,
    Episode,
    duration,
    episodes,
    write_feed,
)


def _day(root: Path, day: str, size: int, stories: int = 2, suffix: str = ".mp3") -> Episode:
    folder = root / day
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"briefing{suffix}").write_bytes(b"\xff" * size)
    episode = Episode(
        day=dt.date.fromisoformat(day),
        title=f"Briefing for {day}",
        published=dt.datetime.fromisoformat(f"{day}T06:30:00+00:00"),
        audio=f"{day}/briefing{suffix}",
        seconds=3725.4,
        stories=tuple((f"Story {n} & more <b>", ("Gazette", "Times")) for n in range(stories)),
        page=f"{day}/briefing.html",
    )
    (folder / MANIFEST).write_text(json.dumps({"episode": episode.to_json()}), encoding="utf-8")
    return episode


def test_duration_is_hours_minutes_seconds() -> None:
    assert duration(0) == "0:00:00"
    assert duration(3725.4) == "1:02:05"


def test_the_feed_has_one_item_per_day_newest_first(tmp_path: Path) -> None:
    _day(tmp_path, "2025-03-03", 1000)
    _day(tmp_path, "2025-03-04", 2000, suffix=".wav")
    path, changed = write_feed(tmp_path, Channel(title="Morning", base_url="https://x.org/b"))
    assert changed and path == tmp_path / "feed.xml"
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo and parsed.version == "rss20"
    assert parsed.feed.title == "Morning"
    assert [e.title for e in parsed.entries] == [
        "Briefing for 2025-03-04",
        "Briefing for 2025-03-03",
    ]
    first = parsed.entries[0]
    assert first.enclosures[0].href == "https://x.org/b/2025-03-04/briefing.wav"
    assert first.enclosures[0].length == "2000" and first.enclosures[0].type == "audio/wav"
    assert parsed.entries[1].enclosures[0].type == "audio/mpeg"
    assert first.itunes_duration == "1:02:05"
    assert first.id == "briefing-2025-03-04"
    assert first.link == "https://x.org/b/2025-03-04/briefing.html"
    assert "Story 1 & more <b>" in first.summary
    assert first.published_parsed[:3] == (2025, 3, 4)

    root = ET.parse(path).getroot()
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel is not None
    assert channel.find(f"{{{ITUNES}}}category").get("text") == "News"  # type: ignore[union-attr]
    assert channel.find(f"{{{ITUNES}}}explicit").text == "false"  # type: ignore[union-attr]
    assert channel.find("{http://www.w3.org/2005/Atom}link").get("rel") == "self"  # type: ignore[union-attr]


def test_rewriting_a_day_replaces_its_item(tmp_path: Path) -> None:
    _day(tmp_path, "2025-03-04", 1000)
    write_feed(tmp_path, Channel())
    _day(tmp_path, "2025-03-04", 1500, stories=3)
    path, changed = write_feed(tmp_path, Channel())
    parsed = feedparser.parse(path.read_bytes())
    assert changed and len(parsed.entries) == 1
    assert parsed.entries[0].enclosures[0].length == "1500"
    assert parsed.entries[0].summary.startswith("3 stories")
    assert write_feed(tmp_path, Channel()) == (path, False)


def test_without_a_base_url_the_feed_points_at_the_files(tmp_path: Path) -> None:
    _day(tmp_path, "2025-03-04", 10)
    path, _ = write_feed(tmp_path, Channel())
    enclosure = feedparser.parse(path.read_bytes()).entries[0].enclosures[0]
    assert enclosure.href == (tmp_path / "2025-03-04" / "briefing.mp3").resolve().as_uri()


def test_days_without_audio_or_with_damaged_manifests_are_left_out(tmp_path: Path) -> None:
    _day(tmp_path, "2025-03-02", 10)
    (tmp_path / "2025-03-02" / "briefing.mp3").unlink()
    (tmp_path / "2025-03-03").mkdir()
    (tmp_path / "2025-03-03" / MANIFEST).write_text("{not json", encoding="utf-8")
    _day(tmp_path, "2025-03-04", 10)
    assert [e.day.isoformat() for e in episodes(tmp_path)] == ["2025-03-04"]
