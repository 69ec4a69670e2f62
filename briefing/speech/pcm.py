"""Raw 16-bit mono PCM read by frame position: one WAV file's samples, or several raw files read as one.

The loudness plan reads audio through these: a finished WAV, or the groups
of a script being spoken (speech.parallel) measured as one stream.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Protocol

HEADER_BYTES = 44
"""The canonical PCM WAV header the `wave` module writes (and pcm.wav_header copies)."""


class PcmSource(Protocol):
    """Frames of 16-bit mono audio at `rate`, read by position."""

    rate: int
    frames: int

    def read(self, start: int, count: int) -> bytes:
        """Frames [start, start + count), fewer only past the end."""
        ...


def wav_region(path: Path) -> tuple[int, int, int]:
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


def wav_header(frames: int, rate: int) -> bytes:
    """The header `wave` writes for `frames` frames of 16-bit mono PCM at `rate`, byte for byte."""
    data = frames * 2
    return b"".join(
        (
            b"RIFF",
            struct.pack("<I", 36 + data),
            b"WAVE",
            b"fmt ",
            struct.pack("<IHHIIHH", 16, 1, 1, rate, rate * 2, 2, 16),
            b"data",
            struct.pack("<I", data),
        )
    )


class WavPcm:
    """The samples of one WAV file (16-bit mono)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.offset, size, self.rate = wav_region(path)
        self.frames = size // 2

    def read(self, start: int, count: int) -> bytes:
        count = max(0, min(count, self.frames - start))
        with self.path.open("rb") as f:
            f.seek(self.offset + start * 2)
            return f.read(count * 2)


class JoinedPcm:
    """Raw PCM files (no header) read as one stream, in order: (path, frames) each."""

    def __init__(self, parts: list[tuple[Path, int]], rate: int) -> None:
        self.parts = parts
        self.rate = rate
        self.frames = sum(frames for _, frames in parts)

    def read(self, start: int, count: int) -> bytes:
        stop = min(self.frames, start + count)
        pieces: list[bytes] = []
        origin = 0
        for path, frames in self.parts:
            low, high = max(start, origin), min(stop, origin + frames)
            if low < high:
                with path.open("rb") as f:
                    f.seek((low - origin) * 2)
                    pieces.append(f.read((high - low) * 2))
            origin += frames
            if origin >= stop:
                break
        return b"".join(pieces)
