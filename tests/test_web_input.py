"""Web pages in: URLs as inputs, `briefing read`, one reader for files, stdin, URLs and daily pages."""

from __future__ import annotations

import gzip
import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from daily.newsroom import Route, Site, serve
from support import REPO, run_cli

from briefing.daily.sources import page_candidate
from briefing.errors import InputError
from briefing.fetch import Cache, Fetcher
from briefing.ingest import read_article

PAGE = REPO / "bench" / "pages" / "harbour-gazette.html"
TITLE = "Ferry workers vote to strike over new rota"


@pytest.fixture
def site() -> Iterator[Site]:
    with serve(Site()) as served:
        served.routes["/transport/ferry-strike"] = Route(PAGE.read_bytes())
        yield served


@pytest.fixture
def home(tmp_path: Path) -> dict[str, str]:
    """A private cache and config folder for the CLI runs."""
    return {"BRIEFING_HOME": str(tmp_path / "home")}


def test_make_url_writes_the_briefing_and_records_the_url(
    site: Site, tmp_path: Path, home: dict[str, str]
) -> None:
    url = site.url("/transport/ferry-strike")
    out = tmp_path / "out"
    result = run_cli("make", url, "--no-audio", "--out", str(out), "--json", env=home)
    assert result.returncode == 0, result.stderr
    [written] = [Path(p) for p in json.loads(result.stdout)["files"]]
    assert written.name == "ferry-workers-vote-to-strike-over-new-rota.md"
    text = written.read_text(encoding="utf-8")
    front = text.split("---")[1]
    assert f'source: "{url}"' in front and f'url: "{url}"' in front
    assert 'site: "The Harbour Gazette"' in front
    assert 'authors: ["Priya Castellan"]' in front and "published: 2026-10-14" in front
    assert f"# {TITLE}\n" in text
    assert "Crews on the three ferries" in text
    for furniture in ("cookies", "newsletter", "Share on", "salt_and_spray", "All rights"):
        assert furniture not in text


def test_read_json_contract_for_a_url(site: Site, home: dict[str, str]) -> None:
    url = site.url("/transport/ferry-strike")
    result = run_cli("read", url, "--json", env=home)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {
        "title",
        "source",
        "url",
        "site",
        "authors",
        "published",
        "language",
        "text",
        "sentences",
    }
    assert data["title"] == TITLE and data["source"] == url and data["url"] == url
    assert (data["site"], data["authors"], data["published"]) == (
        "The Harbour Gazette",
        ["Priya Castellan"],
        "2026-10-14",
    )
    paragraphs = data["text"].split("\n\n")
    assert "Islanders fear for supplies" in paragraphs  # a subhead stays its own block
    assert "Islanders fear for supplies" not in data["sentences"]
    assert TITLE not in data["text"]
    assert all(s in data["text"] for s in data["sentences"])
    summary = json.loads(run_cli("summarize", url, "--json", "-n", "3", env=home).stdout)
    assert all(data["sentences"][p["index"]] == p["text"] for p in summary["sentences"])


def test_the_same_page_is_the_same_article_whichever_way_it_comes_in(
    site: Site, home: dict[str, str]
) -> None:
    url = site.url("/transport/ferry-strike")
    by_file = json.loads(run_cli("read", str(PAGE), "--json").stdout)
    by_stdin = json.loads(
        run_cli("read", "-", "--json", stdin=PAGE.read_text(encoding="utf-8")).stdout
    )
    by_url = json.loads(run_cli("read", url, "--json", env=home).stdout)
    daily = page_candidate(url, PAGE.read_bytes(), url, "utf-8").article
    for other in (by_stdin, by_url):
        assert (other["title"], other["text"], other["sentences"]) == (
            by_file["title"],
            by_file["text"],
            by_file["sentences"],
        )
    assert daily.title == by_file["title"] and list(daily.sentences) == by_file["sentences"]
    assert read_article(PAGE).blocks == read_article(PAGE).blocks  # no memory between reads


def test_html_on_stdin_is_detected(tmp_path: Path) -> None:
    html = PAGE.read_text(encoding="utf-8")
    result = run_cli("summarize", "-", "--json", "-n", "2", stdin=html)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["title"] == TITLE and data["source"] == "stdin"
    assert data["sentences"][0]["text"].startswith("Crews on the three ferries")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize("command", ["make", "summarize", "read", "speak", "script"])
def test_an_unreachable_url_is_a_one_line_error(
    command: str, tmp_path: Path, home: dict[str, str]
) -> None:
    url = f"http://127.0.0.1:{_free_port()}/story.html"
    result = run_cli(command, url, cwd=tmp_path, env=home)
    assert result.returncode == 1
    assert result.stderr.strip() == f"briefing: error: {url}: connection refused"
    assert result.stdout == "" and not (tmp_path / "output").exists()


def test_make_writes_the_good_inputs_and_names_each_bad_one(
    site: Site, tmp_path: Path, home: dict[str, str]
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(
        "Tram line opens\n\nThe new tram line opened on Sunday. It runs every ten minutes.\n"
    )
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    missing = site.url("/gone.html")
    out = tmp_path / "out"
    result = run_cli(
        "make", str(good), str(empty), missing, str(PAGE), "--no-audio", "--out", str(out), env=home
    )
    assert result.returncode == 1
    assert sorted(p.name for p in out.iterdir()) == [
        "ferry-workers-vote-to-strike-over-new-rota.md",
        "tram-line-opens.md",
    ]
    errors = result.stderr.strip().splitlines()
    assert errors == [
        f"briefing: error: {empty}: file is empty",
        f"briefing: error: {missing}: HTTP 404 Not Found",
    ]


def test_title_loses_the_site_and_section_suffix(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>Schools to open an hour later in winter | Education"
        " | The Northern Ledger</title><meta property='og:site_name' content='The Northern Ledger'>"
        "</head><body><article><p>Secondary schools across the county will start an hour later"
        " from December, the education board said on Thursday, after a trial found pupils slept"
        " longer and arrived on time more often.</p><p>The board said buses would be rescheduled"
        " and that after-school clubs would finish later to match the new day.</p></article>"
        "</body></html>",
        encoding="utf-8",
    )
    article = read_article(page)
    assert article.title == "Schools to open an hour later in winter"
    assert article.site == "The Northern Ledger"


def test_cookie_and_newsletter_text_inside_the_body_never_reaches_a_summary(
    tmp_path: Path,
) -> None:
    body = [
        "We use cookies to improve our service for you.",
        "The harbour board approved a new breakwater on Tuesday after two winters of storm damage.",
        "Sign up to our Morning Briefing newsletter to get stories delivered to your inbox.",
        "Work on the 400-metre wall will start in March and take about eighteen months.",
        "Fishing crews said the damage had kept boats tied up for weeks at a time.",
    ]
    page = tmp_path / "story.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>Breakwater approved</title></head><body><article>"
        + "".join(f"<p>{p}</p>" for p in body)
        + "</article></body></html>",
        encoding="utf-8",
    )
    for method in ("news", "lead", "lexrank"):
        result = run_cli("summarize", str(page), "--json", "-n", "3", "-m", method)
        assert result.returncode == 0, result.stderr
        picked = " ".join(s["text"] for s in json.loads(result.stdout)["sentences"])
        assert "cookies" not in picked and "newsletter" not in picked


def test_feed_item_html_is_read_as_a_fragment() -> None:
    from briefing.ingest import parse_article

    article = parse_article(
        "<p>The ferry will run twice a day from May.</p><p>Tickets go on sale next week.</p>",
        source="feed",
        kind="html",
    )
    assert article.sentences == (
        "The ferry will run twice a day from May.",
        "Tickets go on sale next week.",
    )


# ---- the fetcher: encodings and caching ------------------------------------------------------


def test_gzip_bodies_are_decoded(site: Site) -> None:
    site.routes["/zipped"] = Route(
        gzip.compress(PAGE.read_bytes()), headers={"Content-Encoding": "gzip"}
    )
    response = Fetcher().get(site.url("/zipped"))
    assert response.body == PAGE.read_bytes()


def test_a_gzip_bomb_is_refused(site: Site) -> None:
    site.routes["/bomb"] = Route(
        gzip.compress(b"a" * 3_000_000), headers={"Content-Encoding": "gzip"}
    )
    with pytest.raises(InputError, match="decompresses to more than the 1,000,000-byte limit"):
        Fetcher(max_bytes=1_000_000).get(site.url("/bomb"))


def test_no_store_responses_are_not_cached(site: Site, tmp_path: Path) -> None:
    site.routes["/private"] = Route(
        PAGE.read_bytes(), headers={"Cache-Control": "no-store, max-age=600"}
    )
    cache = Cache(tmp_path / "cache")
    Fetcher(cache).get(site.url("/private"))
    assert cache.load(site.url("/private")) is None
    assert not list((tmp_path / "cache").glob("*.cache"))


def test_age_counts_against_max_age(site: Site, tmp_path: Path) -> None:
    site.routes["/old"] = Route(
        PAGE.read_bytes(), headers={"Cache-Control": "max-age=600", "Age": "600"}, validators=False
    )
    site.routes["/young"] = Route(
        PAGE.read_bytes(), headers={"Cache-Control": "max-age=600", "Age": "10"}, validators=False
    )
    fetcher = Fetcher(Cache(tmp_path / "cache"))
    for path in ("/old", "/young", "/old", "/young"):
        fetcher.get(site.url(path))
    assert site.bodies_sent() == ["/old", "/young", "/old"]


def test_every_method_passes_over_site_notices_inside_a_paragraph(tmp_path: Path) -> None:
    article = tmp_path / "copied.txt"
    article.write_text(
        "Breakwater approved\n\n"
        "We use cookies to improve our service for you. The harbour board approved a new "
        "breakwater on Tuesday after two winters of storm damage. Sign up to our newsletter to "
        "get the harbour news delivered to your inbox. Work on the wall will start in March.\n\n"
        "Fishing crews said the damage had kept boats tied up for weeks at a time.\n",
        encoding="utf-8",
    )
    for method in ("news", "lead", "lexrank", "textrank", "luhn"):
        result = run_cli("summarize", str(article), "--json", "-n", "3", "-m", method)
        assert result.returncode == 0, result.stderr
        picked = [s["text"] for s in json.loads(result.stdout)["sentences"]]
        assert len(picked) == 3
        assert not any("cookies" in s or "newsletter" in s for s in picked), method


def test_a_page_in_the_charset_its_meta_tag_declares(tmp_path: Path) -> None:
    page = tmp_path / "cafe.html"
    page.write_bytes(
        b'<!DOCTYPE html><html><head><meta charset="windows-1252"><title>Caf\xe9 prices rise'
        b"</title></head><body><article><h1>Caf\xe9 prices rise</h1><p>The caf\xe9 on the corner"
        b" raised its prices on Monday, blaming milk \x96 and energy.</p></article></body></html>"
    )
    result = run_cli("read", str(page), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["title"] == "Café prices rise"
    assert data["sentences"] == [
        "The café on the corner raised its prices on Monday, blaming milk – and energy."
    ]


def test_script_of_a_url_speaks_the_article_body(site: Site, home: dict[str, str]) -> None:
    result = run_cli("script", site.url("/transport/ferry-strike"), env=home)
    assert result.returncode == 0, result.stderr
    spoken = result.stdout
    assert "\nFerry workers vote to strike over new rota.\n" in spoken
    assert "Crews on the three ferries" in spoken and "cookies" not in spoken
