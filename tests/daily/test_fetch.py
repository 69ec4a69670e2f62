"""Fetching: User-Agent, size and redirect limits, timeouts, and the ETag/Last-Modified cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.errors import InputError
from briefing.fetch import Cache, Fetcher

from .newsroom import Route, Site


def _fetcher(tmp_path: Path, **kwargs: object) -> Fetcher:
    return Fetcher(Cache(tmp_path / "cache"), **kwargs)  # type: ignore[arg-type]


def test_a_page_is_fetched_with_our_user_agent(site: Site, tmp_path: Path) -> None:
    site.routes["/a"] = Route(b"<p>hello</p>")
    response = _fetcher(tmp_path).get(site.url("/a"))
    assert response.body == b"<p>hello</p>"
    assert response.status == "fetched"
    assert response.charset == "utf-8"
    assert site.hits[0].user_agent.startswith("briefing/")


def test_a_second_get_revalidates_and_reuses_the_cached_body(site: Site, tmp_path: Path) -> None:
    site.routes["/a"] = Route(b"<p>hello</p>")
    _fetcher(tmp_path).get(site.url("/a"))
    fetcher = _fetcher(tmp_path)
    response = fetcher.get(site.url("/a"))
    assert response.status == "not-modified"
    assert response.body == b"<p>hello</p>"
    assert [h.status for h in site.hits] == [200, 304]
    assert site.hits[1].conditional
    assert (fetcher.stats.fetched, fetcher.stats.not_modified) == (0, 1)


def test_a_changed_page_is_fetched_again(site: Site, tmp_path: Path) -> None:
    site.routes["/a"] = Route(b"<p>old</p>")
    _fetcher(tmp_path).get(site.url("/a"))
    site.routes["/a"] = Route(b"<p>new</p>")
    response = _fetcher(tmp_path).get(site.url("/a"))
    assert response.status == "fetched" and response.body == b"<p>new</p>"
    assert site.hits[-1].conditional and site.hits[-1].status == 200
    assert _fetcher(tmp_path).get(site.url("/a")).body == b"<p>new</p>"


def test_without_validators_nothing_is_cached(site: Site, tmp_path: Path) -> None:
    site.routes["/a"] = Route(b"x", validators=False)
    _fetcher(tmp_path).get(site.url("/a"))
    _fetcher(tmp_path).get(site.url("/a"))
    assert [h.conditional for h in site.hits] == [False, False]


def test_max_age_serves_from_the_cache_without_a_request(site: Site, tmp_path: Path) -> None:
    site.routes["/a"] = Route(b"x", headers={"Cache-Control": "max-age=3600"})
    _fetcher(tmp_path).get(site.url("/a"))
    response = _fetcher(tmp_path).get(site.url("/a"))
    assert response.status == "fresh" and response.body == b"x"
    assert len(site.hits) == 1


def test_an_error_status_names_the_url(site: Site, tmp_path: Path) -> None:
    fetcher = _fetcher(tmp_path)
    with pytest.raises(InputError) as caught:
        fetcher.get(site.url("/missing"))
    assert caught.value.source == site.url("/missing")
    assert caught.value.problem == "HTTP 404 Not Found"
    assert fetcher.stats.failed == 1


def test_too_large_is_refused(site: Site, tmp_path: Path) -> None:
    site.routes["/big"] = Route(b"x" * 5000)
    with pytest.raises(InputError, match="over the 1,000-byte limit"):
        _fetcher(tmp_path, max_bytes=1000).get(site.url("/big"))


def test_redirects_are_followed_up_to_the_limit(site: Site, tmp_path: Path) -> None:
    for n in range(1, 5):
        site.routes[f"/r{n}"] = Route(
            b"", status=302, headers={"Location": site.url(f"/r{n + 1}")}, validators=False
        )
    site.routes["/r5"] = Route(b"arrived")
    response = _fetcher(tmp_path, max_redirects=4).get(site.url("/r1"))
    assert response.body == b"arrived"
    assert response.final_url == site.url("/r5")
    with pytest.raises(InputError, match="more than 3 redirects"):
        _fetcher(tmp_path, max_redirects=3).get(site.url("/r1"))


def test_a_redirect_off_the_web_is_refused(site: Site, tmp_path: Path) -> None:
    site.routes["/sneaky"] = Route(
        b"", status=302, headers={"Location": "file:///etc/passwd"}, validators=False
    )
    with pytest.raises(InputError, match="non-web address"):
        _fetcher(tmp_path).get(site.url("/sneaky"))


def test_a_slow_server_times_out(site: Site, tmp_path: Path) -> None:
    site.routes["/slow"] = Route(b"late", delay=1.0)
    with pytest.raises(InputError, match="timed out"):
        _fetcher(tmp_path, timeout=0.2).get(site.url("/slow"))


def test_only_web_addresses_are_fetched(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="only http and https"):
        _fetcher(tmp_path).get("file:///etc/passwd")


def test_a_refused_connection_is_a_clear_error(tmp_path: Path) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(InputError, match="refused"):
        _fetcher(tmp_path).get(f"http://127.0.0.1:{port}/")


def test_a_damaged_cache_file_is_ignored(site: Site, tmp_path: Path) -> None:
    site.routes["/a"] = Route(b"body")
    _fetcher(tmp_path).get(site.url("/a"))
    for path in (tmp_path / "cache").glob("*.cache"):
        path.write_bytes(path.read_bytes()[:-2])
    assert _fetcher(tmp_path).get(site.url("/a")).status == "fetched"
