"""What the editor works on: the open articles (or a reopened briefing) and their selections.

No Textual here: this is bookkeeping over the core API, so it can be tested and
used by the CLI before the app starts (input errors end the command, not the app).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from briefing.errors import InputError, UsageError
from briefing.ingest import MAX_BYTES, STDIN, decode, read_article
from briefing.models import Article, Summary
from briefing.render import from_markdown, split_front_matter
from briefing.summarize import summarize
from briefing.summarize.length import Length
from briefing.summarize.registry import METHODS
from briefing.tui.document import Place, present_indices

BRIEFING_SUFFIXES = frozenset({".md", ".markdown"})


@dataclass
class Entry:
    """One story of the briefing being edited: its article, method, length and chosen sentences."""

    source: str
    article: Article | None
    """None when a reopened briefing's source can't be read: its text is edited by hand only."""
    headline: str
    method: str
    length: Length
    selected: set[int] = field(default_factory=set)
    summary: Summary | None = None
    """The latest summary of the article, for the scores shown next to each sentence."""
    generation: int = 0
    """Bumped whenever a new summary is asked for, so a late, stale result is ignored."""

    @property
    def sentences(self) -> tuple[str, ...]:
        return self.article.sentences if self.article else ()

    @property
    def scores(self) -> tuple[float, ...]:
        return self.summary.scores if self.summary else ()

    def neighbours(self, index: int) -> tuple[list[str], list[str]]:
        """The chosen sentences before `index` and after it, each nearest first."""
        sentences = self.sentences
        before = [sentences[i] for i in sorted(self.selected, reverse=True) if i < index]
        after = [sentences[i] for i in sorted(self.selected) if i > index]
        return before, after


@dataclass
class Opening:
    """What `briefing edit` was asked to open."""

    entries: list[Entry]
    text: str | None = None
    """The reopened briefing's Markdown; None for articles (their briefing is generated)."""
    identities: tuple[str, ...] = ()
    """Stable names of the inputs (absolute paths, or a hash of stdin) that key the draft."""
    path: Path | None = None
    """The reopened briefing file, if one was opened."""

    _prefetched: dict[tuple[int, str, Length], Future[Summary]] = field(
        default_factory=dict, repr=False
    )

    def prefetch(self) -> None:
        """Start summarizing every article now, on a background thread.

        Called before the app is even imported: loading the summarizers and the
        user interface at the same time puts the first summary on screen sooner.
        """
        if self._prefetched:
            return
        jobs: list[tuple[Article, str, Length, Future[Summary]]] = []
        for entry in self.entries:
            if entry.article is not None:
                future: Future[Summary] = Future()
                self._prefetched[(id(entry), entry.method, entry.length)] = future
                jobs.append((entry.article, entry.method, entry.length, future))

        def run() -> None:
            for article, method, length, future in jobs:
                if future.set_running_or_notify_cancel():
                    try:
                        future.set_result(summarize(article, method, length))
                    except BaseException as exc:  # handed to whoever takes the result
                        future.set_exception(exc)

        if jobs:
            threading.Thread(target=run, name="briefing-prefetch", daemon=True).start()

    def take(self, entry: Entry, method: str, length: Length) -> Future[Summary] | None:
        """The prefetched summary of `entry` with that method and length, if one was started."""
        return self._prefetched.pop((id(entry), method, length), None)

    @property
    def draft_key(self) -> str:
        joined = "\n".join(sorted(self.identities))
        return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:20]


def place_of(entries: Sequence[Entry], index: int) -> Place:
    """Where entry `index` lives in the document (the whole body when it is the only story)."""
    if len(entries) == 1:
        return Place(None)
    headline = entries[index].headline
    occurrence = sum(1 for e in entries[:index] if e.headline == headline)
    return Place(headline, occurrence)


def _identity(source: str, article: Article | None = None, text: str = "") -> str:
    if source == STDIN:
        content = article.text if article else text
        return "stdin:" + hashlib.sha256(content.encode("utf-8")).hexdigest()
    return str(Path(source).resolve())


def _read_text(source: str, max_bytes: int) -> str:
    path = Path(source)
    try:
        if path.is_dir():
            raise InputError(source, "is a directory, not a file")
        if path.stat().st_size > max_bytes:
            raise InputError(source, f"file is over the {max_bytes:,}-byte limit (see --max-bytes)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(source, "no such file") from None
    except PermissionError:
        raise InputError(source, "permission denied") from None
    except OSError as exc:
        raise InputError(source, exc.strerror or "can't be read") from None
    return decode(source, data)


def is_briefing(text: str) -> bool:
    """A Markdown file written by `briefing make`/`edit` (front matter with title and method)."""
    meta, _ = split_front_matter(text)
    return "title" in meta and "method" in meta


def open_inputs(
    sources: Sequence[str],
    *,
    method: str,
    length: Length,
    max_bytes: int = MAX_BYTES,
) -> Opening:
    """Read the articles (or one exported briefing) to edit.

    Raises:
        InputError: an input can't be read or has no text.
        UsageError: a briefing is mixed with other inputs, or stdin is given twice.
    """
    if length.sentences is None and length.words is None and length.ratio is None:
        length = Length.default()
    if list(sources).count(STDIN) > 1:
        raise UsageError("stdin (-) can be given only once")
    for source in sources:
        if source != STDIN and Path(source).suffix.lower() in BRIEFING_SUFFIXES:
            text = _read_text(source, max_bytes)
            if is_briefing(text):
                if len(sources) > 1:
                    raise UsageError(f"{source} is a briefing; reopen it on its own")
                return _reopen(source, text, method=method, length=length, max_bytes=max_bytes)
    entries: list[Entry] = []
    identities: list[str] = []
    for source in sources:
        article = read_article(source, max_bytes=max_bytes)
        entries.append(Entry(article.source, article, article.title, method, length))
        identities.append(_identity(source, article))
    return Opening(entries=entries, identities=tuple(identities))


def _reopen(source: str, text: str, *, method: str, length: Length, max_bytes: int) -> Opening:
    """A briefing file back into entries; its sources are reloaded when they can still be read."""
    briefing = from_markdown(text)
    meta, _ = split_front_matter(text)
    saved_method = str(meta.get("method", ""))
    entries: list[Entry] = []
    for story in briefing.stories:
        story_source = story.sources[0] if story.sources else ""
        article = _try_article(story_source, Path(source).parent, max_bytes)
        entry_method = saved_method if saved_method in METHODS else method
        entries.append(
            Entry(story_source or story.headline, article, story.headline, entry_method, length)
        )
    for index, entry in enumerate(entries):
        if entry.article is not None:
            entry.selected = present_indices(text, place_of(entries, index), entry.sentences)
            if entry.selected:
                entry.length = Length(sentences=len(entry.selected))
    return Opening(
        entries=entries,
        text=text,
        identities=(_identity(source),),
        path=Path(source).resolve(),
    )


def _try_article(source: str, beside: Path, max_bytes: int) -> Article | None:
    """The article at `source` (as given, or next to the briefing), or None if it's not there."""
    if not source or "://" in source or source == "stdin":
        return None
    for candidate in (Path(source), beside / source):
        if candidate.is_file():
            try:
                return read_article(str(candidate), max_bytes=max_bytes)
            except InputError:
                return None
    return None
