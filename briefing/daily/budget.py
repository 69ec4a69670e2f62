"""The length budget of a multi-story brief: words for the whole, shared out story by story."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing.files import load_state, save_state
from briefing.models import VoiceProfile

DEFAULT_MINUTES = 5.0
MIN_STORY_WORDS = 25
"""Below this a story is a headline and half a sentence: better left out."""
LEAD_BONUS = 0.5
"""The first story gets this much more than an even share, the bonus shrinking down the list."""
MAX_WPM = 2_000.0
"""No voice speaks faster: a learned rate above it is damage, not measurement."""
_LEARN = 0.5
"""How much one run's measured rate moves the remembered one."""


@dataclass(frozen=True)
class Budget:
    """How many words the whole brief may have, and how that number was reached."""

    words: int
    wpm: float
    minutes: float | None = None

    def describe(self) -> str:
        if self.minutes is None:
            return f"{self.words} words"
        return f"{self.minutes:g} minutes ({self.words} words at {self.wpm:.0f} words a minute)"


def budget_for(*, minutes: float | None = None, words: int | None = None, wpm: float) -> Budget:
    """The word budget for `minutes` of speech at `wpm`, or an explicit word count."""
    if words is not None:
        return Budget(words=words, wpm=wpm)
    minutes = DEFAULT_MINUTES if minutes is None else minutes
    return Budget(words=max(1, round(minutes * wpm)), wpm=wpm, minutes=minutes)


MAX_SHARE = 0.5
"""No story of several gets more than this part of the brief: a lead story is trimmed, not a monologue."""


def weights(count: int) -> list[float]:
    """Shares for `count` stories by rank: leading stories get more, none over MAX_SHARE.

    Each share is at least the even share of the stories below the bonus, so the
    last story always has its floor; a share over the cap gives its excess to the others.
    """
    raw = [1.0 + LEAD_BONUS / (1 + i) if i < 3 else 1.0 for i in range(count)]
    total = sum(raw) or 1.0
    shares = [w / total for w in raw]
    if count < 2:
        return shares
    for _ in range(count):
        over = [i for i, w in enumerate(shares) if w > MAX_SHARE]
        if not over:
            break
        excess = sum(shares[i] - MAX_SHARE for i in over)
        rest = [i for i in range(count) if i not in over]
        for i in over:
            shares[i] = MAX_SHARE
        room = sum(shares[i] for i in rest) or 1.0
        for i in rest:
            shares[i] += excess * shares[i] / room
    return shares


def story_cap(total: int, count: int) -> int | None:
    """The most words one story may take of a `total`-word brief of `count` stories."""
    return int(total * MAX_SHARE) if count > 1 else None


def share(total: int, fixed: int, overheads: Sequence[int]) -> list[int]:
    """Words for each story's summary so the whole brief fits `total` words.

    Args:
        total: the whole brief's budget in words.
        fixed: words spoken once whatever the stories (intro, outro).
        overheads: for each story, best first, the words spoken around its summary
            (transition, headline, sources).

    Returns:
        One allowance per story that fits, best first; stories that can't get
        MIN_STORY_WORDS are left off the end (the result is shorter).
    """
    count = len(overheads)
    while count:
        room = total - fixed - sum(overheads[:count])
        allowances = [int(room * w) for w in weights(count)]
        if allowances and min(allowances) >= MIN_STORY_WORDS:
            return allowances
        count -= 1
    # Even one story doesn't fit: still tell the best one, as briefly as possible.
    return [MIN_STORY_WORDS] if overheads else []


class Rates:
    """The speaking rate each engine and voice really achieved, learned from past runs.

    A voice's nominal words per minute ignores pauses at sentence ends and
    headings; the rate measured on the last briefings is closer to what the
    next one will take.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        data: dict[str, object] = load_state(path, {})
        self._rates = {
            str(k): float(v)
            for k, v in data.items()
            if isinstance(v, (int, float)) and not isinstance(v, bool) and 0 < v < MAX_WPM
        }  # NaN, inf, zero or absurd rates (a damaged file) are forgotten, not used

    @staticmethod
    def key(engine: str, voice: VoiceProfile) -> str:
        """Rates are kept per engine, voice, rate and language (English keeps its old key)."""
        from briefing.speech.voices import profile_language

        language = profile_language(voice)
        base = f"{engine}:{voice.voice}:{voice.rate}"
        return base if language == "en" else f"{base}:{language}"

    def known(self, engine: str, voice: VoiceProfile) -> bool:
        return self.key(engine, voice) in self._rates

    def wpm(self, engine: str, voice: VoiceProfile) -> float:
        """The learned rate, or the voice's nominal one; never far from the nominal."""
        learned = self._rates.get(self.key(engine, voice))
        if learned is None:
            return float(voice.rate)
        return min(max(learned, voice.rate * 0.5), voice.rate * 1.5)

    def learn(self, engine: str, voice: VoiceProfile, words: int, seconds: float) -> None:
        """Fold in one rendering's rate; best effort (a failed save costs only accuracy)."""
        if words < 50 or not 0 < seconds < math.inf:
            return
        measured = words / (seconds / 60)
        key = self.key(engine, voice)
        old = self._rates.get(key)
        self._rates[key] = measured if old is None else old + _LEARN * (measured - old)
        save_state(self.path, self._rates)
