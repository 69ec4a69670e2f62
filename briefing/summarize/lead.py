"""Lead: the first sentences of the article, the classic news baseline."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.models import Article


def rate_lead(article: Article) -> list[float]:
    """Earlier sentences score higher, so the best-first ranking is article order."""
    count = len(article.sentences)
    return [1.0 - i / max(count, 1) for i in range(count)]
