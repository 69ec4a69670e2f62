"""bench/quality.py: scores methods against references and prints the table, runtime and verbatim check."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from support import REPO

HARNESS = REPO / "bench" / "quality.py"
ARTICLES = [
    (
        "The city opened a new tunnel under the harbour on Tuesday, six months early. "
        "The mayor cut the ribbon at dawn. Officials expect 38,000 vehicles a day. "
        "Tolls are suspended for a fortnight. Residents of the south shore want a discount.",
        "A new harbour tunnel opened six months early.\nOfficials expect 38,000 vehicles a day.",
    ),
    (
        "Volunteers harvested two tonnes of vegetables from rooftop gardens this year. "
        "The gardens run on rainwater collected in tanks. The summer was the driest in decades. "
        "Tomatoes split in the heat. The association is raising money for a new tank.",
        "Rooftop gardens gave two tonnes of vegetables.\nThey run on collected rainwater.",
    ),
]


def run_harness(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(HARNESS), *args], capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def tiny_set(tmp_path: Path) -> Path:
    pytest.importorskip("rouge_score")
    path = tmp_path / "tiny.jsonl"
    rows = [{"id": str(i), "article": a, "summary": s} for i, (a, s) in enumerate(ARTICLES)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_prints_a_row_per_method_with_rouge_time_and_verbatim(tiny_set: Path) -> None:
    result = run_harness(str(tiny_set), "--methods", "news,lead,lexrank", "--sentences", "2")
    assert result.returncode == 0, result.stderr
    assert "2 articles" in result.stdout
    lines = result.stdout.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("method"))
    table = lines[header + 1 : lines.index("", header)]
    rows = {line.split()[0]: line.split() for line in table}
    assert set(rows) == {"news", "Lead-2", "lexrank"}
    for cells in rows.values():
        r1, r2, rlsum = (float(x) for x in cells[-9:-6])
        assert 0 < r2 <= r1 <= 100 and 0 < rlsum <= 100
        assert cells[-2] == "all"
        assert cells[-1].endswith("%")
    assert rows["lexrank"][-3] == "1.00"  # its own time ratio
    assert "paired difference to Lead-2" in result.stdout
    for name in ("news", "lexrank"):
        line = next(line for line in lines if line.startswith(f"{name}: "))
        assert line.count(" ± ") == 3  # R1 / R2 / RLsum


def test_markdown_table_and_half_split(tiny_set: Path) -> None:
    result = run_harness(str(tiny_set), "--methods", "news,lead", "--half", "odd", "--markdown")
    assert result.returncode == 0, result.stderr
    assert "1 articles (odd half)" in result.stdout
    table = [line for line in result.stdout.splitlines() if line.startswith("|")]
    assert table[0].startswith("| method | R1 | R2 | RLsum |")
    assert len(table) == 4


def test_unknown_method_and_missing_set_are_clear_errors(tiny_set: Path, tmp_path: Path) -> None:
    result = run_harness(str(tiny_set), "--methods", "magic")
    assert result.returncode == 2 and "unknown method" in result.stderr
    result = run_harness(str(tmp_path / "missing.jsonl"))
    assert result.returncode == 2 and "missing.jsonl" in result.stderr
