"""The editor takes programmatic changes as small edits: exact text, undo kept, no reload."""

from __future__ import annotations

import random

import pytest
from textual.app import App, ComposeResult

from briefing.tui.widgets.editor import MarkdownEditor


class EditorApp(App[None]):
    def compose(self) -> ComposeResult:
        yield MarkdownEditor("", id="editor")


def _cases() -> list[tuple[str, str]]:
    fixed = [
        ("a\nb\nc\n", "a\nx\nb\nc\n"),
        ("a\nb\nc\n", "a\nc\n"),
        ("a\nb\nc", "a\nb\nc\nd"),
        ("a\nb\nc", "a\nb"),
        ("a", ""),
        ("", "x\ny"),
        ("a\nb\n", "b\na\n"),
    ]
    rng = random.Random(4)
    words = ["alpha", "beta", "", "gamma", "delta", "# Title", "Source: x"]
    for _ in range(40):
        old = "\n".join(rng.choice(words) for _ in range(rng.randint(0, 8)))
        new = "\n".join(rng.choice(words) for _ in range(rng.randint(0, 8)))
        fixed.append((old, new))
    return fixed


async def test_apply_text_reaches_the_exact_text_by_edits(monkeypatch: pytest.MonkeyPatch) -> None:
    app = EditorApp()
    async with app.run_test() as pilot:
        editor = app.query_one(MarkdownEditor)
        for old, new in _cases():
            editor.load_text(old)
            with monkeypatch.context() as patched:
                patched.setattr(editor, "load_text", lambda _text: pytest.fail("reloaded"))
                editor.apply_text(new)
            assert editor.text == new, (old, new)
        editor.load_text("one\nthree\n")
        editor.apply_text("one\ntwo\nthree\n")
        editor.focus()
        await pilot.press("ctrl+z")
        assert editor.text == "one\nthree\n"  # a toggle is one undoable edit
