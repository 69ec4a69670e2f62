"""The length budget: words for the whole brief, shared so leading stories get a little more."""

from __future__ import annotations

from pathlib import Path

from briefing.daily.budget import MIN_STORY_WORDS, Rates, budget_for, share, weights
from briefing.models import VoiceProfile


def test_minutes_become_words_at_the_voices_rate() -> None:
    budget = budget_for(minutes=5, wpm=150)
    assert budget.words == 750
    assert "5 minutes" in budget.describe()
    assert budget_for(words=300, minutes=None, wpm=150).words == 300
    assert budget_for(wpm=120).words == 600  # the default is five minutes


def test_weights_favour_the_leading_stories_and_sum_to_one() -> None:
    shares = weights(6)
    assert abs(sum(shares) - 1) < 1e-9
    assert shares[0] > shares[1] > shares[2] > shares[3] == shares[4] == shares[5]


def test_share_fits_the_budget_with_the_spoken_extras() -> None:
    allowances = share(750, fixed=25, overheads=[15, 12, 12, 10])
    assert len(allowances) == 4
    assert sum(allowances) + 25 + 15 + 12 + 12 + 10 <= 750
    assert sum(allowances) > 750 - 25 - 49 - 4  # nothing wasted beyond rounding
    assert allowances[0] == max(allowances)


def test_stories_that_cannot_get_enough_words_are_left_off_the_end() -> None:
    allowances = share(200, fixed=20, overheads=[10] * 8)
    assert 0 < len(allowances) < 8
    assert min(allowances) >= MIN_STORY_WORDS


def test_a_tiny_budget_still_tells_one_story() -> None:
    assert share(10, fixed=20, overheads=[10, 10]) == [MIN_STORY_WORDS]
    assert share(100, fixed=0, overheads=[]) == []


def test_the_real_speaking_rate_is_learned_and_kept_near_the_nominal(tmp_path: Path) -> None:
    voice = VoiceProfile("test", rate=150)
    path = tmp_path / "rates.json"
    rates = Rates(path)
    assert rates.wpm("espeak", voice) == 150
    rates.learn("espeak", voice, words=600, seconds=300)  # 120 words a minute
    assert Rates(path).wpm("espeak", voice) == 120
    Rates(path).learn("espeak", voice, words=600, seconds=30)  # absurd: 1200 a minute
    assert Rates(path).wpm("espeak", voice) == 225  # clamped to 1.5 x nominal
    assert Rates(path).wpm("fake", voice) == 150  # per engine
    rates.learn("espeak", voice, words=10, seconds=5)  # too short to tell
    assert Rates(path).wpm("espeak", voice) == 225
