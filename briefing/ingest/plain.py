"""Plain text into blocks: blank lines end paragraphs, a headline-like first line is the title."""

from __future__ import annotations

import re

from briefing.models import Block
from briefing.text import is_subhead, split_sentences, squash

_SENTENCE_END = frozenset(".!?…:;\"'”’»)")
_FULL_STOP_END = re.compile(r"(?<!\.)\.[\"'”’)\]]*$")


def paragraph_blocks(lines: list[str]) -> list[Block]:
    """A run of non-blank lines: subhead lines become headings, the rest paragraphs.

    A short unpunctuated line counts as a subhead only where a line break can
    end a sentence (first line, or after a line with end punctuation), so a
    hard-wrapped paragraph is never cut at a short line.
    """
    blocks: list[Block] = []
    pending: list[str] = []

    def flush() -> None:
        if pending:
            if sentences := split_sentences(" ".join(pending)):
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


def text_blocks(text: str) -> tuple[str, list[Block]]:
    """(title, blocks) of a plain-text article; the title is "" when the text has none."""
    title = ""
    blocks: list[Block] = []
    run: list[str] = []
    lines = text.split("\n")
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            blocks.extend(paragraph_blocks(run))
            run.clear()
        elif not title and not blocks and not run and _is_title_line(line, lines, i):
            title = squash(line)
        else:
            run.append(line)
    blocks.extend(paragraph_blocks(run))
    if not title and blocks and blocks[0].is_heading:
        title, blocks = blocks[0].sentences[0], blocks[1:]
    return title, blocks


def _is_title_line(line: str, lines: list[str], i: int) -> bool:
    """A plain-text article's first line is its title when it reads like one."""
    next_blank = i + 1 >= len(lines) or not lines[i + 1].strip()
    # Headlines don't end in a full stop; a first paragraph that does is the lead sentence.
    if _FULL_STOP_END.search(line):
        return False
    return len(line.split()) <= 25 and (next_blank or is_subhead(line)) and len(lines) > i + 1
