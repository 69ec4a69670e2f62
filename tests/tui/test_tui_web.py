"""`briefing edit URL`: a web page opens in the app like a file, as the one HTML reader sees it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from daily.newsroom import Route, Site, serve

from briefing.render import from_markdown

PAGE = Path(__file__).resolve().parents[1].parent / "bench" / "pages" / "harbour-gazette.html"


@pytest.fixture
def page_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("BRIEFING_HOME", str(tmp_path / "home"))
    with serve(Site()) as site:
        site.routes["/transport/ferry-strike"] = Route(PAGE.read_bytes())
        yield site.url("/transport/ferry-strike")


async def test_a_url_opens_with_its_headline_and_body(make_app, ready, page_url: str) -> None:
    app = make_app(page_url, method="news", sentences=3)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        entry = app.entries[0]
        assert entry.source == page_url
        assert entry.article.title == "Ferry workers vote to strike over new rota"
        assert entry.article.site == "The Harbour Gazette"
        story = from_markdown(app.editor.text).stories[0]
        assert story.sentences[0].startswith("Crews on the three ferries")
        assert not any("cookie" in s.lower() for s in entry.sentences)
        # two subheads listed besides the sentences, never chosen
        assert app.sentence_list.option_count == len(entry.sentences) + 2
