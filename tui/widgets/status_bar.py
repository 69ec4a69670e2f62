"""One line under the editor: the summary's size and state, and progress of long work."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar

from briefing.models import Briefing
from briefing.tui.playback import clock


class StatusBar(Horizontal):
    """Counts and save state on the left; a progress bar with its caption while work runs."""

    def compose(self) -> ComposeResult:
        yield Label("", id="status-text")
        yield Label("", id="playing")
        yield Label("", id="progress-label")
        yield ProgressBar(total=100, show_eta=False, id="progress")

    def say(self, text: str) -> None:
        self.query_one("#status-text", Label).update(text)

    def playing(self, text: str) -> None:
        """Show (or with "" hide) that the player is playing."""
        self.query_one("#playing", Label).update(text)
        self.set_class(bool(text), "-playing")

    def start(self, label: str) -> None:
        self.query_one("#progress-label", Label).update(label)
        bar = self.query_one("#progress", ProgressBar)
        bar.update(total=100, progress=0)
        self.add_class("-working")

    def advance(self, done: int, total: int) -> None:
        if total:
            self.query_one("#progress", ProgressBar).update(total=total, progress=done)

    def stop(self) -> None:
        self.remove_class("-working")


def status_line(briefing: Briefing, rate: int, state: str, *, summarizing: bool = False) -> str:
    """The status text: the briefing's size, how long it takes to hear, and its save state."""
    words = briefing.word_count
    seconds = words * 60 / max(rate, 1)
    busy = " · summarizing…" if summarizing else ""
    count = briefing.sentence_count
    return (
        f"{count} {'sentence' if count == 1 else 'sentences'} · {words} words · "
        f"≈{clock(seconds)} at {rate} wpm · {state}{busy}"
    )
