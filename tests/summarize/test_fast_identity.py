"""The fast summarizers rate, and so pick, exactly as stock sumy does, on real and generated articles.

Every fast method except LSA must give the very same rating to every sentence
(compared with ==), which makes every selection identical whatever the
length asked. LSA gives sumy's ratings (to rounding) and sumy's ranking except
the order within groups of equal ratings, which sumy leaves to noise (see
briefing/summarize/fast_lsa.py).

By default a subset of the dev set is used; BRIEFING_FULL_IDENTITY=1 checks
all of it and longer documents.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import os
import subprocess
import sys
import textwrap
import warnings

import pytest
from fast_corpus import corner_cases, dev_articles, generated, merged, sample_articles

from briefing.models import Article
from briefing.summarize import rank
from briefing.summarize.fast_edmundson import FastEdmundsonSummarizer
from briefing.summarize.fast_kl import FastKLSummarizer
from briefing.summarize.fast_lexrank import FastLexRankSummarizer
from briefing.summarize.fast_lsa import FastLsaSummarizer
from briefing.summarize.fast_luhn import FastLuhnSummarizer
from briefing.summarize.fast_reduction import FastReductionSummarizer
from briefing.summarize.fast_sumbasic import FastSumBasicSummarizer
from briefing.summarize.fast_textrank import FastTextRankSummarizer
from briefing.summarize.registry import METHODS
from briefing.summarize.sumy_methods import build_document, make_summarizer, rate_with

FULL = os.environ.get("BRIEFING_FULL_IDENTITY") == "1"

FAST = {
    "lexrank": FastLexRankSummarizer,
    "textrank": FastTextRankSummarizer,
    "lsa": FastLsaSummarizer,
    "luhn": FastLuhnSummarizer,
    "kl": FastKLSummarizer,
    "sumbasic": FastSumBasicSummarizer,
    "reduction": FastReductionSummarizer,
    "edmundson": FastEdmundsonSummarizer,
}
EXACT = [name for name in FAST if name != "lsa"]

SLOW_STOCK = {"kl": 120}
"""Stock sumy's KL-Sum is cubic: longer documents would take minutes to check."""


def stock_class(name: str) -> type:
    """The sumy class a fast one replaces (its first base from sumy)."""
    return next(c for c in FAST[name].__mro__ if c.__module__.startswith("sumy."))


def documents(corpus: str, method: str) -> list[Article]:
    limit = SLOW_STOCK.get(method, 10**9)
    dev = dev_articles()
    if corpus == "samples":
        return [*sample_articles(), *corner_cases()]
    if corpus == "dev":
        if not dev:
            pytest.skip("dev set not on this machine")
        return list(dev if FULL else dev[::6])
    if corpus == "generated":
        articles = [
            generated(seed, min(size, limit)) for seed, size in enumerate((40, 90, 150, 60))
        ]
        # another language: German stemmer and stop words
        return [*articles, dataclasses.replace(generated(4, 70), language="german")]
    # long: a merged daily brief of dev articles, or a generated one
    size = min(800 if FULL else 300, limit)
    return [merged(dev, size, start=7) if dev else generated(99, size), generated(100, size)]


def ratings(cls: type, article: Article, document: object) -> list[float]:
    return rate_with(make_summarizer(cls, article), document)


@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # stock LexRank on a graph without edges
@pytest.mark.parametrize("corpus", ["samples", "dev", "generated", "long"])
@pytest.mark.parametrize("method", EXACT)
def test_same_ratings_as_sumy(method: str, corpus: str) -> None:
    different = []
    for article in documents(corpus, method):
        document = build_document(article)
        stock = ratings(stock_class(method), article, document)
        fast = ratings(FAST[method], article, document)
        if fast != stock:
            different.append(article.source)
    assert not different, f"{method} differs from sumy on {different}"


@pytest.mark.filterwarnings("ignore::UserWarning")
@pytest.mark.parametrize("corpus", ["samples", "dev", "generated", "long"])
def test_lsa_same_ranking_as_sumy_up_to_ties(corpus: str) -> None:
    for article in documents(corpus, "lsa"):
        document = build_document(article)
        stock = ratings(stock_class("lsa"), article, document)
        fast = ratings(FastLsaSummarizer, article, document)
        assert fast == pytest.approx(stock, rel=1e-9, abs=1e-12), article.source
        # sumy's ranking never puts a lower closed-form rating before a higher one...
        in_sumy_order = [fast[i] for i in rank(stock)]
        assert in_sumy_order == sorted(in_sumy_order, reverse=True), article.source
        # ...so any top-k selection matches, up to which of the tied sentences fill it.
        for k in (1, 3, 5, 10):
            ours, theirs = rank(fast)[:k], rank(stock)[:k]
            assert sorted(fast[i] for i in ours) == sorted(fast[i] for i in theirs), article.source


def test_registry_uses_the_fast_classes() -> None:
    article = generated(7, 50)
    for name, cls in FAST.items():
        assert issubclass(cls, stock_class(name))
        assert stock_class(name).__module__.startswith("sumy.summarizers.")
        expected = ratings(cls, article, build_document(article))
        assert METHODS[name].rate(article) == expected, name


LSA_TIES = textwrap.dedent(
    """
    import json
    from briefing.models import Article, Block
    from briefing.summarize.registry import METHODS
    words = "harbour tunnel mayor budget traffic bridge lorries crossing engineers ferry".split()
    sentences = [f"The {a} and the {b} met a {c}." for a, b, c in zip(words, words[3:], words[6:])]
    article = Article("Ties", "ties", (Block(tuple(sentences * 2)),))
    print(json.dumps(METHODS["lsa"].rate(article)))
    """
)


def test_lsa_ties_do_not_depend_on_the_hash_seed() -> None:
    """sumy bug: its LSA orders equal ratings by SVD noise that follows the hash seed."""
    runs = []
    for seed in ("1", "2", "3"):
        proc = subprocess.run(
            [sys.executable, "-c", LSA_TIES],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
        )
        runs.append(json.loads(proc.stdout))
    assert runs[0] == runs[1] == runs[2]
    scores = runs[0]
    assert len(set(scores)) < len(scores)  # the article really has ties
    order = rank(scores)
    for a, b in itertools.pairwise(order):
        if scores[a] == scores[b]:
            assert a < b  # equal ratings keep article order


def test_lexrank_without_links_rates_all_zero_without_a_warning() -> None:
    """sumy wart: a graph without edges makes its power method divide by zero (and warn)."""
    article = next(a for a in corner_cases() if a.source == "corner:stop words only")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        scores = METHODS["lexrank"].rate(article)
    assert scores == [0.0] * len(article.sentences)


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
@pytest.mark.parametrize("method", ["lexrank", "textrank"])
def test_long_document_graphs_match_sumy_to_rounding(
    method: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past graph.DENSE_LIMIT the power method runs on edges: same ratings up to rounding."""
    monkeypatch.setattr(sys.modules[FAST[method].__module__], "DENSE_LIMIT", 0)
    for article in [*documents("samples", method), *documents("generated", method)]:
        document = build_document(article)
        stock = ratings(stock_class(method), article, document)
        fast = ratings(FAST[method], article, document)
        assert fast == pytest.approx(stock, rel=1e-9, abs=1e-15), article.source
        for k in (1, 3, 5, 10):
            assert sorted(rank(fast)[:k]) == sorted(rank(stock)[:k]), article.source
