"""Ingest: text, Markdown, HTML and stdin become Articles with titles, subheads and verbatim sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SAMPLES

from briefing.errors import InputError
from briefing.ingest import parse_article, read_article


def test_plain_text_title_subheads_and_sentences() -> None:
    article = read_article(SAMPLES / "harbour-tunnel.txt")
    assert article.title == "Harbour tunnel opens six months early as city counts the cost"
    headings = [b.sentences[0] for b in article.blocks if b.is_heading]
    assert headings == ["Early figures", "Cost questions", "What comes next"]
    assert all(h not in article.sentences for h in headings)
    assert article.sentences[0].startswith("The new road tunnel under Kessington Harbour")
    assert len(article.sentences) > 15


def test_markdown_front_matter_headings_and_emphasis() -> None:
    article = read_article(SAMPLES / "community-garden.md")
    assert article.title == "Rooftop gardens feed a neighbourhood through a dry summer"
    assert [b.sentences[0] for b in article.blocks if b.is_heading] == [
        "A dry year",
        "Beyond vegetables",
    ]
    assert "more than two tonnes of vegetables" in article.sentences[0]
    assert not any("author:" in s or "**" in s for s in article.sentences)


def test_html_keeps_article_body_and_drops_boilerplate() -> None:
    article = read_article(SAMPLES / "library-reopens.html")
    assert article.title == "Restored Carnegie library reopens its doors after three years"
    text = " ".join(article.sentences)
    for boilerplate in (
        "Subscribe",
        "analytics",
        "All rights reserved",
        "Sport",
        "console.log",
        "photographed",
    ):
        assert boilerplate not in text
    assert "£4.6 million" in text
    assert (
        "“A library has always been a place to make things as well as to read them,” said" in text
    )
    assert "Tomasz Wiśniewski" in text


def test_html_title_from_title_tag_without_h1() -> None:
    html = "<html><head><title>Quiet night</title></head><body><p>Nothing happened. Really.</p></body></html>"
    article = parse_article(html, source="x.html", kind="html")
    assert article.title == "Quiet night"
    assert article.sentences == ("Nothing happened.", "Really.")


def test_curly_quotes_and_non_ascii_survive() -> None:
    text = "Zürich talks\n\n“It’s déjà vu,” said Ms. Øberg — again. Prices rose 5%.\n"
    article = parse_article(text, source="x.txt")
    assert article.title == "Zürich talks"
    assert article.sentences == ("“It’s déjà vu,” said Ms. Øberg — again.", "Prices rose 5%.")


def test_short_unpunctuated_line_is_a_subhead_not_a_sentence() -> None:
    text = "Title here\n\nThe yen fell sharply on Monday.\nJapan worried\nOfficials met in Tokyo on Tuesday.\n"
    article = parse_article(text, source="x.txt")
    assert "Japan worried" not in article.sentences
    assert any(b.is_heading and b.sentences == ("Japan worried",) for b in article.blocks)


def test_hard_wrapped_paragraph_is_not_cut_at_a_short_line() -> None:
    text = (
        "Title\n\nThe council voted on the plan after a long\ndebate that\nlasted until midnight.\n"
    )
    article = parse_article(text, source="x.txt")
    assert article.sentences == (
        "The council voted on the plan after a long debate that lasted until midnight.",
    )


def test_first_long_line_is_not_taken_as_title() -> None:
    text = "The council voted on Monday to close the old bridge for repairs in March. It will reopen in May."
    article = parse_article(text, source="x.txt")
    assert len(article.sentences) == 2
    assert article.title.startswith("The council voted on Monday")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "file is empty"),
        (b"   \n\t\n", "file has only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "binary"),
    ],
)
def test_unreadable_inputs_raise_input_error(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=problem) as info:
        read_article(path)
    assert str(path) in str(info.value)


def test_missing_path_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_article(tmp_path)


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Word. " * 100)
    with pytest.raises(InputError, match="limit"):
        read_article(path, max_bytes=100)


def test_title_only_is_an_error() -> None:
    with pytest.raises(InputError, match="no article text"):
        parse_article("# Just a title\n", source="x.md", kind="markdown")


def test_latin1_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(
        "Café news\n\nThe café in Málaga reopened on Friday after the summer. Locals were delighted.\n".encode(
            "latin-1"
        )
    )
    article = read_article(path)
    assert article.title == "Café news"
    assert "Málaga" in article.sentences[0]
