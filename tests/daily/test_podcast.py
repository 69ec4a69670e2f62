"""The podcast feed: valid RSS 2.0 with iTunes tags, one item per day, rebuilt from the days."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import podcastparser
import pytest

from briefing.daily.podcast import (
    ITUNES,
    MANIFEST,
    PODCAST,
    Channel,
    Episode,
    duration,
    episodes,
    warnings,
    write_feed,
)


def _day(
    root: Path, day: str, size: int, stories: int = 2, suffix: str = ".mp3", digest: str = ""
) -> Episode:
    folder = root / day
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"briefing{suffix}").write_bytes(b"\xff" * size)
    (folder / "briefing.vtt").write_text("WEBVTT\n", encoding="utf-8")
    (folder / "briefing.chapters.json").write_text('{"version": "1.2.0"}', encoding="utf-8")
    episode = Episode(
        day=dt.date.fromisoformat(day),
        title=f"Briefing for {day}",
        published=dt.datetime.fromisoformat(f"{day}T06:30:00+00:00"),
        audio=f"{day}/briefing{suffix}",
        seconds=3725.4,
        stories=tuple((f"Story {n} & more <b>", ("Gazette", "Times")) for n in range(stories)),
        page=f"{day}/briefing.html",
        transcripts=(f"{day}/briefing.vtt",),
        chapters=f"{day}/briefing.chapters.json",
        digest=digest,
        links=tuple(("https://gazette.example/a?b=1&c=2", "") for _ in range(stories)),
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
    assert first.id.startswith("urn:uuid:")
    assert first.id != parsed.entries[1].id
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


def test_podcast_apps_get_cover_transcript_chapters_and_show_notes(tmp_path: Path) -> None:
    _day(tmp_path, "2025-03-03", 1000, digest="a" * 64)
    _day(tmp_path, "2025-03-04", 2000, digest="b" * 64)
    channel = Channel(
        title="Morning",
        author="Jo Reporter",
        base_url="https://x.org/b/",
        owner_email="jo@x.org",
        copyright="© 2025 Jo Reporter",
    )
    path, _ = write_feed(tmp_path, channel)
    with path.open("rb") as stream:
        podcast = podcastparser.parse("https://x.org/b/feed.xml", stream)
    assert podcast["cover_url"] == "https://x.org/b/cover.png"
    cover = (tmp_path / "cover.png").read_bytes()
    assert cover.startswith(b"\x89PNG")
    width, height = int.from_bytes(cover[16:20], "big"), int.from_bytes(cover[20:24], "big")
    assert width == height and 1400 <= width <= 3000
    guids = [item["guid"] for item in podcast["episodes"]]
    assert len(set(guids)) == 2
    for item in podcast["episodes"]:
        day = dt.datetime.fromtimestamp(item["published"], dt.UTC).date().isoformat()
        assert item["enclosures"][0]["url"].startswith(f"https://x.org/b/{day}/briefing.mp3?v=")
        assert item["total_time"] == 3725
        assert item["transcript_url"] == f"https://x.org/b/{day}/briefing.vtt"
        assert item["chapters_json_url"] == f"https://x.org/b/{day}/briefing.chapters.json"
        notes = item["description_html"]
        assert '<a href="https://gazette.example/a?b=1&amp;c=2">Gazette</a>, Times' in notes
        assert "<li>Story 0 &amp; more &lt;b&gt;" in notes

    channel_xml = ET.parse(path).getroot().find("channel")
    assert channel_xml is not None
    assert channel_xml.findtext("copyright") == "© 2025 Jo Reporter"
    assert channel_xml.findtext(f"{{{ITUNES}}}owner/{{{ITUNES}}}email") == "jo@x.org"
    assert channel_xml.findtext(f"{{{ITUNES}}}owner/{{{ITUNES}}}name") == "Jo Reporter"
    category = channel_xml.find(f"{{{ITUNES}}}category")
    assert category is not None and category.get("text") == "News"
    assert category.find(f"{{{ITUNES}}}category").get("text") == "Daily News"  # type: ignore[union-attr]
    guid = channel_xml.findtext(f"{{{PODCAST}}}guid") or ""
    assert len(guid) == 36 and guid[14] == "5"  # a UUIDv5, as Podcasting 2.0 asks
    transcript = channel_xml.find(f"item/{{{PODCAST}}}transcript")
    assert transcript is not None and transcript.get("type") == "text/vtt"
    chapters = channel_xml.find(f"item/{{{PODCAST}}}chapters")
    assert chapters is not None and chapters.get("type") == "application/json+chapters"
    assert not feedparser.parse(path.read_bytes()).bozo


def test_item_guids_follow_the_audio(tmp_path: Path) -> None:
    channel = Channel(base_url="https://x.org/b/")
    _day(tmp_path, "2025-03-04", 1000, digest="a" * 64)
    path, _ = write_feed(tmp_path, channel)
    first = feedparser.parse(path.read_bytes()).entries[0]
    _day(tmp_path, "2025-03-04", 1000, digest="a" * 64)
    assert write_feed(tmp_path, channel) == (path, False)
    _day(tmp_path, "2025-03-04", 1000, digest="c" * 64)
    path, changed = write_feed(tmp_path, channel)
    second = feedparser.parse(path.read_bytes()).entries[0]
    assert changed and second.id != first.id
    assert second.enclosures[0].href != first.enclosures[0].href
    # Another feed (another address) never shares a guid with this one.
    other, _ = write_feed(tmp_path, Channel(base_url="https://y.org/"))
    assert feedparser.parse(other.read_bytes()).entries[0].id != second.id


@pytest.mark.parametrize("base_url", [None, "https://x.org/b/"])
def test_a_feed_without_base_url_is_warned_about(base_url: str | None) -> None:
    found = warnings(Channel(base_url=base_url))
    assert bool(found) == (base_url is None)
    assert all("base_url" in w for w in found)


def test_a_configured_cover_is_used_and_none_is_drawn(tmp_path: Path) -> None:
    _day(tmp_path, "2025-03-04", 10)
    path, _ = write_feed(tmp_path, Channel(image="https://x.org/art.jpg"))
    parsed = feedparser.parse(path.read_bytes())
    assert parsed.feed.image.href == "https://x.org/art.jpg"
    assert not (tmp_path / "cover.png").exists()


def test_a_whole_cover_is_kept_and_a_damaged_one_drawn_again(tmp_path: Path) -> None:
    from briefing.cover import default_cover, is_whole_png

    _day(tmp_path, "2025-03-04", 10)
    cover = tmp_path / "cover.png"
    write_feed(tmp_path, Channel())
    drawn = cover.read_bytes()
    assert drawn == default_cover() and is_whole_png(drawn)
    stamp = cover.stat().st_mtime_ns
    write_feed(tmp_path, Channel())
    assert cover.stat().st_mtime_ns == stamp  # kept, not written again
    for damaged in (drawn[:-5], drawn[:60] + bytes([drawn[60] ^ 1]) + drawn[61:], b"GIF89a"):
        assert not is_whole_png(damaged)
        cover.write_bytes(damaged)
        write_feed(tmp_path, Channel())
        assert cover.read_bytes() == drawn
    assert not is_whole_png(default_cover(32))  # whole, but not the size a feed wants


def test_the_default_cover_is_a_disc_over_bars_on_the_background() -> None:
    import zlib

    from briefing.cover import _BACKGROUND, _BARS, _DISC, default_cover

    size = 200
    png = default_cover(size)
    idat = png.index(b"IDAT")
    length = int.from_bytes(png[idat - 4 : idat], "big")
    raw = zlib.decompress(png[idat + 4 : idat + 4 + length])
    stride = 1 + 3 * size

    def pixel(x: int, y: int) -> tuple[int, ...]:
        start = y * stride + 1 + 3 * x
        return tuple(raw[start : start + 3])

    assert len(raw) == stride * size
    assert pixel(0, 0) == pixel(size - 1, size - 1) == _BACKGROUND
    assert pixel(size // 2, int(size * 0.42)) == _DISC  # the disc's centre
    assert pixel(size // 2, int(size * 0.42 - size * 0.24) - 2) == _BACKGROUND  # above it
    assert pixel(size // 2 + size // 80, int(size * 0.72)) == _BARS  # the middle bar
    assert pixel(size // 2, int(size * 0.62)) != _DISC  # the disc is cut at the horizon
