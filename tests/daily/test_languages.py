"""A daily brief of stories in several languages: each read in its own, the English rate kept safe."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from support import SAMPLES, run_cli

ENGLISH = SAMPLES / "harbour-tunnel.txt"
GERMAN = SAMPLES / "bahn-streicht-verbindungen.txt"
FRENCH = SAMPLES / "greve-des-bus-a-lyon.txt"
SPANISH = SAMPLES / "metro-de-madrid-amplia-horario.txt"
RATE_KEY = "fake:en-us:150"
"""The default profile's learned-rate key with the fake engine (English keeps its old key)."""


def _folder(tmp_path: Path, *articles: Path) -> Path:
    folder = tmp_path / "src"
    folder.mkdir()
    for article in articles:
        shutil.copy(article, folder / article.name)
    return folder


def _daily(folder: Path, out: Path, *extra: str) -> dict:  # type: ignore[type-arg]
    result = run_cli("daily", str(folder), "--out", str(out), "--words", "400", "--json", *extra)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def _chapters(transcript: str) -> dict[str, str]:
    """The transcript's chapters by their first line's headline words."""
    return {c.splitlines()[0]: c for c in transcript.strip().split("\n\n")}


def test_a_mixed_brief_reads_each_story_in_its_language(tmp_path: Path) -> None:
    folder = _folder(tmp_path, ENGLISH, GERMAN, FRENCH, SPANISH)
    manifest = _daily(folder, tmp_path / "out", "--words", "700")
    languages = {s["headline"][:12]: s["language"] for s in manifest["stories"]}
    assert sorted(languages.values()) == ["de", "en", "es", "fr"]  # four stories, none merged
    assert all("voice" in s and s["voice"] for s in manifest["stories"])
    transcript = (tmp_path / "out" / manifest["date"] / "transcript.txt").read_text()
    assert not re.search(r"\d", transcript)
    chapters = _chapters(transcript)
    german = next(c for h, c in chapters.items() if "Bahn streicht" in h)
    assert "tausendzweihundert" in german and "zum Beispiel" in german
    french = next(c for h, c in chapters.items() if "Lyon" in h)
    # Local files have no name to credit aloud (issue 19), so no "Source:"/"From" line at all.
    assert "mille deux cents" in french and "Monsieur" in french and "From " not in french
    spanish = next(c for h, c in chapters.items() if "Metro de Madrid" in h)
    assert "señora" in spanish and "From " not in spanish
    english = next(c for h, c in chapters.items() if "Harbour tunnel" in h)
    assert "four percent" in english or "percent" in english
    assert transcript.startswith("Here is your briefing for")  # the brief's own language


def test_a_german_brief_is_wrapped_in_german(tmp_path: Path) -> None:
    manifest = _daily(_folder(tmp_path, GERMAN), tmp_path / "out", "--no-audio")
    assert [s["language"] for s in manifest["stories"]] == ["de"]
    brief = (tmp_path / "out" / manifest["date"] / "briefing.md").read_text()
    assert "Nachrichtenüberblick für" in brief and "Briefing for" not in brief
    page = (tmp_path / "out" / manifest["date"] / "briefing.html").read_text()
    assert '<html lang="de">' in page


def test_language_option_overrides_detection_for_every_item(tmp_path: Path) -> None:
    manifest = _daily(_folder(tmp_path, GERMAN), tmp_path / "out", "--no-audio", "--language", "fr")
    assert [s["language"] for s in manifest["stories"]] == ["fr"]


def test_a_brief_in_another_language_never_teaches_the_english_rate(
    tmp_path: Path, temp_home: Path
) -> None:
    rates = temp_home / "state" / "rates.json"
    rates.parent.mkdir(parents=True, exist_ok=True)
    rates.write_text(json.dumps({RATE_KEY: 150.0}))
    _daily(_folder(tmp_path, GERMAN, FRENCH), tmp_path / "out")
    assert json.loads(rates.read_text())[RATE_KEY] == 150.0
    # The same voice reading English does learn (so the check above is not vacuous).
    english = tmp_path / "english"
    english.mkdir()
    shutil.copy(ENGLISH, english / ENGLISH.name)
    _daily(english, tmp_path / "out2")
    assert json.loads(rates.read_text())[RATE_KEY] != 150.0
