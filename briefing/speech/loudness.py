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
"""Seconds per limiter block: it holds its gain a block either side of a peak and eases over one."""
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


_STANDARD_RATE = 48000
"""The rate BS.1770 gives the K filter's coefficients at (table 1 and 2 of the standard)."""
_SHELF = (
    (1.53512485958697, -2.69169618940638, 1.19839281085285),
    (1.0, -1.69065929318241, 0.73248077421585),
)
_HIGH_PASS = ((1.0, -2.0, 1.0), (1.0, -1.99004745483398, 0.99007225036621))


def k_weighting(rate: int, size: int) -> np.ndarray:
    """Power weights of the K filter (a +4 dB shelf above ~1.5 kHz, a high-pass at ~38 Hz) per rfft bin.

    The standard's own 48 kHz filter, taken at each bin's frequency: what a
    meter that resamples to 48 kHz first (as ffmpeg's ebur128 does) measures.
    A filter designed anew at a lower rate bends near that rate's Nyquist
    frequency, and read speech about 0.2 LU apart from such meters.
    """
    import numpy as np

    frequencies = np.linspace(0.0, rate / 2, size // 2 + 1)
    w = 2 * math.pi * frequencies / _STANDARD_RATE
    weights = _biquad_power(*_SHELF, w) * _biquad_power(*_HIGH_PASS, w)
    weights[frequencies > _STANDARD_RATE / 2] = 0.0  # beyond what 48 kHz audio holds
    return weights


MAX_MEASURED_SECONDS = 300.0
"""Audio analysed for loudness at most; longer files are sampled evenly (peaks are always exact)."""


@dataclass(frozen=True)
class Leveling:
    """What the loudness pass does: `gain_db` of gain, the peaks it pushes too high softly limited."""

    gain_db: float


def _source(audio: Path | PcmSource) -> PcmSource:
    return WavPcm(audio) if isinstance(audio, Path) else audio


def measure(
    audio: Path | PcmSource,
    *,
    peak: int | None = None,
    leveling: Leveling | None = None,
    seconds: float | None = None,
) -> Loudness:
    """Integrated loudness and peak of 16-bit mono audio, read in 100 ms pieces.

    Args:
        audio: a WAV file, or any PCM source.
        peak: the largest absolute sample, when already known: then only the
            measured windows are read.
        leveling: measure the audio as this leveling would leave it (the
            returned peak is then that of the measured windows only).
        seconds: analyse at most this much audio, in evenly spread windows
            (MAX_MEASURED_SECONDS unless given).
    """
    import numpy as np

    source = _source(audio)
    rate, count = source.rate, source.frames
    # A power of two near 100 ms keeps the FFTs fast (2,048 samples at 22,050 Hz).
    piece = 1 << max(4, round(math.log2(rate * _SUB_BLOCK)))
    weights = k_weighting(rate, piece)
    # Parseval: a piece's mean square, filtered, is its weighted power spectrum over piece²;
    # every bin but the first and last stands for two. Samples are in 16-bit units.
    weights[1 : (piece + 1) // 2] *= 2.0
    weights /= (piece * 32768.0) ** 2
    # Applied to the transform's real and imaginary parts as one row of floats.
    weights = np.repeat(weights, 2)
    powers: list[float] = []
    largest = 0
    window = piece * 100
    # Long files are measured on evenly spread windows (at most MAX_MEASURED_SECONDS of
    # them): one voice's level doesn't drift, and a 40-minute brief needn't cost a second.
    windows = -(-count // window)
    most = MAX_MEASURED_SECONDS if seconds is None else seconds
    stride = max(1, -(-windows * window // max(1, int(rate * most))))
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
            blocks = samples[:usable].reshape(-1, piece).astype(np.float64)
            parts = np.fft.rfft(blocks, axis=1).view(np.float64)
            np.multiply(parts, parts, out=parts)
            powers += list(parts @ weights)
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
    audio: Path | PcmSource,
    target: float = TARGET_LUFS,
    *,
    peak: int | None = None,
    seconds: float | None = None,
) -> Leveling:
    """The leveling that brings the audio to `target` LUFS, found without writing anything.

    Limiting takes a little loudness away with the peaks, and more the more
    gain there is; so the audio is measured as it would be levelled (in
    memory), and when it falls short the gain is raised along the line through
    two such measurements: limited speech gains about half a LU per dB there.
    Each measurement reads the same windows (at most `seconds` of audio).
    """
    source = _source(audio)
    first = measure(source, peak=peak, seconds=seconds)
    gain = gain_for(first, target)
    if gain <= 0:
        return Leveling(gain)
    after = measure(source, leveling=Leveling(gain), seconds=seconds)
    short = target - after.lufs
    if math.isinf(after.lufs) or short <= TOLERANCE_LU:
        return Leveling(gain)
    # Limiting may take up to MAX_LIMITING_DB more of a peak for that: the limited
    # audio's peaks sit at the ceiling.
    most = min(gain + MAX_LIMITING_DB, MAX_GAIN_DB)
    raised = min(gain + short, most)
    again = measure(source, leveling=Leveling(raised), seconds=seconds)
    slope = (again.lufs - after.lufs) / (raised - gain) if raised > gain else 0.0
    if math.isinf(again.lufs) or slope < _LEAST_SLOPE:
        return Leveling(raised)
    return Leveling(min(most, max(raised, raised + (target - again.lufs) / slope)))


_LEAST_SLOPE = 0.1
"""LU per dB below which more gain is taken as buying nothing (all limiting)."""


def _block(rate: int) -> int:
    """Samples per limiter block: LIMITER_HOLD seconds."""
    return max(1, round(rate * LIMITER_HOLD))


def _limiting(
    pcm: np.ndarray, gain: float, block: int, ceiling: float, origin: int = 0
) -> tuple[np.ndarray, np.ndarray] | None:
    """The blocks where the soft limiter lowers `gain` on 16-bit `pcm`, and its factor per sample there.

    Returns the block numbers and a (blocks, `block`) array of factors, or None
    when no sample would end above `ceiling` (in sample units, after `gain`).
    Blocks are counted from frame 0 of the whole audio (`origin` is the frame
    `pcm` starts at), so a window read with its neighbours is limited as the
    whole audio is. Each block needs the least factor any of its samples needs
    to stay under the ceiling; that need is spread to the blocks either side,
    and the factor runs linearly between block centres. A sample's factor thus
    comes from its own block's and a neighbour's spread need, both at most what
    it needs itself: no sample ends above the ceiling, the gain eases in and
    out over a block, and it is exactly 1 two blocks from any peak. Only the
    peaks are looked at sample by sample, in integers, before any gain: speech
    brought to its loudness has few of them.
    """
    import numpy as np

    limit = ceiling / gain  # in the samples' own units, before the gain
    if limit >= 32768:
        return None
    bound = int(limit)  # for whole samples, |x| > limit exactly when |x| > floor(limit)
    # abs(-32768) stays -32768 in int16, which unsigned is 32768: still above any bound.
    over = np.flatnonzero(np.abs(pcm).view(np.uint16) > bound)
    if over.size == 0:
        return None
    need = limit / np.abs(pcm[over].astype(np.float64))
    blocks = (over + origin) // block
    # Blocks low..high hold every factor below 1, with a block of 1s beyond at each end.
    low = int(blocks[0]) - 3
    count = int(blocks[-1]) + 4 - low
    firsts = np.flatnonzero(np.diff(blocks, prepend=blocks[0] - 1))
    least = np.ones(count)
    least[blocks[firsts] - low] = np.minimum.reduceat(need, firsts)
    spread = least.copy()
    np.minimum(spread[1:], least[:-1], out=spread[1:])
    np.minimum(spread[:-1], least[1:], out=spread[:-1])
    lowered = spread < 1
    touched = lowered.copy()
    touched[1:] |= lowered[:-1]
    touched[:-1] |= lowered[1:]
    chosen = np.flatnonzero(touched)
    spread = spread.astype(np.float32)
    own = spread[chosen][:, None]
    # Each sample's place from its block's centre, in blocks: a sample before the centre
    # lies between the previous centre and this one, a sample after it before the next.
    offset = ((np.arange(block) - (block - 1) / 2) / block).astype(np.float32)
    early = int(np.count_nonzero(offset < 0))
    factors: np.ndarray = np.empty((chosen.size, block), dtype=np.float32)
    factors[:, :early] = own + (own - spread[chosen - 1][:, None]) * offset[:early]
    factors[:, early:] = own + (spread[chosen + 1][:, None] - own) * offset[early:]
    return chosen + low, factors


def _blocked(size: int, origin: int, block: int) -> tuple[np.ndarray, int, int]:
    """A float32 buffer whose rows are the whole audio's limiter blocks covering `size` frames from `origin`.

    Returns it, where the frames start in it, and the block number of its first row.
    """
    import numpy as np

    lead = origin % block
    rows = -(-(lead + size) // block)
    buffer = np.empty(rows * block, dtype=np.float32)
    buffer[:lead] = 0  # the rows' ends beyond the frames, never read but scaled with them
    buffer[lead + size :] = 0
    return buffer, lead, origin // block


def _scale_blocks(
    buffer: np.ndarray, first: int, block: int, found: tuple[np.ndarray, np.ndarray] | None
) -> None:
    """Multiply the rows of `buffer` (see _blocked) that `_limiting` found by its factors."""
    if found is None:
        return
    import numpy as np

    chosen, factors = found
    grid = buffer.reshape(-1, block)
    rows = chosen - first
    # Sorted: the rows inside the buffer are one run of them (the rest lie past its ends).
    low, high = np.searchsorted(rows, (0, grid.shape[0]))
    grid[rows[low:high]] *= factors[low:high]


def _gain_envelope(pcm: np.ndarray, gain: float, rate: int) -> np.ndarray:
    """The limiter's factor for every sample of `pcm` (1 where it doesn't act)."""
    import numpy as np

    block = _block(rate)
    buffer, lead, first = _blocked(pcm.size, 0, block)
    buffer[:] = 1
    _scale_blocks(buffer, first, block, _limiting(pcm, gain, block, _ceiling()))
    factors: np.ndarray = buffer[lead : lead + pcm.size].astype(np.float64)
    return factors


def _ceiling() -> float:
    """CEILING_DB in 16-bit sample units."""
    return 32768.0 * 10 ** (CEILING_DB / 20)


def leveled(source: PcmSource, start: int, stop: int, leveling: Leveling) -> np.ndarray:
    """Frames [start, stop) of `source` as `leveling` leaves them (read with their neighbours)."""
    margin = 3 * _block(source.rate) + 1  # as far as a peak's blocks reach
    low = max(0, start - margin)
    high = min(source.frames, stop + margin)
    samples = level_pcm(source.read(low, high - low), leveling, source.rate, origin=low)
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


def level_pcm(
    pcm: bytes | bytearray, leveling: Leveling, rate: int, *, origin: int = 0
) -> np.ndarray:
    """16-bit mono PCM as `leveling` leaves it (an int16 array); `origin` is the frame it starts at.

    A group of sentences is levelled on its own (its edges are the silence
    around utterances), in float32: a tenth of a dB is far below what the ear
    or the target's tolerance notice, and it halves the memory traffic.
    Limited samples sit at most at the ceiling, so nothing clips.
    """
    import numpy as np

    _reuse_freed_memory()
    samples = np.frombuffer(pcm, dtype="<i2")
    gain = 10 ** (leveling.gain_db / 20)
    block = _block(rate)
    # Worked on in rows of whole limiter blocks: the limited blocks are scaled row by row.
    buffer, lead, first = _blocked(samples.size, origin, block)
    result = buffer[lead : lead + samples.size]
    np.multiply(samples, np.float32(gain), out=result, dtype=np.float32)
    _scale_blocks(buffer, first, block, _limiting(samples, gain, block, _ceiling(), origin))
    np.rint(result, out=result)
    levelled: np.ndarray = result.astype("<i2")
    return levelled
