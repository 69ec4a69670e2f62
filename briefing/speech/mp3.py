"""MP3 output: WAV encoded in-process with LAME (lameenc), tagged with ID3v2 and chapters (mutagen)."""

from __future__ import annotations

import wave
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefing.errors import EngineError
from briefing.speech.transcript import ChapterTime

BIT_RATE = 64
"""kbit/s: plenty for mono speech at an engine's 16-24 kHz."""
QUALITY = 5
"""LAME's speed/quality trade-off (2 best, 7 fastest)."""


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
    """ISO 639-1 code of the spoken language, written as ID3's three-letter TLAN."""


def id3_language(code: str) -> str:
    """ID3's ISO 639-2 code for an ISO 639-1 one ("de" -> "deu"); "eng" when unknown."""
    try:
        import pycountry

        found = pycountry.languages.get(alpha_2=code.split("-")[0].lower())
    except (ImportError, KeyError, LookupError):
        found = None
    return str(getattr(found, "alpha_3", "eng")) if found is not None else "eng"


def encode_mp3(wav_path: Path, mp3_path: Path) -> None:
    """Encode a 16-bit mono WAV file to MP3 at its own sample rate, a second at a time (memory stays flat)."""
    try:
        import lameenc
    except ImportError as exc:
        raise EngineError(f"can't encode MP3: {exc}; reinstall briefing") from None
    with wave.open(str(wav_path), "rb") as wav, mp3_path.open("wb") as out:
        encoder = lameenc.Encoder()
        encoder.set_bit_rate(BIT_RATE)
        rate = wav.getframerate()
        encoder.set_in_sample_rate(rate)
        encoder.set_channels(wav.getnchannels())
        encoder.set_quality(QUALITY)
        while pcm := wav.readframes(rate):
            out.write(encoder.encode(pcm))
        out.write(encoder.flush())


def write_tags(mp3_path: Path, tags: Mp3Tags) -> None:
    """Put an ID3v2.4 tag on an MP3 file: title, artist, album, date, comment and chapters.

    Chapters are CHAP frames (start/end in milliseconds, a TIT2 title each)
    listed in order by one top-level CTOC frame, which podcast players read.
    """
    from mutagen.id3 import CHAP, COMM, CTOC, ID3, TALB, TDRC, TIT2, TLAN, TPE1, CTOCFlags

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
    ids = []
    for n, chapter in enumerate(tags.chapters, start=1):
        ids.append(f"chp{n}")
        id3.add(
            CHAP(
                element_id=ids[-1],
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
    id3.save(str(mp3_path), v2_version=4)
