"""The editor never loses work: drafts by the articles' identity, locks, reopening, saving back."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing.drafts import load_draft
from briefing.render import escape, split_front_matter
from briefing.tui.document import Place, present_indices
from briefing.tui.screens.choice import ChoiceScreen
from briefing.tui.screens.export import ExportScreen

TUNNEL = "samples/harbour-tunnel.txt"
GARDEN = "samples/community-garden.md"


def messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def restore_offered(pilot) -> None:
    await pilot.pause()
    assert isinstance(pilot.app.screen, ChoiceScreen)
    assert "autosaved" in pilot.app.screen.message
    await pilot.press("enter")  # Restore


async def test_a_draft_restores_text_and_marks_when_opened_by_another_path(make_app, ready) -> None:
    first = make_app(TUNNEL)
    async with first.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        first.sentence_list.highlight_sentence(6)
        await pilot.press("space")
        await ready(pilot)
        chosen, text = set(first.entries[0].selected), first.editor.text
        first.autosave()
        first.finish("keep")
    assert 6 in chosen

    again = make_app(str(Path(TUNNEL).resolve()))
    async with again.run_test(size=(100, 30)) as pilot:
        await restore_offered(pilot)
        await ready(pilot)
        assert again.editor.text == text
        assert again.entries[0].selected == chosen
        assert not any("changed" in m for m in messages(again))
        again.sentence_list.highlight_sentence(6)
        await pilot.press("space")  # out again: no duplicate line is added
        await ready(pilot)
        assert escape(again.entries[0].sentences[6]) not in again.editor.text.splitlines()


async def test_a_draft_of_a_changed_article_says_so(make_app, ready, tmp_path: Path) -> None:
    article = tmp_path / "tunnel.txt"
    shutil.copy(TUNNEL, article)
    first = make_app(str(article))
    async with first.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("space")  # the first sentence out
        await ready(pilot)
        first.finish("keep")
    original = article.read_text(encoding="utf-8")
    head, _, rest = original.partition("\n\n")
    article.write_text(f"{head}\n\nA sentence added at the top since.\n\n{rest}", encoding="utf-8")

    again = make_app(str(article))
    async with again.run_test(size=(100, 30)) as pilot:
        await restore_offered(pilot)
        await ready(pilot)
        assert any("changed since the draft" in m for m in messages(again))
        sentences = again.entries[0].sentences
        assert sentences[0] == "A sentence added at the top since."
        # Marks come from the sentences in the draft's text, not from the old indices.
        found = present_indices(again.editor.text, Place(None), sentences)
        assert again.entries[0].selected == found and 0 not in found


async def test_a_second_editor_on_the_same_articles_opens_read_only(make_app, ready) -> None:
    first = make_app(TUNNEL)
    async with first.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        second = make_app(TUNNEL)
        async with second.run_test(size=(100, 30)) as other:
            await other.pause()
            assert isinstance(second.screen, ChoiceScreen)
            assert "another briefing editor" in second.screen.message
            await other.press("enter")  # Open read-only
            await ready(other)
            assert second.editor.read_only
            text = second.editor.text
            await other.press("space")
            await ready(other)
            assert second.editor.text == text
            assert any("Read-only" in m for m in messages(second))
            second.autosave()
            assert load_draft(second.opening.draft_key) is None
            await other.press("ctrl+q")
        await pilot.press("space")
        await ready(pilot)
        first.autosave()
        assert load_draft(first.opening.draft_key) is not None  # the first one's draft


async def test_quit_does_not_offer_a_draft_that_cannot_be_written(
    make_app, ready, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.errors import OutputError
    from briefing.tui import session

    def cannot(_draft: object) -> Path:
        raise OutputError("drafts: read-only folder")

    monkeypatch.setattr(session, "save_draft", cannot)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("space")
        await ready(pilot)
        app.autosave()
        await pilot.pause()
        assert any("Can't autosave" in m for m in messages(app))
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert "choice-keep" not in {b.id for b in app.screen.query("Button")}
        assert "No draft can be kept" in app.screen.message
        await pilot.press("escape")


async def test_a_saved_briefing_reopens_with_its_sentences_from_another_folder(
    make_app, ready, out_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(TUNNEL)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        chosen = set(app.entries[0].selected)
        await pilot.press("ctrl+s")
        await ready(pilot)
    (saved,) = out_dir.glob("*.md")
    meta, _ = split_front_matter(saved.read_text(encoding="utf-8"))
    assert meta["articles"] == [
        {"source": str(Path(TUNNEL).resolve()), "sha256": app.entries[0].digest}
    ]

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    again = make_app(str(saved), out=None, day=None)
    async with again.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert again.entries[0].article is not None
        assert again.entries[0].selected == chosen
        assert again.sentence_list.option_count > len(chosen)
        assert not any("changed" in m for m in messages(again))


async def test_a_reopened_briefing_whose_article_changed_says_so(
    make_app, ready, out_dir: Path, tmp_path: Path
) -> None:
    article = tmp_path / "tunnel.txt"
    shutil.copy(TUNNEL, article)
    app = make_app(str(article))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+s")
        await ready(pilot)
    (saved,) = out_dir.glob("*.md")
    article.write_text(article.read_text(encoding="utf-8") + "\nOne more line.\n", "utf-8")
    again = make_app(str(saved), out=None, day=None)
    async with again.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert any("changed since this briefing was saved" in m for m in messages(again))


async def test_saving_a_reopened_briefing_with_a_new_title_writes_back_to_it(
    make_app, ready, out_dir: Path
) -> None:
    app = make_app(TUNNEL)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+s")
        await ready(pilot)
    (saved,) = out_dir.glob("*.md")
    again = make_app(str(saved), out=None, day=None)
    async with again.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        again.editor.replace("# A new title", (0, 0), (0, len(again.editor.text.split("\n")[0])))
        await pilot.press("ctrl+s")
        await ready(pilot)
        assert not isinstance(again.screen, ChoiceScreen)
    assert list(out_dir.glob("*.md")) == [saved]
    meta, body = split_front_matter(saved.read_text(encoding="utf-8"))
    assert meta["title"] == "A new title" and body.lstrip().startswith("# A new title")


async def test_save_as_names_the_file_and_later_saves_go_there(
    make_app, ready, out_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "chosen"
    folder.mkdir()
    app = make_app(TUNNEL)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        app.action_save_as()
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        dialog = app.screen
        assert dialog.query_one("#fmt-md").value and not dialog.query_one("#fmt-html").value
        dialog.query_one("#folder").value = str(folder)
        dialog.query_one("#name").value = "my-briefing.md"
        await pilot.click("#export")
        await ready(pilot)
        assert (folder / "my-briefing.md").is_file()
        app.editor.insert("Added later.\n", (2, 0))
        await pilot.press("ctrl+s")
        await ready(pilot)
        assert "Added later." in (folder / "my-briefing.md").read_text(encoding="utf-8")
        assert not out_dir.exists() or not list(out_dir.glob("*.md"))

    later = make_app(GARDEN, out=None)
    async with later.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert later.screen.query_one("#folder").value == str(folder.resolve())
        await pilot.press("escape")


async def test_the_overwrite_question_shows_a_clean_path(make_app, ready, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    app = make_app(TUNNEL)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        name = dialog.query_one("#name").value
        folder.mkdir()
        (tmp_path / "elsewhere").mkdir()
        (folder / f"{name}.md").write_text("someone else's\n", encoding="utf-8")
        dialog.query_one("#folder").value = str(tmp_path / "elsewhere" / ".." / "out")
        await pilot.click("#export")
        await pilot.pause(0.2)
        assert isinstance(app.screen, ChoiceScreen)
        assert str((folder / f"{name}.md").resolve()) in app.screen.message
        assert ".." not in app.screen.message
        await pilot.press("escape")
