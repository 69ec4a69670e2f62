"""The normalizer: every reading in readings.tsv sounds right through espeak-ng, rules one by one, properties."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.speech.lexicon import Lexicon
from briefing.speech.normalize import LANGUAGES, Normalizer, language_rules, normalize

READINGS = Path(__file__).with_name("readings.tsv")
MORE_READINGS = Path(__file__).with_name("readings_more.tsv")
"""A second table, written independently of the first (and of the rules) as a breadth check."""


def _readings(path: Path = READINGS) -> list[tuple[str, str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            category, written, reading = line.split("\t")
            rows.append((category, written, reading))
    return rows


def _sound(phonemes: str) -> str:
    """espeak-ng's phonemes without stress marks, pauses and word gaps: what a listener hears."""
    return re.sub(r"[ ',_:;]", "", phonemes)


@pytest.fixture(scope="module", autouse=True)
def temp_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One temp home for the whole module (the normalizer writes nothing), not one per row."""
    home = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRIEFING_HOME", str(home))
        patch.setenv("BRIEFING_ENGINE", "fake")
        yield home


ROWS = _readings()
MORE_ROWS = _readings(MORE_READINGS)


@dataclass(frozen=True)
class Heard:
    """What a listener hears for each text of the tables, phonemized in one go."""

    spoken: dict[str, str | BaseException]
    """Each written form's normalized text, or what normalizing it raised (its row reports it)."""
    sounds: dict[str, str]
    """Each distinct text -> its sound; equal texts are phonemized once."""


@pytest.fixture(scope="module")
def heard() -> Heard:
    """Normalize every row, then ask espeak-ng for every distinct text in one pass.

    Each row used to normalize and phonemize inside its own test; here every
    distinct text is phonemized once (many readings equal their normalized text)
    and the rows only compare, each still failing under its own name.
    """
    try:
        from briefing.speech.espeak import binding, phonemes

        binding()
    except Exception as exc:  # the native engine is missing on this machine
        pytest.skip(f"espeak-ng unavailable: {exc}")
    spoken: dict[str, str | BaseException] = {}
    for _, written, _ in ROWS + MORE_ROWS:
        try:
            spoken[written] = normalize(written)
        except Exception as exc:  # reported by the row it belongs to
            spoken[written] = exc
    texts = {text for text in spoken.values() if isinstance(text, str)}
    texts |= {reading for _, _, reading in ROWS + MORE_ROWS}
    texts |= {written for _, written, _ in ROWS}
    return Heard(spoken, {text: _sound(phonemes(text)) for text in sorted(texts)})


def test_the_table_covers_every_category() -> None:
    categories = {row[0] for row in ROWS}
    assert len(ROWS) >= 200
    wanted = {
        "money",
        "percent",
        "ordinal",
        "date",
        "year",
        "decade",
        "time",
        "title",
        "place",
        "abbrev",
        "dotted",
        "initialism",
        "roman",
        "unit",
        "symbol",
        "fraction",
        "punct",
    }
    assert wanted <= categories


@pytest.mark.parametrize(
    ("category", "written", "reading"),
    ROWS + MORE_ROWS,
    ids=[r[1][:40] for r in ROWS + MORE_ROWS],
)
def test_sounds_like_a_newsreader(heard: Heard, category: str, written: str, reading: str) -> None:
    spoken = heard.spoken[written]
    if isinstance(spoken, BaseException):
        raise spoken
    assert heard.sounds[spoken] == heard.sounds[reading], f"{category}: {written!r} -> {spoken!r}"


def test_the_second_table_is_independent_and_broad() -> None:
    assert len(MORE_ROWS) >= 200
    assert {row[0] for row in MORE_ROWS} >= {row[0] for row in ROWS} - {"plain"}
    assert not {row[1] for row in MORE_ROWS} & {row[1] for row in ROWS}


def test_raw_espeak_gets_most_of_the_table_wrong(heard: Heard) -> None:
    """The table is worth having: without normalization most readings are wrong."""
    sounds = heard.sounds
    right = sum(sounds[w] == sounds[r] for c, w, r in ROWS if c not in {"plain", "dotted"})
    assert right < len(ROWS) * 0.6


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("$1.2bn", "one point two billion dollars"),
        ("£3.50", "three pounds and fifty pence"),
        ("€1", "one euro"),
        ("5%", "five percent"),
        ("Nov. 25", "November twenty-fifth"),
        ("25 Nov 2024", "the twenty-fifth of November twenty twenty-four"),
        ("1990s", "nineteen nineties"),
        ("'80s", "eighties"),
        ("2005", "two thousand five"),
        ("10:30 a.m.", "ten thirty a.m."),
        ("9pm", "nine p.m."),
        ("Gen. Milley", "General Milley"),
        ("World War II", "World War Two"),
        ("Henry VIII", "Henry the Eighth"),
        ("40°C", "forty degrees Celsius"),
        ("-5°C", "minus five degrees Celsius"),
        ("3/4", "three quarters"),
        ("A&B", "A. and B."),
        ("FBI", "F.B.I."),
        ("NATO", "Nato"),
        ("a “quoted” word", "a quoted word"),
        ("this — that", "this, that"),
        ("1,500", "one thousand five hundred"),
        ("21st", "twenty-first"),
        ("$2-3bn", "two to three billion dollars"),
        ("2.5pc", "two point five percent"),
        ("call 911", "call nine one one"),
        ("Section 230", "Section two thirty"),
        ("Flight MH370", "Flight M.H. three seventy"),
        ("the 737 Max", "the seven thirty-seven Max"),
        ("1-800-273-8255", "one eight hundred, two seven three, eight two five five"),
        ("profits in Q3", "profits in the third quarter"),
        ("FY2024", "fiscal year twenty twenty-four"),
        ("10:30 p.m. ET", "ten thirty p.m. Eastern Time"),
        ("9 PM", "nine p.m."),
        ("the PM", "the prime minister"),
        ("a 50/50 call", "a fifty-fifty call"),
        ("a 1/2-inch gap", "a half-inch gap"),
        ("a 10k race", "a ten K race"),
        ("outside No 10", "outside Number ten"),
        ("in 1066", "in ten sixty-six"),
        ("by 2100", "by twenty-one hundred"),
        ("in '08", "in oh eight"),
        ("EVs", "E.V.'s"),
        ("Gen Z", "Gen Z"),
        ("WWII", "World War Two"),
        ("COP28", "Cop twenty-eight"),
        ("Nov. 25-27", "November twenty-fifth to twenty-seventh"),
        ("Henry VIII's", "Henry the Eighth's"),
        ("Super Bowl XLIX", "Super Bowl Forty-nine"),
        ("$15/hour", "fifteen dollars an hour"),
    ],
)
def test_rules(written: str, spoken: str) -> None:
    assert normalize(written) == spoken


def test_dashes_and_quotes_are_never_spoken() -> None:
    spoken = normalize("He said — again — that “the plan – all of it – works”.")
    assert not re.search(r"[—–\"“”]|dash|quote", spoken)
    assert spoken.count(",") >= 2


def test_a_lexicon_decides_initialisms_and_acronyms() -> None:
    custom = Normalizer(Lexicon({"NASA": "N.A.S.A.", "FBI": "Feebie"}))
    assert custom("NASA and the FBI") == "N.A.S.A. and the Feebie"
    assert Normalizer(Lexicon())("NASA") == "NASA"


def test_lexicon_output_is_not_rewritten_by_other_rules() -> None:
    custom = Normalizer(Lexicon({"Agent 47": "Agent 47"}))
    assert custom("Agent 47 and 47") == "Agent 47 and forty-seven"


def test_english_is_chosen_by_language_code_with_any_region() -> None:
    for code in ("en", "en-GB", "en_us", "EN"):
        assert (
            Normalizer(Lexicon(), language=code)("$5 on Nov. 25")
            == "five dollars on November twenty-fifth"
        )
    assert language_rules("en-GB") is language_rules("en")
    assert LANGUAGES["en"] == "briefing.speech.normalize.english"


def test_a_language_without_rules_is_never_read_with_english_rules() -> None:
    text = "Den 28 juni steg OMX — enligt “Dagens industri” — med 1,2 % till 2 300 punkter."
    swedish = Normalizer(Lexicon({"OMX": "Omx"}), language="sv")(text)
    assert swedish == Normalizer(Lexicon({"OMX": "Omx"}), english=False)(text)
    assert swedish == "Den 28 juni steg OMX, enligt Dagens industri, med 1,2 % till 2 300 punkter."


def test_output_is_one_line() -> None:
    assert normalize("one\n\ntwo\r\nthree") == "one two three"


NEWSY = st.sampled_from(
    [
        "$",
        "£",
        "€",
        "1.2",
        "bn",
        "m",
        "Nov.",
        "25",
        "1990s",
        "'80s",
        "10:30",
        "a.m.",
        "Gen.",
        "Mr.",
        "St.",
        "Louis",
        "World War",
        "II",
        "Henry",
        "VIII",
        "°C",
        "-5",
        "%",
        "&",
        "#1",
        "/",
        "1/2",
        "www.bbc.co.uk",
        "FBI",
        "NATO",
        "U.S.",
        " ",
        ".",
        ",",
        "—",
        "“",
        "”",
        "21st",
        "km",
        "No.",
        "vs.",
        "Inc.",
        "2024",
        "1,500",
        "the",
        "MPs",
        "x",
        "(",
        ")",
        "@",
        "e.g.",
        "’",
        "Q3",
        "PM",
        "ET",
        "737",
        "Section",
        "230",
        "call",
        "911",
        "'08",
        "XLIX",
        "-",
        "25-27",
        "$2-3bn",
        "50/50",
        "(202) 555-0123",
        "3in",
        "FY2024",
        "No",
        "10",
        "'s",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=60),
    st.lists(NEWSY, max_size=14).map(" ".join),
    st.lists(NEWSY, max_size=14).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_never_raises_and_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert "\n" not in once


@settings(max_examples=200, deadline=None)
@given(st.lists(NEWSY, min_size=1, max_size=10).map(" ".join))
def test_no_digits_survive(text: str) -> None:
    assert not re.search(r"\d", normalize(text))
