"""The daily brief as podcast apps, players and browsers meet it: feed, MP3 chapters, page, transcripts."""

from __future__ import annotations

import itertools
import json
import re
import shutil
import subprocess
from pathlib import Path

import feedparser
import podcastparser
import pytest
from mutagen.id3 import ID3

from briefing.speech.transcript import CUE_LINES, LINE_CHARS

from .newsroom import Site
from .newsroom import run_daily as _daily


def _mp3_chapters(path: Path) -> list[tuple[str, float]]:
    tag = ID3(path)
    toc = tag.getall("CTOC")[0]
    found = []
    for element in toc.child_element_ids:
        chapter = tag[f"CHAP:{element}"]
        found.append((chapter.sub_frames["TIT2"].text[0], chapter.start_time / 1000))
    return found


def _cue_texts(vtt: str) -> list[str]:
    blocks = vtt.strip().split("\n\n")[1:]
    return ["\n".join(block.splitlines()[2:]) for block in blocks]


def test_the_days_feed_mp3_and_page_are_podcast_grade(news: Site, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = _daily(news, out, "--base-url", "https://example.org/brief/", "--srt")
    assert result.returncode == 0, result.stderr
    assert "base_url" not in result.stderr
    manifest = json.loads(result.stdout)
    day = Path(manifest["folder"])
    audio = day / "briefing.mp3"
    names = {Path(p).name for p in manifest["files"]}
    assert {"briefing.mp3", "briefing.vtt", "briefing.srt", "briefing.chapters.json"} <= names

    # Chapters: Intro, each story, Outro, in order; the JSON file says the same as the MP3.
    in_mp3 = _mp3_chapters(audio)
    headlines = [s["headline"] for s in manifest["stories"]]
    assert [t for t, _ in in_mp3] == ["Intro", *headlines, "Outro"]
    starts = [s for _, s in in_mp3]
    assert starts == sorted(starts) and starts[0] == 0
    chapters = json.loads((day / "briefing.chapters.json").read_text(encoding="utf-8"))
    assert chapters["version"].startswith("1.")
    assert [(c["title"], c["startTime"]) for c in chapters["chapters"]] == [
        (t, pytest.approx(s, abs=0.001)) for t, s in in_mp3
    ]
    assert ID3(audio).version == (2, 3, 0)

    # The feed: every item with enclosure, guid, duration, transcript and chapters.
    with (out / "feed.xml").open("rb") as stream:
        podcast = podcastparser.parse("https://example.org/brief/feed.xml", stream)
    assert podcast["cover_url"] == "https://example.org/brief/cover.png"
    assert (out / "cover.png").read_bytes().startswith(b"\x89PNG")
    (item,) = podcast["episodes"]
    assert item["enclosures"][0]["file_size"] == audio.stat().st_size
    assert item["total_time"] > 0 and item["guid"]
    assert item["transcript_url"].endswith(f"{day.name}/briefing.vtt")
    assert item["chapters_json_url"].endswith(f"{day.name}/briefing.chapters.json")
    assert not feedparser.parse((out / "feed.xml").read_bytes()).bozo

    # Transcripts: captions of at most two 42-character lines, back to back over the audio.
    vtt = (day / "briefing.vtt").read_text(encoding="utf-8")
    for text in _cue_texts(vtt):
        lines = text.splitlines()
        assert 1 <= len(lines) <= CUE_LINES and all(len(line) <= LINE_CHARS for line in lines)
    times = re.findall(r"(\d\d):(\d\d):(\d\d)\.(\d{3}) --> (\d\d):(\d\d):(\d\d)\.(\d{3})", vtt)
    spans = [
        (
            int(h) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000,
            int(h2) * 3600 + int(m2) * 60 + int(s2) + int(ms2) / 1000,
        )
        for h, m, s, ms, h2, m2, s2, ms2 in times
    ]
    assert spans[0][0] == 0
    assert all(a[1] == pytest.approx(b[0], abs=0.002) for a, b in itertools.pairwise(spans))
    assert spans[-1][1] == pytest.approx(manifest["audio_seconds"], abs=0.01)
    srt = (day / "briefing.srt").read_text(encoding="utf-8")
    assert srt.count(" --> ") == len(spans)

    # The page plays the audio with captions, and its chapter links seek.
    page = (day / "briefing.html").read_text(encoding="utf-8")
    assert re.search(r'<audio id="briefing-audio" controls[^>]* src="briefing.mp3"', page)
    assert '<track kind="captions" src="briefing.vtt" srclang="en"' in page
    assert page.count("data-start=") == len(in_mp3)
    assert '<html lang="en">' in page
    assert f'href="{news.url("/gazette/bridge.html")}"' in page


def test_an_unchanged_rerun_keeps_the_guid_and_new_audio_gets_a_new_one(
    news: Site, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert _daily(news, out).returncode == 0
    first = feedparser.parse((out / "feed.xml").read_bytes()).entries[0]
    again = _daily(news, out)
    assert again.returncode == 0, again.stderr
    assert "base_url" in again.stderr  # the feed's links only work on this computer
    assert feedparser.parse((out / "feed.xml").read_bytes()).entries[0].id == first.id
    changed = _daily(news, out, "--max-stories", "2")
    assert changed.returncode == 0, changed.stderr
    entry = feedparser.parse((out / "feed.xml").read_bytes()).entries[0]
    assert entry.id != first.id


@pytest.mark.skipif(not shutil.which("ffprobe"), reason="ffprobe not installed")
def test_ffprobe_lists_the_days_chapters_in_order(news: Site, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = _daily(news, out)
    assert result.returncode == 0, result.stderr
    audio = Path(json.loads(result.stdout)["audio"])
    probe = subprocess.run(
        ["ffprobe", "-v", "error", "-show_chapters", "-of", "json", str(audio)],
        capture_output=True,
        text=True,
        check=True,
    )
    chapters = json.loads(probe.stdout)["chapters"]
    starts = [float(c["start_time"]) for c in chapters]
    titles = [c["tags"]["title"] for c in chapters]
    assert starts == sorted(starts) and len(set(titles)) == len(titles)
    assert titles[0] == "Intro" and titles[-1] == "Outro"
