"""A multi-story brief in Markdown, HTML and speech: intro, contents, sources, transitions, outro."""

from __future__ import annotations

import datetime as dt
import re

from briefing.assemble import briefing_from, intro_for, programme_from
from briefing.models import Article, Block, Pick, Story, Summary
from briefing.programme import credit_sentence, programme_sections, spoken_name, transition
from briefing.render import from_markdown, to_html, to_markdown
from briefing.speech.script import speech_script

DAY = dt.date(2025, 3, 4)
STORIES = (
    Story(
        "Council approves [Mill River] bridge",
        ("The council voted 7 to 2.", "It costs $40 million * 2."),
        (
            "Riverside Gazette <https://gazette.example/bridge?id=1&x=(2)>",
            "Valley Times <https://valley.example/crossing>",
        ),
        "lexrank",
    ),
    Story("Library reopens", ("The library reopened.",), ("notes/library-reopens.md",), "lexrank"),
    Story("Buses", ("A second route.",), ("https://www.valley.example/buses",), "lexrank"),
)


def test_the_intro_says_the_date_and_the_number_of_stories() -> None:
    assert (
        intro_for(DAY, 3) == "Here is your briefing for Tuesday, March 4, 2025, with three stories."
    )
    assert intro_for(DAY, 1).endswith("with one story.")
    assert intro_for(DAY, 12).endswith("with 12 stories.")


def test_the_markdown_has_contents_named_source_links_and_round_trips() -> None:
    briefing = programme_from(STORIES, day=DAY)
    text = to_markdown(briefing)
    assert "## Contents" in text
    assert (
        "1. [Council approves \\[Mill River\\] bridge](#council-approves-mill-river-bridge)" in text
    )
    assert (
        "Sources: [Riverside Gazette](https://gazette.example/bridge?id=1&x=%282%29), "
        "[Valley Times](https://valley.example/crossing)"
    ) in text
    assert "Source: notes/library-reopens.md" in text
    assert text.index("*Here is your briefing") < text.index("## Contents")
    assert text.rstrip().endswith("*That's the briefing for today. Thanks for listening.*")

    back = from_markdown(text)
    assert back.intro == briefing.intro and back.outro == briefing.outro
    assert [s.headline for s in back.stories] == [s.headline for s in STORIES]
    assert [s.sentences for s in back.stories] == [s.sentences for s in STORIES]
    assert [s.sources for s in back.stories] == [s.sources for s in STORIES]


def test_the_html_contents_links_reach_the_story_headings() -> None:
    page = to_html(programme_from(STORIES, day=DAY))
    targets = re.findall(r'href="#([^"]+)"', page)
    ids = set(re.findall(r'<h2 id="([^"]+)"', page))
    assert len(targets) == 3 and set(targets) <= ids
    assert re.search(r'<a href="https://valley.example/crossing"[^>]*>Valley Times</a>', page)


def test_the_spoken_programme_has_transitions_and_credits() -> None:
    # Only the wording is checked: a speech normalizer may spell out numbers and dates.
    script = speech_script(programme_from(STORIES, day=DAY))
    paragraphs = script.strip().split("\n\n")
    assert len(paragraphs) == 5
    assert paragraphs[0].startswith("Here is your briefing for Tuesday, March")
    assert paragraphs[1].startswith("First: Council approves")
    assert paragraphs[1].endswith("From Riverside Gazette and Valley Times.")
    assert paragraphs[2].startswith("Next: Library reopens.")
    # A local file and a bare address have no name to read out: no spoken credit.
    assert "From" not in paragraphs[2]
    assert paragraphs[3].startswith("And finally: Buses.")
    assert "From" not in paragraphs[3] and "valley.example" not in paragraphs[3]
    assert paragraphs[4] == "That's the briefing for today. Thanks for listening."
    assert "https://" not in script


def test_programme_sections_are_the_chapters_of_the_script() -> None:
    briefing = programme_from(STORIES, day=DAY)
    sections = programme_sections(briefing)
    assert [title for title, _ in sections] == ["Intro", *(s.headline for s in STORIES), "Outro"]
    assert sections[1][1][0] == "First: Council approves [Mill River] bridge."
    assert sections[1][1][-1] == "From Riverside Gazette and Valley Times."
    paragraphs = speech_script(briefing).strip().split("\n\n")
    assert len(paragraphs) == len(sections)


def test_transitions_and_names() -> None:
    assert [transition(n, 5) for n in range(5)] == [
        "First: ",
        "Next: ",
        "Also today: ",
        "In other news: ",
        "And finally: ",
    ]
    assert transition(0, 1) == ""
    assert spoken_name("Gazette <https://g.example/a>") == "Gazette"
    # Addresses, host names, folders and file names are credited in writing, never read out.
    assert spoken_name("https://www.g.example/a") == ""
    assert spoken_name("g.example <https://g.example/a>") == ""
    assert spoken_name("/home/me/harbour_tunnel.txt") == ""
    assert spoken_name("defense.html") == ""
    assert spoken_name("Valley Courier <file:///srv/news/a.html>") == "Valley Courier"
    assert credit_sentence(Story("x", (), ())) == ""


def test_single_article_output_is_unchanged() -> None:
    article = Article(
        "Harbour tunnel opens", "tunnel.txt", (Block(("It opened.", "It was early.")),)
    )
    summary = Summary(article, "lexrank", (Pick(0, "It opened.", 1.0),))
    briefing = briefing_from([summary], day=DAY)
    text = to_markdown(briefing)
    assert text == (
        "---\n"
        'title: "Harbour tunnel opens"\n'
        "date: 2025-03-04\n"
        'source: "tunnel.txt"\n'
        'method: "lexrank"\n'
        "sentences: 1\n"
        "words: 2\n"
        'language: "en"\n'
        "---\n\n"
        "# Harbour tunnel opens\n\n"
        "It opened.\n\n"
        "Source: tunnel.txt\n"
    )
    assert speech_script(briefing) == "Harbour tunnel opens.\n\nIt opened.\n"
    assert 'id="' not in to_html(briefing)
