"""HTML without a page around it (feed entries, snippets), and pages trafilatura finds nothing in.

A small tolerant parser: it keeps paragraphs, headings and list items in
order, and skips scripts, navigation, forms, figures and elements whose
class or id names page furniture (cookie notices, share bars, newsletters,
comments, related links, footers).
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

from briefing.models import Block
from briefing.text import is_subhead, split_sentences, squash

_FURNITURE_NAME = re.compile(
    r"(?:^|[\s_-])(?:(?:cookie|consent|gdpr|newsletter|signup|sign-up|share|sharing|social|"
    r"related|recommended|comments?|promo|advert|ads?|ad-slot|sponsored|breadcrumbs?|popup|"
    r"modal|paywall|footer|masthead|byline|author-bio|tags|read-more|more-stories|outbrain|"
    r"taboola)(?=$|[\s_-])|subscri)",
    re.I,
)
"""Class and id words that mark an element as page furniture rather than the story."""


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
        self._open: Counter[str] = Counter()
        """How many of each tag are on the stack: a stray end tag is dismissed at once."""
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
        self._open[tag] += 1
        hidden = any(k == "hidden" or (k == "aria-hidden" and v == "true") for k, v in attrs)
        named = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role"))
        furniture = (
            bool(named)
            and tag not in ("article", "main", "body", "html")
            and (_FURNITURE_NAME.search(named) is not None)
        )
        if self._skip or tag in self.SKIP or hidden or furniture:
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
        if tag in self.VOID or not self._open[tag]:
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


def fragment_blocks(html: str) -> tuple[str, list[Block]]:
    """(title, blocks) of HTML read by hand: the h1 (else <title>) and the text around it."""
    parser = _ArticleHTML()
    parser.feed(html)
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
        elif sentences := split_sentences(text):
            blocks.append(Block(tuple(sentences)))
    return title, blocks
