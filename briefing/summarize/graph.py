"""Sparse sentence graphs and their power iteration, for documents too long for sumy's dense matrices.

sumy's LexRank and TextRank rank sentences with a power iteration over a dense
n x n float64 matrix: fine for an article (400 sentences: 1.3 MB), too much for
a book (20,000 sentences: 3.2 GB). Up to DENSE_LIMIT sentences the fast
summarizers hand sumy the very matrix it would build, so its power method gives
bit-for-bit sumy's scores. Beyond that the same iteration runs over the graph's
edges: the same arithmetic summed in another order, so scores may differ from
sumy's in the last bits, and only exactly tied sentences could swap places.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

DENSE_LIMIT = 3000
"""Most sentences for which sumy's dense matrix (72 MB at the limit) is built."""


@dataclass(frozen=True)
class Transitions:
    """A row-stochastic-style matrix M as edges: M[i, j] = teleport + weight of edge i -> j."""

    sources: np.ndarray
    targets: np.ndarray
    weights: np.ndarray
    size: int
    teleport: float = 0.0

    def step(self, p: np.ndarray) -> np.ndarray:
        """M^T p, as numpy.dot(M.T, p) computes it for the dense M."""
        moved = np.bincount(
            self.targets, weights=self.weights * p[self.sources], minlength=self.size
        ).astype(np.float64, copy=False)  # without edges bincount gives integers
        if self.teleport:
            moved += self.teleport * p.sum()
        return moved


def power_iteration(matrix: Transitions, epsilon: float, *, normalize: bool) -> np.ndarray:
    """sumy's power method (LexRank's normalizes each step, TextRank's does not) over edges."""
    p = np.full(matrix.size, 1.0 / matrix.size)
    change = 1.0
    with np.errstate(divide="ignore", invalid="ignore"):
        while change > epsilon:
            following = matrix.step(p)
            if normalize:
                following /= np.linalg.norm(following)
            change = float(np.linalg.norm(following - p))
            p = following
    return p
