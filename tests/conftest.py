"""Shared test helpers: a temp home, the fake speech engine, and the CLI run as a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
SHARED = Path(os.environ.get("BRIEFING_SHARED", REPO.parent / "shared"))
EVAL_SET = SHARED / "eval" / "dev.jsonl"
_SCRIPT = Path(sys.executable).parent / "briefing"
BRIEFING = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "briefing"]
"""The installed console script, as users run it (never the source tree shadowing the install)."""


@pytest.fixture(autouse=True)
def temp_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own config/state folder and the fake speech engine."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("BRIEFING_HOME", str(home))
    monkeypatch.setenv("BRIEFING_ENGINE", "fake")
    return home


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


def run_cli(
    *args: str,
    cwd: Path | None = None,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> Result:
    """Run `briefing` the way a user does: a separate process, real exit status and streams."""
    full_env = {**os.environ, **(env or {})}
    if cwd is None:
        cwd = Path(tempfile.mkdtemp(prefix="briefing-cli-"))
    proc = subprocess.run(
        [*BRIEFING, *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=timeout,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def cli():
    return run_cli


def wav_info(path: Path) -> tuple[int, float, int]:
    """(sample rate, seconds, peak amplitude) of a 16-bit mono WAV file."""
    import array

    with wave.open(str(path), "rb") as wav:
        rate = wav.getframerate()
        frames = wav.getnframes()
        samples = array.array("h", wav.readframes(frames))
    peak = max((abs(s) for s in samples), default=0)
    return rate, frames / rate, peak
