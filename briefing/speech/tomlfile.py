"""Voice data files (profiles, lexicons) read as TOML, with one-line errors naming the file."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from briefing.errors import VoiceError


def read_toml(path: Path) -> dict[str, Any]:
    """The file's TOML table.

    Raises:
        VoiceError: the file can't be read or is not valid TOML (the message gives the line).
    """
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise VoiceError(f"{path}: invalid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise VoiceError(f"{path}: can't be read: {exc}") from None
