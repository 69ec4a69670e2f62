"""The daily brief's hallway: one run walks sources -> stories -> budget -> summaries -> files -> feed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from briefing import locations
from briefing.assemble import programme_from
from briefing.daily import editing, gathering, publishing
from briefing.daily.budget import Budget, Rates
from briefing.daily.gathering import PER_FEED, newest_per_feed
from briefing.daily.options import DEFAULT_MAX_STORIES, DEFAULT_SINCE, DailyOptions, options_from
from briefing.daily.publishing import LOCK_NAME, LOCK_TIMEOUT, STEM, TRANSCRIPT
from briefing.daily.result import DailyResult, NothingToBrief
from briefing.daily.sources import Candidate, Skip
from briefing.daily.stories import StoryGroup, select
from briefing.daily.timing import SAMPLE, time_voice, written_words
from briefing.errors import UsageError
from briefing.fetch import Cache, Fetcher
from briefing.models import Briefing, Story, VoiceProfile
from briefing.timings import Timings

__all__ = [
    "DEFAULT_MAX_STORIES",
    "DEFAULT_SINCE",
    "LOCK_NAME",
    "LOCK_TIMEOUT",
    "PER_FEED",
    "SAMPLE",
    "STEM",
    "TRANSCRIPT",
    "DailyOptions",
    "DailyResult",
    "DailyRun",
    "NothingToBrief",
    "Progress",
    "formats",
    "newest_per_feed",
    "options_from",
    "run",
    "time_voice",
    "written_words",
]

Progress = Callable[[str, int, int], None]
"""Called with (what is happening, done, total); total 0 when unknown."""


def _silent(_what: str, _done: int, _total: int) -> None:
    """No progress shown (a run without a status line)."""


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class DailyRun:
    """One run of the daily brief: what was asked, the tools it works with, and what it did so far.

    The steps are methods, called in order by `brief`; each hands its work to the
    module of its room (gathering, editing, publishing), which takes the run
    rather than a handful of arguments. Everything a run leaves out goes through
    `skip` and `note`, so the result says why. The clock, the fetcher and the
    state folder are fields, so a test can run the steps on a fixed day offline.

    Where things go: a story's own language or voice is chosen in `tell` (and
    its rate in `plan`); a fairer share of the budget in `editing.allowances`;
    what the day's folder holds in `formats` and `publishing.write_day`; a
    destination besides the folder (a notes vault) and a whole-day swap of the
    folder in `publishing.publish`, which holds the lock. Anything new that
    changes the day's files must reach `identity.inputs_digest`, or a re-run
    keeps the old day; a new step gets its own `timings.phase`.
    """

    options: DailyOptions
    voice: VoiceProfile
    """The voice the brief is read with (and whose speaking rate sizes it)."""
    method: str
    """The summarizer's name, already checked."""
    engine: str
    """The speech engine's name: the learned speaking rates are kept per engine."""
    formats: tuple[str, ...]
    """What the day's folder gets, besides the transcript and the manifest."""
    fetcher: Fetcher = field(repr=False)
    cache: Cache = field(repr=False)
    state: Path
    """Where what runs learn is kept: the first sight of undated items, speaking rates."""
    clock: Callable[[], dt.datetime] = _utc_now
    report: Progress = _silent
    timings: Timings = field(default_factory=Timings, repr=False)
    """Where the run's time goes, phase by phase (the result carries the same record)."""
    result: DailyResult = field(init=False, repr=False)
    inputs: str = field(default="", init=False)
    """The digest of what the run was given (identity.inputs_digest), once gathered."""
    gathered: tuple[int, int] = field(default=(0, 0), init=False)
    """How many skips and notes the run had when gathering was done."""
    _voices: dict[str, VoiceProfile] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self.result = DailyResult(day=self.options.day, folder=self.folder, timings=self.timings)
        self.result.stats = self.fetcher.stats

    @property
    def folder(self) -> Path:
        """The day's folder inside the output folder (feed.xml sits beside it)."""
        return self.options.root / self.options.day.isoformat()

    @cached_property
    def rates(self) -> Rates:
        """The speaking rates past runs measured, read when the budget is first planned."""
        return Rates(self.state / "rates.json")

    def previous_manifest(self) -> dict[str, Any]:
        """What an earlier run wrote today ({} when none did)."""
        return publishing.read_manifest(self.folder)

    # ---- what the run leaves out ----

    def skip(self, skips: Iterable[Skip]) -> None:
        """Record sources, items or stories left out, each with its reason."""
        self.result.skipped.extend(skips)

    def note(self, text: str) -> None:
        """Record a line for the user (printed on stderr, kept in the manifest)."""
        self.result.notes.append(text)

    # ---- the steps, in order ----

    def gather(self) -> list[Candidate]:
        """Every new article the sources offer (the mailroom), in --language if one was given."""
        candidates = gathering.gather(self)
        language = self.options.language
        if language is None:
            return candidates
        from briefing.text import in_language

        return [
            replace(
                c,
                article=replace(
                    c.article, language=language, blocks=in_language(c.article.blocks, language)
                ),
            )
            for c in candidates
        ]

    def voice_for(self, language: str) -> VoiceProfile:
        """The run's voice switched to a story's language (its own voice, wording, rate key)."""
        if language not in self.result.voices:
            from briefing.speech.voices import voice_speaking

            voice, warning = voice_speaking(self.voice, language)
            if warning:
                self.note(warning)
            self._voices[language] = voice
            self.result.voices[language] = voice.voice
        return self._voices[language]

    @property
    def language(self) -> str:
        """The brief's own language (its intro and outro): the stories' one, else the channel's."""
        from briefing.language import language_named, shared_language

        languages = {story.language for story in self.result.told if story.language}
        if len(languages) == 1:
            return languages.pop()
        try:
            return language_named(self.options.channel.language)
        except ValueError:
            return shared_language(())

    def select(self, candidates: list[Candidate]) -> list[StoryGroup]:
        """The day's stories: articles on one event merged, ranked, at most max_stories."""
        groups, over = select(candidates, self.options.max_stories)
        self.skip(over)
        return groups

    def plan(self) -> Budget:
        """The brief's length in words for this voice (the editor's desk)."""
        return editing.plan_budget(self)

    def tell(self, groups: list[StoryGroup], budget: Budget) -> list[Story]:
        """The stories that fit the budget, each summarized to its share.

        Raises:
            NothingToBrief: no story is left to tell.
        """
        shares = editing.allowances(self, groups, budget)
        groups = groups[: len(shares)]
        told = editing.tell(self, groups, shares)
        if not told:
            raise NothingToBrief(gathering.empty_reason(self), self.result)
        self.result.stories, self.result.told = groups, told
        for group in groups:
            for text in group.notes:
                self.note(text)
        return told

    def programme(self, told: list[Story]) -> Briefing:
        """The spoken programme: intro, the stories with transitions and credits, outro.

        The wrapper words are in the brief's language; each story keeps its own.
        """
        from briefing.speech.wording import wording_for

        language = self.language
        return programme_from(
            told, day=self.options.day, wording=wording_for(language), language=language
        )

    def publish(self, briefing: Briefing) -> None:
        """The day's files and the feed, under the output folder's lock (the press room)."""
        publishing.publish(self, briefing)

    def learn(self, briefing: Briefing) -> None:
        """Keep the rate the voice really spoke at, for the next run's budget.

        Only a brief read wholly by the run's voice teaches it: one with a story in
        another language (another voice, or the same voice reading other words) would
        fold that language's pace into this voice's rate.
        """
        speakers = {self.voice_for(s.language or briefing.language) for s in briefing.stories}
        if speakers != {self.voice}:
            return
        if self.result.audio_seconds and not self.result.up_to_date:
            self.rates.learn(
                self.engine, self.voice, written_words(briefing), self.result.audio_seconds
            )

    def unchanged(self, candidates: list[Candidate]) -> bool:
        """Whether the day's last build had these very inputs: then its files are kept as they are.

        The budget is planned as usual (it restores the day's rate, without timing the voice).
        """
        from briefing.daily.identity import inputs_digest

        self.inputs = inputs_digest(self, candidates)
        self.gathered = (len(self.result.skipped), len(self.result.notes))
        if not publishing.keep_if_unchanged(self):
            return False
        self.plan()
        return True

    def brief(self) -> DailyResult:
        """All the steps: gather, select, plan, tell, publish, learn (or keep a day with no news)."""
        phase = self.timings.phase
        try:
            with phase("reading"):
                candidates = self.gather()
            with phase("checking"):
                if self.unchanged(candidates):
                    return self.result
            with phase("matching"):
                groups = self.select(candidates)
            with phase("planning"):
                budget = self.plan()
            with phase("summarizing"):
                briefing = self.programme(self.tell(groups, budget))
            with phase("publishing"):
                self.publish(briefing)
            with phase("learning"):
                self.learn(briefing)
            return self.result
        finally:
            self.timings.stop()


def run(
    options: DailyOptions, progress: Progress | None = None, timings: Timings | None = None
) -> DailyResult:
    """Make the day's brief and update the podcast feed.

    One failing source, page or item is recorded in the result's `skipped`
    and never stops the run. Writing happens under a lock on the output
    folder, so two runs at once each leave whole files. A run that finds just
    what the day's last build had keeps its files untouched (`up_to_date`).
    The result's `timings` say where the time went; pass `timings` started
    earlier (e.g. when the command began) to have that included.

    Raises:
        NothingToBrief: no story to tell (the result says why).
        VoiceError, UsageError: a bad voice or method name.
        OutputError: the output can't be written or the lock not taken.
    """
    from briefing.speech.engines import engine_name_for
    from briefing.speech.voices import get_profile, voice_speaking
    from briefing.summarize import DEFAULT_METHOD, get_method

    report = progress or _silent
    timings = timings or Timings()
    with timings.phase("setup"):
        voice, voice_warning = voice_speaking(get_profile(options.voice), options.channel.language)
        method = options.method or DEFAULT_METHOD
        try:
            get_method(method)  # fail on a bad name before any download
        except KeyError as exc:
            raise UsageError(exc.args[0]) from None
        engine = engine_name_for(voice)

    cache = Cache(locations.cache_dir() / "http")
    daily = DailyRun(
        options,
        voice=voice,
        method=method,
        engine=engine,
        formats=formats(options.audio, srt=options.srt),
        fetcher=Fetcher(cache),
        cache=cache,
        state=locations.state_dir(),
        report=report,
        timings=timings,
    )
    if voice_warning:
        daily.note(voice_warning)
    return daily.brief()


# ---- writing ------------------------------------------------------------------------------


def formats(audio: bool, *, srt: bool = False) -> tuple[str, ...]:
    """What to write: MP3, its JSON chapters and a WebVTT transcript (and SRT when asked)."""
    from briefing.formats import FORMATS

    wanted = ["md", "html"]
    if audio:
        wanted += ["mp3" if "mp3" in FORMATS else "wav", "vtt", "chapters"]
        if srt:
            wanted.append("srt")
    return tuple(f for f in FORMATS if f in wanted)
