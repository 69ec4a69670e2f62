"""The JSONL batch of `summarize --jsonl`: lines {"id", "article"} in, {"id", "summary"} out."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from briefing.errors import InputError
from briefing.ingest import STDIN, decode, parse_article
from briefing.models import Article, Summary

JSONValue = str | int | float | bool | None | list[object] | dict[str, object]


@dataclass(frozen=True)
class BatchRow:
    """One input line: its line number (for messages), its caller-chosen id and article text."""

    line: int
    ident: JSONValue
    article: str


@dataclass(frozen=True)
class BatchResult:
    """One output line: the id given back unchanged, the summary's sentences joined by newlines."""

    ident: JSONValue
    summary: str

    def to_json(self) -> str:
        return json.dumps({"id": self.ident, "summary": self.summary}, ensure_ascii=False)


def read_batch(name: str) -> list[BatchRow]:
    """Every row of the batch file (or stdin for "-"), checked before any is summarized.

    Checking first means a bad line fails the run with nothing printed.

    Raises:
        InputError: the file can't be read, or a line is not {"id", "article": str}.
    """
    try:
        raw = Path(name).read_bytes() if name != STDIN else sys.stdin.buffer.read()
    except OSError as exc:
        raise InputError(name, exc.strerror or "can't be read") from None
    return parse_batch(name, decode(name, raw))


def parse_batch(name: str, text: str) -> list[BatchRow]:
    """The rows of a batch's text; blank lines are skipped.

    Raises:
        InputError: a line is not {"id", "article": str} (the message names the line).
    """
    rows: list[BatchRow] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            ident, article = row["id"], row["article"]
            if not isinstance(article, str):
                raise TypeError("article is not a string")
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise InputError(name, f'line {number}: expected {{"id", "article"}} ({exc})') from None
        rows.append(BatchRow(number, ident, article))
    return rows


def summarize_batch(
    name: str,
    rows: list[BatchRow],
    summarize: Callable[[Article], Summary],
    *,
    note: Callable[[str], None],
) -> Iterator[BatchResult]:
    """One result per row, in order, as each is done.

    An article with no text gets an empty summary and a `note`, so the output
    keeps one line per input.
    """
    for row in rows:
        try:
            article = parse_article(row.article, source=f"{name}:{row.line}")
            text = "\n".join(summarize(article).sentences)
        except InputError as exc:
            note(str(exc))
            text = ""
        yield BatchResult(row.ident, text)
