"""KL-Sum at any length: sumy's greedy search, with each step's divergences updated instead of rebuilt.

sumy's KLSummarizer picks, again and again, the sentence whose words added to
the summary so far bring the summary's word distribution closest (in KL
divergence) to the document's. At every step it rebuilds, for every remaining
sentence, the joint distribution of that sentence plus the whole summary: work
of sentences x summary words per step, cubic in the article's length.

The divergence of candidate i splits into sums over the summary's words (shared
by all candidates) and over the candidate's own words; adding a sentence to the
summary only changes the terms of the words it contains, so each step updates
those and re-scores every candidate with a few vector operations.

Picks stay identical to sumy's, in the same order, quirks included:
- the document distribution filters stop words before lowercasing, so
  capitalised stop words ("The") count in it, while candidates drop them;
- the summary side uses its sentences' raw words (any case, stop words kept).
Because the updated sums round differently from sumy's, candidates within a
hair (NEAR_TIE) of the best are settled by sumy's own arithmetic.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from sumy.summarizers.kl import KLSummarizer

from briefing.summarize.terms import count_terms

NEAR_TIE = 1e-8
"""Candidates this close to the best (relative, at least absolute) are compared exactly.

Both ways of summing stay within about 1e-11 of the exact divergence, which
is at most a few tens for any article, so this margin cannot miss sumy's pick.
"""


class FastKLSummarizer(KLSummarizer):
    """sumy's KLSummarizer with the greedy loop done in vector steps; same picks, same order."""

    def _compute_ratings(self, sentences: Any) -> dict[Any, int]:
        word_freq = self.compute_tf(sentences)
        content = [self._get_content_words_in_sentence(s) for s in sentences]
        ratings: dict[Any, int] = {}
        for index in self._greedy_order(sentences, content, word_freq):
            # As sumy: the n-th pick rates -n (a repeated sentence keeps its later rating).
            ratings[sentences[index]] = -1 * len(ratings)
        return ratings

    def _greedy_order(
        self, sentences: Any, content: list[list[str]], word_freq: dict[str, float]
    ) -> list[int]:
        """Sentence indices in the order sumy's greedy loop removes them."""
        count = len(sentences)
        if not count:
            return []
        vocabulary: dict[str, int] = {}
        own = count_terms(content, vocabulary)
        raw = count_terms([s.words for s in sentences], vocabulary)
        raw_start = np.searchsorted(raw.rows, np.arange(count + 1))

        freq = np.zeros(len(vocabulary))
        for word, term in vocabulary.items():
            freq[term] = word_freq.get(word) or 0.0
        known = freq > 0
        f_log_f = np.zeros_like(freq)
        f_log_f[known] = freq[known] * np.log(freq[known])

        # One entry per (candidate, own word). While the word is not yet in the
        # summary the entry carries its whole term; once it is, only the part
        # that differs from the summary-wide sums.
        rows, cols, counts = own.rows, own.cols, own.counts
        entry_freq = freq[cols]
        part_f_log_f = f_log_f[cols]
        part_f = entry_freq.copy()
        part_f_log_n = entry_freq * np.log(counts)
        row_f_log_f = np.bincount(rows, part_f_log_f, minlength=count)
        row_f = np.bincount(rows, part_f, minlength=count)
        row_f_log_n = np.bincount(rows, part_f_log_n, minlength=count)
        by_column = np.argsort(cols, kind="stable")
        column_start = np.searchsorted(cols[by_column], np.arange(len(vocabulary) + 1))

        summary_counts = np.zeros(len(vocabulary))
        all_f_log_f = all_f = all_f_log_s = 0.0
        summary_length = 0
        lengths = own.lengths.astype(np.float64)
        remaining = np.ones(count, dtype=bool)
        summary_tally: dict[str, int] = {}
        order: list[int] = []
        for _ in range(count):
            weight = all_f + row_f
            total = lengths + summary_length
            divergence = (
                all_f_log_f
                + row_f_log_f
                + np.log(np.maximum(total, 1.0)) * weight
                - all_f_log_s
                - row_f_log_n
            )
            divergence[weight == 0] = 0.0
            divergence[~remaining] = np.inf
            best = int(np.argmin(divergence))
            lowest = divergence[best]
            close = np.flatnonzero(divergence <= lowest + NEAR_TIE * max(1.0, abs(lowest)))
            if len(close) > 1:
                best = self._exact_best(close, content, summary_tally, summary_length, word_freq)
            order.append(best)
            remaining[best] = False

            words = sentences[best].words
            for word in words:
                summary_tally[word] = summary_tally.get(word, 0) + 1
            summary_length += len(words)
            terms = raw.cols[raw_start[best] : raw_start[best + 1]]
            added = raw.counts[raw_start[best] : raw_start[best + 1]]
            before = summary_counts[terms]
            after = before + added
            summary_counts[terms] = after
            live = known[terms]
            terms, before, after = terms[live], before[live], after[live]
            if not len(terms):
                continue
            f = freq[terms]
            new = before == 0
            all_f_log_f += f_log_f[terms[new]].sum()
            all_f += f[new].sum()
            log_before = np.zeros_like(before)
            log_before[~new] = np.log(before[~new])
            log_after = np.log(after)
            all_f_log_s += (f * (log_after - log_before)).sum()

            sizes = column_start[terms + 1] - column_start[terms]
            offsets = np.arange(sizes.sum()) - np.repeat(np.cumsum(sizes) - sizes, sizes)
            entries = by_column[np.repeat(column_start[terms], sizes) + offsets]
            entry_rows = rows[entries]
            fresh = entries[np.repeat(new, sizes)]
            new_part = entry_freq[entries] * (
                np.log(counts[entries] + np.repeat(after, sizes)) - np.repeat(log_after, sizes)
            )
            np.add.at(row_f_log_n, entry_rows, new_part - part_f_log_n[entries])
            part_f_log_n[entries] = new_part
            np.subtract.at(row_f_log_f, rows[fresh], part_f_log_f[fresh])
            np.subtract.at(row_f, rows[fresh], part_f[fresh])
            part_f_log_f[fresh] = 0.0
            part_f[fresh] = 0.0
        return order

    @staticmethod
    def _exact_best(
        candidates: np.ndarray,
        content: list[list[str]],
        summary_tally: dict[str, int],
        summary_length: int,
        word_freq: dict[str, float],
    ) -> int:
        """sumy's own choice among near-tied candidates: the lowest divergence, first on ties.

        The divergence is summed exactly as sumy's `_joint_freq` and
        `_kl_divergence` do (same terms, same order, same operations), with the
        summary's word counts kept from step to step instead of recounted.
        """
        best, lowest = -1, math.inf
        seen: set[tuple[str, ...]] = set()
        log = math.log
        for index in candidates.tolist():
            key = tuple(content[index])
            if key in seen:  # same words, same divergence: the earlier one wins
                continue
            seen.add(key)
            own: dict[str, int] = {}
            for word in key:
                own[word] = own.get(word, 0) + 1
            total = float(len(key) + summary_length)
            value = 0.0
            for word, number in own.items():
                frequency = word_freq.get(word)
                if frequency:
                    value += frequency * log(
                        frequency / ((number + summary_tally.get(word, 0)) / total)
                    )
            for word, number in summary_tally.items():
                if word not in own:
                    frequency = word_freq.get(word)
                    if frequency:
                        value += frequency * log(frequency / (number / total))
            if best < 0 or value < lowest:
                best, lowest = index, value
        return best
