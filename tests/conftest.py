"""Fixtures for every test: a temp home, the fake speech engine, and every written feed parsed."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import run_cli

_CHECKED: set[Path] = set()
"""Temporary folders of earlier tests, whose feeds were parsed already."""


@pytest.fixture(autouse=True)
def feeds_parse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Every feed.xml briefing wrote in a test's temporary folders is well-formed XML.

    Feeds a test wrote as input (broken on purpose) don't name briefing as generator.
    """
    yield
    base = tmp_path_factory.getbasetemp()
    for folder in set(base.iterdir()) - _CHECKED:
        _CHECKED.add(folder)
        for feed in folder.rglob("feed.xml"):
            if b"<generator>briefing</generator>" not in feed.read_bytes():
                continue
            try:
                ET.parse(feed)
            except ET.ParseError as exc:
                pytest.fail(f"{feed} is not well-formed XML: {exc}")


@pytest.fixture(autouse=True)
def temp_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own config/state folder and the fake speech engine."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("BRIEFING_HOME", str(home))
    monkeypatch.setenv("BRIEFING_ENGINE", "fake")
    return home


@pytest.fixture
def cli():
    return run_cli
