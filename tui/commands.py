"""The command palette (ctrl+p): every action of the editor, by name, with its key."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from briefing.summarize.registry import METHODS

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp


def editor_commands(app: BriefingApp) -> Iterator[SystemCommand]:
    """The app's own commands, before Textual's (theme, keys, screenshot, quit)."""
    yield SystemCommand(
        "Save Markdown", "Write the Markdown to the output folder (ctrl+s)", app.action_save
    )
    yield SystemCommand("Export…", "Export Markdown, HTML and audio (ctrl+e)", app.action_export)
    yield SystemCommand("Listen", "Speak the briefing; again to stop (ctrl+l)", app.action_listen)
    yield SystemCommand(
        "Toggle sentence",
        "Put the highlighted sentence in or out (space)",
        app.action_toggle_sentence,
    )
    yield SystemCommand("Longer summary", "One more sentence (+)", partial(app.action_length, 1))
    yield SystemCommand("Shorter summary", "One sentence less (-)", partial(app.action_length, -1))
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
