"""Every path the tool reads or writes by default, in one place, overridable from the environment."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

APP_NAME = "briefing"


def output_root() -> Path:
    """The output folder that holds one folder per day (BRIEFING_OUTPUT replaces ./output)."""
    return Path(os.environ.get("BRIEFING_OUTPUT", "output"))


def output_dir(day: dt.date | None = None) -> Path:
    """Default export folder: ./output/<YYYY-MM-DD>/ (BRIEFING_OUTPUT replaces ./output)."""
    return output_root() / (day or dt.date.today()).isoformat()


def config_dir() -> Path:
    """The user's config folder (BRIEFING_HOME overrides it, e.g. in tests)."""
    if home := os.environ.get("BRIEFING_HOME"):
        return Path(home) / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def config_file() -> Path:
    """The `briefing daily` settings file read when no --config is given."""
    return config_dir() / "config.toml"


def state_dir() -> Path:
    """Where drafts and learned settings live (BRIEFING_HOME overrides it)."""
    if home := os.environ.get("BRIEFING_HOME"):
        return Path(home) / "state"
    import platformdirs

    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Where fetched pages and feeds are kept between runs; safe to delete at any time."""
    if home := os.environ.get("BRIEFING_HOME"):
        return Path(home) / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def user_voices_dir() -> Path:
    return config_dir() / "voices"
