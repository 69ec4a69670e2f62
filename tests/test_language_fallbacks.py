"""Every language detection can return summarizes with every method: no stemmer package, no crash."""

from __future__ import annotations

import random
import string
from pathlib import Path

import pytest
from support import run_cli

from briefing.ingest import parse_article
from briefing.language import UNKNOWN_LANGUAGE, detect_language
from briefing.summarize import METHODS, Length, summarize

POLISH = (
    "Rada miasta zatwierdziła w poniedziałek budowę nowego mostu na rzece. "
    "Most ma połączyć dwie dzielnice, które dotąd dzieliła woda. "
    "Prace mają się zacząć wiosną i potrwać dwa lata. "
    "Mieszkańcy od dawna czekali na tę decyzję, bo objazd zajmował im godzinę. "
    "Burmistrz powiedział, że miasto sfinansuje inwestycję z własnego budżetu."
)
GREEK = (
    "Το δημοτικό συμβούλιο ενέκρινε τη Δευτέρα την κατασκευή μιας νέας γέφυρας. "
    "Η γέφυρα θα ενώσει δύο συνοικίες που χωρίζονταν μέχρι σήμερα από το νερό. "
    "Οι εργασίες θα ξεκινήσουν την άνοιξη και θα διαρκέσουν δύο χρόνια. "
    "Οι κάτοικοι περίμεναν πολύ καιρό αυτή την απόφαση για τη γέφυρα. "
    "Ο δήμαρχος είπε ότι η πόλη θα πληρώσει το έργο από τον δικό της προϋπολογισμό."
)


def _junk(seed: int) -> str:
    rng = random.Random(seed)
    words = (
        "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(1, 7)))
        for _ in range(120)
    )
    return " ".join(words)


@pytest.mark.parametrize(("text", "language"), [(POLISH, "polish"), (GREEK, "greek")])
@pytest.mark.parametrize("method", sorted(METHODS))
def test_every_method_summarizes_polish_and_greek(text: str, language: str, method: str) -> None:
    article = parse_article(f"Nowy most\n\n{text}\n", source="x.txt")
    assert article.language == language
    summary = summarize(article, method, Length(sentences=2))
    assert len(summary.sentences) == 2
    assert all(s in article.sentences for s in summary.sentences)


def test_a_missing_stemmer_is_a_note_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "most.txt"
    path.write_text(f"Nowy most\n\n{POLISH}\n", encoding="utf-8")
    result = run_cli("summarize", str(path), "--method", "lexrank", "--sentences", "1")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "Polish words are compared unstemmed" in result.stderr
    assert result.stdout.splitlines()[-1] in POLISH


@pytest.mark.parametrize("seed", range(5))
def test_junk_is_unknown_not_a_guess(seed: int) -> None:
    assert detect_language(_junk(seed)) == UNKNOWN_LANGUAGE
    assert detect_language("asdf jkl qwer zxcv bnm hjkl " * 10) == UNKNOWN_LANGUAGE


def test_junk_still_makes_a_briefing(tmp_path: Path) -> None:
    path = tmp_path / "junk.txt"
    path.write_text(_junk(7).replace(" ", ". ", 15) + ".\n", encoding="utf-8")
    result = run_cli("make", str(path), "--out", str(tmp_path / "out"), "--json")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_prose_is_never_junk() -> None:
    from support import SAMPLES

    for sample in ("harbour-tunnel.txt", "community-garden.md"):
        text = (SAMPLES / sample).read_text(encoding="utf-8")
        assert detect_language(text) == "english"
    assert detect_language(POLISH) == "polish" and detect_language(GREEK) == "greek"
