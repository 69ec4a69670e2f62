"""Past terms.APPROXIMATE_ABOVE sentences: the documented approximations, checked against sumy's own parts.

The limits are lowered here so that a 150-sentence article counts as long:
the windowed methods must give exactly what sumy's formulas give over the
sentence pairs within neighbouring windows, and the greedy methods must make
sumy's first GREEDY_PICKS picks, in sumy's order.
"""

from __future__ import annotations

import numpy as np
import pytest
from fast_corpus import generated
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from briefing.summarize import rank, terms
from briefing.summarize.fast_kl import FastKLSummarizer
from briefing.summarize.fast_lexrank import FastLexRankSummarizer
from briefing.summarize.fast_reduction import FastReductionSummarizer
from briefing.summarize.fast_sumbasic import FastSumBasicSummarizer
from briefing.summarize.fast_textrank import FastTextRankSummarizer
from briefing.summarize.sumy_methods import build_document, make_summarizer, rate_with

SIZE = 150
WINDOW = 10
PICKS = 12


@pytest.fixture(autouse=True)
def short_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(terms, "APPROXIMATE_ABOVE", 40)
    monkeypatch.setattr(terms, "WINDOW", WINDOW)
    monkeypatch.setattr(terms, "GREEDY_PICKS", PICKS)


def near_pairs(count: int) -> np.ndarray:
    """Which sentence pairs a windowed method compares: neighbouring window blocks."""
    blocks = np.arange(count) // WINDOW
    return np.abs(blocks[:, None] - blocks[None, :]) <= 1


def article_and_words(cls: type, seed: int):  # type: ignore[no-untyped-def]
    article = generated(seed, SIZE)
    document = build_document(article)
    summarizer = make_summarizer(cls, article)
    return article, document, summarizer, [summarizer._to_words_set(s) for s in document.sentences]


@pytest.mark.parametrize(
    ("fast", "stock"),
    [(FastSumBasicSummarizer, SumBasicSummarizer), (FastKLSummarizer, KLSummarizer)],
)
@pytest.mark.parametrize("seed", [3, 8])
def test_greedy_methods_make_sumys_first_picks_then_rank_the_rest(
    fast: type, stock: type, seed: int
) -> None:
    article = generated(seed, SIZE)
    document = build_document(article)
    ours = rate_with(make_summarizer(fast, article), document)
    sumys = rate_with(make_summarizer(stock, article), document)
    assert len(ours) == len(article.sentences) == SIZE
    assert rank(ours)[:PICKS] == rank(sumys)[:PICKS]
    assert sorted(rank(ours)) == list(range(SIZE))


@pytest.mark.parametrize("seed", [3, 8])
def test_windowed_reduction_sums_sumys_edges_over_neighbouring_windows(seed: int) -> None:
    article, document, summarizer, words = article_and_words(FastReductionSummarizer, seed)
    stock = make_summarizer(ReductionSummarizer, article)
    near = near_pairs(SIZE)
    # A repeated sentence is one key in sumy, rated by all its copies: check the others.
    sentences = document.sentences
    single = [i for i in range(SIZE) if sentences.count(sentences[i]) == 1]
    assert len(single) > SIZE * 0.8
    expected = [
        sum(
            stock._rate_sentences_edge(words[i], words[j])
            for j in range(SIZE)
            if j != i and near[i, j]
        )
        for i in single
    ]
    ratings = rate_with(summarizer, document)
    assert [ratings[i] for i in single] == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("seed", [3, 8])
def test_windowed_textrank_is_sumys_matrix_over_neighbouring_windows(seed: int) -> None:
    _, document, summarizer, words = article_and_words(FastTextRankSummarizer, seed)
    near = near_pairs(SIZE)
    weights = np.array(
        [
            [TextRankSummarizer._rate_sentences_edge(words[i], words[j]) for j in range(SIZE)]
            for i in range(SIZE)
        ]
    )
    weights[~near] = 0.0
    weights /= weights.sum(axis=1)[:, np.newaxis] + summarizer._ZERO_DIVISION_PREVENTION
    expected = summarizer.damping * weights + (1.0 - summarizer.damping) / SIZE
    assert summarizer._create_matrix(document) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("seed", [3, 8])
def test_windowed_lexrank_keeps_sumys_links_within_neighbouring_windows(seed: int) -> None:
    article, _, summarizer, words = article_and_words(FastLexRankSummarizer, seed)
    stock = make_summarizer(LexRankSummarizer, article)
    tf = summarizer._compute_tf(words)
    idf = summarizer._compute_idf(words)
    ours = summarizer._create_matrix(words, summarizer.threshold, tf, idf)
    sumys = stock._create_matrix(words, stock.threshold, tf, idf)
    links = (sumys != 0) & near_pairs(SIZE)
    assert ((ours != 0) == links).all()
    assert links.sum() < (sumys != 0).sum()  # the window really left links out
    degrees = np.maximum(links.sum(axis=1, keepdims=True), 1)
    assert ours[links] == pytest.approx(np.broadcast_to(1.0 / degrees, links.shape)[links])
