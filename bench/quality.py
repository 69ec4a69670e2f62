"""Summary quality: ROUGE of every method against reference summaries, with Lead-3 and runtime.

Reads a JSONL set with lines {"id", "article", "summary"} (the reference, one
highlight per line), summarizes each article with every method exactly as
`briefing summarize --jsonl` does (same parsing, same core call), and prints
ROUGE-1 / ROUGE-2 / ROUGE-Lsum F1 (x100, `rouge-score` with stemming, candidate
sentences joined by newlines), the runtime per article and whether every
sentence was quoted verbatim, and the share of picked sentences that open
with a reference to a sentence left out ("orphans": "He ...", "The move
..." without the sentence before them). Methods run in turn on each article, so machine
drift hits all alike; the time column is also given as a ratio to LexRank
measured in the same run.

Run: python bench/quality.py [SET.jsonl] [--sentences 3 | --words 60] [--methods news,lead]
     [--half even|odd] [--limit N] [--shuffle SEED] [--prefix TEXT] [--markdown]

Sets: the shared CNN/Daily Mail dev set (default), or bench/data/written-news.jsonl,
twenty news stories in several newsroom styles written for this project
(`--set written` names it). Under the table, each method's paired difference
to Lead-N with its standard error and per-half means tells a real gain from
noise. `--half` scores every other article (tune on one half, report the other);
`--shuffle` shuffles each article's sentences, a stand-in for text without a
news lead; `--prefix` puts page furniture (a byline, a stamp) before every
article, as raw web copies have it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SETS = {"written": REPO / "bench" / "data" / "written-news.jsonl"}
"""Evaluation sets kept with the project, by short name."""


def default_set() -> Path:
    """The shared dev set: $BRIEFING_SHARED, else a `shared/` folder next to the checkout."""
    candidates = [Path(os.environ["BRIEFING_SHARED"])] if "BRIEFING_SHARED" in os.environ else []
    candidates += [REPO.parent / "shared", REPO.parent.parent / "shared"]
    for folder in candidates:
        if (folder / "eval" / "dev.jsonl").exists():
            return folder / "eval" / "dev.jsonl"
    return candidates[0] / "eval" / "dev.jsonl"


@dataclass
class Row:
    ident: str
    text: str
    reference: str


@dataclass
class Tally:
    """One method's running totals."""

    name: str
    rouge: list[tuple[float, float, float]] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)
    not_verbatim: int = 0
    picked: int = 0
    orphans: int = 0

    def mean(self, k: int) -> float:
        return 100 * statistics.fmean(r[k] for r in self.rouge) if self.rouge else 0.0


def load(path: Path, limit: int | None, half: str | None) -> list[Row]:
    rows = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if not line.strip():
                continue
            if half and number % 2 != (half == "odd"):
                continue
            data = json.loads(line)
            rows.append(Row(str(data["id"]), data["article"], data["summary"]))
            if limit and len(rows) >= limit:
                break
    return rows


def shuffled(article, seed: int):
    """The article with its body sentences in a random order (one paragraph)."""
    from briefing.models import Article, Block

    sentences = list(article.sentences)
    random.Random(seed).shuffle(sentences)
    return Article(article.title, article.source, (Block(tuple(sentences)),), article.language)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("path", nargs="?", type=Path, default=None, help="JSONL set")
    parser.add_argument("--set", choices=sorted(SETS), help="a set kept in bench/data")
    parser.add_argument("--sentences", "-n", type=int, default=3)
    parser.add_argument("--words", type=int, help="a word budget instead of --sentences")
    parser.add_argument("--methods", help="comma-separated (default: every method)")
    parser.add_argument("--half", choices=["even", "odd"], help="score every other article")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--shuffle", type=int, metavar="SEED", help="shuffle sentence order")
    parser.add_argument(
        "--prefix", default="", metavar="TEXT", help="put TEXT before every article (a page header)"
    )
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args(argv)

    try:
        from rouge_score import rouge_scorer
    except ImportError:
        print("bench/quality.py needs rouge-score: pip install rouge-score", file=sys.stderr)
        return 2
    from briefing.ingest import parse_article
    from briefing.summarize import METHODS, Length, summarize
    from briefing.summarize.coherence import leans_back
    from briefing.text import squash

    path = args.path or (SETS[args.set] if args.set else default_set())
    if not path.exists():
        print(f"no evaluation set at {path} (give its path)", file=sys.stderr)
        return 2
    names = args.methods.split(",") if args.methods else list(METHODS)
    unknown = [n for n in names if n not in METHODS]
    if unknown:
        print(f"unknown method(s): {', '.join(unknown)}", file=sys.stderr)
        return 2
    rows = load(path, args.limit, args.half)
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    length = Length(words=args.words) if args.words else Length(sentences=args.sentences)
    tallies = {n: Tally(n) for n in names}
    sentence_counts = []
    for done, row in enumerate(rows, start=1):
        article = parse_article(args.prefix + row.text, source=row.ident)
        if args.shuffle is not None:
            article = shuffled(article, args.shuffle + done)
        sentence_counts.append(len(article.sentences))
        original = squash(args.prefix + row.text)
        for name in names:
            start = time.perf_counter()
            summary = summarize(article, name, length)
            tallies[name].seconds.append(time.perf_counter() - start)
            tallies[name].sizes.append(len(article.sentences))
            tallies[name].not_verbatim += sum(
                p.text != article.sentences[p.index] or squash(p.text) not in original
                for p in summary.picks
            )
            chosen = {p.index for p in summary.picks}
            tallies[name].picked += len(chosen)
            tallies[name].orphans += sum(
                p.index > 0 and p.index - 1 not in chosen and leans_back(p.text, article.language)
                for p in summary.picks
            )
            scores = scorer.score(row.reference, "\n".join(summary.sentences))
            tallies[name].rouge.append(
                tuple(scores[k].fmeasure for k in ("rouge1", "rouge2", "rougeLsum"))
            )
        if sys.stderr.isatty():
            print(f"\r{done}/{len(rows)} articles", end="", file=sys.stderr, flush=True)
    if sys.stderr.isatty():
        print("\r\033[K", end="", file=sys.stderr)

    print(
        f"{path.name}: {len(rows)} articles{f' ({args.half} half)' if args.half else ''}"
        f"{' with shuffled sentences' if args.shuffle is not None else ''}"
        f"{' after a prefix' if args.prefix else ''}, "
        f"{statistics.fmean(sentence_counts):.1f} sentences on average "
        f"(median {statistics.median(sentence_counts):g}); {length.describe()} per summary"
    )
    print(
        "ROUGE F1 x100 (rouge-score, stemming on); time = summarize() per article, "
        "ms@25-35 = articles of 25-35 sentences\n"
    )
    label = f"Lead-{args.sentences}" if args.words is None else "Lead"
    print(_table(list(tallies.values()), label, markdown=args.markdown))
    if "lead" in tallies and len(rows) > 1:
        print(f"\npaired difference to {label}: mean ± standard error (even half / odd half)")
        for name, tally in tallies.items():
            if name != "lead":
                print(f"{name}: {_versus(tally, tallies['lead'])}")
    return 0


def _versus(tally: Tally, lead: Tally) -> str:
    """Mean per-article difference to Lead on R1 / R2 / RLsum, its standard error and per-half means."""
    parts = []
    for k, metric in enumerate(("R1", "R2", "RLsum")):
        diff = [100 * (a[k] - b[k]) for a, b in zip(tally.rouge, lead.rouge, strict=True)]
        error = statistics.stdev(diff) / len(diff) ** 0.5
        halves = [statistics.fmean(diff[h::2]) for h in (0, 1) if diff[h::2]]
        parts.append(
            f"{metric} {statistics.fmean(diff):+.2f} ± {error:.2f} ("
            + " / ".join(f"{h:+.2f}" for h in halves)
            + ")"
        )
    return ", ".join(parts)


def _table(tallies: list[Tally], lead_label: str, *, markdown: bool) -> str:
    reference = next((t for t in tallies if t.name == "lexrank"), None)
    ref_time = statistics.median(reference.seconds) if reference else None
    header = [
        "method",
        "R1",
        "R2",
        "RLsum",
        "ms/article",
        "ms@25-35",
        "p90 ms",
        "x lexrank",
        "verbatim",
        "orphans",
    ]
    lines = []
    for tally in sorted(tallies, key=lambda t: -t.mean(0)):
        label = f"{lead_label} (lead)" if tally.name == "lead" else tally.name
        ms = sorted(1000 * s for s in tally.seconds)
        p90 = ms[min(len(ms) - 1, int(0.9 * len(ms)))] if ms else 0.0
        typical = [
            1000 * s for s, n in zip(tally.seconds, tally.sizes, strict=True) if 25 <= n <= 35
        ]
        ratio = f"{statistics.median(tally.seconds) / ref_time:.2f}" if ref_time else "-"
        verbatim = "all" if tally.not_verbatim == 0 else f"{tally.not_verbatim} NOT"
        lines.append(
            [
                label,
                f"{tally.mean(0):.2f}",
                f"{tally.mean(1):.2f}",
                f"{tally.mean(2):.2f}",
                f"{statistics.fmean(ms):.1f}" if ms else "-",
                f"{statistics.fmean(typical):.1f}" if typical else "-",
                f"{p90:.1f}",
                ratio,
                verbatim,
                f"{100 * tally.orphans / tally.picked:.1f}%" if tally.picked else "-",
            ]
        )
    if markdown:
        out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        out += ["| " + " | ".join(line) + " |" for line in lines]
        return "\n".join(out)
    widths = [max(len(r[i]) for r in [header, *lines]) for i in range(len(header))]
    fmt = "  ".join(f"{{:{'<' if i == 0 else '>'}{w}}}" for i, w in enumerate(widths))
    return "\n".join(fmt.format(*r) for r in [header, *lines])


if __name__ == "__main__":
    sys.exit(main())
