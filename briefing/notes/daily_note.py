"""The day's note: a managed section of [[links]] and audio embeds; everything else stays byte for byte."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

BEGIN = "<!-- briefing: begin (this section is rewritten by each run) -->"
END = "<!-- briefing: end -->"
HEADING = "## Briefing"

_SECTION = re.compile(
    r"^<!-- briefing: begin\b[^\n]*-->[ \t]*\n.*?^<!-- briefing: end -->[ \t]*$", re.S | re.M
)
_EMBED = re.compile(r"^!\[\[([^\]|#]+)[^\]]*\]\]\s*$")
_LINK = re.compile(r"^- \[\[([^\]|#]+)[^\]]*\]\]\s*$")


def entries(text: str) -> tuple[list[str], list[str]]:
    """The audio embeds and note links the managed section holds now (vault paths)."""
    match = _SECTION.search(text)
    if not match:
        return [], []
    embeds, links = [], []
    for line in match.group(0).splitlines():
        if embed := _EMBED.match(line):
            embeds.append(embed.group(1).strip())
        elif link := _LINK.match(line):
            links.append(link.group(1).strip())
    return embeds, links


def section(embeds: Sequence[str], links: Sequence[str]) -> str:
    """The managed section: heading, audio, then one link per article note."""
    lines = [BEGIN, HEADING, ""]
    lines += [f"![[{e}]]" for e in embeds]
    if embeds:
        lines.append("")
    lines += [f"- [[{link}]]" for link in links]
    return "\n".join([*lines, END])


def updated(
    text: str,
    embeds: Sequence[str],
    links: Sequence[str],
    exists: Callable[[str], bool],
) -> str:
    """The note with its section holding what it held (still there) plus the new entries, once each.

    A note without the section gets it at the end; one with it has exactly
    that span replaced, so what the user wrote around it is kept as it is.

    Args:
        exists: whether a vault path still names a file (links to deleted notes go).
    """
    old_embeds, old_links = entries(text)
    keep_embeds = dict.fromkeys([*(e for e in old_embeds if exists(e)), *embeds])
    keep_links = dict.fromkeys([*(n for n in old_links if exists(n)), *links])
    managed = section(list(keep_embeds), list(keep_links))
    match = _SECTION.search(text)
    if match:
        return text[: match.start()] + managed + text[match.end() :]
    if not text:
        return managed + "\n"
    gap = "\n" if text.endswith("\n") else "\n\n"
    if text.endswith("\n\n"):
        gap = ""
    return text + gap + managed + "\n"
