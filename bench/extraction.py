"""Article extraction: body F1 of `briefing read` against trafilatura alone, on saved pages.

Each page is NAME.html with its ground truth in NAME.txt: a `title: ...`
line, a `---` line, then the article body exactly as a reader sees it
(paragraphs and subheads, blank-line separated; no byline, captions,
comments, share bars or other page furniture). The score is the
article-body F1 over token 4-shingles (lower-cased word tokens, counted
with multiplicity), the measure of public article-extraction benchmarks.

`briefing read --json` runs as a subprocess, as a script would run it;
"trafilatura" is `trafilatura.extract(html)` with its defaults. Titles are
checked for an exact match with the truth (no site-name suffix).

Run: python bench/extraction.py [PAGES_DIR] [--json]
     (default: bench/pages/, pages written for this benchmark)
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
_BRIEFING = Path(sys.executable).parent / "briefing"
_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    """Overlapping runs of `size` lower-cased word tokens (the whole text if shorter)."""
    tokens = _TOKEN.findall(text.lower())
    if len(tokens) < size:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def score(predicted: str, truth: str) -> Score:
    got, want = shingles(predicted), shingles(truth)
    common = sum((got & want).values())
    precision = common / sum(got.values()) if got else 0.0
    recall = common / sum(want.values()) if want else 0.0
    return Score(precision, recall)


def read_truth(path: Path) -> tuple[str, str]:
    """(title, body) from a ground-truth file."""
    head, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
    title = head.removeprefix("title:").strip()
    return title, body.strip()


def ours(page: Path) -> tuple[str, str]:
    """(title, text) from `briefing read --json`, or ("", "") when it refuses the page."""
    command = [str(_BRIEFING)] if _BRIEFING.exists() else [sys.executable, "-m", "briefing"]
    result = subprocess.run(
        [*command, "read", str(page), "--json"], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        return "", ""
    data = json.loads(result.stdout)
    return data["title"], data["text"]


def trafilatura_alone(page: Path) -> str:
    import trafilatura

    return trafilatura.extract(page.read_text(encoding="utf-8", errors="replace")) or ""


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="?", type=Path, default=HERE / "pages")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    pages = sorted(p for p in args.pages.glob("*.html") if p.with_suffix(".txt").exists())
    if not pages:
        print(f"extraction: no NAME.html + NAME.txt pairs in {args.pages}", file=sys.stderr)
        return 2
    rows = []
    for page in pages:
        title, truth = read_truth(page.with_suffix(".txt"))
        our_title, our_text = ours(page)
        rows.append(
            {
                "page": page.stem,
                "ours": score(our_text, truth),
                "trafilatura": score(trafilatura_alone(page), truth),
                "title_ok": our_title == title,
                "title": our_title,
            }
        )
    summary = {
        name: {
            "precision": _mean([r[name].precision for r in rows]),
            "recall": _mean([r[name].recall for r in rows]),
            "f1": _mean([r[name].f1 for r in rows]),
        }
        for name in ("ours", "trafilatura")
    }
    titles = sum(r["title_ok"] for r in rows)
    if args.json:
        out = {
            "pages": len(rows),
            "titles_exact": titles,
            **summary,
            "per_page": [
                {"page": r["page"], "ours_f1": r["ours"].f1, "trafilatura_f1": r["trafilatura"].f1}
                for r in rows
            ],
        }
        print(json.dumps(out, indent=2))
        return 0
    print(f"{'page':<28} {'ours P/R/F1':>20} {'trafilatura P/R/F1':>22}  title")
    for r in rows:
        a, b = r["ours"], r["trafilatura"]
        mark = "ok" if r["title_ok"] else f"MISMATCH: {r['title']!r}"
        print(
            f"{r['page']:<28} {a.precision:6.3f} {a.recall:6.3f} {a.f1:6.3f}"
            f"   {b.precision:6.3f} {b.recall:6.3f} {b.f1:6.3f}  {mark}"
        )
    o, t = summary["ours"], summary["trafilatura"]
    print(
        f"{'mean':<28} {o['precision']:6.3f} {o['recall']:6.3f} {o['f1']:6.3f}"
        f"   {t['precision']:6.3f} {t['recall']:6.3f} {t['f1']:6.3f}  {titles}/{len(rows)} exact"
    )
    print(f"F1 ratio, ours / trafilatura alone: {o['f1'] / t['f1']:.3f}" if t["f1"] else "")
    return 0


if __name__ == "__main__":
    sys.exit(main())
