"""Summaries -> one Briefing: a single story, or the day's stories in the order given."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from briefing.models import Briefing, Story, Summary


def story_from(summary: Summary) -> Story:
    article = summary.article
    return Story(article.title, summary.sentences, (article.source,), summary.method)


def briefing_from(
    summaries: Sequence[Summary], *, title: str | None = None, day: dt.date | None = None
) -> Briefing:
    """One briefing of the summaries, in order; one article's briefing takes its title."""
    day = day or dt.date.today()
    if title is None:
        if len(summaries) == 1:
            title = summaries[0].article.title
        else:
            title = f"Briefing for {day:%A, %B} {day.day}, {day.year}"
    return Briefing(title=title, date=day, stories=tuple(story_from(s) for s in summaries))
