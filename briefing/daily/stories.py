"""Choosing the day's stories: a time window, near-duplicates merged across sources, a ranking."""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing.daily.sources import Candidate, Item, Skip
from briefing.files import load_state, save_state

SIMILAR = 0.3
"""Cosine similarity (TF-IDF over title and lead) at which two reports are one story.

Measured by bench/dedup.py on the dev set, pairing each article with its reference
highlights (same event, other words) in simulated days of 12 stories told twice:
at 0.3 about 9 in 10 such pairs merge, and about 4 in 10,000 pairs of different
stories do.
"""
LEAD_WORDS = 80
"""Only a report's opening is compared: that is where news says what happened."""
SEEN_DAYS = 30
FUTURE_SLACK = dt.timedelta(hours=1)
"""Clocks and time zones may be this far off; beyond it a date in the future is not believed."""

MAX_SINCE = dt.timedelta(days=365_000)
"""About a thousand years: any longer and `now - since` falls off the calendar."""

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SINCE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([mhdw]?)\s*$", re.I)
MAX_SINCE = dt.timedelta(days=200_000)
"""The longest --since window: "100000d" means "everything", a far longer one overflows dates."""
_UNITS = {"m": "minutes", "h": "hours", "": "hours", "d": "days", "w": "weeks"}


def parse_since(text: str) -> dt.timedelta:
    """A window such as "24h", "90m", "2d", "1w" or a bare number of hours.

    Raises:
        ValueError: not a positive duration in those units.
    """
    match = _SINCE.match(str(text)[:100])
    if not match or len(str(text)) > 100 or float(match.group(1)) <= 0:
        raise ValueError(f"{str(text)[:40]!r} is not a duration such as 24h, 90m or 2d")
    try:
        window = dt.timedelta(**{_UNITS[match.group(2).lower()]: float(match.group(1))})
    except OverflowError:
        window = MAX_SINCE + MAX_SINCE
    if window > MAX_SINCE:
        raise ValueError(f"{text!r} is longer than the {MAX_SINCE.days:,} days a window can span")
    return window


def describe_since(window: dt.timedelta) -> str:
    hours = window.total_seconds() / 3600
    if hours >= 48 and hours % 24 == 0:
        return f"{hours / 24:g} days"
    if hours >= 1:
        return f"{hours:g} hours"
    return f"{window.total_seconds() / 60:g} minutes"


class Seen:
    """When each undated feed entry was first seen, so it counts as new only once."""

    def __init__(self, path: Path) -> None:
        self.path = path
        data: dict[str, object] = load_state(path, {})
        self._times = {str(k): str(v) for k, v in data.items()}
        self._changed = False

    def first_seen(self, key: str, now: dt.datetime) -> dt.datetime:
        if key in self._times:
            with contextlib.suppress(ValueError):
                when = dt.datetime.fromisoformat(self._times[key])
                if when.tzinfo is not None and when <= now:  # else damaged: seen now
                    return when
        self._times[key] = now.isoformat()
        self._changed = True
        return now

    def save(self, now: dt.datetime) -> None:
        """Best effort; forgets entries older than SEEN_DAYS."""
        if not self._changed:
            return
        limit = (now - dt.timedelta(days=SEEN_DAYS)).isoformat()
        keep = {k: v for k, v in self._times.items() if v >= limit}
        save_state(self.path, keep, indent=None)


def in_window(
    items: Sequence[Item], since: dt.datetime, now: dt.datetime, seen: Seen | None = None
) -> tuple[list[Item], list[Skip]]:
    """The items published after `since` (undated ones: first seen after it), and the rest."""
    kept: list[Item] = []
    old: list[Skip] = []
    for item in items:
        when = item.published
        if when is None or when > now + FUTURE_SLACK:
            # Undated, or dated in the future (2099 would be new every day): when first seen.
            when = seen.first_seen(item.key, now) if seen else now
        if when >= since:
            kept.append(item)
        else:
            old.append(
                Skip(
                    item.link or item.title,
                    f"published {when:%Y-%m-%d %H:%M} UTC, before the window",
                    "old",
                )
            )
    return kept, old


@dataclass(frozen=True)
class StoryGroup:
    """One event and every report of it; the first report is the one summarized."""

    members: tuple[Candidate, ...]

    @property
    def lead(self) -> Candidate:
        return self.members[0]

    @property
    def headline(self) -> str:
        return self.lead.article.title

    @property
    def credits(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.credit for m in self.members))

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.name for m in self.members if m.name))

    @property
    def published(self) -> dt.datetime | None:
        return max((m.published for m in self.members if m.published), default=None)

    @property
    def notes(self) -> tuple[str, ...]:
        return tuple(n for m in self.members for n in m.notes)


def _terms(candidate: Candidate, shared: frozenset[str] = frozenset()) -> Counter[str]:
    """The report's weighted stems, without its language's stop words nor `shared` ones."""
    from briefing.summarize.sumy_methods import stemmer, stop_words

    language = candidate.article.language
    stem, stops = stemmer(language), stop_words(language) | shared
    counts: Counter[str] = Counter()
    lead = " ".join(" ".join(candidate.article.sentences).split()[:LEAD_WORDS])
    for text, weight in ((candidate.article.title, 2), (lead, 1)):
        for word in _WORD.findall(text.lower()):
            if len(word) > 1 and word not in stops:
                counts[stem(word)] += weight
    return counts


def _vectors(candidates: Sequence[Candidate]) -> list[dict[str, float]]:
    """TF-IDF vectors; the document frequencies come from the day's own reports.

    A day in several languages drops every one of their stop words from every report,
    so a French and a Spanish report never look alike on "de" and "la".
    """
    from briefing.summarize.sumy_methods import stop_words

    languages = {c.article.language for c in candidates}
    shared = (
        frozenset().union(*(stop_words(lang) for lang in languages))
        if len(languages) > 1
        else frozenset()
    )
    counts = [_terms(c, shared) for c in candidates]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(counts)
    vectors = []
    for c in counts:
        vector = {t: k * (math.log((1 + n) / (1 + df[t])) + 1) for t, k in c.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors.append({t: v / norm for t, v in vector.items()})
    return vectors


def similarity(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def _best_first(members: list[Candidate]) -> tuple[Candidate, ...]:
    """The report to summarize: a real article before feed text, then the fuller one."""
    return tuple(
        sorted(members, key=lambda c: (c.from_feed_text, -min(c.article.word_count, 1500)))
    )


def group(candidates: Sequence[Candidate], threshold: float = SIMILAR) -> list[StoryGroup]:
    """Merge reports of the same event; groups keep the order of their first report."""
    vectors = _vectors(candidates)
    parent = list(range(len(candidates)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    links = [_link_key(c.link) for c in candidates]
    for i in range(len(candidates)):
        for j in range(i + 1, len(candidates)):
            same_page = bool(links[i]) and links[i] == links[j]
            if same_page or similarity(vectors[i], vectors[j]) >= threshold:
                parent[root(j)] = root(i)
    groups: dict[int, list[Candidate]] = {}
    for i, candidate in enumerate(candidates):
        groups.setdefault(root(i), []).append(candidate)
    return [StoryGroup(_best_first(members)) for members in groups.values()]


def _link_key(link: str) -> str:
    """A page address without the parts that differ between feeds (fragment, tracking)."""
    link = re.sub(r"#.*$", "", link.strip())
    link = re.sub(r"([?&])(utm_[^=&]*|ref|src)=[^&]*", r"\1", link)
    return link.rstrip("?&/").lower()


def rank(groups: Sequence[StoryGroup]) -> list[StoryGroup]:
    """Stories told by more sources first, then the newest; otherwise the input order."""

    def key(pair: tuple[int, StoryGroup]) -> tuple[int, float, int]:
        index, story = pair
        newest = story.published.timestamp() if story.published else -math.inf
        return (-len(story.names), -newest, index)

    indexed = sorted(enumerate(groups), key=key)
    return [g for _, g in indexed]


def select(
    candidates: Sequence[Candidate], max_stories: int, threshold: float = SIMILAR
) -> tuple[list[StoryGroup], list[Skip]]:
    """The day's stories, best first, at most `max_stories`; the rest reported as skipped."""
    ranked = rank(group(candidates, threshold))
    chosen, rest = ranked[:max_stories], ranked[max_stories:]
    skipped = [
        Skip(
            g.lead.link or g.headline, f"{g.headline!r}: over --max-stories {max_stories}", "limit"
        )
        for g in rest
    ]
    return chosen, skipped
