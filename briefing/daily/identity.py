"""The daily brief's memory of what it was given: one digest of the candidates, options and voice.

A run that finds the very inputs the day's last build had can keep that
build's files without summarizing, speaking or encoding anything: everything
those steps do follows from what goes into this digest. Anything left out
here must not change the day's files (the podcast channel's title or base
URL only change the feed, which is rebuilt every run anyway).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from briefing.daily.sources import Candidate

if TYPE_CHECKING:
    from briefing.daily.pipeline import DailyRun

FORMAT = 1
"""Bumped when what the digest covers changes, so old manifests never match by accident."""


def inputs_digest(run: DailyRun, candidates: Sequence[Candidate]) -> str:
    """A hex digest that changes whenever the day's files could: inputs, options, voice, version."""
    options = run.options
    data: dict[str, Any] = {
        "format": FORMAT,
        "version": _version(),
        "day": options.day.isoformat(),
        "max_stories": options.max_stories,
        "minutes": options.minutes,
        "words": options.words,
        "method": run.method,
        "language": options.language,
        "channel_language": options.channel.language,
        "voice": repr(run.voice),
        "engine": run.engine,
        "formats": list(run.formats),
        "candidates": [candidate_digest(c) for c in candidates],
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode("utf-8")).hexdigest()


def candidate_digest(candidate: Candidate) -> str:
    """Every field of the candidate and its article (text, title, date, credit, notes).

    The repr of these frozen dataclasses spells out each field (strings, tuples,
    dates), so no field can be forgotten when one is added.
    """
    return hashlib.sha256(repr(candidate).encode("utf-8", "surrogatepass")).hexdigest()


def _version() -> str:
    """The installed briefing's version: a new release may summarize or speak differently."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("briefing")
    except PackageNotFoundError:
        return "0"
