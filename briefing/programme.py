"""A multi-story brief as chapters of sentences to say; its wording comes from speech.wording."""

from __future__ import annotations

from briefing.models import Briefing
from briefing.speech.wording import (
    ENGLISH,
    Wording,
    as_sentence,
    credit_sentence,
    spoken_name,
    transition,
    wording_for,
)

# Kept importable from here for the modules and tests that use these names.
sentence = as_sentence
__all__ = ["credit_sentence", "programme_sections", "sentence", "spoken_name", "transition"]


def programme_sections(
    briefing: Briefing, wording: Wording = ENGLISH
) -> list[tuple[str, tuple[str, ...]]]:
    """(chapter title, sentences to say) of a brief with an intro or outro.

    "Intro", then for each story its transition and headline, its summary and
    its credits, then "Outro". A speech script joins the sentences of a
    section with spaces and the sections with blank lines.
    """
    sections: list[tuple[str, tuple[str, ...]]] = []
    if briefing.intro.strip():
        sections.append(("Intro", (as_sentence(briefing.intro),)))
    count = len(briefing.stories)
    for number, story in enumerate(briefing.stories):
        # A story in another language than the brief's is introduced and credited in its own.
        own = wording
        if story.language and story.language != briefing.language:
            own = wording_for(story.language)
        # A title made up from a cut first sentence ("Defense officials said…") is not
        # read: the sentence itself follows in full.
        headline = "" if _is_cut(story.headline) else as_sentence(story.headline)
        said = (
            f"{transition(number, count, own)}{headline}".strip(),
            *story.sentences,
            credit_sentence(story, own),
        )
        sections.append((story.headline, tuple(s for s in said if s.strip())))
    if briefing.outro.strip():
        sections.append(("Outro", (as_sentence(briefing.outro),)))
    return sections


def _is_cut(headline: str) -> bool:
    """Whether a headline is a fallback cut from the text (it ends in an ellipsis)."""
    return headline.rstrip().endswith(("…", "..."))
