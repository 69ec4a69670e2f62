"""`briefing script` and `briefing make --format mp3,vtt,srt` as a user runs them."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest
from support import SAMPLES, run_cli, wav_info

ARTICLE = SAMPLES / "harbour-tunnel.txt"


def _cue_times(vtt: str) -> list[tuple[float, float]]:
    def seconds(stamp: str) -> float:
        h, m, s = stamp.split(":")
        return int(h) * 3600 + int(m) * 60 + float(s)

    return [(seconds(a), seconds(b)) for a, b in re.findall(r"^(\S+) --> (\S+)$", vtt, flags=re.M)]


def test_script_text_prints_one_spoken_line() -> None:
    result = run_cli("script", "--text", "The deal is worth $1.2bn, Gen. Milley said on Nov. 25.")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "The deal is worth one point two billion dollars, "
        "General Milley said on November twenty-fifth.\n"
    )


def test_script_text_of_many_lines_is_still_one_line() -> None:
    result = run_cli("script", "--text", "First line.\n\nSecond line 2.")
    assert result.stdout == "First line. Second line two.\n"


def test_script_file_prints_the_whole_script() -> None:
    result = run_cli("script", str(ARTICLE))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Here is your briefing for")
    assert "one point two billion dollars" in result.stdout
    assert not re.search(r"\d", result.stdout)


@pytest.mark.parametrize("args", [(), ("x.txt", "--text", "hi")])
def test_script_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    result = run_cli("script", *args)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_script_of_a_missing_file_exits_1() -> None:
    result = run_cli("script", "missing.txt")
    assert result.returncode == 1 and "missing.txt" in result.stderr


def test_make_mp3_and_vtt(tmp_path: Path) -> None:
    from mutagen.id3 import ID3
    from mutagen.mp3 import MP3

    result = run_cli(
        "make", str(ARTICLE), "--format", "mp3,vtt,srt", "--out", str(tmp_path), "--json"
    )
    assert result.returncode == 0, result.stderr
    files = [Path(f) for f in json.loads(result.stdout)["files"]]
    assert [f.suffix for f in files] == [".mp3", ".vtt", ".srt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f.name for f in files)
    mp3 = MP3(files[0])
    tags = ID3(files[0])
    assert str(tags["TIT2"]).startswith("Harbour tunnel opens")
    assert str(tags["TDRC"])
    assert "harbour-tunnel.txt" in str(tags["COMM::eng"])
    chapters = tags.getall("CHAP")
    # One article read under its own headline: one chapter, not the title twice.
    assert [c.sub_frames["TIT2"].text[0] for c in chapters] == [str(tags["TIT2"])]
    assert tags.getall("CTOC")[0].child_element_ids == [c.element_id for c in chapters]
    vtt = files[1].read_text(encoding="utf-8")
    assert vtt.startswith("WEBVTT")
    times = _cue_times(vtt)
    assert times[0][0] == 0 and all(a[1] <= b[0] + 1e-3 for a, b in itertools.pairwise(times))
    assert abs(times[-1][1] - mp3.info.length) < 0.5
    assert chapters[-1].end_time / 1000 == pytest.approx(times[-1][1], abs=0.01)


@pytest.mark.real_engine
def test_make_with_the_real_engine(tmp_path: Path) -> None:
    pytest.importorskip("espeakng_loader")
    result = run_cli(
        "make",
        str(ARTICLE),
        "--format",
        "wav,vtt",
        "--out",
        str(tmp_path),
        "--json",
        env={"BRIEFING_ENGINE": "espeak"},
    )
    assert result.returncode == 0, result.stderr
    wav, vtt = (Path(f) for f in json.loads(result.stdout)["files"])
    _rate, seconds, peak = wav_info(wav)
    times = _cue_times(vtt.read_text(encoding="utf-8"))
    assert len(times) >= 8  # intro, title, five sentences, outro
    assert abs(times[-1][1] - seconds) < 0.5
    assert 0.5 * 32768 < peak < 0.95 * 32768  # loudness-normalized, limited below -0.5 dBFS


def test_no_audio_drops_every_audio_format(tmp_path: Path) -> None:
    result = run_cli(
        "make",
        str(ARTICLE),
        "--format",
        "md,mp3,vtt",
        "--no-audio",
        "--out",
        str(tmp_path),
        "--json",
    )
    assert result.returncode == 0, result.stderr
    assert [Path(f).suffix for f in json.loads(result.stdout)["files"]] == [".md"]


def test_engine_failure_keeps_markdown_and_leaves_no_audio(tmp_path: Path) -> None:
    result = run_cli(
        "make",
        str(ARTICLE),
        "--format",
        "md,mp3,vtt",
        "--out",
        str(tmp_path),
        env={"BRIEFING_ENGINE": "bogus"},
    )
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert [p.suffix for p in tmp_path.iterdir()] == [".md"]
