"""The document rules: choosing a sentence adds or removes just its line; edits survive."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.render import from_markdown
from briefing.tui.document import (
    Place,
    SectionMissing,
    add_sentence,
    find_sentence,
    present_indices,
    refresh_contents,
    remove_sentence,
    selected_states,
    swap_sections,
    with_front_matter,
)

S = [
    "The tunnel opened on Tuesday.",
    "It cost $1.2bn, about 4% over budget.",
    "Traffic fell by a third.",
    "The toll is *suspended* for two weeks.",
    "The old bridge closes in March.",
]
ONE = """# Tunnel opens

The tunnel opened on Tuesday.
Traffic fell by a third.

Source: tunnel.txt
"""
TWO = """# Briefing for Tuesday

## Tunnel opens

The tunnel opened on Tuesday.

Source: tunnel.txt

## Garden grows

Volunteers harvested two tonnes.

Source: garden.md
"""


def test_adding_puts_the_sentence_in_article_order_between_its_neighbours() -> None:
    text = add_sentence(ONE, Place(), S[1], before=[S[0]], after=[S[2]])
    assert text.splitlines()[2:5] == [S[0], S[1], S[2]]


def test_adding_keeps_the_users_edits_elsewhere() -> None:
    edited = ONE.replace("Traffic fell by a third.", "Traffic fell by a third (my note).")
    text = add_sentence(edited, Place(), S[4], before=[S[2], S[0]])
    lines = text.splitlines()
    assert "Traffic fell by a third (my note)." in lines
    # The edited neighbour can't anchor it, the next one back can: right after the first sentence.
    assert lines.index(S[4]) == lines.index(S[0]) + 1


def test_an_added_sentence_is_escaped_so_it_stays_literal_markdown() -> None:
    text = add_sentence(ONE, Place(), S[3], before=[S[2]])
    assert "The toll is \\*suspended\\* for two weeks." in text
    assert S[3] in from_markdown(text).stories[0].sentences


def test_adding_to_an_empty_story_makes_a_paragraph_before_the_source() -> None:
    empty = "# Tunnel opens\n\nSource: tunnel.txt\n"
    text = add_sentence(empty, Place(), S[0])
    assert text == "# Tunnel opens\n\nThe tunnel opened on Tuesday.\n\nSource: tunnel.txt\n"


def test_removing_deletes_only_that_line() -> None:
    found = find_sentence(ONE, Place(), S[2])
    assert found is not None and found.how == "line"
    text = remove_sentence(ONE, found, S[2])
    assert text == ONE.replace("Traffic fell by a third.\n", "")


def test_removing_a_sentence_the_user_joined_into_a_line_keeps_the_rest() -> None:
    joined = ONE.replace(f"{S[0]}\n{S[2]}", f"{S[0]} {S[2]} And more.")
    found = find_sentence(joined, Place(), S[2])
    assert found is not None and found.how == "inline"
    assert f"{S[0]} And more." in remove_sentence(joined, found, S[2])


def test_an_edited_sentence_is_found_as_similar_not_exact() -> None:
    edited = ONE.replace("Traffic fell by a third.", "Traffic fell by nearly a third.")
    found = find_sentence(edited, Place(), S[2], known={S[0]})
    assert found is not None and found.how == "similar"
    assert selected_states(edited, Place(), S, {0, 2}) == {0: "ok", 2: "edited"}
    gone = ONE.replace("Traffic fell by a third.\n", "")
    assert selected_states(gone, Place(), S, {2}) == {2: "missing"}


def test_stories_are_found_by_their_heading() -> None:
    text = add_sentence(
        TWO,
        Place("Garden grows"),
        "Schools visit twice a month.",
        before=["Volunteers harvested two tonnes."],
    )
    garden = from_markdown(text).stories[1]
    assert garden.sentences == ("Volunteers harvested two tonnes.", "Schools visit twice a month.")
    with pytest.raises(SectionMissing):
        add_sentence(TWO, Place("No such story"), "x.")


def test_swapping_stories_moves_whole_sections() -> None:
    text = swap_sections(TWO, Place("Tunnel opens"), Place("Garden grows"))
    briefing = from_markdown(text)
    assert [s.headline for s in briefing.stories] == ["Garden grows", "Tunnel opens"]
    assert briefing.stories[0].sources == ("garden.md",)
    assert text.endswith("Source: tunnel.txt\n")
    assert swap_sections(text, Place("Garden grows"), Place("Tunnel opens")) == TWO


def test_present_indices_reads_the_selection_back_from_a_briefing() -> None:
    assert present_indices(ONE, Place(), S) == {0, 2}


def test_front_matter_follows_the_body() -> None:
    body = ONE.replace("# Tunnel opens", "# Tunnel opens early")
    old = '---\ntitle: "Old"\ntags: ["x"]\naudio_seconds: 12\n---\n\n' + ONE
    text = with_front_matter(body, day=dt.date(2025, 3, 4), method="lead", keep_from=old)
    briefing = from_markdown(text)
    assert briefing.title == "Tunnel opens early"
    assert briefing.date == dt.date(2025, 3, 4)
    assert 'method: "lead"' in text
    assert "sentences: 2" in text and 'tags: ["x"]' in text
    assert "audio_seconds" not in text
    assert text.endswith(body)


def test_the_contents_follow_the_stories_after_a_move() -> None:
    with_contents = TWO.replace(
        "## Tunnel opens",
        "## Contents\n\n1. [Tunnel opens](#tunnel-opens)\n2. [Garden grows](#garden-grows)\n\n"
        "## Tunnel opens",
    )
    moved = refresh_contents(
        swap_sections(with_contents, Place("Tunnel opens"), Place("Garden grows"))
    )
    assert "1. [Garden grows](#garden-grows)\n2. [Tunnel opens](#tunnel-opens)" in moved
    assert [s.headline for s in from_markdown(moved).stories] == ["Garden grows", "Tunnel opens"]


def test_intro_and_outro_lines_are_never_taken_for_sentences() -> None:
    text = "# T\n\n*Here is your briefing.*\n\nSource: t.txt\n\n* * *\n\n*Thanks.*\n"
    added = add_sentence(text, Place(), S[0])
    assert added.index(S[0]) > added.index("*Here is your briefing.*")
    assert added.index(S[0]) < added.index("Source: t.txt")
    assert find_sentence(text, Place(), "Thanks.") is None


def test_adding_to_an_empty_story_without_a_source_line_stays_before_the_outro() -> None:
    # No "Source:" line to stop at: the new paragraph still goes after the intro, not the outro.
    text = "# T\n\n*Here is your briefing.*\n\n* * *\n\n*Thanks.*\n"
    added = add_sentence(text, Place(), S[0])
    assert added == f"# T\n\n*Here is your briefing.*\n\n{S[0]}\n\n* * *\n\n*Thanks.*\n"
    assert from_markdown(added).outro == "Thanks."
