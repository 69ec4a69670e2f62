"""Speech: voice profiles, chunking, and WAV files read back (fake engine; a few real espeak-ng runs)."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import wav_info

from briefing.errors import VoiceError
from briefing.speech.engine import CHUNK_CHARS, chunks, get_engine, render_wav
from briefing.speech.voices import all_profiles, get_profile, load_profile

TEXT = "The harbour tunnel opened on Tuesday. Traffic on the old bridge fell by half. " * 6


def test_shipped_profiles() -> None:
    names = {p.name for p in all_profiles()}
    assert {"default", "brisk", "deep"} <= names
    default, brisk, deep = get_profile("default"), get_profile("brisk"), get_profile("deep")
    assert brisk.rate > default.rate > deep.rate


def test_unknown_voice_lists_known_ones() -> None:
    with pytest.raises(VoiceError, match=r"unknown voice 'robot' \(known: .*default"):
        get_profile("robot")


def test_user_profile_overrides_and_invalid_profile_names_file_and_field(temp_home: Path) -> None:
    folder = temp_home / "config" / "voices"
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text('voice = "en-gb"\nrate = 170\n')
    assert get_profile("mine").rate == 170
    bad = folder / "bad.toml"
    bad.write_text('rate = "fast"\n')
    with pytest.raises(VoiceError, match=r"bad\.toml: field 'rate'"):
        load_profile(bad)
    bad.write_text("rate = \n")
    with pytest.raises(VoiceError, match=r"bad\.toml: invalid TOML.*line 1"):
        load_profile(bad)


def test_chunks_cover_the_text_and_respect_the_limit() -> None:
    text = "A sentence that goes on for a while. " * 2000
    pieces = chunks(text)
    assert all(len(p) <= CHUNK_CHARS for _, p in pieces)
    assert "".join(p for _, p in pieces) == text
    assert all(p.endswith(" ") for _, p in pieces[:-1])


def test_chunks_split_text_without_sentence_breaks() -> None:
    text = "word " * 3000
    assert "".join(p for _, p in chunks(text, 1000)) == text


def test_fake_engine_wav_duration_follows_rate(tmp_path: Path) -> None:
    voice = get_profile()
    audio = render_wav(TEXT, voice, tmp_path / "a.wav", engine=get_engine("fake"))
    rate, seconds, peak = wav_info(tmp_path / "a.wav")
    assert rate == 22050 and peak > 1000
    assert seconds == pytest.approx(len(TEXT.split()) * 60 / voice.rate, rel=0.01)
    assert audio.seconds == pytest.approx(seconds)
    offsets = [m.offset for m in audio.marks]
    assert offsets == sorted(offsets) and len(offsets) == len(TEXT.split())


@pytest.mark.real_engine
def test_real_espeak_wav(tmp_path: Path) -> None:
    voice = get_profile()
    path = tmp_path / "real.wav"
    audio = render_wav(TEXT, voice, path, engine=get_engine("espeak"))
    rate, seconds, peak = wav_info(path)
    words_per_second = len(TEXT.split()) / seconds
    assert rate == 22050 and peak > 2000
    assert 1.8 < words_per_second < 3.4
    assert audio.marks and audio.marks[-1].seconds < seconds


def _in_a_fresh_process(code: str, cwd: Path, *args: object) -> list[str]:
    """Run `code` in its own interpreter (fresh espeak-ng state, its own signals); what it printed."""
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-c", code, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout.split()


_AFTER_PHONEMIZING = """
import sys, wave
from pathlib import Path
from briefing.speech.espeak import phonemes
from briefing.speech.engine import get_engine, render_wav
from briefing.speech.voices import get_profile

for table in sorted(Path(sys.argv[1]).glob("readings_??.tsv")):
    code = table.stem.split("_")[1]
    for line in table.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            for text in line.split("\t")[1:]:
                phonemes(text, code)
out = Path(sys.argv[2])
audio = render_wav(sys.argv[3], get_profile(), out, engine=get_engine("espeak"))
with wave.open(str(out)) as wav:
    print(audio.marks[0].offset, wav.getnframes() / wav.getframerate())
"""


@pytest.mark.real_engine
def test_espeak_keeps_its_rate_after_phonemizing_other_languages(tmp_path: Path) -> None:
    """Phonemizing (the Piper engine's path, and the language tests) once left libespeak-ng
    speaking the next utterances ~2.8x too fast (and dropping the first word's mark): a fresh
    process, many phonemized sentences in three languages, then English at the default rate."""
    tables = Path(__file__).parent / "speech"
    printed = _in_a_fresh_process(_AFTER_PHONEMIZING, tmp_path, tables, tmp_path / "a.wav", TEXT)
    first_mark, seconds = printed
    assert first_mark == "0"  # the first word has its mark
    assert 1.8 < len(TEXT.split()) / float(seconds) < 3.4


@pytest.mark.real_engine
def test_real_espeak_long_text_is_chunked_without_crashing(tmp_path: Path) -> None:
    text = "This long briefing keeps going so the engine must take it in pieces. " * 300
    assert len(text) > 16000
    audio = render_wav(
        text, get_profile("brisk"), tmp_path / "long.wav", engine=get_engine("espeak")
    )
    assert audio.seconds > 600
    assert [m.offset for m in audio.marks] == sorted(m.offset for m in audio.marks)


@pytest.mark.real_engine
def test_real_engine_lists_installed_voices() -> None:
    voices = get_engine("espeak").installed_voices()
    assert len(voices) > 50 and any(v.id.lower().endswith("en-us") for v in voices)


_IGNORING_CTRL_C = """
import os, signal, sys, threading
from pathlib import Path
from briefing.speech.engine import get_engine, render_wav
from briefing.speech.voices import get_profile

signal.signal(signal.SIGINT, signal.SIG_IGN)  # as a speech worker does
engine = get_engine("espeak")
whole = render_wav(sys.argv[2], get_profile(), Path(sys.argv[1]), engine=engine)
threading.Timer(0.1, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
audio = render_wav(sys.argv[2], get_profile(), Path(sys.argv[1]), engine=engine)
print(len(whole.marks), len(audio.marks))
"""


@pytest.mark.real_engine
def test_a_process_that_ignores_ctrl_c_speaks_on_through_it(tmp_path: Path) -> None:
    """Holding Ctrl-C during synthesis must not cut speech short where Ctrl-C is ignored."""
    printed = _in_a_fresh_process(_IGNORING_CTRL_C, tmp_path, tmp_path / "a.wav", TEXT * 8)
    uninterrupted, interrupted = printed
    assert interrupted == uninterrupted  # every word spoken, as without the signal
