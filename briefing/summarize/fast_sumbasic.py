"""SumBasic at any length: sumy's greedy loop with every sentence's average rescored in one step.

sumy's SumBasicSummarizer repeatedly takes the sentence whose content words
have the highest average probability, then squares the probability of each of
its words (once per occurrence) so later picks favour new words. Each step
re-averages every remaining sentence word by word in Python.

Here each step is a weighted count over a sparse sentence x word matrix, and
the stems are cached. The averages round differently from sumy's sums, so
sentences within a hair of the best (NEAR_TIE, relative) are settled with
sumy's own arithmetic: the picks and their order are sumy's.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sumy.nlp.stemmers import null_stemmer
from sumy.summarizers.sum_basic import SumBasicSummarizer

from briefing.summarize.terms import cached_stemmer, count_terms

NEAR_TIE = 1e-9
"""Averages this close (relative) to the best are compared exactly.

Every average is a sum of non-negative terms, so both ways of summing are
within about 1e-14 (relative) of the exact value.
"""

TINY = 1e-300
"""Absolute slack for averages so small that relative rounding no longer holds."""


class FastSumBasicSummarizer(SumBasicSummarizer):
    """sumy's SumBasicSummarizer with the greedy loop vectorized; same picks, same order."""

    def __init__(self, stemmer: Any = null_stemmer) -> None:
        super().__init__(cached_stemmer(stemmer))

    def _normalize_words(self, words: Any) -> list[str]:
        return [w.lower() for w in words]

    def _compute_ratings(self, sentences: Any) -> dict[Any, int]:
        word_freq = self._compute_tf(sentences)
        content = [self._get_content_words_in_sentence(s) for s in sentences]
        ratings: dict[Any, int] = {}
        for index in self._greedy_order(content, word_freq):
            # As sumy: the n-th pick rates -n (a repeated sentence keeps its later rating).
            ratings[sentences[index]] = -len(ratings)
        return ratings

    def _greedy_order(self, content: list[list[str]], word_freq: dict[str, float]) -> list[int]:
        """Sentence indices in the order sumy's greedy loop removes them.

        `word_freq` is updated exactly as sumy updates it.
        """
        count = len(content)
        vocabulary = {word: term for term, word in enumerate(word_freq)}
        terms = count_terms(content, vocabulary)
        ids = [[vocabulary[w] for w in words] for words in content]
        freq = np.fromiter(word_freq.values(), dtype=np.float64, count=len(word_freq))
        lengths = terms.lengths.astype(np.float64)
        has_words = lengths > 0
        remaining = np.ones(count, dtype=bool)
        order: list[int] = []
        averages = np.zeros(count)
        for _ in range(count):
            sums = np.bincount(terms.rows, terms.counts * freq[terms.cols], minlength=count)
            averages.fill(0.0)
            np.divide(sums, lengths, out=averages, where=has_words)
            averages[~remaining] = -1.0
            best = int(np.argmax(averages))
            top = averages[best]
            if top > 0:
                close = np.flatnonzero((averages > 0) & (averages >= top - (top * NEAR_TIE + TINY)))
                if len(close) > 1:
                    best = self._exact_best(close, content, word_freq)
            # top == 0: every remaining average is exactly 0 in sumy too; the first one wins.
            order.append(best)
            remaining[best] = False
            self._update_tf(word_freq, content[best])
            changed = ids[best]
            freq[changed] = [word_freq[w] for w in content[best]]
        return order

    def _exact_best(
        self, candidates: np.ndarray, content: list[list[str]], word_freq: dict[str, float]
    ) -> int:
        """sumy's own choice among near-tied sentences: the highest average, first on ties."""
        best, highest = -1, -1.0
        for index in candidates.tolist():
            value = self._compute_average_probability_of_words(word_freq, content[index])
            if value > highest:
                best, highest = index, value
        return best
