"""Read an article (plain text, Markdown or HTML) from a file, stdin or a web address."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from briefing.errors import InputError
from briefing.ingest.decoding import STDIN, decode, decode_web, read_bytes
from briefing.language import detect_language
from briefing.models import Article, Block
from briefing.sanitize import strip_controls
from briefing.text import in_language
from briefing.urls import is_web_url

__all__ = [
    "MAX_BYTES",
    "STDIN",
    "Input",
    "decode",
    "is_web_url",
    "kind_of",
    "load",
    "parse_article",
    "read_article",
    "read_text",
]

MAX_BYTES = 5 * 1024 * 1024
"""Inputs above this size are refused unless the caller raises the limit."""
_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})


@dataclass(frozen=True)
class Input:
    """An input's decoded text, what kind it is and where it came from."""

    text: str
    name: str
    """How messages and briefings name it: the path, "stdin" or the URL asked for."""
    kind: str
    """"text", "markdown" or "html"."""
    url: str = ""
    """For web input, the page's address after redirects."""

    def article(self, language: str | None = None) -> Article:
        return parse_article(
            self.text, source=self.name, kind=self.kind, url=self.url, language=language
        )


def load(source: str | Path, *, max_bytes: int = MAX_BYTES) -> Input:
    """Read a path, stdin ("-") or an http(s) URL, without parsing it yet.

    Raises:
        InputError: missing, unreachable, unreadable, binary, too large or empty.
    """
    name = str(source)
    if is_web_url(name):
        return _load_url(name, max_bytes)
    data = read_bytes(name, max_bytes)
    if Path(name).suffix.lower() in _HTML_SUFFIXES:
        text = decode_web(name, data, None)
    else:
        text = decode(name, data)
    return Input(text, "stdin" if name == STDIN else name, kind_of(name, text))


def read_article(
    source: str | Path, *, max_bytes: int = MAX_BYTES, language: str | None = None
) -> Article:
    """Read an article from a path, a URL, or stdin when source is "-" (`language`: see parse_article).

    Raises:
        InputError: the input is missing, unreachable, unreadable, binary, too large or empty.
    """
    return load(source, max_bytes=max_bytes).article(language)


def read_text(source: str | Path, *, max_bytes: int = MAX_BYTES) -> str:
    """The decoded text of a file, URL or stdin, refusing what `read_article` refuses."""
    return load(source, max_bytes=max_bytes).text


def parse_article(
    text: str, *, source: str, kind: str = "text", url: str = "", language: str | None = None
) -> Article:
    """Turn already-decoded text of a kind ("text", "markdown", "html") into an Article.

    `language` (a name, "german") overrides detection; the sentences are split with its rules.
    """
    text = strip_controls(text)
    if kind == "html":
        from briefing.ingest.html import html_article

        page = html_article(text, source=source, url=url)
        chosen = language or page.language
        return replace(page, language=chosen, blocks=tuple(in_language(page.blocks, chosen)))
    if kind == "markdown":
        from briefing.ingest.markdown import markdown_blocks

        title, blocks = markdown_blocks(text)
    else:
        from briefing.ingest.plain import text_blocks

        title, blocks = text_blocks(text)
    if not any(not b.is_heading for b in blocks):
        if blocks or title:
            raise InputError(source, "no article text found (only a title or headings)")
        raise InputError(source, "no readable text found")
    language = language or detect_language(" ".join(s for b in blocks for s in b.sentences))
    blocks = list(in_language(blocks, language))
    return Article(
        title=title or _fallback_title(blocks),
        source=source,
        blocks=tuple(blocks),
        language=language,
        url=url,
    )


def kind_of(name: str, text: str) -> str:
    """ "text", "markdown" or "html", from the file name and, for stdin, a look at the text."""
    suffix = Path(name).suffix.lower() if not is_web_url(name) else ""
    if suffix in _HTML_SUFFIXES:
        return "html"
    if suffix in {".md", ".markdown"}:
        return "markdown"
    if suffix == "" or name == STDIN:
        head = text.lstrip()[:1024].lower()
        if head.startswith(("<!doctype html", "<html")) or re.search(r"<(?:body|head)[\s>]", head):
            return "html"
        if head.startswith("---\n") or re.search(r"^#{1,6} ", text, re.M):
            return "markdown"
    return "text"


def _load_url(url: str, max_bytes: int) -> Input:
    from briefing import locations
    from briefing.fetch import Cache, Fetcher

    response = Fetcher(Cache(locations.cache_dir() / "http"), max_bytes=max_bytes).get(url)
    if not response.body.strip():
        raise InputError(url, "the page is empty")
    text = decode_web(url, response.body, response.charset)
    content_type = response.content_type.split(";")[0].strip().lower()
    if content_type in ("text/markdown", "text/x-markdown"):
        kind = "markdown"
    elif content_type == "text/plain":
        kind = kind_of(STDIN, text)
    elif content_type in ("text/html", "application/xhtml+xml", "") or "<" in text[:1024]:
        kind = "html"
    else:
        raise InputError(url, f"not an article ({content_type})")
    return Input(text, url, kind, response.final_url)


def _fallback_title(blocks: list[Block]) -> str:
    first = next(s for b in blocks for s in b.sentences)
    words = first.split()
    return " ".join(words[:10]) + ("…" if len(words) > 10 else "")
