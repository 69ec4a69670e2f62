"""The daily brief's front door: what the user asked for, merged from the command line and config."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from briefing import locations
from briefing.daily.config import DailyConfig
from briefing.daily.podcast import Channel
from briefing.daily.stories import parse_since
from briefing.errors import UsageError
from briefing.language import iso_code
from briefing.notes.vault import NotesSettings

DEFAULT_SINCE = dt.timedelta(hours=24)
DEFAULT_MAX_STORIES = 8


@dataclass(frozen=True)
class DailyOptions:
    """Everything a run needs, already merged from the command line and the config file."""

    sources: tuple[str, ...]
    root: Path
    """The output folder holding the day folders and feed.xml."""
    day: dt.date = field(default_factory=dt.date.today)
    since: dt.timedelta = DEFAULT_SINCE
    max_stories: int = DEFAULT_MAX_STORIES
    minutes: float | None = None
    words: int | None = None
    voice: str = "default"
    method: str | None = None
    channel: Channel = field(default_factory=Channel)
    audio: bool = True
    srt: bool = False
    """Write an SRT transcript beside the WebVTT one."""
    force: bool = False
    """Write the day's files even when nothing changed since the last run."""
    notes: NotesSettings | None = None
    """The notes vault the day's stories go to as well, if any."""
    language: str | None = None
    """--language: every item is in this language (a name), overriding detection."""
    allow_private: bool = False
    """Links found in feeds and pages may reach local and private addresses."""


def options_from(
    conf: DailyConfig,
    *,
    sources: tuple[str, ...] = (),
    since: str | None = None,
    minutes: float | None = None,
    words: int | None = None,
    max_stories: int | None = None,
    voice: str | None = None,
    method: str | None = None,
    out: Path | None = None,
    base_url: str | None = None,
    title: str | None = None,
    audio: bool = True,
    srt: bool | None = None,
    force: bool = False,
    notes: Path | None = None,
    note_name: str | None = None,
    language: str | None = None,
) -> DailyOptions:
    """The run's options: what was given (e.g. on the command line), else the config's.

    Raises:
        UsageError: no sources anywhere, or a --since that isn't a duration.
    """
    config_name = conf.path or locations.config_file()
    sources = sources or conf.feeds
    if not sources:
        raise UsageError(
            f"no sources: give feeds, URLs, files or folders, or list them as feeds in "
            f"{config_name} (briefing daily --init writes an example)"
        )
    try:
        window = parse_since(since or conf.since or "24h")
    except ValueError as exc:
        raise UsageError(f"--since: {exc}") from None
    if minutes is None and words is None:
        minutes, words = conf.minutes, conf.words
    root = out or (Path(conf.output).expanduser() if conf.output else locations.output_root())
    default = Channel()
    channel = Channel(
        title=title or conf.title or default.title,
        description=conf.description or default.description,
        author=conf.author or default.author,
        language=iso_code(language) if language else conf.language or default.language,
        base_url=base_url or conf.base_url,
        image=conf.image,
        owner_email=conf.owner_email,
        copyright=conf.copyright,
        category=conf.category or default.category,
        subcategory=conf.subcategory if conf.category else default.subcategory,
    )
    return DailyOptions(
        sources=tuple(sources),
        root=root,
        since=window,
        max_stories=max_stories or conf.max_stories or DEFAULT_MAX_STORIES,
        minutes=minutes,
        words=words,
        voice=voice or conf.voice or "default",
        method=method or conf.method,
        channel=channel,
        audio=audio,
        srt=bool(conf.srt) if srt is None else srt,
        force=force,
        notes=notes_settings(conf, notes, note_name, force=force),
        language=language,
        allow_private=conf.allow_private,
    )


def notes_settings(
    conf: DailyConfig, folder: Path | None, note_name: str | None, *, force: bool
) -> NotesSettings | None:
    """The notes settings: the folder and name given, else the config's; None without a folder.

    Raises:
        UsageError: a name template with an unknown field.
    """
    from briefing.notes.naming import DAILY_NOTE, NOTE_NAME

    where = folder or (Path(conf.notes) if conf.notes else None)
    if where is None:
        return None
    return NotesSettings(
        folder=where.expanduser(),
        note_name=note_name or conf.note_name or NOTE_NAME,
        daily_note=conf.daily_note or DAILY_NOTE,
        tags=conf.note_tags,
        force=force,
    )
