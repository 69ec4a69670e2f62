"""Hostile servers and feeds: trickled bodies, packed bodies, zip bombs, odd charsets, huge windows."""

from __future__ import annotations

import gzip
import socket
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.daily.sources import page_candidate
from briefing.daily.stories import parse_since
from briefing.errors import InputError
from briefing.fetch import Fetcher

from .newsroom import Route, Site

PAGE = (
    b"<html><head><title>Harbour tunnel</title></head><body><article><h1>Harbour tunnel</h1>"
    + b"<p>The harbour tunnel opened six months early on Monday, the council said.</p>" * 8
    + b"</article></body></html>"
)


@pytest.fixture
def trickle() -> Iterator[str]:
    """A server that sends its headers, then one byte of body every 0.1 s, for ever."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(4)
    stop = threading.Event()

    def run() -> None:
        conn, _ = server.accept()
        conn.recv(4096)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n")
        while not stop.is_set():
            try:
                conn.sendall(b"x")
            except OSError:
                break
            time.sleep(0.1)
        conn.close()

    threading.Thread(target=run, daemon=True).start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/slow"
    stop.set()
    server.close()


def test_the_timeout_is_for_the_whole_download_not_each_read(trickle: str) -> None:
    started = time.monotonic()
    with pytest.raises(InputError, match="longer than 1 seconds"):
        Fetcher(None, timeout=1.0).get(trickle)
    # each read gets a byte well within 1 s; only a total deadline stops this one
    assert time.monotonic() - started < 30


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_a_packed_page_is_unpacked(site: Site, encoding: str) -> None:
    body = gzip.compress(PAGE) if encoding == "gzip" else zlib.compress(PAGE)
    site.routes["/a"] = Route(body, headers={"Content-Encoding": encoding})
    assert Fetcher(None).get(site.url("/a")).body == PAGE


def test_a_zip_bomb_is_refused_at_the_size_limit(site: Site) -> None:
    site.routes["/bomb"] = Route(
        gzip.compress(b"\0" * 2_000_000), headers={"Content-Encoding": "gzip"}
    )
    with pytest.raises(InputError, match="to more than the 100,000-byte limit"):
        Fetcher(None, max_bytes=100_000).get(site.url("/bomb"))


@pytest.mark.parametrize("charset", ["idna", "punycode", "x-no-such-charset", "utf-7", "rot13"])
def test_odd_charset_labels_fall_back_to_detection(charset: str) -> None:
    found = page_candidate("http://x.test/a", PAGE, "http://x.test/a", charset)
    assert "harbour tunnel opened" in " ".join(found.article.sentences).lower()


@pytest.mark.parametrize("text", ["99999999d", "1e9w", "9" * 400 + "h", "100000w"])
def test_a_window_too_long_for_a_calendar_is_a_clear_error(text: str) -> None:
    with pytest.raises(ValueError, match=r"is longer than|is not a duration"):
        parse_since(text)


def test_a_ten_year_window_is_fine() -> None:
    assert parse_since("3650d").days == 3650


def test_cli_since_far_too_long_is_one_line_and_usage(tmp_path: Path) -> None:
    from support import run_cli

    result = run_cli("daily", "--since", "99999999d", str(tmp_path / "feed.xml"), cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
