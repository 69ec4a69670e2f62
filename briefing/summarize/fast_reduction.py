"""Reduction at any length: sumy's pairwise word-overlap sums from a sparse product, in sumy's order.

sumy's ReductionSummarizer rates a sentence by the sum, over every other
sentence, of the words they share divided by the sum of the logs of their
lengths, comparing every pair of words of every pair of sentences in Python
(sentences squared times words squared). Here the shared-word counts come
from one pass over an inverted index (whole numbers, so exact) and only pairs
that share a word are visited; each sentence's total is accumulated over the
other sentences in the same order as sumy's loop, so the ratings are bit for
bit sumy's.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

import numpy as np
from sumy.nlp.stemmers import null_stemmer
from sumy.summarizers.reduction import ReductionSummarizer

from briefing.summarize.terms import (
    StemsOnce,
    cached_stemmer,
    count_terms,
    gram_pairs,
    row_sums,
)


class FastReductionSummarizer(StemsOnce, ReductionSummarizer):
    """sumy's ReductionSummarizer over sparse pairs; bit-identical ratings."""

    def __init__(self, stemmer: Any = null_stemmer) -> None:
        super().__init__(cached_stemmer(stemmer))

    def rate_sentences(self, document: Any) -> defaultdict[Any, float]:
        sentences = document.sentences
        words = [self._to_words_set(s) for s in sentences]
        count = len(words)
        terms = count_terms(words)
        rows, cols, shared = gram_pairs(terms.rows, terms.cols, terms.counts, count)
        others = rows != cols
        rows, cols, shared = rows[others], cols[others], shared[others]

        logs = np.array([math.log(n) if n else 0.0 for n in terms.lengths.tolist()])
        norms = logs[rows] + logs[cols]
        ranks = np.zeros_like(shared)
        np.divide(shared, norms, out=ranks, where=norms != 0.0)
        # sumy adds each pair's rank to both sentences while walking the pairs
        # (a, b), a < b, in order: a sentence's total grows over the others in
        # index order. Pairs come sorted by (row, col) and bincount adds in input
        # order, so every total is summed in that same order.
        totals = row_sums(rows, ranks, count)

        ratings: defaultdict[Any, float] = defaultdict(float)
        positions: dict[Any, list[int]] = {}
        for index, sentence in enumerate(sentences):
            positions.setdefault(sentence, []).append(index)
        for sentence, where in positions.items():
            if len(where) == 1:
                ratings[sentence] = float(totals[where[0]])
            else:
                ratings[sentence] = _merged_total(where, rows, cols, ranks)
        return ratings


def _merged_total(where: list[int], rows: np.ndarray, cols: np.ndarray, ranks: np.ndarray) -> float:
    """The one rating sumy gives sentences that repeat: all their pairs' ranks, in its order.

    Equal sentences are one dictionary key in sumy, so their ranks pile up in
    the order the pairs (a, b), a < b, are visited, a's share before b's; a
    pair of two copies adds its rank twice.
    """
    members = np.isin(rows, where)
    row, col, rank = rows[members], cols[members], ranks[members]
    lower, upper = np.minimum(row, col), np.maximum(row, col)
    order = np.lexsort((row == upper, upper, lower))
    total = 0.0
    for value in rank[order].tolist():
        total += value
    return total
