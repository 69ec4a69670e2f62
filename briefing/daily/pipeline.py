"""The daily brief, end to end: sources -> stories -> budget -> summaries -> files -> podcast feed."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from briefing import locations
from briefing.assemble import programme_from
from briefing.daily.budget import MIN_STORY_WORDS, Budget, Rates, budget_for, share
from briefing.daily.config import DailyConfig
from briefing.daily.fetch import Cache, Fetcher, Stats
from briefing.daily.podcast import MANIFEST, Channel, Episode, write_feed
from briefing.daily.sources import Candidate, Item, Reader, Skip
from briefing.daily.stories import Seen, StoryGroup, describe_since, in_window, parse_since, select
from briefing.errors import BriefingError, EngineError, OutputError, UsageError
from briefing.models import Briefing, Story, VoiceProfile

STEM = "briefing"
TRANSCRIPT = "transcript.txt"
LOCK_NAME = ".briefing.lock"
LOCK_TIMEOUT = 15 * 60
"""Seconds to wait for another run writing to the same output folder."""
DEFAULT_SINCE = dt.timedelta(hours=24)
DEFAULT_MAX_STORIES = 8
PER_FEED = 10
"""Pages read per feed and run at least (twice --max-stories when that is more)."""

Progress = Callable[[str, int, int], None]
"""Called with (what is happening, done, total); total 0 when unknown."""


@dataclass(frozen=True)
class DailyOptions:
    """Everything a run needs, already merged from the command line and the config file."""

    sources: tuple[str, ...]
    root: Path
    """The output folder holding the day folders and feed.xml."""
    day: dt.date = field(default_factory=dt.date.today)
    since: dt.timedelta = DEFAULT_SINCE
    max_stories: int = DEFAULT_MAX_STORIES
    minutes: float | None = None
    words: int | None = None
    voice: str = "default"
    method: str | None = None
    channel: Channel = field(default_factory=Channel)
    audio: bool = True
    force: bool = False
    """Write the day's files even when nothing changed since the last run."""


def options_from(
    conf: DailyConfig,
    *,
    sources: tuple[str, ...] = (),
    since: str | None = None,
    minutes: float | None = None,
    words: int | None = None,
    max_stories: int | None = None,
    voice: str | None = None,
    method: str | None = None,
    out: Path | None = None,
    base_url: str | None = None,
    title: str | None = None,
    audio: bool = True,
    force: bool = False,
) -> DailyOptions:
    """The run's options: what was given (e.g. on the command line), else the config's.

    Raises:
        UsageError: no sources anywhere, or a --since that isn't a duration.
    """
    config_name = conf.path or locations.config_file()
    sources = sources or conf.feeds
    if not sources:
        raise UsageError(
            f"no sources: give feeds, URLs, files or folders, or list them as feeds in "
            f"{config_name} (briefing daily --init writes an example)"
        )
    try:
        window = parse_since(since or conf.since or "24h")
    except ValueError as exc:
        raise UsageError(f"--since: {exc}") from None
    if minutes is None and words is None:
        minutes, words = conf.minutes, conf.words
    root = out or (Path(conf.output).expanduser() if conf.output else locations.output_root())
    default = Channel()
    channel = Channel(
        title=title or conf.title or default.title,
        description=conf.description or default.description,
        author=conf.author or default.author,
        language=conf.language or default.language,
        base_url=base_url or conf.base_url,
        image=conf.image,
    )
    return DailyOptions(
        sources=tuple(sources),
        root=root,
        since=window,
        max_stories=max_stories or conf.max_stories or DEFAULT_MAX_STORIES,
        minutes=minutes,
        words=words,
        voice=voice or conf.voice or "default",
        method=method or conf.method,
        channel=channel,
        audio=audio,
        force=force,
    )


@dataclass
class DailyResult:
    """What a run did: files written, stories told, and everything left out with the reason."""

    day: dt.date
    folder: Path
    files: list[Path] = field(default_factory=list)
    feed: Path | None = None
    feed_updated: bool = False
    stories: list[StoryGroup] = field(default_factory=list)
    told: list[Story] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    older: int = 0
    notes: list[str] = field(default_factory=list)
    up_to_date: bool = False
    audio: Path | None = None
    audio_seconds: float | None = None
    budget: Budget | None = None
    rate_key: str = ""
    stats: Stats = field(default_factory=Stats)

    def manifest(self) -> dict[str, Any]:
        """The run as JSON-ready data (what `--json` prints)."""
        return {
            "date": self.day.isoformat(),
            "folder": str(self.folder),
            "files": [str(p) for p in self.files],
            "feed": str(self.feed) if self.feed else None,
            "feed_updated": self.feed_updated,
            "up_to_date": self.up_to_date,
            "audio": str(self.audio) if self.audio else None,
            "audio_seconds": round(self.audio_seconds, 2) if self.audio_seconds else None,
            "budget": self.budget.describe() if self.budget else None,
            "budget_words": self.budget.words if self.budget else None,
            "wpm": self.budget.wpm if self.budget else None,
            "rate_key": self.rate_key,
            "stories": [
                {
                    "headline": story.headline,
                    "words": story.word_count,
                    "sources": [
                        {"name": m.name, "link": m.link, "feed_text": m.from_feed_text}
                        for m in group.members
                    ],
                }
                for group, story in zip(self.stories, self.told, strict=False)
            ],
            "skipped": [
                {"source": s.source, "reason": s.reason, "kind": s.kind} for s in self.skipped
            ],
            "older_items": self.older,
            "notes": list(self.notes),
            "fetch": {
                "fetched": self.stats.fetched,
                "not_modified": self.stats.not_modified,
                "fresh": self.stats.fresh,
                "failed": self.stats.failed,
            },
        }


class NothingToBrief(BriefingError):
    """No story survived (every source failed, or nothing new in the window)."""

    def __init__(self, message: str, result: DailyResult) -> None:
        super().__init__(message)
        self.result = result


def run(options: DailyOptions, progress: Progress | None = None) -> DailyResult:
    """Make the day's brief and update the podcast feed.

    One failing source, page or item is recorded in the result's `skipped`
    and never stops the run. Writing happens under a lock on the output
    folder, so two runs at once each leave whole files.

    Raises:
        NothingToBrief: no story to tell (the result says why).
        VoiceError, UsageError: a bad voice or method name.
        OutputError: the output can't be written or the lock not taken.
    """
    from briefing.speech.voices import get_profile, voice_speaking
    from briefing.summarize import DEFAULT_METHOD, get_method

    report = progress or (lambda _what, _done, _total: None)
    voice, voice_warning = voice_speaking(get_profile(options.voice), options.channel.language)
    method = options.method or DEFAULT_METHOD
    try:
        get_method(method)  # fail on a bad name before any download
    except KeyError as exc:
        raise UsageError(exc.args[0]) from None
    folder = options.root / options.day.isoformat()
    result = DailyResult(day=options.day, folder=folder)
    if voice_warning:
        result.notes.append(voice_warning)

    candidates = _gather(options, result, report)
    groups, over = select(candidates, options.max_stories)
    result.skipped += over

    engine = os.environ.get("BRIEFING_ENGINE", "espeak")
    rates = Rates(locations.state_dir() / "rates.json")
    if options.audio and not rates.known(engine, voice):
        report("Timing the voice", 0, 0)
        with contextlib.suppress(BriefingError):
            rates.learn(engine, voice, *time_voice(voice))
    wpm = rates.wpm(engine, voice)
    result.rate_key = Rates.key(engine, voice)
    previous = _previous(folder)
    if previous.get("rate_key") == result.rate_key and previous.get("wpm"):
        wpm = float(previous["wpm"])  # a re-run the same day keeps the day's budget
    budget = budget_for(minutes=options.minutes, words=options.words, wpm=wpm)
    result.budget = budget
    groups, told = _summarize(groups, budget, method, options, result, report)
    if not told:
        raise NothingToBrief(_empty_reason(options, result), result)
    result.stories, result.told = groups, told
    for group in groups:
        result.notes += group.notes
    briefing = programme_from(told, day=options.day)

    fingerprint = _fingerprint(briefing, voice, options, engine)
    _write(briefing, voice, fingerprint, options, result, report)
    if result.audio_seconds and not result.up_to_date:
        rates.learn(engine, voice, written_words(briefing), result.audio_seconds)
    return result


def written_words(briefing: Briefing) -> int:
    """Words of the programme as written: the unit the budget counts (speech may expand them)."""
    from briefing.programme import programme_sections

    return sum(len(s.split()) for _, said in programme_sections(briefing) for s in said)


def time_voice(voice: VoiceProfile) -> tuple[int, float]:
    """Speak a short sample programme the way a brief is spoken: (written words, seconds).

    It goes through the same export as a brief (so the same normalizing and
    pauses), into a temporary folder.

    Raises:
        BriefingError: the engine can't be loaded or fails.
    """
    import tempfile

    from briefing.export import export_briefing
    from briefing.render import split_front_matter

    sample = programme_from(
        [Story(headline, sentences, (source,)) for headline, sentences, source in SAMPLE],
        day=dt.date.today(),
    )
    with tempfile.TemporaryDirectory(prefix="briefing-rate-") as folder:
        written = export_briefing(sample, Path(folder), ("md", "wav"), voice=voice, stem="sample")
        meta, _ = split_front_matter(written[0].read_text(encoding="utf-8"))
    seconds = meta.get("audio_seconds")
    if not isinstance(seconds, (int, float)) or seconds <= 0:
        raise EngineError("the speech engine produced no audio for the timing sample")
    return written_words(sample), float(seconds)


SAMPLE = (
    (
        "Council approves the river bridge",
        (
            "The city council voted seven to two on Monday night to approve a new bridge.",
            "Work is due to start in March, and the first traffic is expected in 2027.",
        ),
        "Riverside Gazette <https://gazette.example/bridge>",
    ),
    (
        "Schools add a bus route",
        (
            "Critics said the $40 million would be better spent on repairing roads.",
            "The mayor disagreed: the crossing would save workers 20 minutes a day.",
        ),
        "Valley News <https://valley.example/buses>",
    ),
)
"""Two short stories (numbers, a date, credits) for timing a voice before its first brief."""


# ---- gathering ----------------------------------------------------------------------------


def _gather(options: DailyOptions, result: DailyResult, report: Progress) -> list[Candidate]:
    now = dt.datetime.now(dt.UTC)
    since = now - options.since
    cache = Cache(locations.cache_dir() / "http")
    fetcher = Fetcher(cache)
    result.stats = fetcher.stats
    fetched = 0

    def step(what: str) -> None:
        nonlocal fetched
        fetched += 1
        report(what, fetched, 0)

    reader = Reader(fetcher, folder_since=since, progress=step)
    found = reader.read(options.sources)
    result.skipped += found.skipped
    seen = Seen(locations.state_dir() / "seen.json")
    items, old = in_window(found.items, since, now, seen)
    seen.save(now)
    result.older = len(old)
    if old:
        result.notes.append(
            f"{len(old)} feed item{'s' * (len(old) != 1)} older than "
            f"{describe_since(options.since)} left out"
        )
    items, over = newest_per_feed(_unique(items), max(PER_FEED, 2 * options.max_stories))
    result.skipped += over
    candidates = list(found.articles)
    for number, item in enumerate(items, start=1):
        report(f"Reading {item.title[:50]}", number, len(items))
        outcome = reader.candidate(item)
        if isinstance(outcome, Skip):
            result.skipped.append(outcome)
        else:
            candidates.append(outcome)
    cache.prune()
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


def _unique(items: list[Item]) -> list[Item]:
    """The same entry listed twice by one feed (or an OPML naming a feed twice) counts once."""
    seen: set[tuple[str, str]] = set()
    unique = []
    for item in items:
        key = (item.feed, item.key)
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return unique


def _empty_reason(options: DailyOptions, result: DailyResult) -> str:
    window = describe_since(options.since)
    if result.skipped and not result.older:
        return f"nothing to brief: every source failed ({len(result.skipped)} skipped)"
    return f"nothing to brief: no stories from the last {window} ({len(result.skipped)} skipped)"


# ---- summarizing --------------------------------------------------------------------------


def _summarize(
    groups: list[StoryGroup],
    budget: Budget,
    method: str,
    options: DailyOptions,
    result: DailyResult,
    report: Progress,
) -> tuple[list[StoryGroup], list[Story]]:
    """Each story's summary, sized so the whole brief fits the budget."""
    from briefing.assemble import OUTRO, intro_for
    from briefing.programme import credit_sentence, transition
    from briefing.summarize import Length, summarize

    def words(text: str) -> int:
        return len(text.split())

    count = len(groups)
    fixed = words(intro_for(options.day, count)) + words(OUTRO)
    overheads = []
    for number, group in enumerate(groups):
        bare = Story(group.headline, (), group.credits)
        overheads.append(
            words(transition(number, count)) + words(group.headline) + words(credit_sentence(bare))
        )
    allowances = share(budget.words, fixed, overheads)
    for group in groups[len(allowances) :]:
        result.skipped.append(
            Skip(
                group.lead.link or group.headline,
                f"{group.headline!r}: no room in {budget.describe()}",
                "limit",
            )
        )
    groups = groups[: len(allowances)]

    def summary_of(group: StoryGroup, words: int) -> tuple[str, ...]:
        with warnings.catch_warnings():
            # sumy's LexRank divides by zero on tiny documents; the scores it returns are fine.
            warnings.simplefilter("ignore", RuntimeWarning)
            return summarize(group.lead.article, method, Length(words=words)).sentences

    texts: list[tuple[str, ...]] = []
    for number, (group, allowance) in enumerate(zip(groups, allowances, strict=True), start=1):
        report("Summarizing", number, len(groups))
        texts.append(summary_of(group, allowance))
    # Whole sentences rarely fill an allowance exactly, and short articles can't: offer
    # the words left over to the stories in order, so the brief comes close to its length.
    spare = sum(allowances) - sum(_words(t) for t in texts)
    for index, group in enumerate(groups):
        if spare < MIN_STORY_WORDS // 2:
            break
        used = _words(texts[index])
        longer = summary_of(group, used + spare)
        if _words(longer) > used:
            spare -= _words(longer) - used
            texts[index] = longer
    told = [
        Story(group.headline, text, group.credits, method)
        for group, text in zip(groups, texts, strict=True)
    ]
    return groups, told


def _words(sentences: tuple[str, ...]) -> int:
    return sum(len(s.split()) for s in sentences)


# ---- writing ------------------------------------------------------------------------------


def formats(audio: bool) -> tuple[str, ...]:
    """What to write: MP3 (with chapters) and a WebVTT transcript when export offers them."""
    from briefing.export import FORMATS

    wanted = ["md", "html"]
    if audio:
        wanted.append("mp3" if "mp3" in FORMATS else "wav")
        if "vtt" in FORMATS:
            wanted.append("vtt")
    return tuple(f for f in FORMATS if f in wanted)


def _fingerprint(
    briefing: Briefing, voice: VoiceProfile, options: DailyOptions, engine: str
) -> str:
    """Changes whenever the day's files would: the stories, the voice, the formats."""
    data = {
        "title": briefing.title,
        "intro": briefing.intro,
        "outro": briefing.outro,
        "stories": [[s.headline, s.sentences, s.sources, s.method] for s in briefing.stories],
        "voice": [voice.name, voice.voice, voice.rate, voice.volume, voice.pitch],
        "engine": engine,
        "formats": formats(options.audio),
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode("utf-8")).hexdigest()


def _lock_timeout() -> float:
    """Seconds to wait for another run (BRIEFING_LOCK_TIMEOUT overrides LOCK_TIMEOUT)."""
    try:
        return max(0.0, float(os.environ.get("BRIEFING_LOCK_TIMEOUT", LOCK_TIMEOUT)))
    except ValueError:
        return LOCK_TIMEOUT


def _previous(folder: Path) -> dict[str, Any]:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write(
    briefing: Briefing,
    voice: VoiceProfile,
    fingerprint: str,
    options: DailyOptions,
    result: DailyResult,
    report: Progress,
) -> None:
    from filelock import FileLock, Timeout

    from briefing.export import ensure_dir

    ensure_dir(options.root)
    lock = FileLock(str(options.root / LOCK_NAME))
    wait = _lock_timeout()
    try:
        if wait > 1:
            try:
                lock.acquire(timeout=1)
            except Timeout:
                report("Waiting for another briefing run to finish", 0, 0)
                lock.acquire(timeout=wait - 1)
        else:
            lock.acquire(timeout=wait)
    except Timeout:
        raise OutputError(
            f"{options.root}: another briefing run kept writing here for {wait:g} seconds; "
            "nothing was written, try again later"
        ) from None
    try:
        previous = _previous(result.folder)
        unchanged = (
            not options.force
            and previous.get("fingerprint") == fingerprint
            and all((result.folder / Path(p).name).is_file() for p in previous.get("files", []))
        )
        if unchanged:
            result.up_to_date = True
            result.notes.append("nothing changed since the last run today; files kept")
            if previous.get("audio"):
                result.audio = Path(previous["audio"])
                result.audio_seconds = previous.get("audio_seconds")
        else:
            _export(briefing, voice, fingerprint, options, result, report)
        result.feed, result.feed_updated = write_feed(options.root, options.channel)
    finally:
        lock.release()


def _export(
    briefing: Briefing,
    voice: VoiceProfile,
    fingerprint: str,
    options: DailyOptions,
    result: DailyResult,
    report: Progress,
) -> None:
    from briefing.export import export_briefing, write_text
    from briefing.speech.script import speech_script

    written = export_briefing(
        briefing,
        result.folder,
        formats(options.audio),
        voice=voice,
        force=True,
        stem=STEM,
        progress=lambda done, total: report("Speaking", done, total),
    )
    transcript = write_text(result.folder / TRANSCRIPT, speech_script(briefing, voice), force=True)
    result.files = [*written, transcript]
    audio_files = [p for p in written if p.suffix.lstrip(".") in ("mp3", "wav")]
    episode = None
    if audio_files:
        result.audio = audio_files[0]
        result.audio_seconds = _recorded_seconds(written)
        briefing = replace(briefing, audio_seconds=result.audio_seconds)
        page = next((p for p in written if p.suffix == ".html"), None)
        episode = Episode(
            day=options.day,
            title=briefing.title,
            published=dt.datetime.now(dt.UTC).replace(microsecond=0),
            audio=result.audio.relative_to(options.root).as_posix(),
            seconds=result.audio_seconds or 0.0,
            stories=tuple(
                (s.headline, tuple(g.names))
                for s, g in zip(result.told, result.stories, strict=False)
            ),
            page=page.relative_to(options.root).as_posix() if page else None,
        )
    manifest = result.manifest()
    manifest["fingerprint"] = fingerprint
    manifest["episode"] = episode.to_json() if episode else None
    write_text(
        result.folder / MANIFEST,
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n",
        force=True,
    )


def _recorded_seconds(written: list[Path]) -> float | None:
    """The audio length that export recorded in the Markdown front matter."""
    from briefing.render import split_front_matter

    for path in written:
        if path.suffix == ".md":
            meta, _ = split_front_matter(path.read_text(encoding="utf-8"))
            seconds = meta.get("audio_seconds")
            if isinstance(seconds, (int, float)):
                return float(seconds)
    return None
