"""Stock sumy vs our fast summarizers, side by side in one process, on 30-, 400- and 2,000-sentence articles.

Usage: python bench/summarizers.py [--sizes 30,400,2000] [--methods kl,lexrank]
                                   [--stock-budget SECONDS] [--eval PATH]
       python bench/summarizers.py --linear [--linear-sizes 400,2000,10000]

--linear prints instead how our own time grows: every method (news included)
and reading the article's text, at each size, with the time per sentence at
the largest size over that at the middle one (the goal: at most 1.3).

The dev set is looked for in $BRIEFING_SHARED/eval (default: ../shared beside
the repository).

Articles are consecutive dev-set articles run together (a merged daily brief)
when the dev set is found, generated text otherwise. Both sides rate the same
already-tokenized document (tokenizing costs both the same and is printed
apart); our stem caches are emptied before every run, so ours is timed cold.
Each side runs until a second has been spent (at most 5 times) and its best
time counts. Above --measure-up-to sentences, stock runs predicted to exceed
--stock-budget are not run: the table then shows the prediction from the
largest timed size and the method's growth rate, marked "est.". The last column checks that both pick alike.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import time
import warnings
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from briefing.ingest import parse_article, read_article
from briefing.models import Article, Block
from briefing.summarize import rank
from briefing.summarize.fast_edmundson import FastEdmundsonSummarizer
from briefing.summarize.fast_kl import FastKLSummarizer
from briefing.summarize.fast_lexrank import FastLexRankSummarizer
from briefing.summarize.fast_lsa import FastLsaSummarizer
from briefing.summarize.fast_luhn import FastLuhnSummarizer
from briefing.summarize.fast_reduction import FastReductionSummarizer
from briefing.summarize.fast_sumbasic import FastSumBasicSummarizer
from briefing.summarize.fast_textrank import FastTextRankSummarizer
from briefing.summarize.registry import METHODS
from briefing.summarize.sumy_methods import build_document, make_summarizer, rate_with
from briefing.summarize.terms import clear_stem_caches
from briefing.text import split_words

REPO = Path(__file__).resolve().parent.parent
DEV_SET = Path(os.environ.get("BRIEFING_SHARED", REPO.parent / "shared")) / "eval" / "dev.jsonl"

FAST: dict[str, type] = {
    "kl": FastKLSummarizer,
    "lexrank": FastLexRankSummarizer,
    "textrank": FastTextRankSummarizer,
    "lsa": FastLsaSummarizer,
    "reduction": FastReductionSummarizer,
    "sumbasic": FastSumBasicSummarizer,
    "luhn": FastLuhnSummarizer,
    "edmundson": FastEdmundsonSummarizer,
}
GROWTH = {
    "kl": 3,
    "lexrank": 2,
    "textrank": 2,
    "lsa": 2,
    "reduction": 2,
    "sumbasic": 2,
    "luhn": 1,
    "edmundson": 1,
}
"""How stock sumy's time grows with the sentence count (a power), for predictions."""


def articles_from_dev_set(path: Path) -> list[Article]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [parse_article(row["article"], source=row["id"]) for row in rows]


def merged(articles: list[Article], sentences: int) -> Article:
    """Consecutive articles run together up to `sentences` body sentences."""
    blocks: list[Block] = []
    total = 0
    for article in articles * (sentences // 10 + 1):
        for block in article.blocks:
            taken = block.sentences if block.is_heading else block.sentences[: sentences - total]
            if taken:
                blocks.append(Block(taken, block.is_heading))
                total += 0 if block.is_heading else len(taken)
            if total >= sentences:
                return Article(f"{sentences} sentences", "bench", tuple(blocks))
    raise ValueError("not enough text")


def generated(sentences: int) -> Article:
    """Random sentences over the samples' vocabulary, when the dev set is not here."""
    rng = random.Random(sentences)
    folder = REPO / "samples"
    samples = [read_article(p) for p in sorted(folder.iterdir()) if p.name != "README.md"]
    vocabulary = sorted({w.lower() for a in samples for s in a.sentences for w in split_words(s)})
    weights = [1 / (i + 1) for i in range(len(vocabulary))]
    rng.shuffle(vocabulary)
    body = []
    for _ in range(sentences):
        words = rng.choices(vocabulary, weights, k=min(int(rng.expovariate(1 / 20)) + 3, 60))
        body.append(" ".join(words).capitalize() + ".")
    blocks = tuple(Block(tuple(body[i : i + 4])) for i in range(0, len(body), 4))
    return Article(f"{sentences} sentences", "bench", blocks)


def rating(cls: type, article: Article, document: Any) -> list[float]:
    """Every sentence's rating by a fresh summarizer of class `cls`, with no stem cached."""
    clear_stem_caches()
    return rate_with(make_summarizer(cls, article), document)


def best_time(run: Callable[[], Any], budget: float = 1.0, most: int = 5) -> tuple[float, Any]:
    """The fastest of repeated runs (until `budget` seconds are spent), and the last result."""
    best, spent, result = math.inf, 0.0, None
    for _ in range(most):
        start = time.perf_counter()
        result = run()
        took = time.perf_counter() - start
        best, spent = min(best, took), spent + took
        if spent >= budget:
            break
    return best, result


def same_picks(method: str, stock: list[float], ours: list[float]) -> str:
    if ours == stock:
        return "same"
    if method == "lsa":
        in_stock_order = [ours[i] for i in rank(stock)]
        if in_stock_order == sorted(in_stock_order, reverse=True):
            return "same up to ties"
    return "DIFFERENT"


LINEAR_GOAL = 1.3
"""Most time per sentence at the largest size, over the time per sentence at the middle one."""


def article_text(article: Article) -> str:
    """The article as the plain text a user would hand `briefing summarize`."""
    paragraphs = [article.title, *(" ".join(block.sentences) for block in article.blocks)]
    return "\n\n".join(paragraphs)


def linear(sizes: list[int], methods: list[str], source: list[Article] | None) -> None:
    """Our time at each size, and per sentence at the largest size over the middle one."""
    tasks: dict[str, Callable[[Article, Any], Any]] = {
        "reading (parse_article)": lambda article, _: parse_article(
            article_text(article), source="bench"
        ),
        "news": lambda article, _: METHODS["news"].rate(article),
        **{m: partial(rating, FAST[m]) for m in methods},
    }
    counts: list[int] = []
    prepared = []
    for size in sizes:
        article = merged(source, size) if source else generated(size)
        counts.append(len(article.sentences))
        document = build_document(article)
        for sentence in document.sentences:
            sentence.words  # noqa: B018 - tokenize once, as in the stock comparison
        prepared.append((article, document))
    # Three rounds over every size in turn, the best of each kept: load that
    # comes and goes on a shared machine then hits every size alike.
    times = {name: [math.inf] * len(sizes) for name in tasks}
    for _ in range(3):
        for name, task in tasks.items():
            for k, (article, document) in enumerate(prepared):
                took, _ = best_time(partial(task, article, document), budget=0.0, most=1)
                times[name][k] = min(times[name][k], took)
    middle, last = (len(sizes) - 2, len(sizes) - 1) if len(sizes) > 1 else (0, 0)
    print(
        "| method | "
        + " | ".join(f"{n:,} sentences (s)" for n in counts)
        + f" | per sentence {counts[last]:,} / {counts[middle]:,} | goal |"
    )
    print("| --- | " + " | ".join("---:" for _ in counts) + " | ---: | --- |")
    for name, row in times.items():
        growth = (row[last] / counts[last]) / (row[middle] / counts[middle])
        verdict = f"<= {LINEAR_GOAL:g}: {'yes' if growth <= LINEAR_GOAL else 'NO'}"
        print(
            f"| {name} | " + " | ".join(f"{t:.3f}" for t in row) + f" | {growth:.2f} | {verdict} |",
            flush=True,
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="30,400,2000")
    parser.add_argument("--methods", default=",".join(FAST))
    parser.add_argument("--stock-budget", type=float, default=30.0, metavar="SECONDS")
    parser.add_argument(
        "--measure-up-to",
        type=int,
        default=400,
        metavar="N",
        help="always time stock sumy on articles up to N sentences (default: 400)",
    )
    parser.add_argument("--eval", type=Path, default=DEV_SET, metavar="PATH")
    parser.add_argument("--linear", action="store_true", help="how our time grows (see above)")
    parser.add_argument("--linear-sizes", default="400,2000,10000")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    methods = args.methods.split(",")
    warnings.simplefilter("ignore")  # stock LSA and LexRank warn on some inputs

    source = articles_from_dev_set(args.eval) if args.eval.exists() else None
    print(
        f"articles: {'dev set, merged' if source else 'generated'}; python {sys.version.split()[0]}"
    )
    print()
    if args.linear:
        linear([int(s) for s in args.linear_sizes.split(",")], methods, source)
        return 0
    print("| method | sentences | stock sumy (s) | ours (s) | ours / stock | picks |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    notes = []
    stock_times: dict[str, tuple[int, float]] = {}  # method -> (largest size timed, time)
    for size in sizes:
        article = merged(source, size) if source else generated(size)
        document = build_document(article)
        start = time.perf_counter()
        for sentence in document.sentences:
            sentence.words  # noqa: B018 - tokenize once, for both sides
        notes.append(
            f"tokenizing {size} sentences: {time.perf_counter() - start:.3f} s (both sides)"
        )
        for method in methods:
            fast_cls = FAST[method]
            stock_cls = next(c for c in fast_cls.__mro__ if c.__module__.startswith("sumy."))

            ours_time, ours_scores = best_time(partial(rating, fast_cls, article, document))
            stock_time: float | None = None
            estimate = False
            known = stock_times.get(method)
            predicted = known[1] * (size / known[0]) ** GROWTH[method] if known else 0.0
            if size > args.measure_up_to and predicted > args.stock_budget:
                stock_time = predicted
                estimate = True
                picks = "not run"
            else:
                stock_time, stock_scores = best_time(partial(rating, stock_cls, article, document))
                stock_times[method] = (size, stock_time)
                picks = same_picks(method, stock_scores, ours_scores)
            mark = " est." if estimate else ""
            print(
                f"| {method} | {size:,} | {stock_time:.3f}{mark} | {ours_time:.4f} "
                f"| {ours_time / stock_time:.4f}{mark} | {picks} |",
                flush=True,
            )
    print()
    for note in notes:
        print(note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
