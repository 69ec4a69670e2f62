"""Web pages into articles with trafilatura: the story's body, title, authors, date and site.

Every HTML input (a saved page, stdin, a URL, a daily-brief page) comes
through `html_article`, so the same page gives the same article however it
arrives. trafilatura finds the article body; its XML keeps subheads apart
from paragraphs. Fragments (a feed entry's HTML) and pages where it finds
nothing are read by the small parser in `fragments`.
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse
from typing import Any

from briefing.errors import InputError
from briefing.ingest.fragments import fragment_blocks
from briefing.ingest.plain import paragraph_blocks
from briefing.language import detect_language
from briefing.models import Article, Block
from briefing.summarize.cleaning import is_byline, is_call_to_action, is_page_notice, is_stamp
from briefing.text import squash

_PAGE_MARK = re.compile(r"<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.I)
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|–—·•»~]|::?|-{1,2})\s+")
_LEAF = frozenset({"p", "head", "quote", "item", "cell"})
_SKIP = frozenset({"code", "graphic", "comments"})
_MAX_FURNITURE_SENTENCES = 2
"""A block this short made only of furniture (a cookie notice, "Share on X") is dropped."""
_FOOTER = re.compile(
    r"©|\((?:c)\) (?:19|20)\d\d|\bcopyright (?:19|20)\d\d\b|\ball rights reserved\b|"
    r"\bregistered in england\b",
    re.I,
)
_FOOTER_WORDS = 50
_STRONG_SEPARATORS = frozenset({"|", "::", "•", "·"})
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1\s*>", re.I | re.S)
_OG_TITLE = re.compile(
    r"<meta\s[^>]*?property=[\"']og:title[\"'][^>]*?content=(?:\"([^\"]*)\"|'([^']*)')", re.I
)
_LAYOUT_CELL_WORDS = 60


def is_full_page(html: str) -> bool:
    """A whole page (doctype, <html>, <head> or <body>), not a fragment of one."""
    return _PAGE_MARK.search(html[:4096]) is not None


def html_article(html: str, *, source: str, url: str = "") -> Article:
    """The article in an HTML page or fragment.

    Raises:
        InputError: no article text in it.
    """
    doc = _extract(html, source, url) if is_full_page(html) else None
    blocks: list[Block] = []
    title = ""
    if doc is not None:
        title = squash(getattr(doc, "title", "") or "")
        body = getattr(doc, "body", None)
        blocks = _body_blocks(body) if body is not None else []
    if not any(not b.is_heading for b in blocks):
        title_found, blocks = fragment_blocks(html)
        title = title or title_found
    blocks = _without_furniture(blocks)
    if not any(not b.is_heading for b in blocks):
        if is_full_page(html):
            raise InputError(source, "no article text found in the page")
        raise InputError(source, "no article text found")
    # A saved page names its own address in <link rel="canonical"> or og:url.
    page_url = url or (str(getattr(doc, "url", "") or "") if doc is not None else "")
    site = squash(getattr(doc, "sitename", "") or "") if doc is not None else ""
    site = site or _host(page_url)
    title = _headline(title, site, page_url, blocks, _title_hints(html))
    blocks = _after_headline(blocks, title)
    language = detect_language(" ".join(s for b in blocks for s in b.sentences))
    return Article(
        title=title or _first_words(blocks),
        source=source,
        blocks=tuple(blocks),
        language=language,
        published=_date(getattr(doc, "date", None)) if doc is not None else None,
        url=page_url,
        site=site,
        authors=_authors(getattr(doc, "author", None)) if doc is not None else (),
    )


def _extract(html: str, source: str, url: str) -> Any:
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            html,
            url=url or None,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            # trafilatura's deduplication remembers text across calls: off, so that
            # reading a page twice in one process gives the same article.
            deduplicate=False,
        )
    except Exception as exc:  # trafilatura and lxml raise many kinds on hostile pages
        raise InputError(source, f"can't extract the article ({type(exc).__name__})") from None


def _body_blocks(body: Any) -> list[Block]:
    """trafilatura's XML body as blocks: <head> elements are subheads, the rest paragraphs."""
    blocks: list[Block] = []
    for element in body.iterchildren():
        _walk(element, blocks)
    return blocks


def _walk(element: Any, blocks: list[Block]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _SKIP:
        return
    if tag == "table":
        if _is_layout(element):
            for cell in element.iter("cell"):
                _walk_cell(cell, blocks)
        else:
            blocks += _table_rows(element)
        return
    nested = [c for c in element.iterchildren() if c.tag in _LEAF or c.tag in ("list", "div")]
    if tag in _LEAF and not nested:
        text = _text(element)
        if tag == "head":
            if line := squash(text):
                blocks.append(Block((line,), is_heading=True))
            return
        for part in re.split(r"\n\s*\n", text):  # <br><br> separates paragraphs
            blocks += paragraph_blocks([line for raw in part.split("\n") if (line := squash(raw))])
        return
    if own := squash(element.text or ""):
        blocks += paragraph_blocks([own])
    for child in element.iterchildren():
        _walk(child, blocks)
        if tail := squash(child.tail or ""):
            blocks += paragraph_blocks([tail])


def _is_layout(table: Any) -> bool:
    """A table used to lay out a page (a cell holds paragraphs of prose), not to show data."""
    return any(len(_text(cell).split()) > _LAYOUT_CELL_WORDS for cell in table.iter("cell"))


def _walk_cell(cell: Any, blocks: list[Block]) -> None:
    """A layout cell read as the part of the page it is."""
    if any(c.tag in _LEAF or c.tag in ("list", "table") for c in cell.iterchildren()):
        for child in cell.iterchildren():
            _walk(child, blocks)
    else:
        cell.tag = "p"
        _walk(cell, blocks)


def _table_rows(table: Any) -> list[Block]:
    """A table's rows as display-only blocks: shown with the article, never quoted by a summary."""
    rows = []
    for row in table.iter("row"):
        cells = [squash(_text(cell)) for cell in row.iterchildren("cell")]
        if line := " ".join(c for c in cells if c):
            rows.append(Block((line,), is_heading=True))
    return rows


def _text(element: Any) -> str:
    """An element's visible text, with <lb/> as a line break."""
    parts = [element.text or ""]
    for child in element.iterchildren():
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag not in _SKIP:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _without_furniture(blocks: list[Block]) -> list[Block]:
    """Blocks minus the page's own furniture, and headings that end the page with no text."""
    kept = [
        b
        for b in blocks
        if not _is_furniture_block(b) or (b.is_heading and not is_stamp(b.sentences[0]))
    ]
    while kept and kept[-1].is_heading:
        kept.pop()
    # A heading followed directly by another heading introduced only furniture.
    return [
        b
        for i, b in enumerate(kept)
        if not (b.is_heading and i + 1 < len(kept) and kept[i + 1].is_heading and _is_notice(b))
    ]


def _is_furniture_block(block: Block) -> bool:
    """A short block that is a site notice, a call to action or the copyright footer.

    Narrower than the summarizer's own check: credits ("Reporting by ...") stay
    in the article text (the summarizer passes over them), since pages count
    them as part of the story; bylines and stamps are metadata, not text.
    """
    if sum(len(s.split()) for s in block.sentences) <= _FOOTER_WORDS and _FOOTER.search(block.text):
        return True
    return len(block.sentences) <= _MAX_FURNITURE_SENTENCES and all(
        is_page_notice(s) or is_call_to_action(s) or is_stamp(s) or is_byline(s)
        for s in block.sentences
    )


def _is_notice(block: Block) -> bool:
    return is_page_notice(block.sentences[0]) or is_call_to_action(block.sentences[0])


def _title_hints(html: str) -> list[str]:
    """The page's <h1> texts and og:title, which name the story without the site."""
    import html as html_lib

    found = [m.group(1) for m in _H1.finditer(html)]
    found += [m.group(1) or m.group(2) for m in _OG_TITLE.finditer(html)]
    return [squash(html_lib.unescape(re.sub(r"<[^>]+>", " ", text))) for text in found]


def _headline(title: str, site: str, url: str, blocks: list[Block], hints: list[str]) -> str:
    """The page title cleaned; a part of it the page shows as a heading (or og:title) wins."""
    headings = [b.sentences[0] for b in blocks if b.is_heading] + hints
    for part in _TITLE_SEPARATOR.split(title):
        if part.strip() and any(_same(part, h) for h in headings):
            return squash(part)
    return clean_title(title, site, url)


def _after_headline(blocks: list[Block], title: str) -> list[Block]:
    """The blocks after the headline, when only headings (menus, kickers) come before it."""
    for i, block in enumerate(blocks):
        if not block.is_heading:
            break
        if _same(block.sentences[0], title):
            return blocks[i + 1 :]
    return blocks


def clean_title(title: str, site: str, url: str = "") -> str:
    """A page title without the site name and section tacked on: "Story | Section | Site"."""
    parts = [p for p in _TITLE_SEPARATOR.split(title) if p.strip()]
    if len(parts) < 2:
        return title
    names = {_key(site), _key(_host(url)), _key(_host(url).split(".")[0])} - {""}
    if site_at_end := _names_site(parts[-1], names):
        parts.pop()
    elif _names_site(parts[0], names):
        parts.pop(0)
    separators = _TITLE_SEPARATOR.findall(title)
    if any(sep.strip() in _STRONG_SEPARATORS for sep in separators):
        # Pipes and double colons mark "Section | Story | Site"; headlines rarely use them.
        return squash(max(parts, key=lambda p: len(p.split())))
    longest = max(len(p.split()) for p in parts)
    while len(parts) > 1 and len(parts[-1].split()) <= 3 and len(parts[0].split()) >= 4:
        if not site_at_end and len(parts[-1].split()) * 2 >= longest:
            break
        parts.pop()
    rebuilt = parts[0]
    for separator, part in zip(separators, parts[1:], strict=False):
        rebuilt += separator + part
    return squash(rebuilt)


def _names_site(part: str, names: set[str]) -> bool:
    """ "BBC News" names the site bbc.co.uk; "The Guardian" names theguardian.com."""
    key = _key(part)
    return bool(key) and any(
        key == n or (min(len(key), len(n)) >= 3 and (key.startswith(n) or n.startswith(key)))
        for n in names
    )


def _key(name: str) -> str:
    """A site name compared loosely: "The Guardian", "theguardian.com" and "guardian" agree."""
    name = name.lower().removeprefix("www.")
    name = re.sub(r"\.(?:com|co\.uk|org|net|news|example|[a-z]{2})$", "", name)
    return re.sub(r"[^a-z0-9]", "", name.removeprefix("the ")).removeprefix("the")


def _same(a: str, b: str) -> bool:
    return squash(a).casefold() == squash(b).casefold()


def _authors(value: object) -> tuple[str, ...]:
    if not value:
        return ()
    names = [squash(n) for n in re.split(r";|\s+and\s+|,\s*(?=[A-Z])", str(value))]
    return tuple(dict.fromkeys(n for n in names if n))


def _date(value: object) -> dt.datetime | None:
    if not value:
        return None
    try:
        day = dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def _host(url: str) -> str:
    host = urllib.parse.urlsplit(url).hostname or "" if url else ""
    return host.removeprefix("www.")


def _first_words(blocks: list[Block], count: int = 10) -> str:
    first = next(s for b in blocks for s in b.sentences)
    words = first.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")
