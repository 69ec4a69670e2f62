"""What users of terminal editors expect: $EDITOR, find, undo of moves, honest listening, fit."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from textual.widgets import Label

from briefing import locations
from briefing.render import escape
from briefing.tui.screens.find import FindScreen
from briefing.tui.screens.help import HelpScreen, help_text

TUNNEL = "samples/harbour-tunnel.txt"
GARDEN = "samples/community-garden.md"


def messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


def script(tmp_path: Path, name: str, body: str) -> list[str]:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return [sys.executable, str(path)]


async def test_a_player_that_fails_at_once_is_reported_with_the_wav(
    make_app, ready, tmp_path: Path
) -> None:
    # Like ffplay with no sound device: it complains and exits, status 0 or not.
    player = script(
        tmp_path,
        "player.py",
        "import sys\nprint('SDL_OpenAudio: no such device', file=sys.stderr)\n"
        "print('No more combinations to try, audio open failed', file=sys.stderr)\n",
    )
    app = make_app(player=player)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+l")
        await ready(pilot)
        await pilot.pause(0.2)
        wav = locations.state_dir() / "listen" / f"{app.opening.draft_key}.wav"
        said = messages(app)
        assert any("audio open failed" in m and str(wav) in m for m in said), said
        assert not any(m.startswith("Playing") for m in said)
        assert not app.status.has_class("-playing")


async def test_playing_shows_in_the_status_bar_and_a_second_listen_reuses_the_render(
    make_app, ready, wait_for, tmp_path: Path
) -> None:
    played = tmp_path / "played.txt"
    player = script(
        tmp_path,
        "player.py",
        f"import sys, time\nopen({str(played)!r}, 'a').write(sys.argv[1] + '\\n')\n"
        "time.sleep(1.2)\n",
    )

    def plays() -> list[str]:
        return played.read_text().split() if played.exists() else []

    app = make_app(player=player)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+l")
        # Not `ready`: it would wait for the player to finish.
        assert await wait_for(pilot, lambda: app.status.has_class("-playing"))
        assert "Playing" in str(app.status.query_one("#playing", Label).render())
        assert await wait_for(pilot, lambda: len(plays()) == 1)
        wav = Path(plays()[0])
        rendered_at = wav.stat().st_mtime_ns
        assert await wait_for(pilot, lambda: not app.status.has_class("-playing"))
        await pilot.press("ctrl+l")  # nothing changed: the same file plays again
        assert await wait_for(pilot, lambda: len(plays()) == 2)
        assert wav.stat().st_mtime_ns == rendered_at
        assert plays()[1] == str(wav)
        await pilot.press("ctrl+l")  # stops it
        assert await wait_for(pilot, lambda: not app.status.has_class("-playing"))


def test_a_render_can_be_cancelled_and_leaves_no_file(tmp_path: Path) -> None:
    from briefing.models import Briefing, Story
    from briefing.speech.script import build_script
    from briefing.speech.voices import get_profile
    from briefing.tui.playback import Playback, RenderCancelled

    profile = get_profile("default")
    story = Story("A story", ("One sentence here.", "Another sentence there.") * 5, ())
    spoken = build_script(Briefing("Title", dt.date(2025, 3, 4), (story,)), profile)
    playback = Playback(None)
    path = tmp_path / "listen.wav"

    def progress(done: int, total: int) -> None:
        playback.cancel()  # the user pressed ctrl+l again, mid-render

    with pytest.raises(RenderCancelled):
        playback.render(spoken, profile, path, progress, text="x")
    assert not path.exists() and list(tmp_path.iterdir()) == []
    assert playback.cached("x", profile) is None


async def test_external_editor_round_trip_recomputes_the_marks(
    make_app, ready, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        first = app.entries[0].sentences[0]
        edit = script(
            tmp_path,
            "editor.py",
            "import sys, pathlib\np = pathlib.Path(sys.argv[-1])\n"
            f"p.write_text(p.read_text().replace({escape(first)!r}, 'My own opening line.'))\n",
        )
        monkeypatch.setenv("VISUAL", " ".join(edit))
        await pilot.press("ctrl+o")
        await ready(pilot)
        assert "My own opening line." in app.editor.text.splitlines()
        assert app.sentence_list.get_option("s0").prompt.columns  # still a sentence row
        assert app.dirty
        assert any("Text taken back" in m for m in messages(app))
        from briefing.tui import selection

        assert selection.marks(app.editor.text, app.entries, 0)[0] == "missing"


async def test_a_failing_external_editor_leaves_the_text_alone(
    make_app, ready, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VISUAL", f"{sys.executable} -c 'raise SystemExit(3)'")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        text = app.editor.text
        await pilot.press("ctrl+o")
        await ready(pilot)
        assert app.editor.text == text
        assert any("status 3" in m for m in messages(app))


async def test_find_in_the_editor_and_in_the_sentence_list(make_app, ready) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+f")  # the sentence list has focus
        assert isinstance(app.screen, FindScreen)
        await pilot.press(*"ferry", "enter")
        await pilot.pause()
        index = app.sentence_list.sentence_index
        assert index is not None and "ferry" in app.entries[0].sentences[index].lower()
        await pilot.press("f3")
        await pilot.pause()
        again = app.sentence_list.sentence_index
        assert again is not None and "ferry" in app.entries[0].sentences[again].lower()

        app.editor.focus()
        app.editor.move_cursor((0, 0))
        await pilot.press("ctrl+f")
        await pilot.press(*"tunnel", "enter")
        await pilot.pause()
        assert app.editor.selected_text.lower() == "tunnel"
        start = app.editor.selection.start
        await pilot.press("f3")
        await pilot.pause()
        assert app.editor.selected_text.lower() == "tunnel"
        assert app.editor.selection.start > start
        await pilot.press("ctrl+f", *"zzqqxx", "enter")
        await pilot.pause()
        assert any("Not found" in m for m in messages(app))


async def test_undo_after_a_move_puts_the_article_list_back(make_app, ready) -> None:
    app = make_app(TUNNEL, GARDEN)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        first, second = (e.headline for e in app.entries)
        await pilot.press("alt+down")
        await ready(pilot)
        assert [e.headline for e in app.entries] == [second, first]
        app.editor.focus()
        await pilot.press("ctrl+z")
        await ready(pilot)
        assert [e.headline for e in app.entries] == [first, second]
        assert app.current == 0
        await pilot.press("ctrl+y")
        await ready(pilot)
        assert [e.headline for e in app.entries] == [second, first]


async def test_undo_of_a_toggle_takes_the_choice_back(make_app, ready) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        app.sentence_list.highlight_sentence(8)
        await pilot.press("space")
        await ready(pilot)
        assert 8 in app.entries[0].selected
        app.editor.focus()
        await pilot.press("ctrl+z")
        await ready(pilot)
        assert 8 not in app.entries[0].selected


async def test_a_renamed_heading_keeps_its_story_working(make_app, ready) -> None:
    app = make_app(TUNNEL, GARDEN)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        old = app.entries[0].headline
        row = app.editor.text.split("\n").index(f"## {escape(old)}")
        app.editor.replace("## The tunnel, renamed", (row, 0), (row, len(f"## {escape(old)}")))
        await ready(pilot)
        assert app.entries[0].headline == "The tunnel, renamed"
        app.sentence_list.highlight_sentence(9)
        await pilot.press("space")
        await ready(pilot)
        assert 9 in app.entries[0].selected
        assert escape(app.entries[0].sentences[9]) in app.editor.text.splitlines()
        assert not any("no longer in the text" in m for m in messages(app))
        await pilot.press("alt+down")
        await ready(pilot)
        assert app.entries[1].headline == "The tunnel, renamed"


async def test_focus_stays_in_the_app_after_narrowing(make_app, ready) -> None:
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        await ready(pilot)
        app.query_one("#preview-pane").focus()
        await pilot.resize_terminal(80, 24)
        await ready(pilot)
        await pilot.pause(0.1)
        assert app.focused is app.editor


async def test_the_preview_sits_beside_the_editor_from_120_columns(make_app, ready) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        assert app.query_one("#preview-pane").display
        assert app.query_one("#main").has_class("-wide")


async def test_plus_adds_about_a_sentence_of_words_when_the_unit_is_words(make_app, ready) -> None:
    from briefing.summarize.length import Length
    from briefing.tui.session import words_step

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        app.entries[0].length = Length(words=60)
        app.sentence_list.focus()
        await pilot.press("plus")
        await ready(pilot)
        step = words_step(app.entries[0].article)
        assert step > 10
        assert app.entries[0].length == Length(words=60 + step)


async def test_one_sentence_is_not_called_sentences(make_app, ready) -> None:
    app = make_app(sentences=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        line = str(app.status.query_one("#status-text", Label).render())
        assert line.startswith("1 sentence ·")


async def test_a_screenshot_goes_to_the_output_folder_even_when_missing(
    make_app, ready, out_dir: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert not out_dir.exists()
        app.action_screenshot()
        await pilot.pause()
        assert list(out_dir.glob("*.svg"))
        assert any(n.title == "Screenshot saved" for n in app._notifications)


async def test_help_documents_undo_find_and_the_external_editor(make_app, ready) -> None:
    text = help_text()
    for words in ("ctrl+z / ctrl+y", "ctrl+f", "ctrl+o", "Save as"):
        assert words in text
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


async def test_controls_have_labels_and_the_marks_a_legend(make_app, ready) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        captions = [str(w.render()) for w in app.query("#summary-controls .captions Label")]
        assert captions == ["Method", "Length", "Unit"]
        legend = str(app.query_one("#legend").render())
        assert all(mark in legend for mark in ("● in", "◐ edited", "◌ missing", "○ out"))


async def test_a_briefing_without_sources_offers_no_toggle(make_app, ready, tmp_path: Path) -> None:
    orphan = tmp_path / "orphan.md"
    orphan.write_text(
        '---\ntitle: "Orphan"\nmethod: "lead"\n---\n\n# Orphan\n\nA line.\n\nSource: gone.txt\n',
        encoding="utf-8",
    )
    app = make_app(str(orphan), out=None, day=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        shown = {key for key, b in app.screen.active_bindings.items() if b.binding.show}
        assert "space" not in shown
        assert app.sentence_list.option_count == 1  # the line saying why
