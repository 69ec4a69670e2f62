"""Start-up stays lean: listing help or methods imports none of the heavy libraries."""

from __future__ import annotations

import subprocess
import sys

import pytest
from support import SAMPLES

HEAVY = {"textual", "nltk", "sumy", "pyttsx3", "numpy"}


def imported(*args: str) -> set[str]:
    """Top-level packages `python -m briefing ARGS` imports, from -X importtime."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "briefing", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    names = set()
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            name = line.rsplit("|", 1)[1].strip()
            if name != "package":  # the header line
                names.add(name)
    assert "briefing.cli" in names  # the report really was read
    return names


def top_level(names: set[str]) -> set[str]:
    return {name.split(".")[0] for name in names}


@pytest.mark.parametrize(
    "args", [("--help",), ("methods",), ("methods", "--json"), ("summarize", "--help")]
)
def test_help_and_methods_import_nothing_heavy(args: tuple[str, ...]) -> None:
    names = imported(*args)
    assert not HEAVY & top_level(names)
    assert "importlib.metadata" not in names  # only --version needs it


def test_version_still_works() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "briefing", "--version"], capture_output=True, text=True
    )
    assert proc.returncode == 0
    assert proc.stdout.startswith("briefing ")
    assert proc.stdout.split()[1][0].isdigit() or proc.stdout.split()[1] == "unknown"


def test_summarize_loads_neither_the_app_nor_the_speech_engine() -> None:
    names = top_level(imported("summarize", str(SAMPLES / "harbour-tunnel.txt")))
    assert not {"textual", "pyttsx3"} & names
