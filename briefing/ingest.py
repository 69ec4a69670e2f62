"""Read plain text, Markdown or HTML (from a file or stdin) into an Article."""

from __future__ import annotations

import contextvars
import os
import re
import stat
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import BinaryIO

from briefing.errors import InputError
from briefing.language import detect_language
from briefing.models import Article, Block
from briefing.text import is_subhead, split_sentences, squash

MAX_BYTES = 5 * 1024 * 1024
"""Inputs above this size are refused unless the caller raises the limit."""

STDIN = "-"
PARSE_SECONDS = 15.0
"""Wall-clock budget for reading one input into sentences, whatever --max-bytes allows."""
_DEADLINE: contextvars.ContextVar[tuple[str, float]] = contextvars.ContextVar("parse_deadline")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n---[ \t]*\n", re.S)
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_FENCE = re.compile(r"^(```|~~~)")
_MD_TABLE = re.compile(r"^\s*\|.*\|\s*$")
_MD_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_MD_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.{1,300}?)(?<=\S)\1")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>&~])")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_SENTENCE_END = frozenset(".!?…:;\"'”’»)")


def read_article(source: str | Path, *, max_bytes: int = MAX_BYTES) -> Article:
    """Read an article from a path, or from stdin when source is "-".

    Raises:
        InputError: the file is missing, unreadable, binary, too large or empty.
    """
    name = str(source)
    text = read_text(name, max_bytes=max_bytes)
    return parse_article(text, source="stdin" if name == STDIN else name, kind=kind_of(name, text))


def read_text(source: str | Path, *, max_bytes: int = MAX_BYTES) -> str:
    """The decoded text of a file (or stdin for "-"), refusing what `read_article` refuses.

    Raises:
        InputError: the file is missing, unreadable, binary, too large or empty.
    """
    name = str(source)
    return decode(name, _read_bytes(name, max_bytes))


def parse_article(text: str, *, source: str, kind: str = "text") -> Article:
    """Turn already-decoded text of a kind ("text", "markdown", "html") into an Article.

    Raises:
        InputError: no text in it, or reading it took longer than PARSE_SECONDS.
    """
    token = _DEADLINE.set((source, time.monotonic() + PARSE_SECONDS))
    try:
        if kind == "html":
            title, blocks = _html_blocks(text)
        else:
            title, blocks = _text_blocks(text, markdown=kind == "markdown")
    finally:
        _DEADLINE.reset(token)
    if not any(not b.is_heading for b in blocks):
        if blocks or title:
            raise InputError(source, "no article text found (only a title or headings)")
        if kind == "html":
            raise InputError(source, "no article text found in the page")
        raise InputError(source, "no readable text found")
    language = detect_language(" ".join(s for b in blocks for s in b.sentences))
    return Article(
        title=title or _fallback_title(blocks),
        source=source,
        blocks=tuple(blocks),
        language=language,
    )


def _within_budget() -> None:
    """Stop a parse that has run past its deadline (a huge input with --max-bytes raised)."""
    source, deadline = _DEADLINE.get(("", float("inf")))
    if time.monotonic() > deadline:
        raise InputError(
            source, f"took more than {PARSE_SECONDS:g} seconds to read: too large or too complex"
        )


def _sentences(text: str) -> list[str]:
    _within_budget()
    return split_sentences(text)


def decode(name: str, data: bytes) -> str:
    """Decode bytes as text, refusing binary data with a clear message."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(name, "not valid UTF-16 text") from None
    if b"\x00" in data[:8192]:
        if (text := _utf16_without_bom(data)) is not None:
            return text.replace("\r\n", "\n").replace("\r", "\n")
        raise InputError(name, "not a text file (binary data)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _decode_legacy(name, data)
    if _looks_binary(text):
        raise InputError(name, "not a text file (binary data)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark: every other byte is zero for Latin script."""
    if len(data) % 2:
        return None
    sample = data[:8192]
    for zeros, codec in ((sample[1::2], "utf-16-le"), (sample[0::2], "utf-16-be")):
        if zeros.count(0) > 0.6 * len(zeros):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            return text if _reads_like_prose(text) else None
    return None


def _reads_like_prose(text: str) -> bool:
    """Guessed decodings must give mostly letters and spaces, not symbols from binary bytes."""
    sample = text[:4096]
    if not sample or _looks_binary(sample):
        return False
    printable = sum(c.isprintable() or c in "\n\t" for c in sample) / len(sample)
    letters = sum(c.isalpha() or c.isspace() for c in sample) / len(sample)
    return printable > 0.98 and letters > 0.7


def _decode_legacy(name: str, data: bytes) -> str:
    """Decode non-UTF-8 text (Latin-1, Windows-1252, ...) only when the guess is confident."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - charset-normalizer is a dependency
        raise InputError(name, "not UTF-8 text") from None
    best = from_bytes(data).best()
    if best is None or best.chaos > 0.2:
        raise InputError(name, "not a text file (unknown encoding or binary data)")
    return str(best)


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    return controls > max(2, len(sample) // 100)


def _read_bytes(name: str, max_bytes: int) -> bytes:
    if name == STDIN:
        data = _read_capped(sys.stdin.buffer, "stdin", max_bytes)
        if not data.strip():
            raise InputError("stdin", "input is empty")
        return data
    try:
        # O_NONBLOCK: opening a FIFO with no writer must not wait for one.
        fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory, not a file") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except (OSError, ValueError) as exc:
        raise InputError(name, getattr(exc, "strerror", None) or "can't be read") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(name, "is a directory, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(name, "not a regular file (pipe or device); pass it on stdin as -")
        if info.st_size > max_bytes:
            raise InputError(
                name,
                f"file is {info.st_size:,} bytes, over the {max_bytes:,}-byte limit (see --max-bytes)",
            )
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb") as stream:
            fd = -1
            data = _read_capped(stream, name, max_bytes)
    except OSError as exc:
        raise InputError(name, exc.strerror or "can't be read") from None
    finally:
        if fd >= 0:
            os.close(fd)
    if not data.strip():
        raise InputError(name, "file is empty" if not data else "file has only whitespace")
    return data


def _read_capped(stream: BinaryIO, name: str, max_bytes: int) -> bytes:
    """At most `max_bytes` from `stream`, read in chunks: over the limit fails at once, mid-read."""
    parts: list[bytes] = []
    size = 0
    while chunk := stream.read(min(1 << 20, max_bytes + 1 - size)):
        size += len(chunk)
        if size > max_bytes:
            raise InputError(name, f"input is larger than {max_bytes:,} bytes (see --max-bytes)")
        parts.append(chunk)
    return b"".join(parts)


def kind_of(name: str, text: str) -> str:
    """ "text", "markdown" or "html", from the file name and, for stdin, a look at the text."""
    suffix = Path(name).suffix.lower()
    if suffix in {".html", ".htm", ".xhtml"}:
        return "html"
    if suffix in {".md", ".markdown"}:
        return "markdown"
    if suffix == "" or name == STDIN:
        head = text.lstrip()[:512].lower()
        if head.startswith(("<!doctype html", "<html")) or "<body" in head:
            return "html"
        if head.startswith("---\n") or re.search(r"^#{1,6} ", text, re.M):
            return "markdown"
    return "text"


def _fallback_title(blocks: list[Block]) -> str:
    first = next(s for b in blocks for s in b.sentences)
    words = first.split()
    return " ".join(words[:10]) + ("…" if len(words) > 10 else "")


def _paragraph(lines: list[str]) -> list[Block]:
    """A run of non-blank lines: subhead lines become headings, the rest paragraphs.

    A short unpunctuated line counts as a subhead only where a line break can
    end a sentence (first line, or after a line with end punctuation), so a
    hard-wrapped paragraph is never cut at a short line.
    """
    blocks: list[Block] = []
    pending: list[str] = []

    def flush() -> None:
        if pending:
            if sentences := _sentences(" ".join(pending)):
                blocks.append(Block(tuple(sentences)))
            pending.clear()

    for i, line in enumerate(lines):
        starts_fresh = not pending or pending[-1].rstrip()[-1:] in _SENTENCE_END
        continues = i + 1 < len(lines) and lines[i + 1].lstrip()[:1].islower()
        if is_subhead(line) and starts_fresh and not continues:
            flush()
            blocks.append(Block((squash(line),), is_heading=True))
        else:
            pending.append(line)
    flush()
    return blocks


def _text_blocks(text: str, *, markdown: bool) -> tuple[str, list[Block]]:
    if markdown:
        text = _FRONT_MATTER.sub("", text, count=1)
    title = ""
    blocks: list[Block] = []
    run: list[str] = []
    in_fence = False

    def end_run() -> None:
        if run:
            blocks.extend(_paragraph(run))
            run.clear()

    lines = text.split("\n")
    for i, raw in enumerate(lines):
        line = raw.strip()
        if markdown and _MD_FENCE.match(line):
            end_run()
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if not line:
            end_run()
            continue
        if markdown:
            heading = _MD_HEADING.match(line)
            if heading is None and run and _SETEXT.match(line) and len(run) == 1:
                heading_text = _inline_markdown(run.pop())
                blocks.append(Block((heading_text,), is_heading=True))
                continue
            if heading:
                end_run()
                blocks.append(Block((_inline_markdown(heading.group(2)),), is_heading=True))
                continue
            if _MD_TABLE.match(line) or _MD_RULE.match(line) or line.startswith(("<!--", "<")):
                end_run()
                continue
            if _MD_LIST.match(line):
                end_run()
                line = _MD_LIST.sub("", line, count=1)
                run.append(_inline_markdown(line.lstrip("> ")))
                end_run()
                continue
            line = _inline_markdown(line.lstrip("> ").strip())
            if not line:
                continue
        elif not title and not blocks and not run and _is_title_line(line, lines, i):
            # A plain-text article's first line is its title when it reads like one.
            title = squash(line)
            continue
        run.append(line)
    end_run()
    if not title and blocks and blocks[0].is_heading:
        title = blocks[0].sentences[0]
        blocks = blocks[1:]
    return title, blocks


_FULL_STOP_END = re.compile(r"(?<!\.)\.[\"'”’)\]]*$")


def _is_title_line(line: str, lines: list[str], i: int) -> bool:
    next_blank = i + 1 >= len(lines) or not lines[i + 1].strip()
    words = len(line.split())
    # Headlines don't end in a full stop; a first paragraph that does is the lead sentence.
    if _FULL_STOP_END.search(line):
        return False
    return words <= 25 and (next_blank or is_subhead(line)) and len(lines) > i + 1


def _inline_markdown(text: str) -> str:
    """Markdown inline markup reduced to the words a reader sees."""
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    for _ in range(2):
        text = _MD_EMPHASIS.sub(r"\2", text)
    return squash(_MD_ESCAPE.sub(r"\1", text))


class _ArticleHTML(HTMLParser):
    """Collects text blocks from HTML, skipping scripts, navigation and other page furniture."""

    SKIP = frozenset(
        [
            "script",
            "style",
            "nav",
            "footer",
            "header",
            "aside",
            "form",
            "noscript",
            "svg",
            "iframe",
            "button",
            "select",
            "template",
            "figure",
            "figcaption",
            "menu",
            "dialog",
            "object",
            "canvas",
        ]
    )
    BLOCKS = frozenset(
        [
            "p",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "li",
            "blockquote",
            "div",
            "section",
            "article",
            "main",
            "td",
            "pre",
            "dd",
            "dt",
        ]
    )
    HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
    VOID = frozenset(
        [
            "area",
            "base",
            "br",
            "col",
            "embed",
            "hr",
            "img",
            "input",
            "link",
            "meta",
            "source",
            "track",
            "wbr",
        ]
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.h1 = ""
        self.blocks: list[tuple[str, str, int]] = []
        """(tag, text, article depth) for every block of text, in order."""
        self._stack: list[str] = []
        self._open: dict[str, int] = {}
        """How many of each tag are on _stack: a stray end tag is O(1), not a scan of the stack."""
        self._skip = 0
        self._in_title = False
        self._article = 0
        self._text: list[str] = []
        self._tag = "p"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            if tag == "br":
                self._text.append(" ")
            return
        self._stack.append(tag)
        self._open[tag] = self._open.get(tag, 0) + 1
        hidden = any(k == "hidden" or (k == "aria-hidden" and v == "true") for k, v in attrs)
        if self._skip or tag in self.SKIP or hidden:
            self._skip += 1
            return
        if tag == "title":
            self._in_title = True
        if tag in ("article", "main"):
            self._article += 1
        if tag in self.BLOCKS:
            self._flush()
            self._tag = tag

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID or not self._open.get(tag):
            return
        while self._stack:
            open_tag = self._stack.pop()
            self._open[open_tag] -= 1
            if self._skip:
                self._skip -= 1
            else:
                if open_tag == "title":
                    self._in_title = False
                if open_tag in self.BLOCKS:
                    self._flush()
                if open_tag in ("article", "main"):
                    self._article -= 1
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._in_title:
            self.title += data
        elif self._stack:
            self._text.append(data)

    def _flush(self) -> None:
        text = squash("".join(self._text))
        self._text.clear()
        if text:
            if self._tag == "h1" and not self.h1:
                self.h1 = text
            self.blocks.append((self._tag, text, self._article))
        self._tag = "p"

    def close(self) -> None:
        super().close()
        self._flush()


def _html_blocks(html: str) -> tuple[str, list[Block]]:
    parser = _ArticleHTML()
    for start in range(0, len(html), 1 << 16):
        _within_budget()
        parser.feed(html[start : start + (1 << 16)])
    parser.close()
    raw = parser.blocks
    if any(depth for _, _, depth in raw):
        raw = [b for b in raw if b[2]]
    title = parser.h1 or squash(parser.title)
    blocks: list[Block] = []
    for tag, text, _ in raw:
        if tag in _ArticleHTML.HEADINGS or is_subhead(text):
            if text != title:
                blocks.append(Block((text,), is_heading=True))
        elif sentences := _sentences(text):
            blocks.append(Block(tuple(sentences)))
    return title, blocks
