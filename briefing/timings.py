"""A run's stopwatch: wall-clock seconds per phase, so a user can see where the time went.

Phases nest (speaking happens inside publishing), but each second is charged
to one phase only: the innermost running one. So the phases add up to the
time they cover, and what no phase covers is `unaccounted`, never counted twice.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Timings:
    """Seconds per phase, in the order the phases first ran, and the whole run's time."""

    clock: Callable[[], float] = field(default=time.perf_counter, repr=False)
    """Seconds from any fixed point; a test may pass its own."""
    phases: dict[str, float] = field(default_factory=dict)
    started: float = field(default=-1.0)
    finished: float | None = None
    _running: list[tuple[str, float]] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if self.started < 0:
            self.started = self.clock()

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        """Charge the time inside the block to `name` (an enclosing phase pauses meanwhile)."""
        now = self.clock()
        if self._running:
            outer, since = self._running[-1]
            self._charge(outer, now - since)
        self.phases.setdefault(name, 0.0)
        self._running.append((name, now))
        try:
            yield
        finally:
            end = self.clock()
            _, since = self._running.pop()
            self._charge(name, end - since)
            if self._running:
                outer, _ = self._running[-1]
                self._running[-1] = (outer, end)

    def _charge(self, name: str, seconds: float) -> None:
        self.phases[name] = self.phases.get(name, 0.0) + max(0.0, seconds)

    def stop(self) -> None:
        """The run is over: `total` stops growing."""
        if self.finished is None:
            self.finished = self.clock()

    @property
    def total(self) -> float:
        """Seconds from the start to `stop` (or to now, while running)."""
        end = self.finished if self.finished is not None else self.clock()
        return end - self.started

    @property
    def unaccounted(self) -> float:
        """Seconds of the total that no phase covered (start-up glue, bookkeeping)."""
        return max(0.0, self.total - sum(self.phases.values()))

    def to_json(self) -> dict[str, Any]:
        """{"total": s, "phases": {name: s, ...}} rounded to milliseconds (what --json prints)."""
        return {
            "total": round(self.total, 3),
            "phases": {name: round(seconds, 3) for name, seconds in self.phases.items()},
        }

    def lines(self) -> list[str]:
        """The breakdown as aligned lines, slowest share visible at a glance (for stderr)."""
        total = self.total or 1e-9
        rows = [*self.phases.items(), ("other", self.unaccounted)]
        width = max(len(name) for name, _ in rows)
        out = [
            f"{name:<{width}}  {seconds:7.3f} s  {100 * seconds / total:5.1f}%"
            for name, seconds in rows
        ]
        out.append(f"{'total':<{width}}  {self.total:7.3f} s")
        return out


def phase_of(timings: Timings | None, name: str) -> AbstractContextManager[None]:
    """`timings.phase(name)`, or nothing to record when the caller keeps no timings."""
    return nullcontext() if timings is None else timings.phase(name)
