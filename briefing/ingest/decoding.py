"""Bytes from a file or stdin, decoded to text; binary, empty and oversized inputs refused."""

from __future__ import annotations

import os
import re
import stat
import sys
from typing import BinaryIO

from briefing import decoding
from briefing.errors import InputError
from briefing.sanitize import strip_controls

STDIN = "-"


def decode(name: str, data: bytes) -> str:
    """Decode bytes as text, refusing binary data with a clear message.

    UTF-32 and UTF-16 (with or without a byte-order mark) are recognised before
    anything else; control characters never get through.
    """
    try:
        if (text := decoding.bom_utf32(data)) is not None:
            return _clean(text)
    except UnicodeDecodeError:
        raise InputError(name, "not valid UTF-32 text") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _clean(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise InputError(name, "not valid UTF-16 text") from None
    if b"\x00" in data[:8192]:
        text = decoding.utf32_without_bom(data) or _utf16_without_bom(data)
        if text is not None:
            return _clean(text)
        raise InputError(name, "not a text file (binary data)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _decode_legacy(name, data)
    if _looks_binary(text):
        raise InputError(name, "not a text file (binary data)")
    return _clean(text)


def _clean(text: str) -> str:
    return strip_controls(text.replace("\r\n", "\n").replace("\r", "\n"))


def _is_text_charset(label: str) -> bool:
    """Whether a charset label names a real text encoding (not idna, punycode, rot13, ...)."""
    import codecs

    try:
        info = codecs.lookup(label)
    except (LookupError, ValueError):
        return False
    return info.name not in {"idna", "punycode", "rot-13", "raw-unicode-escape", "unicode-escape"}


def decode_web(name: str, data: bytes, charset: str | None) -> str:
    """A web page decoded with the charset its server (or its <meta> tag) names, else sniffed."""
    charset = charset or _meta_charset(data)
    if charset and not _is_text_charset(charset):
        charset = None  # an odd label (idna, rot13, ...): detect the encoding instead
    if charset and charset.lower().replace("_", "-") not in ("utf-8", "utf8"):
        # Bytes that are valid UTF-8 are UTF-8, whatever a stale declaration says.
        try:
            return _clean(data.decode("utf-8"))
        except UnicodeDecodeError:
            pass
    if charset:
        try:
            text = data.decode(charset)
        except (LookupError, UnicodeError, ValueError, TypeError):
            return decode(name, data)
        if _looks_binary(text):
            raise InputError(name, "not a web page (binary data)")
        return _clean(text)
    return decode(name, data)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


def _meta_charset(data: bytes) -> str | None:
    """The charset a page declares in its first <meta> tags (UTF-8 pages need no guess)."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return None
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark: every other byte is zero for Latin script."""
    if len(data) % 2:
        return None
    sample = data[:8192]
    for zeros, codec in ((sample[1::2], "utf-16-le"), (sample[0::2], "utf-16-be")):
        if zeros.count(0) > 0.6 * len(zeros):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            return text if _reads_like_prose(text) else None
    return None


def _reads_like_prose(text: str) -> bool:
    """Guessed decodings must give mostly letters and spaces, not symbols from binary bytes."""
    sample = text[:4096]
    if not sample or _looks_binary(sample):
        return False
    printable = sum(c.isprintable() or c in "\n\t" for c in sample) / len(sample)
    letters = sum(c.isalpha() or c.isspace() for c in sample) / len(sample)
    return printable > 0.98 and letters > 0.7


def _decode_legacy(name: str, data: bytes) -> str:
    """Decode non-UTF-8 text (Latin-1, Windows-1252, ...) only when the guess is confident."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - charset-normalizer is a dependency
        raise InputError(name, "not UTF-8 text") from None
    best = from_bytes(data).best()
    if best is None or best.chaos > 0.2:
        raise InputError(name, "not a text file (unknown encoding or binary data)")
    return decoding.best_legacy(data, (best.encoding, str(best))) or str(best)


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    return controls > max(2, len(sample) // 100)


def read_bytes(name: str, max_bytes: int) -> bytes:
    """The bytes of a file, or of stdin for "-", within the size limit and not empty.

    Read in chunks that stop at the limit, so an endless or huge input is refused
    at once; FIFOs and devices are refused (opening one never waits for a writer).
    """
    if name == STDIN:
        data = _read_capped(sys.stdin.buffer, "stdin", max_bytes)
        if not data.strip():
            raise InputError("stdin", "input is empty")
        return data
    try:
        # O_NONBLOCK: opening a FIFO with no writer must not wait for one.
        fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory, not a file") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except (OSError, ValueError) as exc:
        raise InputError(name, getattr(exc, "strerror", None) or "can't be read") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(name, "is a directory, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(name, "not a regular file (pipe or device); pass it on stdin as -")
        if info.st_size > max_bytes:
            raise InputError(
                name,
                f"file is {info.st_size:,} bytes, over the {max_bytes:,}-byte limit (see --max-bytes)",
            )
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb") as stream:
            fd = -1
            data = _read_capped(stream, name, max_bytes)
    except OSError as exc:
        raise InputError(name, exc.strerror or "can't be read") from None
    finally:
        if fd >= 0:
            os.close(fd)
    if not data.strip():
        raise InputError(name, "file is empty" if not data else "file has only whitespace")
    return data


def _read_capped(stream: BinaryIO, name: str, max_bytes: int) -> bytes:
    """At most `max_bytes` from `stream`, read in chunks: over the limit fails at once, mid-read."""
    parts: list[bytes] = []
    size = 0
    while chunk := stream.read(min(1 << 20, max_bytes + 1 - size)):
        size += len(chunk)
        if size > max_bytes:
            raise InputError(name, f"input is larger than {max_bytes:,} bytes (see --max-bytes)")
        parts.append(chunk)
    return b"".join(parts)
