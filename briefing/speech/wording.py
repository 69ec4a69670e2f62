"""The words a brief wraps its stories in: intro, outro, transitions, credits and spoken dates."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.models import Briefing, Story
from briefing.render import credit_parts

TEMPLATE_FIELDS = ("date", "weekday", "month", "day", "year", "title", "stories")
"""Fields an intro or outro template may use, e.g. "Here is your briefing for {date}."."""


@dataclass(frozen=True)
class Wording:
    """One language's set of wrapper words, so a brief in another language can bring its own.

    Templates use str.format fields: {date} in `intro` and `title`, {count} and
    {noun} in `intro`, {names} in `credit`.
    """

    intro: str
    outro: str
    title: str
    """The title of a brief of several stories."""
    counts: tuple[str, ...]
    """Numbers said as words, from zero; larger counts are said as digits."""
    story: str
    stories: str
    first: str
    middle: tuple[str, ...]
    """Said before the stories between the first and the last, in turn."""
    last: str
    credit: str
    list_separator: str
    list_last: str

    def spoken_date(self, day: dt.date) -> str:
        """A date the way a newsreader says it: "Tuesday, March 4, 2025"."""
        return f"{day:%A, %B} {day.day}, {day.year}"

    def ordinal_day(self, day: dt.date) -> str:
        """The day of the month as an ordinal, "27th", for voice profile templates."""
        n = day.day
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"

    def count(self, number: int) -> str:
        return self.counts[number] if number < len(self.counts) else str(number)

    def listing(self, names: Sequence[str]) -> str:
        """Names joined as said aloud: "A", "A and B", "A, B and C"."""
        if len(names) <= 1:
            return "".join(names)
        return f"{self.list_separator.join(names[:-1])}{self.list_last}{names[-1]}"


ENGLISH = Wording(
    intro="Here is your briefing for {date}, with {count} {noun}.",
    outro="That's the briefing for today. Thanks for listening.",
    title="Briefing for {date}",
    counts=("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    story="story",
    stories="stories",
    first="First: ",
    middle=("Next: ", "Also today: ", "In other news: "),
    last="And finally: ",
    credit="From {names}.",
    list_separator=", ",
    list_last=" and ",
)


def wording_for(language: str | None = None) -> Wording:
    """The wording for a language; English until per-language templates ship (issue 14)."""
    return ENGLISH


def spoken_date(day: dt.date, wording: Wording = ENGLISH) -> str:
    """A date the way a newsreader says it: "Tuesday, March 4, 2025"."""
    return wording.spoken_date(day)


def brief_title(day: dt.date, wording: Wording = ENGLISH) -> str:
    """The title of a brief of several stories: "Briefing for Tuesday, March 4, 2025"."""
    return wording.title.format(date=wording.spoken_date(day))


def intro_for(day: dt.date, count: int, wording: Wording = ENGLISH) -> str:
    """The opening line of a daily brief: the date and how many stories follow."""
    noun = wording.story if count == 1 else wording.stories
    return wording.intro.format(
        date=wording.spoken_date(day), count=wording.count(count), noun=noun
    )


def outro(wording: Wording = ENGLISH) -> str:
    """The closing line of a daily brief."""
    return wording.outro


def transition(number: int, count: int, wording: Wording = ENGLISH) -> str:
    """What is said before story `number` (from 0) of `count`, e.g. "Next: "."""
    if count == 1:
        return ""
    if number == 0:
        return wording.first
    if number == count - 1:
        return wording.last
    return wording.middle[(number - 1) % len(wording.middle)]


def credit_sentence(story: Story, wording: Wording = ENGLISH) -> str:
    """The story's sources said aloud by name, e.g. "From Riverside Gazette and Valley News."."""
    names = list(dict.fromkeys(n for n in (spoken_name(s) for s in story.sources) if n))
    if not names:
        return ""
    return wording.credit.format(names=wording.listing(names))


def spoken_name(source: str) -> str:
    """A source's name as a listener would want it: the feed's or site's name, or nothing.

    An address, a host name, a folder or a file name is no name to read out
    ("From defense, defense two and ..."): those sources are credited in writing only.
    """
    name = credit_parts(source)[0].strip()
    if _PATH_LIKE.search(name) or _HOST_LIKE.match(name):
        return ""
    return name


_PATH_LIKE = re.compile(r"[/\\]|\.(?:html?|md|markdown|txt|xml|rss|atom|opml)$", re.I)
_HOST_LIKE = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)+$")


def as_sentence(text: str) -> str:
    """A heading read as a sentence, so the engine pauses after it."""
    text = " ".join(text.split())
    return text if not text or text[-1] in ".!?…" else text + "."


def template_values(briefing: Briefing, wording: Wording = ENGLISH) -> dict[str, str]:
    """What {date}, {weekday}, ... in a voice profile's intro or outro stand for."""
    day: dt.date = briefing.date
    return {
        "date": f"{day:%A}, {day:%B} {wording.ordinal_day(day)}",
        "weekday": f"{day:%A}",
        "month": f"{day:%B}",
        "day": wording.ordinal_day(day),
        "year": str(day.year),
        "title": briefing.title,
        "stories": str(len(briefing.stories)),
    }
