"""The daily brief's logbook: what a run did, in the shape `daily --json` prints."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.daily.budget import Budget
from briefing.daily.sources import Skip
from briefing.daily.stories import StoryGroup
from briefing.errors import BriefingError
from briefing.fetch import Stats
from briefing.language import DEFAULT_LANGUAGE, iso_code
from briefing.models import Story
from briefing.timings import Timings


@dataclass
class DailyResult:
    """What a run did: files written, stories told, and everything left out with the reason."""

    day: dt.date
    folder: Path
    files: list[Path] = field(default_factory=list)
    feed: Path | None = None
    feed_updated: bool = False
    stories: list[StoryGroup] = field(default_factory=list)
    told: list[Story] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    older: int = 0
    notes: list[str] = field(default_factory=list)
    up_to_date: bool = False
    audio: Path | None = None
    audio_seconds: float | None = None
    budget: Budget | None = None
    rate_key: str = ""
    stats: Stats = field(default_factory=Stats)
    notes_files: list[Path] = field(default_factory=list)
    """Notes and attachments written to the notes vault (with --notes)."""
    voices: dict[str, str] = field(default_factory=dict)
    """The engine voice each language was read with (language name -> voice id)."""
    kept_stories: list[dict[str, Any]] = field(default_factory=list)
    """The stories of the kept day as its manifest lists them (a run that found nothing new)."""
    timings: Timings = field(default_factory=Timings)
    """Where the run's time went, phase by phase."""

    def manifest(self) -> dict[str, Any]:
        """The run as JSON-ready data (what `--json` prints)."""
        return {
            "date": self.day.isoformat(),
            "folder": str(self.folder),
            "files": [str(p) for p in self.files],
            "feed": str(self.feed) if self.feed else None,
            "feed_updated": self.feed_updated,
            "up_to_date": self.up_to_date,
            "audio": str(self.audio) if self.audio else None,
            "audio_seconds": round(self.audio_seconds, 2) if self.audio_seconds else None,
            "budget": self.budget.describe() if self.budget else None,
            "budget_words": self.budget.words if self.budget else None,
            "wpm": self.budget.wpm if self.budget else None,
            "rate_key": self.rate_key,
            "stories": self._stories(),
            "skipped": [
                {"source": s.source, "reason": s.reason, "kind": s.kind} for s in self.skipped
            ],
            "older_items": self.older,
            "notes": list(self.notes),
            "notes_files": [str(p) for p in self.notes_files],
            "fetch": {
                "fetched": self.stats.fetched,
                "not_modified": self.stats.not_modified,
                "fresh": self.stats.fresh,
                "failed": self.stats.failed,
            },
            "timings": self.timings.to_json(),
        }

    def _stories(self) -> list[dict[str, Any]]:
        if not self.told and self.kept_stories:
            return list(self.kept_stories)
        return [
            {
                "headline": story.headline,
                "words": story.word_count,
                "language": iso_code(story.language or DEFAULT_LANGUAGE),
                "voice": self.voices.get(story.language or DEFAULT_LANGUAGE, ""),
                "sources": [
                    {"name": m.name, "link": m.link, "feed_text": m.from_feed_text}
                    for m in group.members
                ],
            }
            for group, story in zip(self.stories, self.told, strict=False)
        ]


class NothingToBrief(BriefingError):
    """No story survived (every source failed, or nothing new in the window)."""

    def __init__(self, message: str, result: DailyResult) -> None:
        super().__init__(message)
        self.result = result
