"""The default podcast cover: a square PNG drawn here (no image library, no file shipped), used when none is set.

Apple Podcasts and most directories want a square cover of 1400-3000 px; a
feed without one shows a blank tile. The picture is a few flat shapes (a
sunrise disc over a row of sound-wave bars), so it compresses to a few kB.
"""

from __future__ import annotations

import math
import struct
import zlib
from functools import cache

SIZE = 1400
"""Pixels per side: the smallest square Apple accepts, and the cheapest to draw."""
NAME = "cover.png"
_BACKGROUND = (24, 38, 66)
_DISC = (244, 163, 64)
_BARS = (236, 240, 245)


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def png_bytes(pixels: bytes, width: int, height: int) -> bytes:
    """An 8-bit RGB PNG of `pixels` (rows top to bottom, 3 bytes per pixel, no filtering)."""
    stride = width * 3
    if len(pixels) != stride * height:
        raise ValueError("pixel data doesn't match the size")
    raw = b"".join(b"\x00" + pixels[row * stride : (row + 1) * stride] for row in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(raw, 6))
        + _chunk(b"IEND", b"")
    )


def is_whole_png(data: bytes, size: int = SIZE) -> bool:
    """Whether `data` is an undamaged PNG `size` pixels square: every chunk whole, its CRC right.

    Lets a cover drawn by an earlier run be kept without drawing it again (which
    needs numpy and a tenth of a second) just to compare.
    """
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        return False
    at, kinds = 8, []
    while at + 12 <= len(data):
        length = struct.unpack(">I", data[at : at + 4])[0]
        body = data[at + 4 : at + 8 + length]
        crc = data[at + 8 + length : at + 12 + length]
        if len(body) != length + 4 or len(crc) != 4:
            return False
        if struct.unpack(">I", crc)[0] != zlib.crc32(body) & 0xFFFFFFFF:
            return False
        kinds.append(body[:4])
        if kinds[0] == b"IHDR" and len(kinds) == 1 and body[4:12] != struct.pack(">II", size, size):
            return False
        at += 12 + length
    return at == len(data) and kinds[:1] == [b"IHDR"] and kinds[-1:] == [b"IEND"]


@cache
def default_cover(size: int = SIZE) -> bytes:
    """The default cover as PNG bytes: drawn once per process, the same every time.

    Drawn a row at a time with byte strings (the shapes are flat: a row is a
    few runs of one colour), so drawing needs no numpy and a few milliseconds.
    """
    background, disc, bar = bytes(_BACKGROUND), bytes(_DISC), bytes(_BARS)
    centre_x, centre_y, radius = size / 2, size * 0.42, size * 0.24
    rows = [bytearray(background * size) for _ in range(size)]
    for y, row in enumerate(rows):
        if y > size * 0.58:
            break
        span = _disc_span(y, size, centre_x, centre_y, radius)
        if span is not None:
            left, right = span
            row[3 * left : 3 * (right + 1)] = disc * (right + 1 - left)
    # Sound-wave bars along the horizon, tallest in the middle.
    bars, bar_width = 15, size // 40
    gap = (size * 0.7 - bars * bar_width) / (bars - 1)
    base = size * 0.72
    for n in range(bars):
        left = round(size * 0.15 + n * (bar_width + gap))
        right = min(size, left + bar_width)
        height = size * (0.05 + 0.13 * (1 - abs(n - (bars - 1) / 2) / ((bars - 1) / 2)) ** 1.5)
        for row in rows[max(0, round(base - height)) : round(base + height)]:
            row[3 * left : 3 * right] = bar * (right - left)
    return png_bytes(b"".join(rows), size, size)


def _disc_span(
    y: int, size: int, centre_x: float, centre_y: float, radius: float
) -> tuple[int, int] | None:
    """The first and last pixel of row `y` inside the disc ((x - cx)² + (y - cy)² <= r²), if any."""
    across = (y - centre_y) * (y - centre_y)
    limit = radius**2
    if across > limit:
        return None

    def inside(x: int) -> bool:
        return (x - centre_x) * (x - centre_x) + across <= limit

    reach = math.sqrt(limit - across)
    left = max(0, math.floor(centre_x - reach) - 2)
    right = min(size - 1, math.ceil(centre_x + reach) + 2)
    while left <= right and not inside(left):
        left += 1
    while right >= left and not inside(right):
        right -= 1
    return (left, right) if left <= right else None
