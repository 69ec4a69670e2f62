"""LSA at any length: sumy's LSA scores in closed form, without the singular value decomposition.

sumy's LsaSummarizer builds a dense terms x sentences matrix A, smooths every
cell to 0.4 + 0.6 * count / (the sentence's highest count) (empty cells
included, so each non-empty column is all 0.4s plus its words), takes the
SVD A = U S V^T and rates sentence j by sqrt(sum_k s_k^2 v_jk^2) over the kept
dimensions. It keeps max(3, len(S) * REDUCTION_RATIO) of them, and with sumy's
REDUCTION_RATIO of 1 that is all of them, so the rating is the square root of
(V S^2 V^T)_jj = (A^T A)_jj: the length of column j. This module computes that
length directly, exactly, from the sentence's own word counts:

    rating^2 = (sum over its terms of (2m + 3c)^2 + 4 m^2 (T - k)) / (25 m^2)

with c each term's count, m the highest count, k its distinct terms and T the
dictionary size. That takes time in proportion to the words, where sumy's SVD
of a dense T x n matrix takes seconds (and hundreds of megabytes) for long
documents. With another REDUCTION_RATIO the SVD is still needed and sumy's
path is used, with its smoothing loop vectorized.

A sumy bug fixed on the way: sentences with equal word-count profiles (say,
eight words used once each) have mathematically equal ratings, and sumy orders
them by the rounding noise of the SVD, which depends on the row order of its
matrix, which comes from iterating a frozenset of strings and so changes with
Python's hash seed: the same article gets different summaries from one run to
the next. Here equal ratings are exactly equal, so ties keep article order
every time. Apart from the order within such ties, the ranking is sumy's.
sumy's warning that the matrix has fewer words than sentences concerns the
SVD, which is not run, so it is not given.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from sumy.nlp.stemmers import null_stemmer
from sumy.summarizers.lsa import LsaSummarizer

from briefing.summarize.terms import cached_stemmer


class FastLsaSummarizer(LsaSummarizer):
    """sumy's LsaSummarizer rating sentences in closed form; sumy's ranking with stable ties."""

    def __init__(self, stemmer: Any = null_stemmer) -> None:
        super().__init__(cached_stemmer(stemmer))

    def __call__(self, document: Any, sentences_count: Any) -> Any:
        if not self._keeps_every_dimension():
            return super().__call__(document, sentences_count)
        self._ensure_dependecies_installed()
        # Each distinct token normalized and stemmed once (a long document
        # repeats most of its words many times over).
        stems = {token: self.stem_word(token) for token in dict.fromkeys(document.words)}
        stops = self._stop_words
        # sumy's dictionary (`_create_dictionary`): the stems of the words that
        # are not stop words once lower-cased; only its membership and size count.
        dictionary = {stem for token, stem in stems.items() if token.lower() not in stops}
        if not dictionary:
            return ()
        ranks = iter(self.closed_form_ranks(document, stems, dictionary))
        return self._get_best_sentences(
            document.sentences, sentences_count, lambda _sentence: next(ranks)
        )

    @staticmethod
    def _keeps_every_dimension() -> bool:
        # sumy keeps max(MIN_DIMENSIONS, int(len(sigma) * REDUCTION_RATIO)) dimensions.
        return LsaSummarizer.REDUCTION_RATIO >= 1

    def closed_form_ranks(
        self, document: Any, stems: dict[str, str], dictionary: set[str]
    ) -> list[float]:
        """Each sentence's rating: the length of its smoothed column, computed exactly.

        `stems` maps every token of the document to its stem.
        """
        size = len(dictionary)
        # As sumy: every word whose stem is in the dictionary counts, even a
        # stop word that happens to share a stem.
        counted = {token: stem for token, stem in stems.items() if stem in dictionary}
        ranks: list[float] = []
        for sentence in document.sentences:
            counts: dict[str, int] = {}
            for token in sentence.words:
                stem = counted.get(token)
                if stem is not None:
                    counts[stem] = counts.get(stem, 0) + 1
            if not counts:
                ranks.append(0.0)
                continue
            most = max(counts.values())
            squares = sum((2 * most + 3 * c) ** 2 for c in counts.values())
            squares += 4 * most * most * (size - len(counts))
            ranks.append(math.sqrt(squares / (25 * most * most)))
        return ranks

    def _compute_term_frequency(self, matrix: np.ndarray, smooth: float = 0.4) -> np.ndarray:
        """sumy's smoothing (same operations, so the same values) without a Python loop."""
        assert 0.0 <= smooth < 1.0
        max_word_frequencies = np.max(matrix, axis=0)
        columns = max_word_frequencies != 0
        matrix[:, columns] = smooth + (1.0 - smooth) * (
            matrix[:, columns] / max_word_frequencies[columns]
        )
        return matrix
