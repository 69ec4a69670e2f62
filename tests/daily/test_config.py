"""The daily brief's TOML settings file and its --init example."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing import locations
from briefing.daily import config
from briefing.errors import InputError, OutputError


def test_the_example_is_valid_and_documents_every_setting(tmp_path: Path) -> None:
    path = config.write_example(tmp_path / "c.toml")
    loaded = config.load(path)
    assert loaded.feeds == () and loaded.minutes == 5.0 and loaded.since == "24h"
    assert loaded.voice == "default" and loaded.max_stories == 8
    text = path.read_text(encoding="utf-8")
    for key in config._KNOWN:
        assert f"{key} =" in text, key
    with pytest.raises(OutputError, match="already exists"):
        config.write_example(path)
    config.write_example(path, force=True)


def test_relative_feed_paths_are_relative_to_the_config_file(tmp_path: Path) -> None:
    path = tmp_path / "conf" / "c.toml"
    path.parent.mkdir()
    path.write_text(
        'feeds = ["news.opml", "https://example.org/rss", "/abs/feed.xml"]\nsince = 36\n',
        encoding="utf-8",
    )
    loaded = config.load(path)
    assert loaded.feeds == (
        str(tmp_path / "conf" / "news.opml"),
        "https://example.org/rss",
        "/abs/feed.xml",
    )
    assert loaded.since == "36"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("minuts = 5", "unknown setting 'minuts'"),
        ('minutes = "five"', "setting 'minutes' has the wrong type (a whole number or a number"),
        ("max_stories = true", "setting 'max_stories' has the wrong type"),
        ("feeds = [1, 2]", "'feeds' must be a list"),
        ("words = 0", "setting 'words' must be above 0"),
        ("minutes = 3\nwords = 300", "either 'minutes' or 'words'"),
        ("feeds = [", "invalid TOML"),
    ],
)
def test_mistakes_name_the_file_and_the_setting(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "c.toml"
    path.write_text(text + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        config.load(path)
    assert caught.value.source == str(path)
    assert problem in caught.value.problem


def test_a_missing_default_config_is_an_empty_one(tmp_path: Path) -> None:
    assert config.load(tmp_path / "none.toml", required=False) == config.DailyConfig()
    with pytest.raises(InputError, match="no such config file"):
        config.load(tmp_path / "none.toml")


def test_the_default_config_and_cache_live_under_the_briefing_home(temp_home: Path) -> None:
    assert locations.config_file() == temp_home / "config" / "config.toml"
    assert locations.cache_dir() == temp_home / "cache"


def test_without_a_briefing_home_the_platform_folders_are_used(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("BRIEFING_HOME")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    import sys

    if not sys.platform.startswith("linux"):
        pytest.skip("XDG folders are a Linux convention")
    assert locations.config_dir() == tmp_path / "xdg-config" / "briefing"
    assert locations.cache_dir() == tmp_path / "xdg-cache" / "briefing"
