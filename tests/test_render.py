"""Render: YAML front matter + CommonMark body, HTML page, and Markdown read back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from markdown_it import MarkdownIt

from briefing.models import Briefing, Story
from briefing.render import (
    escape,
    from_markdown,
    split_front_matter,
    to_html,
    to_markdown,
    unescape,
)

DAY = dt.date(2026, 11, 25)


def _briefing(
    *sentences: str, title: str = "Harbour tunnel opens", seconds: float | None = None
) -> Briefing:
    story = Story(title, sentences, ("samples/harbour.txt",), "lexrank")
    return Briefing(title, DAY, (story,), audio_seconds=seconds)


def test_front_matter_fields() -> None:
    text = to_markdown(_briefing("One sentence here.", "Another one follows.", seconds=12.345))
    meta, body = split_front_matter(text)
    assert meta == {
        "title": "Harbour tunnel opens",
        "date": "2026-11-25",
        "source": "samples/harbour.txt",
        "method": "lexrank",
        "sentences": 2,
        "words": 6,
        "audio_seconds": 12.35,
        "language": "en",
    }
    assert body.lstrip().startswith("# Harbour tunnel opens\n")
    assert "Source: samples/harbour.txt" in body


def test_no_audio_seconds_without_audio() -> None:
    meta, _ = split_front_matter(to_markdown(_briefing("A sentence.")))
    assert "audio_seconds" not in meta


def test_markdown_specials_in_article_text_stay_literal() -> None:
    hostile = [
        "# Not a heading.",
        "1. Not a list.",
        "Use *stars* and _unders_ and [links](x).",
        "<script>alert(1)</script> done.",
    ]
    text = to_markdown(_briefing(*hostile, title="Title with *stars*"))
    html = MarkdownIt("gfm-like").render(split_front_matter(text)[1])
    assert (
        "<script>" not in html and "<em>" not in html and "<a " not in html and "<ol>" not in html
    )
    assert html.count("<h1>") == 1
    back = from_markdown(text)
    assert back.title == "Title with *stars*"
    assert back.stories[0].sentences == tuple(hostile)


def test_escape_round_trip() -> None:
    for text in ["a * b", "x_y", "# h", "- item", "5. five", "a & b", "a &amp; b", "<b>", "\\path"]:
        assert unescape(escape(text)) == text


def test_markdown_round_trip_keeps_stories_and_sources() -> None:
    stories = (
        Story("First story", ("It happened.", "Then more."), ("https://example.org/a",), "lexrank"),
        Story("Second story", ("Something else.",), ("b.txt", "c.txt"), "lexrank"),
    )
    briefing = Briefing("Daily", DAY, stories)
    back = from_markdown(to_markdown(briefing))
    assert back.title == "Daily"
    assert [s.headline for s in back.stories] == ["First story", "Second story"]
    assert back.stories[0].sources == ("https://example.org/a",)
    assert back.stories[1].sources == ("b.txt", "c.txt")


def test_html_is_a_standalone_page() -> None:
    page = to_html(_briefing("Curly “quotes” and café.", "Second."))
    assert page.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in page
    assert "<title>Harbour tunnel opens</title>" in page
    assert "<h1>Harbour tunnel opens</h1>" in page
    assert "Curly “quotes” and café." in page


def test_a_made_page_plays_its_audio_with_captions_in_the_articles_language(
    tmp_path: Path,
) -> None:
    import shutil
    from urllib.parse import quote

    from support import run_cli

    from briefing.render import page_date

    article = tmp_path / "samples" / "hafen.txt"
    article.parent.mkdir()
    shutil.copy(Path(__file__).parents[1] / "samples" / "harbour-tunnel.txt", article)
    german = (
        "Der neue Tunnel unter dem Hafen ist seit Dienstag für den Verkehr geöffnet.\n\n"
        "Die Stadt hatte mit der Eröffnung erst im nächsten Jahr gerechnet, und die Kosten "
        "sind nach Angaben der Verwaltung nur wenig über dem Plan geblieben.\n\n"
        "Viele Pendler sagen, dass sie nun jeden Tag eine halbe Stunde weniger im Auto sitzen.\n"
    )
    article.write_text("Tunnel unter dem Hafen eröffnet\n\n" + german, encoding="utf-8")
    result = run_cli(
        "make", "samples/hafen.txt", "--format", "html,mp3,vtt", "--out", "out", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    page = next((tmp_path / "out").glob("*.html")).read_text(encoding="utf-8")
    stem = quote(next((tmp_path / "out").glob("*.html")).stem)  # "ö" as a URL has it
    assert '<html lang="de">' in page
    assert f'<audio id="briefing-audio" controls preload="metadata" src="{stem}.mp3">' in page
    assert f'<track kind="captions" src="{stem}.vtt" srclang="de"' in page
    # One date format, and the local source is a link the reader can open from the page.
    today = dt.date.today()
    assert f'<time datetime="{today.isoformat()}">{page_date(today)}</time>' in page
    assert today.strftime("%d %B %Y") not in page
    assert '<a href="../samples/hafen.txt"' in page
