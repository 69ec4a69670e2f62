"""One article's note: its properties (stable YAML types), the summary verbatim, the source link, a hash."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from briefing import frontmatter
from briefing.frontmatter import printable
from briefing.render import credit_parts, escape

HASH_KEY = "briefing_hash"
"""The property holding the hash of the note as written: a different hash means a hand edit."""
DEFAULT_TAGS = ("briefing",)

_HASH_LINE = re.compile(rf"^{HASH_KEY}:[^\n]*\n", re.M)
_WEB = re.compile(r"^https?://", re.I)


@dataclass(frozen=True)
class ArticleFacts:
    """What a note says about one article; every field has a stable type."""

    title: str
    date: dt.date
    sentences: tuple[str, ...]
    """The summary, each sentence exactly as the article wrote it."""
    sources: tuple[str, ...]
    """Who told it: site names, or the file it was read from (at least one)."""
    url: str = ""
    """The article's page, "" when it was read from a file."""
    file: str = ""
    """The file it was read from, when it was."""
    site: str = ""
    published: dt.datetime | None = None
    authors: tuple[str, ...] = ()

    @property
    def shown_title(self) -> str:
        """The title as the note's properties hold it: one printable line."""
        return printable(self.title) or "Untitled"

    @property
    def shown_sources(self) -> list[str]:
        """The `source` property: always a list, never empty."""
        return [printable(s) for s in self.sources if printable(s)] or [self.shown_title]


def render(facts: ArticleFacts, *, tags: tuple[str, ...], audio: str = "") -> str:
    """The note's whole text, front matter first, its hash in the front matter.

    Args:
        audio: the vault path of the article's audio, embedded when given.
    """
    title = facts.shown_title
    props: dict[str, Any] = {"title": title, "date": facts.date, "source": facts.shown_sources}
    if facts.url:
        props["url"] = facts.url
    if facts.published is not None:
        props["published"] = facts.published.replace(microsecond=0)
    props["authors"] = [printable(a) for a in facts.authors if printable(a)]
    # Obsidian's tags have no spaces and no "#" in front.
    wanted = ("-".join(printable(t).lstrip("#").split()) for t in (*DEFAULT_TAGS, *tags))
    props["tags"] = list(dict.fromkeys(t for t in wanted if t))
    props["aliases"] = [title]
    lines = [f"# {escape(title)}", ""]
    lines += list(facts.sentences)
    lines.append("")
    if audio:
        lines += [f"![[{audio}]]", ""]
    lines.append(f"Source: {_source_link(facts)}")
    text = frontmatter.dump(props) + "\n" + "\n".join(lines) + "\n"
    return with_hash(text)


def _source_link(facts: ArticleFacts) -> str:
    if facts.url:
        label = facts.site or urlsplit(facts.url).hostname or facts.url
        return f"[{_label(label)}](<{facts.url}>)"
    if facts.file:
        path = Path(facts.file).expanduser()
        if path.is_file():
            return f"[{_label(path.name)}](<{path.resolve().as_uri()}>)"
        return _label(facts.file)
    return _label(", ".join(facts.sources))


def _label(text: str) -> str:
    """Link text that can't close the link early."""
    return printable(text).replace("[", "(").replace("]", ")")


def with_hash(text: str) -> str:
    """The note with its hash as the last front matter property."""
    end = text.index("\n---\n") + 1
    return f"{text[:end]}{HASH_KEY}: {_digest(text)}\n{text[end:]}"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def is_untouched(text: str) -> bool:
    """The note is exactly as a run wrote it (its stored hash matches its text)."""
    meta, _ = frontmatter.split(text)
    stored = meta.get(HASH_KEY)
    if not isinstance(stored, str):
        return False
    return _digest(_HASH_LINE.sub("", text, count=1)) == stored


def is_ours(meta: dict[str, Any]) -> bool:
    """A note some run wrote (it carries a hash, edited since or not)."""
    return isinstance(meta.get(HASH_KEY), str)


def same_article(meta: dict[str, Any], facts: ArticleFacts) -> bool:
    """An existing note's properties are about this article: the same page, else the same
    source or title (so a note whose title was edited by hand is still found)."""
    if facts.url or meta.get("url"):
        return meta.get("url") == facts.url
    if meta.get("title") == facts.shown_title:
        return True
    return is_ours(meta) and meta.get("source") == facts.shown_sources


def facts_from_source(
    title: str,
    date: dt.date,
    sentences: tuple[str, ...],
    source: str,
    *,
    published: dt.datetime | None = None,
    authors: tuple[str, ...] = (),
    site: str = "",
) -> ArticleFacts:
    """Facts from what a story credits: "Name <https://...>", a bare address, or a file path."""
    name, link = credit_parts(source)
    if link and _WEB.match(link):
        site = site or name
        return ArticleFacts(
            title,
            date,
            sentences,
            (site or urlsplit(link).hostname or link,),
            url=link,
            site=site,
            published=published,
            authors=authors,
        )
    file = source if source and source != "stdin" else ""
    shown = Path(file).name if file else (source or title)
    return ArticleFacts(
        title,
        date,
        sentences,
        (site or shown,),
        file=file,
        site=site,
        published=published,
        authors=authors,
    )
