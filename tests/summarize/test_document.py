"""Our document model reads, to sumy's summarizers, exactly as sumy's own ObjectDocumentModel does."""

from __future__ import annotations

import pytest
from fast_corpus import corner_cases, generated, sample_articles
from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.summarizers.edmundson import EdmundsonSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from briefing.models import Article
from briefing.summarize.sumy_methods import build_document, make_summarizer, rate_with
from briefing.text import OfflineTokenizer

STOCK = [
    EdmundsonSummarizer,
    LexRankSummarizer,
    LuhnSummarizer,
    ReductionSummarizer,
    SumBasicSummarizer,
    TextRankSummarizer,
]


def sumys_document(article: Article) -> ObjectDocumentModel:
    """The article in sumy's own classes, laid out as build_document lays it out."""
    tokenizer = OfflineTokenizer(article.language)
    paragraphs = [Paragraph([Sentence(article.title, tokenizer, is_heading=True)])]
    for block in article.blocks:
        paragraphs.append(
            Paragraph(
                [Sentence(s, tokenizer, is_heading=block.is_heading) for s in block.sentences]
            )
        )
    return ObjectDocumentModel(paragraphs)


def articles() -> list[Article]:
    return [*sample_articles(), *corner_cases(), generated(7, 120)]


def test_same_sentences_words_and_headings() -> None:
    for article in articles():
        ours, theirs = build_document(article), sumys_document(article)
        assert [str(s) for s in ours.sentences] == [str(s) for s in theirs.sentences]
        assert [str(s) for s in ours.headings] == [str(s) for s in theirs.headings]
        assert ours.words == theirs.words
        assert [p.words for p in ours.paragraphs] == [p.words for p in theirs.paragraphs]
        assert [str(s) for s in ours.sentences] == list(article.sentences)


@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # stock LexRank on a graph without links
@pytest.mark.parametrize("cls", STOCK, ids=lambda c: c.__name__)
def test_stock_sumy_rates_our_model_as_its_own(cls: type) -> None:
    """Repeated sentences included: sumy keys ratings by sentence, ours compare as sumy's do."""
    for article in articles():
        ours = rate_with(make_summarizer(cls, article), build_document(article))
        theirs = rate_with(make_summarizer(cls, article), sumys_document(article))
        assert ours == theirs, article.source
