"""The app's drafts: offer one found at start, restore it, and autosave while the user works.

What a draft holds and how stories are matched is the session's (session.py);
the file itself is briefing.drafts'. This is when those run and what the user is told.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.drafts import Draft
from briefing.tui.screens import questions
from briefing.tui.session import DraftKeeper, draft_of, restore_stories
from briefing.tui.widgets.article_list import ArticleList
from briefing.tui.widgets.voice_controls import VoiceControls

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp


class Drafting:
    """Keep the editor's work in a draft on disk, and put a found draft back when asked."""

    def __init__(self, app: BriefingApp, keeper: DraftKeeper) -> None:
        self.app = app
        self.keeper = keeper

    def offer(self, draft: Draft) -> None:
        """Ask whether to restore `draft`, then start work either way."""
        app = self.app

        def answer(choice: str | None) -> None:
            if choice == "restore":
                app.begin(draft)
            else:
                self.keeper.forget()
                app.begin(None)

        app.push_screen(questions.restore_draft(draft), answer)

    def restore(self, draft: Draft) -> None:
        """Put the draft's text, stories and voice back in the editor."""
        app = self.app
        restored = restore_stories(app.entries, draft)
        if not restored.matched:
            app.notify(
                "The articles changed since the draft was saved: only its text was restored.",
                severity="warning",
            )
        for headline in restored.changed:
            app.notify(
                f"“{headline}” changed since the draft was saved: its marks follow the text.",
                severity="warning",
                timeout=10,
            )
        if draft.voice in {p.name for p in app.profiles}:
            app.voice = draft.voice
            app.rate = draft.rate or app.rate
            app.query_one("#voice-controls", VoiceControls).show(app.voice, app.rate)
        app.editor.load_text(draft.text)
        app.text_ready = True
        self.keeper.restored(draft)
        app.query_one("#articles", ArticleList).show([e.headline for e in app.entries], 0)
        app.current = 0
        app.show_entry()
        app.notify("Draft restored.")

    def make(self) -> Draft:
        """The editor's work as it is now."""
        app = self.app
        return draft_of(app.opening, app.text, voice=app.voice, rate=app.rate)

    def autosave(self) -> None:
        """Keep the draft on disk in step with the editor: written when dirty, gone when clean."""
        app = self.app
        if not app.text_ready:
            return
        if not app.dirty:
            if self.keeper.last is not None:
                self.keeper.forget()
            return
        problem = self.keeper.keep(self.make())
        if problem:
            app.notify(problem, severity="warning")
