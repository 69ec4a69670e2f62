"""briefing: news articles -> extractive summary -> Markdown/HTML -> spoken audio.

The core API, free of any user interface: read an article, summarize it, assemble
a briefing, render and export it. The CLI and the Textual app are thin shells over it.
Names load on first use, so `briefing --help` starts without importing the pipeline.
"""

from __future__ import annotations

import importlib

# `summarize` names both a subpackage and its main function; importing the
# (light) subpackage here makes the function win, as users expect.
from briefing.summarize import DEFAULT_METHOD, METHODS, summarize

TYPE_CHECKING = False  # not typing's: `briefing --help` imports this module (test_startup.py)
if TYPE_CHECKING:
    from typing import Any

    from briefing.assemble import briefing_from
    from briefing.errors import (
        BriefingError,
        EngineError,
        InputError,
        OutputError,
        UsageError,
        VoiceError,
    )
    from briefing.export import export_briefing
    from briefing.files import slugify
    from briefing.ingest import parse_article, read_article
    from briefing.models import (
        Article,
        Audio,
        Block,
        Briefing,
        Pick,
        Story,
        Summary,
        VoiceProfile,
        WordMark,
    )
    from briefing.render import from_markdown, to_html, to_markdown
    from briefing.summarize.length import Length

_LAZY = {
    "Length": "briefing.summarize.length",
    "briefing_from": "briefing.assemble",
    **dict.fromkeys(
        ["BriefingError", "EngineError", "InputError", "OutputError", "UsageError", "VoiceError"],
        "briefing.errors",
    ),
    "export_briefing": "briefing.export",
    "slugify": "briefing.files",
    "parse_article": "briefing.ingest",
    "read_article": "briefing.ingest",
    **dict.fromkeys(
        [
            "Article",
            "Audio",
            "Block",
            "Briefing",
            "Pick",
            "Story",
            "Summary",
            "VoiceProfile",
            "WordMark",
        ],
        "briefing.models",
    ),
    "from_markdown": "briefing.render",
    "to_html": "briefing.render",
    "to_markdown": "briefing.render",
}


def __getattr__(name: str) -> Any:
    try:
        module = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'briefing' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "DEFAULT_METHOD",
    "METHODS",
    "Article",
    "Audio",
    "Block",
    "Briefing",
    "BriefingError",
    "EngineError",
    "InputError",
    "Length",
    "OutputError",
    "Pick",
    "Story",
    "Summary",
    "UsageError",
    "VoiceError",
    "VoiceProfile",
    "WordMark",
    "briefing_from",
    "export_briefing",
    "from_markdown",
    "parse_article",
    "read_article",
    "slugify",
    "summarize",
    "to_html",
    "to_markdown",
]
