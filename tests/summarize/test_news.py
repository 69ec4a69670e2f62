"""The `news` method: verbatim picks, beats Lead-3 on the dev set, skips furniture, degrades gracefully."""

from __future__ import annotations

import json
import statistics

import pytest
from conftest import EVAL_SET, SAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.errors import UsageError
from briefing.ingest import parse_article, read_article
from briefing.models import Article, Block
from briefing.summarize import DEFAULT_METHOD, Length, summarize
from briefing.summarize.news import MAX_SCORED, lead_strength, rate_news
from briefing.text import squash


def article_of(*sentences: str, title: str = "") -> Article:
    """An article of one paragraph; without a title, ingest's made-up one (first words + "…")."""
    return Article(title or sentences[0][:20] + "…", "test", (Block(tuple(sentences)),))


STORM = (
    "By Jane Smith",
    "PUBLISHED: 10:07 EST, 20 June 2013",
    "A storm closed the harbour on Monday, stranding dozens of ferries and their passengers.",
    "The port authority said the harbour would reopen on Wednesday once the storm had passed.",
    "Fishermen said the storm was the worst to hit the harbour in a decade.",
    "Ferry operators offered refunds to passengers stranded by the storm.",
    "Reporting by John Doe; Editing by Mary Roe",
)


@pytest.fixture(scope="module")
def dev_rows() -> list[dict]:
    if not EVAL_SET.exists():
        pytest.skip("evaluation set not available")
    with EVAL_SET.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def test_news_is_the_default_method() -> None:
    article = read_article(SAMPLES / "harbour-tunnel.txt")
    assert DEFAULT_METHOD == "news"
    assert summarize(article).method == "news"


def test_every_pick_is_a_verbatim_sentence_of_the_input(dev_rows: list[dict]) -> None:
    for row in dev_rows:
        article = parse_article(row["article"], source=row["id"])
        original = squash(row["article"])
        summary = summarize(article, "news", Length(sentences=3))
        assert len(summary.picks) == min(3, len(article.sentences))
        for pick in summary.picks:
            assert pick.text == article.sentences[pick.index]
            assert squash(pick.text) in original


def test_news_beats_lead_3_on_the_dev_set(dev_rows: list[dict]) -> None:
    rouge_scorer = pytest.importorskip("rouge_score.rouge_scorer")
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    means = {}
    for method in ("news", "lead"):
        scores = []
        for row in dev_rows:
            article = parse_article(row["article"], source=row["id"])
            candidate = "\n".join(summarize(article, method, Length(sentences=3)).sentences)
            result = scorer.score(row["summary"], candidate)
            scores.append([result[k].fmeasure for k in ("rouge1", "rouge2", "rougeLsum")])
        means[method] = [statistics.fmean(column) for column in zip(*scores, strict=True)]
    assert all(n > lead for n, lead in zip(means["news"], means["lead"], strict=True)), means


def test_one_sentence_comes_back_whole() -> None:
    article = parse_article("Only one sentence is here, and it is the news.", source="tiny")
    assert rate_news(article) == [1.0]
    summary = summarize(article, "news", Length(sentences=3))
    assert summary.sentences == ("Only one sentence is here, and it is the news.",)
    assert summary.notes


def test_two_sentences_both_come_back_in_article_order() -> None:
    article = article_of("The council approved the budget.", "It includes three new schools.")
    assert [p.index for p in summarize(article, "news", Length(sentences=3)).picks] == [0, 1]


def test_bylines_stamps_and_credits_are_skipped() -> None:
    article = article_of(*STORM)
    lead = summarize(article, "lead", Length(sentences=3)).sentences
    news = summarize(article, "news", Length(sentences=3)).sentences
    assert "By Jane Smith" in lead  # the test means something: Lead-3 falls for it
    assert news == STORM[2:5]


def test_a_page_header_does_not_push_the_lead_down() -> None:
    """Raw Daily Mail pages open with a byline and stamps split into debris "sentences"."""
    header = "By . Jo Bloggs . PUBLISHED: . 10:07 EST, 20 June 2013 . | . UPDATED: . 12:09 EST, 20 June 2013 . "
    story = " ".join(STORM[2:])
    plain = summarize(parse_article(story, source="plain"), "news", Length(sentences=3))
    raw = summarize(parse_article(header + story, source="raw"), "news", Length(sentences=3))
    assert raw.sentences == plain.sentences == STORM[2:5]


def test_a_repeated_lead_is_not_picked_twice() -> None:
    article = article_of(
        "Flooding closed the main road into Kessington on Monday, cutting off the town.",
        "Flooding closed the main road into Kessington on Monday and cut off the town, police said.",
        "Engineers expect the water to fall by Thursday, when the road should reopen.",
        "Shops in the town centre stayed shut as stock ran low.",
        "The water rose after three days of heavy rain across the valley.",
    )
    picks = [p.index for p in summarize(article, "news", Length(sentences=2)).picks]
    assert picks == [0, 2]


def test_scores_are_distinct_so_the_ranking_is_the_pick_order() -> None:
    article = read_article(SAMPLES / "harbour-tunnel.txt")
    scores = rate_news(article)
    assert len(scores) == len(article.sentences)
    assert len(set(scores)) == len(scores)
    assert all(s > 0 for s in scores)


def test_order_score_lists_the_best_first() -> None:
    article = article_of(*STORM)
    by_article = summarize(article, "news", Length(sentences=3))
    by_score = summarize(article, "news", Length(sentences=3), order="score")
    assert sorted(by_score.picks, key=lambda p: p.index) == list(by_article.picks)
    assert [p.score for p in by_score.picks] == sorted(
        (p.score for p in by_score.picks), reverse=True
    )
    with pytest.raises(UsageError, match="known: article, score"):
        summarize(article, "news", order="random")


def test_a_headline_lifts_the_sentences_it_names() -> None:
    sentences = (
        "Marlow council met on Monday to discuss the village budget for next year.",
        "Hours later the new flood barrier failed as the river burst its banks.",
        "Councillors agreed to spend more on roads and on the village library.",
        "The council said the library budget would rise by a tenth next year.",
        "Residents asked the council why the barrier had failed when the river rose.",
    )
    titled = rate_news(article_of(*sentences, title="Flood barrier fails as river bursts banks"))
    untitled = rate_news(article_of(*sentences))
    assert titled[0] == untitled[0] == 1.0  # the lead still leads
    assert titled[1] > untitled[1]
    assert titled[4] > untitled[4]


def test_lead_strength_tells_a_lead_from_an_unrelated_opening() -> None:
    import numpy as np

    linked = np.array([[0.0, 0.6, 0.5], [0.6, 0.0, 0.1], [0.5, 0.1, 0.0]])
    unrelated = np.array([[0.0, 0.0, 0.0], [0.0, 0.0, 0.4], [0.0, 0.4, 0.0]])
    assert lead_strength(linked) == 1.0
    assert lead_strength(unrelated) == 0.0
    assert lead_strength(np.zeros((3, 3))) == 1.0


def test_an_opening_that_is_not_a_lead_gives_way_to_centrality() -> None:
    bridge = (
        "The old swing bridge over the river will close for repairs in March.",
        "Engineers found rust in the bridge's swing mechanism during an inspection.",
        "The repairs to the bridge will take six weeks and cost two million pounds.",
        "Drivers will be sent over the ring road bridge while the swing bridge is closed.",
    )
    with_lead = article_of(*bridge)
    without_lead = article_of("Spring has come early to the valley this year.", *bridge)
    assert summarize(with_lead, "news", Length(sentences=2)).picks[0].index == 0
    picks = [p.index for p in summarize(without_lead, "news", Length(sentences=2)).picks]
    assert 0 not in picks


def test_subheads_do_not_outrank_the_lead() -> None:
    sentences = STORM[2:]
    plain = article_of(*sentences, title="Storm closes harbour")
    with_subhead = Article(
        "Storm closes harbour",
        "test",
        (Block(sentences[:2]), Block(("Ferries stranded",), is_heading=True), Block(sentences[2:])),
    )
    assert rate_news(plain) == rate_news(with_subhead)


def test_a_long_text_is_scored_in_full(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.summarize import news

    monkeypatch.setattr(news, "MAX_SCORED", 40)
    sentences = tuple(
        f"Item {i} of the list mentions topic {i % 7} and colour {i % 5}." for i in range(60)
    )
    scores = rate_news(article_of(*sentences))
    assert len(scores) == 60
    head, tail = scores[:40], scores[40:]
    assert min(head) > max(tail)
    assert tail == sorted(tail, reverse=True)
    assert MAX_SCORED >= 1000  # the real window is far beyond any news article


def test_other_languages_use_their_own_stemmer() -> None:
    text = (
        "Der Stadtrat hat am Montag den Haushalt für die neuen Schulen beschlossen. "
        "Die Schulen sollen im Jahr 2027 eröffnet werden. "
        "Die Opposition kritisierte die hohen Kosten der Schulen."
    )
    article = Article("Haushalt", "de", (Block(tuple(text.split(". "))),), language="german")
    summary = summarize(article, "news", Length(sentences=2))
    assert len(summary.picks) == 2
    assert all(p.text == article.sentences[p.index] for p in summary.picks)


WORDS = [
    "harbour",
    "storm",
    "ferry",
    "council",
    "the",
    "a",
    "was",
    "closed",
    "He",
    "But",
    "'",
    "?",
    "By",
    "2013",
    "said",
    "bridge",
    "Scroll",
    "down",
    "for",
    "video",
    "东京",
    "é",
]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.lists(st.sampled_from(WORDS), min_size=1, max_size=14).map(lambda w: " ".join(w) + "."),
        min_size=1,
        max_size=25,
    ),
    st.integers(min_value=1, max_value=6),
)
def test_any_sentences_get_distinct_positive_scores_and_verbatim_picks(
    sentences: list[str], wanted: int
) -> None:
    article = article_of(*sentences)
    scores = rate_news(article)
    assert len(scores) == len(sentences)
    assert all(0 < s <= 1 for s in scores)
    assert len(set(scores)) == len(scores)
    summary = summarize(article, "news", Length(sentences=wanted))
    assert len(summary.picks) == min(wanted, len(sentences))
    assert all(p.text == sentences[p.index] for p in summary.picks)


def test_text_in_scripts_without_spaces_or_stemmers() -> None:
    article = article_of("東京で大雨が降った。", "電車が止まった。", "明日は晴れる予定だ。")
    assert len(summarize(article, "news", Length(sentences=2)).picks) == 2
