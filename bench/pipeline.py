"""Benchmark of the foundation pipeline, printed as ratios against references measured in the same run.

1. `briefing speak` of a 30,000-character text vs raw libespeak-ng on the same text (goal <= 1.5x).
2. `briefing make` of a typical 3,000-character article with audio, interpreter start included
   (goal < 1.5 s), next to a bare `python -c pass` start for scale.

Run: python bench/pipeline.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from timing import paired, repeated

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent / "samples" / "harbour-tunnel.txt"


def long_text(chars: int) -> str:
    """Sample paragraphs repeated to the wanted length, as plain prose."""
    body = "\n\n".join(
        p for p in SAMPLE.read_text(encoding="utf-8").split("\n\n")[1:] if p.strip().endswith(".")
    )
    text = ""
    while len(text) < chars:
        text += body + "\n\n"
    return text[:chars].rsplit(". ", 1)[0] + "."


def speak_pair(exe: str, work: Path, chars: int = 30_000) -> tuple[list[str], list[str]]:
    """`briefing speak` of a `chars`-long text in `work`, and raw libespeak-ng on the same text."""
    text = work / "long.txt"
    text.write_text("Long read\n\n" + long_text(chars), encoding="utf-8")
    ours = [exe, "speak", str(text), "--out", str(work / "ours.wav"), "--force"]
    raw = [sys.executable, str(HERE / "raw_espeak.py"), str(text), str(work / "raw.wav")]
    return ours, raw


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    local = Path(sys.executable).parent / "briefing"
    exe = str(local) if local.exists() else shutil.which("briefing")
    if not exe:
        sys.exit("briefing is not installed in this environment")
    env = {**os.environ, "BRIEFING_ENGINE": "espeak"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # users run from compiled bytecode
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        ours, raw = speak_pair(exe, work)
        a, b, ratio = paired(ours, raw, args.runs, env=env)
        print(
            f"speak 30,000 chars : briefing {a:6.2f} s | raw libespeak-ng {b:6.2f} s | ratio {ratio:.2f}x (goal <= 1.5x)"
        )

        article = work / "article.txt"
        article.write_text(SAMPLE.read_text(encoding="utf-8")[:3200], encoding="utf-8")
        make = [exe, "make", str(article), "--out", str(work / "out"), "--force"]
        bare = [sys.executable, "-c", "pass"]
        a, b, ratio = paired(make, bare, args.runs, env=env)
        print(
            f"make 3,000-char article with audio: {a:5.2f} s (goal < 1.5 s, {a / 1.5:.2f}x of goal) "
            f"| bare python start {b:.2f} s ({ratio:.1f}x)"
        )
        help_time = repeated([exe, "--help"], args.runs)
        print(f"briefing --help cold start: {help_time:.3f} s")


if __name__ == "__main__":
    main()
