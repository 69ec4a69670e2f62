"""The editor's remembered preferences (the theme), kept in a small JSON file in the config folder."""

from __future__ import annotations

import json
from pathlib import Path

from briefing import locations
from briefing.errors import BriefingError
from briefing.export import write_text

FILE_NAME = "edit.json"


def settings_path() -> Path:
    return locations.config_dir() / FILE_NAME


def load_settings() -> dict[str, object]:
    """The saved preferences; a missing or damaged file means none (they are only comfort)."""
    try:
        data = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_setting(name: str, value: object) -> None:
    """Remember one preference; written atomically so a crash never leaves half a file.

    Raises BriefingError when the folder can't be written.
    """
    settings = load_settings()
    if settings.get(name) == value:
        return
    settings[name] = value
    text = json.dumps(settings, indent=2, sort_keys=True) + "\n"
    try:
        write_text(settings_path(), text, force=True)
    except OSError as exc:  # write_text reports most problems as OutputError already
        raise BriefingError(f"{settings_path()}: can't write: {exc}") from None
