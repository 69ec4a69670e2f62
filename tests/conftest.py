"""Fixtures for every test: a temp home and the fake speech engine."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import run_cli


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
