"""A self-erasing status line on stderr for long steps (speaking, a batch, the daily brief)."""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # not typing's: `briefing --help` imports this module (test_startup.py)
if TYPE_CHECKING:
    from briefing.timings import Timings


class StatusLine:
    """One self-erasing status line on stderr, shown only when stderr is a terminal."""

    def __init__(self) -> None:
        self.live = sys.stderr.isatty()

    def show(self, status: str) -> None:
        if self.live:
            print(f"\r\033[K{status[:78]}", end="", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.live:
            print("\r\033[K", end="", file=sys.stderr, flush=True)


class Progress(StatusLine):
    """A percentage for one long step (speaking, a batch)."""

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label

    def __call__(self, done: int, total: int) -> None:
        if total:
            self.show(f"{self.label} {100 * done // total:3d}%")


class DailySteps(StatusLine):
    """The daily brief's steps: fetching n/N, summarizing, speaking in percent."""

    def __call__(self, what: str, done: int, total: int) -> None:
        from briefing.sanitize import for_terminal

        what = for_terminal(what)  # names feed titles and links: network text
        if what == "Speaking" and total:
            self.show(f"Speaking {100 * done // total:3d}%")
        elif total:
            self.show(f"{what} ({done}/{total})")
        else:
            self.show(what)


def print_timings(timings: Timings) -> None:
    """Where the run's time went, phase by phase, on stderr (`--timings`, even with --quiet)."""
    print("briefing: where the time went:", file=sys.stderr)
    for line in timings.lines():
        print(f"  {line}", file=sys.stderr)
