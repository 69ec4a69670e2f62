"""What the editor works on: the open articles (or a reopened briefing) and their selections.

No Textual here: this is bookkeeping over the core API, so it can be tested and
used by the CLI before the app starts (input errors end the command, not the app).
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import asdict, dataclass, field
from pathlib import Path

from briefing.drafts import (
    Draft,
    DraftStory,
    discard_draft,
    draft_path,
    load_draft_reporting,
    save_draft,
)
from briefing.errors import BriefingError, InputError, UsageError
from briefing.ingest import MAX_BYTES, STDIN, read_article, read_text
from briefing.models import Article, Summary
from briefing.render import from_markdown, is_briefing_markdown, split_front_matter
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


def step_length(length: Length, delta: int) -> Length:
    """The length one step longer (+1) or shorter (-1), in the length's own unit."""
    if length.words is not None:
        return Length(words=max(10, length.words + 10 * delta))
    if length.ratio is not None:
        return Length(ratio=round(min(1.0, max(0.05, length.ratio + 0.05 * delta)), 2))
    return Length(sentences=max(1, (length.sentences or 5) + delta))


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
    if "://" in source:  # a web page is the same input wherever it is opened from
        return source
    return str(Path(source).resolve())


def open_inputs(
    sources: Sequence[str],
    *,
    method: str,
    length: Length,
    max_bytes: int = MAX_BYTES,
    language: str | None = None,
) -> Opening:
    """Read the articles (or one exported briefing) to edit; `language` overrides detection.

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
            text = read_text(source, max_bytes=max_bytes)
            if is_briefing_markdown(text):
                if len(sources) > 1:
                    raise UsageError(f"{source} is a briefing; reopen it on its own")
                return _reopen(source, text, method=method, length=length, max_bytes=max_bytes)
    entries: list[Entry] = []
    identities: list[str] = []
    for source in sources:
        article = read_article(source, max_bytes=max_bytes, language=language)
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


# ---- drafts ------------------------------------------------------------------------------


def _length_dict(length: Length) -> dict[str, float]:
    return {k: v for k, v in asdict(length).items() if v is not None}


def draft_of(opening: Opening, text: str, *, voice: str, rate: int) -> Draft:
    """The editor's work as a draft: the text and each story's method, length and selection."""
    stories = tuple(
        DraftStory(e.source, e.method, _length_dict(e.length), tuple(sorted(e.selected)))
        for e in opening.entries
    )
    return Draft(key=opening.draft_key, text=text, stories=stories, voice=voice, rate=rate)


def restore_stories(entries: list[Entry], draft: Draft) -> bool:
    """Put each story's method, length and selection back from the draft, in the draft's order.

    Stories are matched by source. Returns False (and leaves the order alone) when the
    articles no longer match the draft's stories; the matched ones are still restored.
    """
    by_source: dict[str, list[Entry]] = {}
    for entry in entries:
        by_source.setdefault(entry.source, []).append(entry)
    ordered: list[Entry] = []
    for story in draft.stories:
        matches = by_source.get(story.source)
        if not matches:
            break
        entry = matches.pop(0)
        with contextlib.suppress(TypeError, ValueError):
            entry.length = Length(**story.length)  # type: ignore[arg-type]
        if story.method in METHODS:
            entry.method = story.method
        entry.selected = {i for i in story.selected if 0 <= i < len(entry.sentences)}
        ordered.append(entry)
    if len(ordered) != len(entries):
        return False
    entries[:] = ordered
    return True


class DraftKeeper:
    """The autosaved draft of one set of inputs: written only when the work changed.

    The one place that writes, reads and forgets the draft file, so whatever else
    must save it (a timer, quitting, a signal) calls `keep`.
    """

    def __init__(self, key: str) -> None:
        self.key = key
        self.last: Draft | None = None
        """The draft as last written (None when there is none on disk from this session)."""
        self._warned = False
        self.problem: str | None = None
        """Why the draft found at start could not be offered."""
        self.elsewhere: Path | None = None
        """Where the draft went when the drafts folder can't be written."""

    def load(self) -> Draft | None:
        """The draft on disk; a broken one is set aside and `problem` says so."""
        draft, self.problem = load_draft_reporting(self.key)
        return draft

    def restored(self, draft: Draft) -> None:
        """The user took `draft` back: it is what's on disk."""
        self.last = draft

    def keep(self, draft: Draft) -> str:
        """Write `draft` unless it holds the same work; a problem to tell the user, said once."""
        if draft.same_as(self.last):
            return ""
        try:
            path = save_draft(draft)
        except BriefingError as exc:
            if self._warned:
                return ""
            self._warned = True
            return f"Can't autosave the draft: {exc}"
        self.last = draft
        if path != draft_path(self.key) and self.elsewhere != path:
            self.elsewhere = path
            return f"The drafts folder can't be written: the draft is kept in {path}"
        return ""

    def forget(self) -> None:
        """Remove the draft (the work was saved, or the user discarded it)."""
        discard_draft(self.key)
        self.last = None
