"""The app's summarizing: one worker per article, a late result ignored, the first text built.

The summarizers themselves are the core's (briefing.summarize); this is when they
run and what their results change in the editor.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from briefing.assemble import briefing_from
from briefing.errors import BriefingError
from briefing.render import split_front_matter, to_markdown
from briefing.summarize import summarize
from briefing.summarize.length import Length
from briefing.tui.messages import SummaryReady, WorkFailed
from briefing.tui.session import Entry

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp

PAINT_WAIT = 2.0
"""Longest a summary waits for the first screen (it never blocks one that can't be drawn)."""


class Summarizer:
    """Summarize articles on worker threads and apply each result as it comes."""

    def __init__(self, app: BriefingApp) -> None:
        self.app = app

    def start(self, entry: Entry, *, apply: bool) -> None:
        """Summarize `entry` with its method and length; `apply` makes the picks its selection."""
        if entry.article is None:
            return
        entry.generation += 1
        self.app.status.say(f"Summarizing with {entry.method}…")
        self.app.run_worker(
            partial(self._run, entry, entry.generation, entry.method, entry.length, apply),
            thread=True,
            group=f"summarize-{id(entry)}",
            exclusive=True,
            exit_on_error=False,
        )

    def _run(self, entry: Entry, generation: int, method: str, length: Length, apply: bool) -> None:
        assert entry.article is not None
        app = self.app
        # The first screen needs only Textual: the summarizer's imports (numpy, stemmers)
        # and its work would share the interpreter with the painting and delay it.
        app.painted.wait(PAINT_WAIT)
        try:
            summary = summarize(entry.article, method, length)
        except BriefingError as exc:
            app.post_message(WorkFailed("Summarizing", str(exc)))
            return
        except Exception as exc:  # a summarizer bug must not take the user's edits down
            app.post_message(WorkFailed("Summarizing", f"{type(exc).__name__}: {exc}"))
            return
        app.post_message(SummaryReady(entry, generation, summary, apply))

    def ready(self, message: SummaryReady) -> None:
        """A summary arrived: keep its scores and, if asked, make its picks the selection."""
        app = self.app
        entry = message.entry
        if message.generation != entry.generation or entry not in app.entries:
            return
        entry.summary = message.summary
        if message.apply:
            chosen = {p.index for p in message.summary.picks}
            if app.text_ready:
                app.chooser.apply(entry, chosen)
            else:
                entry.selected = chosen
                if all(e.summary is not None for e in app.entries if e.article):
                    self.first_text()
        for note in message.summary.notes:
            app.notify(f"{entry.headline}: {note}", severity="warning")
        app.show_entry()

    def first_text(self) -> None:
        """Every article is summarized: the editor gets the briefing they make."""
        app = self.app
        summaries = [e.summary for e in app.entries if e.summary is not None]
        _, body = split_front_matter(to_markdown(briefing_from(summaries, day=app.day)))
        text = body.strip("\n") + "\n"
        app.editor.load_text(text)
        app.clean_text = text
        app.text_ready = True
        app.show_entry()
        app.sentence_list.focus()
