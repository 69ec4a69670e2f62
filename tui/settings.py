"""The editor's remembered preferences (the theme), kept in a small JSON file in the config folder."""

from __future__ import annotations

from pathlib import Path

from briefing import locations
from briefing.files import load_state, write_json

FILE_NAME = "edit.json"


def settings_path() -> Path:
    return locations.config_dir() / FILE_NAME


def load_settings() -> dict[str, object]:
    """The saved preferences; a missing or damaged file means none (they are only comfort)."""
    settings: dict[str, object] = load_state(settings_path(), {})
    return settings


def save_setting(name: str, value: object) -> None:
    """Remember one preference; written atomically so a crash never leaves half a file.

    Raises OutputError (a BriefingError) when the folder can't be written.
    """
    settings = load_settings()
    if settings.get(name) == value:
        return
    settings[name] = value
    write_json(settings_path(), settings, force=True, indent=2, sort_keys=True)
