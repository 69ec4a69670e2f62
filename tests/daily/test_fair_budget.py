"""The daily brief's length budget: the top story trimmed, never dropped; no story over half; on length."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from support import run_cli

from briefing.daily.budget import MAX_SHARE, share, weights
from briefing.models import Briefing, Story
from briefing.programme import programme_sections
from briefing.speech.script import build_script, without_dateline

_WHO = [
    "the mayor",
    "a local engineer",
    "the regional board",
    "two neighbours",
    "a retired teacher",
    "the finance office",
    "several shop owners",
    "the planning inspector",
    "a group of students",
    "the union secretary",
    "an independent auditor",
    "the police chief",
    "a hospital manager",
]
_SAID = [
    "warned that",
    "insisted that",
    "argued on Friday that",
    "told reporters that",
    "wrote in a letter that",
    "confirmed late on Tuesday that",
    "suggested that",
    "admitted that",
]
_WHAT = [
    "the budget had doubled since spring",
    "contractors missed three deadlines in a row",
    "rents near the site climbed sharply",
    "traffic on the western road fell by a third",
    "nobody had measured the flood risk",
    "volunteers collected nine thousand signatures",
    "the insurance bill arrived months late",
    "an earlier survey found cracked foundations",
    "school buses would need new routes",
    "energy prices wiped out the savings",
    "two rival bids were withdrawn",
    "a court ruling delayed every permit",
    "inspectors counted forty broken lamps",
    "the pension fund sold its stake quietly",
]
_TOPICS = ["ferry", "harvest", "chess", "museum", "glacier", "tram", "bakery", "solar"]


def _articles(folder: Path, count: int) -> list[str]:
    """`count` made-up local stories on different subjects, each a dozen distinct sentences."""
    paths = []
    for n, topic in enumerate(_TOPICS[:count]):
        pick = random.Random(n).choice
        sentences = [
            f"The long argument over the {topic} project reached the council again on Monday."
        ]
        sentences += [
            f"{pick(_WHO).capitalize()} {pick(_SAID)} {pick(_WHAT)} in the {topic} case."
            for _ in range(12)
        ]
        path = folder / f"{topic}.txt"
        path.write_text(f"The {topic} dispute deepens\n\n{' '.join(sentences)}\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def test_shares_by_rank_are_capped_at_half_and_never_rise_down_the_list() -> None:
    for count in range(1, 9):
        got = weights(count)
        assert sum(got) == pytest.approx(1.0)
        assert got == sorted(got, reverse=True)
        if count > 1:
            assert max(got) <= MAX_SHARE + 1e-9


def test_a_budget_too_small_for_every_story_drops_from_the_bottom() -> None:
    shares = share(60, 20, [5, 5, 5, 5])
    assert 1 <= len(shares) < 4  # the stories told are the first ones, best first
    assert share(10, 20, [5, 5]) == [25]  # even when nothing fits, the top story is told


@pytest.mark.parametrize(("count", "words"), [(3, 120), (3, 400), (8, 150), (8, 600)])
def test_daily_keeps_the_top_story_gives_none_over_half_and_lands_on_length(
    tmp_path: Path, count: int, words: int
) -> None:
    sources = _articles(tmp_path, count)

    def brief(length: int, out: str) -> dict:
        result = run_cli(
            "daily",
            *sources,
            "--words",
            str(length),
            "--out",
            str(tmp_path / out),
            "--since",
            "3650d",
            "--json",
            env={"BRIEFING_ENGINE": "fake"},
        )
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    roomy = brief(2000, "roomy")
    manifest = brief(words, "tight")
    told = manifest["stories"]
    assert told[0]["headline"] == roomy["stories"][0]["headline"]  # trimmed, never dropped
    assert [s["headline"] for s in told] == [s["headline"] for s in roomy["stories"][: len(told)]]
    if len(told) > 1:
        assert max(s["words"] for s in told) <= words / 2
    spoken = Path(manifest["folder"], "transcript.txt").read_text(encoding="utf-8")
    assert abs(len(spoken.split()) - words) <= 0.1 * words


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        (
            "LOS ANGELES (Reuters) - South Korean thriller Parasite won.",
            "South Korean thriller Parasite won.",
        ),
        ("WASHINGTON, Dec 1 (AP) -- The Senate voted.", "The Senate voted."),
        ("KYIV, Ukraine (AP) — Russia fired drones overnight.", "Russia fired drones overnight."),
        ("(Reuters) - Oil rose.", "Oil rose."),
        ("LONDON - Prices fell.", "Prices fell."),
        # Not datelines: left as written.
        ("He said - and meant it - no.", "He said - and meant it - no."),
        ("NATO - the alliance - met.", "NATO - the alliance - met."),
        ("US - China talks resumed.", "US - China talks resumed."),
    ],
)
def test_a_dateline_is_not_read_aloud(written: str, spoken: str) -> None:
    assert without_dateline(written) == spoken


def test_the_script_keeps_the_dateline_in_writing_and_drops_it_from_speech() -> None:
    import datetime as dt

    story = Story("Film wins", ("LOS ANGELES (Reuters) - A thriller won the top prize.",), ())
    script = build_script(Briefing("Film wins", dt.date(2025, 3, 4), (story,)))
    lead = next(s for s in script.segments if "thriller" in s.written)
    assert lead.written.startswith("LOS ANGELES (Reuters)")
    assert "Reuters" not in lead.spoken and "LOS ANGELES" not in lead.spoken.upper()


def test_a_cut_fallback_title_is_not_spoken() -> None:
    import datetime as dt

    cut = Story(
        "Defense officials said on…",
        ("Defense officials said on Monday that drills would resume.",),
        (),
    )
    other = Story("Rail fares rise", ("Rail fares rise by four percent in January.",), ())
    briefing = Briefing("Briefing", dt.date(2025, 3, 4), (cut, other), intro="Hello.", outro="Bye.")
    said = [line for _title, lines in programme_sections(briefing) for line in lines]
    assert not any("…" in line or "..." in line for line in said)
    assert sum("Defense officials said on" in line for line in said) == 1


def test_a_feeds_file_links_keep_three_slashes_and_credit_the_feed(tmp_path: Path) -> None:
    page = tmp_path / "ferry.html"
    page.write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Courier</title>'
        f"<item><title>Ferry dispute</title><link>{page.as_uri()}</link>"
        "<description>The ferry dispute deepened on Monday as the council met again. "
        "Residents were angry about the cost of the new landing stage.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run_cli(
        "daily",
        str(feed),
        "--words",
        "100",
        "--out",
        str(out),
        "--no-audio",
        "--since",
        "3650d",
        env={"BRIEFING_ENGINE": "fake"},
    )
    assert result.returncode == 0, result.stderr
    markdown = next(out.glob("*/briefing.md")).read_text(encoding="utf-8")
    assert f"({page.as_uri()})" in markdown
    spoken = next(out.glob("*/transcript.txt")).read_text(encoding="utf-8")
    assert "From Valley Courier." in spoken
    assert "tmp" not in spoken.lower().split()
