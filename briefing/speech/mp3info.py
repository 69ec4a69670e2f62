"""MP3 frame headers and the Xing/LAME "Info" frame that gives players the exact length and gapless trim.

lameenc writes bare frames. Without an Info frame a player guesses the
duration from the first frame's bit rate and plays the encoder's delay (576
samples plus the decoder's 529: ~50 ms at 22 kHz) before the first word, so
chapters and cues start early. The Info frame is a silent frame at the head of
the stream whose payload says how many frames and bytes follow, a seek table,
and the delay and padding to trim.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

ENCODER_DELAY = 576
"""Samples LAME puts before the first input sample (its MDCT look-ahead; constant since 3.9x)."""
ENCODER_NAME = b"LAME3.100"
"""Nine bytes; decoders honour the delay fields only from encoders they know by this prefix."""

_BITRATES = {
    1: (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    2: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
_SAMPLE_RATES = {1: (44100, 48000, 32000), 2: (22050, 24000, 16000), 25: (11025, 12000, 8000)}
_VERSION_BITS = {0b11: 1, 0b10: 2, 0b00: 25}
_FLAGS = 0x0F
"""Frames, bytes, TOC and quality fields present."""


@dataclass(frozen=True)
class FrameHeader:
    """The fields of one MPEG audio layer III frame header that size and describe it."""

    raw: int
    version: int
    """1 (MPEG-1), 2 (MPEG-2) or 25 (MPEG-2.5)."""
    bitrate_index: int
    sample_rate: int
    padding: bool
    mono: bool

    @property
    def samples(self) -> int:
        """Samples per frame (per channel)."""
        return 1152 if self.version == 1 else 576

    @property
    def bitrate(self) -> int:
        """kbit/s."""
        return _BITRATES[1 if self.version == 1 else 2][self.bitrate_index]

    @property
    def size(self) -> int:
        """Bytes in the whole frame, header included."""
        return self.samples // 8 * self.bitrate * 1000 // self.sample_rate + self.padding

    @property
    def side_info(self) -> int:
        """Bytes of side information after the header (where an Info frame's payload starts)."""
        if self.version == 1:
            return 17 if self.mono else 32
        return 9 if self.mono else 17


def parse_header(data: bytes) -> FrameHeader | None:
    """The layer III frame header in the first four bytes of `data`, or None if there is none."""
    if len(data) < 4:
        return None
    raw = struct.unpack(">I", data[:4])[0]
    if raw >> 21 != 0x7FF or (raw >> 17) & 0b11 != 0b01:
        return None
    version = _VERSION_BITS.get((raw >> 19) & 0b11)
    bitrate_index = (raw >> 12) & 0xF
    rate_index = (raw >> 10) & 0b11
    if version is None or bitrate_index in (0, 15) or rate_index == 3:
        return None
    return FrameHeader(
        raw=raw,
        version=version,
        bitrate_index=bitrate_index,
        sample_rate=_SAMPLE_RATES[version][rate_index],
        padding=bool((raw >> 9) & 1),
        mono=(raw >> 6) & 0b11 == 0b11,
    )


def frames(stream: BinaryIO, start: int = 0) -> Iterator[tuple[int, FrameHeader]]:
    """(offset, header) of every frame from `start` on, stepping frame to frame (no payload read)."""
    offset = start
    while True:
        stream.seek(offset)
        header = parse_header(stream.read(4))
        if header is None:
            return
        yield offset, header
        offset += header.size


def _crc16(data: bytes) -> int:
    """CRC-16/ARC (polynomial 0x8005, reflected), what the LAME tag's checksum uses."""
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return crc


def info_frame_size(first: FrameHeader) -> int:
    """Bytes of the Info frame that will precede frames like `first`."""
    return _info_header(first).size


def _info_header(first: FrameHeader) -> FrameHeader:
    """A header like the audio's, unpadded, at the lowest bit rate whose frame holds the Info payload."""
    needed = 4 + first.side_info + 120 + 36
    table = _BITRATES[1 if first.version == 1 else 2]
    for index in range(first.bitrate_index, len(table)):
        raw = (first.raw & ~(0xF << 12) & ~(1 << 9) & ~(1 << 16)) | (index << 12) | (1 << 16)
        header = FrameHeader(raw, first.version, index, first.sample_rate, False, first.mono)
        if header.size >= needed:
            return header
    raise ValueError("no MP3 frame size holds an Info tag at this sample rate")


def info_frame(
    first: FrameHeader, frame_count: int, audio_bytes: int, samples: int, bitrate: int
) -> bytes:
    """The Info frame for `frame_count` audio frames of `audio_bytes` bytes holding `samples` samples.

    The byte count and TOC include the Info frame itself, as LAME writes them; the
    padding is what the last frame holds past the input, so a decoder that trims
    the delay and padding gives back exactly `samples` samples.
    """
    header = _info_header(first)
    total = audio_bytes + header.size
    padding = max(0, frame_count * first.samples - samples - ENCODER_DELAY)
    # CBR: the seek table is a straight line (byte position in 1/256ths of the file per percent).
    toc = bytes(min(255, percent * 256 // 100) for percent in range(100))
    xing = b"Info" + struct.pack(">III", _FLAGS, frame_count, total) + toc + struct.pack(">I", 0)
    lame = (
        ENCODER_NAME
        + bytes([0x01])  # tag revision 0, VBR method 1: constant bit rate
        + bytes([0])  # lowpass unknown
        + struct.pack(">fHH", 0.0, 0, 0)  # no ReplayGain measured
        + bytes([0])  # encoding flags, ATH type
        + bytes([min(255, bitrate)])
        + struct.pack(">I", (ENCODER_DELAY << 12 | min(padding, 0xFFF)) << 8)[:3]
        + bytes([0, 0])  # misc, MP3 gain
        + struct.pack(">H", 0)  # preset, surround
        + struct.pack(">I", total)
        + struct.pack(">H", 0)  # the music CRC is optional: no decoder checks it
    )
    body = struct.pack(">I", header.raw) + bytes(first.side_info) + xing + lame
    body += struct.pack(">H", _crc16(body))
    return body + bytes(header.size - len(body))
