"""Loudness: different voices and levels end up at the same loudness, never clipping."""

from __future__ import annotations

import itertools
import math
import wave
from pathlib import Path

import numpy as np
import pytest

from briefing.speech.loudness import CEILING_DB, TARGET_LUFS, measure, normalize_loudness

RATE = 22050


def _write(path: Path, samples: np.ndarray) -> Path:
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(np.clip(samples, -32768, 32767).astype("<i2").tobytes())
    return path


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
    normalize_loudness(path)
    after = measure(path)
    assert abs(after.lufs - TARGET_LUFS) < 1.0
    assert after.peak_db <= -0.9


def test_silence_is_left_alone(tmp_path: Path) -> None:
    path = _write(tmp_path / "z.wav", np.zeros(RATE))
    assert normalize_loudness(path) == 0.0
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


def _whole_envelope(samples: np.ndarray, hold: int) -> np.ndarray:
    """The limiter's gain as its docstring defines it, over every sample (no stretches)."""
    from briefing.speech.loudness import CEILING_DB

    need = np.minimum(1.0, 10 ** (CEILING_DB / 20) / np.maximum(np.abs(samples), 1e-9))
    padded = np.concatenate((np.ones(hold), need, np.ones(hold)))
    windows = np.lib.stride_tricks.sliding_window_view(padded, 2 * hold + 1)
    spread = windows.min(axis=1)
    box = hold | 1
    edged = np.concatenate((np.full(box // 2, spread[0]), spread, np.full(box // 2, spread[-1])))
    smoothed = np.lib.stride_tricks.sliding_window_view(edged, box).mean(axis=1)
    return np.minimum(smoothed, need)


@pytest.mark.parametrize("seed", range(6))
def test_the_limiter_works_out_only_the_peaks_and_gets_the_whole_signals_gain(
    seed: int,
) -> None:
    from briefing.speech.loudness import CEILING_DB, _gain_envelope

    rng = np.random.default_rng(seed)
    size, hold = int(rng.integers(200, 20_000)), int(rng.integers(1, 100))
    samples = rng.normal(0, 0.15, size) * (rng.random(size) < 0.7)
    samples[rng.integers(0, size, int(rng.integers(0, 30)))] *= 8  # scattered peaks
    if seed == 0:
        samples[:] = 0.1  # no peak at all
    gain = _gain_envelope(samples, hold)
    assert np.allclose(gain, _whole_envelope(samples, hold), rtol=0, atol=1e-12)
    assert np.all(np.abs(samples * gain) <= 10 ** (CEILING_DB / 20) + 1e-12)
    far = np.ones(size, dtype=bool)
    for peak in np.flatnonzero(np.abs(samples) > 10 ** (CEILING_DB / 20)):
        far[max(0, peak - 2 * hold - 1) : peak + 2 * hold + 2] = False
    assert np.all(gain[far] == 1.0)  # away from every peak the samples are left exactly as they are


def test_levelling_in_place_equals_levelling_into_another_file(tmp_path: Path) -> None:
    from briefing.speech.loudness import block_frames, level_range, plan
    from briefing.speech.pcm import FrameWriter, JoinedPcm, WavPcm, wav_header

    samples = _speechlike(0.2, 150.0, seconds=30.0)
    samples[::997] = 20000  # clicks the gain pushes past the ceiling: the limiter must act
    path = _write(tmp_path / "a.wav", samples)
    pcm = (tmp_path / "a.wav").read_bytes()[44:]
    # The same audio as three raw pieces cut at odd places, levelled range by range.
    cuts = [0, 12345, 300001, len(pcm) // 2]
    parts = []
    for n, (a, b) in enumerate(itertools.pairwise(cuts)):
        (tmp_path / f"{n}.pcm").write_bytes(pcm[a * 2 : b * 2])
        parts.append((tmp_path / f"{n}.pcm", b - a))
    joined = JoinedPcm(parts, RATE)
    assert joined.read(0, joined.frames) == pcm
    leveling = plan(joined)
    assert leveling == plan(path) and leveling.gain_db > 0
    out = tmp_path / "b.wav"
    out.write_bytes(wav_header(joined.frames, RATE) + bytes(len(pcm)))
    block = block_frames(RATE)
    with FrameWriter(out) as write:
        level_range(joined, leveling, 3 * block, joined.frames, write)
        level_range(joined, leveling, 0, 3 * block, write)
    assert normalize_loudness(path) == leveling.total_db
    assert out.read_bytes() == path.read_bytes()
    assert WavPcm(out).frames == joined.frames
    assert 20000 * 10 ** (leveling.total_db / 20) > 32768 * 10 ** (CEILING_DB / 20)
    assert measure(out).peak_db <= CEILING_DB + 0.001
