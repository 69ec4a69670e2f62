"""The app's sentence choosing: toggles, a new summary's picks and story moves, with the questions.

What changes in the text is decided in selection.py (plain Python); this puts the
result in the editor and asks the user about lines they edited by hand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.tui import selection
from briefing.tui.document import SectionMissing
from briefing.tui.session import Entry
from briefing.tui.widgets.article_list import ArticleList

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp


class Chooser:
    """Apply the user's choices of sentences and stories to the editor's text."""

    def __init__(self, app: BriefingApp) -> None:
        self.app = app

    def toggle(self, index: int) -> None:
        """Put sentence `index` of the current article in or out of the text."""
        app = self.app
        if self.refused():
            return
        entry = app.entry
        if entry is None or entry.article is None:
            return
        if not app.text_ready:
            from briefing.tui.screens.questions import STILL_SUMMARIZING

            app.notify(STILL_SUMMARIZING)
            return
        self.follow_text()
        if index not in entry.selected:
            try:
                added = selection.put_in(app.editor.text, app.entries, app.current, index)
            except SectionMissing as exc:
                app.notify(
                    f"Can't add the sentence: {exc}. Put the heading back, or paste it by hand.",
                    severity="error",
                )
                return
            app.editor.apply_text(added.text)
            if added.line is not None:
                app.editor.show_line(added.line)
            app.show_entry()
            return
        removal = selection.take_out(app.editor.text, app.entries, app.current, index)
        if removal.edited is None:
            app.editor.apply_text(removal.text)
            app.show_entry()
            return

        def answer(choice: str | None) -> None:
            if choice == "cancel":
                return
            text = selection.settle_edited(
                app.editor.text, entry, index, removal, remove=choice == "remove"
            )
            app.editor.apply_text(text)
            app.show_entry()

        from briefing.tui.screens import questions

        app.push_screen(questions.remove_edited_line(removal.edited.text), answer)

    def apply(self, entry: Entry, chosen: set[int]) -> None:
        """Make `chosen` the entry's selection by adding and removing only the lines that change."""
        app = self.app
        applied = selection.apply_selection(app.editor.text, app.entries, entry, chosen)
        if applied.problem:
            app.notify(f"Can't update the summary: {applied.problem}.", severity="error")
        app.editor.apply_text(applied.text)
        if applied.edited:
            self._ask_remove_edited(entry, applied.edited)

    def _ask_remove_edited(self, entry: Entry, edited: list[int]) -> None:
        app = self.app
        sentences = [entry.sentences[i] for i in edited]

        def answer(choice: str | None) -> None:
            if choice == "remove" and entry in app.entries:
                text = selection.remove_edited(app.editor.text, app.entries, entry, sentences)
                app.editor.apply_text(text)

        from briefing.tui.screens import questions

        app.push_screen(questions.remove_edited_lines(len(edited)), answer)

    def follow_text(self) -> None:
        """Stories follow the text (renamed headings, moved sections); the same one stays current."""
        app = self.app
        entry = app.entry
        if not app.text_ready or not selection.follow_text(app.editor.text, app.entries):
            return
        if entry is not None:
            app.current = app.entries.index(entry)
        app.show_articles()

    def undone(self) -> None:
        """Undo and redo take the choices and the story order back with the text."""
        app = self.app
        if not app.text_ready:
            return
        entry = app.entry
        selection.follow_undo(app.editor.text, app.entries)
        if entry is not None and entry in app.entries:
            app.current = app.entries.index(entry)
        app.show_articles()
        app.show_entry()

    def refused(self) -> bool:
        """Read-only (another editor has these inputs): say so instead of changing the text."""
        if self.app.read_only:
            self.app.notify("Read-only: these articles are open in another editor.")
        return self.app.read_only

    def move(self, delta: int) -> None:
        """Move the current story up (-1) or down (+1), text and article list together."""
        app = self.app
        if not app.text_ready or self.refused():
            return
        self.follow_text()
        try:
            moved = selection.move_story(app.editor.text, app.entries, app.current, delta)
        except SectionMissing as exc:
            app.notify(f"Can't move the story: {exc}.", severity="error")
            return
        if moved is None:
            return
        text, app.current = moved
        app.editor.apply_text(text)
        app.query_one("#articles", ArticleList).show([e.headline for e in app.entries], app.current)
        app.show_entry()
