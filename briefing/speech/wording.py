"""The words a brief wraps its stories in: intro, outro, transitions, credits and spoken dates."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

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
    language: str = "en"
    """The ISO 639-1 code of the language these words are in."""
    date: str = ""
    """The spoken date's template ({weekday}, {day}, {month}, {year}); "" for English's."""
    weekdays: tuple[str, ...] = ()
    """Monday to Sunday in the language ("" for English's: the C locale's names)."""
    months: tuple[str, ...] = ()
    """January to December in the language."""
    article_intro: str = "Here is your briefing for {date}."
    """A voice profile's intro when it is switched to this language (fields as a profile's)."""
    article_outro: str = "That's the briefing. Thanks for listening."

    def spoken_date(self, day: dt.date) -> str:
        """A date the way a newsreader says it: "Tuesday, March 4, 2025"."""
        if self.date:
            return self.date.format(
                weekday=self.weekday(day), day=day.day, month=self.month(day), year=day.year
            )
        return f"{day:%A, %B} {day.day}, {day.year}"

    def weekday(self, day: dt.date) -> str:
        return self.weekdays[day.weekday()] if self.weekdays else f"{day:%A}"

    def month(self, day: dt.date) -> str:
        return self.months[day.month - 1] if self.months else f"{day:%B}"

    def ordinal_day(self, day: dt.date) -> str:
        """The day of the month as an ordinal, "27th", for voice profile templates.

        Other languages write the number alone ("27"); their reading rules say it.
        """
        n = day.day
        if self.language != "en":
            return str(n)
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
    """The wording for a language (a name or ISO code): its voices/wording/<code>.toml, else English."""
    if not language:
        return ENGLISH
    from briefing.language import iso_code

    return _wording_file(iso_code(language).split("-")[0].lower())


@cache
def _wording_file(code: str) -> Wording:
    """The shipped templates of one language (see voices/wording/); English when there are none."""
    if code == "en" or not code.isalpha():
        return ENGLISH
    from importlib import resources

    entry = resources.files("briefing.voices").joinpath("wording", f"{code}.toml")
    if not entry.is_file():
        return ENGLISH
    import tomllib

    data = tomllib.loads(entry.read_text(encoding="utf-8"))
    values: dict[str, Any] = {}
    for name, kind in _TEMPLATE_TYPES.items():
        value = data.get(name, getattr(ENGLISH, name) if name not in _OWN else None)
        if isinstance(value, list):
            value = tuple(str(v) for v in value)
        if not isinstance(value, kind):
            raise ValueError(f"voices/wording/{code}.toml: {name!r} must be a {kind.__name__}")
        values[name] = value
    return Wording(language=code, **values)


_OWN = ("intro", "outro", "title", "counts", "story", "stories", "first", "middle", "last")
"""Templates every language must give itself; the others default to English's punctuation."""
_TEMPLATE_TYPES: dict[str, type] = {
    **dict.fromkeys(("intro", "outro", "title", "story", "stories", "first", "last"), str),
    "counts": tuple,
    "middle": tuple,
    **dict.fromkeys(("credit", "list_separator", "list_last", "date"), str),
    **dict.fromkeys(("article_intro", "article_outro"), str),
    "weekdays": tuple,
    "months": tuple,
}


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
    if wording.date:
        date = wording.spoken_date(day)
    else:
        date = f"{wording.weekday(day)}, {wording.month(day)} {wording.ordinal_day(day)}"
    return {
        "date": date,
        "weekday": wording.weekday(day),
        "month": wording.month(day),
        "day": wording.ordinal_day(day),
        "year": str(day.year),
        "title": briefing.title,
        "stories": str(len(briefing.stories)),
    }
