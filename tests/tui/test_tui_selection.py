"""The selection rules without the app: toggles, new picks and moves change only their lines."""

from __future__ import annotations

import pytest

from briefing.ingest import parse_article
from briefing.summarize.length import Length
from briefing.tui import selection
from briefing.tui.document import SectionMissing
from briefing.tui.session import Entry

FERRY = (
    "The night ferry returns in April. "
    "Tickets go on sale next week. "
    "The crossing takes five hours. "
    "Cabins sleep four people."
)
MARKET = "The market moves to the quay. Stalls open at seven. Parking stays free."


def entry(text: str, title: str, selected: set[int]) -> Entry:
    article = parse_article(f"{title}\n\n{text}\n", source=f"{title.lower()}.txt")
    assert article.title == title and len(article.sentences) == len(text.split(". "))
    return Entry(article.source, article, title, "lead", Length(sentences=2), set(selected))


def one_story() -> tuple[str, list[Entry]]:
    ferry = entry(FERRY, "Ferry", {0, 2})
    text = (
        "# Ferry\n\nThe night ferry returns in April.\nThe crossing takes five hours.\n\n"
        "Source: ferry.txt\n"
    )
    return text, [ferry]


def two_stories() -> tuple[str, list[Entry]]:
    ferry = entry(FERRY, "Ferry", {0})
    market = entry(MARKET, "Market", {1})
    text = (
        "# Briefing\n\n## Ferry\n\nThe night ferry returns in April.\n\nSource: ferry.txt\n\n"
        "## Market\n\nStalls open at seven.\n\nSource: market.txt\n"
    )
    return text, [ferry, market]


def test_putting_a_sentence_in_places_it_between_its_neighbours_and_says_where() -> None:
    text, entries = one_story()
    added = selection.put_in(text, entries, 0, 1)
    lines = added.text.split("\n")
    assert lines[2:5] == [
        "The night ferry returns in April.",
        "Tickets go on sale next week.",
        "The crossing takes five hours.",
    ]
    assert added.line == 3
    assert entries[0].selected == {0, 1, 2}


def test_taking_an_untouched_sentence_out_removes_its_line_only() -> None:
    text, entries = one_story()
    removal = selection.take_out(text, entries, 0, 2)
    assert removal.edited is None
    assert "The crossing takes five hours." not in removal.text
    assert "The night ferry returns in April." in removal.text
    assert entries[0].selected == {0}


def test_an_edited_line_is_kept_until_the_user_answers() -> None:
    text, entries = one_story()
    text = text.replace("five hours.", "five hours, or six in a storm.")
    removal = selection.take_out(text, entries, 0, 2)
    assert removal.edited is not None and "six in a storm" in removal.edited.text
    assert removal.text == text and 2 in entries[0].selected  # nothing changed yet

    kept = selection.settle_edited(removal.text, entries[0], 2, removal, remove=False)
    assert kept == text and entries[0].selected == {0}

    entries[0].selected.add(2)
    removed = selection.settle_edited(removal.text, entries[0], 2, removal, remove=True)
    assert "six in a storm" not in removed and entries[0].selected == {0}


def test_a_new_selection_changes_only_the_lines_that_differ_and_reports_edited_ones() -> None:
    text, entries = one_story()
    text = text.replace("returns in April.", "returns in April (at last).")
    applied = selection.apply_selection(text, entries, entries[0], {1, 3})
    assert applied.problem == ""
    assert applied.edited == [0]  # edited by hand: left in, and the user is asked
    assert "The night ferry returns in April (at last)." in applied.text
    assert "The crossing takes five hours." not in applied.text
    assert "Tickets go on sale next week." in applied.text
    assert "Cabins sleep four people." in applied.text
    assert entries[0].selected == {1, 3}

    cleaned = selection.remove_edited(applied.text, entries, entries[0], [entries[0].sentences[0]])
    assert "(at last)" not in cleaned


def test_a_new_selection_stops_at_a_missing_heading_with_a_problem() -> None:
    text, entries = two_stories()
    text = text.replace("## Market", "## The market")
    applied = selection.apply_selection(text, entries, entries[1], {0, 1})
    assert "Market" in applied.problem
    assert applied.text == text


def test_adding_to_a_story_whose_heading_was_renamed_raises() -> None:
    text, entries = two_stories()
    with pytest.raises(SectionMissing):
        selection.put_in(text.replace("## Ferry", "## Boats"), entries, 0, 1)


def test_moving_a_story_swaps_text_and_entries_together() -> None:
    text, entries = two_stories()
    ferry, market = entries
    moved = selection.move_story(text, entries, 0, 1)
    assert moved is not None
    new_text, current = moved
    assert current == 1
    assert entries == [market, ferry]
    assert new_text.index("## Market") < new_text.index("## Ferry")
    assert selection.move_story(new_text, entries, 1, 1) is None  # already last


def test_marks_tell_ok_edited_and_missing_apart() -> None:
    text, entries = one_story()
    entries[0].selected.add(3)
    text = text.replace("five hours.", "five long hours.")
    assert selection.marks(text, entries, 0) == {0: "ok", 2: "edited", 3: "missing"}
