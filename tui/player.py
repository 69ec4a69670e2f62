"""Which command-line audio player can play a WAV file here, if any."""

from __future__ import annotations

import shutil

PLAYERS: tuple[tuple[str, ...], ...] = (
    ("aplay", "-q"),
    ("paplay",),
    ("afplay",),
    ("ffplay", "-nodisp", "-autoexit", "-loglevel", "error"),
)
"""Players tried in order, with the options that make them play once, quietly."""


def find_player() -> list[str] | None:
    """The command (without the file) of the first player installed, or None."""
    for command in PLAYERS:
        found = shutil.which(command[0])
        if found:
            return [found, *command[1:]]
    return None
