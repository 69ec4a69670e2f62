"""briefing: news articles -> extractive summary -> Markdown/HTML -> spoken audio.

The core API, free of any user interface: read an article, summarize it, assemble
a briefing, render and export it. The CLI and the Textual app are thin shells over it.
"""

from __future__ import annotations

from briefing.assemble import briefing_from
from briefing.errors import (
    BriefingError,
    EngineError,
    InputError,
    OutputError,
    UsageError,
    VoiceError,
)
from briefing.export import export_briefing, slugify
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
from briefing.summarize import DEFAULT_METHOD, METHODS, Length, summarize

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
