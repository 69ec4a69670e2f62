"""Hostile input, round two: pathological text, long numbers, endless inputs, odd names, bad batch lines.

Nothing here times a run: linear cost is checked structurally (how much text each
rule is handed, how many rule calls a text costs as it grows), and subprocess
timeouts only catch hangs.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import run_cli

from briefing.files import MAX_SLUG_BYTES, slugify
from briefing.ingest import parse_article
from briefing.speech.normalize import Normalizer, default_normalizer, pipeline
from briefing.speech.normalize.bounds import MAX_PIECE, pieces, say_long_numbers
from briefing.speech.normalize.languages import LanguageRules, language_rules

TOKENS = ["x", "a-", "1.1", "((", "...", "+1 (555) 010-0199", "a.b@c.d", "http://a.co/x", '"', "'",
          "\ue000", "1,", "Mr. ", "$1", "5%", "1st", "1/2", "1990s", "5km", "40°C", "II", "don't",
          "A&B", "9" * 30, "x" * 70, " ", "-", "\u00b2", "½", "#1", "@a", "10:30", "Nov. 25"]  # fmt: skip
HOSTILE = st.lists(st.sampled_from(TOKENS), min_size=1, max_size=400).map("".join)
BOUNDED = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture
def rule_inputs(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The length of every text any English rule is handed, while the test runs."""
    seen: list[int] = []

    def counted(rule: Callable[[str], str]) -> Callable[[str], str]:
        def run(text: str) -> str:
            seen.append(len(text))
            return rule(text)

        return run

    english = language_rules("en")
    wrapped = LanguageRules(
        english.code,
        english.name,
        tuple(counted(r) for r in english.before_lexicon),
        tuple(counted(r) for r in english.rules),
    )
    monkeypatch.setattr(pipeline, "language_rules", lambda _code: wrapped)
    yield seen


@given(text=HOSTILE)
@BOUNDED
def test_hostile_text_reads_as_words(text: str) -> None:
    spoken = default_normalizer()(text)
    assert not re.search(r"[0-9]", spoken), spoken


@pytest.mark.parametrize("token", ["x", "a-", "1.1", "((", "1,", "Mr. ", "$1 ", "5km ", "a.b@c.d "])
def test_no_rule_ever_sees_more_than_a_piece(token: str, rule_inputs: list[int]) -> None:
    Normalizer(default_normalizer().lexicon)(token * 20_000)
    assert rule_inputs and max(rule_inputs) <= 12 * MAX_PIECE


def test_rule_calls_grow_linearly_with_the_text(rule_inputs: list[int]) -> None:
    import random

    def calls(count: int) -> int:
        draw = random.Random(count)
        text = " ".join(draw.choice(TOKENS) + str(draw.randrange(10**6)) for _ in range(count))
        rule_inputs.clear()
        Normalizer(default_normalizer().lexicon)(text)
        return len(rule_inputs)

    small, large = calls(200), calls(2000)
    assert large <= 12 * small


def test_a_long_sentence_is_cut_between_words_and_a_long_word_in_slices() -> None:
    text = "word " * 1000 + "y" * 5000
    cut = list(pieces(text))
    assert all(len(p) <= MAX_PIECE for p in cut)
    assert " ".join(cut).replace(" ", "") == text.replace(" ", "")
    assert list(pieces("A short sentence.")) == ["A short sentence."]


FORMS = ["{n}", "${n}", "${n}bn", "£{n}.50", "{n}%", "{n}th", "{n}km", "{n}°C", "{n}/4",
         "{n}0s", "-{n}", "{n}.{n}", "0.{n}", "{n},000", "#{n}", "{n}:30"]  # fmt: skip


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("length", [16, 41, 4301, 5000])
def test_long_numbers_never_reach_int(form: str, length: int) -> None:
    spoken = default_normalizer()(f"It was {form.format(n='7' * length)} today.")
    assert not re.search(r"[0-9]", spoken)
    assert ("digit number" in spoken) == (length > 40)


@pytest.mark.parametrize("form", FORMS)
def test_every_rule_alone_survives_a_5000_digit_number(form: str) -> None:
    english = language_rules("en")
    text = f"It was {form.format(n='7' * 5000)} today."
    for rule in (*english.before_lexicon, *english.rules):
        assert isinstance(rule(text), str)


def test_long_numbers_say_their_length_and_short_ones_are_left_alone() -> None:
    assert "a five thousand-digit number" in say_long_numbers("1" * 5000)
    assert say_long_numbers("1,234,567.89") == "1,234,567.89"
    assert say_long_numbers("1234567890123456").strip().startswith("one two three")


def test_deep_mismatched_end_tags_and_many_tags_parse() -> None:
    html = (
        "<div>" * 30_000 + "</span>" * 30_000 + "<p>The tunnel opened today.</p>" + "<b>" * 30_000
    )
    article = parse_article(html, source="deep.html", kind="html")
    assert article.sentences == ("The tunnel opened today.",)


# ---- inputs that never end ------------------------------------------------------------------


def _one_line_error(result: object, code: int = 1) -> None:
    assert result.returncode == code, result.stderr  # type: ignore[attr-defined]
    stderr = result.stderr.strip()  # type: ignore[attr-defined]
    assert "Traceback" not in stderr and len(stderr.splitlines()) == 1, stderr


def test_a_fifo_with_no_writer_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = run_cli("summarize", str(fifo), timeout=60)
    _one_line_error(result)
    assert "not a regular file" in result.stderr


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_are_refused(device: str) -> None:
    result = run_cli("script", device, "--max-bytes", "100000000", timeout=60)
    _one_line_error(result)


def test_stdin_over_the_limit_is_refused(tmp_path: Path) -> None:
    result = run_cli(
        "summarize", "-", "--max-bytes", "1000", stdin="The cat sat. " * 1000, timeout=60
    )
    _one_line_error(result)
    assert "larger than 1,000 bytes" in result.stderr


# ---- names ------------------------------------------------------------------------------------


@given(title=st.text(min_size=0, max_size=300))
@settings(max_examples=200, deadline=None)
def test_any_title_gives_a_short_safe_name(title: str) -> None:
    slug = slugify(title)
    assert slug and "/" not in slug and not slug.startswith((".", "-"))
    assert len(slug.encode("utf-8", "surrogatepass")) <= MAX_SLUG_BYTES + 9


def test_scripts_with_no_safe_name_get_distinct_hashed_names() -> None:
    titles = ["𐐔𐐯𐑅𐐨𐑉𐐯𐐻", "𐀀𐀁𐀂", "𐐔𐐯𐑅", "!!!", "???", "🎉"]
    names = [slugify(t) for t in titles]
    assert len(set(names)) == len(names)
    assert all(n.isascii() for n in names)


@pytest.mark.parametrize(
    "title", ["漢" * 100, "𐐔𐐯𐑅𐐨𐑉𐐯𐐻 " * 20, "𐀀𐀁𐀂 news"], ids=["cjk", "deseret", "linear-b"]
)
def test_make_writes_files_for_titles_in_any_script(tmp_path: Path, title: str) -> None:
    source = tmp_path / "in.md"
    source.write_text(
        f"# {title}\n\nThe tunnel opened today. Buses use it now.\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    result = run_cli("make", str(source), "--out", str(out), "--format", "md", timeout=120)
    assert result.returncode == 0, result.stderr
    (written,) = list(out.iterdir())
    assert len(written.name.encode()) <= 255


# ---- output to stdout and by suffix -----------------------------------------------------------


def _article(tmp_path: Path) -> Path:
    source = tmp_path / "story.txt"
    source.write_text("Tunnel opens\n\nThe harbour tunnel opened today.\n", encoding="utf-8")
    return source


def test_speak_out_dash_writes_the_wav_to_stdout(tmp_path: Path) -> None:
    import subprocess

    from support import BRIEFING

    proc = subprocess.run(
        [*BRIEFING, "speak", str(_article(tmp_path)), "--out", "-"],
        capture_output=True,
        cwd=tmp_path,
        timeout=120,
        env={**os.environ},
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout[:4] == b"RIFF" and proc.stdout[8:12] == b"WAVE"
    assert not (tmp_path / "-").exists()


def test_speak_to_mp3_writes_mp3(tmp_path: Path) -> None:
    out = tmp_path / "brief.mp3"
    result = run_cli("speak", str(_article(tmp_path)), "--out", str(out), timeout=120)
    assert result.returncode == 0, result.stderr
    head = out.read_bytes()[:3]
    assert head == b"ID3" or (head[0] == 0xFF and head[1] & 0xE0 == 0xE0)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_speak_to_a_suffix_that_is_no_audio_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "brief.txt"
    result = run_cli("speak", str(_article(tmp_path)), "--out", str(out), timeout=120)
    _one_line_error(result, code=2)
    assert not out.exists()


# ---- --jsonl ----------------------------------------------------------------------------------


def test_bad_jsonl_lines_get_errors_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = json.dumps({"id": "a", "article": "The tunnel opened. Buses use it. It cost a lot."})
    lines = [
        good,
        '{"id": "\\ud800", "article": "Lone surrogate id."}',
        '{"id": "b", "article": "Lone \\udfff surrogate."}',
        "[" * 100_000 + "]" * 100_000,
        '{"id": ' + "9" * 5000 + ', "article": "Huge id."}',
        '{"id": 123456789012345678901234567890, "article": "Too big."}',
        '{"id": NaN, "article": "Not a number."}',
        "not json",
        good.replace('"a"', '"c"'),
    ]
    batch = tmp_path / "in.jsonl"
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli("summarize", "--jsonl", str(batch), "--sentences", "1", timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == len(lines)
    assert out[0]["id"] == "a" and out[0]["summary"] and out[-1]["id"] == "c"
    errors = out[1:-1]
    assert all("error" in e and "summary" not in e for e in errors)
    assert errors[1]["id"] == "b"
    assert all(e["line"] == n for n, e in enumerate(errors, start=2) if e["id"] is None)
