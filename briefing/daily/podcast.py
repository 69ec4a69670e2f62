"""The podcast feed: output/feed.xml, RSS 2.0 with the iTunes tags, one item per day's brief."""

from __future__ import annotations

import contextlib
import datetime as dt
import email.utils
import urllib.parse
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from briefing.files import load_state, write_text
from briefing.sanitize import xml_safe

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
ATOM = "http://www.w3.org/2005/Atom"
FEED_NAME = "feed.xml"
MANIFEST = "manifest.json"
"""Each day's folder keeps what its run wrote; the feed is rebuilt from these files."""
MAX_ITEMS = 100
AUDIO_TYPES = {
    ".mp3": "audio/mpeg",
    ".m4a": "audio/mp4",
    ".ogg": "audio/ogg",
    ".opus": "audio/ogg",
    ".wav": "audio/wav",
}


@dataclass(frozen=True)
class Channel:
    """The podcast as a whole: its name and where its files are published."""

    title: str = "Daily briefing"
    description: str = "A short spoken summary of the day's news, made by briefing."
    author: str = "briefing"
    language: str = "en"
    base_url: str | None = None
    """Where output/ is served from; enclosure URLs are built from it."""
    image: str | None = None


@dataclass(frozen=True)
class Episode:
    """One day's brief as the feed lists it."""

    day: dt.date
    title: str
    published: dt.datetime
    audio: str
    """The audio file, relative to the output folder (e.g. "2025-03-04/briefing.mp3")."""
    seconds: float
    stories: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())
    """(headline, source names) of every story, in order."""
    page: str | None = None
    """The HTML version, relative to the output folder."""

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["day"] = self.day.isoformat()
        data["published"] = self.published.isoformat()
        data["stories"] = [{"headline": h, "sources": list(s)} for h, s in self.stories]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Episode:
        """Raises KeyError, TypeError or ValueError on a damaged manifest."""
        return cls(
            day=dt.date.fromisoformat(data["day"]),
            title=str(data["title"]),
            published=dt.datetime.fromisoformat(data["published"]),
            audio=str(data["audio"]),
            seconds=float(data["seconds"]),
            stories=tuple(
                (str(s["headline"]), tuple(str(n) for n in s["sources"]))
                for s in data.get("stories", [])
            ),
            page=data.get("page"),
        )


def episodes(root: Path, warn: Callable[[str], None] | None = None) -> list[Episode]:
    """Every day's episode under `root` whose audio file exists, newest first.

    Each day is checked on its own (it must read back and make a well-formed
    item), so one damaged manifest costs its day, with a `warn`, not the feed.
    """
    found: list[Episode] = []
    for manifest in sorted(root.glob(f"????-??-??/{MANIFEST}")):
        data: dict[str, Any] = load_state(manifest, {})
        try:
            episode = data.get("episode")
            if episode:
                item = Episode.from_json(episode)
                ET.fromstring(feed_xml(root, Channel(), [item]))
                found.append(item)
        except FileNotFoundError:
            continue  # the day's audio is gone: nothing to list
        except (OSError, ValueError, KeyError, TypeError, AttributeError, ET.ParseError):
            if warn:
                warn(f"{manifest}: damaged manifest; that day is left out of the feed")
    found.sort(key=lambda e: e.day, reverse=True)
    return found[:MAX_ITEMS]


def duration(seconds: float) -> str:
    """iTunes duration, H:MM:SS."""
    total = round(seconds)
    return f"{total // 3600}:{total % 3600 // 60:02d}:{total % 60:02d}"


def _url(root: Path, relative: str, base_url: str | None) -> str:
    if base_url:
        base = base_url if base_url.endswith("/") else base_url + "/"
        return urllib.parse.urljoin(base, urllib.parse.quote(relative))
    return (root.resolve() / relative).as_uri()


def _description(episode: Episode) -> str:
    lines = [f"{len(episode.stories)} stories:" if len(episode.stories) != 1 else "1 story:"]
    for number, (headline, names) in enumerate(episode.stories, start=1):
        credit = f" ({', '.join(names)})" if names else ""
        lines.append(f"{number}. {headline}{credit}")
    return "\n".join(lines)


def feed_xml(root: Path, channel: Channel, items: Sequence[Episode]) -> str:
    """The whole feed document; deterministic for the same episodes and channel."""
    ET.register_namespace("itunes", ITUNES)
    ET.register_namespace("atom", ATOM)
    rss = ET.Element("rss", {"version": "2.0"})
    chan = ET.SubElement(rss, "channel")

    def add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, tag, {k.rstrip("_"): xml_safe(v) for k, v in attrs.items()})
        if text is not None:
            element.text = xml_safe(text)
        return element

    home = _url(root, "", channel.base_url)
    add(chan, "title", channel.title)
    add(chan, "link", home)
    add(chan, "description", channel.description)
    add(chan, "language", channel.language)
    add(chan, "generator", "briefing")
    if items:
        add(chan, "lastBuildDate", email.utils.format_datetime(max(e.published for e in items)))
    if channel.base_url:
        add(
            chan,
            f"{{{ATOM}}}link",
            href=_url(root, FEED_NAME, channel.base_url),
            rel="self",
            type="application/rss+xml",
        )
    add(chan, f"{{{ITUNES}}}author", channel.author)
    add(chan, f"{{{ITUNES}}}summary", channel.description)
    add(chan, f"{{{ITUNES}}}type", "episodic")
    add(chan, f"{{{ITUNES}}}explicit", "false")
    add(chan, f"{{{ITUNES}}}category", text_="News")
    if channel.image:
        add(chan, f"{{{ITUNES}}}image", href=channel.image)
    for episode in items:
        audio = root / episode.audio
        item = add(chan, "item")
        add(item, "title", episode.title)
        if episode.page:
            add(item, "link", _url(root, episode.page, channel.base_url))
        add(item, "description", _description(episode))
        add(item, "pubDate", email.utils.format_datetime(episode.published))
        add(item, "guid", f"briefing-{episode.day.isoformat()}", isPermaLink="false")
        add(
            item,
            "enclosure",
            url=_url(root, episode.audio, channel.base_url),
            length=str(audio.stat().st_size),
            type=AUDIO_TYPES.get(audio.suffix.lower(), "application/octet-stream"),
        )
        add(item, f"{{{ITUNES}}}duration", duration(episode.seconds))
        add(item, f"{{{ITUNES}}}summary", _description(episode))
        add(item, f"{{{ITUNES}}}episodeType", "full")
        add(item, f"{{{ITUNES}}}explicit", "false")
    ET.indent(rss)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(rss, encoding="unicode") + "\n"


def write_feed(
    root: Path, channel: Channel, warn: Callable[[str], None] | None = None
) -> tuple[Path, bool]:
    """Rebuild root/feed.xml from the days' manifests; the caller holds the output lock.

    Returns:
        The feed's path and whether it changed.
    """
    path = root / FEED_NAME
    text = feed_xml(root, channel, episodes(root, warn))
    with contextlib.suppress(OSError):
        if path.read_text(encoding="utf-8") == text:
            return path, False
    write_text(path, text, force=True)
    return path, True
