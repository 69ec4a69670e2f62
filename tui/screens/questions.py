"""Every question the editor asks, worded in one place (each a ChoiceScreen and its answers)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from briefing.drafts import Draft
from briefing.render import from_markdown
from briefing.tui.screens.choice import ChoiceScreen

STILL_SUMMARIZING = "Still summarizing; try again in a moment."
"""Said when a key needs the briefing's text and the summaries aren't there yet."""
UNSAVED = "Unsaved changes"
"""The quit question's title: while it is open, ctrl+q does nothing more."""


def restore_draft(draft: Draft) -> ChoiceScreen:
    """An autosaved draft was found: "restore" or "discard" (escape restores)."""
    when = draft.saved_at.astimezone().strftime("%d %b %Y at %H:%M")
    words = from_markdown(draft.text).word_count
    message = (
        f"Changes to this briefing were autosaved on {when} ({words} words) "
        "but never saved to the output folder.\n\nRestore them?"
    )
    choices = [("Restore", "restore", "primary"), ("Discard", "discard", "error")]
    return ChoiceScreen("Unsaved draft found", message, choices, cancel="restore")


def remove_edited_line(line: str) -> ChoiceScreen:
    """A sentence leaves the summary but its line was edited: "remove", "keep" or "cancel"."""
    return ChoiceScreen(
        "Edited sentence",
        f"You edited this sentence in the text:\n\n{line.strip()}\n\n"
        "Take it out of the summary and remove your edited line too?",
        [
            ("Remove line", "remove", "error"),
            ("Keep line", "keep", "primary"),
            ("Cancel", "cancel", "default"),
        ],
        default=1,
    )


def remove_edited_lines(count: int) -> ChoiceScreen:
    """A new summary left out `count` sentences the user had edited: "remove" or "keep"."""
    return ChoiceScreen(
        "Edited sentences",
        f"{count} sentence{'s' * (count != 1)} you edited "
        f"{'are' if count != 1 else 'is'} no longer in the summary.\n\n"
        "Remove the edited lines from the text too?",
        [("Remove", "remove", "error"), ("Keep", "keep", "primary")],
        cancel="keep",
        default=1,
    )


def overwrite(taken: Sequence[Path], *, save: bool = False) -> ChoiceScreen:
    """Files are already there: "yes" to overwrite them.

    Args:
        save: the question of ctrl+s (one Markdown file) rather than of an export.
    """
    if save:
        message = f"{taken[0]} already exists.\n\nOverwrite it with this briefing?"
    else:
        names = "\n".join(f"  {t}" for t in taken)
        message = f"Already there:\n{names}\n\nOverwrite {'them' if len(taken) > 1 else 'it'}?"
    return ChoiceScreen(
        "Overwrite?",
        message,
        [("Overwrite", "yes", "error"), ("Cancel", "cancel", "primary")],
        default=1,
    )


def quit_unsaved() -> ChoiceScreen:
    """Quitting with unsaved work: "save", "keep" (the draft), "discard" or "cancel"."""
    return ChoiceScreen(
        UNSAVED,
        "This briefing has changes that aren't saved to the output folder.",
        [
            ("Save and quit", "save", "primary"),
            ("Keep draft", "keep", "default"),
            ("Discard", "discard", "error"),
            ("Cancel", "cancel", "default"),
        ],
    )
