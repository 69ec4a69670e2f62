"""Side-by-side timing of whole commands: A and B alternate, so machine drift hits both alike."""

from __future__ import annotations

import statistics
import subprocess
import time
from collections.abc import Sequence


def wall(command: Sequence[str], **kwargs: object) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, **kwargs)  # type: ignore[call-overload]
    return time.perf_counter() - start


def paired(
    a: Sequence[str], b: Sequence[str], runs: int = 5, **kwargs: object
) -> tuple[float, float, float]:
    """Median seconds of A, of B, and median of the per-pair ratios A/B (after one warm-up each)."""
    wall(a, **kwargs)
    wall(b, **kwargs)
    times_a, times_b = [], []
    for _ in range(runs):
        times_a.append(wall(a, **kwargs))
        times_b.append(wall(b, **kwargs))
    ratios = [x / y for x, y in zip(times_a, times_b, strict=True)]
    return statistics.median(times_a), statistics.median(times_b), statistics.median(ratios)


def repeated(command: Sequence[str], runs: int = 5, **kwargs: object) -> float:
    wall(command, **kwargs)
    return statistics.median(wall(command, **kwargs) for _ in range(runs))
