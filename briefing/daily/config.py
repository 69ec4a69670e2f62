"""The daily brief's settings file (TOML): feeds, voice, length, output folder, podcast details."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from briefing.errors import InputError, OutputError
from briefing.files import write_text
from briefing.urls import is_web_url


@dataclass(frozen=True)
class DailyConfig:
    """Every setting is optional: command-line options win, then these, then the defaults."""

    feeds: tuple[str, ...] = ()
    voice: str | None = None
    minutes: float | None = None
    words: int | None = None
    since: str | None = None
    max_stories: int | None = None
    method: str | None = None
    output: str | None = None
    base_url: str | None = None
    title: str | None = None
    description: str | None = None
    author: str | None = None
    language: str | None = None
    image: str | None = None
    owner_email: str | None = None
    copyright: str | None = None
    category: str | None = None
    subcategory: str | None = None
    srt: bool | None = None
    notes: str | None = None
    """A notes vault (or a folder in one) that gets a note per story and the day's note."""
    note_name: str | None = None
    daily_note: str | None = None
    note_tags: tuple[str, ...] = ()
    allow_private: bool = False
    """Links in feeds may reach local and private addresses (for briefing an intranet)."""
    path: Path | None = None


_TYPES: dict[str, type | tuple[type, ...]] = {
    "feeds": list,
    "voice": str,
    "minutes": (int, float),
    "words": int,
    "since": (str, int, float),
    "max_stories": int,
    "method": str,
    "output": str,
    "base_url": str,
    "title": str,
    "description": str,
    "author": str,
    "language": str,
    "image": str,
    "owner_email": str,
    "copyright": str,
    "category": str,
    "subcategory": str,
    "srt": bool,
    "notes": str,
    "note_name": str,
    "daily_note": str,
    "note_tags": list,
    "allow_private": bool,
}
_KNOWN = [f.name for f in fields(DailyConfig) if f.name != "path"]
LIMITS = {"minutes": 600, "words": 100_000, "max_stories": 1_000}
"""Upper bounds of the numbers (--minutes allows 600 too): inf or 1e308 would never finish."""


def load(path: Path, *, required: bool = True) -> DailyConfig:
    """Read and check a config file; relative feed paths are relative to the file's folder.

    Args:
        required: when False, a missing file gives the empty config.

    Raises:
        InputError: the file can't be read, isn't TOML, or a setting is unknown or of the
            wrong type (the message names the file and the setting).
    """
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        if not required:
            return DailyConfig()
        raise InputError(name, "no such config file (briefing daily --init writes one)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(name, getattr(exc, "strerror", None) or "can't be read") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(name, f"invalid TOML: {exc}") from None
    values: dict[str, object] = {}
    for key, value in data.items():
        if key not in _TYPES:
            raise InputError(name, f"unknown setting {key!r} (known: {', '.join(_KNOWN)})")
        kind = _TYPES[key]
        if isinstance(value, bool) != (kind is bool) or not isinstance(value, kind):
            raise InputError(
                name, f"setting {key!r} has the wrong type ({_kind_name(kind)} expected)"
            )
        values[key] = value
    feeds = values.pop("feeds", [])
    assert isinstance(feeds, list)
    if not all(isinstance(f, str) and f.strip() for f in feeds):
        raise InputError(name, "setting 'feeds' must be a list of addresses or paths")
    tags = values.pop("note_tags", [])
    assert isinstance(tags, list)
    if not all(isinstance(t, str) and t.strip() for t in tags):
        raise InputError(name, "setting 'note_tags' must be a list of tags")
    if isinstance(values.get("notes"), str):
        values["notes"] = _resolve(str(values["notes"]), path.parent)
    for key, high in LIMITS.items():
        number = values.get(key)
        if isinstance(number, (int, float)) and not 0 < number <= high:  # NaN fails too
            raise InputError(name, f"setting {key!r} must be above 0 and at most {high:,}")
    if "minutes" in values and "words" in values:
        raise InputError(name, "give either 'minutes' or 'words', not both")
    if "since" in values:
        values["since"] = str(values["since"])
    if "minutes" in values:
        values["minutes"] = float(values["minutes"])  # type: ignore[arg-type]
    return DailyConfig(
        feeds=tuple(_resolve(f.strip(), path.parent) for f in feeds),
        note_tags=tuple(t.strip() for t in tags),
        path=path,
        **values,  # type: ignore[arg-type]
    )


def _kind_name(kind: type | tuple[type, ...]) -> str:
    names = {
        list: "a list",
        str: "a string",
        int: "a whole number",
        float: "a number",
        bool: "true or false",
    }
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(dict.fromkeys(names[k] for k in kinds))


def _resolve(feed: str, folder: Path) -> str:
    if is_web_url(feed):
        return feed
    path = Path(feed).expanduser()
    return str(path if path.is_absolute() else folder / path)


EXAMPLE = """\
# Settings for `briefing daily`. Every setting is optional; command-line options win.
# Run from cron, e.g. every morning at 6:30:
#   30 6 * * *  briefing daily --config {path} --json > /tmp/briefing.json

# Where the stories come from: RSS or Atom feeds, OPML lists of feeds, article
# pages, local files or folders. Relative paths are relative to this file.
feeds = [
    # "https://example.org/news/rss.xml",
    # "https://example.com/atom.xml",
    # "subscriptions.opml",
    # "~/Articles",
]

# How long the whole brief should be: minutes of speech (at the voice's real
# speaking rate), or a number of words. Leading stories get a little more.
minutes = 5
# words = 750

# Only items from this window: 24h, 36h, 90m, 2d, ...
since = "24h"
max_stories = 8

# Voice profile (see `briefing voices`) and summarizing method (`briefing methods`).
voice = "default"
# method = "lexrank"

# Where output/<YYYY-MM-DD>/ folders and feed.xml go.
# output = "~/briefings"

# The podcast feed (output/feed.xml). Set base_url to where the output folder
# is served from, so podcast apps can download the audio.
title = "Daily briefing"
# description = "A short spoken summary of the day's news."
# author = "Me"
# language = "en"
# base_url = "https://example.org/brief/"
# image = "https://example.org/brief/cover.jpg"   # default: a cover drawn into output/cover.png
# owner_email = "me@example.org"                  # itunes:owner, for podcast directories
# copyright = "© 2025 Me"
# category = "News"                               # an Apple Podcasts category ...
# subcategory = "Daily News"                      # ... and subcategory
# srt = true                                      # an SRT transcript beside the WebVTT one

# A notes vault (Obsidian, Logseq, a plain folder): a note per story, and the
# day's note linking them with the audio. Names: {{date}} {{title}} {{slug}} {{site}}.
# notes = "~/Vault/News"
# note_name = "{{date}} {{title}}"
# daily_note = "{{date}}"
# note_tags = ["news"]

# Links inside feeds and pages never reach this machine or your local network
# (loopback, link-local and private addresses) unless you allow it here, e.g.
# to brief your own intranet. Feeds you list above may always be local.
# allow_private = true
"""


def write_example(path: Path, *, force: bool = False) -> Path:
    """Write a commented example config to `path`.

    Raises:
        OutputError: the file exists (without `force`) or can't be written.
    """
    if path.exists() and not force:
        raise OutputError(f"{path} already exists (use --force to overwrite)")
    return write_text(path, EXAMPLE.format(path=path), force=force)
