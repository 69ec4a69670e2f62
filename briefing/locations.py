"""Every path the tool reads or writes by default, in one place, overridable from the environment."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

APP_NAME = "briefing"


def output_dir(day: dt.date | None = None) -> Path:
    """Default export folder: ./output/<YYYY-MM-DD>/ (BRIEFING_OUTPUT replaces ./output)."""
    base = Path(os.environ.get("BRIEFING_OUTPUT", "output"))
    return base / (day or dt.date.today()).isoformat()


def config_dir() -> Path:
    """The user's config folder (BRIEFING_HOME overrides it, e.g. in tests)."""
    if home := os.environ.get("BRIEFING_HOME"):
        return Path(home) / "config"
    if xdg := os.environ.get("XDG_CONFIG_HOME"):
        return Path(xdg) / APP_NAME
    return Path.home() / ".config" / APP_NAME


def state_dir() -> Path:
    """Where drafts and caches live (BRIEFING_HOME overrides it)."""
    if home := os.environ.get("BRIEFING_HOME"):
        return Path(home) / "state"
    if xdg := os.environ.get("XDG_STATE_HOME"):
        return Path(xdg) / APP_NAME
    return Path.home() / ".local" / "state" / APP_NAME


def user_voices_dir() -> Path:
    return config_dir() / "voices"
