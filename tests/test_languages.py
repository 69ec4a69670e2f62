"""Every article in its own language: splitting, --language, voices, wrapper words, front matter."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from support import SAMPLES, run_cli, wav_info

from briefing.models import VoiceProfile
from briefing.render import split_front_matter
from briefing.speech.engine import EngineVoice
from briefing.speech.voices import all_profiles, voice_speaking
from briefing.text import split_sentences

GERMAN = SAMPLES / "bahn-streicht-verbindungen.txt"
FRENCH = SAMPLES / "greve-des-bus-a-lyon.txt"
SPANISH = SAMPLES / "metro-de-madrid-amplia-horario.txt"

SPLITS = [
    (
        "german",
        [
            "Die Deutsche Bahn streicht ab dem 15. Dezember mehr als 200 Verbindungen.",
            "Der Umsatz sank um 51,3 Mrd. Euro auf den Stand vom 3. Mai.",
            "Das betrifft z. B. Pendler, d. h. vor allem Schüler.",
            "Zug Nr. 5 hält am 28. Juni nicht in Erfurt.",
            "Dr. Weber und Prof. Klein sprachen im 19. Jh. erbauten Rathaus.",
            "Der 1. FC Köln verlor.",
        ],
    ),
    (
        "french",
        [
            "M. Dupont a rencontré Mme Martin à Paris.",
            "Ils ont parlé p. ex. des retraites et du budget.",
            "MM. Durand et Petit sont partis le 1er mai.",
            "Le Dr Roux arrive à 15 h 30.",
            "La ville compte 1 200 habitants.",
        ],
    ),
    (
        "spanish",
        [
            "El Sr. García viajó a EE. UU. el lunes.",
            "La Sra. López y la Srta. Gómez no fueron.",
            "El Dr. Pérez habló con la Dra. Ruiz sobre el 3,5 % del PIB.",
            "Es la 2.ª vez que ocurre, p. ej. en Sevilla.",
            "Fin del texto.",
        ],
    ),
]


@pytest.mark.parametrize(("language", "sentences"), SPLITS, ids=[s[0] for s in SPLITS])
def test_sentences_split_exactly_where_a_reader_would(language: str, sentences: list[str]) -> None:
    assert split_sentences(" ".join(sentences), language) == sentences


def test_english_splitting_is_unchanged() -> None:
    text = "Gen. Milley spoke on Nov. 25 in the U.S. capital. He left at 6 p.m. on Tuesday."
    assert split_sentences(text) == split_sentences(text, "english")
    assert len(split_sentences(text)) == 2


@pytest.mark.parametrize(
    ("text", "language", "spoken"),
    [
        (
            "Am 28. Juni stieg der DAX um 1,2 % auf 15.300 Punkte.",
            "de",
            "Am achtundzwanzigsten Juni stieg der DAX um eins Komma zwei Prozent auf "
            "fünfzehntausenddreihundert Punkte.",
        ),
        ("M. Dupont arrive à 15 h 30.", "fr", "Monsieur Dupont arrive à quinze heures trente."),
        ("El Sr. García llegó a EE. UU.", "es", "El señor García llegó a Estados Unidos."),
    ],
)
def test_script_text_reads_the_language_asked(text: str, language: str, spoken: str) -> None:
    result = run_cli("script", "--text", text, "--language", language)
    assert result.returncode == 0, result.stderr
    assert result.stdout == spoken + "\n"


def test_script_text_without_language_is_english_as_before() -> None:
    result = run_cli("script", "--text", "Gen. Milley paid $1.2bn.")
    assert result.stdout == "General Milley paid one point two billion dollars.\n"


def test_an_unknown_language_is_a_usage_error() -> None:
    result = run_cli("script", "--text", "Hallo", "--language", "xx")
    assert result.returncode == 2
    assert "unknown language 'xx'" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(("path", "code"), [(GERMAN, "de"), (FRENCH, "fr"), (SPANISH, "es")])
def test_summarize_json_gives_the_detected_language(path: Path, code: str) -> None:
    result = run_cli("summarize", str(path), "--json", "--sentences", "2")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["language"] == code
    text = " ".join(path.read_text(encoding="utf-8").split())
    assert all(s["text"] in text for s in data["sentences"])


def test_language_overrides_detection(tmp_path: Path) -> None:
    result = run_cli("summarize", str(GERMAN), "--json", "--language", "fr")
    assert json.loads(result.stdout)["language"] == "fr"
    english = run_cli("summarize", str(SAMPLES / "harbour-tunnel.txt"), "--json")
    assert json.loads(english.stdout)["language"] == "en"


@pytest.mark.parametrize(
    ("path", "code", "intro", "outro"),
    [
        (GERMAN, "de", "Hier ist Ihr Nachrichtenüberblick", "Danke fürs Zuhören."),
        (FRENCH, "fr", "Voici votre revue de presse du", "Merci de votre écoute."),
        (SPANISH, "es", "Este es su resumen informativo del", "Gracias por escucharnos."),
    ],
)
def test_an_article_is_wrapped_in_its_own_language(
    path: Path, code: str, intro: str, outro: str
) -> None:
    for voice in ("default", "deep", code):
        result = run_cli("script", str(path), "--voice", voice)
        assert result.returncode == 0, result.stderr
        lines = result.stdout.strip().splitlines()
        assert lines[0].startswith(intro) and lines[-1].endswith(outro), (voice, lines)
        english = re.findall(r"\b(?:briefing|Here|Thanks|listening|and|the|point)\b", result.stdout)
        assert not english, (voice, english)
        assert not re.search(r"\d", result.stdout)


def test_make_writes_language_and_voice_and_the_html_follows(tmp_path: Path) -> None:
    result = run_cli(
        "make", str(FRENCH), "--out", str(tmp_path), "--format", "md,html,wav", "--json"
    )
    assert result.returncode == 0, result.stderr
    files = [Path(f) for f in json.loads(result.stdout)["files"]]
    markdown = next(f for f in files if f.suffix == ".md")
    meta, _ = split_front_matter(markdown.read_text(encoding="utf-8"))
    assert meta["language"] == "fr" and meta["voice"]
    page = next(f for f in files if f.suffix == ".html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in page
    english = run_cli("make", str(SAMPLES / "harbour-tunnel.txt"), "--out", str(tmp_path))
    md = next(Path(p) for p in english.stdout.split() if p.endswith(".md"))
    assert split_front_matter(md.read_text(encoding="utf-8"))[0]["language"] == "en"


def test_voices_json_profiles_carry_their_language() -> None:
    data = json.loads(run_cli("voices", "--json").stdout)
    languages = {p["name"]: p["language"] for p in data["profiles"]}
    assert {"default": "en", "deep": "en", "de": "de", "fr": "fr", "es": "es"}.items() <= (
        languages.items()
    )


INSTALLED = [
    EngineVoice("gmw/en-US", "English (America)", ("en-us",)),
    EngineVoice("roa/fr-BE", "French (Belgium)", ("fr-be",)),
    EngineVoice("roa/fr", "French (France)", ("fr-fr",)),
    EngineVoice("roa/es-419", "Spanish (Latin America)", ("es-419",)),
    EngineVoice("roa/es", "Spanish (Spain)", ("es",)),
    EngineVoice("roa/pt-BR", "Portuguese (Brazil)", ("pt-br",)),
    EngineVoice("roa/pt", "Portuguese (Portugal)", ("pt",)),
    EngineVoice("gmw/de", "German", ("de",)),
]


@pytest.mark.parametrize(
    ("language", "voice"),
    [("fr", "roa/fr"), ("es", "roa/es"), ("pt", "roa/pt"), ("de", "gmw/de"), ("german", "gmw/de")],
)
def test_each_language_gets_its_standard_region(language: str, voice: str) -> None:
    chosen, warning = voice_speaking(VoiceProfile("default"), language, installed=lambda: INSTALLED)
    assert (chosen.voice, warning) == (voice, None)


def test_a_profile_can_choose_its_own_voice_for_a_language() -> None:
    profile = VoiceProfile("mine", voices=(("fr", "roa/fr-BE"),))
    chosen, _ = voice_speaking(profile, "fr", installed=lambda: INSTALLED)
    assert chosen.voice == "roa/fr-BE" and chosen.language == "fr"


def test_a_language_profile_reads_english_with_an_english_voice() -> None:
    german = VoiceProfile("de", voice="gmw/de", language="de")
    chosen, warning = voice_speaking(german, "english", installed=lambda: INSTALLED)
    assert (chosen.voice, chosen.language, warning) == ("gmw/en-US", "en", None)


def test_every_shipped_profile_names_a_language() -> None:
    shipped = {p.name: p for p in all_profiles()}
    assert {"default", "brisk", "deep", "de", "fr", "es"} <= set(shipped)
    assert shipped["deep"].voice != "en-gb"  # refused by espeak-ng 1.52


@pytest.mark.real_engine
@pytest.mark.parametrize("name", [p.name for p in all_profiles()])
def test_every_shipped_profile_speaks_with_the_bundled_library(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.speech.engines import entry_named
    from briefing.speech.voices import get_profile

    if not entry_named(get_profile(name).engine).available():
        pytest.skip(f"{name}: its engine is an optional extra that is not installed here")
    monkeypatch.delenv("BRIEFING_ENGINE")
    article = tmp_path / "short.txt"
    article.write_text("A short test.\n\nThe voice reads this sentence aloud.\n")
    out = tmp_path / "short.wav"
    result = run_cli("speak", str(article), "--voice", name, "--out", str(out))
    assert result.returncode == 0, result.stderr
    rate, seconds, peak = wav_info(out)
    assert seconds > 1.0 and peak > 1000, (name, rate, seconds, peak)


def test_the_mp3_says_the_language_it_speaks(tmp_path: Path) -> None:
    from mutagen.id3 import ID3

    result = run_cli("make", str(SPANISH), "--out", str(tmp_path), "--format", "mp3", "--json")
    assert result.returncode == 0, result.stderr
    mp3 = Path(json.loads(result.stdout)["files"][0])
    assert str(ID3(mp3)["TLAN"]) == "spa"
