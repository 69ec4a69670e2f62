"""Hard to break: bad inputs, hostile content and concurrent exports never crash or lose data."""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import BRIEFING, SAMPLES, run_cli

from briefing.assemble import briefing_from
from briefing.errors import InputError
from briefing.ingest import parse_article
from briefing.render import to_html, to_markdown
from briefing.summarize import Length, summarize


def _zip_bytes(tmp_path: Path) -> bytes:
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.txt", "hello " * 100)
    return path.read_bytes()


BAD_INPUTS: dict[str, object] = {
    "empty.txt": b"",
    "blank.txt": b" \n\n\t  \n",
    "image.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)) * 4,
    "archive.zip": "zip",
    "headings.md": b"# Title\n\n## Part one\n\n## Part two\n",
    "table.md": b"| a | b |\n|---|---|\n| 1 | 2 |\n",
    "code.md": b"```\nprint('hi')\n```\n",
    "nobody.html": b"<html><head><title>T</title><script>x()</script></head><body><nav>Home</nav></body></html>",
    "title-only.txt": b"Just a headline\n",
    "missing.txt": None,
    "folder": "dir",
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
@pytest.mark.parametrize("command", ["make", "summarize"])
def test_bad_input_table(tmp_path: Path, name: str, command: str) -> None:
    content = BAD_INPUTS[name]
    path = tmp_path / name
    if content == "zip":
        path.write_bytes(_zip_bytes(tmp_path))
    elif content == "dir":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    out = tmp_path / "out"
    args = [command, str(path)] + (["--out", str(out)] if command == "make" else [])
    result = run_cli(*args, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert 1 <= len(lines) <= 2 and name in lines[0]
    assert "Traceback" not in result.stderr
    assert not out.exists() or not any(out.rglob("*"))


def test_too_large_and_max_bytes(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Title\n\n" + "A sentence about the news. " * 300)
    small = run_cli("summarize", str(path), "--max-bytes", "1000")
    assert small.returncode == 1 and "--max-bytes" in small.stderr
    assert run_cli("summarize", str(path), "--max-bytes", "100000").returncode == 0


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-16", b""), ("latin-1", b""), ("cp1252", b""), ("utf-8", b"\xef\xbb\xbf")],
)
def test_other_encodings_are_read(tmp_path: Path, encoding: str, bom: bytes) -> None:
    text = "Café owners protest\n\nCafé owners in Málaga said on Friday that the new rules would cost them dearly. The council disagreed and said the rules would stay.\n"
    path = tmp_path / "enc.txt"
    path.write_bytes(bom + text.encode(encoding))
    result = run_cli("summarize", str(path), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["title"] == "Café owners protest"
    assert "Málaga" in data["sentences"][0]["text"]


def test_single_sentence_is_its_own_summary(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text("The bridge reopened on Monday after six weeks of repairs.")
    result = run_cli("summarize", str(path), "--json", "--method", "lsa")
    assert result.returncode == 0, result.stderr
    assert [s["text"] for s in json.loads(result.stdout)["sentences"]] == [path.read_text()]


def test_more_sentences_than_available_says_so(tmp_path: Path) -> None:
    result = run_cli(
        "summarize", str(SAMPLES / "community-garden.md"), "--sentences", "99", "--json"
    )
    assert result.returncode == 0
    assert "only" in result.stderr
    assert len(json.loads(result.stdout)["sentences"]) > 5


def test_other_language_uses_its_stemmer(tmp_path: Path) -> None:
    path = tmp_path / "de.txt"
    path.write_text(
        "Neue Brücke eröffnet\n\nDie neue Brücke über den Fluss wurde am Dienstag für den Verkehr "
        "freigegeben. Der Bürgermeister sagte, dass die Bauarbeiten drei Jahre gedauert hätten. "
        "Die Kosten lagen bei rund zwölf Millionen Euro.\n"
    )
    article = parse_article(path.read_text(), source=str(path))
    assert article.language == "german"
    assert len(summarize(article, "lexrank", Length(sentences=2)).picks) == 2


def test_hostile_html_export_is_clean(tmp_path: Path) -> None:
    page = tmp_path / "evil.html"
    page.write_text(
        "<html><body><article><h1>Click <script>alert(1)</script>me</h1>"
        '<p onclick="steal()">The <b>council</b> met on Monday to vote on the plan. '
        '<a href="javascript:alert(1)">Read more</a> about the <img src=x onerror=alert(1)> vote.</p>'
        "<p>Residents said &lt;script&gt;alert('x')&lt;/script&gt; was written on a wall overnight.</p>"
        "<p>Officials promised a [link](javascript:alert(2)) and an <iframe src=//evil></iframe> report.</p>"
        "</article></body></html>"
    )
    result = run_cli(
        "make", str(page), "--no-audio", "--format", "md,html", "--out", "o", "--json", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    html_file = next(
        Path(tmp_path, f) for f in json.loads(result.stdout)["files"] if f.endswith(".html")
    )
    page_out = html_file.read_text().lower()
    for bad in ("<script", "onclick", "onerror", "javascript:", "<iframe"):
        assert bad not in page_out


@pytest.mark.parametrize("title", ["../../etc/passwd", "CON", "x" * 300, "🎉🎉🎉", "a/b\\c:d*e?f"])
def test_hostile_titles_give_safe_names(tmp_path: Path, title: str) -> None:
    article = tmp_path / "a.txt"
    article.write_text(f"{title}\n\nThe plan was approved on Monday by a large majority.\n")
    out = tmp_path / "out"
    result = run_cli("make", str(article), "--no-audio", "--out", str(out), "--json")
    assert result.returncode == 0, result.stderr
    [written] = json.loads(result.stdout)["files"]
    path = Path(written).resolve()
    assert path.parent == out.resolve() and len(path.name) <= 90
    assert path.name.lower() not in {"con.md"}


def test_concurrent_exports_never_mix(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = [*BRIEFING, "make", str(SAMPLES / "harbour-tunnel.txt"), "--out", str(out), "--no-audio"]
    procs = [
        subprocess.Popen(
            args, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(4)
    ]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    codes = sorted(code for code, _ in results)
    assert codes == [0, 1, 1, 1]
    assert all("already exists" in err for code, err in results if code == 1)
    files = list(out.iterdir())
    assert len(files) == 1 and files[0].read_text().endswith("harbour-tunnel.txt\n")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(min_size=0, max_size=400),
    st.sampled_from(["text", "markdown", "html"]),
    st.sampled_from(["lead", "lexrank", "luhn", "lsa"]),
)
def test_any_unicode_text_never_crashes(text: str, kind: str, method: str) -> None:
    try:
        article = parse_article(text, source="prop.txt", kind=kind)
    except InputError:
        return
    summary = summarize(article, method, Length(sentences=3))
    for pick in summary.picks:
        assert pick.text in article.sentences
    briefing = briefing_from([summary])
    to_markdown(briefing)
    to_html(briefing)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "weather.txt"
    path.write_bytes(
        "Weather report\n\nIt rained all day in the north. The south stayed dry.".encode(codec)
    )
    result = run_cli("summarize", str(path), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"] == "Weather report"


def test_audio_samples_are_not_mistaken_for_utf16(tmp_path: Path) -> None:
    import random
    import struct

    path = tmp_path / "quiet.txt"
    rng = random.Random(7)
    path.write_bytes(
        b"RIFF" + struct.pack("<4000h", *(rng.randint(-300, 300) for _ in range(4000)))
    )
    result = run_cli("summarize", str(path))
    assert result.returncode == 1 and "binary" in result.stderr


def test_chinese_text_is_split_at_full_stops(tmp_path: Path) -> None:
    path = tmp_path / "zh.txt"
    path.write_text("东京新闻\n\n东京今天下雨。明天会晴天。人们很高兴。\n")
    result = run_cli("summarize", str(path), "--json", "--sentences", "2")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["title"] == "东京新闻"
    assert [s["text"] for s in data["sentences"]] == ["东京今天下雨。", "明天会晴天。"]


def test_page_with_only_scripts_says_so(tmp_path: Path) -> None:
    path = tmp_path / "script.html"
    path.write_text("<html><body><script>var a = 1;</script><style>p {}</style></body></html>")
    result = run_cli("make", str(path), "--out", "o", cwd=tmp_path)
    assert result.returncode == 1 and "no article text found in the page" in result.stderr
