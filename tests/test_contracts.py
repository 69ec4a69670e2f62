"""The shared contract checker (../shared/checks/contracts.py) passes against the installed CLI."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SHARED

CHECKER = SHARED / "checks" / "contracts.py"


@pytest.mark.skipif(not CHECKER.exists(), reason="shared contract checker not available")
def test_shared_contracts_hold(tmp_path: Path) -> None:
    exe = shutil.which("briefing", path=str(Path(sys.executable).parent))
    assert exe, "the briefing console script is not installed next to this Python"
    proc = subprocess.run(
        [sys.executable, str(CHECKER), exe], capture_output=True, text=True, timeout=600
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "FAIL" not in proc.stdout
