"""TextRank at any length: sumy's edge weights from shared-word counts computed in one sparse product.

sumy's TextRankSummarizer weighs the edge between two sentences by the number
of words they share (counting repeats) over the sum of the logs of their
lengths, computing every pair in Python with `list.count` (sentences squared
times words squared). Here the shared-word counts of all pairs come from one
pass over an inverted index; they are whole numbers, so exact, and every
division and normalisation then runs the same floating-point operations on the
same values as sumy. The matrix handed to sumy's power method is bit for bit
sumy's, and so are the scores.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from sumy.nlp.stemmers import null_stemmer
from sumy.summarizers.text_rank import TextRankSummarizer

from briefing.summarize.terms import cached_stemmer, count_terms, gram_dense


class FastTextRankSummarizer(TextRankSummarizer):
    """sumy's TextRankSummarizer with a vectorized matrix; bit-identical scores."""

    def __init__(self, stemmer: Any = null_stemmer) -> None:
        super().__init__(cached_stemmer(stemmer))

    def _create_matrix(self, document: Any) -> np.ndarray:
        """sumy's damped, row-normalised transition matrix (C order, float64)."""
        sentences_as_words = [self._to_words_set(sent) for sent in document.sentences]
        count = len(sentences_as_words)
        terms = count_terms(sentences_as_words)
        weights = gram_dense(terms.rows, terms.cols, terms.counts, count)

        # sumy: rank / (log(len1) + log(len2)), or the rank itself when both
        # sentences have a single word (the sum of logs is then 0).
        logs = np.array([math.log(n) if n else 0.0 for n in terms.lengths.tolist()])
        rows, cols = np.nonzero(weights)
        norms = logs[rows] + logs[cols]
        shared = weights[rows, cols]
        safe = norms != 0.0
        shared[safe] /= norms[safe]
        weights[rows, cols] = shared

        weights /= weights.sum(axis=1)[:, np.newaxis] + self._ZERO_DIVISION_PREVENTION
        # sumy adds a full matrix of (1 - d) / n to d * weights; the same
        # operations in place, without two more n x n arrays.
        weights *= self.damping
        weights += (1.0 - self.damping) / count
        return weights
