"""The sparse groundwork of the fast summarizers: term counts, Gram matrices, stem caches, graphs."""

from __future__ import annotations

import numpy as np
import pytest

from briefing.summarize.graph import Transitions, power_iteration
from briefing.summarize.terms import (
    CachedStemmer,
    cached_stemmer,
    count_terms,
    gram_blocks,
    gram_pairs,
    windowed_blocks,
)

SENTENCES = [["tunnel", "opens", "tunnel"], [], ["mayor", "opens"], ["mayor"], ["bridge"]]


def dense_counts(sentences: list[list[str]]) -> np.ndarray:
    vocabulary = sorted({w for s in sentences for w in s})
    return np.array([[s.count(w) for w in vocabulary] for s in sentences], dtype=float)


def test_count_terms_counts_repeats_in_first_occurrence_order() -> None:
    terms = count_terms(SENTENCES)
    assert terms.rows.tolist() == [0, 0, 2, 2, 3, 4]
    assert terms.counts.tolist() == [2, 1, 1, 1, 1, 1]
    assert terms.lengths.tolist() == [3, 0, 2, 1, 1]
    assert list(terms.vocabulary) == ["tunnel", "opens", "mayor", "bridge"]


@pytest.mark.parametrize("cells", [1, 7, 1 << 21])
def test_gram_blocks_make_the_full_gram_matrix_in_any_band_height(cells: int) -> None:
    rng = np.random.default_rng(5)
    sentences = [list(rng.choice(list("abcdefghij"), size=rng.integers(0, 9))) for _ in range(23)]
    terms = count_terms(sentences)
    values = terms.counts * rng.random(len(terms.counts))
    expected = np.zeros((23, len(terms.vocabulary)))
    expected[terms.rows, terms.cols] = values
    bands = [
        (first, block.copy())
        for first, block in gram_blocks(terms.rows, terms.cols, values, 23, cells)
    ]
    assert [first for first, _ in bands] == list(range(0, 23, max(1, cells // 23)))
    gram = np.vstack([block for _, block in bands])
    assert gram == pytest.approx(expected @ expected.T)


@pytest.mark.parametrize(("n", "window"), [(37, 5), (37, 12), (37, 40), (10, 3), (0, 4)])
def test_windowed_blocks_are_the_gram_matrix_between_neighbouring_windows(
    n: int, window: int
) -> None:
    rng = np.random.default_rng(n + window)
    sentences = [list(rng.choice(list("abcdefgh"), size=rng.integers(0, 7))) for _ in range(n)]
    terms = count_terms(sentences)
    values = terms.counts * rng.random(len(terms.counts))
    full = np.zeros((n, len(terms.vocabulary)))
    full[terms.rows, terms.cols] = values
    blocks = np.arange(n) // window
    near = np.abs(blocks[:, None] - blocks[None, :]) <= 1
    found = np.zeros((n, n))
    seen = np.zeros((n, n), dtype=int)
    for first, offset, band in windowed_blocks(terms.rows, terms.cols, values, n, window):
        height, width = band.shape
        found[first : first + height, offset : offset + width] += band
        seen[first : first + height, offset : offset + width] += 1
    assert found == pytest.approx(np.where(near, full @ full.T, 0.0))
    assert seen.max(initial=1) == 1  # no cell twice
    assert (seen[near] == 1).all()  # every neighbouring pair once


def test_gram_pairs_are_the_nonzero_cells_in_row_order_and_exact_for_counts() -> None:
    terms = count_terms(SENTENCES)
    rows, cols, values = gram_pairs(terms.rows, terms.cols, terms.counts, len(SENTENCES))
    counts = dense_counts(SENTENCES)
    gram = counts @ counts.T
    assert list(zip(rows.tolist(), cols.tolist(), strict=True)) == [
        tuple(ij) for ij in np.argwhere(gram).tolist()
    ]
    assert values.tolist() == gram[rows, cols].tolist()
    assert gram[0, 0] == 5  # "tunnel" twice: 2 * 2, plus "opens" 1 * 1


def test_gram_pairs_of_nothing() -> None:
    rows, cols, values = gram_pairs(*(np.zeros(0, dtype=np.int64),) * 2, np.zeros(0), 3)
    assert len(rows) == len(cols) == len(values) == 0


def test_cached_stemmer_stems_each_word_once_and_is_shared() -> None:
    calls: list[str] = []

    def stem(word: str) -> str:
        calls.append(word)
        return word[:4]

    cached = cached_stemmer(stem)
    assert [cached(w) for w in ["running", "running", "runner"]] == ["runn", "runn", "runn"]
    assert calls == ["running", "runner"]
    assert cached_stemmer(stem) is cached
    assert cached_stemmer(cached) is cached
    assert isinstance(cached, CachedStemmer)


def test_sparse_transitions_step_like_the_dense_matrix() -> None:
    rng = np.random.default_rng(3)
    dense = rng.random((6, 6)) * (rng.random((6, 6)) < 0.4)
    sources, targets = np.nonzero(dense)
    graph = Transitions(sources, targets, dense[sources, targets], 6, teleport=0.05)
    p = rng.random(6)
    assert graph.step(p) == pytest.approx(np.dot((dense + 0.05).T, p))
    ranks = power_iteration(graph, 1e-10, normalize=True)
    assert np.linalg.norm(ranks) == pytest.approx(1.0)


def test_a_graph_without_edges_gives_zeros_not_integers() -> None:
    empty = np.zeros(0, dtype=np.int64)
    graph = Transitions(empty, empty, np.zeros(0), 4)
    assert graph.step(np.ones(4)).dtype == np.float64
