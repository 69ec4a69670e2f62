"""Reduction at any length: sumy's pairwise word-overlap sums from a sparse product, in sumy's order.

sumy's ReductionSummarizer rates a sentence by the sum, over every other
sentence, of the words they share divided by the sum of the logs of their
lengths, comparing every pair of words of every pair of sentences in Python
(sentences squared times words squared). Here the shared-word counts come
from one pass over an inverted index (whole numbers, so exact) and only pairs
that share a word are visited; each sentence's total is accumulated over the
other sentences in the same order as sumy's loop, so the ratings are bit for
bit sumy's. Past terms.APPROXIMATE_ABOVE sentences each sentence's total only
counts the sentences of its own and the neighbouring windows.
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
    row_sums,
    window_of,
    windowed_blocks,
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
        logs = np.array([math.log(n) if n else 0.0 for n in terms.lengths.tolist()])

        positions: dict[Any, list[int]] = {}
        for index, sentence in enumerate(sentences):
            positions.setdefault(sentence, []).append(index)
        repeated = [where for where in positions.values() if len(where) > 1]
        in_repeat = np.zeros(count, dtype=bool)
        for where in repeated:
            in_repeat[where] = True

        totals = np.zeros(count)
        kept: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        window = window_of(count)  # beyond terms.APPROXIMATE_ABOVE: neighbouring windows only
        for first, offset, band in windowed_blocks(
            terms.rows, terms.cols, terms.counts, count, window
        ):
            # Pairs sharing a word, a band of rows at a time, in (row, col) order.
            row, col = np.nonzero(band)
            shared = band[row, col]
            row += first
            col += offset
            others = row != col
            row, col, shared = row[others], col[others], shared[others]
            norms = logs[row] + logs[col]
            ranks = np.zeros_like(shared)
            np.divide(shared, norms, out=ranks, where=norms != 0.0)
            # sumy adds each pair's rank to both sentences while walking the
            # pairs (a, b), a < b, in order: a sentence's total grows over the
            # others in index order. bincount adds in input order, so every
            # total is summed in that same order.
            totals[first : first + len(band)] = row_sums(row - first, ranks, len(band))
            member = in_repeat[row]
            kept.append((row[member], col[member], ranks[member]))
        rows = np.concatenate([np.zeros(0, dtype=np.int64), *(k[0] for k in kept)])
        cols = np.concatenate([np.zeros(0, dtype=np.int64), *(k[1] for k in kept)])
        ranks = np.concatenate([np.zeros(0), *(k[2] for k in kept)])

        ratings: defaultdict[Any, float] = defaultdict(float)
        merged = _merged_totals(repeated, rows, cols, ranks, count)
        for sentence, where in positions.items():
            ratings[sentence] = merged[where[0]] if len(where) > 1 else float(totals[where[0]])
        return ratings


def _merged_totals(
    groups: list[list[int]], rows: np.ndarray, cols: np.ndarray, ranks: np.ndarray, count: int
) -> dict[int, float]:
    """The one rating sumy gives each repeated sentence: all its copies' pair ranks, in its order.

    Equal sentences are one dictionary key in sumy, so their ranks pile up in
    the order the pairs (a, b), a < b, are visited, a's share before b's; a
    pair of two copies adds its rank twice. Keyed by each group's first index.
    """
    if not groups:
        return {}
    group_of = np.full(count, -1)
    for number, where in enumerate(groups):
        group_of[where] = number
    member = group_of[rows] >= 0
    row, col, rank = rows[member], cols[member], ranks[member]
    group = group_of[row]
    lower, upper = np.minimum(row, col), np.maximum(row, col)
    order = np.lexsort((row == upper, upper, lower, group))
    # bincount adds in input order: each group's total in sumy's order.
    totals = row_sums(group[order], rank[order], len(groups))
    return {where[0]: float(totals[number]) for number, where in enumerate(groups)}
