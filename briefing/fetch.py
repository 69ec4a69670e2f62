"""HTTP(S) downloads for article URLs and the daily brief: polite, bounded, cached by URL."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from dataclasses import dataclass, field
from http.client import HTTPException, HTTPMessage
from pathlib import Path
from typing import IO, Any

from briefing.addresses import public_handlers, refuse_private
from briefing.errors import InputError, OutputError
from briefing.files import remove_stale_parts, write_bytes
from briefing.sanitize import for_terminal
from briefing.urls import is_web_url

TIMEOUT = 20.0
"""Seconds allowed for connecting, for any single read, and for a whole download."""
MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
CACHE_DAYS = 14
"""Cached responses unused for this long are deleted."""


def user_agent() -> str:
    """Says who we are, so site owners can tell a briefing run from a crawler."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        ours = version("briefing")
    except PackageNotFoundError:
        ours = "0"
    return f"briefing/{ours} (daily news briefing; one request per feed or article)"


@dataclass(frozen=True)
class Response:
    """A page or feed body, from the network or the cache."""

    url: str
    """The address asked for."""
    final_url: str
    """Where redirects led; relative links resolve against this."""
    body: bytes
    content_type: str
    status: str
    """"fetched" (a new body), "not-modified" (304, cached body) or "fresh" (cache, no request)."""

    @property
    def charset(self) -> str | None:
        match = re.search(r"charset=([\w.:-]+)", self.content_type, re.I)
        return match.group(1) if match else None


@dataclass
class Stats:
    """What a run's downloads cost: new bodies, cache revalidations and failures."""

    fetched: int = 0
    not_modified: int = 0
    fresh: int = 0
    failed: int = 0
    urls: list[str] = field(default_factory=list)
    """Every URL whose body came over the network, in order."""


class Cache:
    """One file per URL: a JSON header line, then the body; replaced atomically."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, url: str) -> Path:
        return self.folder / (hashlib.sha256(url.encode("utf-8")).hexdigest()[:40] + ".cache")

    def load(self, url: str) -> tuple[dict[str, Any], bytes] | None:
        try:
            data = self._path(url).read_bytes()
        except OSError:
            return None
        head, sep, body = data.partition(b"\n")
        if not sep:
            return None
        try:
            meta = json.loads(head)
        except ValueError:
            return None
        if not isinstance(meta, dict) or meta.get("url") != url or meta.get("size") != len(body):
            return None
        return meta, body

    def store(self, url: str, meta: dict[str, Any], body: bytes) -> None:
        """Best effort: a cache that can't be written only costs a refetch next time."""
        meta = {**meta, "url": url, "size": len(body), "stored": time.time()}
        with contextlib.suppress(OutputError, OSError):
            write_bytes(
                self._path(url), json.dumps(meta).encode("utf-8") + b"\n" + body, force=True
            )

    def touch(self, url: str) -> None:
        with contextlib.suppress(OSError):
            os.utime(self._path(url))

    def prune(self, days: float = CACHE_DAYS) -> None:
        """Forget responses no run has used for `days` days."""
        limit = time.time() - days * 86400
        remove_stale_parts(self.folder)  # scratch files of killed runs
        with contextlib.suppress(OSError):
            for path in self.folder.glob("*.cache"):
                with contextlib.suppress(OSError):
                    if path.stat().st_mtime < limit:
                        path.unlink()


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http(s) addresses (the limit is set by `_redirects`)."""

    public_only = False
    """Also refuse a redirect to a local or private address (for links found in feeds)."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if not is_web_url(newurl):
            raise urllib.error.HTTPError(newurl, code, "redirect to a non-web address", headers, fp)
        if self.public_only:
            refuse_private(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _redirects(limit: int, *, public_only: bool = False) -> _Redirects:
    """A handler following at most `limit` redirects (urllib keeps the limits on the class)."""

    class Limited(_Redirects):
        max_redirections = limit
        max_repeats = min(_Redirects.max_repeats, limit)

    Limited.public_only = public_only

    return Limited()


class Fetcher:
    """Downloads with a timeout, a size limit, a User-Agent, a redirect limit and a cache.

    Every failure is an InputError naming the URL, so callers can report the
    source and carry on with the others.
    """

    def __init__(
        self,
        cache: Cache | None = None,
        *,
        timeout: float = TIMEOUT,
        max_bytes: int = MAX_BYTES,
        max_redirects: int = MAX_REDIRECTS,
        agent: str | None = None,
    ) -> None:
        self.cache = cache
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.agent = agent or user_agent()
        self.stats = Stats()
        # No ProxyHandler: the environment's proxy settings still apply through urllib's default.
        self._opener = urllib.request.build_opener(_redirects(max_redirects))
        self._public_opener = urllib.request.build_opener(
            _redirects(max_redirects, public_only=True), *public_handlers()
        )

    def get(self, url: str, *, public_only: bool = False) -> Response:
        """The body at `url`, revalidated against the cache when we have a copy.

        Args:
            public_only: refuse a host (or a redirect's host) that resolves to a
                loopback, link-local or private address: for links a feed or page
                gave, which must not reach into the user's own network.

        Raises:
            InputError: not an http(s) URL, network error, HTTP error status,
                too large, too slow, too many redirects, or a refused address.
        """
        if not is_web_url(url):
            raise InputError(url, "only http and https addresses can be fetched")
        if public_only:
            try:
                refuse_private(url)
            except InputError:
                self.stats.failed += 1
                raise
        cached = self.cache.load(url) if self.cache else None
        if cached and _still_fresh(cached[0]):
            self.stats.fresh += 1
            self.cache.touch(url)  # type: ignore[union-attr]
            return _from_cache(url, cached, "fresh")
        headers = {"User-Agent": self.agent, "Accept": "*/*", "Accept-Encoding": "gzip"}
        if cached:
            if etag := cached[0].get("etag"):
                headers["If-None-Match"] = etag
            if modified := cached[0].get("last_modified"):
                headers["If-Modified-Since"] = modified
        try:
            response = self._download_within(url, headers, public_only)
        except urllib.error.HTTPError as exc:
            if exc.code == 304 and cached:
                self.stats.not_modified += 1
                self.cache.touch(url)  # type: ignore[union-attr]
                return _from_cache(url, cached, "not-modified")
            self.stats.failed += 1
            raise InputError(url, _http_problem(exc, self.max_redirects)) from None
        except InputError:
            self.stats.failed += 1
            raise
        except (urllib.error.URLError, OSError, HTTPException, ValueError) as exc:
            self.stats.failed += 1
            raise InputError(url, _network_problem(exc)) from None
        self.stats.fetched += 1
        self.stats.urls.append(url)
        return response

    def _download_within(self, url: str, headers: dict[str, str], public_only: bool) -> Response:
        """_download with one deadline for all of it: a server that trickles headers or
        body a byte at a time is given up on after `timeout` seconds, not per read."""
        outcome: list[Response | BaseException] = []

        def work() -> None:
            try:
                outcome.append(self._download(url, headers, public_only))
            except BaseException as exc:  # handed to the caller's thread below
                outcome.append(exc)

        worker = threading.Thread(target=work, name="briefing-download", daemon=True)
        worker.start()
        worker.join(self.timeout + 1.0)
        if not outcome:
            raise InputError(url, f"download took longer than {self.timeout:g} seconds")
        if isinstance(outcome[0], BaseException):
            raise outcome[0]
        return outcome[0]

    def _download(self, url: str, headers: dict[str, str], public_only: bool) -> Response:
        request = urllib.request.Request(url, headers=headers)
        deadline = time.monotonic() + self.timeout
        opener = self._public_opener if public_only else self._opener
        with opener.open(request, timeout=self.timeout) as reply:
            length = reply.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > self.max_bytes:
                raise InputError(
                    url, f"{int(length):,} bytes, over the {self.max_bytes:,}-byte limit"
                )
            parts: list[bytes] = []
            size = 0
            while chunk := reply.read1(65536):
                size += len(chunk)
                if size > self.max_bytes:
                    raise InputError(url, f"more than the {self.max_bytes:,}-byte limit")
                if time.monotonic() > deadline:
                    raise InputError(url, f"download took longer than {self.timeout:g} seconds")
                parts.append(chunk)
            body = b"".join(parts)
            encoding = reply.headers.get("Content-Encoding", "").strip().lower()
            if encoding in ("gzip", "x-gzip", "deflate"):
                body = _decompress(url, body, encoding, self.max_bytes)
            elif encoding not in ("", "identity"):
                raise InputError(url, f"the server sent an unsupported encoding {encoding!r}")
            cache_control = reply.headers.get("Cache-Control", "")
            meta = {
                "final_url": reply.geturl(),
                "content_type": reply.headers.get("Content-Type", ""),
                "etag": reply.headers.get("ETag"),
                "last_modified": reply.headers.get("Last-Modified"),
                "max_age": _max_age(cache_control, reply.headers.get("Age", "")),
            }
        storable = not re.search(r"\bno-store\b", cache_control, re.I)
        if self.cache and storable and (meta["etag"] or meta["last_modified"] or meta["max_age"]):
            self.cache.store(url, meta, body)
        return Response(url, meta["final_url"], body, meta["content_type"], "fetched")


def _from_cache(url: str, cached: tuple[dict[str, Any], bytes], status: str) -> Response:
    meta, body = cached
    return Response(url, meta.get("final_url") or url, body, meta.get("content_type") or "", status)


def _decompress(url: str, body: bytes, encoding: str, limit: int) -> bytes:
    """A gzip or deflate body decoded, refusing one that inflates past `limit` bytes."""
    wbits = 16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS
    try:
        inflater = zlib.decompressobj(wbits)
        data = inflater.decompress(body, limit + 1)
    except zlib.error:
        if "gzip" in encoding:
            raise InputError(url, "the server sent a broken gzip body") from None
        try:  # some servers send raw deflate without the zlib header
            inflater = zlib.decompressobj(-zlib.MAX_WBITS)
            data = inflater.decompress(body, limit + 1)
        except zlib.error:
            raise InputError(url, "the server sent a broken deflate body") from None
    if len(data) > limit or inflater.unconsumed_tail:
        raise InputError(url, f"decompresses to more than the {limit:,}-byte limit")
    return data


def _max_age(cache_control: str, age: str = "") -> int | None:
    """Seconds a response stays fresh from now: max-age less the `Age` it already has."""
    if re.search(r"\bno-(?:cache|store)\b", cache_control, re.I):
        return None
    match = re.search(r"\bmax-age\s*=\s*(\d{1,10})(?!\d)", cache_control, re.I)
    if not match:
        return None
    spent = int(age.strip()) if age.strip().isdecimal() and len(age.strip()) <= 10 else 0
    return max(0, int(match.group(1)) - spent)


def _still_fresh(meta: dict[str, Any]) -> bool:
    max_age = meta.get("max_age")
    stored = meta.get("stored")
    if not isinstance(max_age, int) or not isinstance(stored, (int, float)):
        return False
    return time.time() < stored + max_age


def _http_problem(exc: urllib.error.HTTPError, redirects: int) -> str:
    if 300 <= exc.code < 400:
        reason = str(exc.reason)
        if "infinite loop" in reason:
            return f"more than {redirects} redirects"
        if "not allowed" in reason or reason.startswith("redirect to"):
            target = exc.headers.get("Location", "") if exc.headers else ""
            return f"redirect to a non-web address {target!r}"
        return f"HTTP {exc.code} without a usable redirect"
    reason = for_terminal(exc.reason[:200]) if isinstance(exc.reason, str) else ""
    return f"HTTP {exc.code}" + (f" {reason}" if reason else "")


def _network_problem(exc: BaseException) -> str:
    reason: object = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return "timed out"
    if isinstance(reason, socket.gaierror):
        return "host not found"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror.lower()
    return str(reason) or type(reason).__name__
