"""Pilot tests of `briefing edit`: every action a user has, driven through keys and dialogs."""

from __future__ import annotations

import sys
from pathlib import Path

from textual.widgets import Markdown, Select

from briefing import locations
from briefing.drafts import load_draft
from briefing.files import slugify
from briefing.render import escape, from_markdown, split_front_matter
from briefing.summarize.registry import METHODS
from briefing.tui.screens.choice import ChoiceScreen
from briefing.tui.screens.export import ExportScreen
from briefing.tui.screens.help import HelpScreen

TUNNEL = "samples/harbour-tunnel.txt"
GARDEN = "samples/community-garden.md"
STEM = slugify("Harbour tunnel opens six months early as city counts the cost")


def wav_info(path: Path) -> tuple[int, float, int]:
    """(sample rate, seconds, peak) of a 16-bit mono WAV."""
    import array
    import wave

    with wave.open(str(path), "rb") as wav:
        rate, frames = wav.getframerate(), wav.getnframes()
        samples = array.array("h", wav.readframes(frames))
    return rate, frames / rate, max((abs(s) for s in samples), default=0)


def keys(text: str) -> list[str]:
    """Key names that type `text`."""
    names = {
        " ": "space",
        ".": "full_stop",
        ",": "comma",
        "(": "left_parenthesis",
        ")": "right_parenthesis",
    }
    return [names.get(c, c) for c in text]


def lines_of(app) -> list[str]:
    return app.editor.text.splitlines()


def line_of(app, sentence: str) -> int:
    return lines_of(app).index(escape(sentence))


async def type_at_end_of(pilot, app, row: int, text: str) -> None:
    app.editor.focus()
    app.editor.move_cursor((row, len(lines_of(app)[row])))
    await pilot.press(*keys(text))


def messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_opens_with_the_title_and_the_summary(make_app, ready) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        entry = app.entries[0]
        assert entry.selected == {p.index for p in entry.summary.picks}
        assert len(entry.selected) == 5
        assert lines_of(app)[0] == f"# {entry.article.title}"
        shown = from_markdown(app.editor.text).stories[0].sentences
        assert shown == tuple(entry.sentences[i] for i in sorted(entry.selected))
        assert app.sub_title == entry.article.title
        assert app.focused is app.sentence_list
        assert app.sentence_list.option_count == len(entry.sentences) + 3  # + 3 subheads


async def test_space_puts_a_sentence_in_and_out(make_app, ready) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        sentences = app.entries[0].sentences
        before = max(i for i in app.entries[0].selected if i < 7)
        app.sentence_list.highlight_sentence(7)
        await pilot.press("space")
        assert 7 in app.entries[0].selected
        # In article order: right after the last chosen sentence before it.
        assert line_of(app, sentences[7]) == line_of(app, sentences[before]) + 1
        await pilot.press("space")
        assert 7 not in app.entries[0].selected
        assert escape(sentences[7]) not in lines_of(app)


async def test_manual_edits_survive_toggling_other_sentences(make_app, ready) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        sentences = app.entries[0].sentences
        await type_at_end_of(pilot, app, line_of(app, sentences[2]), " (Edited.)")
        await type_at_end_of(pilot, app, 0, " today")
        edited = escape(sentences[2]) + " (Edited.)"
        app.sentence_list.focus()
        for index in (9, 3, 12):
            app.sentence_list.highlight_sentence(index)
            await pilot.press("space")
        assert edited in lines_of(app)
        assert lines_of(app)[0].endswith("cost today")
        assert 9 in app.entries[0].selected and 3 not in app.entries[0].selected
        order = [line_of(app, sentences[i]) for i in sorted(app.entries[0].selected - {2})]
        assert order == sorted(order)


async def test_taking_out_an_edited_sentence_asks_first(make_app, ready) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        sentence = app.entries[0].sentences[1]
        row = line_of(app, sentence)
        app.editor.replace("Mayor Elena", (row, 0), (row, len("Mayor Elena Ruiz")))
        await ready(pilot)
        app.sentence_list.focus()
        app.sentence_list.highlight_sentence(1)
        await pilot.press("space")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("escape")  # cancel: nothing changes
        assert 1 in app.entries[0].selected
        await pilot.press("space")
        await pilot.pause()
        await pilot.click("#choice-remove")
        await pilot.pause()
        assert 1 not in app.entries[0].selected
        assert not any(line.startswith("Mayor Elena cut") for line in lines_of(app))


async def test_changing_the_method_recomputes_and_keeps_edits(make_app, ready) -> None:
    app = make_app(method="lead")
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        sentences = app.entries[0].sentences
        await type_at_end_of(pilot, app, line_of(app, sentences[0]), " Mine.")
        app.query_one("#method", Select).value = "luhn"
        await ready(pilot)
        entry = app.entries[0]
        assert entry.method == "luhn"
        assert entry.selected == {p.index for p in entry.summary.picks}
        assert escape(sentences[0]) + " Mine." in lines_of(app)
        for i in entry.selected - {0}:
            assert escape(sentences[i]) in lines_of(app)
        for i in {1, 2, 3, 4} - entry.selected:
            assert escape(sentences[i]) not in lines_of(app)


async def test_plus_and_minus_change_the_length(make_app, ready) -> None:
    app = make_app(method="lead", sentences=3)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("plus")
        await ready(pilot)
        assert app.entries[0].selected == {0, 1, 2, 3}
        await pilot.press("minus", "minus")
        await ready(pilot)
        assert app.entries[0].selected == {0, 1}
        assert from_markdown(app.editor.text).sentence_count == 2


async def test_ctrl_s_saves_exactly_the_text_shown(make_app, ready, out_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await type_at_end_of(pilot, app, line_of(app, app.entries[0].sentences[0]), " Typed.")
        await pilot.press("ctrl+s")
        await ready(pilot)
        (saved,) = out_dir.iterdir()
        assert saved.name == f"{STEM}.md"
        text = saved.read_text(encoding="utf-8")
        meta, body = split_front_matter(text)
        assert body.strip("\n") == app.editor.text.strip("\n")
        assert "Typed." in body
        assert meta["date"] == "2025-03-04" and meta["sentences"] == 5
        assert not app.dirty
        assert any(str(saved) in m for m in messages(app))


async def test_saving_over_a_file_from_elsewhere_asks(make_app, ready, out_dir: Path) -> None:
    out_dir.mkdir()
    target = out_dir / f"{STEM}.md"
    target.write_text("someone else's file\n", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("enter")  # the focused button is Cancel
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == "someone else's file\n"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.click("#choice-yes")
        await ready(pilot)
        assert "# Harbour tunnel" in target.read_text(encoding="utf-8")
        await pilot.press("ctrl+s")  # now it's ours: no question
        await pilot.pause()
        assert not isinstance(app.screen, ChoiceScreen)


async def test_export_dialog_writes_markdown_html_and_audio(make_app, ready, out_dir) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        app.editor.replace("# Harbour tunnel opens early", (0, 0), (0, len(lines_of(app)[0])))
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        app.screen.query_one("#fmt-wav").value = True
        await pilot.click("#export")
        await ready(pilot)
        stem = slugify(from_markdown(app.editor.text).title)
        assert stem == "harbour-tunnel-opens-early"  # the edited title names the files
        assert sorted(p.name for p in out_dir.iterdir()) == [
            f"{stem}.html",
            f"{stem}.md",
            f"{stem}.wav",
        ]
        rate, seconds, peak = wav_info(out_dir / f"{stem}.wav")
        words = from_markdown(app.editor.text).word_count
        assert rate == 22050 and peak > 0
        assert abs(seconds - (words + 10) * 60 / 150) < 10  # title and headline words too
        html = (out_dir / f"{stem}.html").read_text(encoding="utf-8")
        assert "Harbour tunnel opens early</h1>" in html
        meta, _ = split_front_matter((out_dir / f"{stem}.md").read_text(encoding="utf-8"))
        assert abs(float(meta["audio_seconds"]) - seconds) < 0.1  # type: ignore[arg-type]


async def test_export_asks_before_overwriting(make_app, ready, out_dir: Path) -> None:
    out_dir.mkdir()
    stem = STEM
    (out_dir / f"{stem}.html").write_text("old", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.click("#export")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert f"{stem}.html" in app.screen.message
        await pilot.press("escape")
        await ready(pilot)
        assert list(out_dir.iterdir()) == [out_dir / f"{stem}.html"]
        assert (out_dir / f"{stem}.html").read_text(encoding="utf-8") == "old"


async def test_quitting_with_unsaved_changes_asks(make_app, ready) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("space")  # the first sentence out
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.click("#choice-cancel")
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, ChoiceScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#choice-keep")
        await pilot.pause()
    assert app.return_code == 0
    draft = load_draft(app.opening.draft_key)
    assert draft is not None and draft.text == app.text


async def test_discarding_on_quit_leaves_no_draft(make_app, ready) -> None:
    app = make_app(autosave_seconds=0.1)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("space")
        await pilot.pause(0.3)
        assert load_draft(app.opening.draft_key) is not None  # autosaved meanwhile
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#choice-discard")
        await pilot.pause()
    assert app.return_code == 0
    assert load_draft(app.opening.draft_key) is None


async def test_save_and_quit_from_the_guard(make_app, ready, out_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("space")
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#choice-save")
        await ready(pilot)
    assert app.return_code == 0
    (saved,) = out_dir.iterdir()
    assert app.entries[0].sentences[0] not in saved.read_text(encoding="utf-8")


async def test_quitting_without_changes_does_not_ask(make_app, ready) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    assert load_draft(app.opening.draft_key) is None


async def test_a_draft_is_offered_again_after_the_app_is_abandoned(make_app, ready) -> None:
    first = make_app(autosave_seconds=0.1)
    async with first.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        first.sentence_list.highlight_sentence(9)
        await pilot.press("space")
        await type_at_end_of(pilot, first, 0, " (draft)")
        await pilot.pause(0.4)
        # What a crash leaves behind: the autosaved draft, written while still running.
        saved = load_draft(first.opening.draft_key)
        assert saved is not None and saved.text == first.editor.text
        expected = first.editor.text
        first._finished = True  # leave like a crash would: no save on the way out
    second = make_app()
    async with second.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(second.screen, ChoiceScreen)
        escape = second.screen.active_bindings["escape"].binding
        assert escape.description == "Restore"  # the footer says what escape does
        await pilot.press("enter")  # Restore
        await ready(pilot)
        assert second.editor.text == expected
        assert 9 in second.entries[0].selected
        assert second.dirty
        assert second.sentence_list.sentence_index is not None


async def test_declining_the_draft_starts_fresh(make_app, ready) -> None:
    first = make_app(autosave_seconds=0.1)
    async with first.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("space")
        await pilot.pause(0.3)
        first._finished = True
    second = make_app()
    async with second.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.click("#choice-discard")
        await ready(pilot)
        assert 0 in second.entries[0].selected
        assert not second.dirty
    assert load_draft(second.opening.draft_key) is None


async def test_several_articles_make_one_briefing_in_list_order(make_app, ready, out_dir) -> None:
    app = make_app(TUNNEL, GARDEN, method="lead", sentences=2)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        articles = app.query_one("#articles")
        assert articles.display
        headlines = [s.headline for s in from_markdown(app.editor.text).stories]
        assert headlines == [app.entries[0].headline, app.entries[1].headline]
        articles.focus()
        await pilot.press("alt+down")
        await ready(pilot)
        garden, tunnel = app.entries
        assert garden.headline.startswith("Rooftop gardens")
        assert [s.headline for s in from_markdown(app.editor.text).stories] == [
            garden.headline,
            tunnel.headline,
        ]
        contents = [line for line in lines_of(app) if line[:3] in ("1. ", "2. ")]
        assert contents[0].startswith("1. [Rooftop gardens")  # the contents follow the move
        assert contents[1].startswith("2. [Harbour tunnel")
        assert app.current == 1  # the moved article stays the one being edited
        await pilot.press("up")  # in the article list: the garden
        await ready(pilot)
        assert app.entry is garden
        app.sentence_list.focus()
        app.sentence_list.highlight_sentence(4)
        await pilot.press("space")
        await pilot.press("ctrl+s")
        await ready(pilot)
        (saved,) = out_dir.iterdir()
        assert saved.name == "briefing-for-tuesday-march-4-2025.md"
        stories = from_markdown(saved.read_text(encoding="utf-8")).stories
        assert [s.headline for s in stories] == [garden.headline, tunnel.headline]
        assert stories[0].sentences == tuple(garden.sentences[i] for i in (0, 1, 4))
        assert stories[1].sentences == tunnel.sentences[:2]


async def test_a_reopened_briefing_saves_in_place(make_app, ready, cli, tmp_path) -> None:
    result = cli(
        "make",
        TUNNEL,
        "--no-audio",
        "-m",
        "lead",
        "-n",
        "3",
        "--out",
        str(tmp_path),
        cwd=Path.cwd(),
    )
    exported = Path(result.stdout.strip())
    app = make_app(str(exported), out=None, day=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert app.entries[0].selected == {0, 1, 2}
        assert not app.editor.text.startswith("---")
        app.sentence_list.highlight_sentence(5)
        await pilot.press("space")
        await pilot.press("ctrl+s")
        await ready(pilot)
        assert not isinstance(app.screen, ChoiceScreen)
    assert [p.name for p in tmp_path.iterdir()] == [exported.name]
    briefing = from_markdown(exported.read_text(encoding="utf-8"))
    assert len(briefing.stories[0].sentences) == 4


async def test_listening_without_a_player_reports_the_file(make_app, ready) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+l")
        await ready(pilot)
        wav = locations.state_dir() / "listen" / f"{app.opening.draft_key}.wav"
        _, seconds, peak = wav_info(wav)
        assert seconds > 10 and peak > 0
        assert any(str(wav) in m and "No audio player" in m for m in messages(app))


async def test_listening_plays_with_the_player(make_app, ready, tmp_path) -> None:
    played = tmp_path / "played"
    player = [sys.executable, "-c", f"import sys; open({str(played)!r}, 'w').write(sys.argv[1])"]
    app = make_app(player=player)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        app.query_one("#voice", Select).value = "brisk"
        await pilot.pause()
        assert app.rate == 195
        await pilot.press("ctrl+l")
        await ready(pilot)
    assert played.read_text().endswith(".wav")


async def test_help_theme_and_preview_keys(make_app, ready) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        shown = app.screen.query_one(Markdown).source
        for name, method in METHODS.items():  # the method tooltip points here
            assert f"| {name} | {method.description}" in shown
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        dark = app.current_theme.dark
        await pilot.press("ctrl+t")
        assert app.current_theme.dark is not dark
        app.editor.focus()
        await pilot.press("f2")
        assert not app.editor.display or not app.editor.parent.display
        assert app.query_one("#preview-pane").display
        await pilot.press("f2")
        assert app.query_one("#editor-pane").display


async def test_the_theme_is_remembered_for_the_next_run(make_app, ready) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        start = app.theme
        await pilot.press("ctrl+t")
        await pilot.pause()
        chosen = app.theme
        assert chosen != start
    assert (locations.config_dir() / "edit.json").is_file()
    again = make_app()
    async with again.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert again.theme == chosen


async def test_a_damaged_settings_file_is_ignored(make_app, ready) -> None:
    folder = locations.config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "edit.json").write_text("{not json", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+t")
        await pilot.pause()
    assert '"theme": "textual-light"' in (folder / "edit.json").read_text(encoding="utf-8")


async def test_every_action_is_in_the_command_palette(make_app, ready) -> None:
    app = make_app(TUNNEL, GARDEN)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        for title in (
            "Save Markdown",
            "Export…",
            "Listen",
            "Toggle sentence",
            "Longer summary",
            "Shorter summary",
            "Method: lead",
            "Voice: deep",
            "Faster speech",
            "Move article up",
            "Move article down",
            "Toggle preview",
            "Light/dark theme",
            "Help",
            "Quit",
        ):
            assert title in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*keys("Longer summary"))
        await pilot.pause(0.5)
        await pilot.press("enter")
        await ready(pilot)
        assert len(app.entries[0].selected) == 6


async def test_alt_arrows_move_the_article_from_any_pane(make_app, ready) -> None:
    app = make_app(TUNNEL, GARDEN, method="lead", sentences=2)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        first = app.entries[0].headline
        for pane in ("#sentences", "#editor"):
            app.query_one(pane).focus()
            await pilot.press("alt+down")
            await ready(pilot)
            assert app.entries[1].headline == first
            assert from_markdown(app.editor.text).stories[1].headline == first
            await pilot.press("alt+up")
            await ready(pilot)
            assert app.entries[0].headline == first


async def test_alt_arrows_with_one_article_say_why_nothing_moves(make_app, ready) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        before = app.editor.text
        await pilot.press("alt+down")
        await pilot.pause()
        assert app.editor.text == before
        assert any("Only one article" in m for m in messages(app))


async def test_tab_follows_the_reading_order(make_app, ready) -> None:
    app = make_app(TUNNEL, GARDEN)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert app.focused is app.sentence_list
        order = []
        for _ in range(6):
            await pilot.press("tab")
            order.append(app.focused.id)
        assert order == ["editor", "voice", "rate", "articles", "method", "length"]
        await pilot.press("shift+tab", "shift+tab", "shift+tab")
        assert app.focused.id == "rate"


async def test_focused_controls_stand_out(make_app, ready) -> None:
    from textual.widgets._select import SelectCurrent

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        current = app.query_one("#method").query_one(SelectCurrent)
        length = app.query_one("#length")
        before = (current.styles.background, length.styles.background)
        app.query_one("#method").focus()
        await pilot.pause()
        assert current.styles.background != before[0]
        app.query_one("#length").focus()
        await pilot.pause()
        assert length.styles.background != before[1]


async def test_dialogs_show_their_own_keys_only(make_app, ready, out_dir: Path) -> None:
    from textual.widgets import Footer

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert app.screen.query(Footer)  # the dialog's own footer, over the editor's
        shown = {b.action for _, b, enabled, _ in app.screen.active_bindings.values() if enabled}
        assert "cancel" in shown
        assert not shown & {"save", "export", "listen"}
        await pilot.press("ctrl+s")  # not a save behind the dialog's back
        await pilot.pause()
        assert not out_dir.exists() or not any(out_dir.iterdir())
        assert isinstance(app.screen, ExportScreen)


async def test_a_bad_rate_is_explained_and_not_left_on_screen(make_app, ready) -> None:
    from textual.widgets import Input

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        box = app.query_one("#rate", Input)
        box.focus()
        box.value = ""
        await pilot.press("9", "9", "9", "9", "enter")
        await pilot.pause()
        assert any("from 40 to 500" in m for m in messages(app))
        assert app.rate == 150
        await pilot.press("tab")  # leaving the box: back to the rate in use
        await pilot.pause()
        assert box.value == "150" and not box.has_class("-invalid")
        box.focus()
        box.value = ""
        await pilot.press("1", "8", "0", "enter")
        await pilot.pause()
        assert app.rate == 180


async def test_a_bad_length_is_explained_and_not_left_on_screen(make_app, ready) -> None:
    from textual.widgets import Input

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        box = app.query_one("#length", Input)
        box.focus()
        box.value = ""
        await pilot.press("0", "enter")
        await pilot.pause()
        assert any("not a length in sentences" in m for m in messages(app))
        assert len(app.entries[0].selected) == 5
        await pilot.press("shift+tab")
        await pilot.pause()
        assert box.value == "5" and not box.has_class("-invalid")


async def test_tab_in_the_export_dialog_reaches_only_controls(make_app, ready) -> None:
    from textual.widgets import Button, Checkbox, Input

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:  # small: the dialog's body scrolls
        await ready(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        seen = []
        for _ in range(9):
            await pilot.press("tab")
            seen.append(app.focused)
        assert all(isinstance(w, (Button, Checkbox, Input)) for w in seen), seen
        assert app.screen.query_one("#folder") in seen
