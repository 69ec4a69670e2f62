"""The failures a user can meet, each turned into a one-line message at the CLI/TUI edge."""

from __future__ import annotations


class BriefingError(Exception):
    """Base of every error the user can act on; its message is shown as is."""


class InputError(BriefingError):
    """An input file that can't be read or has nothing to summarize."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class OutputError(BriefingError):
    """An output that can't be written (exists, permission, disk full)."""


class VoiceError(BriefingError):
    """An unknown or invalid voice profile."""


class EngineError(BriefingError):
    """The speech engine can't be loaded or failed while speaking."""


class UsageError(BriefingError):
    """Options that don't fit together; reported with exit status 2."""
