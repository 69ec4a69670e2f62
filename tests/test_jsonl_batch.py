"""The JSONL batch core (briefing.batch): rows checked up front, one result per row, in order."""

from __future__ import annotations

import json

import pytest

from briefing.batch import BatchResult, parse_batch, summarize_batch
from briefing.models import Article, Pick, Summary


def _first_two(article: Article) -> Summary:
    picks = tuple(Pick(i, s, 1.0) for i, s in enumerate(article.sentences[:2]))
    return Summary(article, "test", picks)


def test_rows_keep_their_ids_and_line_numbers_and_skip_blank_lines() -> None:
    text = '{"id": 7, "article": "One."}\n\n{"id": "x", "article": "Two."}\n'
    rows = parse_batch("in.jsonl", text)
    assert [(r.line, r.ident, r.article) for r in rows] == [(1, 7, "One."), (3, "x", "Two.")]


@pytest.mark.parametrize(
    "line", ['{"id": 1}', '{"article": "x"}', '{"id": 1, "article": 5}', "not json"]
)
def test_a_bad_line_gets_an_error_with_its_number(line: str) -> None:
    rows = parse_batch("in.jsonl", '{"id": 0, "article": "Fine."}\n' + line + "\n")
    assert (
        not rows[0].error
        and rows[1].line == 2
        and rows[1].error.startswith(("expected", "not JSON"))
    )


def test_every_row_gets_a_result_and_an_empty_article_an_error_and_a_note() -> None:
    text = (
        '{"id": 1, "article": "The bridge opened. It cost a lot. Buses use it."}\n'
        '{"id": 2, "article": "   "}\n'
    )
    notes: list[str] = []
    results = list(
        summarize_batch("b.jsonl", parse_batch("b.jsonl", text), _first_two, note=notes.append)
    )
    assert results == [
        BatchResult(1, "The bridge opened.\nIt cost a lot."),
        BatchResult(2, "", "no readable text found", 2),
    ]
    assert len(notes) == 1 and notes[0].startswith("b.jsonl:2")
    assert json.loads(results[0].to_json()) == {"id": 1, "summary": results[0].summary}
