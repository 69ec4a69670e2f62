"""Fixtures for the daily brief: the local news site, served on 127.0.0.1 for one test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .newsroom import Site, install_news, serve


@pytest.fixture
def site() -> Iterator[Site]:
    """An empty site; tests add routes."""
    with serve(Site()) as served:
        yield served


@pytest.fixture
def news(site: Site) -> Site:
    """The RSS feed, the Atom feed (sharing one story), their pages and one broken link."""
    install_news(site)
    return site


@pytest.fixture(autouse=True)
def fresh_extraction() -> Iterator[None]:
    """trafilatura's deduplication remembers text across calls in one process, and drops a
    paragraph it has seen a few times: every test starts with none seen, as a run does."""
    from trafilatura.meta import reset_caches

    reset_caches()
    yield
