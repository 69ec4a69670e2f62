"""The notes vault as a delivery target (`briefing.targets`): options in, the notes written out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.errors import UsageError

if TYPE_CHECKING:
    from briefing.models import Briefing
    from briefing.notes.vault import NotesReport, NotesSettings


def settings_from(options: Mapping[str, str]) -> NotesSettings:
    """Settings from target options: folder, note_name, daily_note, tags (comma list), force ("1").

    Raises:
        UsageError: no folder, or a name template with an unknown field.
    """
    from briefing.notes.naming import DAILY_NOTE, NOTE_NAME
    from briefing.notes.vault import NotesSettings

    folder = options.get("folder", "").strip()
    if not folder:
        raise UsageError("notes: give the notes folder (the vault, or a folder in it)")
    tags = tuple(t.strip() for t in options.get("tags", "").split(",") if t.strip())
    return NotesSettings(
        folder=Path(folder).expanduser(),
        note_name=options.get("note_name") or NOTE_NAME,
        daily_note=options.get("daily_note") or DAILY_NOTE,
        tags=tags,
        force=options.get("force", "") in ("1", "true", "yes"),
    )


class NotesTarget:
    """A notes vault (Obsidian, Logseq, a plain folder): a note per story and the day's note."""

    name = "notes"
    description = "Markdown notes with properties in a notes vault, linked from the day's note"

    def __init__(self) -> None:
        self.last: NotesReport | None = None
        """What the latest delivery did (its messages name notes edited by hand)."""

    def deliver(
        self, briefing: Briefing, files: Sequence[Path], options: Mapping[str, str]
    ) -> list[Path]:
        from briefing.notes.sources import audio_of, from_briefing
        from briefing.notes.vault import write_notes

        audio = audio_of(files)
        items = from_briefing(briefing)
        if len(items) == 1 and audio is not None:
            items = [replace(items[0], audio=audio)]
            audio = None
        self.last = write_notes(
            settings_from(options), briefing.date, items, [audio] if audio else []
        )
        return list(self.last.files)
