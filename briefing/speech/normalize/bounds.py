"""Caps on the work one sentence costs: long numbers said by their length, long text read in pieces.

Every rule is a regular expression; a few of them (and any written later) can cost
more than linear time on pathological input, so no rule ever sees more than
MAX_PIECE characters at once or a word longer than MAX_WORD, and no number longer
than a newsreader would say reaches `int()` (whose limit is 4,300 digits).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefing.speech import numbers as num

MAX_PIECE = 600
"""Characters of one sentence the rules see at once; a longer one is read piece by piece."""
MAX_WORD = 60
"""A run without spaces longer than this is no word a newsreader says whole: read in slices."""
MAX_SAID_DIGITS = 15
"""Beyond this many digits a number is read digit by digit (num.cardinal's own limit too)."""
MAX_READ_DIGITS = 40
"""Beyond this many digits nobody reads them out: "a 5,000-digit number"."""

FULL_READING_CHARS = 100_000
"""Characters one normalizer (one script) reads with every rule; the rest get a quick reading.

Hours of speech: a real article never gets near it, hostile text does not cost minutes."""
MEMO_SIZE = 4096
"""Pieces one normalizer remembers (text made of one phrase repeated is read once)."""

_NUMBER = re.compile(r"(?:(?P<cur>[$£€¥₹₩₽₦])\s?)?(?P<num>\d(?:,?\d)*(?:\.\d+)?)")
"""A written number; each step takes one digit, so matching never backtracks."""
_WORD_RUN = re.compile(rf"\S{{{MAX_WORD + 1},}}")


def _say_digits(run: str) -> str:
    """A long run of digits as a newsreader copes with it."""
    count = sum(1 for c in run if c.isdigit())
    if count > MAX_READ_DIGITS:
        return f"a {num.cardinal(count)}-digit number"
    return num.digits(run)


_CURRENCY_WORDS = {"$": "dollars", "£": "pounds", "€": "euros", "¥": "yen", "₹": "rupees",
                   "₩": "won", "₽": "rubles", "₦": "naira"}  # fmt: skip
"""A long amount's currency, said after it (the money rule never sees such an amount)."""


def _long_number(m: re.Match[str]) -> str:
    whole, _, fraction = m["num"].partition(".")
    whole_digits = len(whole) - whole.count(",")
    if whole_digits <= MAX_SAID_DIGITS and len(fraction) <= MAX_SAID_DIGITS:
        return m[0]
    said = _say_digits(whole) if whole_digits > MAX_SAID_DIGITS else whole
    if fraction:
        said += " point " + _say_digits(fraction)
    if m["cur"]:
        said += (" of " if said.endswith("number") else " ") + _CURRENCY_WORDS[m["cur"]]
    return f" {said} "


def say_long_numbers(text: str) -> str:
    """Numbers of more than MAX_SAID_DIGITS digits as words; shorter ones are left to the rules."""
    return _NUMBER.sub(_long_number, text)


def _slices(m: re.Match[str]) -> str:
    run = m[0]
    return " ".join(run[i : i + MAX_WORD] for i in range(0, len(run), MAX_WORD))


def pieces(text: str) -> Iterator[str]:
    """`text` in pieces of at most about MAX_PIECE characters, cut between words.

    Text no longer than MAX_PIECE (nearly every real sentence) is one piece, unchanged.
    """
    if len(text) <= MAX_PIECE:
        yield text
        return
    words = _WORD_RUN.sub(_slices, text).split()
    piece: list[str] = []
    size = 0
    for word in words:
        if piece and size + len(word) > MAX_PIECE:
            yield " ".join(piece)
            piece, size = [], 0
        piece.append(word)
        size += len(word) + 1
    if piece:
        yield " ".join(piece)
