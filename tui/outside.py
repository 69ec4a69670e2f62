"""Hand the briefing's Markdown to the user's own editor ($VISUAL or $EDITOR) and take it back.

The terminal goes to the editor while the app is suspended; what the editor saved
comes back as one edit (undoable), and the sentence marks follow the new text.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import SuspendNotSupported

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp

FALLBACK = "vi"


def editor_command() -> list[str]:
    """The user's editor as a command ($VISUAL, then $EDITOR, then vi), options included."""
    for name in ("VISUAL", "EDITOR"):
        value = os.environ.get(name, "").strip()
        if value:
            return shlex.split(value)
    return [FALLBACK]


class OutsideEditor:
    """The app's ctrl+o: write the text to a file, run the editor on it, read it back."""

    def __init__(self, app: BriefingApp) -> None:
        self.app = app

    def edit(self) -> None:
        app = self.app
        command = editor_command()
        with tempfile.TemporaryDirectory(prefix="briefing-edit-") as folder:
            path = Path(folder) / "briefing.md"
            path.write_text(app.editor.text, encoding="utf-8")
            problem = self._run([*command, str(path)])
            if problem:
                app.notify(problem, title="External editor", severity="error", timeout=8)
                return
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                app.notify(f"Can't read the edited text back: {exc}", severity="error")
                return
        if text == app.editor.text:
            app.notify("No changes from the editor.")
            return
        app.editor.apply_text(text)
        app.after_outside_edit()
        app.notify(f"Text taken back from {command[0]}.")

    def _run(self, command: list[str]) -> str:
        """Run the editor with the terminal handed over; what went wrong, or ""."""
        try:
            with self.app.suspend():
                code = subprocess.call(command)
        except SuspendNotSupported:
            if not self.app.is_headless:
                return "This terminal can't hand the screen to another program."
            # No screen to hand over: the editor runs on its own (a scripted $EDITOR).
            try:
                code = subprocess.call(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
            except OSError as exc:
                return f"Can't run {command[0]}: {exc.strerror or exc}"
        except OSError as exc:
            return f"Can't run {command[0]}: {exc.strerror or exc}"
        if code:
            return f"{command[0]} exited with status {code}: the text was not changed."
        return ""
