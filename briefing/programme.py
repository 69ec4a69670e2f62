"""The spoken wording of a multi-story brief: transitions, credits, and its chapters."""

from __future__ import annotations

from urllib.parse import urlsplit

from briefing.models import Briefing, Story
from briefing.render import credit_parts


def transition(number: int, count: int) -> str:
    """What is said before story `number` (from 0) of `count`, e.g. "Next: "."""
    if count == 1:
        return ""
    if number == 0:
        return "First: "
    if number == count - 1:
        return "And finally: "
    return ("Next: ", "Also today: ", "In other news: ")[(number - 1) % 3]


def credit_sentence(story: Story) -> str:
    """The story's sources said aloud by name, e.g. "From Riverside Gazette and Valley News."."""
    names = list(dict.fromkeys(n for n in (spoken_name(s) for s in story.sources) if n))
    if not names:
        return ""
    if len(names) == 1:
        return f"From {names[0]}."
    return f"From {', '.join(names[:-1])} and {names[-1]}."


def spoken_name(source: str) -> str:
    """A source's name as a listener would want it: the site's name, not its address."""
    name, link = credit_parts(source)
    if name and link:
        return name
    if link:
        return (urlsplit(link).hostname or "").removeprefix("www.")
    stem = name.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return stem.replace("-", " ").replace("_", " ").strip()


def sentence(text: str) -> str:
    """A heading read as a sentence, so the engine pauses after it."""
    text = " ".join(text.split())
    return text if not text or text[-1] in ".!?…" else text + "."


def programme_sections(briefing: Briefing) -> list[tuple[str, tuple[str, ...]]]:
    """(chapter title, sentences to say) of a brief with an intro or outro.

    "Intro", then for each story its transition and headline, its summary and
    its credits, then "Outro". A speech script joins the sentences of a
    section with spaces and the sections with blank lines.
    """
    sections: list[tuple[str, tuple[str, ...]]] = []
    if briefing.intro.strip():
        sections.append(("Intro", (sentence(briefing.intro),)))
    count = len(briefing.stories)
    for number, story in enumerate(briefing.stories):
        said = (
            f"{transition(number, count)}{sentence(story.headline)}",
            *story.sentences,
            credit_sentence(story),
        )
        sections.append((story.headline, tuple(s for s in said if s.strip())))
    if briefing.outro.strip():
        sections.append(("Outro", (sentence(briefing.outro),)))
    return sections
