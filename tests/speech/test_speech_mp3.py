"""MP3s as players read them: an Info header with the exact length, chapters in order, ID3v2.3, loudness."""

from __future__ import annotations

import json
import shutil
import subprocess
import wave
from pathlib import Path

import numpy as np
import pytest
from mutagen.id3 import ID3
from mutagen.mp3 import MP3
from support import run_cli

from briefing.speech.mp3 import Mp3Tags, encode_mp3, write_tags
from briefing.speech.mp3info import ENCODER_DELAY, frames, parse_header
from briefing.speech.transcript import ChapterTime

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "samples" / "harbour-tunnel.txt"
needs_ffmpeg = pytest.mark.skipif(
    not (shutil.which("ffmpeg") and shutil.which("ffprobe")), reason="ffmpeg/ffprobe not installed"
)


def _wav(path: Path, seconds: float, rate: int = 22050) -> Path:
    t = np.arange(int(seconds * rate)) / rate
    tone = 6000 * np.sin(2 * np.pi * 200 * t) * (np.sin(2 * np.pi * 2 * t) > 0)
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(tone.astype("<i2").tobytes())
    return path


def _chapters(count: int, seconds: float) -> list[ChapterTime]:
    step = seconds / count
    titles = ["Intro", *(f"Story {n}" for n in range(1, count - 1)), "Outro"]
    return [ChapterTime(t, n * step, (n + 1) * step) for n, t in enumerate(titles)]


def _ffprobe(path: Path) -> dict:
    result = subprocess.run(
        [
            "ffprobe",
            "-v",
            "error",
            "-show_chapters",
            "-show_format",
            "-show_streams",
            "-of",
            "json",
            str(path),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.mark.parametrize("rate", [16000, 22050, 24000])
def test_the_stream_opens_with_an_info_frame_counting_every_frame(
    tmp_path: Path, rate: int
) -> None:
    wav = _wav(tmp_path / "a.wav", 3.3, rate)
    mp3 = tmp_path / "a.mp3"
    encode_mp3(wav, mp3)
    data = mp3.read_bytes()
    first = parse_header(data)
    assert first is not None and first.sample_rate == rate
    info = data.find(b"Info")
    assert info == 4 + first.side_info
    flags, count, size = (int.from_bytes(data[info + n : info + n + 4], "big") for n in (4, 8, 12))
    assert flags & 0x3 == 0x3
    assert size == len(data)
    with mp3.open("rb") as stream:
        audio_frames = list(frames(stream, first.size))
    assert count == len(audio_frames)
    assert audio_frames[-1][0] + audio_frames[-1][1].size == len(data)
    assert data[info + 120 : info + 129] == b"LAME3.100"
    delay_padding = int.from_bytes(data[info + 141 : info + 144], "big")
    assert delay_padding >> 12 == ENCODER_DELAY
    samples = int(3.3 * rate)
    assert count * first.samples - samples - ENCODER_DELAY == delay_padding & 0xFFF


@needs_ffmpeg
def test_players_get_the_exact_length_and_every_sample_back(tmp_path: Path) -> None:
    wav = _wav(tmp_path / "a.wav", 4.0)
    mp3 = tmp_path / "a.mp3"
    encode_mp3(wav, mp3)
    write_tags(mp3, Mp3Tags(title="T", chapters=_chapters(3, 4.0)))
    decoded = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(mp3), "-f", "s16le", "-"],
        capture_output=True,
        check=True,
    ).stdout
    assert len(decoded) // 2 == 4 * 22050  # the encoder's delay and padding are trimmed
    probe = _ffprobe(mp3)
    assert probe["streams"][0]["tags"]["encoder"] == "LAME3.100"  # the tag CRC checked out


def test_chapters_are_stored_in_time_order_in_an_id3v23_tag(tmp_path: Path) -> None:
    wav = _wav(tmp_path / "a.wav", 6.0)
    mp3 = tmp_path / "a.mp3"
    encode_mp3(wav, mp3)
    chapters = _chapters(12, 6.0)
    write_tags(mp3, Mp3Tags(title="Day", chapters=chapters, language="en", cover=b"\x89PNG..."))
    tag = ID3(mp3)
    assert tag.version == (2, 3, 0)
    assert tag.getall("TLAN")[0].text == ["eng"]
    assert tag.getall("APIC")[0].mime == "image/png"
    toc = tag.getall("CTOC")[0]
    titles = [
        tag[f"CHAP:{element}"].sub_frames["TIT2"].text[0] for element in toc.child_element_ids
    ]
    assert titles == [c.title for c in chapters]
    # In the file itself, frame after frame: what eyeD3 and ffprobe list.
    raw = mp3.read_bytes()
    positions = [raw.find(f"chp{n:03d}".encode()) for n in range(1, 13)]
    assert positions == sorted(positions) and -1 not in positions
    assert MP3(mp3).info.length == pytest.approx(6.0, abs=0.1)


def test_id3v24_on_request(tmp_path: Path) -> None:
    mp3 = tmp_path / "a.mp3"
    encode_mp3(_wav(tmp_path / "a.wav", 1.0), mp3)
    write_tags(mp3, Mp3Tags(title="T", date="2025-03-04"), version=4)
    assert ID3(mp3).version == (2, 4, 0)
    with pytest.raises(ValueError):
        write_tags(mp3, Mp3Tags(title="T"), version=2)


@needs_ffmpeg
def test_ffprobe_and_eyed3_list_the_chapters_in_order(tmp_path: Path) -> None:
    mp3 = tmp_path / "a.mp3"
    encode_mp3(_wav(tmp_path / "a.wav", 6.0), mp3)
    write_tags(mp3, Mp3Tags(title="Day", chapters=_chapters(12, 6.0)))
    listed = _ffprobe(mp3)["chapters"]
    starts = [float(c["start_time"]) for c in listed]
    assert starts == sorted(starts) and len(listed) == 12
    titles = [c["tags"]["title"] for c in listed]
    assert titles[0] == "Intro" and titles[-1] == "Outro" and len(set(titles)) == 12
    eyed3 = pytest.importorskip("eyed3")
    audio = eyed3.load(str(mp3))
    assert audio is not None and audio.tag is not None
    assert [c.title for c in audio.tag.chapters] == titles


@needs_ffmpeg
def test_a_made_mp3_is_podcast_loud_with_true_peak_headroom(tmp_path: Path) -> None:
    result = run_cli("make", str(SAMPLE), "--format", "mp3", "--out", str(tmp_path), "--json")
    assert result.returncode == 0, result.stderr
    mp3 = Path(json.loads(result.stdout)["files"][0])
    meter = subprocess.run(
        ["ffmpeg", "-nostats", "-i", str(mp3), "-af", "ebur128=peak=true", "-f", "null", "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    summary = meter.split("Summary:")[-1]
    integrated = float(summary.split("I:")[1].split("LUFS")[0])
    peak = float(summary.split("Peak:")[1].split("dBFS")[0])
    assert abs(integrated - -16.0) <= 1.0
    assert peak <= -1.0
    # One article: one chapter, titled by its headline, not a pair of duplicates.
    listed = _ffprobe(mp3)["chapters"]
    assert len(listed) == 1
