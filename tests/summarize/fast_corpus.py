"""Articles for the fast-summarizer tests: the samples, the dev set, and generated ones with sumy's corner cases."""

from __future__ import annotations

import json
import random
from functools import cache

from support import EVAL_SET, SAMPLES

from briefing.ingest import parse_article, read_article
from briefing.models import Article, Block
from briefing.summarize.sumy_methods import stop_words
from briefing.text import split_words


@cache
def sample_articles() -> tuple[Article, ...]:
    return tuple(
        read_article(path) for path in sorted(SAMPLES.iterdir()) if path.name != "README.md"
    )


@cache
def dev_articles() -> tuple[Article, ...]:
    """Every article of the dev set (empty when the set is not on this machine)."""
    if not EVAL_SET.exists():
        return ()
    rows = [json.loads(line) for line in EVAL_SET.read_text(encoding="utf-8").splitlines() if line]
    return tuple(parse_article(row["article"], source=row["id"]) for row in rows)


def merged(articles: tuple[Article, ...], sentences: int, start: int = 0) -> Article:
    """Consecutive articles run together up to `sentences` sentences, like a merged daily brief."""
    blocks: list[Block] = []
    total = 0
    index = start
    while total < sentences:
        for block in articles[index % len(articles)].blocks:
            taken = block.sentences[: sentences - total]
            if taken:
                blocks.append(Block(taken, block.is_heading))
                total += 0 if block.is_heading else len(taken)
            if total >= sentences:
                break
        index += 1
    return Article(
        title=articles[start].title, source=f"merged:{start}:{sentences}", blocks=tuple(blocks)
    )


@cache
def _vocabulary() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Real words (from the samples) and English stop words to write generated articles with."""
    words = sorted(
        {w.lower() for a in sample_articles() for s in a.sentences for w in split_words(s)}
    )
    stops = sorted(stop_words("english"))
    content = tuple(w for w in words if w not in stop_words("english") and w.isalpha())
    return content, tuple(stops)


def generated(seed: int, sentences: int) -> Article:
    """A random article with the shapes that trip summarizers up.

    Zipf-like word frequencies, capitalised stop words, repeated sentences,
    one-word and stop-words-only sentences, subheads between paragraphs.
    """
    rng = random.Random(seed)
    content, stops = _vocabulary()
    weights = [1 / (rank + 1) for rank in range(len(content))]
    written: list[str] = []
    blocks: list[Block] = []
    while len(written) < sentences:
        if blocks and rng.random() < 0.15:
            blocks.append(
                Block((" ".join(rng.choices(content, k=rng.randint(1, 4))).title(),), True)
            )
        paragraph: list[str] = []
        for _ in range(rng.randint(1, 6)):
            if len(written) >= sentences:
                break
            roll = rng.random()
            if written and roll < 0.06:
                sentence = rng.choice(written)
            elif roll < 0.10:
                sentence = rng.choice(content).capitalize() + "."
            elif roll < 0.13:
                sentence = " ".join(rng.choices(stops, k=rng.randint(1, 6))).capitalize() + "."
            else:
                size = min(int(rng.expovariate(1 / 14)) + 1, 60)
                words = [
                    rng.choice(stops) if rng.random() < 0.4 else rng.choices(content, weights)[0]
                    for _ in range(size)
                ]
                if rng.random() < 0.3:
                    words[0] = words[0].upper() if rng.random() < 0.2 else words[0].capitalize()
                sentence = " ".join(words) + rng.choice([".", ".", ".", "!", "?"])
            paragraph.append(sentence)
            written.append(sentence)
        if paragraph:
            blocks.append(Block(tuple(paragraph)))
    return Article(
        title=f"Generated article {seed}",
        source=f"generated:{seed}:{sentences}",
        blocks=tuple(blocks),
    )


def _article(name: str, *paragraphs: tuple[str, ...]) -> Article:
    return Article(
        title=f"Corner case: {name}",
        source=f"corner:{name}",
        blocks=tuple(Block(p) for p in paragraphs),
    )


@cache
def corner_cases() -> tuple[Article, ...]:
    return (
        _article("one sentence", ("The council approved the budget on Monday.",)),
        _article(
            "stop words only", ("It was what it was.", "He is there.", "It is."), ("They were.",)
        ),
        _article("one-word sentences", ("Yes.", "No.", "Maybe.", "Yes.", "Budget.")),
        _article(
            "repeats",
            ("The mayor opened the tunnel.", "Traffic was light.", "The mayor opened the tunnel."),
            ("Traffic was light.", "Engineers cheered the mayor.", "The mayor opened the tunnel."),
        ),
        _article("numbers", ("2024.", "In 2024 prices rose 4%.", "Prices rose.", "4% is 4%.")),
        _article(
            "same words, other order",
            (
                "Police said the road closed.",
                "The road closed, police said.",
                "Said police: road closed.",
            ),
        ),
    )
