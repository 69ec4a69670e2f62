"""`briefing daily` as a user runs it, against feeds and pages served on 127.0.0.1."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import feedparser
from support import BRIEFING, run_cli, wav_info

from .newsroom import (
    BRIDGE_GAZETTE,
    BRIDGE_VALLEY,
    LIBRARY,
    MISSING,
    OLD,
    SCHOOL,
    Site,
    daily_arguments,
)
from .newsroom import (
    run_daily as _daily,
)


def _headings(markdown: str) -> list[str]:
    return [line[3:] for line in markdown.splitlines() if line.startswith("## ")]


def test_daily_brief_merges_the_shared_story_and_survives_a_broken_link(
    news: Site, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = _daily(news, out)
    assert result.returncode == 0, result.stderr
    manifest = json.loads(result.stdout)

    # Every distinct story once; the bridge story from both feeds is one story.
    headlines = [s["headline"] for s in manifest["stories"]]
    assert len(headlines) == 4
    bridge = [h for h in headlines if h in (BRIDGE_GAZETTE, BRIDGE_VALLEY)]
    assert len(bridge) == 1
    assert {LIBRARY, SCHOOL, MISSING} <= set(headlines)
    assert OLD not in headlines
    story = next(s for s in manifest["stories"] if s["headline"] in bridge)
    assert {s["name"] for s in story["sources"]} == {"Riverside Gazette", "Valley Times"}
    assert manifest["older_items"] == 1

    # The broken link is reported (stderr and manifest), and its story told from the feed text.
    assert "/gazette/harvest-fair.html" in result.stderr
    assert "HTTP 404" in result.stderr
    fallback = next(s for s in manifest["stories"] if s["headline"] == MISSING)
    assert fallback["sources"][0]["feed_text"] is True
    assert any("harvest-fair" in n and "feed's own text" in n for n in manifest["notes"])

    # The Markdown: a contents list and one section per story, crediting both sources.
    day = Path(manifest["folder"])
    markdown = (day / "briefing.md").read_text(encoding="utf-8")
    assert _headings(markdown) == ["Contents", *headlines]
    bridge_section = markdown.split(f"## {bridge[0]}")[-1].split("## ")[0]
    assert f"[Riverside Gazette]({news.url('/gazette/bridge.html')})" in bridge_section
    assert f"[Valley Times]({news.url('/valley/mill-river-crossing.html')})" in bridge_section
    assert re.search(r"\*Here is your briefing for .+, with four stories\.\*", markdown)

    # The transcript is what was spoken: intro, transitions, sources, outro.
    transcript = (day / "transcript.txt").read_text(encoding="utf-8")
    assert transcript.startswith("Here is your briefing for")
    assert "From Riverside Gazette and Valley Times." in transcript
    assert "And finally:" in transcript

    # The podcast feed: one entry whose enclosure is the audio file, byte for byte.
    audio = Path(manifest["audio"])
    assert audio.is_file() and audio.parent == day
    parsed = feedparser.parse((out / "feed.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    assert len(parsed.entries) == 1
    entry = parsed.entries[0]
    enclosure = entry.enclosures[0]
    assert int(enclosure.length) == audio.stat().st_size
    assert enclosure.type == ("audio/mpeg" if audio.suffix == ".mp3" else "audio/wav")
    assert enclosure.href.endswith(f"{day.name}/{audio.name}")
    assert entry.itunes_duration.count(":") == 2
    if audio.suffix == ".wav":
        _, seconds, peak = wav_info(audio)
        assert seconds > 10 and peak > 0
    for headline in headlines:
        assert headline in entry.summary


def test_a_second_run_the_same_day_fetches_nothing_new_and_keeps_one_entry(
    news: Site, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    first = _daily(news, out)
    assert first.returncode == 0, first.stderr
    audio = Path(json.loads(first.stdout)["audio"])
    size = audio.stat().st_size
    served = len(news.hits)

    second = _daily(news, out)
    assert second.returncode == 0, second.stderr
    manifest = json.loads(second.stdout)
    again = news.hits[served:]
    assert again, "the second run should revalidate its cached copies"
    assert [h.path for h in again if h.status == 200] == []
    assert {h.status for h in again} <= {304, 404}
    assert manifest["fetch"]["fetched"] == 0
    assert manifest["up_to_date"] is True
    assert manifest["files"] == []
    parsed = feedparser.parse((out / "feed.xml").read_bytes())
    assert len(parsed.entries) == 1
    assert int(parsed.entries[0].enclosures[0].length) == audio.stat().st_size == size


def test_a_rerun_with_other_settings_replaces_the_days_item(news: Site, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _daily(news, out).returncode == 0
    result = _daily(news, out, "--max-stories", "2", "--base-url", "https://example.org/brief/")
    assert result.returncode == 0, result.stderr
    manifest = json.loads(result.stdout)
    assert len(manifest["stories"]) == 2
    assert any(s["kind"] == "limit" for s in manifest["skipped"])
    parsed = feedparser.parse((out / "feed.xml").read_bytes())
    assert len(parsed.entries) == 1
    enclosure = parsed.entries[0].enclosures[0]
    assert enclosure.href.startswith("https://example.org/brief/")
    assert int(enclosure.length) == Path(manifest["audio"]).stat().st_size
    assert parsed.entries[0].summary.startswith("2 stories")


def test_a_broken_source_is_reported_and_skipped(news: Site, tmp_path: Path) -> None:
    result = run_cli(
        "daily",
        news.url("/gazette/rss.xml"),
        news.url("/no/such/feed.xml"),
        "--out",
        str(tmp_path / "out"),
        "--words",
        "200",
    )
    assert result.returncode == 0, result.stderr
    assert re.search(r"skipped .*/no/such/feed\.xml: HTTP 404", result.stderr)
    written = result.stdout.splitlines()
    assert any(line.endswith("briefing.md") for line in written)
    assert written[-1].endswith("feed.xml")
    assert "\r" not in result.stderr  # no progress display when stderr is not a terminal


def test_nothing_to_brief_is_an_error_that_writes_nothing(site: Site, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("daily", site.url("/gone.xml"), "--out", str(out), "--json")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].startswith("briefing: error: nothing to brief")
    assert "Traceback" not in result.stderr
    manifest = json.loads(result.stdout)
    assert manifest["files"] == [] and manifest["skipped"][0]["reason"] == "HTTP 404 Not Found"
    assert not (out / "feed.xml").exists()


def test_two_runs_at_once_leave_whole_files(news: Site, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = [*BRIEFING, *daily_arguments(news, out, "--force")]
    runs = [
        subprocess.Popen(
            args, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=180) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err for _, err in outputs]
    parsed = feedparser.parse((out / "feed.xml").read_bytes())
    assert not parsed.bozo and len(parsed.entries) == 1
    audio = Path(json.loads(outputs[0][0])["audio"])
    assert int(parsed.entries[0].enclosures[0].length) == audio.stat().st_size
    if audio.suffix == ".wav":
        _, seconds, _ = wav_info(audio)
        assert seconds > 10
    markdown = (audio.parent / "briefing.md").read_text(encoding="utf-8")
    assert markdown.count("\n## Contents\n") == 1
    assert not [p for p in audio.parent.iterdir() if p.name.endswith(".part")]


def test_a_run_waits_for_the_output_lock_and_gives_up_cleanly(news: Site, tmp_path: Path) -> None:
    from filelock import FileLock

    out = tmp_path / "out"
    out.mkdir()
    with FileLock(str(out / ".briefing.lock")):
        result = run_cli(
            "daily",
            news.url("/gazette/rss.xml"),
            "--out",
            str(out),
            "--words",
            "200",
            env={"BRIEFING_LOCK_TIMEOUT": "0.5"},
        )
    assert result.returncode == 1
    assert "another briefing run" in result.stderr and "nothing was written" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == [".briefing.lock"]
    after = run_cli("daily", news.url("/gazette/rss.xml"), "--out", str(out), "--words", "200")
    assert after.returncode == 0, after.stderr
    assert (out / "feed.xml").is_file()


def test_init_writes_an_example_config_that_daily_reads(news: Site, tmp_path: Path) -> None:
    config = tmp_path / "briefing.toml"
    first = run_cli("daily", "--init", "--config", str(config))
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == str(config)
    text = config.read_text(encoding="utf-8")
    assert text.startswith("#") and "feeds = [" in text
    again = run_cli("daily", "--init", "--config", str(config))
    assert again.returncode == 1 and "already exists" in again.stderr

    empty = run_cli("daily", "--config", str(config))
    assert empty.returncode == 2 and "no sources" in empty.stderr

    out = tmp_path / "out"
    config.write_text(
        text.replace(
            "feeds = [",
            f'feeds = ["{news.url("/gazette/rss.xml")}", "{news.url("/valley/atom.xml")}",',
        )
        .replace("minutes = 5", "words = 260")
        .replace('title = "Daily briefing"', 'title = "Morning news"')
        + f'output = "{out}"\n',
        encoding="utf-8",
    )
    result = run_cli("daily", "--config", str(config), "--json")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["stories"]) == 4
    parsed = feedparser.parse((out / "feed.xml").read_bytes())
    assert parsed.feed.title == "Morning news"


def test_bad_config_names_the_file_and_setting(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('feeds = ["a.xml"]\nminuts = 5\n', encoding="utf-8")
    result = run_cli("daily", "--config", str(config))
    assert result.returncode == 1
    assert str(config) in result.stderr and "'minuts'" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_since_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("daily", str(tmp_path), "--since", "yesterday")
    assert result.returncode == 2 and "--since" in result.stderr


def test_progress_shows_on_a_terminal_and_stdout_stays_clean(news: Site, tmp_path: Path) -> None:
    import os
    import pty
    import threading

    master, slave = pty.openpty()
    seen: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the terminal is gone once the child has exited
                return
            if not chunk:
                return
            seen.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    command = [*BRIEFING, "daily", news.url("/gazette/rss.xml"), "--out", str(tmp_path / "out")]
    proc = subprocess.Popen(
        [*command, "--words", "200", "--json"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=slave,
        text=True,
    )
    os.close(slave)
    stdout, _ = proc.communicate(timeout=120)
    reader.join(timeout=10)
    os.close(master)
    assert proc.returncode == 0
    assert json.loads(stdout)["stories"]
    terminal = b"".join(seen).decode("utf-8", "replace")
    assert "\r" in terminal
    for stage in ("Fetching", "Summarizing", "Speaking"):
        assert stage in terminal, stage


def test_minutes_set_the_length_of_the_whole_brief(news: Site, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli(
        "daily",
        news.url("/gazette/rss.xml"),
        news.url("/valley/atom.xml"),
        "--out",
        str(out),
        "--minutes",
        "1.5",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    manifest = json.loads(result.stdout)
    # The voice was timed on a sample first; whole sentences land near the target.
    assert manifest["budget"].startswith("1.5 minutes (")
    assert 0.75 * 90 <= manifest["audio_seconds"] <= 1.1 * 90
    assert sum(s["words"] for s in manifest["stories"]) <= manifest["budget_words"]
