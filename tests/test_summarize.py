"""Summarize: every method by name, lengths by sentences/words/ratio, verbatim sentences in article order."""

from __future__ import annotations

import pytest
from conftest import SAMPLES

from briefing.errors import UsageError
from briefing.ingest import read_article
from briefing.summarize import METHODS, Length, summarize

ALL_METHODS = sorted(METHODS)


@pytest.fixture(scope="module")
def article():
    return read_article(SAMPLES / "harbour-tunnel.txt")


@pytest.mark.parametrize("method", ALL_METHODS)
def test_every_method_returns_verbatim_sentences_in_order(article, method: str) -> None:
    summary = summarize(article, method, Length(sentences=3))
    assert summary.method == method
    assert len(summary.picks) == 3
    indices = [p.index for p in summary.picks]
    assert indices == sorted(indices)
    for pick in summary.picks:
        assert article.sentences[pick.index] == pick.text
    assert len(summary.scores) == len(article.sentences)


def test_lead_takes_the_first_sentences(article) -> None:
    summary = summarize(article, "lead", Length(sentences=4))
    assert [p.index for p in summary.picks] == [0, 1, 2, 3]


def test_sumy_selection_is_reproduced(article) -> None:
    """Our rating capture picks what sumy itself picks on the same document."""
    from sumy.summarizers.lex_rank import LexRankSummarizer

    from briefing.summarize.sumy_methods import build_document, make_summarizer

    document = build_document(article)
    expected = [str(s) for s in make_summarizer(LexRankSummarizer, article)(document, 4)]
    assert list(summarize(article, "lexrank", Length(sentences=4)).sentences) == expected


def test_word_budget(article) -> None:
    summary = summarize(article, "lexrank", Length(words=60))
    assert len(summary.picks) >= 1
    assert summary.word_count <= 60 or len(summary.picks) == 1


def test_ratio(article) -> None:
    summary = summarize(article, "luhn", Length(ratio=0.25))
    assert len(summary.picks) == round(len(article.sentences) * 0.25)


def test_asking_for_more_sentences_than_exist_returns_all_with_a_note(article) -> None:
    summary = summarize(article, "textrank", Length(sentences=500))
    assert len(summary.picks) == len(article.sentences)
    assert summary.notes and "only" in summary.notes[0]


def test_edmundson_uses_title_cue_words(article) -> None:
    summary = summarize(article, "edmundson", Length(sentences=2))
    assert len(summary.picks) == 2


def test_unknown_method_is_a_usage_error(article) -> None:
    with pytest.raises(UsageError, match="known:"):
        summarize(article, "magic")


def test_length_rejects_two_sizes() -> None:
    with pytest.raises(ValueError, match="only one"):
        Length(sentences=3, words=40)
