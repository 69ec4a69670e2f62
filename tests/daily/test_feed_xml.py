"""The podcast feed stays well-formed XML whatever the days' manifests hold."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from pathlib import Path

from briefing.daily.podcast import MANIFEST, Channel, Episode, write_feed
from briefing.render import to_html
from briefing.sanitize import for_terminal, strip_controls, xml_safe


def _day(root: Path, day: str, title: str) -> None:
    folder = root / day
    folder.mkdir(parents=True)
    (folder / "briefing.mp3").write_bytes(b"\xff" * 100)
    episode = Episode(
        day=dt.date.fromisoformat(day),
        title=title,
        published=dt.datetime.fromisoformat(f"{day}T06:30:00+00:00"),
        audio=f"{day}/briefing.mp3",
        seconds=60.0,
        stories=((f"Tram\x01line\x1b[2J opens {title}", ("Gazette\x0b",)),),
    )
    (folder / MANIFEST).write_text(json.dumps({"episode": episode.to_json()}), encoding="utf-8")


def test_control_characters_in_a_days_headlines_never_break_the_feed(tmp_path: Path) -> None:
    _day(tmp_path, "2025-03-03", "Monday\x00 \ufffe briefing")
    _day(tmp_path, "2025-03-04", "Tuesday briefing")
    warnings: list[str] = []
    path, _ = write_feed(tmp_path, Channel(title="Morning\x07"), warnings.append)
    root = ET.parse(path).getroot()
    assert root.findtext("./channel/title") == "Morning"
    items = [i.findtext("title") for i in root.findall("./channel/item")]
    assert items == ["Tuesday briefing", "Monday  briefing"]
    assert warnings == []


def test_a_damaged_day_is_left_out_with_a_warning_and_the_rest_kept(tmp_path: Path) -> None:
    _day(tmp_path, "2025-03-04", "Tuesday briefing")
    bad = tmp_path / "2025-03-05"
    bad.mkdir()
    (bad / "briefing.mp3").write_bytes(b"\xff")
    (bad / MANIFEST).write_text(
        json.dumps({"episode": {"day": "2025-03-05", "title": "x", "published": "0001-99"}}),
        encoding="utf-8",
    )
    warnings: list[str] = []
    path, _ = write_feed(tmp_path, Channel(), warnings.append)
    items = ET.parse(path).getroot().findall("./channel/item")
    assert [i.findtext("title") for i in items] == ["Tuesday briefing"]
    assert len(warnings) == 1 and "2025-03-05" in warnings[0] and "left out" in warnings[0]


def test_the_html_page_holds_no_character_xml_forbids() -> None:
    from briefing.models import Briefing, Story

    briefing = Briefing(
        title="Tram\x01 line",
        date=dt.date(2025, 3, 4),
        stories=(Story(headline="A\x02b", sentences=("The tram\x03 runs.",), sources=("x",)),),
    )
    page = to_html(briefing, "---\ntitle: x\n---\n\n# Tram\x01 line\n\nThe tram\x03 runs.\n")
    assert xml_safe(page) == page and "\x01" not in page and "\x03" not in page


def test_text_helpers() -> None:
    assert strip_controls("a\x00b\x1b[2Jc\x85d\tе\nf\fg") == "ab[2Jcd\tе\nf\ng"
    assert xml_safe("a\x01\ud800b\uffffc\U0001f600") == "abc\U0001f600"
    assert for_terminal("HTTP 500 \x1b]0;owned\x07\x1b[2J") == "HTTP 500 \\x1b]0;owned\\x07\\x1b[2J"


def test_xml_safe_keeps_exactly_what_xml_allows_at_every_range_edge() -> None:
    def allowed(code: int) -> bool:  # XML 1.0, production [2] Char
        return (
            code in (0x9, 0xA, 0xD)
            or 0x20 <= code <= 0xD7FF
            or 0xE000 <= code <= 0xFFFD
            or 0x10000 <= code <= 0x10FFFF
        )

    edges = (0x0, 0x9, 0xA, 0xD, 0x20, 0x7F, 0xD7FF, 0xE000, 0xFFFD, 0x10000, 0x10FFFF)
    codes = {c + step for c in edges for step in (-1, 0, 1) if 0 <= c + step <= 0x10FFFF}
    codes |= set(range(0x40))
    for code in sorted(codes):
        assert (xml_safe(chr(code)) == chr(code)) == allowed(code), hex(code)


def test_a_daily_run_from_a_feed_with_control_characters_writes_clean_files(
    tmp_path: Path,
) -> None:
    from support import run_cli

    now = dt.datetime.now(dt.UTC).strftime("%a, %d %b %Y %H:%M:%S +0000")
    items = "".join(
        f"<item><title>Tram&#1; line {n} opens\x02 early</title><guid isPermaLink='false'>t{n}"
        f"</guid><pubDate>{now}</pubDate><description>The tram line {n} opened on Monday, "
        f"a month early.\x03 Riders said the trip now takes ten minutes.</description></item>"
        for n in range(2)
    )
    feed = tmp_path / "news.xml"
    feed.write_bytes(
        f'<rss version="2.0"><channel><title>Local&#2; news</title>{items}</channel></rss>'.encode()
    )
    out = tmp_path / "out"
    result = run_cli("daily", str(feed), "--out", str(out), "--words", "120")
    assert result.returncode == 0, result.stderr
    ET.parse(out / "feed.xml")
    for path in out.rglob("*"):
        if path.suffix in (".md", ".html", ".txt", ".json", ".vtt"):
            text = path.read_text(encoding="utf-8")
            assert xml_safe(text) == text, path
            assert "\\u0001" not in text and "\\u0002" not in text, path
