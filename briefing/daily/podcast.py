"""The podcast feed: output/feed.xml, RSS 2.0 with the iTunes and Podcasting 2.0 tags, one item per day's brief.

What podcast apps check: a square cover (the default one is drawn into
output/cover.png when none is set), an enclosure with its length and a
duration, a transcript and chapters (`podcast:` namespace), HTML show notes
(`content:encoded`), and item guids that are unique to this feed and change
when the day's audio does, so apps fetch the new file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import email.utils
import html
import urllib.parse
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from briefing.cover import NAME as COVER
from briefing.files import load_state, write_bytes, write_text
from briefing.sanitize import xml_safe

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
ATOM = "http://www.w3.org/2005/Atom"
PODCAST = "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md"
"""The Podcasting 2.0 namespace by its first URI, which the spec still accepts and every parser knows."""
CONTENT = "http://purl.org/rss/1.0/modules/content/"
GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
"""podcast:guid is a UUIDv5 of the feed's address in this namespace (Podcasting 2.0)."""
FEED_NAME = "feed.xml"
MANIFEST = "manifest.json"
"""Each day's folder keeps what its run wrote; the feed is rebuilt from these files."""
MAX_ITEMS = 100
TRANSCRIPT_TYPES = {".vtt": "text/vtt", ".srt": "application/x-subrip"}
CHAPTERS_TYPE = "application/json+chapters"
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
    """The cover's URL; None draws the default cover into output/cover.png."""
    owner_email: str | None = None
    """itunes:owner, where directories send mail about the podcast (the author is its name)."""
    copyright: str | None = None
    category: str = "News"
    subcategory: str | None = "Daily News"


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
    transcripts: tuple[str, ...] = ()
    """The timed transcripts (.vtt, .srt), relative to the output folder."""
    chapters: str | None = None
    """The Podcasting 2.0 JSON chapters file, relative to the output folder."""
    digest: str = ""
    """SHA-256 of the audio file: a new one gives the item a new guid."""
    links: tuple[tuple[str, ...], ...] = ()
    """The web address of each story's sources, in the order of `stories` ("" when none)."""

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["day"] = self.day.isoformat()
        data["published"] = self.published.isoformat()
        data["stories"] = [
            {"headline": h, "sources": list(s), "links": list(links)}
            for (h, s), links in zip(self.stories, self._story_links(), strict=True)
        ]
        data.pop("links")
        data["transcripts"] = list(self.transcripts)
        return data

    def _story_links(self) -> list[tuple[str, ...]]:
        return [self.links[n] if n < len(self.links) else () for n in range(len(self.stories))]

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
            transcripts=tuple(str(t) for t in data.get("transcripts", [])),
            chapters=data.get("chapters"),
            digest=str(data.get("digest", "")),
            links=tuple(
                tuple(str(link) for link in s.get("links", [])) for s in data.get("stories", [])
            ),
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


def show_notes(episode: Episode, page_url: str | None = None) -> str:
    """The episode's HTML show notes: each story with its sources as links (content:encoded)."""
    count = len(episode.stories)
    parts = [f"<p>{count} {'story' if count == 1 else 'stories'}:</p>", "<ol>"]
    for (headline, names), links in zip(episode.stories, episode._story_links(), strict=True):
        credits = []
        for n, name in enumerate(names):
            link = links[n] if n < len(links) else ""
            label = html.escape(name)
            if link.startswith(("http://", "https://")):
                credits.append(f'<a href="{html.escape(link, quote=True)}">{label}</a>')
            else:
                credits.append(label)
        credit = f" ({', '.join(credits)})" if credits else ""
        parts.append(f"<li>{html.escape(headline)}{credit}</li>")
    parts.append("</ol>")
    if page_url:
        parts.append(f'<p><a href="{html.escape(page_url, quote=True)}">Read the briefing</a></p>')
    return "\n".join(parts)


def feed_url(root: Path, channel: Channel) -> str:
    """Where the feed itself is read from."""
    return _url(root, FEED_NAME, channel.base_url)


def podcast_guid(root: Path, channel: Channel) -> str:
    """The feed's podcast:guid: a UUIDv5 of its address without the scheme and trailing slashes."""
    address = feed_url(root, channel)
    bare = address.split("://", 1)[-1].rstrip("/")
    return str(uuid.uuid5(GUID_NAMESPACE, bare))


def item_guid(root: Path, channel: Channel, episode: Episode) -> str:
    """Unique to this feed and this day's audio: a re-run with new audio gets a new one."""
    version = episode.digest
    if not version:
        with contextlib.suppress(OSError):
            version = f"size-{(root / episode.audio).stat().st_size}"
    name = f"{episode.day.isoformat()}/{version}"
    return f"urn:uuid:{uuid.uuid5(uuid.UUID(podcast_guid(root, channel)), name)}"


def _versioned(url: str, episode: Episode) -> str:
    """The audio's URL with its version, so apps and caches never serve yesterday's file."""
    if not episode.digest or url.startswith("file:"):
        return url
    return f"{url}?v={episode.digest[:12]}"


def cover_url(root: Path, channel: Channel) -> str:
    return channel.image or _url(root, COVER, channel.base_url)


def warnings(channel: Channel) -> list[str]:
    """What a user should fix before subscribing to the feed from another device."""
    if channel.base_url:
        return []
    return [
        "feed.xml has no base_url: its links are file:// paths that only this computer can "
        "open; set base_url (or --base-url) to where the output folder is served"
    ]


def feed_xml(root: Path, channel: Channel, items: Sequence[Episode]) -> str:
    """The whole feed document; deterministic for the same episodes and channel."""
    ET.register_namespace("itunes", ITUNES)
    ET.register_namespace("atom", ATOM)
    ET.register_namespace("podcast", PODCAST)
    ET.register_namespace("content", CONTENT)
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
    if channel.copyright:
        add(chan, "copyright", channel.copyright)
    add(chan, "generator", "briefing")
    if items:
        add(chan, "lastBuildDate", email.utils.format_datetime(max(e.published for e in items)))
    if channel.base_url:
        add(
            chan,
            f"{{{ATOM}}}link",
            href=feed_url(root, channel),
            rel="self",
            type="application/rss+xml",
        )
    cover = cover_url(root, channel)
    image = add(chan, "image")
    add(image, "url", cover)
    add(image, "title", channel.title)
    add(image, "link", home)
    add(chan, f"{{{ITUNES}}}author", channel.author)
    add(chan, f"{{{ITUNES}}}summary", channel.description)
    add(chan, f"{{{ITUNES}}}type", "episodic")
    add(chan, f"{{{ITUNES}}}explicit", "false")
    category = add(chan, f"{{{ITUNES}}}category", text_=channel.category)
    if channel.subcategory:
        add(category, f"{{{ITUNES}}}category", text_=channel.subcategory)
    add(chan, f"{{{ITUNES}}}image", href=cover)
    owner = add(chan, f"{{{ITUNES}}}owner")
    add(owner, f"{{{ITUNES}}}name", channel.author)
    if channel.owner_email:
        add(owner, f"{{{ITUNES}}}email", channel.owner_email)
    add(chan, f"{{{PODCAST}}}guid", podcast_guid(root, channel))
    for episode in items:
        audio = root / episode.audio
        item = add(chan, "item")
        add(item, "title", episode.title)
        page = _url(root, episode.page, channel.base_url) if episode.page else None
        if page:
            add(item, "link", page)
        add(item, "description", _description(episode))
        add(item, f"{{{CONTENT}}}encoded", show_notes(episode, page))
        add(item, "pubDate", email.utils.format_datetime(episode.published))
        add(item, "guid", item_guid(root, channel, episode), isPermaLink="false")
        add(
            item,
            "enclosure",
            url=_versioned(_url(root, episode.audio, channel.base_url), episode),
            length=str(audio.stat().st_size),
            type=AUDIO_TYPES.get(audio.suffix.lower(), "application/octet-stream"),
        )
        add(item, f"{{{ITUNES}}}duration", duration(episode.seconds))
        add(item, f"{{{ITUNES}}}summary", _description(episode))
        add(item, f"{{{ITUNES}}}episodeType", "full")
        add(item, f"{{{ITUNES}}}explicit", "false")
        # WebVTT last: several parsers keep only the last transcript, and VTT is the one players show.
        for transcript in sorted(episode.transcripts, key=lambda t: t.endswith(".vtt")):
            kind = TRANSCRIPT_TYPES.get(Path(transcript).suffix.lower())
            if kind and (root / transcript).is_file():
                add(
                    item,
                    f"{{{PODCAST}}}transcript",
                    url=_url(root, transcript, channel.base_url),
                    type=kind,
                    language=channel.language,
                    rel="captions",
                )
        if episode.chapters and (root / episode.chapters).is_file():
            add(
                item,
                f"{{{PODCAST}}}chapters",
                url=_url(root, episode.chapters, channel.base_url),
                type=CHAPTERS_TYPE,
            )
    ET.indent(rss)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(rss, encoding="unicode") + "\n"


def write_cover(root: Path, channel: Channel) -> Path | None:
    """Draw the default cover into root/cover.png when the channel names none (kept if already there).

    A cover already there is kept when it is a whole PNG of the right size; a
    damaged or missing one is drawn again.
    """
    from briefing.cover import default_cover, is_whole_png

    if channel.image:
        return None
    path = root / COVER
    with contextlib.suppress(OSError):
        if is_whole_png(path.read_bytes()):
            return path
    return write_bytes(path, default_cover(), force=True)


def write_feed(
    root: Path, channel: Channel, warn: Callable[[str], None] | None = None
) -> tuple[Path, bool]:
    """Rebuild root/feed.xml from the days' manifests; the caller holds the output lock.

    Returns:
        The feed's path and whether it changed.
    """
    path = root / FEED_NAME
    write_cover(root, channel)
    text = feed_xml(root, channel, episodes(root, warn))
    with contextlib.suppress(OSError):
        if path.read_text(encoding="utf-8") == text:
            return path, False
    write_text(path, text, force=True)
    return path, True
