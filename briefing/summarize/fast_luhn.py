"""Luhn without the slow parts: cached stems and set lookups for the significant words.

sumy's LuhnSummarizer stems every word twice and checks each stem against a
tuple of significant stems (a linear scan per word). The rating logic is
sumy's own; only the lookups are faster, so the ratings are sumy's exactly.
"""

from __future__ import annotations

from typing import Any

from sumy.nlp.stemmers import null_stemmer
from sumy.summarizers.luhn import LuhnSummarizer

from briefing.summarize.terms import cached_stemmer


class FastLuhnSummarizer(LuhnSummarizer):
    """sumy's LuhnSummarizer with cached stems and a frozenset of significant stems."""

    def __init__(self, stemmer: Any = null_stemmer) -> None:
        super().__init__(cached_stemmer(stemmer))

    def __call__(self, document: Any, sentences_count: Any) -> Any:
        words = frozenset(self._get_significant_words(document.words))
        return self._get_best_sentences(
            document.sentences, sentences_count, self.rate_sentence, words
        )
