"""What the editor works on: the open articles (or a reopened briefing) and their selections.

No Textual here: this is bookkeeping over the core API, so it can be tested and
used by the CLI before the app starts (input errors end the command, not the app).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from briefing.drafts import (
    Draft,
    DraftLock,
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
    identity: str = ""
    """Where the article really is (resolved real path, URL, or stdin's hash): the same
    article however its path was typed."""
    digest: str = ""
    """A hash of the article's text, so an article changed since a draft or save is noticed."""

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


def words_step(article: Article | None) -> int:
    """About one sentence's worth of words: what + and - add or take away in words."""
    sentences = article.sentences if article else ()
    if not sentences:
        return 10
    mean = sum(len(s.split()) for s in sentences) / len(sentences)
    return max(5, round(mean / 5) * 5)


def step_length(length: Length, delta: int, *, words: int = 10) -> Length:
    """The length one step longer (+1) or shorter (-1), in the length's own unit.

    Args:
        words: the step when the unit is words (see `words_step`).
    """
    if length.words is not None:
        return Length(words=max(words, length.words + words * delta))
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
    changed: tuple[str, ...] = ()
    """Headlines of the reopened briefing's articles whose text changed since it was saved."""

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


def content_digest(article: Article) -> str:
    """The hash that tells whether an article's text changed."""
    return hashlib.sha256(article.text.encode("utf-8")).hexdigest()


def _identity(source: str, article: Article | None = None, text: str = "") -> str:
    """The input's identity: its real path (however it was typed), its URL, or stdin's hash."""
    if source == STDIN:
        content = article.text if article else text
        return "stdin:" + hashlib.sha256(content.encode("utf-8")).hexdigest()
    if "://" in source:
        return source
    return os.path.realpath(source)


def _entry(source: str, article: Article, method: str, length: Length) -> Entry:
    return Entry(
        article.source,
        article,
        article.title,
        method,
        length,
        identity=_identity(source, article),
        digest=content_digest(article),
    )


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
        entry = _entry(source, article, method, length)
        entries.append(entry)
        identities.append(entry.identity)
    return Opening(entries=entries, identities=tuple(identities))


def _reopen(source: str, text: str, *, method: str, length: Length, max_bytes: int) -> Opening:
    """A briefing file back into entries; its sources are reloaded when they can still be read.

    Each story's article is looked for where the front matter's `articles` says it
    is (an absolute path, so this works from any folder), then as the Source line
    gives it, from here and beside the briefing.
    """
    briefing = from_markdown(text)
    meta, _ = split_front_matter(text)
    saved_method = str(meta.get("method", ""))
    recorded = _recorded_articles(meta)
    entries: list[Entry] = []
    changed: list[str] = []
    for number, story in enumerate(briefing.stories):
        story_source = story.sources[0] if story.sources else ""
        known = recorded[number] if number < len(recorded) else {}
        candidates = [known.get("source", ""), story_source]
        found = _try_article(candidates, Path(source).parent, max_bytes)
        entry_method = saved_method if saved_method in METHODS else method
        if found is None:
            entries.append(
                Entry(story_source or story.headline, None, story.headline, entry_method, length)
            )
            continue
        where, article = found
        entry = _entry(where, article, entry_method, length)
        entry.source = story_source or article.source
        entry.headline = story.headline
        if known.get("sha256") and known["sha256"] != entry.digest:
            changed.append(story.headline)
        entries.append(entry)
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
        changed=tuple(changed),
    )


def _recorded_articles(meta: dict[str, object]) -> list[dict[str, str]]:
    """The front matter's `articles`: each story's absolute source and text hash, in order."""
    raw = meta.get("articles")
    if not isinstance(raw, list):
        return []
    return [
        {str(k): str(v) for k, v in item.items()} if isinstance(item, dict) else {} for item in raw
    ]


def articles_field(entries: Sequence[Entry]) -> list[dict[str, str]]:
    """What the saved briefing records of each story's article (see `_recorded_articles`)."""
    return [
        {"source": e.identity, "sha256": e.digest} if e.article is not None else {} for e in entries
    ]


def _try_article(
    candidates: Sequence[str], beside: Path, max_bytes: int
) -> tuple[str, Article] | None:
    """The first candidate source that reads as an article (as given, or beside the briefing)."""
    for source in candidates:
        if not source or "://" in source or source == "stdin" or source.startswith("stdin:"):
            continue
        for candidate in (Path(source), beside / source):
            if candidate.is_file():
                try:
                    return str(candidate), read_article(str(candidate), max_bytes=max_bytes)
                except InputError:
                    continue
    return None


# ---- drafts ------------------------------------------------------------------------------


def _length_dict(length: Length) -> dict[str, float]:
    return {k: v for k, v in asdict(length).items() if v is not None}


def draft_of(opening: Opening, text: str, *, voice: str, rate: int) -> Draft:
    """The editor's work as a draft: the text and each story's method, length and selection."""
    stories = tuple(
        DraftStory(
            e.identity or e.source,
            e.method,
            _length_dict(e.length),
            tuple(sorted(e.selected)),
            digest=e.digest,
        )
        for e in opening.entries
    )
    return Draft(key=opening.draft_key, text=text, stories=stories, voice=voice, rate=rate)


@dataclass(frozen=True)
class Restored:
    """How a draft's stories went back onto the open articles."""

    matched: bool
    """Every article matched one of the draft's stories (and took the draft's order)."""
    changed: tuple[str, ...] = ()
    """Headlines of articles whose text changed since the draft: marks found from the text."""


def restore_stories(entries: list[Entry], draft: Draft) -> Restored:
    """Put each story's method, length and selection back from the draft, in the draft's order.

    Stories are matched by the article's identity (its real path), so a path typed
    differently still matches. An article whose text changed since the draft gets
    its selection from the sentences found in the draft's text, not from indices
    that now point elsewhere. When the articles don't all match, the order is left
    alone; the matched ones are still restored.
    """
    pool = list(entries)
    ordered: list[Entry] = []
    changed: list[Entry] = []
    for story in draft.stories:
        entry = next((e for e in pool if story.source in (e.identity, e.source)), None)
        if entry is None:
            continue
        pool.remove(entry)
        with contextlib.suppress(TypeError, ValueError):
            entry.length = Length(**story.length)  # type: ignore[arg-type]
        if story.method in METHODS:
            entry.method = story.method
        if story.digest and entry.digest and story.digest != entry.digest:
            changed.append(entry)
        else:
            entry.selected = {i for i in story.selected if 0 <= i < len(entry.sentences)}
        ordered.append(entry)
    matched = not pool and len(ordered) == len(draft.stories)
    if matched:
        entries[:] = ordered
    for entry in changed:
        place = place_of(entries, entries.index(entry))
        entry.selected = present_indices(draft.text, place, entry.sentences)
    return Restored(matched, tuple(e.headline for e in changed))


class DraftKeeper:
    """The autosaved draft of one set of inputs: written only when the work changed.

    The one place that writes, reads, locks and forgets the draft file, so whatever
    else must save it (a timer, quitting, a signal) calls `keep`.
    """

    def __init__(self, key: str) -> None:
        self.key = key
        self.last: Draft | None = None
        """The draft as last written (None when there is none on disk from this session)."""
        self.read_only = False
        """Another editor has these inputs open: this one never writes or removes the draft."""
        self.failing = False
        """The last save failed: quitting can't promise to keep a draft."""
        self.problem = ""
        """What went wrong loading the draft, to tell the user ("" if nothing)."""
        self._lock = DraftLock(key)
        self._warned = False
        self.elsewhere: Path | None = None
        """Where the draft went when the drafts folder can't be written."""

    def lock(self) -> bool:
        """Claim the draft for this editor; False if another editor has it (see `read_only`)."""
        return self._lock.acquire()

    def release(self) -> None:
        self._lock.release()

    def load(self) -> Draft | None:
        """The saved draft; one that can't be read is set aside and `problem` says where."""
        draft, problem = load_draft_reporting(self.key)
        self.problem = problem or ""
        return draft

    def restored(self, draft: Draft) -> None:
        """The user took `draft` back: it is what's on disk."""
        self.last = draft

    def keep(self, draft: Draft) -> str:
        """Write `draft` unless it holds the same work; a problem to tell the user, said once."""
        if self.read_only or draft.same_as(self.last):
            return ""
        try:
            path = save_draft(draft)
        except BriefingError as exc:
            self.failing = True
            if self._warned:
                return ""
            self._warned = True
            return f"Can't autosave the draft: {exc}"
        self.failing = False
        self.last = draft
        if path != draft_path(self.key) and self.elsewhere != path:
            self.elsewhere = path
            return f"The drafts folder can't be written: the draft is kept in {path}"
        return ""

    def forget(self) -> None:
        """Remove the draft (the work was saved, or the user discarded it)."""
        if self.read_only:
            return
        with contextlib.suppress(OSError):
            discard_draft(self.key)
        self.last = None
