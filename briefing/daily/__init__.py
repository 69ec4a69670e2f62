"""The daily brief: feeds and pages in, one spoken briefing and a podcast feed out.

Everything in this package serves `briefing daily` only; the core (ingest,
summarize, render, speech) knows nothing of it.
"""

from __future__ import annotations

from briefing.daily.pipeline import NothingToBrief, options_from, run

__all__ = ["NothingToBrief", "options_from", "run"]
