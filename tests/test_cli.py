"""The CLI as a user meets it: a subprocess, real files, exit codes 0/1/2 and the JSON contracts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import SAMPLES, run_cli, wav_info

from briefing.render import split_front_matter

TUNNEL = SAMPLES / "harbour-tunnel.txt"


def test_help_and_version() -> None:
    result = run_cli("--help")
    assert result.returncode == 0 and "make" in result.stdout and "summarize" in result.stdout
    assert run_cli("--version").stdout.startswith("briefing ")


def test_summarize_json_contract() -> None:
    result = run_cli("summarize", str(TUNNEL), "--method", "lexrank", "--sentences", "3", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["title"].startswith("Harbour tunnel opens")
    assert data["method"] == "lexrank"
    text = TUNNEL.read_text()
    assert len(data["sentences"]) == 3
    for item in data["sentences"]:
        assert isinstance(item["index"], int) and isinstance(item["score"], float)
        assert item["text"] in text
    assert [s["index"] for s in data["sentences"]] == sorted(s["index"] for s in data["sentences"])


def test_summarize_jsonl_batch(tmp_path: Path) -> None:
    rows = [
        {"id": "a", "article": TUNNEL.read_text()},
        {"id": "b", "article": "One lone sentence here."},
    ]
    batch = tmp_path / "in.jsonl"
    batch.write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = run_cli("summarize", "--jsonl", str(batch), "--sentences", "2")
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "b"]
    assert len(out[0]["summary"].split("\n")) == 2
    assert out[1]["summary"] == "One lone sentence here."


def test_make_writes_markdown_and_wav(tmp_path: Path) -> None:
    result = run_cli("make", str(TUNNEL), "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    files = [tmp_path / f for f in json.loads(result.stdout)["files"]]
    assert [f.suffix for f in files] == [".md", ".wav"]
    assert all(f.parent.parent == tmp_path / "output" for f in files)
    meta, _body = split_front_matter(files[0].read_text())
    assert meta["sentences"] == 5 and meta["audio_seconds"] > 0
    _, seconds, peak = wav_info(files[1])
    assert seconds == pytest.approx(meta["audio_seconds"], abs=0.01) and peak > 0


def test_make_html_page_with_options(tmp_path: Path) -> None:
    page = SAMPLES / "library-reopens.html"
    result = run_cli(
        "make",
        str(page),
        "--sentences",
        "4",
        "--voice",
        "default",
        "--out",
        "notes/",
        "--format",
        "md,html,wav",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "notes").iterdir())
    stem = "restored-carnegie-library-reopens-its-doors-after-three-years"
    assert names == [f"{stem}.html", f"{stem}.md", f"{stem}.wav"]
    assert "<script" not in (tmp_path / "notes" / f"{stem}.html").read_text()


def test_make_from_stdin_without_audio(tmp_path: Path) -> None:
    result = run_cli(
        "make", "-", "--no-audio", "--out", "o", stdin=TUNNEL.read_text(), cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    [md] = (tmp_path / "o").iterdir()
    assert md.suffix == ".md" and 'source: "stdin"' in md.read_text()


def test_make_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    args = ("make", str(TUNNEL), "--no-audio", "--out", "o")
    assert run_cli(*args, cwd=tmp_path).returncode == 0
    again = run_cli(*args, cwd=tmp_path)
    assert again.returncode == 1 and "already exists" in again.stderr and "--force" in again.stderr
    assert run_cli(*args, "--force", cwd=tmp_path).returncode == 0


@pytest.mark.parametrize("name", ["empty.txt", "binary.png", "missing.txt", "folder"])
def test_bad_inputs_exit_1_with_one_line_and_write_nothing(tmp_path: Path, name: str) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.png").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    )
    (tmp_path / "folder").mkdir()
    result = run_cli("make", str(tmp_path / name), "--out", "out", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and name in lines[0] and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*"))


@pytest.mark.parametrize(
    "args",
    [
        ("make",),
        ("make", "x.txt", "--sentences", "0"),
        ("make", "x.txt", "--sentences", "2", "--words", "9"),
        ("summarize", "x.txt", "--method", "magic"),
        ("make", "x.txt", "--format", "ogg"),
        ("frobnicate",),
    ],
)
def test_bad_usage_exits_2(args: tuple[str, ...]) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_unknown_voice_is_a_clear_error(tmp_path: Path) -> None:
    result = run_cli("make", str(TUNNEL), "--voice", "robot", "--out", "o", cwd=tmp_path)
    assert result.returncode == 1 and "default" in result.stderr and not (tmp_path / "o").exists()


def test_speak_a_briefing(tmp_path: Path) -> None:
    made = run_cli("make", str(TUNNEL), "--no-audio", "--out", ".", "--json", cwd=tmp_path)
    [md] = json.loads(made.stdout)["files"]
    result = run_cli("speak", md, "--out", "brief.wav", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "brief.wav"
    _, seconds, peak = wav_info(tmp_path / "brief.wav")
    words = len((tmp_path / md).read_text().split("---", 2)[2].split())
    assert peak > 0 and seconds == pytest.approx(words * 60 / 150, rel=0.25)


def test_methods_and_voices() -> None:
    methods = run_cli("methods")
    assert methods.returncode == 0
    for name in (
        "lead",
        "lexrank",
        "lsa",
        "textrank",
        "luhn",
        "kl",
        "sumbasic",
        "reduction",
        "edmundson",
    ):
        assert any(line.startswith(name + " ") for line in methods.stdout.splitlines())
    voices = run_cli("voices")
    assert voices.returncode == 0 and "default" in voices.stdout and "brisk" in voices.stdout


@pytest.mark.real_engine
def test_make_with_the_real_engine_keeps_stdout_clean(tmp_path: Path) -> None:
    result = run_cli(
        "make",
        str(TUNNEL),
        "--sentences",
        "3",
        "--json",
        cwd=tmp_path,
        env={"BRIEFING_ENGINE": "espeak"},
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    wav = tmp_path / data["files"][1]
    meta, _body = split_front_matter((tmp_path / data["files"][0]).read_text())
    _, seconds, peak = wav_info(wav)
    assert peak > 2000
    assert 1.8 < meta["words"] / seconds < 3.4


GERMAN = (
    "Neue Brücke über den Fluss eröffnet\n\n"
    "Die Stadt hat am Montag die neue Brücke über den Fluss eröffnet. Der Bau hat drei Jahre "
    "gedauert und war teurer als geplant. Viele Menschen aus der Nachbarschaft kamen zur Feier "
    "und gingen als Erste über die Brücke. Die Busse fahren ab der nächsten Woche auf der neuen "
    "Strecke, und die Fahrt in die Innenstadt wird damit um zehn Minuten kürzer.\n"
)
NO_GERMAN = "no german voice is installed"  # the fake engine speaks English only


def test_every_speaking_command_looks_for_a_voice_in_the_articles_language(
    tmp_path: Path,
) -> None:
    article = tmp_path / "bruecke.txt"
    article.write_text(GERMAN, encoding="utf-8")
    runs = {
        "make": run_cli("make", str(article), "--format", "md,wav", "--out", str(tmp_path / "m")),
        "speak": run_cli("speak", str(article), "--out", str(tmp_path / "s.wav")),
        "script": run_cli("script", str(article)),
    }
    for command, result in runs.items():
        assert result.returncode == 0, (command, result.stderr)
        assert NO_GERMAN in result.stderr, command
    config = tmp_path / "daily.toml"
    config.write_text('language = "de"\n', encoding="utf-8")
    daily = run_cli(
        "daily", str(article), "--config", str(config), "--out", str(tmp_path / "d"),
        "--since", "100000d", "--no-audio", "--json",
    )  # fmt: skip
    assert daily.returncode == 0, daily.stderr
    assert any(NO_GERMAN in note for note in json.loads(daily.stdout)["notes"])


def test_an_english_article_is_spoken_without_a_language_note(tmp_path: Path) -> None:
    result = run_cli("speak", str(TUNNEL), "--out", str(tmp_path / "t.wav"))
    assert result.returncode == 0 and "voice is installed" not in result.stderr
