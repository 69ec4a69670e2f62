"""Cleaning: furniture, captions, fragments and dangling openings are told apart from news."""

from __future__ import annotations

import pytest

from briefing.summarize.cleaning import assess, is_caption, is_fragment, is_furniture


@pytest.mark.parametrize(
    "sentence",
    [
        "By Jane Smith",
        "By a staff reporter",
        "By .",
        "PUBLISHED: 10:07 EST, 20 June 2013",
        "Last updated 14:02 BST",
        "10:07 EST, 20 June 2013 .",
        "Scroll down for video",
        "Click here to read more.",
        "Reporting by John Doe; Editing by Mary Roe",
        "CNN's Moni Basu contributed to this report.",
        "Share this article",
        "Photo: Getty Images",
    ],
)
def test_furniture_is_recognised(sentence: str) -> None:
    assert is_furniture(sentence)
    assert assess(sentence).furniture


@pytest.mark.parametrize(
    "sentence",
    [
        "By midday, the tunnel operator reported that 11,400 vehicles had passed through.",
        "By then, it was too late to stop the fire spreading to the roof.",
        "The council published its report on Tuesday after months of delay.",
        "Police said the man was arrested at 10:07 on Monday.",
        "Volunteers harvested more than two tonnes of vegetables this year.",
    ],
)
def test_news_sentences_are_not_furniture(sentence: str) -> None:
    assert not is_furniture(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Scroll down for video Chris Roberts was grabbed after his plane landed in Syracuse.",
        "Shocked: Pensioner Terry Cooper said the huge badger burst through a hedge.",
        "Lady Gaga (left) and Lourdes Leon (right) have both adopted the trend.",
        "James Boase, pictured, failed to stop after hitting another car.",
        "BALL OF THE CENTURY Benaud was on hand to talk viewers through the delivery.",
    ],
)
def test_captions_are_recognised(sentence: str) -> None:
    assert is_caption(sentence)


def test_a_caption_run_into_a_long_sentence_is_a_caption() -> None:
    run_on = (
        "Rhodri Giggs outside Manchester Magistrates Court yesterday, where he was banned from "
        "driving The brother of the footballer has lost his job as a lorry driver after being "
        "banned from the roads for driving without insurance."
    )
    assert is_caption(run_on)
    assert not is_caption("The brother of the footballer has lost his job as a lorry driver.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Who owns the service after launch?",
        "REALLY?",
        "'I want to get this sorted today.",
        "I haven't worked since December and have no income or benefits.'",
    ],
)
def test_fragments_are_recognised(sentence: str) -> None:
    assert is_fragment(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "'We are second in qualifying,' centre back Gerard Pique told reporters.",
        "He said: 'I work for an agency and I lost the job.'",
        "The council approved the budget for three new schools on Monday.",
    ],
)
def test_whole_statements_are_not_fragments(sentence: str) -> None:
    assert not is_fragment(sentence)


def test_debris_of_a_few_words_is_tiny() -> None:
    assert assess("He declined.").tiny
    assert assess("Sam Webb .").tiny
    assert not assess("The council approved the budget.").tiny


def test_dangling_openings() -> None:
    assert assess("He was later released without charge.").dangling
    assert assess("But the plan was dropped a week later.").dangling
    assert assess("'It was a bit of an ego boost for me,' she said.").dangling
    assert not assess("Heavy rain closed the road on Monday.").dangling
    assert not assess("Theresa Devine was treated at a hospital.").dangling


def test_news_that_merely_starts_like_a_credit_or_label_is_kept() -> None:
    assert not is_furniture("Research by Oxford scientists found that bees can count to four.")
    assert not is_caption("He said: The plan failed because nobody owned it.")
    long_credit = "Reporting by John Smith in London and Jane Doe in Paris; Editing by Mary Roe"
    assert is_furniture(long_credit)
