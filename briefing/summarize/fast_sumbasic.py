"""SumBasic at any length: sumy's greedy loop with every sentence's average rescored in one step.

sumy's SumBasicSummarizer repeatedly takes the sentence whose content words
have the highest average probability, then squares the probability of each of
its words (once per occurrence) so later picks favour new words. Each step
re-averages every remaining sentence word by word in Python.

Here each distinct word is stemmed once, and after each pick only the
sentences sharing a word with it are re-averaged, with vector operations over
a sparse sentence x word matrix. The averages round differently from sumy's, so
sentences within a hair of the best (NEAR_TIE, relative) are settled with
sumy's own arithmetic: the picks and their order are sumy's. On a document
longer than terms.APPROXIMATE_ABOVE sentences only the first
terms.GREEDY_PICKS picks are made that way (each step costs a pass over the
sentences); the rest follow by their average at that point.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sumy.nlp.stemmers import null_stemmer
from sumy.summarizers.sum_basic import SumBasicSummarizer

from briefing.summarize.terms import StemsOnce, cached_stemmer, count_terms, greedy_picks, row_sums

NEAR_TIE = 1e-9
"""Averages this close (relative) to the best are compared exactly.

Every average is a sum of non-negative terms, so both ways of summing are
within about 1e-14 (relative) of the exact value.
"""

TINY = 1e-300
"""Absolute slack for averages so small that relative rounding no longer holds."""


class FastSumBasicSummarizer(StemsOnce, SumBasicSummarizer):
    """sumy's SumBasicSummarizer with the greedy loop vectorized; same picks, same order."""

    def __init__(self, stemmer: Any = null_stemmer) -> None:
        super().__init__(cached_stemmer(stemmer))

    def _get_content_words_in_sentence(self, sentence: Any) -> list[str]:
        # sumy's content words are what the other methods call `_to_words_set`.
        return self._to_words_set(sentence)

    def _compute_ratings(self, sentences: Any) -> dict[Any, int]:
        content = [self._get_content_words_in_sentence(s) for s in sentences]
        # sumy's _compute_tf: the document's content words are the sentences' in turn.
        everything = [w for words in content for w in words]
        word_freq = {w: f / len(everything) for w, f in self._compute_word_freq(everything).items()}
        ratings: dict[Any, int] = {}
        for index in self._greedy_order(content, word_freq):
            # As sumy: the n-th pick rates -n (a repeated sentence keeps its later rating).
            ratings[sentences[index]] = -len(ratings)
        return ratings

    def _greedy_order(self, content: list[list[str]], word_freq: dict[str, float]) -> list[int]:
        """Sentence indices in the order sumy's greedy loop removes them.

        `word_freq` is updated exactly as sumy updates it. After each pick only
        the sentences sharing a word with it get a new average, summed afresh
        from their words (not patched, which would lose precision as the
        probabilities shrink).
        """
        count = len(content)
        words = list(word_freq)
        vocabulary = {word: term for term, word in enumerate(words)}
        terms = count_terms(content, vocabulary)
        rows, cols, counts = terms.rows, terms.cols, terms.counts
        row_start = np.searchsorted(rows, np.arange(count + 1))
        by_column = np.argsort(cols, kind="stable")
        column_start = np.searchsorted(cols[by_column], np.arange(len(vocabulary) + 1))
        freq = np.fromiter(word_freq.values(), dtype=np.float64, count=len(word_freq))
        lengths = terms.lengths.astype(np.float64)

        averages = np.zeros(count)
        sums = row_sums(rows, counts * freq[cols], count)
        np.divide(sums, lengths, out=averages, where=lengths > 0)
        order: list[int] = []
        exact = greedy_picks(count)
        for _ in range(count):
            if len(order) == exact:
                remaining = np.flatnonzero(averages >= 0)
                order.extend(remaining[np.argsort(-averages[remaining], kind="stable")].tolist())
                break
            best = int(np.argmax(averages))
            top = averages[best]
            if top > 0:
                close = np.flatnonzero((averages > 0) & (averages >= top - (top * NEAR_TIE + TINY)))
                if len(close) > 1:
                    best = self._exact_best(close, content, word_freq)
            # top == 0: every remaining average is exactly 0 in sumy too; the first one wins.
            order.append(best)
            averages[best] = -1.0  # sumy's averages are never negative: out of the running
            self._update_tf(word_freq, content[best])
            changed = cols[row_start[best] : row_start[best + 1]]
            if not len(changed):
                continue
            freq[changed] = [word_freq[words[t]] for t in changed.tolist()]
            # Rows sharing a changed word, still in the running, re-averaged from scratch.
            sizes = column_start[changed + 1] - column_start[changed]
            offsets = np.arange(sizes.sum()) - np.repeat(np.cumsum(sizes) - sizes, sizes)
            touched = np.unique(rows[by_column[np.repeat(column_start[changed], sizes) + offsets]])
            touched = touched[averages[touched] >= 0]
            if not len(touched):
                continue
            spans = row_start[touched + 1] - row_start[touched]
            offsets = np.arange(spans.sum()) - np.repeat(np.cumsum(spans) - spans, spans)
            entries = np.repeat(row_start[touched], spans) + offsets
            values = counts[entries] * freq[cols[entries]]
            averages[touched] = np.add.reduceat(values, np.cumsum(spans) - spans) / lengths[touched]
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
