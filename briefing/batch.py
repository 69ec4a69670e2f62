"""The JSONL batch of `summarize --jsonl`: lines {"id", "article"} in, {"id", "summary"} out.

A line that can't be summarized (not JSON, no article, no text in it) comes out
as {"id", "error"} and the batch goes on, so the output keeps one line per
input, in order; the caller exits 1 at the end when any line failed.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from briefing.errors import InputError
from briefing.ingest import STDIN, decode, kind_of, parse_article
from briefing.models import Article, Summary

JSONValue = str | int | float | bool | None | list[object] | dict[str, object]


@dataclass(frozen=True)
class BatchRow:
    """One input line: its number (for messages), its caller-chosen id, and its article or problem."""

    line: int
    ident: JSONValue
    article: str | None
    problem: str = ""
    """Why the line has no usable article (empty when it has one)."""


@dataclass(frozen=True)
class BatchResult:
    """One output line: the id given back unchanged, and the summary or the error."""

    ident: JSONValue
    summary: str | None = None
    error: str | None = None

    def to_json(self) -> str:
        key, value = ("error", self.error) if self.error is not None else ("summary", self.summary)
        return json.dumps({"id": self.ident, key: value}, ensure_ascii=False)


def read_batch(name: str) -> list[BatchRow]:
    """Every non-blank line of the batch file (or stdin for "-"), each parsed on its own.

    Raises:
        InputError: the file itself can't be read.
    """
    try:
        raw = Path(name).read_bytes() if name != STDIN else sys.stdin.buffer.read()
    except OSError as exc:
        raise InputError(name, exc.strerror or "can't be read") from None
    return parse_batch(decode(name, raw))


def parse_batch(text: str) -> list[BatchRow]:
    """The rows of a batch's text; blank lines are skipped, a bad line is a row with its problem."""
    return [
        parse_row(number, line)
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip()
    ]


def parse_row(number: int, line: str) -> BatchRow:
    """One line as a row; the id is kept even when the article is bad."""
    try:
        row = json.loads(line)
    except (json.JSONDecodeError, RecursionError, ValueError) as exc:
        return BatchRow(number, None, None, f"not JSON ({getattr(exc, 'msg', type(exc).__name__)})")
    if not isinstance(row, dict):
        return BatchRow(number, None, None, 'expected an object {"id", "article"}')
    ident, article = row.get("id"), row.get("article")
    if not isinstance(article, str):
        problem = "no article" if article is None else "article is not a string"
        return BatchRow(number, ident, None, problem)
    return BatchRow(number, ident, article)


def summarize_batch(
    name: str,
    rows: list[BatchRow],
    summarize: Callable[[Article], Summary],
    *,
    note: Callable[[str], None],
) -> Iterator[BatchResult]:
    """One result per row, in order, as each is done; a failed row is noted and carries its error."""
    for row in rows:
        where = f"{name}:{row.line}"
        try:
            if row.article is None:
                raise InputError(where, row.problem)
            article = parse_article(row.article, source=where, kind=kind_of(STDIN, row.article))
            yield BatchResult(row.ident, "\n".join(summarize(article).sentences))
        except InputError as exc:
            note(str(exc))
            yield BatchResult(row.ident, error=exc.problem)
