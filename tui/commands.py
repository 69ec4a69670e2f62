"""The command palette (ctrl+p): every action of the editor, by name, with its key."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from briefing.summarize.registry import METHODS
from briefing.tui.session import words_step

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp


def editor_commands(app: BriefingApp) -> Iterator[SystemCommand]:
    """The app's own commands, before Textual's (theme, keys, screenshot, quit)."""
    yield SystemCommand(
        "Save Markdown", "Write the Markdown to the output folder (ctrl+s)", app.action_save
    )
    yield SystemCommand(
        "Save as…", "Save the Markdown under another name or folder", app.action_save_as
    )
    yield SystemCommand("Export…", "Export Markdown, HTML and audio (ctrl+e)", app.action_export)
    yield SystemCommand(
        "Edit in $EDITOR",
        "Edit the Markdown in your own editor, then come back (ctrl+o)",
        app.action_external_editor,
    )
    yield SystemCommand(
        "Find…", "Find in the text or the sentence list (ctrl+f, f3 next)", app.action_find
    )
    yield SystemCommand("Listen", "Speak the briefing; again to stop (ctrl+l)", app.action_listen)
    yield SystemCommand(
        "Toggle sentence",
        "Put the highlighted sentence in or out (space)",
        app.action_toggle_sentence,
    )
    step = _step_words(app)
    yield SystemCommand("Longer summary", f"{step} more (+)", partial(app.action_length, 1))
    yield SystemCommand("Shorter summary", f"{step} less (-)", partial(app.action_length, -1))
    for name, method in METHODS.items():
        yield SystemCommand(
            f"Method: {name}",
            method.description,
            partial(app.action_method, name),
            discover=False,
        )
    for profile in app.profiles:
        yield SystemCommand(
            f"Voice: {profile.name}",
            profile.description or f"{profile.voice}, {profile.rate} words a minute",
            partial(app.action_voice, profile.name),
            discover=False,
        )
    yield SystemCommand(
        "Faster speech", "Speak 10 words a minute faster", partial(app.action_rate, 10)
    )
    yield SystemCommand(
        "Slower speech", "Speak 10 words a minute slower", partial(app.action_rate, -10)
    )
    if len(app.entries) > 1:
        yield SystemCommand(
            "Move article up", "Earlier in the briefing (alt+up)", partial(app.move_article, -1)
        )
        yield SystemCommand(
            "Move article down", "Later in the briefing (alt+down)", partial(app.move_article, 1)
        )
    yield SystemCommand(
        "Focus sentences",
        "Move to the article's sentences",
        partial(app.action_focus_pane, "#sentences"),
    )
    yield SystemCommand(
        "Focus editor", "Move to the Markdown text", partial(app.action_focus_pane, "#editor")
    )
    yield SystemCommand(
        "Toggle preview", "Show the rendered preview or the text (f2)", app.action_toggle_preview
    )
    yield SystemCommand(
        "Light/dark theme", "Switch between light and dark (ctrl+t)", app.action_toggle_theme
    )
    yield SystemCommand("Help", "Keys and what the marks mean (f1)", app.action_help)


def _step_words(app: BriefingApp) -> str:
    """What + adds in the current article's unit, in words."""
    entry = app.entry
    if entry is None or entry.length.sentences is not None:
        return "One sentence"
    if entry.length.words is not None:
        return f"{words_step(entry.article)} words"
    return "5% of the article"
