"""Writing into a notes vault: one note per article, the day's note linked, audio attached, runs taking turns."""

from __future__ import annotations

import contextlib
import datetime as dt
import filecmp
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from briefing import frontmatter
from briefing.errors import OutputError
from briefing.files import describe, ensure_dir, publish, slugify, write_bytes
from briefing.notes import article_note, daily_note
from briefing.notes.article_note import ArticleFacts
from briefing.notes.naming import (
    DAILY_FIELDS,
    DAILY_NOTE,
    NOTE_FIELDS,
    NOTE_NAME,
    check_template,
    inside,
    note_path,
    numbered,
)

ATTACHMENTS = "attachments"
"""The vault subfolder audio is copied into (Obsidian embeds it from anywhere in the vault)."""
LOCK_NAME = ".briefing-notes.lock"
LOCK_TIMEOUT = 15 * 60
"""Seconds to wait for another run writing to the same vault (BRIEFING_LOCK_TIMEOUT overrides)."""
MAX_TRIES = 100
"""Notes of other articles with the same name before giving up ("Title 2" ... "Title 100")."""


@dataclass(frozen=True)
class NotesSettings:
    """Where the notes go and how they are named; checked before any work is done."""

    folder: Path
    note_name: str = NOTE_NAME
    daily_note: str = DAILY_NOTE
    tags: tuple[str, ...] = ()
    """Tags every article note gets besides "briefing"."""
    force: bool = False
    """Replace notes edited by hand too."""

    def __post_init__(self) -> None:
        check_template(self.note_name, NOTE_FIELDS, "--note-name")
        check_template(self.daily_note, DAILY_FIELDS, "daily_note")


@dataclass(frozen=True)
class NoteItem:
    """One article to note, and its audio when some was made."""

    facts: ArticleFacts
    audio: Path | None = None


@dataclass
class NotesReport:
    """What a delivery did: files written, notes left alone (and why), lines for the user."""

    files: list[Path] = field(default_factory=list)
    """Notes and attachments written or changed by this run."""
    kept: list[Path] = field(default_factory=list)
    """Notes edited by hand, left as they are."""
    messages: list[str] = field(default_factory=list)
    daily: Path | None = None


def write_notes(
    settings: NotesSettings,
    day: dt.date,
    items: Sequence[NoteItem],
    day_audio: Sequence[Path] = (),
) -> NotesReport:
    """Write each article's note and link them, with the audio, from the day's note.

    An unchanged note is not rewritten; a note edited by hand is kept (unless
    `force`) and reported; a note of another article with the same name gets
    a number. Runs writing to the same vault take turns.

    Raises:
        OutputError: the vault can't be written, or another run held it too long.
    """
    ensure_dir(settings.folder)
    report = NotesReport()
    with _vault_lock(settings.folder):
        writer = _VaultWriter(settings, report)
        writer.claimed.add(inside(settings.folder, _daily_name(settings, day)))
        links: list[str] = []
        embeds: list[str] = []
        for item in items:
            link, embed = writer.article(item)
            links.append(link)
            embeds += [embed] if embed else []
        for audio in day_audio:
            embeds.append(writer.attach(audio, _daily_name(settings, day).name + " briefing"))
        report.daily = writer.daily(day, embeds, links)
    return report


def _daily_name(settings: NotesSettings, day: dt.date) -> PurePosixPath:
    values = {
        "date": day.isoformat(),
        "year": f"{day.year:04d}",
        "month": f"{day.month:02d}",
        "day": f"{day.day:02d}",
        "weekday": day.strftime("%A"),
    }
    return note_path(settings.daily_note, values, day.isoformat())


class _VaultWriter:
    """The steps of one delivery, sharing the settings, the report and the names used so far."""

    def __init__(self, settings: NotesSettings, report: NotesReport) -> None:
        self.settings = settings
        self.folder = settings.folder
        self.report = report
        self.claimed: set[Path] = set()
        """Note files this delivery has placed (and the day's note): no second note goes there."""

    def article(self, item: NoteItem) -> tuple[str, str]:
        """Write (or keep) the article's note; its vault link and its audio's, if any."""
        facts = item.facts
        values = {
            "date": facts.date.isoformat(),
            "title": facts.title,
            "slug": slugify(facts.title),
            "site": facts.site or (facts.sources[0] if facts.sources else ""),
        }
        relative, path, existing = self._place(
            note_path(self.settings.note_name, values, facts.title), facts
        )
        embed = self.attach(item.audio, relative.name) if item.audio else ""
        text = article_note.render(facts, tags=self.settings.tags, audio=embed)
        self._write_note(path, existing, text)
        return relative.as_posix(), embed

    def _place(
        self, wanted: PurePosixPath, facts: ArticleFacts
    ) -> tuple[PurePosixPath, Path, str | None]:
        """The article's own note (by name, then numbered), and its text if it exists."""
        for number in range(1, MAX_TRIES + 1):
            relative = numbered(wanted, number)
            path = inside(self.folder, relative)
            if path in self.claimed:
                continue
            existing = _read(path)
            if existing is None or article_note.same_article(frontmatter.split(existing)[0], facts):
                self.claimed.add(path)
                return relative, path, existing
        raise OutputError(
            f"{inside(self.folder, wanted)}: {MAX_TRIES} notes of other articles have this name"
        )

    def _write_note(self, path: Path, existing: str | None, text: str) -> None:
        if existing == text:
            return
        if (
            existing is not None
            and not self.settings.force
            and not article_note.is_untouched(existing)
        ):
            self.report.kept.append(path)
            self.report.messages.append(
                f"{path}: edited by hand, left as it is (--force replaces it)"
            )
            return
        self.report.files.append(_write(path, text, existing is not None))

    def attach(self, audio: Path, stem: str) -> str:
        """Copy (or link) the audio into the attachments folder; its vault path."""
        relative = PurePosixPath(ATTACHMENTS, stem + audio.suffix)
        target = inside(self.folder, relative, suffix="")
        try:
            same = target.is_file() and filecmp.cmp(audio, target, shallow=False)
        except OSError as exc:
            raise OutputError(f"{audio}: can't be read: {describe(exc)}") from None
        if not same:
            ensure_dir(target.parent)
            self.report.files.append(publish(audio, target, force=target.exists()))
        return relative.as_posix()

    def daily(self, day: dt.date, embeds: list[str], links: list[str]) -> Path:
        """Update the managed section of the day's note, creating the note if needed."""
        relative = _daily_name(self.settings, day)
        path = inside(self.folder, relative)
        existing = _read(path)
        text = daily_note.updated(existing or "", embeds, links, self._exists)
        if text != existing:
            self.report.files.append(_write(path, text, existing is not None))
        return path

    def _exists(self, vault_path: str) -> bool:
        relative = PurePosixPath(vault_path)
        candidates = [self.folder / relative, self.folder / f"{relative}.md"]
        return any(c.is_file() for c in candidates)


def _write(path: Path, text: str, replace: bool) -> Path:
    """Write a note's exact characters (no newline translation: the user's own lines stay as they are)."""
    ensure_dir(path.parent)
    return write_bytes(path, text.encode("utf-8"), force=replace)


def _read(path: Path) -> str | None:
    """A note's text, or None when there is none; one that can't be read is an error."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return handle.read()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        problem = describe(exc) if isinstance(exc, OSError) else "not UTF-8 text"
        raise OutputError(f"{path}: can't read the note: {problem}") from None


def lock_timeout() -> float:
    """Seconds to wait for the vault (BRIEFING_LOCK_TIMEOUT, as for the output folder)."""
    try:
        return max(0.0, float(os.environ.get("BRIEFING_LOCK_TIMEOUT", LOCK_TIMEOUT)))
    except ValueError:
        return LOCK_TIMEOUT


@contextlib.contextmanager
def _vault_lock(folder: Path) -> Iterator[None]:
    """Hold the vault's lock file: a second run waits until the first has written all."""
    from filelock import FileLock, Timeout

    lock = FileLock(str(folder / LOCK_NAME))
    wait = lock_timeout()
    try:
        lock.acquire(timeout=wait)
    except Timeout:
        raise OutputError(
            f"{folder}: another briefing run kept writing notes here for {wait:g} seconds; "
            "nothing was written, try again later"
        ) from None
    except OSError as exc:
        raise OutputError(f"{folder}: can't lock the notes folder: {describe(exc)}") from None
    try:
        yield
    finally:
        lock.release()
