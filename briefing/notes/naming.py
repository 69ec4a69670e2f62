"""Note names from templates such as "{date} {title}": safe on Linux, macOS and Windows, and inside the vault."""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from briefing.errors import UsageError
from briefing.frontmatter import printable

NOTE_NAME = "{date} {title}"
"""The default name of an article's note."""
DAILY_NOTE = "{date}"
"""The default name of the day's note (Obsidian's and Logseq's daily notes use the date too)."""
NOTE_FIELDS = ("date", "title", "slug", "site")
DAILY_FIELDS = ("date", "year", "month", "day", "weekday")

MAX_NAME_BYTES = 200
"""A part of a note's path, in UTF-8 bytes; file systems allow 255, the rest is for ".md" and " 2"."""

_FORBIDDEN = re.compile(r'[\\/:*?"<>|#^\[\]]')
"""Refused by Windows (\\ / : * ? " < > |) or breaking a [[wikilink]] (# ^ [ ] |)."""
_RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{i}" for p in ("com", "lpt") for i in range(10)}


def check_template(template: str, fields: tuple[str, ...], option: str) -> None:
    """Refuse a template naming a field that doesn't exist, before anything is written.

    Raises:
        UsageError: a bad field or brace, naming the option and the known fields.
    """
    known = ", ".join("{" + f + "}" for f in fields)
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise UsageError(f"{option} {template!r}: {exc} (fields: {known})") from None
    for _text, field, spec, conversion in parsed:
        if field is None:
            continue
        if field not in fields or spec or conversion:
            raise UsageError(f"{option} {template!r}: unknown field {{{field}}} (fields: {known})")
    if not template.strip():
        raise UsageError(f"{option}: the name template is empty (fields: {known})")


def note_path(template: str, values: Mapping[str, str], fallback: str) -> PurePosixPath:
    """A note's path inside the vault, without ".md": the template filled in with safe values.

    A "/" written in the template itself makes a subfolder ("Daily/{date}");
    values never do, whatever characters a title holds. Each part is made safe
    on its own, so the path can't leave the vault.
    """
    safe_values = {key: _safe_part(value, "") for key, value in values.items()}
    filled = template.format_map(safe_values)
    parts = [_safe_part(part, "") for part in re.split(r"[\\/]", filled)]
    parts = [p for p in parts if p]
    if not parts:
        parts = [_safe_part(fallback, "note")]
    return PurePosixPath(*parts)


def _safe_part(text: str, fallback: str) -> str:
    """One file or folder name that every common file system and Obsidian accept."""
    text = printable(text).replace(":", " -")
    text = _FORBIDDEN.sub(" ", text)
    text = " ".join(text.split()).strip(". ")
    text = _cut(text, MAX_NAME_BYTES).rstrip(". ")
    if not text:
        return fallback
    if text.split(".")[0].strip().lower() in _RESERVED:
        text = f"{text} note"
    return text


def _cut(text: str, limit: int) -> str:
    """At most `limit` UTF-8 bytes, cut at a word boundary when one is near."""
    if len(text.encode("utf-8")) <= limit:
        return text
    cut = text.encode("utf-8")[:limit].decode("utf-8", errors="ignore")
    space = cut.rfind(" ")
    return cut[:space] if space > len(cut) // 2 else cut


def inside(folder: Path, relative: PurePosixPath, suffix: str = ".md") -> Path:
    """The file of a note path in the vault; refuses one that would resolve outside it."""
    path = folder.joinpath(*relative.parts).with_name(relative.name + suffix)
    root = folder.resolve()
    if not path.resolve().is_relative_to(root):
        raise UsageError(f"{relative}: a note name must stay inside {folder}")
    return path


def numbered(relative: PurePosixPath, number: int) -> PurePosixPath:
    """The name a note takes when its own is taken by another note: "Title 2", "Title 3"."""
    return relative.with_name(f"{relative.name} {number}") if number > 1 else relative
