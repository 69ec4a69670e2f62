"""MP3 output: WAV encoded in-process with LAME (lameenc), tagged with ID3v2 and chapters (mutagen)."""

from __future__ import annotations

import wave
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from briefing.errors import EngineError
from briefing.speech import mp3info
from briefing.speech.transcript import ChapterTime

BIT_RATE = 64
"""kbit/s: plenty for mono speech at an engine's 16-24 kHz."""
QUALITY = 5
"""LAME's speed/quality trade-off (2 best, 7 fastest)."""


ID3_VERSION = 3
"""ID3v2.3 by default: what most players and podcast apps read; 4 on request."""
_ISO_639_2 = {
    "en": "eng", "de": "deu", "fr": "fra", "es": "spa", "it": "ita", "pt": "por", "cs": "ces",
    "sk": "slk", "pl": "pol", "sv": "swe", "el": "ell", "uk": "ukr", "nl": "nld", "da": "dan",
}  # fmt: skip


@dataclass(frozen=True)
class Mp3Tags:
    """What the ID3v2 tag says about a briefing."""

    title: str
    artist: str = "briefing"
    album: str = "Briefings"
    date: str = ""
    """ISO date, e.g. "2024-11-25"."""
    comment: str = ""
    chapters: Sequence[ChapterTime] = field(default_factory=tuple)
    language: str = "en"
    """The spoken (and transcript) language, a two-letter code such as "en" or "en-GB"."""
    cover: bytes = b""
    """PNG or JPEG cover art; empty for none."""


def id3_language(code: str) -> str:
    """The three-letter ISO 639-2 code ID3 wants for a two-letter one ("en-GB" -> "eng")."""
    short = code.lower().replace("_", "-").split("-")[0]
    if len(short) == 3:
        return short
    return _ISO_639_2.get(short, "und")


def encode_mp3(wav_path: Path, mp3_path: Path) -> None:
    """Encode a 16-bit mono WAV file to MP3 at its own sample rate, a second at a time (memory stays flat).

    The stream starts with a Xing/LAME Info frame (see mp3info), so players
    know the exact length and trim the encoder's delay and padding.
    """
    try:
        import lameenc
    except ImportError as exc:
        raise EngineError(f"can't encode MP3: {exc}; reinstall briefing") from None
    from briefing.files import open_to_write

    with wave.open(str(wav_path), "rb") as wav, open_to_write(mp3_path) as out:
        encoder = lameenc.Encoder()
        encoder.set_bit_rate(BIT_RATE)
        rate = wav.getframerate()
        encoder.set_in_sample_rate(rate)
        encoder.set_channels(wav.getnchannels())
        encoder.set_quality(QUALITY)
        samples = wav.getnframes()
        first: mp3info.FrameHeader | None = None
        while pcm := wav.readframes(rate):
            encoded = bytes(encoder.encode(pcm))
            if first is None and encoded:
                first = _reserve_info_frame(out, encoded)
            out.write(encoded)
        encoded = bytes(encoder.flush())
        if first is None and encoded:
            first = _reserve_info_frame(out, encoded)
        out.write(encoded)
        out.truncate()  # a file that held more before
        if first is not None:
            _write_info_frame(out, first, samples)


def _reserve_info_frame(out: BinaryIO, encoded: bytes) -> mp3info.FrameHeader:
    """Leave room for the Info frame before the first audio frame; it is filled in at the end."""
    first = mp3info.parse_header(encoded)
    if first is None:
        raise EngineError("the MP3 encoder wrote no MPEG audio frame")
    out.write(bytes(mp3info.info_frame_size(first)))
    return first


def _write_info_frame(out: BinaryIO, first: mp3info.FrameHeader, samples: int) -> None:
    """Count the audio frames written after the reserved frame and write the Info frame over it."""
    start = mp3info.info_frame_size(first)
    count = 0
    end = start
    for offset, header in mp3info.frames(out, start):
        count += 1
        end = offset + header.size
    out.seek(0)
    out.write(mp3info.info_frame(first, count, end - start, samples, first.bitrate))


def write_tags(mp3_path: Path, tags: Mp3Tags, version: int = ID3_VERSION) -> None:
    """Put an ID3v2 tag (v2.3 unless `version` is 4) on an MP3 file.

    Title, artist, album, date, comment, language, cover art and chapters:
    CHAP frames (start/end in milliseconds, a TIT2 title each) listed in order
    by one top-level CTOC frame, which podcast players read. Chapter ids are
    zero-padded because mutagen writes frames sorted by key, and "chp10"
    would otherwise land before "chp2".
    """
    from mutagen.id3 import APIC, CHAP, COMM, CTOC, ID3, TALB, TDRC, TIT2, TLAN, TPE1, CTOCFlags

    if version not in (3, 4):
        raise ValueError(f"ID3v2 version must be 3 or 4, not {version}")
    language = id3_language(tags.language)
    id3 = ID3()
    id3.add(TLAN(encoding=3, text=[language]))
    id3.add(TIT2(encoding=3, text=[tags.title]))
    id3.add(TPE1(encoding=3, text=[tags.artist]))
    id3.add(TALB(encoding=3, text=[tags.album]))
    if tags.date:
        id3.add(TDRC(encoding=3, text=[tags.date]))
    if tags.comment:
        id3.add(COMM(encoding=3, lang=language, desc="", text=[tags.comment]))
    if language != "und":
        id3.add(TLAN(encoding=3, text=[language]))
    if tags.cover:
        mime = "image/png" if tags.cover.startswith(b"\x89PNG") else "image/jpeg"
        id3.add(APIC(encoding=3, mime=mime, type=3, desc="Cover", data=tags.cover))
    chapters = sorted(tags.chapters, key=lambda c: (c.start, c.end))
    width = max(3, len(str(len(chapters))))
    ids = [f"chp{n:0{width}d}" for n in range(1, len(chapters) + 1)]
    for element_id, chapter in zip(ids, chapters, strict=True):
        id3.add(
            CHAP(
                element_id=element_id,
                start_time=round(chapter.start * 1000),
                end_time=round(chapter.end * 1000),
                sub_frames=[TIT2(encoding=3, text=[chapter.title])],
            )
        )
    if ids:
        id3.add(
            CTOC(
                element_id="toc",
                flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
                child_element_ids=ids,
                sub_frames=[TIT2(encoding=3, text=[tags.title])],
            )
        )
    if version == 3:
        id3.update_to_v23()
    id3.save(str(mp3_path), v2_version=version)
    _chapters_in_time_order(mp3_path)


def _chapters_in_time_order(mp3_path: Path) -> None:
    """Reorder the tag's CHAP frames by their (zero-padded, time-ordered) ids, in place.

    mutagen writes frames of one kind shortest first, so a short title would
    put its chapter ahead of earlier ones, and players that list CHAP frames
    as stored (ffprobe, eyeD3) show them out of order. The tag keeps its size.
    """
    with mp3_path.open("r+b") as f:
        header = f.read(10)
        if header[:3] != b"ID3" or header[3] not in (3, 4) or header[5] & 0x80:
            return
        size = _syncsafe(header[6:10])
        body = f.read(size)
        frames: list[tuple[bytes, bytes]] = []  # (frame id, the whole frame)
        position = 0
        while position + 10 <= len(body) and body[position] != 0:
            frame_id = body[position : position + 4]
            raw_size = body[position + 4 : position + 8]
            length = _syncsafe(raw_size) if header[3] == 4 else int.from_bytes(raw_size, "big")
            frames.append((frame_id, body[position : position + 10 + length]))
            position += 10 + length
        chapters = [frame for frame_id, frame in frames if frame_id == b"CHAP"]
        ordered = iter(sorted(chapters, key=lambda frame: frame[10:].split(b"\0", 1)[0]))
        rebuilt = b"".join(next(ordered) if fid == b"CHAP" else frame for fid, frame in frames)
        if rebuilt != body[:position]:
            f.seek(10)
            f.write(rebuilt)


def _syncsafe(data: bytes) -> int:
    """An ID3v2 "syncsafe" integer: seven bits per byte."""
    value = 0
    for byte in data:
        value = value << 7 | (byte & 0x7F)
    return value
