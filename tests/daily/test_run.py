"""The daily run as an object: each step on its own, offline, on a fixed clock (pages from 127.0.0.1)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest

from briefing.daily.budget import budget_for
from briefing.daily.options import DailyOptions
from briefing.daily.pipeline import DailyRun, NothingToBrief, formats
from briefing.daily.timing import written_words
from briefing.fetch import Cache, Fetcher
from briefing.models import VoiceProfile

from .newsroom import BRIDGE_GAZETTE, BRIDGE_VALLEY, LIBRARY, MISSING, SCHOOL, Site, install_news

NOW = dt.datetime(2025, 3, 4, 7, 0, tzinfo=dt.UTC)
VOICE = VoiceProfile("test", rate=150)


@pytest.fixture
def morning(site: Site) -> Site:
    """The local news site with its items dated relative to NOW, not to the wall clock."""
    install_news(site, NOW)
    return site


def day_run(site: Site, tmp_path: Path, *, audio: bool = False, **options: object) -> DailyRun:
    """A run on NOW's day with its own cache and state folders under tmp_path."""
    chosen = DailyOptions(
        sources=(site.url("/gazette/rss.xml"), site.url("/valley/atom.xml")),
        root=tmp_path / "out",
        day=NOW.date(),
        audio=audio,
        **options,  # type: ignore[arg-type]
    )
    cache = Cache(tmp_path / "cache")
    return DailyRun(
        chosen,
        voice=VOICE,
        method="news",
        engine="fake",
        formats=formats(audio),
        fetcher=Fetcher(cache),
        cache=cache,
        state=tmp_path / "state",
        clock=lambda: NOW,
    )


def test_gather_reads_the_window_of_the_runs_clock_and_notes_the_old_item(
    morning: Site, tmp_path: Path
) -> None:
    run = day_run(morning, tmp_path)
    seen: list[str] = []
    run.report = lambda what, _done, _total: seen.append(what)

    candidates = run.gather()

    titles = {c.article.title for c in candidates}
    assert {BRIDGE_GAZETTE, BRIDGE_VALLEY, LIBRARY, SCHOOL, MISSING} <= titles
    assert len(candidates) == 5
    assert run.result.older == 1
    assert run.result.notes == ["1 feed item older than 24 hours left out"]
    assert run.result.stats is run.fetcher.stats
    assert run.result.stats.fetched >= 6  # two feeds and four pages; the fair's page is missing
    assert any(what.startswith("Reading ") for what in seen)
    assert (tmp_path / "cache").is_dir()


def test_a_later_clock_moves_the_window_past_every_item(morning: Site, tmp_path: Path) -> None:
    run = day_run(morning, tmp_path)
    run.clock = lambda: NOW + dt.timedelta(days=2)

    assert run.gather() == []
    assert run.result.older == 6  # every item of both feeds, the snow item too
    with pytest.raises(NothingToBrief) as raised:
        run.tell(run.select([]), budget_for(minutes=None, words=200, wpm=150))
    assert str(raised.value) == "nothing to brief: no stories from the last 24 hours (0 skipped)"
    assert raised.value.result is run.result


def test_select_merges_the_shared_story_and_skips_beyond_max_stories(
    morning: Site, tmp_path: Path
) -> None:
    run = day_run(morning, tmp_path, max_stories=2)

    groups = run.select(run.gather())

    assert len(groups) == 2
    bridge = groups[0]
    assert bridge.headline in (BRIDGE_GAZETTE, BRIDGE_VALLEY)
    assert set(bridge.names) == {"Riverside Gazette", "Valley Times"}
    limited = [s for s in run.result.skipped if s.kind == "limit"]
    assert len(limited) == 2


def test_plan_and_tell_fit_the_stories_to_the_words_asked(morning: Site, tmp_path: Path) -> None:
    run = day_run(morning, tmp_path, words=200)
    groups = run.select(run.gather())

    budget = run.plan()
    told = run.tell(groups, budget)

    assert budget.words == 200
    assert run.result.budget == budget
    assert run.result.rate_key == f"fake:{VOICE.voice}:{VOICE.rate}"
    assert not (tmp_path / "state" / "rates.json").exists()  # no audio: the voice isn't timed
    assert told and all(story.sentences for story in told)
    assert run.result.told == told
    spoken = written_words(run.programme(told))
    assert abs(spoken - 200) <= 20, spoken


def test_too_small_a_budget_skips_the_stories_that_do_not_fit(
    morning: Site, tmp_path: Path
) -> None:
    run = day_run(morning, tmp_path, words=60)
    groups = run.select(run.gather())

    told = run.tell(groups, run.plan())

    assert 0 < len(told) < len(groups)
    no_room = [s for s in run.result.skipped if "no room in" in s.reason]
    assert len(no_room) == len(groups) - len(told)


def test_publish_writes_the_day_and_a_rerun_keeps_the_files(morning: Site, tmp_path: Path) -> None:
    first = day_run(morning, tmp_path, words=150)
    result = first.brief()

    folder = tmp_path / "out" / NOW.date().isoformat()
    assert result.folder == folder
    assert sorted(p.name for p in result.files) == [
        "briefing.html",
        "briefing.md",
        "transcript.txt",
    ]
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["date"] == "2025-03-04"
    assert manifest["episode"] is None  # no audio, no podcast episode
    assert result.feed == tmp_path / "out" / "feed.xml" and result.feed_updated
    written = {p: p.stat().st_mtime_ns for p in result.files}

    again = day_run(morning, tmp_path, words=150).brief()

    assert again.up_to_date
    assert "nothing changed since the last run today; files kept" in again.notes
    assert {p: p.stat().st_mtime_ns for p in result.files} == written
    forced = day_run(morning, tmp_path, words=150, force=True).brief()
    assert not forced.up_to_date


def test_the_episode_is_published_at_the_runs_clock_and_the_rate_learned(
    morning: Site, tmp_path: Path
) -> None:
    run = day_run(morning, tmp_path, audio=True, words=120)
    result = run.brief()

    assert result.audio is not None and result.audio.is_file()
    assert result.audio_seconds and result.audio_seconds > 0
    manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["episode"]["published"] == NOW.isoformat()
    rates = json.loads((tmp_path / "state" / "rates.json").read_text(encoding="utf-8"))
    assert result.rate_key in rates
    assert "2025" in (tmp_path / "out" / "feed.xml").read_text(encoding="utf-8")


def test_a_broken_source_is_skipped_and_reaches_the_manifest(morning: Site, tmp_path: Path) -> None:
    run = day_run(morning, tmp_path)
    broken = morning.url("/gone/rss.xml")
    run.options = replace(run.options, sources=(*run.options.sources, broken))

    candidates = run.gather()

    assert len(candidates) == 5
    manifest = run.result.manifest()
    assert [s["source"] for s in manifest["skipped"]] == [broken]
    assert "404" in manifest["skipped"][0]["reason"]
    assert manifest["notes"] == ["1 feed item older than 24 hours left out"]
