"""The app's drafts: claim and offer one at start, restore it, autosave, and keep it on signals.

What a draft holds and how stories are matched is the session's (session.py);
the file itself is briefing.drafts'. This is when those run and what the user is told:
a second editor on the same inputs opens read-only, and SIGTERM or SIGHUP (a closed
terminal) leave the app the clean way, draft written and terminal restored.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from typing import TYPE_CHECKING

from briefing.drafts import Draft
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
        self._signals: list[signal.Signals] = []

    def start(self) -> None:
        """At mount: watch for signals, claim the draft (or go read-only), offer a found one."""
        app = self.app
        self._watch_signals()
        for headline in app.opening.changed:
            app.notify(
                f"“{headline}” changed since this briefing was saved: the marks show the "
                "sentences found in the text as it is.",
                severity="warning",
                timeout=10,
            )
        if self.keeper.lock():
            self._offer_found()
            return

        def answer(choice: str | None) -> None:
            if choice == "read-only":
                self.go_read_only()
                app.begin(None)
            else:
                app.finish("clean")

        self.keeper.read_only = True
        from briefing.tui.screens import questions  # a dialog's code loads when it opens

        app.push_screen(questions.read_only_elsewhere(), answer)

    def stop(self) -> None:
        """At unmount: stop watching signals and let another editor have the draft."""
        with contextlib.suppress(RuntimeError):
            loop = asyncio.get_running_loop()
            for signum in self._signals:
                loop.remove_signal_handler(signum)
        self._signals.clear()
        self.keeper.release()

    def _offer_found(self) -> None:
        app = self.app
        draft = self.keeper.load() if app.offer_draft else None
        if self.keeper.problem:
            app.notify(self.keeper.problem, severity="warning", timeout=10)
        if draft is not None and (app.entries or app.opening.text is not None):
            self.offer(draft)
        else:
            app.begin(None)

    def go_read_only(self) -> None:
        """Another editor owns these inputs' draft: show the work, change nothing here."""
        app = self.app
        self.keeper.read_only = True
        app.editor.read_only = True
        app.sub_title = "read-only"
        app.notify("Read-only: these articles are open in another editor.", severity="warning")

    def _watch_signals(self) -> None:
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGHUP):
            try:
                loop.add_signal_handler(signum, self._on_signal, signum)
            except (NotImplementedError, RuntimeError, ValueError):
                continue  # not the main thread, or no such signal here
            self._signals.append(signum)

    def _on_signal(self, signum: signal.Signals) -> None:
        # The draft first: after SIGHUP the terminal is gone, but the work must not be.
        self.app.finish("keep")

    def offer(self, draft: Draft) -> None:
        """Ask whether to restore `draft`, then start work either way."""
        app = self.app

        def answer(choice: str | None) -> None:
            if choice == "restore":
                app.begin(draft)
            else:
                self.keeper.forget()
                app.begin(None)

        from briefing.tui.screens import questions

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
