"""The JSONL batch of `summarize --jsonl`: lines {"id", "article"} in, {"id", "summary"} out."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from briefing.errors import InputError
from briefing.ingest import STDIN, kind_of, parse_article, read_text
from briefing.models import Article, Summary

JSONValue = str | int | float | bool | None | list[object] | dict[str, object]


BATCH_MAX_BYTES = 256 * 1024 * 1024
"""A batch holds many articles: its own default size limit, still enforced while reading."""
MAX_ID_INT = 2**63
"""Integer ids beyond 64 bits are refused: the tools reading our output can't keep them exact."""


@dataclass(frozen=True)
class BatchRow:
    """One input line: its line number (for messages), its caller-chosen id and article text."""

    line: int
    ident: JSONValue
    article: str
    error: str = ""
    """Why the line can't be summarized ("" for a good line); the batch goes on without it."""


@dataclass(frozen=True)
class BatchResult:
    """One output line: the id given back unchanged, the summary's sentences joined by newlines."""

    ident: JSONValue
    summary: str
    error: str = ""
    line: int = 0
    """The input line number, given with an error whose line had no usable id."""

    def to_json(self) -> str:
        if not self.error:
            return json.dumps({"id": self.ident, "summary": self.summary}, ensure_ascii=False)
        numbered = {"line": self.line} if self.ident is None and self.line else {}
        return json.dumps({"id": self.ident, **numbered, "error": self.error}, ensure_ascii=False)


def read_batch(name: str, *, max_bytes: int = BATCH_MAX_BYTES) -> list[BatchRow]:
    """Every row of the batch file (or stdin for "-"), each line checked on its own.

    Raises:
        InputError: the file can't be read (missing, too large, not text).
    """
    return parse_batch(name, read_text(name, max_bytes=max_bytes))


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON number")


def _unusable(value: object, depth: int = 0) -> str:
    """Why a decoded value can't be given back as JSON text ("" when it can)."""
    if depth > 20:
        return "nested too deeply"
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return "has a lone surrogate (not valid Unicode)"
        return ""
    if isinstance(value, bool) or value is None or isinstance(value, float):
        return ""
    if isinstance(value, int):
        return "" if -MAX_ID_INT < value < MAX_ID_INT else "is an integer too large to keep exact"
    items = value.items() if isinstance(value, dict) else value if isinstance(value, list) else ()
    for item in items:
        for part in item if isinstance(value, dict) else (item,):
            if problem := _unusable(part, depth + 1):
                return problem
    return ""


def _row(number: int, line: str) -> BatchRow:
    """One line as a row; a line that isn't {"id", "article": str} gets its reason as `error`."""
    try:
        row = json.loads(line, parse_constant=_refuse_constant)
    except RecursionError:
        return BatchRow(number, None, "", "nested too deeply to read")
    except ValueError as exc:  # JSONDecodeError, and integers past the conversion limit
        return BatchRow(number, None, "", f"not JSON ({str(exc)[:80]})")
    if not isinstance(row, dict) or "id" not in row or "article" not in row:
        return BatchRow(number, None, "", 'expected {"id", "article"}')
    ident = row["id"]
    if problem := _unusable(ident):
        return BatchRow(number, None, "", f"id {problem}")
    article = row["article"]
    if not isinstance(article, str):
        return BatchRow(number, ident, "", 'expected {"id", "article"} (article is not a string)')
    if problem := _unusable(article):
        return BatchRow(number, ident, "", f"article {problem}")
    return BatchRow(number, ident, article)


def parse_batch(name: str, text: str) -> list[BatchRow]:
    """The rows of a batch's text, bad lines included (with their `error`); blank lines are skipped."""
    return [_row(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]


def summarize_batch(
    name: str,
    rows: list[BatchRow],
    summarize: Callable[[Article], Summary],
    *,
    note: Callable[[str], None],
) -> Iterator[BatchResult]:
    """One result per row, in order, as each is done.

    A line that can't be summarized (bad JSON, no article, no text in it) gets an
    error result and a `note`, so the output keeps one line per input.
    """
    for row in rows:
        if row.error:
            note(f"{name}: line {row.line}: {row.error}")
            yield BatchResult(row.ident, "", f"line {row.line}: {row.error}", row.line)
            continue
        try:
            kind = kind_of(STDIN, row.article)  # HTML in a line is read as a page
            article = parse_article(row.article, source=f"{name}:{row.line}", kind=kind)
            text = "\n".join(summarize(article).sentences)
        except InputError as exc:
            note(str(exc))
            yield BatchResult(row.ident, "", exc.problem, row.line)
            continue
        yield BatchResult(row.ident, text)
