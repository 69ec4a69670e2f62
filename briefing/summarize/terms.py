"""Sentences as sparse term counts: the shared groundwork of the fast sumy summarizers.

sumy's slow methods compare every sentence with every other one word by word in
Python. Two sentences only interact through the words they share, so everything
here is driven by an inverted index: for each term, the sentences that contain
it. The cost then follows the number of (sentence, sentence, shared term)
triples instead of sentences squared times words squared.
"""

from __future__ import annotations

import weakref
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import repeat
from typing import Any

import numpy as np

STEM_CACHE_LIMIT = 200_000
"""Distinct words remembered per stemmer before the cache starts afresh."""

PAIR_CHUNK = 1 << 20
"""(sentence, sentence, term) triples handled at once; bounds the scratch memory."""

BLOCK_CELLS = 1 << 20
"""Cells of a band of the sentence x sentence Gram matrix (8 MB of float64)."""

APPROXIMATE_ABOVE = 2000
"""Sentences beyond which the quadratic methods switch to a bounded approximation.

Up to here every fast method rates exactly as stock sumy does. Beyond it the
pairwise methods (LexRank, TextRank, Reduction) compare each sentence only
with the sentences of its WINDOW and the neighbouring ones (`window_of`), and
the greedy ones (SumBasic, KL) run their exact greedy loop for GREEDY_PICKS
picks only, ranking the rest by the criterion at that point: their first
GREEDY_PICKS picks are still sumy's. Either way the work per sentence no
longer grows with the document.
"""

WINDOW = 500
"""Sentences per window block: a sentence is compared with at most 3 x WINDOW others.

At 500, a sentence of a long document meets at most 1,500 others: fewer than
in a document of APPROXIMATE_ABOVE sentences, so the time per sentence never
exceeds what it is just below the limit.
"""

GREEDY_PICKS = 1000
"""Picks the greedy methods make exactly, in sumy's order, on a long document."""


def window_of(sentence_count: int) -> int | None:
    """The window block size for a document this long, or None to compare every pair."""
    return WINDOW if sentence_count > APPROXIMATE_ABOVE else None


def greedy_picks(sentence_count: int) -> int:
    """How many picks a greedy method makes exactly (all of them, up to APPROXIMATE_ABOVE)."""
    return sentence_count if sentence_count <= APPROXIMATE_ABOVE else GREEDY_PICKS


class CachedStemmer:
    """A stemmer that stems each distinct word once.

    Stemmers are pure functions, and Snowball stemming is the single largest
    cost of several sumy methods, which stem every word of the document once
    per pass.
    """

    __slots__ = ("__weakref__", "_cache", "_stem")

    def __init__(self, stem: Callable[[str], str]) -> None:
        self._stem = stem
        self._cache: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        try:
            return self._cache[word]
        except KeyError:
            if len(self._cache) >= STEM_CACHE_LIMIT:
                self._cache.clear()
            stem = self._cache[word] = self._stem(word)
            return stem


_CACHED: weakref.WeakKeyDictionary[Callable[[str], str], CachedStemmer] = (
    weakref.WeakKeyDictionary()
)


def cached_stemmer(stem: Callable[[str], str]) -> CachedStemmer:
    """The caching wrapper of `stem`, shared by every summarizer using that stemmer."""
    if isinstance(stem, CachedStemmer):
        return stem
    try:
        return _CACHED.setdefault(stem, CachedStemmer(stem))
    except TypeError:  # not weakly referenceable: cache for this summarizer only
        return CachedStemmer(stem)


def clear_stem_caches() -> None:
    """Forget every cached stem (benchmarks use this to time a cold start)."""
    for cached in list(_CACHED.values()):
        cached._cache.clear()


@dataclass(frozen=True)
class Terms:
    """A sparse sentence x term count matrix, one entry per (sentence, distinct term).

    Entries are ordered by sentence, and within a sentence by the term's first
    occurrence, which is the order sumy's dictionaries iterate in.
    """

    rows: np.ndarray
    """Sentence index of each entry (int64)."""
    cols: np.ndarray
    """Term id of each entry (int64), an index into `vocabulary`."""
    counts: np.ndarray
    """How often the term occurs in the sentence (float64, a whole number)."""
    lengths: np.ndarray
    """Tokens per sentence, repeats included (int64)."""
    vocabulary: dict[str, int]

    @property
    def sentence_count(self) -> int:
        return len(self.lengths)


def count_terms(
    sentences: Sequence[Sequence[str]], vocabulary: dict[str, int] | None = None
) -> Terms:
    """Count each sentence's tokens into a `Terms` matrix.

    Args:
        sentences: one token sequence per sentence (repeats count).
        vocabulary: term -> id to extend in place; new terms get the next ids.
    """
    vocabulary = {} if vocabulary is None else vocabulary
    rows: list[int] = []
    cols: list[int] = []
    counts: list[int] = []
    lengths: list[int] = []

    def term_id(term: str) -> int:
        return vocabulary.setdefault(term, len(vocabulary))

    for index, tokens in enumerate(sentences):
        tally = Counter(tokens)  # insertion order: first occurrence
        lengths.append(len(tokens))
        rows.extend(repeat(index, len(tally)))
        cols.extend(map(term_id, tally))
        counts.extend(tally.values())
    return Terms(
        rows=np.array(rows, dtype=np.int64),
        cols=np.array(cols, dtype=np.int64),
        counts=np.array(counts, dtype=np.float64),
        lengths=np.array(lengths, dtype=np.int64),
        vocabulary=vocabulary,
    )


def row_sums(rows: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    """Sum of `values` per row index, in input order (float64, also when there are none)."""
    return np.bincount(rows, weights=values, minlength=n).astype(np.float64, copy=False)


def gram_blocks(
    rows: np.ndarray,
    cols: np.ndarray,
    values: np.ndarray,
    n: int,
    cells: int = BLOCK_CELLS,
    start: int = 0,
    stop: int | None = None,
) -> Iterator[tuple[int, np.ndarray]]:
    """The Gram matrix of a sparse n-row matrix, a band of rows at a time.

    Yields (first row, block): block[r, j] is the sum, over the columns rows
    first + r and j share, of value x value (float64, C order, at most `cells`
    cells). Only pairs of rows that share a column are visited. Sums of whole
    numbers stay exact, so with counts as values a block holds the number of
    shared tokens of every two sentences. Only the rows from `start` to
    `stop` (default: all) are yielded.
    """
    order = np.lexsort((rows, cols))
    rows, cols, values = rows[order], cols[order], values[order]
    entries = len(cols)
    if entries:
        starts = np.flatnonzero(np.r_[True, cols[1:] != cols[:-1]])
        sizes = np.diff(np.r_[starts, entries])
        group_start = np.repeat(starts, sizes)
        group_size = np.repeat(sizes, sizes)
        by_row = np.argsort(rows, kind="stable")
        row_start = np.searchsorted(rows[by_row], np.arange(n + 1))
    height = max(1, cells // max(n, 1))
    stop = n if stop is None else stop
    for first in range(start, stop, height):
        last = min(stop, first + height)
        flat: np.ndarray | None = None
        if entries:
            left = by_row[row_start[first] : row_start[last]]
            for chunk in _chunks(left, group_size[left]):
                sizes_here = group_size[chunk]
                pairs = np.repeat(chunk, sizes_here)
                offsets = np.arange(len(pairs)) - np.repeat(
                    np.cumsum(sizes_here) - sizes_here, sizes_here
                )
                right = group_start[pairs] + offsets
                part = np.bincount(
                    (rows[pairs] - first) * n + rows[right],
                    weights=values[pairs] * values[right],
                    minlength=(last - first) * n,
                )
                if flat is None:
                    flat = part
                else:
                    flat += part
        if flat is None or flat.dtype != np.float64:  # no pairs: bincount gave integers
            flat = np.zeros((last - first) * n)
        yield first, flat.reshape(last - first, n)


def _chunks(entries: np.ndarray, pairs_per_entry: np.ndarray) -> Iterator[np.ndarray]:
    """Split `entries` so no piece makes more than PAIR_CHUNK pairs (bounds scratch memory)."""
    cumulative = np.cumsum(pairs_per_entry)
    begin = 0
    while begin < len(entries):
        base = cumulative[begin - 1] if begin else 0
        end = max(int(np.searchsorted(cumulative, base + PAIR_CHUNK, side="right")), begin + 1)
        yield entries[begin:end]
        begin = end


def windowed_blocks(
    rows: np.ndarray, cols: np.ndarray, values: np.ndarray, n: int, window: int | None
) -> Iterator[tuple[int, int, np.ndarray]]:
    """The Gram matrix in bands, each pair of rows only if their window blocks are neighbours.

    Yields (first row, first column, band): band[r, c] is cell (first + r,
    first column + c). With `window` None that is every pair (`gram_blocks`);
    otherwise rows i and j meet only when i // window and j // window differ
    by at most one, so the work grows with n x window, not n squared. `rows`
    must be sorted (entries ordered by sentence, as `count_terms` makes them).
    """
    if window is None:
        for first, band in gram_blocks(rows, cols, values, n):
            yield first, 0, band
        return
    bounds = np.searchsorted(rows, np.arange(0, n + 3 * window, window).clip(max=n))
    for block, begin in enumerate(range(0, n, window)):
        low = max(0, begin - window)
        high = min(n, begin + 2 * window)
        a, b = bounds[max(0, block - 1)], bounds[min(len(bounds) - 1, block + 2)]
        for first, band in gram_blocks(
            rows[a:b] - low,
            cols[a:b],
            values[a:b],
            high - low,
            start=begin - low,
            stop=min(n, begin + window) - low,
        ):
            yield first + low, low, band


def gram_pairs(
    rows: np.ndarray, cols: np.ndarray, values: np.ndarray, n: int, window: int | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The nonzero cells (i, j, value) of the Gram matrix, ordered by i then j (see windowed_blocks)."""
    sources: list[np.ndarray] = [np.zeros(0, dtype=np.int64)]
    targets: list[np.ndarray] = [np.zeros(0, dtype=np.int64)]
    found: list[np.ndarray] = [np.zeros(0)]
    for first, offset, band in windowed_blocks(rows, cols, values, n, window):
        source, target = np.nonzero(band)  # row-major: by i, then j
        found.append(band[source, target])
        sources.append(source + first)
        targets.append(target + offset)
    return np.concatenate(sources), np.concatenate(targets), np.concatenate(found)


class StemsOnce:
    """Mixin for sumy summarizers: each distinct token is normalized and stemmed once.

    sumy's `_to_words_set` lowercases every word, drops stop words and stems
    the rest, word by word through two method calls; a per-summarizer table
    from token to stem (or None for a stop word) gives the same lists.
    """

    _stop_words: frozenset[str]

    def _to_words_set(self, sentence: Any) -> list[str]:
        table: dict[str, str | None] | None = self.__dict__.get("_token_stems")
        if table is None or self.__dict__.get("_token_stems_for") is not self._stop_words:
            table = self.__dict__["_token_stems"] = {}
            self.__dict__["_token_stems_for"] = self._stop_words
        stems: list[str] = []
        for token in sentence.words:
            try:
                stem = table[token]
            except KeyError:
                word = self.normalize_word(token)  # type: ignore[attr-defined]
                stem = None if word in self._stop_words else self.stem_word(word)  # type: ignore[attr-defined]
                table[token] = stem
            if stem is not None:
                stems.append(stem)
        return stems
