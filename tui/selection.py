"""Which sentences of each story are in the briefing, kept in step with the user's own text.

Plain Python over the session's entries and the document functions: every change
returns the new text (and what the user must be asked), and the app only puts
that text in the editor and shows the dialogs. Tested without starting the app.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from briefing.render import escape
from briefing.tui.document import (
    Found,
    Place,
    SectionMissing,
    add_sentence,
    find_sentence,
    present_indices,
    refresh_contents,
    remove_sentence,
    selected_states,
    story_sections,
    swap_sections,
)
from briefing.tui.session import Entry, place_of


@dataclass(frozen=True)
class Added:
    """A sentence put into the text: the new text and the line it landed on (if found again)."""

    text: str
    line: int | None


@dataclass(frozen=True)
class Removal:
    """Taking a sentence out: the new text, or the user's edited line to ask about first."""

    text: str
    edited: Found | None = None
    """Set when the sentence's line was edited by hand: it stays until the user says so."""
    place: Place = field(default_factory=Place)


@dataclass(frozen=True)
class Applied:
    """A whole new selection applied: the new text, edited lines left in, and any problem."""

    text: str
    edited: list[int]
    """Sentences that left the selection but whose edited lines are still in the text."""
    problem: str = ""


def others(entry: Entry, index: int) -> set[str]:
    """The entry's other chosen sentences: their exact lines are never taken for an edit."""
    return {entry.sentences[i] for i in entry.selected if i != index}


def put_in(text: str, entries: Sequence[Entry], at: int, index: int) -> Added:
    """Choose sentence `index` of story `at`: its line goes in, in article order.

    Raises:
        SectionMissing: the story's heading is no longer in the text.
    """
    entry = entries[at]
    place = place_of(entries, at)
    sentence = entry.sentences[index]
    before, after = entry.neighbours(index)
    text = add_sentence(text, place, sentence, before=before, after=after)
    entry.selected.add(index)
    found = find_sentence(text, place, sentence)
    return Added(text, found.line if found is not None else None)


def take_out(text: str, entries: Sequence[Entry], at: int, index: int) -> Removal:
    """Unchoose sentence `index` of story `at`, unless its line was edited (then ask first)."""
    entry = entries[at]
    place = place_of(entries, at)
    sentence = entry.sentences[index]
    found = find_sentence(text, place, sentence, known=others(entry, index))
    if found is not None and found.how == "similar":
        return Removal(text, found, place)
    if found is not None:
        text = remove_sentence(text, found, sentence)
    entry.selected.discard(index)
    return Removal(text, None, place)


def settle_edited(text: str, entry: Entry, index: int, removal: Removal, *, remove: bool) -> str:
    """The user answered about an edited line: unchoose the sentence, and remove the line if asked.

    The line is removed only if it is still the one the user was shown.
    """
    entry.selected.discard(index)
    if not remove or removal.edited is None:
        return text
    sentence = entry.sentences[index]
    again = find_sentence(text, removal.place, sentence)
    if again is not None and again.text == removal.edited.text:
        return remove_sentence(text, again, sentence)
    return text


def apply_selection(text: str, entries: Sequence[Entry], entry: Entry, chosen: set[int]) -> Applied:
    """Make `chosen` the entry's selection, adding and removing only the lines that change."""
    place = place_of(entries, list(entries).index(entry))
    edited: list[int] = []
    for i in sorted(entry.selected - chosen):
        found = find_sentence(text, place, entry.sentences[i], known=others(entry, i))
        if found is not None and found.how == "similar":
            edited.append(i)
        elif found is not None:
            text = remove_sentence(text, found, entry.sentences[i])
        entry.selected.discard(i)
    for i in sorted(chosen - entry.selected):
        before, after = entry.neighbours(i)
        try:
            text = add_sentence(text, place, entry.sentences[i], before=before, after=after)
        except SectionMissing as exc:
            return Applied(text, edited, str(exc))
        entry.selected.add(i)
    return Applied(text, edited)


def remove_edited(text: str, entries: Sequence[Entry], entry: Entry, sentences: list[str]) -> str:
    """The text without the user's edited lines of these sentences (the user asked for it)."""
    if entry not in entries:
        return text
    place = place_of(entries, list(entries).index(entry))
    for sentence in sentences:
        found = find_sentence(text, place, sentence)
        if found is not None and found.how == "similar":
            text = remove_sentence(text, found, sentence)
    return text


def move_story(text: str, entries: list[Entry], current: int, delta: int) -> tuple[str, int] | None:
    """Move story `current` by `delta` places: the new text and its new index, None if it can't.

    The entries are reordered to match and the Contents list is renumbered.

    Raises:
        SectionMissing: one of the two stories' headings is no longer in the text.
    """
    target = current + delta
    if len(entries) < 2 or not 0 <= target < len(entries):
        return None
    low, high = sorted((current, target))
    text = swap_sections(text, place_of(entries, low), place_of(entries, high))
    entries[low], entries[high] = entries[high], entries[low]
    return refresh_contents(text), target


def marks(text: str, entries: Sequence[Entry], at: int) -> dict[int, str]:
    """How each chosen sentence of story `at` stands in the text: "ok", "edited" or "missing"."""
    entry = entries[at]
    return selected_states(text, place_of(entries, at), entry.sentences, entry.selected)


def follow_text(text: str, entries: list[Entry]) -> bool:
    """Keep the stories in step with the text: headings renamed there, stories moved there.

    Each story is found by its identity, its Source line naming the article, before
    its heading text; failing both, by its position when the count of stories agrees.
    A renamed heading becomes the story's headline, and the entries take the order
    of their stories in the text (after an undo of a move, or a move by hand).
    True if anything changed.
    """
    if len(entries) < 2:
        return False
    sections = story_sections(text)
    taken: dict[int, int] = {}
    for number, entry in enumerate(entries):
        spot = _section_of(entry, number, sections, set(taken.values()), len(entries))
        if spot is None:
            return False
        taken[number] = spot
    changed = False
    for number, spot in taken.items():
        heading = sections[spot][0]
        if entries[number].headline != heading:
            entries[number].headline = heading
            changed = True
    order = sorted(range(len(entries)), key=lambda n: taken[n])
    if order != list(range(len(entries))):
        entries[:] = [entries[n] for n in order]
        changed = True
    return changed


def _section_of(
    entry: Entry, number: int, sections: list[tuple[str, str]], used: set[int], count: int
) -> int | None:
    free = [i for i in range(len(sections)) if i not in used]
    if entry.source and entry.article is not None:
        names = {entry.source, escape(entry.source)}
        by_source = [i for i in free if any(n in sections[i][1] for n in names)]
        if len(by_source) == 1:
            return by_source[0]
    by_heading = [i for i in free if sections[i][0] == entry.headline]
    if by_heading:
        return by_heading[0]
    if len(sections) == count and number in free:
        return number
    return None


def follow_undo(text: str, entries: list[Entry]) -> None:
    """After undo or redo: each story's choices are the sentences its text holds again.

    A chosen sentence whose line the undo removed is no longer chosen, and one whose
    line came back is chosen again; edited lines of chosen sentences stay chosen.
    """
    follow_text(text, entries)
    for at, entry in enumerate(entries):
        if entry.article is None:
            continue
        place = place_of(entries, at)
        states = selected_states(text, place, entry.sentences, entry.selected)
        kept = {i for i, state in states.items() if state != "missing"}
        entry.selected = kept | present_indices(text, place, entry.sentences)
