"""Edmundson without the slow part: each distinct word stemmed once.

sumy's EdmundsonSummarizer runs its cue, title and location methods one after
the other, each stemming every word of the document again (and every stop word
when the null words are set). All of them share one caching stemmer here; the
rating logic is sumy's own, so the ratings are sumy's exactly.
"""

from __future__ import annotations

from typing import Any

from sumy.nlp.stemmers import null_stemmer
from sumy.summarizers.edmundson import EdmundsonSummarizer

from briefing.summarize.terms import cached_stemmer


class FastEdmundsonSummarizer(EdmundsonSummarizer):
    """sumy's EdmundsonSummarizer with a caching stemmer shared by its methods."""

    def __init__(self, stemmer: Any = null_stemmer, *args: Any, **kwargs: Any) -> None:
        super().__init__(cached_stemmer(stemmer), *args, **kwargs)
