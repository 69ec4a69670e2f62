"""The exact text handed to the speech engine for a briefing."""

from __future__ import annotations

from urllib.parse import urlsplit

from briefing.models import Briefing, Story
from briefing.render import credit_parts


def speech_script(briefing: Briefing) -> str:
    """Title, then each story (with its headline when there are several), as plain sentences.

    A briefing with an intro or outro (the daily brief) is read as a programme
    instead: intro, each story introduced by a transition and followed by its
    sources, then the outro.
    """
    if briefing.intro or briefing.outro:
        return _programme(briefing)
    parts = [_sentence(briefing.title)]
    several = len(briefing.stories) > 1
    for story in briefing.stories:
        if several or story.headline != briefing.title:
            parts.append(_sentence(story.headline))
        parts.append(" ".join(story.sentences))
    return "\n\n".join(p for p in parts if p.strip()) + "\n"


def _programme(briefing: Briefing) -> str:
    texts = [text for _, text in programme_sections(briefing)]
    return "\n\n".join(texts) + "\n"


def programme_sections(briefing: Briefing) -> list[tuple[str, str]]:
    """(chapter title, spoken text) of a programme: "Intro", each story's headline, "Outro".

    Joined with blank lines they are exactly `speech_script`'s text, so a
    chapter's start is the length of the sections before it plus the separators.
    """
    sections = [("Intro", _sentence(briefing.intro))] if briefing.intro.strip() else []
    count = len(briefing.stories)
    for number, story in enumerate(briefing.stories):
        parts = [
            f"{transition(number, count)}{_sentence(story.headline)}",
            " ".join(story.sentences),
            credit_sentence(story),
        ]
        sections.append((story.headline, "\n\n".join(p for p in parts if p.strip())))
    if briefing.outro.strip():
        sections.append(("Outro", _sentence(briefing.outro)))
    return sections


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


def _sentence(text: str) -> str:
    """A heading read as a sentence, so the engine pauses after it."""
    text = text.strip()
    return text if not text or text[-1] in ".!?…" else text + "."
