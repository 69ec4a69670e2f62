"""Coherent picks: a sentence that leans on the one before never comes without it; no near-repeats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import EVAL_SET, REPO, run_cli

from briefing.ingest import parse_article
from briefing.models import Article, Block
from briefing.summarize import Length, summarize
from briefing.summarize.coherence import antecedents, leans_back
from briefing.summarize.length import choose

WRITTEN_SET = REPO / "bench" / "data" / "written-news.jsonl"

BORDER = (
    "Two neighbouring countries agreed on Saturday to reopen their main border crossing,"
    " closed for three weeks after a quarrel over fishing rights.",
    "Their foreign ministers announced the agreement after six hours of talks.",
    "Lorries carrying food and fuel had queued for up to 40 kilometres on both sides of the crossing.",
    "The quarrel began when coastguards of one country seized two trawlers of the other.",
    "Both sides have since dialed back the rhetoric somewhat.",
    "The trawlers and their crews will be released under the agreement signed on Saturday.",
    "The crossing reopens to lorries and cars on Monday morning, the ministers said.",
)
"""A wire story where sentence 4 ("Both sides ...") means nothing without sentence 3."""


def article_of(*sentences: str) -> Article:
    return Article(sentences[0][:20] + "…", "test", (Block(tuple(sentences)),))


def orphans(article: Article, length: Length) -> tuple[int, int]:
    """(picked sentences that lean on one left out, picked sentences) of a news summary."""
    summary = summarize(article, "news", length)
    chosen = {p.index for p in summary.picks}
    alone = sum(
        p.index > 0 and p.index - 1 not in chosen and leans_back(p.text) for p in summary.picks
    )
    return alone, len(chosen)


@pytest.mark.parametrize(
    "sentence",
    [
        "He was later released without charge.",
        "Both sides have since dialed back the rhetoric somewhat.",
        "The move angered the opposition.",
        "However, the plan was dropped a week later.",
        "It's the first time the cup has left the county.",
        "'They will not get away with it,' she said.",
        "The company said it would appeal.",
        "The 27-year-old was arrested at his home.",
        "This is the second strike this year.",
    ],
)
def test_openings_that_point_back(sentence: str) -> None:
    assert leans_back(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Heavy rain closed the road on Monday.",
        "Theresa Devine was treated at a hospital.",
        "Thousands of people marched through the capital.",
        "The storm closed the harbour for two days.",
        "Italy's government fell on Tuesday.",
    ],
)
def test_openings_that_stand_alone(sentence: str) -> None:
    assert not leans_back(sentence)


def test_the_first_sentence_leans_on_nothing() -> None:
    assert antecedents(["He said no.", "They left early.", "Rain fell."]) == [None, 0, None]


def test_a_word_budget_that_skips_a_long_sentence_skips_what_leans_on_it() -> None:
    lengths = [10, 40, 8, 9]
    needs = [None, None, 1, None]
    # Best first: 0, 1, 2, 3. Sentence 1 does not fit in 30 words, so 2 must go too.
    assert choose([0, 1, 2, 3], lengths, Length(words=30), needs) == [0, 3]
    assert choose([0, 1, 2, 3], lengths, Length(words=30)) == [0, 2, 3]
    assert choose([0, 2, 1, 3], lengths, Length(sentences=2), needs) == [0, 1]


def test_the_dependent_sentence_comes_with_its_partner_or_not_at_all() -> None:
    article = article_of(*BORDER)
    for length in (*(Length(sentences=n) for n in range(1, 8)), Length(words=40), Length(words=60)):
        picks = {p.index for p in summarize(article, "news", length).picks}
        assert 4 not in picks or 3 in picks, (length, picks)


def test_summarize_cli_with_a_word_budget_keeps_picks_coherent(tmp_path: Path) -> None:
    story = tmp_path / "border.txt"
    story.write_text(" ".join(BORDER) + "\n", encoding="utf-8")
    result = run_cli("summarize", str(story), "--words", "60", "--json")
    assert result.returncode == 0, result.stderr
    picks = [item["index"] for item in json.loads(result.stdout)["sentences"]]
    assert picks and (4 not in picks or 3 in picks)
    assert all(
        BORDER[item["index"]] == item["text"] for item in json.loads(result.stdout)["sentences"]
    )


def test_a_near_repeat_of_a_picked_sentence_is_skipped() -> None:
    """The second sentence restates most of the long first one: cosine misses it, containment does not."""
    article = article_of(
        "Flooding closed the main road into Kessington on Monday after three days of heavy rain"
        " swelled the river, leaving the town cut off and shops short of bread and milk.",
        "Flooding closed the main road into Kessington, leaving the town cut off.",
        "Engineers expect the water to fall by Thursday, when the road should reopen.",
        "A school on the edge of the town will stay shut until the road reopens.",
        "Volunteers carried supplies across the fields to elderly residents on foot.",
    )
    picks = [p.index for p in summarize(article, "news", Length(sentences=3)).picks]
    assert picks == [0, 2, 3]


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


@pytest.mark.parametrize("path", [EVAL_SET, WRITTEN_SET], ids=["dev", "written"])
def test_few_picks_lean_on_a_sentence_left_out_in_60_word_summaries(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"no evaluation set at {path}")
    alone = picked = 0
    for row in _rows(path):
        article = parse_article(row["article"], source=row["id"])
        counts = orphans(article, Length(words=60))
        alone, picked = alone + counts[0], picked + counts[1]
    assert picked > len(_rows(path))  # more than one sentence per summary on average
    assert alone <= 0.03 * picked, (alone, picked)
