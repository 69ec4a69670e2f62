"""An Article as the `briefing read --json` record, a contract other tools rely on."""

from __future__ import annotations

from typing import Any

from briefing.models import Article


def article_record(article: Article) -> dict[str, Any]:
    """{"title", "source", "url", "site", "authors", "published", "language", "text", "sentences"}.

    `text` is the body (paragraphs and subheads in order, blank-line separated,
    without the title); `sentences` are the body sentences, indexed as
    `summarize --json` indexes them; `published` is an ISO date or null.
    """
    return {
        "title": article.title,
        "source": article.source,
        "url": article.url or None,
        "site": article.site or None,
        "authors": list(article.authors),
        "published": article.published.date().isoformat() if article.published else None,
        "language": article.language,
        "text": article.text,
        "sentences": list(article.sentences),
    }
