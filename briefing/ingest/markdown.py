"""Markdown into blocks with markdown-it-py (the parser the TUI preview uses).

Sentences come out as a reader sees them: markup gone, link text kept,
escapes and entities resolved. Front matter, reference definitions,
footnotes, HTML, code blocks, tables and rules are not article text.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from briefing.ingest.plain import paragraph_blocks
from briefing.models import Block
from briefing.text import squash

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_SKIPPED_CONTAINERS = frozenset({"table", "footnote_block"})
"""Token groups whose text is never article text."""


@cache
def parser() -> MarkdownIt:
    """CommonMark with tables, strikethrough, front matter and footnotes recognised."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    return md.use(front_matter_plugin).use(footnote_plugin)


def markdown_blocks(text: str) -> tuple[str, list[Block]]:
    """(title, blocks) of a Markdown article; the first heading, if it leads, is the title."""
    blocks: list[Block] = []
    heading = False
    skipping = 0
    for token in parser().parse(text):
        container = token.type.removesuffix("_open").removesuffix("_close")
        if container in _SKIPPED_CONTAINERS:
            skipping += 1 if token.nesting == 1 else -1
            continue
        if skipping:
            continue
        if token.type == "heading_open":
            heading = True
        elif token.type == "heading_close":
            heading = False
        elif token.type == "inline":
            lines = _inline_lines(token.children or [])
            if heading:
                if line := squash(" ".join(lines)):
                    blocks.append(Block((line,), is_heading=True))
            else:
                blocks += paragraph_blocks([line for line in lines if line])
    title = ""
    if blocks and blocks[0].is_heading:
        title, blocks = blocks[0].sentences[0], blocks[1:]
    return title, blocks


def _inline_lines(children: list[Token]) -> list[str]:
    """The visible text of an inline run, one string per source line."""
    lines: list[str] = [""]
    for child in children:
        if child.type in ("text", "code_inline"):
            lines[-1] += child.content
        elif child.type in ("softbreak", "hardbreak"):
            lines.append("")
        # images, raw inline HTML, footnote references and markup tokens carry no reader text
    return [squash(line) for line in lines]
