"""Where a finished briefing goes besides the output folder (a notes vault, a feed): a registry of targets."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from briefing.errors import UsageError
from briefing.notes.target import NotesTarget

if TYPE_CHECKING:
    from briefing.models import Briefing


class Target(Protocol):
    """A place a briefing is delivered to once its files are written.

    A target only reads the briefing and the files export wrote; what it
    writes itself goes through `briefing.files`, so it is atomic too.
    """

    @property
    def name(self) -> str: ...

    @property
    def description(self) -> str: ...

    def deliver(
        self, briefing: Briefing, files: Sequence[Path], options: Mapping[str, str]
    ) -> list[Path]:
        """Deliver the briefing; returns the paths written there."""
        ...


TARGETS: dict[str, Target] = {t.name: t for t in (NotesTarget(),)}
"""Every target by name; a new one is its own module plus one entry here."""


def register(target: Target) -> Target:
    """Add a target under its name (a later one with the same name replaces it)."""
    TARGETS[target.name] = target
    return target


def deliver(
    names: Iterable[str],
    briefing: Briefing,
    files: Sequence[Path],
    options: Mapping[str, str] | None = None,
) -> list[Path]:
    """Hand the briefing and its files to each named target, in order; the paths they wrote.

    Raises:
        UsageError: a name that no target has (checked before any delivery).
    """
    wanted = list(dict.fromkeys(names))
    unknown = [n for n in wanted if n not in TARGETS]
    if unknown:
        known = ", ".join(TARGETS) or "none"
        raise UsageError(f"unknown target {unknown[0]!r} (known: {known})")
    written: list[Path] = []
    for name in wanted:
        written += TARGETS[name].deliver(briefing, files, options or {})
    return written
