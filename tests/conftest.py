"""Fixtures for every test: a temp home, the fake speech engine, and every written feed parsed."""

from __future__ import annotations

import math
import os
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import run_cli


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: half again as many workers as cores (PYTEST_XDIST_AUTO_NUM_WORKERS overrides).

    Many tests wait on a subprocess, a pseudo-terminal or the TUI's timers, so a
    third worker on two cores fills that waiting (measured: 3:39 with two, 2:59
    with three, on this 2-core machine).
    """
    wanted = os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS")
    if wanted and wanted.isdigit():
        return int(wanted)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, math.ceil((cores or 1) * 1.5))


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
