"""Briefing -> Markdown (with YAML front matter) and standalone HTML, and Markdown back to a Briefing."""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
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
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
"""Characters JSON leaves as they are but a YAML reader refuses (or reads as a line break)."""


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
    return _YAML_UNSAFE.sub(_escaped, json.dumps(str(value), ensure_ascii=False))


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


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
    known = {
        "url": briefing.url,
        "site": briefing.site,
        "authors": list(briefing.authors),
        "published": briefing.published,
    }
    meta.update((key, value) for key, value in known.items() if value)
    from briefing.language import iso_code

    meta["language"] = iso_code(briefing.language)
    if briefing.voice:
        meta["voice"] = briefing.voice
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
    """Front matter fields and the Markdown body; any YAML style (Obsidian writes block lists).

    Dates and times come back as ISO strings, as the fields have always read.
    """
    from briefing.frontmatter import split

    meta, body = split(text)
    return {key: _plain(value) for key, value in meta.items()}, body


def _plain(value: object) -> object:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


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
    authors = meta.get("authors")
    published = meta.get("published")
    return Briefing(
        title=title or "Briefing",
        date=date,
        stories=tuple(stories),
        audio_seconds=float(seconds) if isinstance(seconds, (int, float)) else None,
        intro=intro,
        outro=outro,
        url=str(meta.get("url", "")),
        site=str(meta.get("site", "")),
        authors=tuple(str(a) for a in authors) if isinstance(authors, list) else (),
        published=_date(published) if published else None,
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
<html lang="{lang}">
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
.player {{ margin: 1rem 0 1.5rem; }} .player audio {{ width: 100%; }}
.chapters {{ padding-left: 1.2rem; }} .chapters a {{ text-decoration: none; }}
.chapters time {{ color: #6e6e73; font-variant-numeric: tabular-nums; margin-right: .4rem; }}
</style>
</head>
<body>
<p class="meta"><time datetime="{date}">{date_text}</time></p>
{player}{body}
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


@dataclass(frozen=True)
class PageMedia:
    """The audio a page plays: file names beside the page, and chapter starts (title, seconds)."""

    audio: str
    audio_type: str = "audio/mpeg"
    track: str | None = None
    """The WebVTT transcript, shown as captions."""
    chapters: tuple[tuple[str, float], ...] = ()


_SEEK_SCRIPT = """<script>
// Chapter links seek the player (no network needed); without script they still jump via #t=.
document.querySelectorAll("a[data-start]").forEach(function (link) {
  link.addEventListener("click", function (event) {
    var audio = document.getElementById("briefing-audio");
    event.preventDefault();
    audio.currentTime = parseFloat(link.getAttribute("data-start"));
    audio.play();
  });
});
</script>
"""


def _clock(seconds: float) -> str:
    total = int(seconds)
    hours, rest = divmod(total, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def _player(media: PageMedia, lang: str) -> str:
    """An <audio controls> player with its captions track and chapter links that seek."""
    from urllib.parse import quote

    audio = html.escape(quote(media.audio), quote=True)
    lines = [
        '<figure class="player">',
        f'<audio id="briefing-audio" controls preload="metadata" src="{audio}">',
        f'<source src="{audio}" type="{html.escape(media.audio_type, quote=True)}">',
    ]
    if media.track:
        track = html.escape(quote(media.track), quote=True)
        lines.append(
            f'<track kind="captions" src="{track}" srclang="{html.escape(lang, quote=True)}" '
            'label="Transcript" default>'
        )
    lines += [f'<a href="{audio}">Download the audio</a>', "</audio>"]
    if media.chapters:
        lines.append('<ol class="chapters">')
        for title, start in media.chapters:
            lines.append(
                f'<li><a href="{audio}#t={start:.3f}" data-start="{start:.3f}">'
                f"<time>{_clock(start)}</time>{html.escape(title)}</a></li>"
            )
        lines.append("</ol>")
    lines.append("</figure>")
    return "\n".join(lines) + "\n" + (_SEEK_SCRIPT if media.chapters else "")


def briefing_language(briefing: Briefing) -> str:
    """The two-letter code of the briefing's language, for the page's `lang` and the MP3's tag."""
    from briefing.language import iso_code

    return iso_code(briefing.language)


def page_date(day: dt.date) -> str:
    """The date as the page and the spoken intro both give it: "Tuesday, March 4, 2025"."""
    return f"{day:%A, %B} {day.day}, {day.year}"


def _linked_sources(body: str, folder: Path) -> str:
    """Source lines naming local files become links relative to the page, so a reader can open them."""

    def link(match: re.Match[str]) -> str:
        items = []
        for item in match.group(2).split(", "):
            plain = unescape(item)
            path = Path(plain).expanduser()
            if not _SOURCE_LINK.match(item) and not item.startswith("<") and path.is_file():
                target = Path(os.path.relpath(path.resolve(), folder.resolve())).as_posix()
                target = target.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
                item = f"[{item}]({target})"
            items.append(item)
        return match.group(1) + ", ".join(items)

    return re.sub(r"^(Sources?: )(.+)$", link, body, flags=re.M)


def _html_renderer(*, heading_ids: bool) -> Any:
    """markdown-it-py as the TUI preview configures it ("gfm-like"), with heading ids if asked."""
    from markdown_it import MarkdownIt

    try:
        md = MarkdownIt("gfm-like")
    except (ImportError, ModuleNotFoundError):  # linkify-it-py missing: the same minus autolinks
        md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    if heading_ids:
        used: dict[str, int] = {}

        def add_ids(state: Any) -> None:
            """The same ids `_contents` links to: anchor(text), then -1, -2 for repeats."""
            for i, token in enumerate(state.tokens):
                if token.type == "heading_open" and token.tag == "h2":
                    slug = anchor(state.tokens[i + 1].content)
                    used[slug] = used.get(slug, -1) + 1
                    token.attrSet("id", f"{slug}-{used[slug]}" if used[slug] else slug)

        md.core.ruler.push("heading_ids", add_ids)
    return md


def to_html(
    briefing: Briefing,
    markdown_text: str | None = None,
    *,
    media: PageMedia | None = None,
    lang: str | None = None,
    folder: Path | None = None,
) -> str:
    """A standalone HTML page of the briefing, rendered from its Markdown.

    Args:
        media: the audio beside the page, played by an <audio> element with captions.
        lang: the page's language code (default: guessed from the stories' text).
        folder: where the page is written; local source files are linked relative to it.
    """
    import nh3

    _, body = split_front_matter(markdown_text or to_markdown(briefing))
    if folder is not None:
        body = _linked_sources(body, folder)
    lang = lang or briefing_language(briefing)
    attributes = None
    several = len(briefing.stories) > 1
    if several:
        # Keep the heading ids the table of contents links to.
        attributes = {tag: set(allowed) for tag, allowed in nh3.ALLOWED_ATTRIBUTES.items()}
        attributes.setdefault("h2", set()).add("id")
    # Article text is escaped already, but an edited briefing may hold raw HTML: sanitize.
    rendered = _html_renderer(heading_ids=several).render(body)
    rendered = nh3.clean(rendered, attributes=attributes) if attributes else nh3.clean(rendered)
    rendered = _defang(rendered)
    player = _player(media, lang) if media else ""
    if player and "</h1>" in rendered:
        # Under the title, where a listener looks for it; the page then reads on from there.
        rendered, player = rendered.replace("</h1>", "</h1>\n" + player.rstrip("\n"), 1), ""
    page = _PAGE.format(
        lang=html.escape(lang, quote=True),
        title=html.escape(briefing.title),
        date=briefing.date.isoformat(),
        date_text=html.escape(page_date(briefing.date)),
        player=player,
        body=rendered,
    )
    return xml_safe(page)  # an edited draft or a local title may still hold control characters
