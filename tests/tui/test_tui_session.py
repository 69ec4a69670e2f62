"""Opening inputs for the editor: articles, an exported briefing to reopen, and bad inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.errors import InputError, UsageError
from briefing.summarize.length import Length
from briefing.tui.session import open_inputs, place_of

LENGTH = Length(sentences=3)
TUNNEL_TXT = "samples/harbour-tunnel.txt"
GARDEN_MD = "samples/community-garden.md"


def test_articles_open_as_entries_with_a_stable_draft_key() -> None:
    opening = open_inputs(
        ["samples/harbour-tunnel.txt", "samples/community-garden.md"], method="lead", length=LENGTH
    )
    assert [e.headline for e in opening.entries] == [
        "Harbour tunnel opens six months early as city counts the cost",
        "Rooftop gardens feed a neighbourhood through a dry summer",
    ]
    assert opening.text is None
    again = open_inputs(
        ["samples/community-garden.md", "samples/harbour-tunnel.txt"], method="lead", length=LENGTH
    )
    assert again.draft_key == opening.draft_key  # the same articles, in any order
    assert place_of(opening.entries, 1).headline == opening.entries[1].headline


def test_an_exported_briefing_reopens_with_its_selection(tmp_path: Path, cli) -> None:
    result = cli(
        "make",
        "samples/harbour-tunnel.txt",
        "--no-audio",
        "-n",
        "3",
        "--method",
        "lead",
        "--out",
        str(tmp_path),
        cwd=Path.cwd(),
    )
    assert result.returncode == 0, result.stderr
    exported = result.stdout.strip()
    opening = open_inputs([exported], method="lexrank", length=LENGTH)
    assert opening.path == Path(exported).resolve()
    assert opening.text == Path(exported).read_text(encoding="utf-8")
    (entry,) = opening.entries
    assert entry.article is not None and entry.method == "lead"
    assert entry.selected == {0, 1, 2}


def test_a_briefing_whose_source_is_gone_still_opens_for_hand_editing(tmp_path: Path) -> None:
    md = tmp_path / "b.md"
    md.write_text(
        '---\ntitle: "T"\nmethod: "lead"\n---\n\n# T\n\nOne line.\n\nSource: gone.txt\n',
        encoding="utf-8",
    )
    (entry,) = open_inputs([str(md)], method="lexrank", length=LENGTH).entries
    assert entry.article is None and entry.sentences == ()


def test_bad_inputs_are_input_errors_naming_the_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.txt: no such file"):
        open_inputs([str(tmp_path / "missing.txt")], method="lead", length=LENGTH)
    empty = tmp_path / "empty.md"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        open_inputs([str(empty)], method="lead", length=LENGTH)


def test_a_briefing_can_not_be_mixed_with_articles(tmp_path: Path) -> None:
    md = tmp_path / "b.md"
    md.write_text('---\ntitle: "T"\nmethod: "lead"\n---\n\n# T\n\nOne.\n', encoding="utf-8")
    with pytest.raises(UsageError):
        open_inputs([str(md), "samples/harbour-tunnel.txt"], method="lead", length=LENGTH)
    with pytest.raises(UsageError):
        open_inputs(["-", "-"], method="lead", length=LENGTH)


def test_a_draft_round_trips_through_the_keeper_and_restores_order_and_marks() -> None:
    from briefing.tui.session import DraftKeeper, draft_of, restore_stories

    opening = open_inputs([TUNNEL_TXT, GARDEN_MD], method="lead", length=LENGTH)
    tunnel, garden = opening.entries
    tunnel.selected, garden.selected = {0, 2}, {1}
    garden.method, garden.length = "textrank", Length(words=40)
    opening.entries.reverse()  # the user moved the garden story up
    keeper = DraftKeeper(opening.draft_key)
    assert keeper.keep(draft_of(opening, "# Edited\n", voice="default", rate=170)) == ""
    assert keeper.keep(draft_of(opening, "# Edited\n", voice="default", rate=170)) == ""

    again = open_inputs([TUNNEL_TXT, GARDEN_MD], method="lead", length=LENGTH)
    draft = DraftKeeper(again.draft_key).load()
    assert draft is not None and draft.text == "# Edited\n" and draft.rate == 170
    assert restore_stories(again.entries, draft).matched
    assert [e.headline for e in again.entries] == [garden.headline, tunnel.headline]
    assert again.entries[0].selected == {1} and again.entries[1].selected == {0, 2}
    assert (again.entries[0].method, again.entries[0].length) == ("textrank", Length(words=40))

    keeper.forget()
    assert DraftKeeper(again.draft_key).load() is None


def test_a_draft_of_other_articles_restores_no_order() -> None:
    from briefing.tui.session import DraftKeeper, draft_of, restore_stories

    tunnel_only = open_inputs([TUNNEL_TXT], method="lead", length=LENGTH)
    DraftKeeper(tunnel_only.draft_key).keep(draft_of(tunnel_only, "x\n", voice="v", rate=150))
    draft = DraftKeeper(tunnel_only.draft_key).load()
    both = open_inputs([GARDEN_MD, TUNNEL_TXT], method="lead", length=LENGTH)
    assert draft is not None
    assert not restore_stories(both.entries, draft).matched
    assert [e.source for e in both.entries] == [GARDEN_MD, TUNNEL_TXT]


@pytest.mark.parametrize(
    ("length", "delta", "expected"),
    [
        (Length(sentences=3), 1, Length(sentences=4)),
        (Length(sentences=1), -1, Length(sentences=1)),
        (Length(words=60), -1, Length(words=50)),
        (Length(ratio=0.3), 1, Length(ratio=0.35)),
    ],
)
def test_a_length_steps_in_its_own_unit(length: Length, delta: int, expected: Length) -> None:
    from briefing.tui.session import step_length

    assert step_length(length, delta) == expected


def test_a_draft_restores_marks_when_the_same_article_is_opened_by_another_path(
    tmp_path: Path,
) -> None:
    from briefing.tui.session import DraftKeeper, draft_of, restore_stories

    first = open_inputs([TUNNEL_TXT], method="lead", length=LENGTH)
    first.entries[0].selected = {0, 3}
    DraftKeeper(first.draft_key).keep(draft_of(first, "# T\n", voice="default", rate=170))

    link = tmp_path / "linked.txt"
    link.symlink_to(Path(TUNNEL_TXT).resolve())
    for typed in (str(Path(TUNNEL_TXT).resolve()), str(link)):
        again = open_inputs([typed], method="lead", length=LENGTH)
        assert again.draft_key == first.draft_key
        draft = DraftKeeper(again.draft_key).load()
        assert draft is not None
        restored = restore_stories(again.entries, draft)
        assert restored.matched and restored.changed == ()
        assert again.entries[0].selected == {0, 3}


def test_a_changed_article_is_said_and_its_marks_come_from_the_text(tmp_path: Path) -> None:
    from briefing.tui.session import DraftKeeper, draft_of, restore_stories

    article = tmp_path / "story.txt"
    article.write_text(
        "A headline here\n\nThe first sentence is this one. The second sentence follows it. "
        "A third sentence ends the paragraph.\n",
        encoding="utf-8",
    )
    first = open_inputs([str(article)], method="lead", length=LENGTH)
    first.entries[0].selected = {1}
    text = "# A headline here\n\nThe second sentence follows it.\n"
    DraftKeeper(first.draft_key).keep(draft_of(first, text, voice="default", rate=170))

    article.write_text(
        "A headline here\n\nA new opening sentence was added. The first sentence is this one. "
        "The second sentence follows it. A third sentence ends the paragraph.\n",
        encoding="utf-8",
    )
    again = open_inputs([str(article)], method="lead", length=LENGTH)
    draft = DraftKeeper(again.draft_key).load()
    assert draft is not None
    restored = restore_stories(again.entries, draft)
    assert restored.changed == ("A headline here",)
    assert again.entries[0].selected == {2}  # the same sentence, now third in the article


def test_a_second_keeper_on_the_same_inputs_cannot_lock_the_draft() -> None:
    from briefing.tui.session import DraftKeeper

    opening = open_inputs([TUNNEL_TXT], method="lead", length=LENGTH)
    first, second = DraftKeeper(opening.draft_key), DraftKeeper(opening.draft_key)
    assert first.lock()
    assert not second.lock()
    first.release()
    assert second.lock()
    second.release()


def test_an_unreadable_draft_is_set_aside_with_a_message() -> None:
    from briefing.drafts import draft_path
    from briefing.tui.session import DraftKeeper

    opening = open_inputs([TUNNEL_TXT], method="lead", length=LENGTH)
    path = draft_path(opening.draft_key)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{not json", encoding="utf-8")
    keeper = DraftKeeper(opening.draft_key)
    assert keeper.load() is None
    assert "set aside" in keeper.problem
    assert not path.exists()
    assert list(path.parent.glob(f"{opening.draft_key}.json.broken"))
