"""Loudness: measure a WAV file's integrated loudness (ITU-R BS.1770 style) and bring it to a target.

Voices and articles come out of the engine at different levels; every
briefing is brought to the same loudness (the voice profile's `loudness`,
-16 LUFS by default: what podcast platforms expect) without clipping: a soft
limiter tames the few peaks the gain would push too high. Podcast platforms
want a true peak of at most -1 dBTP in the file they serve, the MP3, whose
coding adds overshoot between and on samples; so the limiter's ceiling sits
ENCODER_HEADROOM_DB below that limit. Both steps read the file in blocks, so
memory stays flat however long the audio is.
"""

from __future__ import annotations

import math
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

TARGET_LUFS = -16.0
PEAK_LIMIT_DB = -1.0
"""The true peak (dBTP) the encoded audio must stay under."""
ENCODER_HEADROOM_DB = 1.0
"""Room left for what MP3 coding and inter-sample peaks add (measured ~0.3 dB at 64 kbit/s)."""
CEILING_DB = PEAK_LIMIT_DB - ENCODER_HEADROOM_DB
"""No sample ends above this level (dBFS): louder peaks are softly limited."""
LIMITER_HOLD = 0.004
"""Seconds the limiter looks ahead and holds its gain around a peak (its gain eases over as long)."""
TOLERANCE_LU = 0.3
"""How far below the target a first pass may land before a second corrects it."""
MAX_LIMITING_DB = 10.0
"""At most this much of a peak is limited away; beyond it the gain itself gives way."""
MAX_GAIN_DB = 24.0
_SUB_BLOCK = 0.1
"""About the seconds per measured piece; four make one ~400 ms gating block, overlapping by 75 %."""
_ABSOLUTE_GATE = -70.0
_RELATIVE_GATE = -10.0


@dataclass(frozen=True)
class Loudness:
    """What was measured: integrated loudness (LUFS, -inf for silence) and sample peak (dBFS)."""

    lufs: float
    peak_db: float


def _pcm_region(path: Path) -> tuple[int, int, int]:
    """(offset of the samples, their byte count, sample rate) of a 16-bit mono PCM WAV file."""
    with path.open("rb") as f:
        riff = f.read(12)
        if len(riff) < 12 or riff[:4] != b"RIFF" or riff[8:12] != b"WAVE":
            raise ValueError(f"{path}: not a WAV file")
        rate = 0
        while True:
            header = f.read(8)
            if len(header) < 8:
                raise ValueError(f"{path}: no audio data")
            kind, size = header[:4], struct.unpack("<I", header[4:])[0]
            if kind == b"fmt ":
                fmt = f.read(size)
                channels, rate, bits = (
                    struct.unpack("<H", fmt[2:4])[0],
                    *struct.unpack("<I", fmt[4:8]),
                    struct.unpack("<H", fmt[14:16])[0],
                )
                if channels != 1 or bits != 16:
                    raise ValueError(f"{path}: expected 16-bit mono audio")
                if size % 2:
                    f.read(1)
            elif kind == b"data":
                start = f.tell()
                end = min(start + size, path.stat().st_size)
                return start, end - start, rate
            else:
                f.seek(size + size % 2, 1)


def _biquad_power(
    b: tuple[float, float, float], a: tuple[float, float, float], w: np.ndarray
) -> np.ndarray:
    """|H(e^jw)|² of one biquad section at angular frequencies `w`."""
    import numpy as np

    z = np.exp(-1j * w)
    numerator = b[0] + b[1] * z + b[2] * z * z
    denominator = a[0] + a[1] * z + a[2] * z * z
    return np.abs(numerator / denominator) ** 2


def k_weighting(rate: int, size: int) -> np.ndarray:
    """Power weights of the K filter (a +4 dB shelf above ~1.5 kHz, a high-pass at ~38 Hz) per rfft bin."""
    import numpy as np

    w = np.linspace(0.0, math.pi, size // 2 + 1)
    # High shelf, RBJ cookbook form.
    gain = 10 ** (4.0 / 40)
    w0 = 2 * math.pi * 1681.97 / rate
    alpha = math.sin(w0) / (2 * 0.7072)
    cos0, root = math.cos(w0), 2 * math.sqrt(gain) * alpha
    shelf_b = (
        gain * ((gain + 1) + (gain - 1) * cos0 + root),
        -2 * gain * ((gain - 1) + (gain + 1) * cos0),
        gain * ((gain + 1) + (gain - 1) * cos0 - root),
    )
    shelf_a = (
        (gain + 1) - (gain - 1) * cos0 + root,
        2 * ((gain - 1) - (gain + 1) * cos0),
        (gain + 1) - (gain - 1) * cos0 - root,
    )
    # High-pass.
    w1 = 2 * math.pi * 38.13 / rate
    alpha1 = math.sin(w1) / (2 * 0.5003)
    cos1 = math.cos(w1)
    high_b = ((1 + cos1) / 2, -(1 + cos1), (1 + cos1) / 2)
    high_a = (1 + alpha1, -2 * cos1, 1 - alpha1)
    return _biquad_power(shelf_b, shelf_a, w) * _biquad_power(high_b, high_a, w)


MAX_MEASURED_SECONDS = 300.0
"""Audio analysed for loudness at most; longer files are sampled evenly (peaks are always exact)."""


def measure(path: Path) -> Loudness:
    """Integrated loudness and peak of a 16-bit mono WAV file, read in 100 ms pieces."""
    import numpy as np

    start, size, rate = _pcm_region(path)
    # A power of two near 100 ms keeps the FFTs fast (2,048 samples at 22,050 Hz).
    piece = 1 << max(4, round(math.log2(rate * _SUB_BLOCK)))
    weights = k_weighting(rate, piece)
    scale = np.full(weights.shape, 2.0)
    scale[0] = 1.0
    if piece % 2 == 0:
        scale[-1] = 1.0
    powers: list[float] = []
    peak = 0
    window = piece * 100
    # Long files are measured on evenly spread windows (at most MAX_MEASURED_SECONDS of
    # them): one voice's level doesn't drift, and a 40-minute brief needn't cost a second.
    windows = -(-(size // 2) // window)
    stride = max(1, -(-windows * window // int(rate * MAX_MEASURED_SECONDS)))
    with path.open("rb") as f:
        for number in range(windows):
            f.seek(start + number * window * 2)
            raw = f.read(min(window * 2, size - number * window * 2))
            samples = np.frombuffer(raw[: len(raw) // 2 * 2], dtype="<i2")
            if samples.size == 0:
                break
            peak = max(peak, int(np.abs(samples.astype(np.int32)).max()))
            usable = samples.size // piece * piece
            if usable and number % stride == 0:
                blocks = samples[:usable].reshape(-1, piece).astype(np.float32) / 32768.0
                transform = np.fft.rfft(blocks, axis=1)
                spectrum = transform.real**2 + transform.imag**2
                # Parseval: mean square of the filtered piece from its weighted spectrum.
                powers += list((spectrum * weights * scale).sum(axis=1) / (piece * piece))
    peak_db = 20 * math.log10(peak / 32768.0) if peak else -math.inf
    return Loudness(_gated_loudness(np.array(powers)), peak_db)


def _gated_loudness(powers: np.ndarray) -> float:
    """BS.1770 gating over 400 ms blocks made of four 100 ms pieces (75 % overlap)."""
    import numpy as np

    if powers.size == 0:
        return -math.inf
    if powers.size < 4:
        blocks = np.array([powers.mean()])
    else:
        blocks = np.convolve(powers, np.ones(4) / 4, mode="valid")
    with np.errstate(divide="ignore"):
        block_lufs = -0.691 + 10 * np.log10(blocks)
    kept = blocks[block_lufs > _ABSOLUTE_GATE]
    if kept.size == 0:
        return -math.inf
    relative = -0.691 + 10 * math.log10(kept.mean()) + _RELATIVE_GATE
    with np.errstate(divide="ignore"):
        kept = kept[-0.691 + 10 * np.log10(kept) > relative]
    return -0.691 + 10 * math.log10(kept.mean()) if kept.size else -math.inf


def gain_for(
    loudness: Loudness, target: float = TARGET_LUFS, peak_limit: float = CEILING_DB
) -> float:
    """The gain in dB that brings `loudness` to `target` without pushing the peak past `peak_limit`."""
    if math.isinf(loudness.lufs) or math.isinf(loudness.peak_db):
        return 0.0
    headroom = peak_limit - loudness.peak_db + MAX_LIMITING_DB
    return min(target - loudness.lufs, headroom, MAX_GAIN_DB)


def _sliding_min(values: np.ndarray, width: int) -> np.ndarray:
    """The minimum of every `width` consecutive values, in linear time (van Herk / Gil-Werman)."""
    import numpy as np

    count = values.size - width + 1
    blocks = -(-values.size // width)
    padded = np.concatenate((values, np.full(blocks * width - values.size, np.inf)))
    rows = padded.reshape(blocks, width)
    prefix = np.minimum.accumulate(rows, axis=1).ravel()
    suffix = np.minimum.accumulate(rows[:, ::-1], axis=1)[:, ::-1].ravel()
    result: np.ndarray = np.minimum(suffix[:count], prefix[width - 1 : width - 1 + count])
    return result


def _gain_envelope(samples: np.ndarray, hold: int) -> np.ndarray:
    """Per-sample gain (<= 1) that keeps every sample under the ceiling, changing smoothly.

    Each sample's needed gain is spread as a minimum over `hold` samples either
    side, then averaged over a box `hold` wide: every value averaged is at most
    what the sample itself needs, so no sample ends above the ceiling, and the
    gain eases in and out over milliseconds instead of bending the waveform.

    Only the stretches around peaks are worked out: a sample farther than
    2 * hold + 1 from every peak keeps a gain of exactly 1, and speech brought
    to its loudness has few peaks (about one sample in 200), so limiting costs
    a small part of the samples instead of all of them.
    """
    import numpy as np

    ceiling = 10 ** (CEILING_DB / 20)
    size = np.abs(samples)
    over = np.flatnonzero(size > ceiling)
    gain = np.ones(samples.size)
    if over.size == 0:
        return gain
    reach = 2 * hold + 1
    breaks = np.flatnonzero(np.diff(over) > 2 * reach)
    starts = over[np.r_[0, breaks + 1]] - reach
    ends = over[np.r_[breaks, over.size - 1]] + reach + 1
    for low, high in zip(starts.tolist(), ends.tolist(), strict=True):
        low, high = max(low, 0), min(high, samples.size)
        gain[low:high] = _stretch_envelope(size[low:high], hold, ceiling)
    return gain


def _stretch_envelope(size: np.ndarray, hold: int, ceiling: float) -> np.ndarray:
    """The gain envelope of one stretch of sample magnitudes (gain 1 just beyond its ends)."""
    import numpy as np

    need = np.minimum(1.0, ceiling / np.maximum(size, 1e-9))
    ones = np.ones(hold)
    spread = _sliding_min(np.concatenate((ones, need, ones)), 2 * hold + 1)
    box = hold | 1
    half = box // 2
    # The box average from running sums: linear in the samples (a convolution costs
    # `box` multiplications per sample, which made limiting slower than speaking).
    edges = (np.full(half + 1, spread[0]), spread, np.full(half, spread[-1]))
    sums = np.cumsum(np.concatenate(edges))
    smoothed = (sums[box:] - sums[:-box]) / box
    result: np.ndarray = np.minimum(smoothed, need)
    return result


def apply_gain(path: Path, gain_db: float) -> None:
    """Scale every sample of a 16-bit mono WAV file in place, one second at a time, limiting peaks.

    Each block is read with `margin` samples of its neighbours, so the limiter's
    gain eases across block edges exactly as it would inside a block.
    """
    import numpy as np

    factor = 10 ** (gain_db / 20)
    ceiling = 10 ** (CEILING_DB / 20)
    start, size, rate = _pcm_region(path)
    hold = max(1, round(rate * LIMITER_HOLD))
    margin = 3 * hold
    count = size // 2
    block = rate
    with path.open("r+b") as f:
        done = 0
        while done < count:
            low = max(0, done - margin)
            high = min(count, done + block + margin)
            f.seek(start + low * 2)
            raw = f.read((high - low) * 2)
            samples = np.frombuffer(raw, dtype="<i2").astype(np.float64) * (factor / 32768.0)
            if np.abs(samples).max(initial=0.0) > ceiling:
                samples = samples * _gain_envelope(samples, hold)
            stop = min(count, done + block)
            kept = samples[done - low : stop - low]
            scaled = np.clip(np.rint(kept * 32768.0), -32768, 32767).astype("<i2").tobytes()
            f.seek(start + done * 2)
            f.write(scaled)
            done = stop


def normalize_loudness(path: Path, target: float = TARGET_LUFS) -> float:
    """Bring a WAV file to `target` LUFS in place (peaks limited to CEILING_DB); returns the gain in dB.

    Limiting takes a little loudness away with the peaks, so a second, small
    correction follows when the first pass falls short.
    """
    gain = gain_for(measure(path), target)
    apply_gain(path, gain)
    after = measure(path)
    if gain > 0 and not math.isinf(after.lufs) and target - after.lufs > TOLERANCE_LU:
        extra = min(gain_for(after, target), MAX_LIMITING_DB)
        if extra > 0:
            apply_gain(path, extra)
            gain += extra
    return gain
