"""What `daily` prints on stderr stays short and inert: repeats counted, escapes shown, not obeyed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from support import run_cli

from briefing.daily.notices import report_lines
from briefing.daily.result import DailyResult
from briefing.daily.sources import Skip

from .newsroom import Route, Site


def test_repeated_skips_and_notes_are_counted_and_escapes_shown() -> None:
    result = DailyResult(day=dt.date(2025, 3, 4), folder=Path("out"))
    result.skipped = [
        *(Skip(f"item {n}", "beyond the newest 16 items of Big", "limit") for n in range(9984)),
        Skip("http://x.test/a", "HTTP 500 \x1b]0;owned\x07\x1b[2J"),
        *(Skip(f"http://x.test/{n}", "timed out") for n in range(5)),
        Skip("old one", "older than the window", "old"),
    ]
    result.notes = ["same note", "same note", "other"]
    lines = report_lines(result)
    assert lines == [
        "9,984 items beyond the newest 16 items of Big skipped",
        "skipped http://x.test/a: HTTP 500 \\x1b]0;owned\\x07\\x1b[2J",
        "skipped 5 sources: timed out",
        "same note (2 times)",
        "other",
    ]


def test_a_huge_feed_makes_a_few_plain_lines(site: Site, tmp_path: Path) -> None:
    now = dt.datetime.now(dt.UTC).strftime("%a, %d %b %Y %H:%M:%S +0000")
    items = "".join(
        f"<item><title>Tram stop {n} opens</title><guid>t{n}</guid><pubDate>{now}</pubDate>"
        f"<description>The tram stop number {n} opened on the new line this morning. "
        f"Riders said the trip to the centre now takes ten minutes.</description></item>"
        for n in range(2000)
    )
    site.routes["/big.xml"] = Route(
        f'<rss version="2.0"><channel><title>Big</title>{items}</channel></rss>'.encode(),
        content_type="application/rss+xml",
    )
    site.routes["/evil.xml"] = Route(b"", status=500)
    result = run_cli(
        "daily",
        site.url("/big.xml"),
        site.url("/evil.xml"),
        "--out",
        str(tmp_path / "out"),
        "--no-audio",
        "--words",
        "120",
    )
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stderr
    assert "1,984 items beyond the newest 16 items of Big skipped" in result.stderr
    assert len(result.stderr.splitlines()) < 25  # one per story told at most, not per item
