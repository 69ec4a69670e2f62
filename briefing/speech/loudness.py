"""Loudness: measure a WAV file's integrated loudness (ITU-R BS.1770 style) and bring it to a target.

Voices and articles come out of the engine at different levels; every
briefing is brought to the same loudness (the voice profile's `loudness`,
-16 LUFS by default: what podcast platforms expect) without clipping: a soft
limiter tames the few peaks the gain would push too high. Podcast platforms
want a true peak of at most -1 dBTP in the file they serve, the MP3, whose
coding adds overshoot between and on samples; so the limiter's ceiling sits
ENCODER_HEADROOM_DB below that limit. Measuring reads the audio in windows
and levelling works on one group of sentences at a time, so memory stays
flat however long the audio is.
"""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.speech.pcm import PcmSource, WavPcm

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
TOLERANCE_LU = 0.1
"""How far below the target the limited audio may land before the gain is raised."""
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


@dataclass(frozen=True)
class Leveling:
    """What the loudness pass does: `gain_db` of gain, the peaks it pushes too high softly limited."""

    gain_db: float


def _source(audio: Path | PcmSource) -> PcmSource:
    return WavPcm(audio) if isinstance(audio, Path) else audio


def measure(
    audio: Path | PcmSource, *, peak: int | None = None, leveling: Leveling | None = None
) -> Loudness:
    """Integrated loudness and peak of 16-bit mono audio, read in 100 ms pieces.

    Args:
        audio: a WAV file, or any PCM source.
        peak: the largest absolute sample, when already known: then only the
            measured windows are read.
        leveling: measure the audio as this leveling would leave it (the
            returned peak is then that of the measured windows only).
    """
    import numpy as np

    source = _source(audio)
    rate, count = source.rate, source.frames
    # A power of two near 100 ms keeps the FFTs fast (2,048 samples at 22,050 Hz).
    piece = 1 << max(4, round(math.log2(rate * _SUB_BLOCK)))
    weights = k_weighting(rate, piece)
    scale = np.full(weights.shape, 2.0)
    scale[0] = 1.0
    if piece % 2 == 0:
        scale[-1] = 1.0
    powers: list[float] = []
    largest = 0
    window = piece * 100
    # Long files are measured on evenly spread windows (at most MAX_MEASURED_SECONDS of
    # them): one voice's level doesn't drift, and a 40-minute brief needn't cost a second.
    windows = -(-count // window)
    stride = max(1, -(-windows * window // int(rate * MAX_MEASURED_SECONDS)))
    for number in range(windows):
        measured = number % stride == 0
        if not measured and (peak is not None or leveling is not None):
            continue
        start = number * window
        stop = min(count, start + window)
        if leveling is None:
            samples = np.frombuffer(source.read(start, stop - start), dtype="<i2")
        else:
            samples = leveled(source, start, stop, leveling)
        if samples.size == 0:
            break
        largest = max(largest, int(np.abs(samples.astype(np.int32)).max()))
        usable = samples.size // piece * piece
        if usable and measured:
            # float64: numpy transforms float32 several times slower.
            blocks = samples[:usable].reshape(-1, piece) * (1 / 32768.0)
            transform = np.fft.rfft(blocks, axis=1)
            spectrum = transform.real**2 + transform.imag**2
            # Parseval: mean square of the filtered piece from its weighted spectrum.
            powers += list((spectrum * weights * scale).sum(axis=1) / (piece * piece))
    if peak is not None and leveling is None:
        largest = peak
    peak_db = 20 * math.log10(largest / 32768.0) if largest else -math.inf
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


def plan(
    audio: Path | PcmSource, target: float = TARGET_LUFS, *, peak: int | None = None
) -> Leveling:
    """The leveling that brings the audio to `target` LUFS, found without writing anything.

    Limiting takes a little loudness away with the peaks, and more the more
    gain there is; so the audio is measured as it would be levelled (in
    memory), and when it falls short the gain is raised along the line through
    two such measurements: limited speech gains about half a LU per dB there.
    """
    source = _source(audio)
    first = measure(source, peak=peak)
    gain = gain_for(first, target)
    if gain <= 0:
        return Leveling(gain)
    after = measure(source, leveling=Leveling(gain))
    short = target - after.lufs
    if math.isinf(after.lufs) or short <= TOLERANCE_LU:
        return Leveling(gain)
    # Limiting may take up to MAX_LIMITING_DB more of a peak for that: the limited
    # audio's peaks sit at the ceiling.
    most = min(gain + MAX_LIMITING_DB, MAX_GAIN_DB)
    raised = min(gain + short, most)
    again = measure(source, leveling=Leveling(raised))
    slope = (again.lufs - after.lufs) / (raised - gain) if raised > gain else 0.0
    if math.isinf(again.lufs) or slope < _LEAST_SLOPE:
        return Leveling(raised)
    return Leveling(min(most, max(raised, raised + (target - again.lufs) / slope)))


_LEAST_SLOPE = 0.1
"""LU per dB below which more gain is taken as buying nothing (all limiting)."""


def _sliding_min(padded: np.ndarray, width: int, count: int) -> np.ndarray:
    """The minimum of every `width` consecutive values, in linear time (van Herk / Gil-Werman).

    `padded` holds the values and then filler up to a multiple of `width` (any
    value: no whole window reaches it); the first `count` windows are returned.
    """
    import numpy as np

    rows = padded.reshape(-1, width)
    prefix = np.minimum.accumulate(rows, axis=1).ravel()
    suffix = np.empty_like(rows)
    # Accumulated right to left into a reversed view: `suffix` stays in order, no copy.
    np.minimum.accumulate(rows[:, ::-1], axis=1, out=suffix[:, ::-1])
    result: np.ndarray = np.minimum(suffix.ravel()[:count], prefix[width - 1 : width - 1 + count])
    return result


def _stretch_envelope(samples: np.ndarray, hold: int, ceiling: float | None = None) -> np.ndarray:
    """Per-sample gain (<= 1) that keeps every sample under the ceiling, changing smoothly.

    Each sample's needed gain is spread as a minimum over `hold` samples either
    side, then averaged over a box `hold` wide: every value averaged is at most
    what the sample itself needs, so no sample ends above the ceiling, and the
    gain eases in and out over milliseconds instead of bending the waveform.
    Beyond the array's ends the needed gain is taken as 1. `ceiling` is in the
    samples' units (CEILING_DB of full scale 1 unless given); float32 samples
    are worked on in float32, but for the running sums.
    """
    import numpy as np

    if ceiling is None:
        ceiling = 10 ** (CEILING_DB / 20)
    dtype = np.float32 if samples.dtype == np.float32 else np.float64
    count = samples.size
    width = 2 * hold + 1
    # The needed gain, with `hold` ones either side and filler up to whole rows.
    padded = np.ones(-(-(count + 2 * hold) // width) * width, dtype)
    need = padded[hold : hold + count]
    size = np.abs(samples)
    over = size > ceiling
    need[over] = ceiling / size[over]
    spread = _sliding_min(padded, width, count)
    box = hold | 1
    half = box // 2
    # The box average from running sums, its ends repeated: linear in the samples
    # (a convolution costs `box` multiplications per sample).
    sums = np.empty(count + 2 * half + 1)
    sums[0] = 0.0
    sums[1 : half + 1] = spread[0]
    sums[half + 1 : half + 1 + count] = spread
    sums[half + 1 + count :] = spread[-1]
    np.cumsum(sums, out=sums)
    # Differences of the large sums in float64; only the small averages may be float32.
    smoothed = np.multiply(sums[box:] - sums[:-box], 1.0 / box, dtype=dtype)
    result: np.ndarray = np.minimum(smoothed, need)
    return result


def _reach(hold: int) -> int:
    """How far (samples) a peak's gain envelope extends either side of it."""
    return hold + (hold | 1) // 2


def _zones(samples: np.ndarray, hold: int, ceiling: float | None = None) -> np.ndarray | None:
    """The positions whose gain can differ from 1, zone after zone; None when no sample is too loud.

    Away from a peak the envelope is exactly 1. Peaks closer than twice its
    reach form a run; a run's zone is the run and a reach either side. Past a
    zone's edges the needed gain is 1 (no other run's peak is within reach),
    which is what the envelope assumes at an array's ends, so the zones joined
    into one array give every zone the gain the whole signal would give it.
    Speech brought to its loudness has few peaks, so this is a small part of it.
    """
    import numpy as np

    if ceiling is None:
        ceiling = 10 ** (CEILING_DB / 20)
    over = np.flatnonzero(np.abs(samples) > ceiling)
    if over.size == 0:
        return None
    reach = _reach(hold)
    cuts = np.flatnonzero(np.diff(over) > 2 * reach + 1)
    lows = np.maximum(0, over[np.concatenate(([0], cuts + 1))] - reach)
    highs = np.minimum(samples.size, over[np.concatenate((cuts, [over.size - 1]))] + reach + 1)
    lengths = highs - lows
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    where: np.ndarray = np.arange(int(lengths.sum())) + np.repeat(lows - starts, lengths)
    return where


def _gain_envelope(samples: np.ndarray, hold: int) -> np.ndarray:
    """The limiter's per-sample gain over a whole signal: worked out in the zones around peaks only."""
    import numpy as np

    gain = np.ones(samples.size)
    where = _zones(samples, hold)
    if where is not None:
        gain[where] = _stretch_envelope(samples[where], hold)
    return gain


def _limit(samples: np.ndarray, hold: int, ceiling: float | None = None) -> None:
    """Bring every sample under the ceiling in place (as `samples * _gain_envelope(samples)`)."""
    where = _zones(samples, hold, ceiling)
    if where is not None:
        samples[where] *= _stretch_envelope(samples[where], hold, ceiling)


def _margin(rate: int) -> tuple[int, int]:
    """(limiter hold, samples read either side of a block: as far as a peak's envelope reaches)."""
    hold = max(1, round(rate * LIMITER_HOLD))
    return hold, _reach(hold) + 1


def leveled(source: PcmSource, start: int, stop: int, leveling: Leveling) -> np.ndarray:
    """Frames [start, stop) of `source` as `leveling` leaves them (read with their neighbours)."""
    _, margin = _margin(source.rate)
    low = max(0, start - margin)
    high = min(source.frames, stop + margin)
    samples = level_pcm(source.read(low, high - low), leveling, source.rate)
    return samples[start - low : stop - low]


_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
KEPT_FREE_BYTES = 64 << 20
"""Freed memory the C allocator may keep for the next block instead of returning it at once."""


@cache
def _reuse_freed_memory() -> None:
    """Let glibc keep freed block-sized arrays: else each block's megabytes are unmapped and faulted in
    again, which on virtual machines costs as much as the arithmetic (elsewhere this does nothing)."""
    try:
        libc = ctypes.CDLL(None)
        libc.mallopt(_M_TRIM_THRESHOLD, KEPT_FREE_BYTES)
        libc.mallopt(_M_MMAP_THRESHOLD, KEPT_FREE_BYTES // 2)
    except (OSError, AttributeError):
        pass


def level_pcm(pcm: bytes | bytearray, leveling: Leveling, rate: int) -> np.ndarray:
    """16-bit mono PCM as `leveling` leaves it (an int16 array), the limiter taking 1 as the gain past its ends.

    A group of sentences is levelled on its own (its edges are the silence
    around utterances), in float32 and in sample units: a tenth of a dB is far
    below what the ear or the target's tolerance notice, and it halves the
    memory traffic. Limited samples sit at most at the ceiling, so nothing clips.
    """
    import numpy as np

    _reuse_freed_memory()
    hold, _ = _margin(rate)
    samples = np.frombuffer(pcm, dtype="<i2").astype(np.float32)
    samples *= np.float32(10 ** (leveling.gain_db / 20))
    _limit(samples, hold, 32768.0 * 10 ** (CEILING_DB / 20))
    np.rint(samples, out=samples)
    result: np.ndarray = samples.astype("<i2")
    return result
