"""A tiny news web site on 127.0.0.1 for the daily-brief tests: two feeds, their pages, a broken link.

Everything here is written for these tests (fictional towns, papers and people).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from support import Result, run_cli

LAST_MODIFIED = email.utils.formatdate(1_700_000_000, usegmt=True)


@dataclass
class Route:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    validators: bool = True
    """Send ETag and Last-Modified, and answer conditional requests with 304."""
    delay: float = 0.0


@dataclass
class Hit:
    path: str
    status: int
    user_agent: str
    conditional: bool


class Site:
    """Routes by path, and a log of every request with the status it got."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[Hit] = []
        self.base = ""
        self._lock = threading.Lock()

    def url(self, path: str) -> str:
        return self.base + path

    def log(self, hit: Hit) -> None:
        with self._lock:
            self.hits.append(hit)

    def bodies_sent(self) -> list[str]:
        """Paths answered with a full body (status 200)."""
        return [h.path for h in self.hits if h.status == 200]


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            route = site.routes.get(self.path)
            conditional = bool(
                self.headers.get("If-None-Match") or self.headers.get("If-Modified-Since")
            )
            agent = self.headers.get("User-Agent", "")
            if route is None:
                route = Route(b"<html><body><h1>Not found</h1></body></html>", status=404)
                route.validators = False
            if route.delay:
                time.sleep(route.delay)
            etag = '"' + hashlib.sha256(route.body).hexdigest()[:16] + '"'
            # As RFC 9110 says: If-None-Match decides when present, else If-Modified-Since.
            if self.headers.get("If-None-Match"):
                unchanged = self.headers.get("If-None-Match") == etag
            else:
                unchanged = self.headers.get("If-Modified-Since") == LAST_MODIFIED
            if route.status == 200 and route.validators and unchanged:
                site.log(Hit(self.path, 304, agent, conditional))
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            site.log(Hit(self.path, route.status, agent, conditional))
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(route.body)))
            if route.validators and route.status == 200:
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", LAST_MODIFIED)
            for key, value in route.headers.items():
                self.send_header(key, value)
            self.end_headers()
            with suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(route.body)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the test reads `site.hits` instead."""

    return Handler


@contextmanager
def serve(site: Site) -> Iterator[Site]:
    """Serve `site` on a free port of 127.0.0.1 until the block ends."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# ---- the news -----------------------------------------------------------------------------

BRIDGE_GAZETTE = "Council approves Mill River bridge after decade of debate"
BRIDGE_VALLEY = "Mill River crossing wins council vote; opening planned for 2027"
LIBRARY = "Carnegie library in Eastfield reopens after restoration"
MISSING = "Harvest fair returns to Riverside green this weekend"
SCHOOL = "Valley schools add a second bus route for rural pupils"
OLD = "Snow closes the hill road for the first time this year"

PAGES = {
    "/gazette/bridge.html": (
        BRIDGE_GAZETTE,
        "Riverside Gazette",
        [
            "The Riverside city council voted seven to two on Monday night to approve a new "
            "bridge over the Mill River, ending a debate that has lasted almost ten years.",
            "The $40 million crossing will link the east bank with the Harrow industrial park "
            "and is expected to open in the spring of 2027, council officials said.",
            "Opponents argued that the money would be better spent repairing existing roads, "
            "and several residents spoke against the plan during a three-hour public hearing.",
            "Mayor Ana Torres said the bridge would cut commuting times by up to twenty minutes "
            "for the thousands of people who work in the park.",
            "Construction is due to begin in March, and the old ferry landing will close for "
            "the duration of the works.",
        ],
    ),
    "/valley/mill-river-crossing.html": (
        BRIDGE_VALLEY,
        "Valley Times",
        [
            "Councillors in Riverside have backed plans for a $40 million bridge across the "
            "Mill River by a vote of seven to two, settling a long-running row.",
            "The crossing, which links the east bank to the Harrow industrial park, should "
            "carry its first traffic in 2027.",
            "Mayor Ana Torres told the meeting that workers at the park could save twenty "
            "minutes each way once the Mill River bridge opens.",
            "Critics of the scheme, who packed Monday's hearing, said the council should fix "
            "potholes before building new roads.",
        ],
    ),
    "/gazette/library.html": (
        LIBRARY,
        "Riverside Gazette",
        [
            "The Carnegie library in Eastfield opened its doors again on Saturday after a "
            "three-year restoration of its leaking dome and its wiring.",
            "A new lift means every floor can now be reached without stairs, and the reading "
            "room has been returned to its original layout.",
            "Librarian Tom Okafor said more than six hundred people came through the doors in "
            "the first hour, many of them children with new library cards.",
            "The restoration cost $3.1 million, most of it raised by a local trust.",
        ],
    ),
    "/valley/school.html": (
        SCHOOL,
        "Valley Times",
        [
            "The Valley school district will run a second bus route from September so that "
            "pupils in the northern farms no longer spend an hour on the road each morning.",
            "The district's transport manager, Ruth Lindqvist, said two new drivers had been "
            "hired and a smaller bus bought for the narrow lanes above Kettle Ford.",
            "Parents had petitioned the school board for two years, saying the single route "
            "left some children waiting in the dark during the winter months.",
            "The new route will cost about $85,000 a year, paid from the district's reserves.",
        ],
    ),
}


def page_html(path: str) -> bytes:
    title, site_name, paragraphs = PAGES[path]
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{title} | {site_name}</title>"
        f"<meta property='og:site_name' content='{site_name}'></head><body>"
        "<nav><a href='/'>Home</a> | <a href='/news'>News</a> | <a href='/sport'>Sport</a></nav>"
        f"<article><h1>{title}</h1>\n{body}\n</article>"
        "<aside>Most read: <a href='/x'>Weather warning</a></aside>"
        "<footer>Copyright the publisher. All rights reserved.</footer></body></html>"
    ).encode()


def _rfc822(when: dt.datetime) -> str:
    return email.utils.format_datetime(when)


def rss_feed(site: Site, now: dt.datetime) -> bytes:
    """The Riverside Gazette: the bridge, the library, a broken link, and an old item."""
    items = [
        (
            BRIDGE_GAZETTE,
            "/gazette/bridge.html",
            now - dt.timedelta(hours=3),
            "The council voted to approve a new bridge over the Mill River.",
        ),
        (
            LIBRARY,
            "/gazette/library.html",
            now - dt.timedelta(hours=5),
            "The restored library reopened on Saturday.",
        ),
        (
            MISSING,
            "/gazette/harvest-fair.html",
            now - dt.timedelta(hours=6),
            "<p>The harvest fair returns to Riverside green on Saturday and Sunday, with more "
            "than eighty stalls, a tractor parade and a pie contest judged by the mayor.</p>"
            "<p>Organisers expect ten thousand visitors and have asked people to come by bus, "
            "because the car park by the river is closed for repairs.</p>",
        ),
        (OLD, "/gazette/snow.html", now - dt.timedelta(days=3), "Snow closed the hill road."),
    ]
    entries = "".join(
        f"<item><title>{title}</title><link>{site.url(path)}</link>"
        f"<guid>{site.url(path)}</guid><pubDate>{_rfc822(when)}</pubDate>"
        f"<description><![CDATA[{text}]]></description></item>"
        for title, path, when, text in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Riverside Gazette</title><link>{site.url('/gazette/')}</link>"
        f"<description>News from Riverside</description>{entries}</channel></rss>"
    ).encode()


def atom_feed(site: Site, now: dt.datetime) -> bytes:
    """The Valley Times: the same bridge story in other words, and a school story."""
    items = [
        (
            BRIDGE_VALLEY,
            "/valley/mill-river-crossing.html",
            now - dt.timedelta(hours=2),
            "Councillors back the Mill River crossing.",
        ),
        (
            SCHOOL,
            "/valley/school.html",
            now - dt.timedelta(hours=8),
            "A second bus route for rural pupils.",
        ),
    ]
    entries = "".join(
        f"<entry><title>{title}</title><link href='{site.url(path)}'/>"
        f"<id>tag:valley.example,2025:{path}</id><updated>{when.isoformat()}</updated>"
        f"<summary>{text}</summary></entry>"
        for title, path, when, text in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Valley Times</title><id>tag:valley.example,2025:feed</id>"
        f"<updated>{now.isoformat()}</updated>{entries}</feed>"
    ).encode()


def install_news(site: Site, now: dt.datetime | None = None) -> None:
    """The RSS and Atom feeds, their article pages, and one item whose page is missing.

    Call once the site is served (feeds hold absolute links to the site).
    """
    now = now or dt.datetime.now(dt.UTC).replace(microsecond=0)
    site.routes["/gazette/rss.xml"] = Route(rss_feed(site, now), "application/rss+xml")
    site.routes["/valley/atom.xml"] = Route(atom_feed(site, now), "application/atom+xml")
    for path in PAGES:
        site.routes[path] = Route(page_html(path))


def daily_arguments(news: Site, out: Path, *extra: str) -> list[str]:
    """`briefing daily` over both of the site's feeds, as the end-to-end tests run it."""
    feeds = (news.url("/gazette/rss.xml"), news.url("/valley/atom.xml"))
    return ["daily", *feeds, "--out", str(out), "--words", "260", "--json", *extra]


def run_daily(news: Site, out: Path, *extra: str) -> Result:
    """Run `briefing daily` over both feeds as a subprocess (see daily_arguments)."""
    return run_cli(*daily_arguments(news, out, *extra))
