"""Loudness: different voices and levels end up at the same loudness, never clipping."""

from __future__ import annotations

import itertools
import math
import re
import shutil
import subprocess
import wave
from pathlib import Path

import numpy as np
import pytest

from briefing.speech.loudness import CEILING_DB, TARGET_LUFS, level_pcm, measure, plan
from briefing.speech.pcm import WavPcm

RATE = 22050


def _write(path: Path, samples: np.ndarray) -> Path:
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(np.clip(samples, -32768, 32767).astype("<i2").tobytes())
    return path


def _level(path: Path) -> float:
    """Level a WAV file in place as a spoken group is levelled; returns the planned gain."""
    leveling = plan(path)
    source = WavPcm(path)
    _write(path, level_pcm(source.read(0, source.frames), leveling, RATE))
    return leveling.gain_db


def _speechlike(amplitude: float, pitch: float, seconds: float = 4.0) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    envelope = (np.sin(2 * np.pi * 3 * t) > 0).astype(float)  # syllable-like bursts
    tone = np.sin(2 * np.pi * pitch * t) + 0.3 * np.sin(2 * np.pi * pitch * 5 * t)
    return amplitude * 32767 * envelope * tone / 1.3


def test_sine_calibration(tmp_path: Path) -> None:
    t = np.arange(RATE * 3) / RATE
    loud = measure(_write(tmp_path / "s.wav", 32767 * np.sin(2 * np.pi * 1000 * t)))
    assert -4.0 < loud.lufs < -2.5
    quiet = measure(_write(tmp_path / "q.wav", 3276.7 * np.sin(2 * np.pi * 1000 * t)))
    assert abs((loud.lufs - quiet.lufs) - 20) < 0.1


@pytest.mark.parametrize(("amplitude", "pitch"), [(0.05, 120), (0.3, 220), (0.9, 180)])
def test_levels_converge_to_the_target(tmp_path: Path, amplitude: float, pitch: float) -> None:
    path = _write(tmp_path / "v.wav", _speechlike(amplitude, pitch))
    _level(path)
    after = measure(path)
    assert abs(after.lufs - TARGET_LUFS) < 0.3
    assert after.peak_db <= CEILING_DB + 0.001


def test_silence_is_left_alone(tmp_path: Path) -> None:
    path = _write(tmp_path / "z.wav", np.zeros(RATE))
    assert _level(path) == 0.0
    assert math.isinf(measure(path).lufs)


def test_long_files_are_measured_on_spread_windows_with_an_exact_peak(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import briefing.speech.loudness as loudness

    # Ten minutes of bursts whose level varies slowly, plus one loud click near the end.
    bursts = _speechlike(0.2, 180.0, seconds=600.0)
    t = np.arange(bursts.size) / RATE
    samples = bursts * (1 + 0.5 * np.sin(2 * np.pi * t / 97.0))
    samples[-RATE // 2] = 30000
    path = _write(tmp_path / "long.wav", samples)
    sampled = measure(path)
    monkeypatch.setattr(loudness, "MAX_MEASURED_SECONDS", 10_000.0)
    full = measure(path)
    assert abs(sampled.lufs - full.lufs) < 0.5
    assert sampled.peak_db == full.peak_db > -1.0


def _whole_envelope(pcm: np.ndarray, gain: float, block: int) -> np.ndarray:
    """The limiter's factor as its docstring defines it, worked out for every block and sample."""
    from briefing.speech.loudness import CEILING_DB

    ceiling = 32768 * 10 ** (CEILING_DB / 20)
    size = np.abs(pcm.astype(np.float64)) * gain
    need = np.minimum(1.0, ceiling / np.maximum(size, 1e-9))
    rows = -(-pcm.size // block)
    least = np.ones(rows + 2)  # a block of 1s beyond each end
    for k in range(rows):
        least[k + 1] = need[k * block : (k + 1) * block].min()
    spread = np.ones(rows + 2)
    for k in range(1, rows + 1):
        spread[k] = least[k - 1 : k + 2].min()
    centres = (np.arange(rows + 2) - 1) * block + (block - 1) / 2
    return np.interp(np.arange(pcm.size), centres, spread)


@pytest.mark.parametrize("seed", range(6))
def test_the_limiter_works_out_only_the_peaks_and_gets_the_whole_signals_gain(
    seed: int,
) -> None:
    from briefing.speech.loudness import CEILING_DB, LIMITER_HOLD, _gain_envelope

    rng = np.random.default_rng(seed)
    size, rate = int(rng.integers(200, 20_000)), int(rng.integers(250, 25_000))
    block = max(1, round(rate * LIMITER_HOLD))
    samples = rng.normal(0, 3000, size) * (rng.random(size) < 0.7)
    samples[rng.integers(0, size, int(rng.integers(0, 30)))] *= 8  # scattered peaks
    if seed == 0:
        samples[:] = 3000  # no peak at all
    pcm = np.clip(samples, -32768, 32767).astype(np.int16)
    gain = float(rng.uniform(1.0, 4.0))
    factors = _gain_envelope(pcm, gain, rate)
    assert np.allclose(factors, _whole_envelope(pcm, gain, block), rtol=0, atol=1e-6)
    ceiling = 32768 * 10 ** (CEILING_DB / 20)
    assert np.all(np.abs(pcm * gain * factors) <= ceiling * (1 + 1e-6))
    assert np.all(np.abs(np.diff(factors)) <= 1 / block + 1e-6)  # eases over a block at least
    far = np.ones(size, dtype=bool)
    for peak in np.flatnonzero(np.abs(pcm * gain) > ceiling):
        far[max(0, peak - 3 * block) : peak + 3 * block] = False
    # Away from every peak the samples are left exactly as they are.
    assert np.all(factors[far] == 1.0)


def test_a_window_levels_as_the_whole_signal_does_and_pieces_plan_as_one(tmp_path: Path) -> None:
    from briefing.speech.loudness import leveled
    from briefing.speech.pcm import JoinedPcm

    samples = _speechlike(0.2, 150.0, seconds=30.0)
    samples[::997] = 20000  # clicks the gain pushes past the ceiling: the limiter must act
    path = _write(tmp_path / "a.wav", samples)
    pcm = path.read_bytes()[44:]
    # The same audio as three raw pieces cut at odd places plans as the file does.
    cuts = [0, 12345, 300001, len(pcm) // 2]
    parts = []
    for n, (a, b) in enumerate(itertools.pairwise(cuts)):
        (tmp_path / f"{n}.pcm").write_bytes(pcm[a * 2 : b * 2])
        parts.append((tmp_path / f"{n}.pcm", b - a))
    joined = JoinedPcm(parts, RATE)
    assert joined.read(0, joined.frames) == pcm
    leveling = plan(joined)
    assert leveling == plan(path) and leveling.gain_db > 0
    # What the plan measures (a window read with its neighbours) is what levelling writes,
    # but for float32 rounding: a least step at most.
    whole = level_pcm(pcm, leveling, RATE)
    rng = np.random.default_rng(7)
    for start in rng.integers(0, joined.frames - 5000, 8):
        stop = int(start) + int(rng.integers(1, 5000))
        window = leveled(joined, int(start), stop, leveling).astype(np.int32)
        assert np.abs(window - whole[start:stop]).max() <= 1
    assert 20000 * 10 ** (leveling.gain_db / 20) > 32768 * 10 ** (CEILING_DB / 20)
    assert 20 * np.log10(np.abs(whole.astype(np.int32)).max() / 32768) <= CEILING_DB + 0.001


def test_limited_audio_lands_on_the_target_not_short_of_it(tmp_path: Path) -> None:
    # Peaky audio: gain alone would leave it about a LU short once the peaks are limited.
    samples = _speechlike(0.25, 130.0, seconds=20.0)
    samples *= 1 + 2.5 * (np.arange(samples.size) % 200 < 3)
    path = _write(tmp_path / "p.wav", samples)
    gain = _level(path)
    before = measure(_write(tmp_path / "q.wav", samples))
    assert gain > TARGET_LUFS - before.lufs + 0.3  # raised past the plain gain...
    assert abs(measure(path).lufs - TARGET_LUFS) < 0.2  # ...to land on the target


def _ebur128(path: Path) -> float:
    """ffmpeg's integrated loudness of a file (it prints a tenth of a LU)."""
    out = subprocess.run(
        [
            "ffmpeg",
            "-hide_banner",
            "-nostats",
            "-i",
            str(path),
            "-af",
            "ebur128",
            "-f",
            "null",
            "-",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    return float(re.findall(r"I:\s+(-?[\d.]+) LUFS", out)[-1])


needs_ffmpeg = pytest.mark.skipif(not shutil.which("ffmpeg"), reason="ffmpeg not installed")


@needs_ffmpeg
@pytest.mark.parametrize("rate", [16000, 22050, 44100])
def test_the_meter_reads_as_ffmpegs_ebur128_does(tmp_path: Path, rate: int) -> None:
    rng = np.random.default_rng(rate)
    t = np.arange(20 * rate) / rate
    bursts = (np.sin(2 * np.pi * 2.5 * t) > -0.2).astype(float)
    voiced = sum(np.sin(2 * np.pi * 140 * k * t) / k for k in range(1, 40) if 140 * k < rate / 2)
    samples = 4000 * bursts * (voiced + 0.4 * rng.normal(0, 1, t.size))
    path = tmp_path / "m.wav"
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(np.clip(samples, -32768, 32767).astype("<i2").tobytes())
    assert abs(measure(path).lufs - _ebur128(path)) <= 0.15  # theirs is rounded to a tenth


@needs_ffmpeg
def test_espeak_speech_levelled_to_the_target_reads_so_in_ffmpeg(tmp_path: Path) -> None:
    from support import run_cli

    text = tmp_path / "t.txt"
    text.write_text(
        "Weather\n\n"
        + "Sharp showers sweep in from the west this afternoon, with gusts near sixty. "
        "Ferries may sail late; check before you travel. Tomorrow turns brighter and "
        "colder, with frost in sheltered valleys by Thursday morning. " * 6,
        encoding="utf-8",
    )
    out = tmp_path / "t.wav"
    result = run_cli("speak", str(text), "--out", str(out), env={"BRIEFING_ENGINE": "espeak"})
    assert result.returncode == 0, result.stderr
    # espeak-ng is bright: a K filter designed at its 22,050 Hz read such speech 0.2 LU low.
    assert abs(_ebur128(out) - TARGET_LUFS) <= 0.15
    assert abs(measure(out).lufs - TARGET_LUFS) <= 0.15
