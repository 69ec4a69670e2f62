"""Any input read back as a briefing to speak: a briefing .md as written, else the whole article."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from briefing.assemble import briefing_from
from briefing.ingest import MAX_BYTES, load
from briefing.models import Article, Briefing, Pick, Summary
from briefing.render import from_markdown, is_briefing_markdown


def read_briefing(
    source: str | Path, *, max_bytes: int = MAX_BYTES, language: str | None = None
) -> tuple[Article, Briefing]:
    """The input as an article (for its language) and as the briefing to say.

    `language` (a name) overrides a briefing's front matter and detection.

    A briefing written by `make` keeps its chosen sentences; any other input
    (or a briefing with no stories) is read in full, every sentence in order.

    Raises:
        InputError: the input (a file, stdin or a web address) can't be read, is too
            large or has no text.
    """
    loaded = load(source, max_bytes=max_bytes)
    text = loaded.text
    if language is None and is_briefing_markdown(text):
        language = _front_matter_language(text)
    article = loaded.article(language)
    if is_briefing_markdown(text):
        briefing = from_markdown(text)
        if briefing.stories:
            return article, replace(briefing, language=article.language)
    return article, full_briefing(article)


def _front_matter_language(text: str) -> str | None:
    """The language a briefing's front matter names (`language: "de"`), if any."""
    from briefing.language import language_named
    from briefing.render import split_front_matter

    written = split_front_matter(text)[0].get("language")
    try:
        return language_named(str(written)) if written else None
    except ValueError:
        return None


def full_briefing(article: Article) -> Briefing:
    """A briefing that says the whole article, as if every sentence were picked."""
    picks = tuple(Pick(i, s, 0.0) for i, s in enumerate(article.sentences))
    return briefing_from([Summary(article, "full", picks)])
