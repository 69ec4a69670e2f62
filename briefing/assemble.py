"""Summaries -> one Briefing: a single story, or the day's stories in the order given."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from briefing.language import DEFAULT_LANGUAGE, shared_language
from briefing.models import Briefing, Story, Summary
from briefing.speech.wording import (
    ENGLISH,
    Wording,
    brief_title,
    intro_for,
    outro,
    spoken_date,
    wording_for,
)


def story_from(summary: Summary) -> Story:
    article = summary.article
    return Story(
        article.title, summary.sentences, (article.source,), summary.method, article.language
    )


def briefing_from(
    summaries: Sequence[Summary], *, title: str | None = None, day: dt.date | None = None
) -> Briefing:
    """One briefing of the summaries, in order; one article's briefing takes its title."""
    day = day or dt.date.today()
    language = shared_language(s.article.language for s in summaries)
    if title is None:
        wording = wording_for(language)
        title = summaries[0].article.title if len(summaries) == 1 else brief_title(day, wording)
    stories = tuple(story_from(s) for s in summaries)
    if len(summaries) != 1:
        return Briefing(title=title, date=day, stories=stories, language=language)
    article = summaries[0].article
    return Briefing(
        title=title,
        date=day,
        stories=stories,
        language=language,
        url=article.url,
        site=article.site,
        authors=article.authors,
        published=article.published.date() if article.published else None,
    )


# The wording lives in speech.wording; these names stay for the modules that import them here.
OUTRO = outro()
__all__ = ["OUTRO", "briefing_from", "intro_for", "programme_from", "spoken_date", "story_from"]


def programme_from(
    stories: Sequence[Story],
    *,
    day: dt.date | None = None,
    title: str | None = None,
    wording: Wording = ENGLISH,
    language: str = DEFAULT_LANGUAGE,
) -> Briefing:
    """A daily brief: the stories in order, between an intro (date, count) and an outro.

    `language` is the brief's own (its wrapper words'); each story keeps its own.
    """
    day = day or dt.date.today()
    return Briefing(
        language=language,
        title=title or brief_title(day, wording),
        date=day,
        stories=tuple(stories),
        intro=intro_for(day, len(stories), wording),
        outro=outro(wording),
    )
