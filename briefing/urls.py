"""Telling a web address from a file name: only `urllib.parse`, so reading a local file never
loads the downloader (`briefing.fetch` and its HTTP stack cost a fifth of `summarize`'s start-up)."""

from __future__ import annotations

import urllib.parse


def is_web_url(text: str) -> bool:
    """Whether `text` is an http(s) address rather than a path."""
    return urllib.parse.urlsplit(text).scheme.lower() in ("http", "https")
