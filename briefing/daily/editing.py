"""The daily brief's editor's desk: the length budget, each story's share of it, and its summary."""

from __future__ import annotations

import contextlib
import warnings
from typing import TYPE_CHECKING

from briefing.daily.budget import MIN_STORY_WORDS, Budget, Rates, budget_for, share, story_cap
from briefing.daily.sources import Skip
from briefing.daily.stories import StoryGroup
from briefing.daily.timing import time_voice
from briefing.errors import BriefingError
from briefing.models import Story

if TYPE_CHECKING:
    from briefing.daily.pipeline import DailyRun


def plan_budget(run: DailyRun) -> Budget:
    """The brief's length in words, at the rate the run's voice really speaks.

    A voice never used with this engine is timed first (when there is audio),
    once: the rate is kept per engine, voice, rate and language. A re-run the
    same day keeps the day's rate, so its budget does not drift (and needs no timing).
    """
    engine, voice = run.engine, run.voice
    run.result.rate_key = Rates.key(engine, voice)
    previous = run.previous_manifest()
    days_rate = previous.get("wpm") if previous.get("rate_key") == run.result.rate_key else None
    if isinstance(days_rate, (int, float)) and not isinstance(days_rate, bool) and days_rate > 0:
        wpm = float(days_rate)
    else:
        if run.options.audio and not run.rates.known(engine, voice):
            run.report("Timing the voice", 0, 0)
            with run.timings.phase("timing the voice"), contextlib.suppress(BriefingError):
                run.rates.learn(engine, voice, *time_voice(voice))
        wpm = run.rates.wpm(engine, voice)
    budget = budget_for(minutes=run.options.minutes, words=run.options.words, wpm=wpm)
    run.result.budget = budget
    return budget


def allowances(run: DailyRun, groups: list[StoryGroup], budget: Budget) -> list[int]:
    """Words for each story's sentences, after the intro, outro, headlines and credits.

    Stories beyond the last one that fits get no allowance and are skipped ("no room").
    """
    from briefing.assemble import OUTRO, intro_for
    from briefing.programme import credit_sentence, transition

    count = len(groups)
    fixed = _count(intro_for(run.options.day, count)) + _count(OUTRO)
    overheads = []
    for number, group in enumerate(groups):
        bare = Story(group.headline, (), group.credits)
        overheads.append(
            _count(transition(number, count))
            + _count(group.headline)
            + _count(credit_sentence(bare))
        )
    shares = share(budget.words, fixed, overheads)
    # A share is time at the run voice's pace; a story read by another voice gets the
    # words that voice says in that time.
    base = budget.wpm or run.rates.wpm(run.engine, run.voice)
    for index, group in enumerate(groups[: len(shares)]):
        voice = run.voice_for(group.lead.article.language)
        if voice != run.voice and base:
            pace = run.rates.wpm(run.engine, voice) / base
            shares[index] = max(MIN_STORY_WORDS, round(shares[index] * pace))
    run.skip(
        Skip(
            group.lead.link or group.headline,
            f"{group.headline!r}: no room in {budget.describe()}",
            "limit",
        )
        for group in groups[len(shares) :]
    )
    return shares


def tell(run: DailyRun, groups: list[StoryGroup], shares: list[int]) -> list[Story]:
    """Each story summarized to its share; words whole sentences leave over go to the next."""
    texts: list[tuple[str, ...]] = []
    for number, (group, allowance) in enumerate(zip(groups, shares, strict=True), start=1):
        run.report("Summarizing", number, len(groups))
        texts.append(summary_of(group, run.method, allowance))
    # Whole sentences rarely fill an allowance exactly, and short articles can't: offer
    # the words left over to the stories in order, so the brief comes close to its length.
    spare = sum(shares) - sum(_words(t) for t in texts)
    total = run.result.budget.words if run.result.budget is not None else sum(shares)
    cap = story_cap(total, len(groups))
    for index, group in enumerate(groups):
        if spare < MIN_STORY_WORDS // 2:
            break
        used = _words(texts[index])
        offer = used + spare if cap is None else min(used + spare, cap)
        if offer <= used:
            continue
        longer = summary_of(group, run.method, offer)
        if used < _words(longer) <= (offer if cap is None else cap):
            spare -= _words(longer) - used
            texts[index] = longer
    return [
        Story(group.headline, text, group.credits, run.method, group.lead.article.language)
        for group, text in zip(groups, texts, strict=True)
    ]


def summary_of(group: StoryGroup, method: str, words: int) -> tuple[str, ...]:
    """The lead article's summary in about `words` words."""
    from briefing.summarize import Length, summarize

    with warnings.catch_warnings():
        # sumy's LexRank divides by zero on tiny documents; the scores it returns are fine.
        warnings.simplefilter("ignore", RuntimeWarning)
        return summarize(group.lead.article, method, Length(words=words)).sentences


def _count(text: str) -> int:
    return len(text.split())


def _words(sentences: tuple[str, ...]) -> int:
    return sum(len(s.split()) for s in sentences)
