"""Find: text in the Markdown editor, or a sentence in the article's list (ctrl+f, then f3).

Where to look is the pane that had focus; the search is case-insensitive and
wraps around to the start, and saying "not found" is better than moving nowhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets.text_area import Selection

from briefing.tui.widgets.sentence_list import SentenceList

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp


def next_match(text: str, needle: str, start: int) -> int | None:
    """The offset of the next `needle` in `text` at or after `start`, wrapping; None if absent."""
    if not needle:
        return None
    haystack, needle = text.casefold(), needle.casefold()
    found = haystack.find(needle, start)
    if found < 0:
        found = haystack.find(needle)
    return found if found >= 0 else None


def next_sentence(sentences: tuple[str, ...], needle: str, after: int | None) -> int | None:
    """The index of the next sentence containing `needle` after `after`, wrapping."""
    if not needle or not sentences:
        return None
    start = -1 if after is None else after
    order = [*range(start + 1, len(sentences)), *range(0, start + 1)]
    folded = needle.casefold()
    return next((i for i in order if folded in sentences[i].casefold()), None)


class Finder:
    """The app's find: ask once, then find the next match as often as asked."""

    def __init__(self, app: BriefingApp) -> None:
        self.app = app
        self.needle = ""
        self.in_sentences = False

    def ask(self) -> None:
        app = self.app
        self.in_sentences = isinstance(app.focused, SentenceList)

        def answer(needle: str | None) -> None:
            if needle:
                self.needle = needle
                self.next()

        from briefing.tui.screens.find import FindScreen  # loaded when first asked

        where = "sentence list" if self.in_sentences else "briefing text"
        app.push_screen(FindScreen(where, self.needle), answer)

    def next(self) -> None:
        """Go to the next match of the last text asked for."""
        if not self.needle:
            self.ask()
            return
        if self.in_sentences:
            self._in_sentences()
        else:
            self._in_editor()

    def _in_editor(self) -> None:
        app = self.app
        editor = app.editor
        text = editor.text
        # From the end of the selection: pressing f3 on a match finds the next one.
        cursor = max(editor.selection.start, editor.selection.end)
        found = next_match(text, self.needle, _offset(text, cursor))
        if found is None:
            app.notify(f"Not found in the text: {self.needle}")
            return
        begin = _location(text, found)
        end = _location(text, found + len(self.needle))
        editor.focus()
        editor.selection = Selection(begin, end)
        editor.scroll_cursor_visible()

    def _in_sentences(self) -> None:
        app = self.app
        entry = app.entry
        sentences = entry.sentences if entry else ()
        found = next_sentence(sentences, self.needle, app.sentence_list.sentence_index)
        if found is None:
            app.notify(f"No sentence has: {self.needle}")
            return
        app.sentence_list.focus()
        app.sentence_list.highlight_sentence(found)


def _offset(text: str, location: tuple[int, int]) -> int:
    row, column = location
    lines = text.split("\n")
    return sum(len(line) + 1 for line in lines[:row]) + column


def _location(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset].split("\n")
    return len(before) - 1, len(before[-1])
