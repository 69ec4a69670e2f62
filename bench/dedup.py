"""How well the daily brief merges the same story told in other words, and how rarely it merges two.

A stand-in for "one event, two newsrooms": each dev-set article's lead against its
reference highlights (written by other hands, in other words). A simulated day holds
G articles and the highlights of each; `briefing.stories.group` then merges them.
Recall: the share of article/highlights pairs merged. False merges: the share of
pairs of different stories merged. Printed for several thresholds; the one in use
(briefing.stories.SIMILAR) is marked.

Run: python bench/dedup.py [--days N] [--size G]
"""

from __future__ import annotations

import argparse
import json
import os
import random
from itertools import combinations
from pathlib import Path

from briefing.daily.sources import Candidate
from briefing.daily.stories import SIMILAR, _vectors, similarity
from briefing.models import Article, Block
from briefing.text import split_sentences

SHARED = Path(
    os.environ.get("BRIEFING_SHARED", Path(__file__).resolve().parents[1].parent / "shared")
)
EVAL_SET = SHARED / "eval" / "dev.jsonl"


def candidate(key: str, sentences: list[str]) -> Candidate:
    title, body = sentences[0], sentences[1:] or sentences
    article = Article(title, key, (Block(tuple(body)),))
    return Candidate(article, name=key, link="", published=None, key=key)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--days", type=int, default=60, help="simulated days (default: 60)")
    parser.add_argument("--size", type=int, default=12, help="stories a day (default: 12)")
    args = parser.parse_args()
    if not EVAL_SET.is_file():
        raise SystemExit(f"no eval set at {EVAL_SET} (set BRIEFING_SHARED)")
    rows = [json.loads(line) for line in EVAL_SET.read_text(encoding="utf-8").splitlines() if line]
    pairs = [
        (
            candidate(f"a{n}", split_sentences(row["article"])),
            candidate(f"h{n}", [s for s in row["summary"].split("\n") if s.strip()]),
        )
        for n, row in enumerate(rows)
    ]
    thresholds = sorted({0.2, 0.25, SIMILAR, 0.35, 0.4})
    same = {t: 0 for t in thresholds}
    false = {t: 0 for t in thresholds}
    positives = negatives = 0
    rng = random.Random(7)
    for _ in range(args.days):
        day = rng.sample(pairs, args.size)
        stories = [c for pair in day for c in pair]
        vectors = _vectors(stories)
        for i, j in combinations(range(len(stories)), 2):
            score = similarity(vectors[i], vectors[j])
            paired = i // 2 == j // 2
            positives += paired
            negatives += not paired
            for t in thresholds:
                if score >= t:
                    (same if paired else false)[t] += 1
    print(f"{args.days} days of {args.size} stories, each told twice ({len(rows)} dev articles)")
    print(f"{'threshold':>10} {'recall':>8} {'false merges':>14}")
    for t in thresholds:
        mark = "  <- in use" if t == SIMILAR else ""
        print(f"{t:>10.2f} {same[t] / positives:>8.1%} {false[t] / negatives:>14.3%}{mark}")


if __name__ == "__main__":
    main()
