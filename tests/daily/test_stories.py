"""Story selection: the --since window, near-duplicates merged across sources, ranking."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing.daily.sources import Candidate, Item
from briefing.daily.stories import Seen, group, in_window, parse_since, rank, select
from briefing.models import Article, Block
from briefing.text import split_sentences

from .newsroom import BRIDGE_GAZETTE, BRIDGE_VALLEY, LIBRARY, PAGES, SCHOOL

NOW = dt.datetime(2025, 3, 4, 7, 0, tzinfo=dt.UTC)


def _candidate(path: str, name: str | None = None, hours_ago: float = 1) -> Candidate:
    title, site_name, paragraphs = PAGES[path]
    blocks = tuple(Block(tuple(split_sentences(p))) for p in paragraphs)
    link = "http://example.test" + path
    return Candidate(
        Article(title, link, blocks),
        name=name or site_name,
        link=link,
        published=NOW - dt.timedelta(hours=hours_ago),
        key=link,
    )


def _item(title: str, published: dt.datetime | None, key: str = "") -> Item:
    return Item(title, "", "Feed", "feed.xml", published, "", key or title)


@pytest.mark.parametrize(
    ("text", "hours"),
    [("24h", 24), ("24", 24), ("90m", 1.5), ("2d", 48), ("1w", 168), (" 36 H ", 36), ("1.5h", 1.5)],
)
def test_since_accepts_hours_minutes_days_and_weeks(text: str, hours: float) -> None:
    assert parse_since(text) == dt.timedelta(hours=hours)


@pytest.mark.parametrize("text", ["", "yesterday", "0h", "-3h", "5y", "h"])
def test_since_refuses_anything_else(text: str) -> None:
    with pytest.raises(ValueError, match="not a duration"):
        parse_since(text)


def test_the_same_event_in_other_words_is_one_story_crediting_both() -> None:
    stories = group(
        [
            _candidate("/gazette/bridge.html"),
            _candidate("/gazette/library.html"),
            _candidate("/valley/mill-river-crossing.html"),
            _candidate("/valley/school.html"),
        ]
    )
    assert [len(s.members) for s in stories] == [2, 1, 1]
    bridge = stories[0]
    assert {m.article.title for m in bridge.members} == {BRIDGE_GAZETTE, BRIDGE_VALLEY}
    assert bridge.names == ("Riverside Gazette", "Valley Times")
    assert len(bridge.credits) == 2
    assert [s.headline for s in stories[1:]] == [LIBRARY, SCHOOL]


def test_a_real_article_is_summarized_before_a_feeds_snippet() -> None:
    from dataclasses import replace

    snippet = replace(_candidate("/gazette/bridge.html"), from_feed_text=True)
    stories = group([snippet, _candidate("/valley/mill-river-crossing.html")])
    assert len(stories) == 1
    assert stories[0].lead.article.title == BRIDGE_VALLEY


def test_the_same_page_from_two_feeds_merges_whatever_its_text() -> None:
    from dataclasses import replace

    a = _candidate("/gazette/library.html", name="Feed A")
    b = replace(_candidate("/valley/school.html", name="Feed B"), link=a.link + "?utm_source=rss")
    assert len(group([a, b])) == 1


def test_different_stories_with_shared_place_names_stay_apart() -> None:
    stories = group([_candidate("/gazette/library.html"), _candidate("/valley/school.html")])
    assert len(stories) == 2


def test_stories_told_by_more_sources_lead_then_the_newest() -> None:
    stories = group(
        [
            _candidate("/valley/school.html", hours_ago=1),
            _candidate("/gazette/library.html", hours_ago=5),
            _candidate("/gazette/bridge.html", hours_ago=9),
            _candidate("/valley/mill-river-crossing.html", hours_ago=8),
        ]
    )
    assert [s.headline for s in rank(stories)] == [BRIDGE_GAZETTE, SCHOOL, LIBRARY]


def test_select_keeps_at_most_max_stories_and_reports_the_rest() -> None:
    chosen, skipped = select(
        [_candidate("/gazette/library.html"), _candidate("/valley/school.html", hours_ago=9)], 1
    )
    assert [s.headline for s in chosen] == [LIBRARY]
    assert len(skipped) == 1 and skipped[0].kind == "limit"
    assert "--max-stories 1" in skipped[0].reason


def test_the_window_keeps_recent_items_and_first_seen_undated_ones(tmp_path: Path) -> None:
    since = NOW - dt.timedelta(hours=24)
    items = [
        _item("recent", NOW - dt.timedelta(hours=2)),
        _item("old", NOW - dt.timedelta(days=3)),
        _item("undated", None, key="guid-1"),
    ]
    seen = Seen(tmp_path / "seen.json")
    kept, old = in_window(items, since, NOW, seen)
    seen.save(NOW)
    assert [i.title for i in kept] == ["recent", "undated"]
    assert [s.kind for s in old] == ["old"]

    # Two days later the undated item is no longer new.
    later = NOW + dt.timedelta(days=2)
    kept, _ = in_window(items[2:], later - dt.timedelta(hours=24), later, Seen(seen.path))
    assert kept == []
