"""The briefing's Markdown in a TextArea that takes programmatic changes as small edits."""

from __future__ import annotations

from difflib import SequenceMatcher

from textual.message import Message
from textual.widgets import TextArea


class MarkdownEditor(TextArea):
    """A Markdown TextArea; `apply_text` changes only the lines that differ.

    Changing just those lines keeps the cursor, the scroll position and the
    undo history, so a toggled sentence is one undoable edit, not a new document.
    """

    def __init__(self, text: str = "", **kwargs: object) -> None:
        super().__init__(
            text,
            language="markdown",
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            **kwargs,  # type: ignore[arg-type]
        )

    class Undone(Message):
        """Undo or redo changed the text: the choices and story order must follow it."""

    def action_undo(self) -> None:
        before = self.text
        super().action_undo()
        if self.text != before:
            self.post_message(self.Undone())

    def action_redo(self) -> None:
        before = self.text
        super().action_redo()
        if self.text != before:
            self.post_message(self.Undone())

    def apply_text(self, new: str) -> None:
        """Make the editor hold `new`, editing as few lines as possible (one undo step)."""
        old = self.text
        if new == old:
            return
        self.history.checkpoint()
        undo = self.history._undo_stack  # Textual keeps no public way to group edits
        depth = len(undo)
        old_lines = old.split("\n")
        new_lines = new.split("\n")
        opcodes = SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes()
        for tag, i1, i2, j1, j2 in reversed(opcodes):
            if tag == "equal":
                continue
            self._replace_lines(old_lines, i1, i2, new_lines[j1:j2])
        if self.text != new:  # never expected; the document must end up exactly right
            self.load_text(new)
            return
        # Every edit with a newline is its own undo step: make the change one step.
        batches = [undo.pop() for _ in range(max(0, len(undo) - depth))]
        merged = [edit for batch in reversed(batches) for edit in batch]
        if merged:
            undo.append(merged)
        self.history.checkpoint()

    def show_line(self, row: int) -> None:
        """Scroll so that line `row` is in view, leaving the cursor where the user left it."""
        try:
            y = self.wrapped_document.location_to_offset((row, 0)).y
        except (IndexError, ValueError):
            return
        top = round(self.scroll_offset.y)
        height = self.scrollable_content_region.height
        if not top <= y < top + height:
            self.scroll_to(y=max(0, y - 2), animate=False)

    def _replace_lines(self, old: list[str], i1: int, i2: int, lines: list[str]) -> None:
        last = len(old) - 1
        if i2 <= last:
            insert = "".join(line + "\n" for line in lines)
            self.replace(insert, (i1, 0), (i2, 0))
        elif lines:
            # Up to the end of the document, where the last line has no newline after it.
            if i1 <= last:
                self.replace("\n".join(lines), (i1, 0), (last, len(old[last])))
            else:
                self.replace(
                    "\n" + "\n".join(lines), (last, len(old[last])), (last, len(old[last]))
                )
        elif i1 > 0:
            self.replace("", (i1 - 1, len(old[i1 - 1])), (last, len(old[last])))
        else:
            self.replace("", (0, 0), (last, len(old[last])))
