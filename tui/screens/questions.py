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
        message = f"{_clean(taken[0])} already exists.\n\nOverwrite it with this briefing?"
    else:
        names = "\n".join(f"  {_clean(t)}" for t in taken)
        message = f"Already there:\n{names}\n\nOverwrite {'them' if len(taken) > 1 else 'it'}?"
    return ChoiceScreen(
        "Overwrite?",
        message,
        [("Overwrite", "yes", "error"), ("Cancel", "cancel", "primary")],
        default=1,
    )


def _clean(path: Path) -> str:
    """A path as the user reads it: absolute, no "..", the home folder as ~."""
    resolved = path.expanduser().resolve()
    home = Path.home()
    if resolved.is_relative_to(home) and resolved != home:
        return f"~/{resolved.relative_to(home)}"
    return str(resolved)


def quit_unsaved(*, can_keep: bool = True) -> ChoiceScreen:
    """Quitting with unsaved work: "save", "keep" (the draft), "discard" or "cancel".

    Args:
        can_keep: a draft can be written; when it can't, "Keep draft" is not offered.
    """
    message = "This briefing has changes that aren't saved to the output folder."
    if not can_keep:
        message += "\n\nNo draft can be kept (it could not be written): save or discard."
    buttons = [("Save and quit", "save", "primary")]
    if can_keep:
        buttons.append(("Keep draft", "keep", "default"))
    buttons += [("Discard", "discard", "error"), ("Cancel", "cancel", "default")]
    return ChoiceScreen(UNSAVED, message, buttons)


def read_only_elsewhere() -> ChoiceScreen:
    """These inputs are open in another editor: "read-only" or "quit"."""
    return ChoiceScreen(
        "Open elsewhere",
        "These articles are open in another briefing editor, which keeps their draft.\n\n"
        "Open them here read-only (nothing typed here is kept as a draft)?",
        [("Open read-only", "read-only", "primary"), ("Quit", "quit", "default")],
    )
