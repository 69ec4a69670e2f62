"""Where the daily brief's stories come from: feeds, OPML lists, article URLs, files and folders."""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
import urllib.parse
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from briefing.addresses import is_local
from briefing.errors import InputError
from briefing.fetch import Fetcher, Response
from briefing.ingest import MAX_BYTES, parse_article, read_article
from briefing.ingest.decoding import decode_web
from briefing.ingest.html import html_article
from briefing.models import Article
from briefing.sanitize import strip_controls
from briefing.text import squash
from briefing.timings import Timings, phase_of
from briefing.urls import is_web_url

FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom", ".rdf", ".opml"})
ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".xhtml"})
MAX_OPML_DEPTH = 3
"""An OPML list may name other lists; this deep and no deeper (a loop is not followed)."""


@dataclass(frozen=True)
class Item:
    """One feed entry: what the feed says about a story before its page is read."""

    title: str
    link: str
    feed: str
    """The feed's name, used to credit the story."""
    origin: str
    """The feed's address or path."""
    published: dt.datetime | None
    text: str
    """The entry's own content or summary (HTML or plain text); the fallback story text."""
    key: str
    """A stable id (guid, else link, else title) for remembering when it was first seen."""


@dataclass(frozen=True)
class Candidate:
    """A story with its text, ready to be compared with the others and summarized."""

    article: Article
    name: str
    """Who to credit: a feed or site name, or a file name."""
    link: str
    """The story's page, or the file it was read from."""
    published: dt.datetime | None
    key: str
    notes: tuple[str, ...] = ()
    from_feed_text: bool = False
    explicit: bool = False
    """Named by the user directly (an article URL or file): kept whatever its date."""

    @property
    def credit(self) -> str:
        """ "Name <url>" for a page (rendered as a named link), else the path itself."""
        if _has_scheme(self.link):  # web pages, and file:// links found in local feeds
            return f"{self.name} <{self.link}>" if self.name else self.link
        return self.link or self.name


def _local_link(link: str) -> str:
    """A feed's file:///path link as written: feedparser drops the third slash (file://path)."""
    if link[:7].lower() == "file://" and link[7:8] != "/" and link[7:17] != "localhost/":
        return "file:///" + link[7:]
    return link


def _has_scheme(link: str) -> bool:
    return bool(re.match(r"^[a-z][a-z0-9+.-]*://", link, re.I))


@dataclass(frozen=True)
class Skip:
    """Something left out of the brief and why, for the report."""

    source: str
    reason: str
    kind: str = "failed"
    """"failed" (could not be read), "old" (before the window) or "limit" (no room left)."""


@dataclass
class Found:
    """Everything read from the inputs: feed entries, ready articles, and what failed."""

    items: list[Item] = field(default_factory=list)
    articles: list[Candidate] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    feeds: int = 0


class Reader:
    """Reads every kind of input; one failing source is recorded as skipped, never raised."""

    def __init__(
        self,
        fetcher: Fetcher,
        *,
        max_bytes: int = MAX_BYTES,
        folder_since: dt.datetime | None = None,
        progress: Callable[[str], None] | None = None,
        allow_private: bool = False,
        timings: Timings | None = None,
    ) -> None:
        self.fetcher = fetcher
        self.timings = timings
        """Where time spent downloading goes ("fetching"), apart from reading what came."""
        self.max_bytes = max_bytes
        self.folder_since = folder_since
        """Files found in folders older than this are left out (named files never are)."""
        self.progress = progress or (lambda _: None)
        self.allow_private = allow_private
        """Links in feeds and pages may reach local and private addresses (an intranet)."""
        self.refused = 0
        """Links found in a public feed or page that pointed into a local network."""
        self._pages: dict[str, Response | InputError] = {}
        self._remote_origins: set[str] = set()
        """Sources read from the internet, whose links must not reach into the local network."""

    # ---- inputs ---------------------------------------------------------------------------

    def read(self, specs: Iterable[str]) -> Found:
        """Read each input: a feed, an OPML list, an article URL, a file or a folder."""
        found = Found()
        for spec in specs:
            self._read_one(spec, found, depth=0, explicit=True)
        return found

    def _read_one(
        self, spec: str, found: Found, *, depth: int, explicit: bool, local_ok: bool = True
    ) -> None:
        try:
            if is_web_url(spec):
                self.progress(f"Fetching {_short(spec)}")
                response = self.page(spec, public_only=not local_ok)
                self._read_document(
                    spec, response.body, response.final_url, response.charset, found, depth=depth
                )
            else:
                path = Path(spec).expanduser()
                if path.is_dir():
                    self._read_folder(path, found, depth=depth)
                else:
                    self._read_file(path, spec, found, depth=depth, explicit=explicit)
        except InputError as exc:
            self.refused += exc.problem.startswith("refused:")
            found.skipped.append(Skip(spec, exc.problem))

    def _read_folder(self, folder: Path, found: Found, *, depth: int) -> None:
        try:
            entries = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
        except OSError as exc:
            raise InputError(str(folder), exc.strerror or "can't be read") from None
        wanted = FEED_SUFFIXES | ARTICLE_SUFFIXES
        files = [p for p in entries if p.is_file() and p.suffix.lower() in wanted]
        if not files:
            raise InputError(str(folder), "no feeds or articles in this folder")
        for path in files:
            old = self.folder_since is not None and _mtime(path) < self.folder_since
            if old and path.suffix.lower() in ARTICLE_SUFFIXES:
                found.skipped.append(Skip(str(path), "modified before the window", "old"))
                continue
            self._read_one(str(path), found, depth=depth, explicit=False)

    def _read_file(
        self, path: Path, spec: str, found: Found, *, depth: int, explicit: bool
    ) -> None:
        if not path.exists():
            raise InputError(spec, "no such file or folder")
        if path.suffix.lower() in ARTICLE_SUFFIXES:
            article = read_article(path, max_bytes=self.max_bytes)
            found.articles.append(
                Candidate(
                    article,
                    name=path.name,
                    link=spec,
                    published=_mtime(path),
                    key=f"file:{path.resolve()}",
                    explicit=explicit,
                )
            )
            return
        try:
            size = path.stat().st_size
            if size > self.max_bytes:
                raise InputError(
                    spec, f"file is {size:,} bytes, over the {self.max_bytes:,}-byte limit"
                )
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(spec, exc.strerror or "can't be read") from None
        self._read_document(spec, data, str(path.resolve()), None, found, depth=depth)

    def _read_document(
        self,
        spec: str,
        data: bytes,
        base: str,
        charset: str | None,
        found: Found,
        *,
        depth: int,
    ) -> None:
        """Sniff what a body is (OPML, feed or web page) and read it as that."""
        head = data[:2048].lstrip().lower()
        local = self.allow_private or is_local(base)
        if not local:
            self._remote_origins.add(spec)
        if b"<opml" in head:
            feeds = opml_feeds(spec, data, base)
            if depth >= MAX_OPML_DEPTH:
                raise InputError(spec, f"OPML lists nested more than {MAX_OPML_DEPTH} deep")
            for feed in feeds:
                self._read_one(feed, found, depth=depth + 1, explicit=False, local_ok=local)
            return
        items = feed_items(spec, data, base)
        if items is not None:
            found.feeds += 1
            found.items += items
            return
        if not is_web_url(base):
            raise InputError(spec, "not a feed, an OPML list or an article")
        found.articles.append(page_candidate(spec, data, base, charset, explicit=True))

    # ---- pages ----------------------------------------------------------------------------

    def page(self, url: str, *, public_only: bool = False) -> Response:
        """A page fetched once per run, however many feeds link to it."""
        if url not in self._pages:
            try:
                with phase_of(self.timings, "fetching"):
                    self._pages[url] = self.fetcher.get(url, public_only=public_only)
            except InputError as exc:
                self._pages[url] = exc
        result = self._pages[url]
        if isinstance(result, InputError):
            raise result
        return result

    def candidate(self, item: Item) -> Candidate | Skip:
        """The item's story, from its page; from the feed's own text when the page fails."""
        problem = "the entry has no link"
        if is_web_url(item.link):
            self.progress(f"Fetching {_short(item.link)}")
            try:
                public_only = item.origin in self._remote_origins
                response = self.page(item.link, public_only=public_only)
                return page_candidate(
                    item.link,
                    response.body,
                    response.final_url,
                    response.charset,
                    item=item,
                )
            except InputError as exc:
                self.refused += exc.problem.startswith("refused:")
                problem = f"{item.link}: {exc.problem}"
        elif item.link:
            problem = f"the entry's link {item.link!r} is not a web address"
        article = feed_text_article(item)
        if article is None:
            return Skip(item.link or item.origin, f"{problem}; the feed has no text for it either")
        return Candidate(
            article,
            name=item.feed,
            link=item.link,
            published=item.published,
            key=item.key,
            notes=(f"{item.title!r}: used the feed's own text ({problem})",),
            from_feed_text=True,
        )


# ---- feeds ------------------------------------------------------------------------------


def feed_items(spec: str, data: bytes, base: str) -> list[Item] | None:
    """The entries of an RSS or Atom feed, or None when `data` is not a feed.

    Raises:
        InputError: it looks like a feed but is broken beyond reading.
    """
    import feedparser

    parsed = feedparser.parse(
        data,
        response_headers={"content-location": base, "content-type": "application/xml"},
        sanitize_html=True,
    )
    if not parsed.get("version"):
        if b"<rss" in data[:2048].lower() or b"<feed" in data[:2048].lower():
            raise InputError(spec, f"broken feed: {_xml_problem(parsed.get('bozo_exception'))}")
        return None
    if parsed.get("bozo") and not parsed.get("entries"):
        raise InputError(spec, f"broken feed: {_xml_problem(parsed.get('bozo_exception'))}")
    info = parsed.get("feed", {})
    name = strip_controls(squash(info.get("title", ""))) or _host(base) or Path(spec).name
    items = []
    for entry in parsed.get("entries", []):
        title = strip_controls(squash(_plain(entry.get("title", ""))))
        link = _local_link(entry.get("link", "") or "")
        text = _entry_text(entry)
        if not title and not text:
            continue
        key = entry.get("id") or link or hashlib.sha256(f"{name}\n{title}".encode()).hexdigest()
        items.append(
            Item(
                title=title or _first_words(_plain(text)),
                link=link,
                feed=name,
                origin=spec,
                published=_entry_time(entry),
                text=text,
                key=str(key),
            )
        )
    return items


def _xml_problem(exc: object) -> str:
    """An XML parser's complaint, without feedparser's position (off by its own header)."""
    return re.sub(r"^<unknown>:\d+:\d+: ", "", str(exc or "unreadable"))


def _entry_text(entry: Any) -> str:
    """The fullest text the feed gives for an entry: its content, else its summary."""
    for content in entry.get("content", []) or []:
        if value := content.get("value", ""):
            return str(value)
    return str(entry.get("summary", "") or "")


def _entry_time(entry: Any) -> dt.datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return dt.datetime.fromtimestamp(calendar.timegm(value), dt.UTC)
            except (OverflowError, OSError, ValueError, TypeError):
                continue  # a date no calendar can hold: try the next, else undated
    return None


def feed_text_article(item: Item) -> Article | None:
    """The feed entry's own text as an Article, or None when it has none worth reading."""
    text = item.text.strip()
    if not text:
        return None
    kind = "html" if re.search(r"<[a-zA-Z][^>]*>", text) else "text"
    try:
        article = parse_article(text, source=item.link or item.origin, kind=kind)
    except InputError:
        return None
    return Article(
        title=item.title or article.title,
        source=item.link or item.origin,
        blocks=article.blocks,
        language=article.language,
        published=item.published,
    )


def opml_feeds(spec: str, data: bytes, base: str) -> list[str]:
    """Every feed address in an OPML list (nested outlines included), in document order."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise InputError(spec, f"broken OPML: {exc}") from None
    feeds: list[str] = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if not url:
            continue
        if is_web_url(url):
            feeds.append(url)
        elif is_web_url(base):
            feeds.append(urllib.parse.urljoin(base, url))
        else:
            path = Path(url).expanduser()
            feeds.append(str(path if path.is_absolute() else Path(base).parent / path))
    if not feeds:
        raise InputError(spec, "the OPML list names no feeds (no outline has an xmlUrl)")
    return list(dict.fromkeys(feeds))


# ---- pages ------------------------------------------------------------------------------


def page_candidate(
    url: str,
    data: bytes,
    final_url: str,
    charset: str | None,
    *,
    item: Item | None = None,
    explicit: bool = False,
) -> Candidate:
    """A web page's article, read by the one HTML reader every command uses.

    Raises:
        InputError: not a page, or no article text in it.
    """
    if b"\x00" in data[:4096]:
        raise InputError(url, "not a web page (binary data)")
    page = html_article(decode_web(url, data, charset), source=url, url=final_url)
    title = item.title if item and item.title else page.title
    published = item.published if item else page.published
    article = replace(page, title=title, published=published)
    name = item.feed if item else page.site or _host(final_url)
    return Candidate(
        article,
        name=name,
        link=url,
        published=published,
        key=item.key if item else url,
        explicit=explicit,
    )


# ---- small helpers ----------------------------------------------------------------------


def _plain(text: str) -> str:
    """Feed titles sometimes carry markup or entities; a reader wants the words."""
    if "<" in text or "&" in text:
        import html as html_lib

        text = html_lib.unescape(re.sub(r"<[^>]+>", " ", text))
    return text


def _first_words(text: str, count: int = 10) -> str:
    words = text.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


def _host(url: str) -> str:
    host = urllib.parse.urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def _short(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return (parts.netloc + parts.path)[:60]


def _mtime(path: Path) -> dt.datetime:
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
    except OSError:
        return dt.datetime.now(dt.UTC)
