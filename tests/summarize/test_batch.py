"""`briefing summarize --jsonl` and `--order`: the batch contract other tools rely on, as a subprocess."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import EVAL_SET, SAMPLES, run_cli

from briefing.ingest import parse_article
from briefing.summarize import Length, summarize

TUNNEL = SAMPLES / "harbour-tunnel.txt"


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def sample_rows() -> list[dict]:
    rows = [{"id": "tunnel", "article": TUNNEL.read_text(encoding="utf-8")}]
    if EVAL_SET.exists():
        with EVAL_SET.open(encoding="utf-8") as lines:
            rows += [
                {"id": json.loads(line)["id"], "article": json.loads(line)["article"]}
                for line, _ in zip(lines, range(4), strict=False)
            ]
    return rows


@pytest.mark.parametrize("method", ["news", "lead", "lexrank"])
def test_batch_matches_the_core_line_for_line(tmp_path: Path, method: str) -> None:
    rows = sample_rows()
    batch = write_jsonl(tmp_path / "in.jsonl", rows)
    result = run_cli("summarize", "--jsonl", str(batch), "--method", method, "--sentences", "3")
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == [r["id"] for r in rows]
    assert all(set(o) == {"id", "summary"} for o in out)
    for row, line in zip(rows, out, strict=True):
        article = parse_article(row["article"], source=row["id"])
        expected = summarize(article, method, Length(sentences=3)).sentences
        assert line["summary"] == "\n".join(expected)
        assert all(s in article.sentences for s in line["summary"].split("\n"))


def test_batch_reads_stdin_and_keeps_ids_as_given(tmp_path: Path) -> None:
    rows = [
        {"id": 7, "article": "The mayor opened the bridge. Traffic flowed at once."},
        {"id": "x-ü", "article": "Eine Brücke wurde eröffnet. Der Verkehr floss sofort."},
    ]
    stdin = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    result = run_cli("summarize", "--jsonl", "-", "--sentences", "1", stdin=stdin)
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == [7, "x-ü"]
    assert out[0]["summary"] == "The mayor opened the bridge."


def test_an_article_without_text_keeps_its_line(tmp_path: Path) -> None:
    rows = [{"id": "a", "article": "   "}, {"id": "b", "article": "Just one sentence here."}]
    result = run_cli("summarize", "--jsonl", str(write_jsonl(tmp_path / "in.jsonl", rows)))
    assert result.returncode == 1  # a line could not be summarized; the others still were
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert out == [
        {"id": "a", "error": "no readable text found"},
        {"id": "b", "summary": "Just one sentence here."},
    ]
    assert "in.jsonl:1" in result.stderr


@pytest.mark.parametrize("bad_line", ['{"id": "b"}', "not json", '{"id": "b", "article": 3}'])
def test_a_bad_line_gets_an_error_line_and_the_batch_goes_on(tmp_path: Path, bad_line: str) -> None:
    good = json.dumps({"id": "a", "article": "A sentence. Another one."})
    batch = tmp_path / "in.jsonl"
    batch.write_text(good + "\n" + bad_line + "\n" + good.replace('"a"', '"c"') + "\n")
    result = run_cli("summarize", "--jsonl", str(batch))
    assert result.returncode == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o.get("id") for o in out] == ["a", out[1]["id"], "c"]
    assert "line 2" in out[1]["error"] and "summary" not in out[1]
    assert len(result.stderr.strip().splitlines()) == 1
    assert "in.jsonl" in result.stderr and "line 2" in result.stderr
    assert "Traceback" not in result.stderr


def test_order_score_prints_the_best_sentence_first() -> None:
    by_article = run_cli("summarize", str(TUNNEL), "--sentences", "4", "--json")
    by_score = run_cli("summarize", str(TUNNEL), "--sentences", "4", "--json", "--order", "score")
    assert by_article.returncode == by_score.returncode == 0
    article_picks = json.loads(by_article.stdout)["sentences"]
    score_picks = json.loads(by_score.stdout)["sentences"]
    assert json.loads(by_score.stdout)["method"] == "news"
    assert [p["index"] for p in article_picks] == sorted(p["index"] for p in article_picks)
    assert [p["score"] for p in score_picks] == sorted(
        (p["score"] for p in score_picks), reverse=True
    )
    assert sorted(score_picks, key=lambda p: p["index"]) == article_picks


def test_order_rejects_unknown_values() -> None:
    result = run_cli("summarize", str(TUNNEL), "--order", "random")
    assert result.returncode == 2
    assert "--order" in result.stderr


def test_methods_lists_news_as_the_default() -> None:
    result = run_cli("methods")
    assert result.returncode == 0
    line = next(line for line in result.stdout.splitlines() if line.startswith("news "))
    assert line.endswith("(default)")


def test_a_short_first_paragraph_stays_the_lead_not_the_title(tmp_path: Path) -> None:
    lead = "A storm closed the harbour on Monday, stranding dozens of ferries."
    rows = [
        {"id": "p", "article": lead + "\n\nThe port authority said it would reopen on Wednesday."},
        {"id": "h", "article": "Storm closes harbour\n\n" + lead},
    ]
    result = run_cli(
        "summarize", "--jsonl", str(write_jsonl(tmp_path / "in.jsonl", rows)), "-n", "1"
    )
    assert result.returncode == 0, result.stderr
    out = [json.loads(line)["summary"] for line in result.stdout.splitlines()]
    assert out == [lead, lead]
