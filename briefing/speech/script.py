"""The exact text handed to the speech engine for a briefing."""

from __future__ import annotations

from briefing.models import Briefing


def speech_script(briefing: Briefing) -> str:
    """Title, then each story (with its headline when there are several), as plain sentences.

    A brief with an intro or outro (the daily brief) is read as a programme:
    see briefing.programme.
    """
    if briefing.intro or briefing.outro:
        from briefing.programme import programme_sections

        sections = programme_sections(briefing)
        return "\n\n".join(" ".join(said) for _, said in sections) + "\n"
    parts = [_sentence(briefing.title)]
    several = len(briefing.stories) > 1
    for story in briefing.stories:
        if several or story.headline != briefing.title:
            parts.append(_sentence(story.headline))
        parts.append(" ".join(story.sentences))
    return "\n\n".join(p for p in parts if p.strip()) + "\n"


def _sentence(text: str) -> str:
    """A heading read as a sentence, so the engine pauses after it."""
    text = text.strip()
    return text if not text or text[-1] in ".!?…" else text + "."
