"""The user's briefing Markdown kept in step with a changing selection, one line at a time.

The Markdown text is the user's document: when a sentence joins or leaves the
summary, only that sentence's line is inserted or removed, so every other edit
survives. No Textual here; the app applies the results to its editor.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from briefing.render import (
    CONTENTS,
    anchor,
    escape,
    from_markdown,
    split_front_matter,
    to_markdown,
    unescape,
)

SIMILAR = 0.6
"""How alike (difflib ratio) an edited line must be to still count as a sentence's line."""

_SOURCE_LINE = re.compile(r"^Sources?: ")
_ASIDE = re.compile(r"^\*(\S.*\S|\S)\*$|^\* \* \*$")
"""An intro/outro line or the rule before the outro: never a sentence (sentences are escaped)."""
_OUTRO_RULE = "* * *"
_CONTENTS_ITEM = re.compile(r"^\d+\. \[.*\]\(#[^)]*\)$")


@dataclass(frozen=True)
class Place:
    """Where one article's story sits in the document.

    A one-story briefing has no `## ` headings: its story is the whole body
    after the `# ` title (headline None). In a briefing of several stories,
    each starts at a `## headline` line; `occurrence` tells apart stories
    that share a headline.
    """

    headline: str | None = None
    occurrence: int = 0


@dataclass(frozen=True)
class Found:
    """Where a sentence was found: its line number and how well it matched."""

    line: int
    how: str
    """"line" (the line is the sentence), "inline" (inside a longer line) or "similar" (edited)."""
    text: str


class SectionMissing(LookupError):
    """The story's `## ` heading is no longer in the text (the user edited or deleted it)."""

    def __init__(self, place: Place) -> None:
        super().__init__(f"the heading “{place.headline}” is no longer in the text")
        self.place = place


def sentence_line(sentence: str) -> str:
    """The line a sentence gets in the document (escaped so it stays literal Markdown)."""
    return escape(sentence)


def _body_start(lines: Sequence[str]) -> int:
    """The first line after the YAML front matter (0 when there is none)."""
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() == "---":
                return i + 1
    return 0


def _is_heading(line: str) -> bool:
    return line.startswith("#")


def _heading_text(line: str) -> str:
    return unescape(line.lstrip("#").strip().rstrip("#").strip())


def section(lines: Sequence[str], place: Place) -> tuple[int, int] | None:
    """The span [start, end) of a story's lines after its heading, or None if it's gone."""
    body = _body_start(lines)
    if place.headline is None:
        for i in range(body, len(lines)):
            if lines[i].startswith("# "):
                return i + 1, len(lines)
        return body, len(lines)
    seen = 0
    for i in range(body, len(lines)):
        line = lines[i]
        if line.startswith("## ") and _heading_text(line) == place.headline:
            if seen == place.occurrence:
                end = next(
                    (j for j in range(i + 1, len(lines)) if lines[j].startswith(("# ", "## "))),
                    len(lines),
                )
                return i + 1, end
            seen += 1
    return None


def story_sections(text: str) -> list[tuple[str, str]]:
    """Each `## ` story in the text, in order: (heading text, its Source line or "")."""
    lines = text.split("\n")
    stories: list[tuple[str, str]] = []
    for i in range(_body_start(lines), len(lines)):
        line = lines[i]
        if line.startswith("## ") and _heading_text(line) != CONTENTS:
            stories.append((_heading_text(line), ""))
        elif stories and not stories[-1][1] and _SOURCE_LINE.match(line.strip()):
            stories[-1] = (stories[-1][0], line.strip())
        elif line.startswith("# "):
            continue
    return stories


def _content(lines: Sequence[str], start: int, end: int) -> list[int]:
    """Line numbers of text lines in a span: not blank, not a heading, not the sources line."""
    return [
        i
        for i in range(start, end)
        if lines[i].strip()
        and not _is_heading(lines[i].lstrip())
        and not _SOURCE_LINE.match(lines[i].strip())
        and not _ASIDE.match(lines[i].strip())
    ]


def _find_in(
    lines: Sequence[str],
    rows: Sequence[int],
    sentence: str,
    *,
    similar: bool,
    known: Collection[str],
) -> Found | None:
    escaped = sentence_line(sentence)
    for i in rows:
        line = lines[i].strip()
        if line == escaped or unescape(line) == sentence:
            return Found(i, "line", lines[i])
    for i in rows:
        if escaped in lines[i] or sentence in lines[i]:
            return Found(i, "inline", lines[i])
    if not similar:
        return None
    best: Found | None = None
    best_ratio = SIMILAR
    for i in rows:
        line = unescape(lines[i].strip())
        if line in known:
            continue  # that line is another sentence, unedited
        matcher = SequenceMatcher(None, line, sentence, autojunk=False)
        if matcher.quick_ratio() < best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio >= best_ratio:
            best, best_ratio = Found(i, "similar", lines[i]), ratio
    return best


def find_sentence(
    text: str, place: Place, sentence: str, *, known: Collection[str] = ()
) -> Found | None:
    """Find a sentence in its story: as its own line, inside a line, or edited (similar).

    Args:
        known: sentences whose exact lines must never be taken for an edited `sentence`.
    """
    lines = text.split("\n")
    span = section(lines, place)
    if span is None:
        return None
    rows = _content(lines, *span)
    return _find_in(lines, rows, sentence, similar=True, known=known)


def remove_sentence(text: str, found: Found, sentence: str) -> str:
    """The text without the sentence found at `found` (its line, or its words inside a line)."""
    lines = text.split("\n")
    if found.how == "inline":
        line = lines[found.line]
        escaped = sentence_line(sentence)
        piece = escaped if escaped in line else sentence
        rest = re.sub(r"[ \t]{2,}", " ", line.replace(piece, "", 1)).strip()
        if rest:
            lines[found.line] = rest
            return "\n".join(lines)
    del lines[found.line]
    row = found.line
    # Don't leave two blank lines where a one-sentence paragraph used to be.
    if 0 < row < len(lines) and not lines[row].strip() and not lines[row - 1].strip():
        del lines[row]
    return "\n".join(lines)


def add_sentence(
    text: str,
    place: Place,
    sentence: str,
    *,
    before: Sequence[str] = (),
    after: Sequence[str] = (),
) -> str:
    """The text with `sentence` on its own line in its story, in article order.

    Args:
        before: the chosen sentences that come before it in the article, nearest first.
        after: the chosen sentences that come after it, nearest first.

    Raises:
        SectionMissing: the story's heading can't be found.
    """
    lines = text.split("\n")
    span = section(lines, place)
    if span is None:
        raise SectionMissing(place)
    start, end = span
    rows = _content(lines, start, end)
    new = sentence_line(sentence)
    for other in before:
        found = _find_in(lines, rows, other, similar=False, known=())
        if found:
            lines.insert(found.line + 1, new)
            return "\n".join(lines)
    for other in after:
        found = _find_in(lines, rows, other, similar=False, known=())
        if found:
            lines.insert(found.line, new)
            return "\n".join(lines)
    # The story's text ends at its sources line, or at the rule before the outro.
    stop = next((i for i in range(start, end) if _ends_story(lines[i])), end)
    earlier = [i for i in rows if i < stop]
    if earlier:
        lines.insert(earlier[-1] + 1, new)
        return "\n".join(lines)
    # An empty story: heading (and any intro line), blank line, the sentence, blank line,
    # then whatever followed.
    insert_at = start
    for i in range(start, stop):
        if _ASIDE.match(lines[i].strip()):
            insert_at = i + 1
    first = next((i for i in range(insert_at, len(lines)) if lines[i].strip()), len(lines))
    first = min(first, max(stop, insert_at))
    lines[insert_at:first] = ["", new, ""]
    return "\n".join(lines)


def _ends_story(line: str) -> bool:
    """A sources line, or the rule that opens the outro: a story's sentences come before it."""
    stripped = line.strip()
    return bool(_SOURCE_LINE.match(stripped)) or stripped == _OUTRO_RULE


def _span_with_heading(lines: Sequence[str], place: Place) -> tuple[int, int]:
    span = section(lines, place)
    if span is None or place.headline is None:
        raise SectionMissing(place)
    return span[0] - 1, span[1]


def swap_sections(text: str, first: Place, second: Place) -> str:
    """The text with two stories (heading and all) swapped; `first` must come before `second`.

    Raises:
        SectionMissing: a story's heading can't be found.
    """
    lines = text.split("\n")
    a_start, a_end = _span_with_heading(lines, first)
    b_start, b_end = _span_with_heading(lines, second)
    if a_start > b_start:
        (a_start, a_end), (b_start, b_end) = (b_start, b_end), (a_start, a_end)

    def trimmed(span: list[str]) -> list[str]:
        while span and not span[-1].strip():
            span = span[:-1]
        return span

    a = trimmed(list(lines[a_start:a_end]))
    b = trimmed(list(lines[b_start:b_end]))
    middle = trimmed(list(lines[a_end:b_start]))
    tail = lines[b_end:]
    result = list(lines[:a_start]) + b + [""]
    if middle:
        result += [*middle, ""]
    result += [*a, ""]
    if tail:
        result += tail
    return "\n".join(result)


def refresh_contents(text: str) -> str:
    """The text with its "## Contents" list renumbered and relinked to the stories as they are now.

    Only the numbered links are rewritten; anything else the user put there stays.
    """
    lines = text.split("\n")
    body = _body_start(lines)
    heading = f"## {CONTENTS}"
    start = next((i for i in range(body, len(lines)) if lines[i].strip() == heading), None)
    if start is None:
        return text
    end = next(
        (j for j in range(start + 1, len(lines)) if lines[j].startswith(("# ", "## "))),
        len(lines),
    )
    items = [i for i in range(start + 1, end) if _CONTENTS_ITEM.match(lines[i].strip())]
    headlines = [
        _heading_text(line)
        for line in lines[end:]
        if line.startswith("## ") and line.strip() != heading
    ]
    used: dict[str, int] = {}
    fresh: list[str] = []
    for number, headline in enumerate(headlines, start=1):
        slug = anchor(headline)
        used[slug] = used.get(slug, -1) + 1
        if used[slug]:
            slug = f"{slug}-{used[slug]}"
        fresh.append(f"{number}. [{escape(headline)}](#{slug})")
    if not items:
        return text
    lines[items[0] : items[-1] + 1] = fresh
    return "\n".join(lines)


def with_front_matter(
    body: str,
    *,
    day: dt.date,
    method: str | None = None,
    keep_from: str = "",
    fields: Mapping[str, object] | None = None,
) -> str:
    """The whole briefing file: front matter made from the body as it is now, then the body.

    The user edits only the body; title, sources and counts in the front matter
    follow from it, so they can never disagree with what was written.

    Args:
        method: the summarizing method(s) to record.
        keep_from: an earlier version of the file whose other front matter fields are kept.
        fields: more fields to record (written as JSON), e.g. each story's article identity.
    """
    _, body = split_front_matter(body)
    body = body.strip("\n") + "\n"
    briefing = from_markdown(body, day=day)
    if method:
        stories = tuple(replace(story, method=method) for story in briefing.stories)
        briefing = replace(briefing, stories=stories)
    rendered = to_markdown(replace(briefing, audio_seconds=None))
    close = rendered.index("\n---\n", 3)
    head = rendered[:close].split("\n")
    for key, value in (fields or {}).items():
        head.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    ours = {line.partition(":")[0] for line in head[1:]}
    old = keep_from.split("\n")
    if keep_from and old[0].strip() == "---":
        for line in old[1 : _body_start(old) - 1]:
            key, sep, _ = line.partition(":")
            if sep and key.strip() not in ours and key.strip() != "audio_seconds":
                head.append(line)
    return "\n".join([*head, "---", "", body])


def selected_states(
    text: str, place: Place, sentences: Sequence[str], selected: Collection[int]
) -> dict[int, str]:
    """For each chosen sentence: "ok" (in the text as is), "edited" (changed) or "missing"."""
    lines = text.split("\n")
    span = section(lines, place)
    states: dict[int, str] = {}
    rows = _content(lines, *span) if span else []
    known = {sentences[i] for i in selected if 0 <= i < len(sentences)}
    for i in selected:
        if not 0 <= i < len(sentences):
            continue
        found = _find_in(lines, rows, sentences[i], similar=True, known=known - {sentences[i]})
        if found is None:
            states[i] = "missing"
        else:
            states[i] = "edited" if found.how == "similar" else "ok"
    return states


def present_indices(text: str, place: Place, sentences: Sequence[str]) -> set[int]:
    """The sentences of an article that appear in its story as written (to reopen a briefing)."""
    lines = text.split("\n")
    span = section(lines, place)
    if span is None:
        return set()
    rows = _content(lines, *span)
    return {
        i
        for i, sentence in enumerate(sentences)
        if _find_in(lines, rows, sentence, similar=False, known=())
    }
