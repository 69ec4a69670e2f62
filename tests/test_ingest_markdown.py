"""Markdown read with a real parser: sentences verbatim minus markup, no definitions, code or comments."""

from __future__ import annotations

import json
from pathlib import Path

from support import run_cli

from briefing.ingest import parse_article

ARTICLE = """---
title: "Front matter is not the story"
author: Someone
---

# Night buses return to the valley

The first night bus left [Station Square (north side)](https://example.org/maps/square_(north)) at 00:15 on Saturday.
Riders can check `route_7_night` times on the [timetable][tt] or at <https://example.org/buses>.
The council's transport_budget_2027 line pays for the trial.[^cost]

<!-- editor: check the fare before publishing -->

    print("indented code is not article text")

```python
also_not_text = True
```

## What riders said

* Maria Lund said the *late* bus meant she could **finally** take evening shifts.
* A driver said the route was quiet but \\*growing\\*.

> "We will count every passenger," said the operator.

| stop | time |
|------|------|
| Square | 00:15 |

[tt]: https://example.org/timetable "Timetable"
[^cost]: The trial costs 40,000 a month.
"""


def _article() -> tuple[str, tuple[str, ...], list[str]]:
    article = parse_article(ARTICLE, source="buses.md", kind="markdown")
    headings = [b.sentences[0] for b in article.blocks if b.is_heading]
    return article.title, article.sentences, headings


def test_sentences_are_verbatim_without_markup() -> None:
    title, sentences, headings = _article()
    assert title == "Night buses return to the valley"
    assert headings == ["What riders said"]
    assert sentences == (
        "The first night bus left Station Square (north side) at 00:15 on Saturday.",
        "Riders can check route_7_night times on the timetable or at https://example.org/buses.",
        "The council's transport_budget_2027 line pays for the trial.",
        "Maria Lund said the late bus meant she could finally take evening shifts.",
        "A driver said the route was quiet but *growing*.",
        '"We will count every passenger," said the operator.',
    )


def test_definitions_comments_code_tables_and_front_matter_are_not_text() -> None:
    _, sentences, _ = _article()
    text = " ".join(sentences)
    for absent in (
        "Front matter",
        "Someone",
        "editor:",
        "indented code",
        "also_not_text",
        "example.org/timetable",
        "40,000",
        "Square | 00:15",
        "[",
        "]",
    ):
        assert absent not in text


def test_read_and_summarize_agree_on_a_markdown_file(tmp_path: Path) -> None:
    path = tmp_path / "buses.md"
    path.write_text(ARTICLE, encoding="utf-8")
    read = json.loads(run_cli("read", str(path), "--json").stdout)
    summary = json.loads(run_cli("summarize", str(path), "--json", "-n", "2").stdout)
    assert read["title"] == summary["title"] == "Night buses return to the valley"
    assert all(read["sentences"][p["index"]] == p["text"] for p in summary["sentences"])
    assert read["text"].split("\n\n")[1] == "What riders said"
