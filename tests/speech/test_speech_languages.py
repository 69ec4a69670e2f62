"""German, French and Spanish read like a newsreader: each table row sounds right through espeak-ng.

Each row of readings_de.tsv, readings_fr.tsv and readings_es.tsv is a news
sentence written for this project and the way a native newsreader reads it.
A row passes when the normalized sentence and the reading give the same
phonemes in that language's espeak-ng voice (stress and word gaps ignored), as
the English tables do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.speech.normalize import LANGUAGES, Normalizer, language_rules
from briefing.speech.normalize.languages import UNKNOWN

HERE = Path(__file__).parent
VOICES = {"de": "de", "fr": "fr", "es": "es"}
"""The espeak-ng voice each table is heard with (France's French, Spain's Spanish)."""


def _rows(code: str) -> list[tuple[str, str, str, str]]:
    rows = []
    for line in (HERE / f"readings_{code}.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            category, written, reading = line.split("\t")
            rows.append((code, category, written, reading))
    return rows


ROWS = [row for code in VOICES for row in _rows(code)]


def _sound(phonemes: str) -> str:
    """espeak-ng's phonemes without stress marks, pauses and word gaps: what a listener hears."""
    return re.sub(r"[ ',_:;]", "", phonemes)


@pytest.fixture(scope="module", autouse=True)
def temp_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRIEFING_HOME", str(home))
        yield home


@pytest.fixture(scope="module")
def phonemes_of() -> object:
    try:
        from briefing.speech.espeak import binding, phonemes

        binding()
    except Exception as exc:  # the native engine is missing on this machine
        pytest.skip(f"espeak-ng unavailable: {exc}")
    return phonemes


def _normalizer(code: str) -> Normalizer:
    from briefing.speech.lexicon import load_lexicon

    return Normalizer(load_lexicon(), language=code)


@pytest.mark.parametrize(
    ("code", "category", "written", "reading"),
    ROWS,
    ids=[f"{r[0]}-{r[1]}-{i}" for i, r in enumerate(ROWS)],
)
def test_reading_sounds_like_a_newsreader(
    phonemes_of: object, code: str, category: str, written: str, reading: str
) -> None:
    spoken = _normalizer(code)(written)
    voice = VOICES[code]
    heard = _sound(phonemes_of(spoken, voice))  # type: ignore[operator]
    wanted = _sound(phonemes_of(reading, voice))  # type: ignore[operator]
    assert heard == wanted, f"{written!r} was read {spoken!r}, a newsreader says {reading!r}"


@pytest.mark.parametrize("code", list(VOICES))
def test_every_table_covers_the_forms_the_issue_names(code: str) -> None:
    categories = {category for _, category, _, _ in _rows(code)}
    assert {"number", "decimal", "percent", "money", "date", "time", "ordinal"} <= categories
    assert "abbreviation" in categories and len(_rows(code)) >= 25


@pytest.mark.parametrize("code", list(VOICES))
def test_the_languages_are_registered_and_leave_no_digit_or_english_word(code: str) -> None:
    assert code in LANGUAGES and language_rules(code).code == code
    for _, _, written, _ in _rows(code):
        spoken = _normalizer(code)(written)
        assert not re.search(r"\d", spoken), spoken
        assert not re.search(r"\b(?:point|percent|dollars?|to|and|o'clock)\b", spoken), spoken


def test_a_language_without_rules_is_never_read_with_english_ones() -> None:
    assert language_rules("sv") is UNKNOWN
    spoken = _normalizer("sv")("Priset steg med 3,5 % till 1 200 kronor.")
    assert "3,5" in spoken and "percent" not in spoken and "three" not in spoken


def test_english_is_still_read_by_its_own_rules() -> None:
    assert _normalizer("en")("The deal is worth $1.2bn.") == (
        "The deal is worth one point two billion dollars."
    )


@pytest.mark.parametrize(
    ("code", "written", "spoken"),
    [
        ("de", "Mehr unter tagesschau.de oder info@bahn.de.", "Punkt"),
        ("fr", "Écrivez à contact@sncf.fr.", "arobase"),
        ("es", "Más en www.rtve.es.", "punto"),
    ],
)
def test_web_addresses_are_said_with_the_languages_words(
    code: str, written: str, spoken: str
) -> None:
    said = _normalizer(code)(written)
    assert spoken in said and " dot " not in said and " at " not in said
