"""The notes of one `make` run: each article collected as its briefing is made, then all written at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.formats import FORMATS
from briefing.notes.sources import audio_of, from_summary
from briefing.notes.vault import NoteItem, NotesReport, NotesSettings, write_notes

if TYPE_CHECKING:
    from briefing.models import Summary


class NotesBatch:
    """Articles waiting for their notes; written together so the day's note is updated once."""

    def __init__(self, settings: NotesSettings) -> None:
        self.settings = settings
        self.items: list[NoteItem] = []

    def kept_outputs(self, folder: Path, stem: str, formats: Sequence[str]) -> list[Path]:
        """The briefing's files already in `folder` that a re-run keeps ([] when forced or none).

        A vault is updated run after run; the output folder's files of an
        article already made are its record, not a reason to refuse.
        """
        paths = [folder / f"{stem}{FORMATS[f].suffix}" for f in formats]
        if self.settings.force or not any(p.exists() for p in paths):
            return []
        return [p for p in paths if p.exists()]

    def add(self, summary: Summary, day: dt.date, files: Sequence[Path]) -> None:
        """Note this article, with the audio among its files."""
        self.items.append(from_summary(summary, day, audio_of(files)))

    def write(self) -> NotesReport:
        """Every collected note, and the note of their day (today when none was made) linking them."""
        day = self.items[0].facts.date if self.items else dt.date.today()
        return write_notes(self.settings, day, self.items)
