"""Sentences as sparse term counts: the shared groundwork of the fast sumy summarizers.

sumy's slow methods compare every sentence with every other one word by word in
Python. Two sentences only interact through the words they share, so everything
here is driven by an inverted index: for each term, the sentences that contain
it. The cost then follows the number of (sentence, sentence, shared term)
triples instead of sentences squared times words squared.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

STEM_CACHE_LIMIT = 200_000
"""Distinct words remembered per stemmer before the cache starts afresh."""

PAIR_CHUNK = 1 << 20
"""(sentence, sentence, term) triples handled at once; bounds the scratch memory."""


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
    sentences: Sequence[Iterable[str]], vocabulary: dict[str, int] | None = None
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
    for index, tokens in enumerate(sentences):
        tally: dict[str, int] = {}
        total = 0
        for token in tokens:
            tally[token] = tally.get(token, 0) + 1
            total += 1
        lengths.append(total)
        for term, count in tally.items():
            rows.append(index)
            cols.append(vocabulary.setdefault(term, len(vocabulary)))
            counts.append(count)
    return Terms(
        rows=np.array(rows, dtype=np.int64),
        cols=np.array(cols, dtype=np.int64),
        counts=np.array(counts, dtype=np.float64),
        lengths=np.array(lengths, dtype=np.int64),
        vocabulary=vocabulary,
    )


def _pair_triples(rows: np.ndarray, cols: np.ndarray, values: np.ndarray):
    """Yield (i, j, value_i * value_j) for every two entries sharing a column, in chunks.

    Every ordered pair is produced, (i, i) included, so a dense sum of them is a
    full symmetric Gram matrix.
    """
    order = np.lexsort((rows, cols))
    rows, cols, values = rows[order], cols[order], values[order]
    entries = len(cols)
    if not entries:
        return
    starts = np.flatnonzero(np.r_[True, cols[1:] != cols[:-1]])
    sizes = np.diff(np.r_[starts, entries])
    group_start = np.repeat(starts, sizes)
    group_size = np.repeat(sizes, sizes)
    # Chunk boundaries over entries so no chunk makes more than PAIR_CHUNK triples.
    cumulative = np.cumsum(group_size)
    begin = 0
    while begin < entries:
        base = cumulative[begin - 1] if begin else 0
        end = int(np.searchsorted(cumulative, base + PAIR_CHUNK, side="right"))
        end = max(end, begin + 1)
        sizes_here = group_size[begin:end]
        left = np.repeat(np.arange(begin, end), sizes_here)
        first_of_left = np.repeat(cumulative[begin:end] - sizes_here, sizes_here)
        right = group_start[left] + (np.arange(len(left)) + base - first_of_left)
        yield rows[left], rows[right], values[left] * values[right]
        begin = end


def gram_dense(rows: np.ndarray, cols: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    """The n x n matrix of sum over shared columns of value_i * value_j (C order, float64).

    Sums of whole numbers stay exact, so with counts as values this is the
    number of shared tokens of every two sentences.
    """
    flat: np.ndarray | None = None
    for i, j, products in _pair_triples(rows, cols, values):
        part = np.bincount(i * n + j, weights=products, minlength=n * n)
        if flat is None:
            flat = part
        else:
            flat += part
    return (np.zeros(n * n) if flat is None else flat).reshape(n, n)


def gram_sparse(
    rows: np.ndarray, cols: np.ndarray, values: np.ndarray, n: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The nonzero entries (i, j, sum of value_i * value_j) of the Gram matrix, sorted by (i, j)."""
    keys_parts: list[np.ndarray] = []
    sums_parts: list[np.ndarray] = []
    for i, j, products in _pair_triples(rows, cols, values):
        keys, inverse = np.unique(i * n + j, return_inverse=True)
        keys_parts.append(keys)
        sums_parts.append(np.bincount(inverse, weights=products, minlength=len(keys)))
    if not keys_parts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    keys = np.concatenate(keys_parts)
    sums = np.concatenate(sums_parts)
    if len(keys_parts) > 1:
        keys, inverse = np.unique(keys, return_inverse=True)
        sums = np.bincount(inverse, weights=sums, minlength=len(keys))
    return keys // n, keys % n, sums
