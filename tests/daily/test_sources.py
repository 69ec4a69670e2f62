"""Reading inputs: feeds (files and URLs), OPML lists, article pages, files and folders."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from briefing.daily.sources import (
    Candidate,
    Item,
    Reader,
    Skip,
    feed_items,
    opml_feeds,
    page_candidate,
)
from briefing.fetch import Cache, Fetcher

from .newsroom import LIBRARY, MISSING, PAGES, Route, Site, page_html, rss_feed


def _reader(tmp_path: Path, **kwargs: object) -> Reader:
    return Reader(Fetcher(Cache(tmp_path / "cache")), **kwargs)  # type: ignore[arg-type]


def test_rss_and_atom_feeds_give_dated_items(news: Site, tmp_path: Path) -> None:
    found = _reader(tmp_path).read([news.url("/gazette/rss.xml"), news.url("/valley/atom.xml")])
    assert found.skipped == [] and found.feeds == 2
    assert [i.feed for i in found.items] == ["Riverside Gazette"] * 4 + ["Valley Times"] * 2
    assert all(i.published and i.published.tzinfo for i in found.items)
    harvest = next(i for i in found.items if i.title == MISSING)
    assert harvest.link == news.url("/gazette/harvest-fair.html")
    assert "eighty stalls" in harvest.text


def test_an_article_page_is_extracted_without_the_page_furniture(tmp_path: Path) -> None:
    path = "/gazette/library.html"
    candidate = page_candidate(
        "http://example.test" + path, page_html(path), "http://example.test" + path, "utf-8"
    )
    article = candidate.article
    assert article.title == LIBRARY
    assert candidate.name == "Riverside Gazette"
    assert article.sentences[0].startswith("The Carnegie library in Eastfield")
    text = " ".join(article.sentences)
    assert "Most read" not in text and "Copyright" not in text and "Sport" not in text
    assert len(article.sentences) == len(PAGES[path][2])


def test_an_article_url_given_directly_is_a_story(news: Site, tmp_path: Path) -> None:
    found = _reader(tmp_path).read([news.url("/valley/school.html")])
    assert found.items == [] and len(found.articles) == 1
    assert found.articles[0].explicit
    assert found.articles[0].credit == f"Valley Times <{news.url('/valley/school.html')}>"


def test_a_page_that_fails_falls_back_to_the_feed_text_and_says_so(
    news: Site, tmp_path: Path
) -> None:
    reader = _reader(tmp_path)
    found = reader.read([news.url("/gazette/rss.xml")])
    harvest = next(i for i in found.items if i.title == MISSING)
    candidate = reader.candidate(harvest)
    assert isinstance(candidate, Candidate)
    assert candidate.from_feed_text
    assert "HTTP 404" in candidate.notes[0]
    assert candidate.article.sentences[0].startswith("The harvest fair returns")


def test_an_item_without_page_or_text_is_skipped(site: Site, tmp_path: Path) -> None:
    item = Item("Empty", site.url("/gone.html"), "Feed", "feed.xml", None, "", "k")
    outcome = _reader(tmp_path).candidate(item)
    assert isinstance(outcome, Skip)
    assert outcome.reason.startswith(site.url("/gone.html") + ": HTTP 404")


def test_a_page_is_fetched_once_however_many_items_link_to_it(news: Site, tmp_path: Path) -> None:
    reader = _reader(tmp_path)
    link = news.url("/gazette/bridge.html")
    for feed in ("A", "B"):
        reader.candidate(Item("Bridge", link, feed, "x", None, "", link))
    assert [h.path for h in news.hits] == ["/gazette/bridge.html"]


def test_opml_lists_feeds_from_nested_outlines_and_relative_paths(
    news: Site, tmp_path: Path
) -> None:
    feed = tmp_path / "feeds" / "gazette.xml"
    feed.parent.mkdir()
    feed.write_bytes(rss_feed(news, dt.datetime.now(dt.UTC)))
    opml = tmp_path / "feeds" / "list.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>'
        '<outline text="Local"><outline type="rss" text="Gazette" xmlUrl="gazette.xml"/></outline>'
        f'<outline type="rss" text="Valley" xmlUrl="{news.url("/valley/atom.xml")}"/>'
        '<outline text="No feed here"/></body></opml>',
        encoding="utf-8",
    )
    found = _reader(tmp_path).read([str(opml)])
    assert found.skipped == []
    assert {i.feed for i in found.items} == {"Riverside Gazette", "Valley Times"}
    assert [h.path for h in news.hits] == ["/valley/atom.xml"]


def test_opml_without_feeds_is_reported() -> None:
    import pytest

    from briefing.errors import InputError

    with pytest.raises(InputError, match="names no feeds"):
        opml_feeds("x.opml", b"<opml><body><outline text='a'/></body></opml>", "x.opml")


def test_a_folder_gives_its_recent_articles_and_feeds(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "fresh.txt").write_text(
        "Fresh news\n\nA new park opened today. It has a pond and a playground.", encoding="utf-8"
    )
    stale = folder / "stale.md"
    stale.write_text("# Stale\n\nThis happened long ago. Nobody remembers it.", encoding="utf-8")
    week_ago = (dt.datetime.now() - dt.timedelta(days=7)).timestamp()
    os.utime(stale, (week_ago, week_ago))
    (folder / "notes.bin").write_bytes(b"\x00\x01")
    (folder / ".hidden.txt").write_text("Hidden. Not read.", encoding="utf-8")
    since = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    found = _reader(tmp_path, folder_since=since).read([str(folder)])
    assert [c.article.title for c in found.articles] == ["Fresh news"]
    assert not found.articles[0].explicit
    assert [(s.source, s.kind) for s in found.skipped] == [(str(stale), "old")]


def test_a_named_old_file_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_text("Old news\n\nIt rained. Then it stopped.", encoding="utf-8")
    os.utime(path, (0, 0))
    found = _reader(tmp_path, folder_since=dt.datetime.now(dt.UTC)).read([str(path)])
    assert found.articles[0].explicit and found.skipped == []


def test_bad_inputs_are_skipped_with_reasons(site: Site, tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text("<rss version='2.0'><chan", encoding="utf-8")
    other = tmp_path / "other.xml"
    other.write_text("<config><value>1</value></config>", encoding="utf-8")
    site.routes["/image.png"] = Route(b"\x89PNG\r\n\x1a\n\x00\x00", "image/png")
    found = _reader(tmp_path).read(
        [str(broken), str(other), str(tmp_path / "nope.opml"), site.url("/image.png")]
    )
    reasons = {s.source: s.reason for s in found.skipped}
    assert set(reasons) == {
        str(broken),
        str(other),
        str(tmp_path / "nope.opml"),
        site.url("/image.png"),
    }
    assert reasons[str(broken)] == "broken feed: unclosed token"
    assert reasons[str(other)] == "not a feed, an OPML list or an article"
    assert reasons[str(tmp_path / "nope.opml")] == "no such file or folder"


def test_feed_entries_without_dates_or_links_still_count() -> None:
    data = (
        b"<rss version='2.0'><channel><title>Plain</title>"
        b"<item><description>Only a description. Two sentences.</description></item>"
        b"</channel></rss>"
    )
    items = feed_items("plain.xml", data, "plain.xml")
    assert items is not None and len(items) == 1
    assert items[0].published is None and items[0].link == ""
    assert items[0].title.startswith("Only a description")
