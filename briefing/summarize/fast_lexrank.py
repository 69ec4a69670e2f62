"""LexRank at any length: sumy's sentence graph built from an inverted index, not pair by pair.

sumy's LexRankSummarizer links two sentences when the cosine similarity of
their TF-IDF vectors exceeds a threshold, then ranks sentences by the
stationary distribution of that graph. It computes every cosine in Python
(sentences squared times words) and each term's document frequency by scanning
every sentence (terms times words).

Here the similarities come from the sentence pairs that share a term (one
sparse product), document frequencies from one pass, and stems are cached.
The graph is the same edge for edge: cosines within a hair of the threshold
(NEAR_THRESHOLD) are recomputed with sumy's own function, because summing in
another order may round them to the other side. The matrix handed to sumy's
power method is then bit for bit sumy's (its entries are 0 and 1/degree), and
so are the scores. Past graph.DENSE_LIMIT sentences the power method runs on
the graph's edges instead (see graph.py), and past terms.APPROXIMATE_ABOVE the
graph only links sentences within neighbouring windows, so it stays linear.

One sumy wart is smoothed over: when no sentence links to any (say, an
article of stop words), the power method divides by a zero norm; sumy's
ratings become NaN (taken as 0) and numpy prints a RuntimeWarning on stderr.
The ratings stay the same here, without the warning.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

import numpy as np
from sumy.nlp.stemmers import null_stemmer
from sumy.summarizers.lex_rank import LexRankSummarizer

from briefing.summarize.graph import DENSE_LIMIT, Transitions, power_iteration
from briefing.summarize.terms import (
    StemsOnce,
    cached_stemmer,
    row_sums,
    window_of,
    windowed_blocks,
)

NEAR_THRESHOLD = 1e-9
"""Cosines this close to the threshold are recomputed exactly as sumy does.

A cosine is a ratio of sums of a few hundred products at most; summed in any
order it stays within about 1e-13 of sumy's value.
"""


class FastLexRankSummarizer(StemsOnce, LexRankSummarizer):
    """sumy's LexRankSummarizer with a vectorized graph; bit-identical scores."""

    def __init__(self, stemmer: Any = null_stemmer) -> None:
        super().__init__(cached_stemmer(stemmer))

    @staticmethod
    def power_method(matrix: np.ndarray | Transitions, epsilon: float) -> np.ndarray:
        if isinstance(matrix, Transitions):
            return power_iteration(matrix, epsilon, normalize=True)
        with np.errstate(divide="ignore", invalid="ignore"):
            return LexRankSummarizer.power_method(matrix, epsilon)

    @staticmethod
    def _compute_idf(sentences: list[list[str]]) -> dict[str, float]:
        """sumy's formula, log(n / (1 + sentences containing the term)), in one pass."""
        count = len(sentences)
        containing = Counter(term for words in sentences for term in set(words))
        idf: dict[str, float] = {}
        for words in sentences:
            for term in words:
                if term not in idf:
                    idf[term] = math.log(count / (1 + containing[term]))
        return idf

    def _create_matrix(
        self,
        sentences: list[list[str]],
        threshold: float,
        tf_metrics: list[dict[str, float]],
        idf_metrics: dict[str, float],
    ) -> np.ndarray | Transitions:
        """sumy's row-normalised adjacency matrix (C order, float64), from sparse TF-IDF vectors.

        Beyond DENSE_LIMIT sentences, the same matrix as edges.
        """
        count = len(sentences)
        vocabulary: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        weights: list[float] = []
        for index, tf in enumerate(tf_metrics):
            for term, value in tf.items():
                rows.append(index)
                cols.append(vocabulary.setdefault(term, len(vocabulary)))
                weights.append(value * idf_metrics[term])
        row_array = np.array(rows, dtype=np.int64)
        tfidf = np.array(weights, dtype=np.float64)
        norms = np.sqrt(row_sums(row_array, tfidf * tfidf, count))
        inverse = np.zeros(count)
        np.divide(1.0, norms, out=inverse, where=norms > 0)  # a zero vector: cosine 0 with all

        # Cosines of the pairs sharing a term (all others are 0, never linked),
        # a band of rows at a time; only the links are kept. On a long document
        # only sentences of neighbouring windows are compared (terms.APPROXIMATE_ABOVE).
        sources: list[np.ndarray] = [np.zeros(0, dtype=np.int64)]
        targets: list[np.ndarray] = [np.zeros(0, dtype=np.int64)]
        columns = np.array(cols, dtype=np.int64)
        for first, offset, band in windowed_blocks(
            row_array, columns, tfidf, count, window_of(count)
        ):
            rows_here, columns_here = np.nonzero(band)
            source, target = rows_here + first, columns_here + offset
            cosines = band[rows_here, columns_here] * inverse[source] * inverse[target]
            linked = cosines > threshold
            near = np.flatnonzero(np.abs(cosines - threshold) <= NEAR_THRESHOLD)
            for k, row, col in zip(
                near.tolist(), source[near].tolist(), target[near].tolist(), strict=True
            ):
                exact = self.cosine_similarity(
                    sentences[row], sentences[col], tf_metrics[row], tf_metrics[col], idf_metrics
                )
                linked[k] = exact > threshold
            sources.append(source[linked])
            targets.append(target[linked])
        source, target = np.concatenate(sources), np.concatenate(targets)

        degrees = np.bincount(source, minlength=count).astype(np.float64)
        degrees[degrees == 0] = 1.0
        if count > DENSE_LIMIT:
            return Transitions(source, target, 1.0 / degrees[source], count)
        # sumy's cells: 1.0 / degree where linked, 0.0 elsewhere.
        matrix = np.zeros((count, count))
        matrix[source, target] = 1.0 / degrees[source]
        return matrix
