"""Text in any common encoding comes out as written: UTF-32 and UTF-16 with or without a mark,
legacy code pages judged by the language's letters, control characters removed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import run_cli

from briefing.ingest import decode

FRENCH = (
    "La rivière déborde près du pont. Les élèves de l'école ont été évacués à midi. "
    "Le maire a demandé aux habitants de rester chez eux pendant la crue.\n"
)
CZECH = (
    "Řeka se vylila z břehů u mostu. Žáci ze školy byli evakuováni v poledne. "
    "Starosta požádal obyvatele, aby zůstali doma, dokud voda neopadne.\n"
)
GERMAN = (
    "Der Fluss ist über die Ufer getreten. Die Schüler wurden am Mittag in Sicherheit "
    "gebracht. Der Bürgermeister bat die Bewohner, zu Hause zu bleiben.\n"
)


@pytest.mark.parametrize(
    "codec", ["utf-32", "utf-32-le", "utf-32-be", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"]
)
def test_unicode_encodings_with_or_without_a_mark(codec: str) -> None:
    assert decode("x", FRENCH.encode(codec)) == FRENCH


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (FRENCH, "latin-1"),
        (FRENCH, "cp1252"),
        (GERMAN, "latin-1"),
        (CZECH, "cp1250"),
        (CZECH, "iso-8859-2"),
    ],
)
def test_legacy_code_pages_fit_the_languages_letters(text: str, codec: str) -> None:
    assert decode("x", text.encode(codec)) == text


def test_control_characters_are_removed_past_the_first_8_kb() -> None:
    text = decode("x", ("Word. " * 2000 + "A\x00B\x1b[2JC\x7fD.\n").encode())
    assert text.endswith("AB[2JCD.\n")


def test_a_utf32_article_summarizes_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "crue.txt"
    path.write_bytes(("La crue\n\n" + FRENCH).encode("utf-32"))
    result = run_cli("summarize", str(path), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["title"] == "La crue" and "\x00" not in result.stdout
    assert data["sentences"][0]["text"].startswith("La rivière déborde")
