"""What a daily run tells the user on stderr: each skip and note once, repeats counted, all inert."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from briefing.sanitize import for_terminal

if TYPE_CHECKING:
    from briefing.daily.result import DailyResult

REPEATS = 3
"""More skips than this for one reason are one counted line, so cron mail stays readable."""


def report_lines(result: DailyResult) -> list[str]:
    """The lines to print for the run's skips (old items aside) and notes, in order.

    Skips for a feed's item limit ("beyond the newest 16 items of X") are one
    line per feed with a count; any reason met more than REPEATS times is
    counted the same way. Everything from the network is escaped for the terminal.
    """
    skips = [s for s in result.skipped if s.kind != "old"]
    reasons = Counter(s.reason for s in skips)
    counted = {r for r, n in reasons.items() if n > REPEATS}
    counted |= {s.reason for s in skips if s.kind == "limit"}
    lines: list[str] = []
    said: set[str] = set()
    for skip in skips:
        if skip.reason not in counted:
            lines.append(f"skipped {skip.source}: {skip.reason}")
        elif skip.reason not in said:
            said.add(skip.reason)
            number = reasons[skip.reason]
            if skip.kind == "limit":
                lines.append(f"{number:,} item{'s' * (number != 1)} {skip.reason} skipped")
            else:
                lines.append(f"skipped {number:,} source{'s' * (number != 1)}: {skip.reason}")
    notes = Counter(result.notes)
    for note in dict.fromkeys(result.notes):
        lines.append(note if notes[note] == 1 else f"{note} ({notes[note]:,} times)")
    return [for_terminal(line) for line in lines]
