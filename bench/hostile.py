"""Worst-case seconds per hostile family: every normalizer rule and tokenizer on repeated tokens.

Each family is a token repeated many times ("1," x 100,000); each rule runs on it
alone and the whole normalizer and summarizer tokenizers run on it too. A rule that
backtracks shows as a time that grows faster than the input: the table prints the
seconds at the largest size and the growth from half that size (2.0 is linear; "-" when
too quick to tell).

    .venv/bin/python bench/hostile.py [--repeats 100000]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from briefing.speech.normalize import Normalizer, default_normalizer, language_rules
from briefing.speech.normalize.characters import unify_characters
from briefing.speech.normalize.punctuation import tidy
from briefing.speech.normalize.web import read_web
from briefing.text import split_sentences, split_words

FAMILIES: dict[str, str] = {
    "x": "x",
    "a-": "a-",
    "1.1": "1.1",
    "((": "((",
    "dots": "...",
    "phone": "+1 (555) 010-0199 ",
    "email": "a.b@c.d",
    "url": "http://a.co/",
    "quotes": "\"'",
    "private-use": "\ue000\ue801",
    "1,": "1,",
    "Mr. ": "Mr. ",
    "$1": "$1",
    "1%": "1%",
    "1st": "1st",
    "1/2": "1/2",
    "1990s": "1990s",
    "5km": "5km ",
    "40°C": "40°C",
    "II": "II ",
    "n't": "don't",
    "A&": "A&",
    "digit": "9",
}


def rules() -> dict[str, Callable[[str], str]]:
    """Every rule the English normalizer runs, by name, plus the whole pass and the tokenizers."""
    english = language_rules("en")
    named: dict[str, Callable[[str], str]] = {
        "unify_characters": unify_characters,
        "read_web": read_web,
        "tidy": tidy,
    }
    for rule in (*english.before_lexicon, *english.rules):
        named[rule.__name__] = rule
    normalizer: Normalizer = default_normalizer()
    named["normalizer"] = normalizer
    named["split_sentences"] = lambda text: " ".join(split_sentences(text))
    named["split_words"] = lambda text: " ".join(split_words(text))
    return named


def seconds(rule: Callable[[str], str], text: str) -> float:
    start = time.perf_counter()
    rule(text)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=100_000)
    parser.add_argument("--only", help="comma-separated family names")
    args = parser.parse_args()
    families = FAMILIES
    if args.only:
        families = {k: v for k, v in FAMILIES.items() if k in args.only.split(",")}
    named = rules()
    print(f"| family | worst rule | seconds at {args.repeats:,} repeats | growth from half |")
    print("|---|---|---|---|")
    for family, token in families.items():
        big = token * args.repeats
        half = token * (args.repeats // 2)
        worst = max(
            ((seconds(rule, big), name, rule) for name, rule in named.items()), key=lambda t: t[0]
        )
        growth = f"{worst[0] / max(seconds(worst[2], half), 1e-6):.1f}" if worst[0] > 0.05 else "-"
        print(f"| {family!r} | {worst[1]} | {worst[0]:.3f} | {growth} |", flush=True)
    long_word = "x" * 5000
    worst_word = max((seconds(rule, long_word), name) for name, rule in named.items())
    print(f"| 5,000-char word | {worst_word[1]} | {worst_word[0]:.3f} | |")


if __name__ == "__main__":
    main()
