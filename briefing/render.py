"""Briefing -> Markdown (with YAML front matter) and standalone HTML, and Markdown back to a Briefing."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from typing import Any

from briefing.models import Briefing, Story
from briefing.sanitize import xml_safe

_LINE_START = re.compile(r"^(\s*)([#>+=|]|-(?=\s|$)|\*(?=\s))")
_ORDERED = re.compile(r"^(\s*\d+)([.)])(?=\s|$)")
_INLINE = re.compile(r"([\\`*_\[\]])")
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_UNESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>&=~)])")
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://\S+$", re.I)
_CREDIT = re.compile(r"^(.*\S)\s+<([a-z][a-z0-9+.-]*://\S+)>$", re.I)
_CONTENTS_LINE = re.compile(r"^\d+\. \[.*\]\(#[^)]*\)$")
_SOURCE_LINK = re.compile(r"^\[(.*)\]\((\S+)\)$")
_ASIDE = re.compile(r"^\*(?=\S)(.*[^\\\s])\*$")
CONTENTS = "Contents"


def escape(text: str) -> str:
    """Make article text literal in Markdown: no emphasis, links, headings, lists or raw HTML."""
    text = _INLINE.sub(r"\\\1", text)
    text = _ENTITY.sub("&amp;", text)
    text = _TAG_START.sub("&lt;", text)
    text = _ORDERED.sub(r"\1\\\2", text)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def unescape(text: str) -> str:
    """Undo `escape` (and the entities it wrote)."""
    return _UNESCAPE.sub(r"\1", text).replace("&lt;", "<").replace("&amp;", "&")


def _yaml(value: object) -> str:
    """A YAML scalar or flow list; JSON strings are valid YAML and keep any character safe."""
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_yaml(v) for v in value) + "]"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return json.dumps(str(value), ensure_ascii=False)


def front_matter(briefing: Briefing) -> dict[str, object]:
    sources = briefing.sources
    meta: dict[str, object] = {
        "title": briefing.title,
        "date": briefing.date,
        "source": sources[0] if len(sources) == 1 else list(sources),
        "method": ", ".join(briefing.methods) or "manual",
        "sentences": briefing.sentence_count,
        "words": briefing.word_count,
    }
    if briefing.audio_seconds is not None:
        meta["audio_seconds"] = round(briefing.audio_seconds, 2)
    return meta


def credit_parts(source: str) -> tuple[str, str]:
    """(name, link) of a story's source: "Name <https://...>", a bare URL, or a path."""
    match = _CREDIT.match(source)
    if match:
        return match.group(1).strip(), match.group(2)
    if _URL.match(source):
        return "", source
    return source, ""


def _source_line(source: str) -> str:
    name, link = credit_parts(source)
    if name and link:
        link = link.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
        return f"[{escape(name)}]({link})"
    if link:
        return f"<{link}>"
    return escape(source)


def anchor(heading: str) -> str:
    """The fragment id a heading gets, the way GitHub and our HTML both compute it."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _contents(briefing: Briefing) -> list[str]:
    """A numbered table of contents linking to each story's heading."""
    lines = ["## Contents", ""]
    used: dict[str, int] = {}
    for number, story in enumerate(briefing.stories, start=1):
        slug = anchor(story.headline)
        used[slug] = used.get(slug, -1) + 1
        if used[slug]:
            slug = f"{slug}-{used[slug]}"
        lines.append(f"{number}. [{escape(story.headline)}](#{slug})")
    return [*lines, ""]


def to_markdown(briefing: Briefing) -> str:
    """The briefing as a CommonMark document with YAML front matter."""
    lines = ["---"]
    lines += [f"{key}: {_yaml(value)}" for key, value in front_matter(briefing).items()]
    lines += ["---", "", f"# {escape(briefing.title)}", ""]
    if briefing.intro:
        lines += [f"*{escape(briefing.intro)}*", ""]
    single = len(briefing.stories) == 1 and briefing.stories[0].headline == briefing.title
    if len(briefing.stories) > 1:
        lines += _contents(briefing)
    for story in briefing.stories:
        if not single:
            lines += [f"## {escape(story.headline)}", ""]
        lines += [escape(s) for s in story.sentences]
        lines.append("")
        if story.sources:
            label = "Source" if len(story.sources) == 1 else "Sources"
            lines += [f"{label}: " + ", ".join(_source_line(s) for s in story.sources), ""]
    if briefing.outro:
        lines += ["* * *", "", f"*{escape(briefing.outro)}*", ""]
    return "\n".join(lines).rstrip() + "\n"


def split_front_matter(text: str) -> tuple[dict[str, object], str]:
    """Front matter fields (as written by `to_markdown`) and the Markdown body."""
    match = re.match(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n?", text, re.S)
    if not match:
        return {}, text
    meta: dict[str, object] = {}
    for line in match.group(1).splitlines():
        key, sep, raw = line.partition(":")
        if not sep or not key.strip():
            continue
        raw = raw.strip()
        try:
            meta[key.strip()] = json.loads(raw)
        except json.JSONDecodeError:
            meta[key.strip()] = raw.strip("'\"")
    return meta, text[match.end() :]


def is_briefing_markdown(text: str) -> bool:
    """A Markdown file written by `briefing make`/`edit` (front matter with title and method)."""
    meta, _ = split_front_matter(text)
    return "title" in meta and "method" in meta


def from_markdown(text: str, *, day: dt.date | None = None) -> Briefing:
    """Read a briefing Markdown file (ours, possibly edited by hand) back into a Briefing."""
    meta, body = split_front_matter(text)
    title = str(meta.get("title", ""))
    stories: list[Story] = []
    headline: str | None = None
    sentences: list[str] = []
    sources: list[str] = []
    intro = outro = ""
    in_contents = False

    def close() -> None:
        nonlocal sentences, sources
        if sentences or sources:
            stories.append(Story(headline or title, tuple(sentences), tuple(sources)))
        sentences, sources = [], []

    for raw in body.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("# ") and not title:
            title = unescape(line[2:].strip())
        elif line.startswith("# "):
            continue
        elif line == f"## {CONTENTS}":
            in_contents = True
        elif in_contents and _CONTENTS_LINE.match(line):
            continue
        elif line.startswith("## "):
            close()
            in_contents = False
            headline = unescape(line[3:].strip())
        elif re.match(r"^Sources?: ", line):
            items = line.split(":", 1)[1].split(", ")
            sources += [_read_source(s.strip()) for s in items if s.strip()]
        elif line == "* * *":
            close()
        elif aside := _ASIDE.match(line):
            text = unescape(aside.group(1))
            if stories or sentences or headline is not None:
                close()
                outro = text
            else:
                intro = text
        else:
            in_contents = False
            sentences.append(unescape(line))
    close()
    method = str(meta.get("method", ""))
    stories = [Story(s.headline, s.sentences, s.sources, method) for s in stories]
    date = day or _date(meta.get("date"))
    seconds = meta.get("audio_seconds")
    return Briefing(
        title=title or "Briefing",
        date=date,
        stories=tuple(stories),
        audio_seconds=float(seconds) if isinstance(seconds, (int, float)) else None,
        intro=intro,
        outro=outro,
    )


def _read_source(item: str) -> str:
    """A source as written by `_source_line`, back to the string it came from."""
    if link := _SOURCE_LINK.match(item):
        url = link.group(2).replace("%20", " ").replace("%28", "(").replace("%29", ")")
        return f"{unescape(link.group(1))} <{url}>"
    return unescape(item.strip("<>"))


def _date(value: object) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return dt.date.today()


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="briefing">
<meta name="date" content="{date}">
<title>{title}</title>
<style>
body {{ font: 1.05rem/1.6 system-ui, sans-serif; max-width: 42rem; margin: 2rem auto;
       padding: 0 1rem; color: #1d1d1f; background: #fff; }}
@media (prefers-color-scheme: dark) {{ body {{ color: #e8e8ea; background: #161618; }} a {{ color: #8ab4f8; }} }}
h1 {{ line-height: 1.2; }} .meta {{ color: #6e6e73; font-size: .9rem; }}
</style>
</head>
<body>
<p class="meta">{date_text}</p>
{body}
</body>
</html>
"""


_SCRIPT_URL = re.compile(r"(?i)\b(javascript|vbscript)\s*:")
_HANDLER = re.compile(r"(?i)\b(on[a-z]+)\s*=")


def _defang(sanitized: str) -> str:
    """Encode leftovers in *text* that look like script URLs or handlers, so even a naive scan
    of the page finds none; readers see the same characters. (nh3 has removed real ones.)"""
    sanitized = _SCRIPT_URL.sub(lambda m: m.group(1) + "&#58;", sanitized)
    return _HANDLER.sub(lambda m: m.group(1) + "&#61;", sanitized)


def to_html(briefing: Briefing, markdown_text: str | None = None) -> str:
    """A standalone HTML page of the briefing, rendered from its Markdown."""
    import markdown

    _, body = split_front_matter(markdown_text or to_markdown(briefing))
    import nh3

    extensions: list[Any] = ["sane_lists"]
    attributes = None
    if len(briefing.stories) > 1:
        from markdown.extensions.toc import TocExtension

        extensions.append(TocExtension(slugify=lambda text, _sep: anchor(text)))
        # Keep the heading ids the table of contents links to.
        attributes = {tag: set(allowed) for tag, allowed in nh3.ALLOWED_ATTRIBUTES.items()}
        attributes.setdefault("h2", set()).add("id")
    # Article text is escaped already, but an edited briefing may hold raw HTML: sanitize.
    rendered = markdown.markdown(body, extensions=extensions, output_format="html")
    rendered = nh3.clean(rendered, attributes=attributes) if attributes else nh3.clean(rendered)
    rendered = _defang(rendered)
    page = _PAGE.format(
        title=html.escape(briefing.title),
        date=briefing.date.isoformat(),
        date_text=html.escape(briefing.date.strftime("%A, %d %B %Y")),
        body=rendered,
    )
    return xml_safe(page)  # an edited draft or a local title may still hold control characters
