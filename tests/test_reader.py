"""Reading any input back as a briefing to speak (briefing.reader)."""

from __future__ import annotations

from pathlib import Path

from support import SAMPLES

from briefing.assemble import briefing_from
from briefing.models import Article, Pick, Summary
from briefing.reader import full_briefing, read_briefing
from briefing.render import to_markdown


def test_an_article_is_read_in_full() -> None:
    article, briefing = read_briefing(SAMPLES / "harbour-tunnel.txt")
    assert briefing.title == article.title
    assert briefing.stories[0].sentences == article.sentences
    assert briefing == full_briefing(article)


def test_a_briefing_keeps_its_chosen_sentences(tmp_path: Path) -> None:
    source = Article(title="Bridge opens", source="bridge.txt", blocks=())
    summary = Summary(source, "lexrank", (Pick(1, "The second sentence was chosen.", 0.9),))
    path = tmp_path / "bridge.md"
    path.write_text(to_markdown(briefing_from([summary])), encoding="utf-8")
    _, briefing = read_briefing(path)
    assert briefing.title == "Bridge opens"
    assert briefing.stories[0].sentences == ("The second sentence was chosen.",)
