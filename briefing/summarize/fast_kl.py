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

On a document longer than terms.APPROXIMATE_ABOVE sentences only the first
terms.GREEDY_PICKS picks are made that way (each step costs a pass over the
sentences); the rest follow by their divergence at that point.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from sumy.summarizers.kl import KLSummarizer

from briefing.summarize.terms import count_terms, greedy_picks, row_sums

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
        # Per candidate: its own words' share of sum f log f - sum f log n (own_part),
        # and of sum f (row_f); the summary's words' shares are the all_* scalars.
        own_part = row_sums(rows, part_f_log_f - part_f_log_n, count)
        row_f = row_sums(rows, part_f, count)
        by_column = np.argsort(cols, kind="stable")
        column_start = np.searchsorted(cols[by_column], np.arange(len(vocabulary) + 1))

        summary_counts = np.zeros(len(vocabulary))
        all_f_log_f = all_f = all_f_log_s = 0.0
        summary_length = 0
        lengths = own.lengths
        # log of every length a candidate plus the summary can have (1 for 0: its weight is 0)
        log_length = np.log(
            np.maximum(np.arange(lengths.max(initial=0) + raw.lengths.sum() + 1), 1)
        )
        summary_tally: dict[str, int] = {}
        order: list[int] = []
        exact = greedy_picks(count)
        for _ in range(count):
            # A candidate without known words, before the summary has any, gets
            # exactly 0 here, as in sumy (every term is 0). Picked ones are +inf.
            divergence = log_length[lengths + summary_length] * (all_f + row_f)
            divergence += own_part
            divergence += all_f_log_f - all_f_log_s
            if len(order) == exact:
                remaining = np.flatnonzero(np.isfinite(own_part))
                order.extend(remaining[np.argsort(divergence[remaining], kind="stable")].tolist())
                break
            best = int(np.argmin(divergence))
            lowest = divergence[best]
            close = np.flatnonzero(divergence <= lowest + NEAR_TIE * max(1.0, abs(lowest)))
            if len(close) > 1:
                best = self._exact_best(close, content, summary_tally, summary_length, word_freq)
            order.append(best)
            own_part[best] = np.inf

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
            fresh = np.repeat(new, sizes)
            new_part = entry_freq[entries] * (
                np.log(counts[entries] + np.repeat(after, sizes)) - np.repeat(log_after, sizes)
            )
            change = part_f_log_n[entries] - new_part
            part_f_log_n[entries] = new_part
            change[fresh] -= part_f_log_f[entries[fresh]]
            np.add.at(own_part, entry_rows, change)
            np.subtract.at(row_f, entry_rows[fresh], part_f[entries[fresh]])
            part_f_log_f[entries[fresh]] = 0.0
            part_f[entries[fresh]] = 0.0
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
        # Candidates with the same words have the same divergence: the first stands for all.
        firsts: dict[tuple[str, ...], int] = {}
        for index in candidates.tolist():
            firsts.setdefault(tuple(content[index]), index)
        if len(firsts) == 1:
            return next(iter(firsts.values()))
        best, lowest = -1, math.inf
        log = math.log
        # The summary's own terms depend on the candidate only through its
        # length; compute them once per length, then skip the candidate's words.
        known = [(w, f, n) for w, n in summary_tally.items() if (f := word_freq.get(w))]
        tails: dict[float, list[tuple[str, float]]] = {}
        for key, index in firsts.items():
            own: dict[str, int] = {}
            for word in key:
                own[word] = own.get(word, 0) + 1
            total = float(len(key) + summary_length)
            value = 0.0
            for word, number in own.items():
                frequency = word_freq.get(word)
                if frequency:
                    joint = (number + summary_tally.get(word, 0)) / total
                    value += frequency * log(frequency / joint)
            tail = tails.get(total)
            if tail is None:
                tail = tails[total] = [(w, f * log(f / (n / total))) for w, f, n in known]
            for word, term in tail:
                if word not in own:
                    value += term
            if best < 0 or value < lowest:
                best, lowest = index, value
        return best
