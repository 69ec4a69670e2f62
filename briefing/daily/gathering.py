"""The daily brief's mailroom: read every source, keep the new items, turn them into candidates."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from briefing.addresses import PRIVATE_HINT
from briefing.daily.sources import Candidate, Item, Reader, Skip
from briefing.daily.stories import Seen, describe_since, in_window

if TYPE_CHECKING:
    from briefing.daily.pipeline import DailyRun

PER_FEED = 10
"""Pages read per feed and run at least (twice --max-stories when that is more)."""


def gather(run: DailyRun) -> list[Candidate]:
    """Every article the sources offer from the run's window, each page read at most once.

    Sources and pages that fail, items beyond a feed's share and old items go
    to the run's skips and notes; the HTTP cache is pruned afterwards.
    """
    now = run.clock()
    since = now - run.options.since
    fetched = 0

    def step(what: str) -> None:
        nonlocal fetched
        fetched += 1
        run.report(what, fetched, 0)

    reader = Reader(
        run.fetcher,
        folder_since=since,
        progress=step,
        allow_private=run.options.allow_private,
        timings=run.timings,
    )
    if run.options.allow_private:
        run.note("allow_private is on: links in feeds and pages may reach local addresses")
    found = reader.read(run.options.sources)
    run.skip(found.skipped)
    seen = Seen(run.state / "seen.json")
    items, old = in_window(found.items, since, now, seen)
    seen.save(now)
    run.result.older = len(old)
    if old:
        run.note(
            f"{len(old)} feed item{'s' * (len(old) != 1)} older than "
            f"{describe_since(run.options.since)} left out"
        )
    items, over = newest_per_feed(unique_items(items), max(PER_FEED, 2 * run.options.max_stories))
    run.skip(over)
    candidates = list(found.articles)
    for number, item in enumerate(items, start=1):
        run.report(f"Reading {item.title[:50]}", number, len(items))
        outcome = reader.candidate(item)
        if isinstance(outcome, Skip):
            run.skip([outcome])
        else:
            candidates.append(outcome)
    if reader.refused:
        run.note(
            f"{reader.refused:,} link{'s' * (reader.refused != 1)} to local or private addresses "
            f"refused ({PRIVATE_HINT})"
        )
    run.cache.prune()
    return candidates


def newest_per_feed(items: list[Item], limit: int) -> tuple[list[Item], list[Skip]]:
    """At most `limit` items of each feed, its newest, so a busy feed costs few downloads."""
    newest = dt.datetime.max.replace(tzinfo=dt.UTC)
    by_feed: dict[str, list[Item]] = {}
    for item in items:
        by_feed.setdefault(item.origin, []).append(item)
    keep: set[int] = set()
    skipped: list[Skip] = []
    for feed_items in by_feed.values():
        ordered = sorted(feed_items, key=lambda i: i.published or newest, reverse=True)
        keep.update(id(i) for i in ordered[:limit])
        skipped += [
            Skip(i.link or i.title, f"beyond the newest {limit} items of {i.feed}", "limit")
            for i in ordered[limit:]
        ]
    return [i for i in items if id(i) in keep], skipped


def unique_items(items: list[Item]) -> list[Item]:
    """The same entry listed twice by one feed (or an OPML naming a feed twice) counts once."""
    seen: set[tuple[str, str]] = set()
    unique = []
    for item in items:
        key = (item.feed, item.key)
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return unique


def empty_reason(run: DailyRun) -> str:
    """Why no story is left: every source failed, or nothing was new in the window."""
    window = describe_since(run.options.since)
    skipped = len(run.result.skipped)
    if run.result.skipped and not run.result.older:
        return f"nothing to brief: every source failed ({skipped} skipped)"
    return f"nothing to brief: no stories from the last {window} ({skipped} skipped)"
