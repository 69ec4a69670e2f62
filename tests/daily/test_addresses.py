"""Links found in a remote feed never reach this machine or its network (unless allowed)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing import addresses
from briefing.addresses import is_public_ip
from briefing.daily import sources
from briefing.daily.sources import Reader
from briefing.fetch import Cache, Fetcher

from .newsroom import Route, Site, page_html

SECRET = "The vault code for the back office is kept in the blue binder on the top shelf."


def test_only_global_addresses_count_as_public() -> None:
    for local in (
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.9",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "::1",
        "fe80::1",
        "fd00::5",
        "::ffff:127.0.0.1",
        "224.0.0.1",
        "not-an-address",
    ):
        assert not is_public_ip(local), local
    for public in ("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "::ffff:8.8.8.8"):
        assert is_public_ip(public), public


def _remote(monkeypatch: pytest.MonkeyPatch, site: Site) -> None:
    """Make the test site's feed look remote: 127.0.0.1 resolves as a public address here,
    while `localhost` (a name of the same machine) stays what it is."""
    real = addresses.resolve

    def resolve(host: str) -> list[str]:
        return ["93.184.216.34"] if host == "127.0.0.1" else real(host)

    monkeypatch.setattr(addresses, "resolve", resolve)
    monkeypatch.setattr(sources, "is_local", lambda url: False)


def _feed(site: Site, links: list[str]) -> str:
    now = dt.datetime.now(dt.UTC)
    items = "".join(
        f"<item><title>Story {n}</title><link>{link}</link>"
        f"<description>Feed text {n} about the new tram line opening.</description>"
        f"<pubDate>{now.strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate></item>"
        for n, link in enumerate(links)
    )
    body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Remote</title>{items}</channel></rss>'
    site.routes["/feed.xml"] = Route(body.encode(), content_type="application/rss+xml")
    return site.url("/feed.xml")


def _secret_page(site: Site) -> str:
    html = (
        f"<html><head><title>Office</title></head><body><article><h1>Office</h1><p>{SECRET}</p>"
        f"<p>{SECRET}</p></article></body></html>"
    )
    site.routes["/secret"] = Route(html.encode())
    return site.base.replace("127.0.0.1", "localhost") + "/secret"


def test_a_remote_feed_item_linking_to_localhost_is_refused(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = _secret_page(site)
    site.routes["/hop"] = Route(b"", status=302, headers={"Location": secret}, validators=False)
    feed = _feed(site, [secret, site.url("/hop")])
    _remote(monkeypatch, site)
    reader = Reader(Fetcher(Cache(tmp_path / "cache")))
    found = reader.read([feed])
    assert len(found.items) == 2
    outcomes = [reader.candidate(item) for item in found.items]
    assert reader.refused == 2
    assert "/secret" not in [h.path for h in site.hits]
    for outcome in outcomes:
        assert isinstance(outcome, sources.Candidate) and outcome.from_feed_text
        assert SECRET not in " ".join(outcome.article.sentences)
        assert "local or private address" in outcome.notes[0]


def test_allow_private_lets_an_intranet_feed_link_inward(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = _secret_page(site)
    feed = _feed(site, [secret])
    _remote(monkeypatch, site)
    reader = Reader(Fetcher(Cache(tmp_path / "cache")), allow_private=True)
    outcome = reader.candidate(reader.read([feed]).items[0])
    assert isinstance(outcome, sources.Candidate) and not outcome.from_feed_text
    assert SECRET in " ".join(outcome.article.sentences) and reader.refused == 0


def test_a_local_feed_named_by_the_user_may_link_to_its_own_pages(
    site: Site, tmp_path: Path
) -> None:
    site.routes["/story.html"] = Route(page_html("/gazette/library.html"))
    feed = _feed(site, [site.url("/story.html")])
    reader = Reader(Fetcher(Cache(tmp_path / "cache")))
    outcome = reader.candidate(reader.read([feed]).items[0])
    assert isinstance(outcome, sources.Candidate) and not outcome.from_feed_text


def test_the_config_switch_is_true_or_false(tmp_path: Path) -> None:
    from briefing.daily import config
    from briefing.errors import InputError

    good = tmp_path / "good.toml"
    good.write_text('feeds = ["a.xml"]\nallow_private = true\n', encoding="utf-8")
    assert config.load(good).allow_private is True
    bad = tmp_path / "bad.toml"
    bad.write_text('allow_private = "yes"\n', encoding="utf-8")
    with pytest.raises(InputError, match="true or false"):
        config.load(bad)


def test_a_name_that_resolves_differently_at_connect_time_is_still_refused(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DNS rebinding: the check saw a public address, the connection lands on 127.0.0.1."""
    from briefing.errors import InputError

    secret = _secret_page(site).replace("localhost", "127.0.0.1")
    monkeypatch.setattr(addresses, "resolve", lambda host: ["93.184.216.34"])
    monkeypatch.delenv("http_proxy", raising=False)
    monkeypatch.delenv("HTTP_PROXY", raising=False)
    with pytest.raises(InputError, match="local or private address"):
        Fetcher(Cache(tmp_path / "cache")).get(secret, public_only=True)
    assert "/secret" not in [h.path for h in site.hits]
