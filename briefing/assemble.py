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
    stories = tuple(story_from(s) for s in summaries)
    if len(summaries) != 1:
        return Briefing(title=title, date=day, stories=stories)
    article = summaries[0].article
    return Briefing(
        title=title,
        date=day,
        stories=stories,
        url=article.url,
        site=article.site,
        authors=article.authors,
        published=article.published.date() if article.published else None,
    )


_COUNTS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def spoken_date(day: dt.date) -> str:
    """A date the way a newsreader says it: "Tuesday, March 4, 2025"."""
    return f"{day:%A, %B} {day.day}, {day.year}"


def intro_for(day: dt.date, count: int) -> str:
    """The opening line of a daily brief: the date and how many stories follow."""
    number = _COUNTS[count] if count < len(_COUNTS) else str(count)
    noun = "story" if count == 1 else "stories"
    return f"Here is your briefing for {spoken_date(day)}, with {number} {noun}."


OUTRO = "That's the briefing for today. Thanks for listening."


def programme_from(
    stories: Sequence[Story], *, day: dt.date | None = None, title: str | None = None
) -> Briefing:
    """A daily brief: the stories in order, between an intro (date, count) and an outro."""
    day = day or dt.date.today()
    return Briefing(
        title=title or f"Briefing for {spoken_date(day)}",
        date=day,
        stories=tuple(stories),
        intro=intro_for(day, len(stories)),
        outro=OUTRO,
    )
