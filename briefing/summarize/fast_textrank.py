"""TextRank at any length: sumy's edge weights from shared-word counts computed in one sparse product.

sumy's TextRankSummarizer weighs the edge between two sentences by the number
of words they share (counting repeats) over the sum of the logs of their
lengths, computing every pair in Python with `list.count` (sentences squared
times words squared). Here the shared-word counts of all pairs come from one
pass over an inverted index; they are whole numbers, so exact, and every
division and normalisation then runs the same floating-point operations on the
same values as sumy. The matrix handed to sumy's power method is bit for bit
sumy's, and so are the scores. Past graph.DENSE_LIMIT sentences the power
method runs on the graph's edges instead (see graph.py), and past
terms.APPROXIMATE_ABOVE only sentences within neighbouring windows are linked.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from sumy.nlp.stemmers import null_stemmer
from sumy.summarizers.text_rank import TextRankSummarizer

from briefing.summarize.graph import DENSE_LIMIT, Transitions, power_iteration
from briefing.summarize.terms import (
    StemsOnce,
    cached_stemmer,
    count_terms,
    gram_pairs,
    row_sums,
    window_of,
)


class FastTextRankSummarizer(StemsOnce, TextRankSummarizer):
    """sumy's TextRankSummarizer with a vectorized matrix; bit-identical scores."""

    def __init__(self, stemmer: Any = null_stemmer) -> None:
        super().__init__(cached_stemmer(stemmer))

    def _create_matrix(self, document: Any) -> np.ndarray | Transitions:
        """sumy's damped, row-normalised transition matrix (C order, float64).

        Beyond DENSE_LIMIT sentences, the same matrix as edges plus a teleport term.
        """
        sentences_as_words = [self._to_words_set(sent) for sent in document.sentences]
        count = len(sentences_as_words)
        terms = count_terms(sentences_as_words)
        rows, cols, shared = gram_pairs(
            terms.rows, terms.cols, terms.counts, count, window_of(count)
        )

        # sumy: rank / (log(len1) + log(len2)), or the rank itself when both
        # sentences have a single word (the sum of logs is then 0).
        logs = np.array([math.log(n) if n else 0.0 for n in terms.lengths.tolist()])
        norms = logs[rows] + logs[cols]
        safe = norms != 0.0
        shared[safe] /= norms[safe]
        teleport = (1.0 - self.damping) / count

        if count > DENSE_LIMIT:
            totals = row_sums(rows, shared, count)
            shared /= totals[rows] + self._ZERO_DIVISION_PREVENTION
            shared *= self.damping
            return Transitions(rows, cols, shared, count, teleport)
        weights = np.zeros((count, count))
        weights[rows, cols] = shared
        weights /= weights.sum(axis=1)[:, np.newaxis] + self._ZERO_DIVISION_PREVENTION
        # sumy adds a full matrix of (1 - d) / n to d * weights; the same
        # operations in place, without two more n x n arrays.
        weights *= self.damping
        weights += teleport
        return weights

    @staticmethod
    def power_method(matrix: np.ndarray | Transitions, epsilon: float) -> np.ndarray:
        if isinstance(matrix, Transitions):
            return power_iteration(matrix, epsilon, normalize=False)
        return TextRankSummarizer.power_method(matrix, epsilon)
