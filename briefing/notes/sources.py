"""Article facts for notes from what each command holds: summaries (make), story groups (daily), a briefing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.notes.article_note import facts_from_source
from briefing.notes.vault import NoteItem

if TYPE_CHECKING:
    from briefing.daily.stories import StoryGroup
    from briefing.models import Article, Briefing, Story, Summary

AUDIO_SUFFIXES = (".mp3", ".wav")


def _authors(article: Article) -> tuple[str, ...]:
    """The article's authors where ingest knows them (a tuple or one string), else none."""
    authors = getattr(article, "authors", ())
    if isinstance(authors, str):
        return (authors,) if authors.strip() else ()
    return tuple(str(a) for a in authors or () if str(a).strip())


def _text(article: Article, name: str) -> str:
    value = getattr(article, name, "")
    return value if isinstance(value, str) else ""


def from_summary(summary: Summary, day: dt.date, audio: Path | None = None) -> NoteItem:
    """The note of one `make` input: its title, its summary, where it was read from."""
    article = summary.article
    url = _text(article, "url")
    facts = facts_from_source(
        article.title,
        day,
        summary.sentences,
        url or article.source,
        published=article.published,
        authors=_authors(article),
        site=_text(article, "site"),
    )
    if not facts.file and article.source != url and Path(article.source).is_file():
        facts = replace(facts, file=article.source)
    return NoteItem(facts, audio)


def from_groups(
    groups: Sequence[StoryGroup], told: Sequence[Story], day: dt.date
) -> list[NoteItem]:
    """The notes of a daily brief's stories: the told summary, crediting every source of the story."""
    items = []
    for group, story in zip(groups, told, strict=False):
        lead = group.lead
        facts = facts_from_source(
            story.headline,
            day,
            story.sentences,
            lead.credit,
            published=group.published,
            authors=_authors(lead.article),
            site=lead.name,
        )
        names = group.names or facts.sources
        items.append(NoteItem(replace(facts, sources=tuple(names))))
    return items


def from_briefing(briefing: Briefing) -> list[NoteItem]:
    """The notes of a briefing alone (the editor's export): one per story, from its credits."""
    items = []
    for story in briefing.stories:
        first = story.sources[0] if story.sources else ""
        facts = facts_from_source(story.headline, briefing.date, story.sentences, first)
        if len(story.sources) > 1:
            names = [facts_from_source("", briefing.date, (), s).sources[0] for s in story.sources]
            facts = replace(facts, sources=tuple(dict.fromkeys(names)))
        items.append(NoteItem(facts))
    return items


def audio_of(files: Sequence[Path]) -> Path | None:
    """The audio among files an export wrote (MP3 before WAV), if any."""
    for suffix in AUDIO_SUFFIXES:
        for path in files:
            if path.suffix == suffix:
                return path
    return None
