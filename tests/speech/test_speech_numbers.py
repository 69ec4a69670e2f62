"""English number words: said as num2words says them (the other languages' library is the oracle), without its commas."""

from __future__ import annotations

import random
import re

import pytest
from num2words import num2words

from briefing.speech import numbers

_AND = re.compile(r"\band\s+(?=\S)")


def _oracle(words: str, *, british: bool) -> str:
    """num2words' words as a newsreader reads them: no commas, "and" only in British English."""
    words = words.replace(",", "")
    if not british:
        words = _AND.sub("", words)
    return " ".join(words.split())


def _sample() -> list[int]:
    rng = random.Random(20261202)
    values = list(range(0, 2101)) + [10**k + d for k in range(3, 15) for d in (-1, 0, 1, 5, 50)]
    values += [rng.randrange(0, 10 ** rng.randint(4, 15)) for _ in range(3000)]
    return values


@pytest.mark.parametrize("british", [False, True])
def test_cardinals_and_ordinals_are_num2words_own(british: bool) -> None:
    for value in _sample():
        assert numbers.cardinal(value, british=british) == _oracle(
            num2words(value), british=british
        ), value
        assert numbers.ordinal(value, british=british) == _oracle(
            num2words(value, to="ordinal"), british=british
        ), value
    assert numbers.cardinal(-42) == "minus forty-two"


@pytest.mark.parametrize("british", [False, True])
def test_years_are_num2words_own_but_for_the_newsreaders_exceptions(british: bool) -> None:
    for value in [*range(1, 12_100), -44, -1987, -2005]:
        expected = _oracle(num2words(value, to="year").replace("oh-", "oh "), british=british)
        if 2000 <= value <= 2009:
            expected = _oracle(num2words(value), british=british)  # "two thousand five"
        assert numbers.year(value, british=british) == expected, value
    assert numbers.year(1905) == "nineteen oh five"
    assert numbers.year(2024) == "twenty twenty-four"
    assert numbers.year(2100) == "twenty-one hundred"
    assert numbers.year(2005, british=True) == "two thousand and five"


def test_english_words_never_load_num2words() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from briefing.speech import numbers as n; "
        "n.cardinal(1234); n.ordinal(21); n.year(1987); n.decade(1990); "
        "print('num2words' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
