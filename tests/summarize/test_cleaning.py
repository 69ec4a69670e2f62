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
        "Our correspondent Ana Lima contributed to this report.",
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
        "Scroll down for video Walkers were soaked by a wave on the pier at Kessington.",
        "Soaked: Walkers on the pier were caught by the first wave of the storm.",
        "The mayor (left) and the harbour master (right) opened the new pier.",
        "The old lighthouse, pictured, will be repainted in the spring.",
        "RECORD CATCH The trawler landed four tonnes of cod at dawn on Friday.",
    ],
)
def test_captions_are_recognised(sentence: str) -> None:
    assert is_caption(sentence)


def test_a_caption_run_into_a_long_sentence_is_a_caption() -> None:
    run_on = (
        "Waves break over the sea wall at Kessington during the storm on Monday night "
        "The storm closed the harbour for two days and stranded dozens of ferries with their "
        "passengers and crews on board."
    )
    assert is_caption(run_on)
    assert not is_caption(
        "The storm closed the harbour for two days and stranded dozens of ferries."
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Who owns the service after launch?",
        "REALLY?",
        "'We just want the ferries running again.",
        "Nobody knows when the harbour will open again.'",
    ],
)
def test_fragments_are_recognised(sentence: str) -> None:
    assert is_fragment(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "'The harbour will reopen on Wednesday,' the port manager told reporters.",
        "He said: 'We will reopen the harbour as soon as it is safe.'",
        "The council approved the budget for three new schools on Monday.",
    ],
)
def test_whole_statements_are_not_fragments(sentence: str) -> None:
    assert not is_fragment(sentence)


def test_debris_of_a_few_words_is_tiny() -> None:
    assert assess("He declined.").tiny
    assert assess("Jo Bloggs .").tiny
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
