"""The review-and-edit app: the article's sentences beside the briefing's Markdown, then export."""

from __future__ import annotations

import contextlib
import datetime as dt
import subprocess
from collections.abc import Iterable
from dataclasses import asdict, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.events import Resize
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Markdown, TextArea

from briefing import locations
from briefing.assemble import briefing_from
from briefing.drafts import Draft, DraftStory, discard_draft, load_draft, save_draft
from briefing.errors import BriefingError
from briefing.export import export_briefing
from briefing.files import atomic_path, slugify
from briefing.models import Briefing, VoiceProfile
from briefing.render import from_markdown, split_front_matter, to_markdown
from briefing.summarize import summarize
from briefing.summarize.length import Length
from briefing.summarize.registry import METHODS
from briefing.tui.document import (
    SectionMissing,
    add_sentence,
    find_sentence,
    refresh_contents,
    remove_sentence,
    selected_states,
    swap_sections,
    with_front_matter,
)
from briefing.tui.messages import (
    ArticleChosen,
    AudioReady,
    Exported,
    LengthStep,
    MoveArticle,
    PlaybackEnded,
    SpeechProgress,
    SummaryOptions,
    SummaryReady,
    ToggleSentence,
    VoiceOptions,
    WorkFailed,
)
from briefing.tui.player import find_player
from briefing.tui.screens.choice import ChoiceScreen
from briefing.tui.screens.export import ExportRequest, ExportScreen
from briefing.tui.screens.help import HelpScreen
from briefing.tui.session import Entry, Opening, place_of
from briefing.tui.settings import load_settings, save_setting
from briefing.tui.widgets.article_list import ArticleList
from briefing.tui.widgets.editor import MarkdownEditor
from briefing.tui.widgets.sentence_list import SentenceList
from briefing.tui.widgets.status_bar import StatusBar
from briefing.tui.widgets.summary_controls import SummaryControls
from briefing.tui.widgets.voice_controls import VoiceControls

if TYPE_CHECKING:
    from textual.theme import Theme

    from briefing.speech.script import SpeechScript

WIDE = 150
"""From this many columns on, the preview sits beside the editor instead of behind it."""
AUTOSAVE_SECONDS = 3.0
REFRESH_SECONDS = 0.25
"""Pause after the last keystroke before the preview and marks follow the text."""


def _clock(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}:{rest:02d}"


def _length_step(length: Length, delta: int) -> Length:
    if length.words is not None:
        return Length(words=max(10, length.words + 10 * delta))
    if length.ratio is not None:
        return Length(ratio=round(min(1.0, max(0.05, length.ratio + 0.05 * delta)), 2))
    return Length(sentences=max(1, (length.sentences or 5) + delta))


def _meta_date(meta: dict[str, object]) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(meta.get("date", "")))
    except ValueError:
        return None


def _length_dict(length: Length) -> dict[str, float]:
    return {k: v for k, v in asdict(length).items() if v is not None}


class BriefingApp(App[int]):
    """Review an automatic briefing, change it, listen to it and export it.

    The Markdown in the editor is the user's document and the single source of
    what gets exported; choosing sentences only inserts or removes their lines.
    """

    CSS_PATH = "briefing.tcss"
    TITLE = "briefing"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True, tooltip="Save the Markdown now"),
        Binding(
            "ctrl+e", "export", "Export", priority=True, tooltip="Export Markdown, HTML, audio"
        ),
        Binding("ctrl+l", "listen", "Listen", priority=True, tooltip="Listen (again to stop)"),
        Binding("f1", "help", "Help"),
        # The article list shows these in the footer; here they work from any pane.
        Binding("alt+up", "move_article(-1)", "Move up", show=False),
        Binding("alt+down", "move_article(1)", "Move down", show=False),
        Binding("f2", "toggle_preview", "Preview", show=False),
        Binding("ctrl+t", "toggle_theme", "Theme", show=False),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(
        self,
        opening: Opening,
        *,
        out: Path | None = None,
        voice: VoiceProfile | None = None,
        profiles: list[VoiceProfile] | None = None,
        day: dt.date | None = None,
        force: bool = False,
        autosave_seconds: float = AUTOSAVE_SECONDS,
        player: list[str] | str | None = "auto",
        offer_draft: bool = True,
    ) -> None:
        """Args:
        opening: the articles or briefing to edit (see session.open_inputs).
        out: the export folder (default: output/<day>/).
        voice: the starting voice profile; profiles: every profile to choose from.
        day: the briefing's date (tests fix it).
        force: overwrite existing files without asking.
        player: the audio player command, None for none, "auto" to look for one.
        offer_draft: look for an autosaved draft of these inputs and offer it.
        """
        super().__init__()
        from briefing.speech.voices import all_profiles, get_profile

        opening.prefetch()
        self.opening = opening
        self.entries: list[Entry] = opening.entries
        self.current = 0
        meta, body = split_front_matter(opening.text or "")
        self.day = day or _meta_date(meta) or dt.date.today()
        if out is None and opening.path is not None:
            out = opening.path.parent  # ctrl+s saves a reopened briefing where it was
        self.out = out or locations.output_dir(self.day)
        self.saved_method = str(meta.get("method", ""))
        self.opened_body = body.strip("\n") + "\n" if opening.text is not None else None
        self.force = force
        self.profiles = profiles if profiles is not None else all_profiles()
        start = voice or get_profile()
        if start.name not in {p.name for p in self.profiles}:
            self.profiles = [start, *self.profiles]
        self.voice = start.name
        self.rate = start.rate
        self.autosave_seconds = autosave_seconds
        self.refresh_seconds = REFRESH_SECONDS
        self.player = find_player() if player == "auto" else player
        self.offer_draft = offer_draft
        self.text_ready = False
        self.clean_text: str | None = None
        self.last_draft: Draft | None = None
        self.written: set[Path] = set()
        self.export_formats: tuple[str, ...] = ("md", "html")
        self._refresh_timer: Timer | None = None
        self._player_process: subprocess.Popen[bytes] | None = None
        self._stopping = False
        self._speaking = False
        self._finished = False
        self._draft_warned = False
        self._text = ""
        self._started = False
        self._preview_stale = True
        saved_theme = load_settings().get("theme")
        if isinstance(saved_theme, str) and saved_theme in self.available_themes:
            self.theme = saved_theme

    # ---- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            with Vertical(id="article-pane"):
                yield ArticleList(id="articles")
                yield SummaryControls(*self._entry_options(), id="summary-controls")
                yield SentenceList(id="sentences")
            with Vertical(id="editor-pane"):
                # Below the text, so Tab reaches the editor right after the sentences.
                yield MarkdownEditor(id="editor")
                yield VoiceControls(self.profiles, self.voice, self.rate, id="voice-controls")
            with VerticalScroll(id="preview-pane"):
                yield Markdown(id="preview")
        yield StatusBar(id="status")
        yield Footer()

    def _entry_options(self) -> tuple[str, Length]:
        entry = self.entry
        return (entry.method, entry.length) if entry else ("lexrank", Length.default())

    @property
    def editor(self) -> MarkdownEditor:
        return self.query_one("#editor", MarkdownEditor)

    @property
    def text(self) -> str:
        """The document as the user sees it (the last known text once the editor is gone)."""
        with contextlib.suppress(NoMatches):
            self._text = self.editor.text
        return self._text

    @property
    def sentence_list(self) -> SentenceList:
        return self.query_one("#sentences", SentenceList)

    @property
    def status(self) -> StatusBar:
        return self.query_one("#status", StatusBar)

    @property
    def entry(self) -> Entry | None:
        return self.entries[self.current] if self.entries else None

    def on_mount(self) -> None:
        self.query_one("#article-pane").border_title = "Article"
        self.query_one("#editor-pane").border_title = "Briefing (Markdown)"
        self.query_one("#preview-pane").border_title = "Preview"
        self.query_one("#preview-pane").can_focus = True
        articles = self.query_one("#articles", ArticleList)
        articles.display = len(self.entries) > 1
        articles.disabled = len(self.entries) < 2
        articles.show([e.headline for e in self.entries], self.current)
        self.query_one("#voice-controls", VoiceControls).show(self.voice, self.rate)
        if self.is_headless:
            self.editor.cursor_blink = False
        if self.opened_body is not None:
            self.editor.load_text(self.opened_body)
            self.clean_text = self.opened_body
            self.text_ready = True
        self._show_entry()
        self.sentence_list.focus()
        self._layout(self.size.width)
        self.set_interval(self.autosave_seconds, self.autosave)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        draft = load_draft(self.opening.draft_key) if self.offer_draft else None
        if draft is not None and self.entries_or_text():
            self._offer_draft(draft)
        else:
            self._begin(None)

    def _remember_theme(self, theme: Theme) -> None:
        try:
            save_setting("theme", theme.name)
        except BriefingError as exc:
            self.notify(f"Can't remember the theme: {exc}", severity="warning")

    def entries_or_text(self) -> bool:
        return bool(self.entries) or self.opening.text is not None

    def on_resize(self, event: Resize) -> None:
        self._layout(event.size.width)

    def _layout(self, width: int) -> None:
        self.query_one("#main").set_class(width >= WIDE, "-wide")
        if self._preview_stale and self.text_ready:
            self.call_after_refresh(self._update_preview)

    # ---- drafts ------------------------------------------------------------------------

    def _offer_draft(self, draft: Draft) -> None:
        when = draft.saved_at.astimezone().strftime("%d %b %Y at %H:%M")
        words = from_markdown(draft.text).word_count
        message = (
            f"Changes to this briefing were autosaved on {when} ({words} words) "
            "but never saved to the output folder.\n\nRestore them?"
        )
        choices = [("Restore", "restore", "primary"), ("Discard", "discard", "error")]

        def answer(choice: str | None) -> None:
            if choice == "restore":
                self._begin(draft)
            else:
                discard_draft(self.opening.draft_key)
                self._begin(None)

        self.push_screen(
            ChoiceScreen("Unsaved draft found", message, choices, cancel="restore"), answer
        )

    def _begin(self, draft: Draft | None) -> None:
        """Start work: restore the draft if asked, then summarize every article."""
        self._started = True
        if draft is not None:
            self._restore(draft)
        for entry in self.entries:
            self._summarize(entry, apply=not self.text_ready)
        if not self.text_ready and not any(e.article for e in self.entries):
            self._first_text()
        elif not self.text_ready:
            self._show_entry()

    def _restore(self, draft: Draft) -> None:
        by_source: dict[str, list[Entry]] = {}
        for entry in self.entries:
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
        if len(ordered) == len(self.entries):
            self.entries[:] = ordered
        else:
            self.notify(
                "The articles changed since the draft was saved: only its text was restored.",
                severity="warning",
            )
        if draft.voice in {p.name for p in self.profiles}:
            self.voice = draft.voice
            self.rate = draft.rate or self.rate
            self.query_one("#voice-controls", VoiceControls).show(self.voice, self.rate)
        self.editor.load_text(draft.text)
        self.text_ready = True
        self.last_draft = draft
        self.query_one("#articles", ArticleList).show([e.headline for e in self.entries], 0)
        self.current = 0
        self._show_entry()
        self.notify("Draft restored.")

    def make_draft(self) -> Draft:
        stories = tuple(
            DraftStory(e.source, e.method, _length_dict(e.length), tuple(sorted(e.selected)))
            for e in self.entries
        )
        return Draft(
            key=self.opening.draft_key,
            text=self.text,
            stories=stories,
            voice=self.voice,
            rate=self.rate,
        )

    @property
    def dirty(self) -> bool:
        """True when the editor holds work that isn't in the output folder."""
        return self.text_ready and self.text != self.clean_text

    def autosave(self) -> None:
        """Keep the draft on disk in step with the editor (called every few seconds)."""
        if not self.text_ready:
            return
        if not self.dirty:
            if self.last_draft is not None:
                discard_draft(self.opening.draft_key)
                self.last_draft = None
            return
        draft = self.make_draft()
        if draft.same_as(self.last_draft):
            return
        try:
            save_draft(draft)
        except BriefingError as exc:
            if not self._draft_warned:
                self._draft_warned = True
                self.notify(f"Can't autosave the draft: {exc}", severity="warning")
            return
        self.last_draft = draft

    # ---- summaries ---------------------------------------------------------------------

    def _summarize(self, entry: Entry, *, apply: bool) -> None:
        if entry.article is None:
            return
        entry.generation += 1
        self._say_busy(f"Summarizing with {entry.method}…")
        self.run_worker(
            partial(
                self._summarize_job, entry, entry.generation, entry.method, entry.length, apply
            ),
            thread=True,
            group=f"summarize-{id(entry)}",
            exclusive=True,
            exit_on_error=False,
        )

    def _summarize_job(
        self, entry: Entry, generation: int, method: str, length: Length, apply: bool
    ) -> None:
        assert entry.article is not None
        try:
            future = self.opening.take(entry, method, length)
            summary = future.result() if future else summarize(entry.article, method, length)
        except BriefingError as exc:
            self.post_message(WorkFailed("Summarizing", str(exc)))
            return
        except Exception as exc:  # a summarizer bug must not take the user's edits down
            self.post_message(WorkFailed("Summarizing", f"{type(exc).__name__}: {exc}"))
            return
        self.post_message(SummaryReady(entry, generation, summary, apply))

    def on_summary_ready(self, message: SummaryReady) -> None:
        entry = message.entry
        if message.generation != entry.generation or entry not in self.entries:
            return
        entry.summary = message.summary
        if message.apply:
            chosen = {p.index for p in message.summary.picks}
            if self.text_ready:
                self._apply_selection(entry, chosen)
            else:
                entry.selected = chosen
                if all(e.summary is not None for e in self.entries if e.article):
                    self._first_text()
        for note in message.summary.notes:
            self.notify(f"{entry.headline}: {note}", severity="warning")
        self._show_entry()

    def _first_text(self) -> None:
        summaries = [e.summary for e in self.entries if e.summary is not None]
        _, body = split_front_matter(to_markdown(briefing_from(summaries, day=self.day)))
        text = body.strip("\n") + "\n"
        self.editor.load_text(text)
        self.clean_text = text
        self.text_ready = True
        self._show_entry()
        self.sentence_list.focus()

    def on_work_failed(self, message: WorkFailed) -> None:
        self.status.stop()
        self._speaking = False
        self.notify(message.problem, title=f"{message.what} failed", severity="error", timeout=8)
        self._refresh_view()

    # ---- choosing sentences ------------------------------------------------------------

    def _set_text(self, text: str) -> None:
        self.editor.apply_text(text)

    def _method_label(self) -> str:
        methods = ", ".join(dict.fromkeys(e.method for e in self.entries if e.article))
        return methods or self.saved_method or "manual"

    def _others(self, entry: Entry, index: int) -> set[str]:
        return {entry.sentences[i] for i in entry.selected if i != index}

    def on_toggle_sentence(self, message: ToggleSentence) -> None:
        entry = self.entry
        if entry is None or entry.article is None:
            return
        if not self.text_ready:
            self.notify("Still summarizing; try again in a moment.")
            return
        index = message.index
        sentence = entry.sentences[index]
        place = place_of(self.entries, self.current)
        text = self.editor.text
        if index not in entry.selected:
            before, after = entry.neighbours(index)
            try:
                text = add_sentence(text, place, sentence, before=before, after=after)
            except SectionMissing as exc:
                self.notify(
                    f"Can't add the sentence: {exc}. Put the heading back, or paste it by hand.",
                    severity="error",
                )
                return
            entry.selected.add(index)
            self._set_text(text)
            added = find_sentence(self.editor.text, place, sentence)
            if added is not None:
                self.editor.show_line(added.line)
            self._show_entry()
            return
        found = find_sentence(text, place, sentence, known=self._others(entry, index))
        if found is None or found.how != "similar":
            if found is not None:
                self._set_text(remove_sentence(text, found, sentence))
            entry.selected.discard(index)
            self._show_entry()
            return

        def answer(choice: str | None) -> None:
            if choice == "cancel":
                return
            entry.selected.discard(index)
            if choice == "remove":
                again = find_sentence(self.editor.text, place, sentence)
                if again is not None and again.text == found.text:
                    self._set_text(remove_sentence(self.editor.text, again, sentence))
            self._show_entry()

        self.push_screen(
            ChoiceScreen(
                "Edited sentence",
                f"You edited this sentence in the text:\n\n{found.text.strip()}\n\n"
                "Take it out of the summary and remove your edited line too?",
                [
                    ("Remove line", "remove", "error"),
                    ("Keep line", "keep", "primary"),
                    ("Cancel", "cancel", "default"),
                ],
                default=1,
            ),
            answer,
        )

    def _apply_selection(self, entry: Entry, chosen: set[int]) -> None:
        """Make `chosen` the entry's selection by adding and removing only the lines that change."""
        index = self.entries.index(entry)
        place = place_of(self.entries, index)
        text = self.editor.text
        edited: list[int] = []
        for i in sorted(entry.selected - chosen):
            found = find_sentence(text, place, entry.sentences[i], known=self._others(entry, i))
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
                self.notify(f"Can't update the summary: {exc}.", severity="error")
                break
            entry.selected.add(i)
        self._set_text(text)
        if edited:
            self._ask_remove_edited(entry, edited)

    def _ask_remove_edited(self, entry: Entry, edited: list[int]) -> None:
        count = len(edited)
        sentences = [entry.sentences[i] for i in edited]

        def answer(choice: str | None) -> None:
            if choice != "remove":
                return
            index = self.entries.index(entry) if entry in self.entries else -1
            if index < 0:
                return
            text = self.editor.text
            for sentence in sentences:
                found = find_sentence(text, place_of(self.entries, index), sentence)
                if found is not None and found.how == "similar":
                    text = remove_sentence(text, found, sentence)
            self._set_text(text)

        self.push_screen(
            ChoiceScreen(
                "Edited sentences",
                f"{count} sentence{'s' * (count != 1)} you edited "
                f"{'are' if count != 1 else 'is'} no longer in the summary.\n\n"
                "Remove the edited lines from the text too?",
                [("Remove", "remove", "error"), ("Keep", "keep", "primary")],
                cancel="keep",
                default=1,
            ),
            answer,
        )

    def on_summary_options(self, message: SummaryOptions) -> None:
        entry = self.entry
        if entry is None or (message.method, message.length) == (entry.method, entry.length):
            return
        entry.method, entry.length = message.method, message.length
        self._summarize(entry, apply=True)

    def on_length_step(self, message: LengthStep) -> None:
        entry = self.entry
        if entry is None or entry.article is None:
            return
        entry.length = _length_step(entry.length, message.delta)
        self.query_one("#summary-controls", SummaryControls).show(entry.method, entry.length)
        self._summarize(entry, apply=True)

    def on_voice_options(self, message: VoiceOptions) -> None:
        self.voice, self.rate = message.voice, message.rate
        self._refresh_view()

    # ---- several articles --------------------------------------------------------------

    def on_article_chosen(self, message: ArticleChosen) -> None:
        if 0 <= message.index < len(self.entries) and message.index != self.current:
            self.current = message.index
            self._show_entry()

    def on_move_article(self, message: MoveArticle) -> None:
        self.move_article(message.delta)

    def move_article(self, delta: int) -> None:
        first, second = self.current, self.current + delta
        if len(self.entries) < 2 or not 0 <= second < len(self.entries) or not self.text_ready:
            return
        low, high = sorted((first, second))
        try:
            text = swap_sections(
                self.editor.text, place_of(self.entries, low), place_of(self.entries, high)
            )
        except SectionMissing as exc:
            self.notify(f"Can't move the story: {exc}.", severity="error")
            return
        self.entries[low], self.entries[high] = self.entries[high], self.entries[low]
        self.current = second
        self._set_text(refresh_contents(text))
        self.query_one("#articles", ArticleList).show(
            [e.headline for e in self.entries], self.current
        )
        self._show_entry()

    # ---- showing state -----------------------------------------------------------------

    def _show_entry(self) -> None:
        entry = self.entry
        pane = self.query_one("#article-pane")
        sentences = self.sentence_list
        if entry is None:
            sentences.show(None, (), {}, empty="No source articles: edit the text directly.")
            return
        if len(self.entries) > 1:
            pane.border_title = f"Article {self.current + 1} of {len(self.entries)}"
        self.query_one("#summary-controls", SummaryControls).show(entry.method, entry.length)
        self.query_one("#summary-controls").disabled = entry.article is None
        if entry.article is not None and not self.text_ready:
            waiting = f"Summarizing with {entry.method}…" if self._started else ""
            sentences.show(None, (), {}, empty=waiting)
            self._refresh_view()
            return
        states = (
            selected_states(
                self.editor.text,
                place_of(self.entries, self.current),
                entry.sentences,
                entry.selected,
            )
            if self.text_ready
            else {}
        )
        sentences.show(
            entry.article,
            entry.scores,
            states,
            empty=f"The source ({entry.source}) can't be read here: edit the text directly.",
        )
        total = len(entry.sentences)
        pane.border_subtitle = f"{len(entry.selected)} of {total} chosen" if total else ""
        self._refresh_view()

    def _say_busy(self, text: str) -> None:
        self.status.say(text)

    @on(TextArea.Changed, "#editor")
    def _editor_changed(self) -> None:
        if self._refresh_timer is not None:
            self._refresh_timer.stop()
        self._refresh_timer = self.set_timer(self.refresh_seconds, self._after_edit)

    def _after_edit(self) -> None:
        self._refresh_timer = None
        if self._finished:
            return
        if self.text_ready and self.entry is not None and self.entry.article is not None:
            entry = self.entry
            states = selected_states(
                self.editor.text,
                place_of(self.entries, self.current),
                entry.sentences,
                entry.selected,
            )
            self.sentence_list.show(entry.article, entry.scores, states)
        self._refresh_view()

    def _refresh_view(self) -> None:
        """Preview, window title and status line from the editor's text."""
        if not self.text_ready:
            self.status.say("Summarizing…" if self._started else "")
            return
        text = self.editor.text
        briefing = from_markdown(text, day=self.day)
        self.sub_title = briefing.title
        self._update_preview(text)
        words = briefing.word_count
        seconds = words * 60 / max(self.rate, 1)
        if self.dirty:
            state = "unsaved changes"
        elif self.written:
            state = "saved"
        else:
            state = "unchanged" if self.opening.path else "not saved yet"
        pending = [e for e in self.entries if e.summary is None and e.article is not None]
        busy = " · summarizing…" if pending else ""
        self.status.say(
            f"{briefing.sentence_count} sentences · {words} words · "
            f"≈{_clock(seconds)} at {self.rate} wpm · {state}{busy}"
        )

    def _update_preview(self, text: str | None = None) -> None:
        """Render the preview, only while it can be seen (it is the costliest widget)."""
        pane = self.query_one("#preview-pane")
        if not pane.display:
            self._preview_stale = True
            return
        self._preview_stale = False
        markdown = self.query_one("#preview", Markdown)
        body = self.text if text is None else text
        self.run_worker(markdown.update(body), group="preview", exclusive=True)

    def _briefing(self) -> tuple[str, str, Briefing]:
        """The editor's text, the whole file it makes (with front matter) and its briefing."""
        self._set_text(refresh_contents(self.text))  # headlines may have been edited
        body = self.text
        full = with_front_matter(
            body, day=self.day, method=self._method_label(), keep_from=self.opening.text or ""
        )
        return body, full, from_markdown(full, day=self.day)

    def _profile(self) -> VoiceProfile:
        profile = next((p for p in self.profiles if p.name == self.voice), self.profiles[0])
        return replace(profile, rate=self.rate)

    def _ours(self, path: Path) -> bool:
        """Written by this session, or the briefing that was opened: no need to ask."""
        resolved = path.resolve()
        return resolved in self.written or resolved == self.opening.path

    def _modal_open(self) -> bool:
        return isinstance(self.screen, ModalScreen)

    NOT_IN_DIALOGS: ClassVar[frozenset[str]] = frozenset(
        {"save", "export", "listen", "toggle_preview", "move_article"}
    )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Editing keys do nothing over a dialog, so the dialog's footer doesn't offer them."""
        return not (action in self.NOT_IN_DIALOGS and self._modal_open())

    # ---- save and export ---------------------------------------------------------------

    def action_save(self) -> None:
        if self._modal_open():
            return
        if not self.text_ready:
            self.notify("Still summarizing; try again in a moment.")
            return
        self.run_worker(self.save(), group="save", exclusive=True)

    async def save(self) -> bool:
        """Write the Markdown to the output folder now; True if it was written."""
        body, text, briefing = self._briefing()
        stem = slugify(briefing.title)
        target = self.out / f"{stem}.md"
        force = self.force or self._ours(target)
        if target.exists() and not force:
            answer = await self.push_screen_wait(
                ChoiceScreen(
                    "Overwrite?",
                    f"{target} already exists.\n\nOverwrite it with this briefing?",
                    [("Overwrite", "yes", "error"), ("Cancel", "cancel", "primary")],
                    default=1,
                )
            )
            if answer != "yes":
                return False
            force = True
        try:
            export_briefing(briefing, self.out, ("md",), force=force, stem=stem, markdown_text=text)
        except BriefingError as exc:
            self.notify(str(exc), title="Not saved", severity="error", timeout=8)
            return False
        self.written.add(target.resolve())
        self.clean_text = body
        discard_draft(self.opening.draft_key)
        self.last_draft = None
        self.notify(str(target), title="Saved")
        self._refresh_view()
        return True

    def action_export(self) -> None:
        if self._modal_open():
            return
        if not self.text_ready:
            self.notify("Still summarizing; try again in a moment.")
            return
        self.run_worker(self.export(), group="export", exclusive=True)

    async def export(self) -> None:
        body, text, briefing = self._briefing()
        stem = slugify(briefing.title)
        profile = self._profile()
        request: ExportRequest | None = await self.push_screen_wait(
            ExportScreen(
                self.out,
                stem,
                f"Audio voice: {profile.name}, {profile.rate} words a minute",
                self.export_formats,
            )
        )
        if request is None:
            return
        self.export_formats = request.formats
        targets = [request.folder / f"{stem}.{fmt}" for fmt in request.formats]
        taken = [t for t in targets if t.exists() and not self._ours(t)]
        if taken and not self.force:
            names = "\n".join(f"  {t}" for t in taken)
            answer = await self.push_screen_wait(
                ChoiceScreen(
                    "Overwrite?",
                    f"Already there:\n{names}\n\nOverwrite {'them' if len(taken) > 1 else 'it'}?",
                    [("Overwrite", "yes", "error"), ("Cancel", "cancel", "primary")],
                    default=1,
                )
            )
            if answer != "yes":
                return
        force = self.force or any(t.exists() for t in targets)
        self.status.start("Exporting")
        self._speaking = True
        self.run_worker(
            partial(
                self._export_job,
                briefing,
                text,
                body,
                request.folder,
                request.formats,
                profile,
                force,
                stem,
            ),
            thread=True,
            group="export-job",
            exit_on_error=False,
        )

    def _export_job(
        self,
        briefing: Briefing,
        text: str,
        body: str,
        folder: Path,
        formats: tuple[str, ...],
        profile: VoiceProfile,
        force: bool,
        stem: str,
    ) -> None:
        written: list[Path] = []
        problem = ""
        try:
            written = export_briefing(
                briefing,
                folder,
                formats,
                voice=profile,
                force=force,
                stem=stem,
                markdown_text=text,
                progress=partial(self._post_progress, "Speaking"),
            )
        except BriefingError as exc:
            problem = str(exc)
        except Exception as exc:  # keep the app (and the user's edits) alive
            problem = f"{type(exc).__name__}: {exc}"
        if problem:
            written = [folder / f"{stem}.{f}" for f in formats if (folder / f"{stem}.{f}").exists()]
        self.post_message(Exported(written, problem, body))

    def _post_progress(self, label: str, done: int, total: int) -> None:
        self.post_message(SpeechProgress(done, total, label))

    def on_speech_progress(self, message: SpeechProgress) -> None:
        self.status.advance(message.done, message.total)

    def on_exported(self, message: Exported) -> None:
        self.status.stop()
        self._speaking = False
        self.written.update(p.resolve() for p in message.files)
        if any(p.suffix == ".md" for p in message.files) and not message.problem:
            self.clean_text = message.markdown
            if not self.dirty:
                discard_draft(self.opening.draft_key)
                self.last_draft = None
        names = ", ".join(p.name if i == 0 else p.suffix for i, p in enumerate(message.files))
        if message.problem:
            self.notify(message.problem, title="Export failed", severity="error", timeout=10)
        if message.files:
            folder = message.files[0].parent
            self.notify(f"{names}\nin {folder}", title="Exported", timeout=8)
        self._refresh_view()

    # ---- listening ---------------------------------------------------------------------

    def action_listen(self) -> None:
        if self._modal_open():
            return
        if self._player_process is not None:
            self._stopping = True
            self._player_process.terminate()
            return
        if self._speaking:
            self.notify("Already speaking; wait for it to finish.")
            return
        if not self.text_ready:
            self.notify("Still summarizing; try again in a moment.")
            return
        from briefing.speech.script import build_script

        briefing = from_markdown(self.editor.text, day=self.day)
        profile = self._profile()
        script = build_script(briefing, profile)
        if not briefing.word_count:
            self.notify("There is nothing to read yet.")
            return
        path = locations.state_dir() / "listen" / f"{self.opening.draft_key}.wav"
        self._speaking = True
        self.status.start("Speaking")
        self.run_worker(
            partial(self._listen_job, script, profile, path),
            thread=True,
            group="listen",
            exclusive=True,
            exit_on_error=False,
        )

    def _listen_job(self, script: SpeechScript, profile: VoiceProfile, path: Path) -> None:
        from briefing.speech.engine import render_script

        try:
            with atomic_path(path, force=True) as tmp:
                audio = render_script(
                    script, profile, tmp, progress=partial(self._post_progress, "Speaking")
                )
        except BriefingError as exc:
            self.post_message(WorkFailed("Speaking", str(exc)))
            return
        except Exception as exc:  # keep the app (and the user's edits) alive
            self.post_message(WorkFailed("Speaking", f"{type(exc).__name__}: {exc}"))
            return
        audio = replace(audio, path=path)
        self.post_message(AudioReady(audio))
        if self.player is None:
            return
        try:
            process = subprocess.Popen(
                [*self.player, str(path)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
        except OSError as exc:
            self.post_message(PlaybackEnded(path, str(exc)))
            return
        self._player_process = process
        _, err = process.communicate()
        problem = ""
        if process.returncode and not self._stopping:
            lines = err.decode("utf-8", "replace").strip().splitlines()
            problem = lines[-1] if lines else f"exit status {process.returncode}"
        self.post_message(PlaybackEnded(path, problem))

    def on_audio_ready(self, message: AudioReady) -> None:
        self.status.stop()
        self._speaking = False
        audio = message.audio
        if self.player is None:
            self.notify(
                f"No audio player found (aplay, paplay, afplay or ffplay).\n"
                f"Audio ({_clock(audio.seconds)}): {audio.path}",
                title="Listen",
                timeout=10,
            )
        else:
            self.notify(f"Playing {_clock(audio.seconds)}; ctrl+l stops.", title="Listen")

    def on_playback_ended(self, message: PlaybackEnded) -> None:
        self._player_process = None
        self._stopping = False
        if message.problem:
            self.notify(
                f"The player failed ({message.problem}).\nAudio: {message.path}",
                title="Listen",
                severity="warning",
                timeout=10,
            )

    # ---- other actions -----------------------------------------------------------------

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_preview(self) -> None:
        main = self.query_one("#main")
        if main.has_class("-wide"):
            main.toggle_class("-no-preview")
            self.call_after_refresh(self._update_preview)
            return
        main.toggle_class("-preview")
        self.call_after_refresh(self._update_preview)
        if main.has_class("-preview"):
            if self.focused is self.editor:
                self.query_one("#preview-pane").focus()
        elif self.focused is self.query_one("#preview-pane"):
            self.editor.focus()

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    def action_toggle_sentence(self) -> None:
        self.sentence_list.action_toggle()

    def action_length(self, delta: int) -> None:
        self.post_message(LengthStep(delta))

    def action_method(self, name: str) -> None:
        entry = self.entry
        if entry is not None and entry.article is not None:
            self.post_message(SummaryOptions(name, entry.length))

    def action_voice(self, name: str) -> None:
        profile = next((p for p in self.profiles if p.name == name), None)
        if profile is not None:
            self.query_one("#voice-controls", VoiceControls).show(profile.name, profile.rate)
            self.post_message(VoiceOptions(profile.name, profile.rate))

    def action_rate(self, delta: int) -> None:
        self.rate = max(40, min(500, self.rate + delta))
        self.query_one("#voice-controls", VoiceControls).show(self.voice, self.rate)
        self._refresh_view()

    def action_move_article(self, delta: int) -> None:
        if self._modal_open():
            return
        if len(self.entries) < 2:
            self.notify("Only one article is open: there is nothing to reorder.")
            return
        self.move_article(delta)

    def action_focus(self, selector: str) -> None:
        self.query_one(selector).focus()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every action of the app in the command palette (ctrl+p)."""
        yield SystemCommand(
            "Save Markdown", "Write the Markdown to the output folder (ctrl+s)", self.action_save
        )
        yield SystemCommand(
            "Export…", "Export Markdown, HTML and audio (ctrl+e)", self.action_export
        )
        yield SystemCommand(
            "Listen", "Speak the briefing; again to stop (ctrl+l)", self.action_listen
        )
        yield SystemCommand(
            "Toggle sentence",
            "Put the highlighted sentence in or out (space)",
            self.action_toggle_sentence,
        )
        yield SystemCommand(
            "Longer summary", "One more sentence (+)", partial(self.action_length, 1)
        )
        yield SystemCommand(
            "Shorter summary", "One sentence less (-)", partial(self.action_length, -1)
        )
        for name, method in METHODS.items():
            yield SystemCommand(
                f"Method: {name}",
                method.description,
                partial(self.action_method, name),
                discover=False,
            )
        for profile in self.profiles:
            yield SystemCommand(
                f"Voice: {profile.name}",
                profile.description or f"{profile.voice}, {profile.rate} words a minute",
                partial(self.action_voice, profile.name),
                discover=False,
            )
        yield SystemCommand(
            "Faster speech", "Speak 10 words a minute faster", partial(self.action_rate, 10)
        )
        yield SystemCommand(
            "Slower speech", "Speak 10 words a minute slower", partial(self.action_rate, -10)
        )
        if len(self.entries) > 1:
            yield SystemCommand(
                "Move article up",
                "Earlier in the briefing (alt+up)",
                partial(self.move_article, -1),
            )
            yield SystemCommand(
                "Move article down",
                "Later in the briefing (alt+down)",
                partial(self.move_article, 1),
            )
        yield SystemCommand(
            "Focus sentences",
            "Move to the article's sentences",
            partial(self.action_focus, "#sentences"),
        )
        yield SystemCommand(
            "Focus editor", "Move to the Markdown text", partial(self.action_focus, "#editor")
        )
        yield SystemCommand(
            "Toggle preview",
            "Show the rendered preview or the text (f2)",
            self.action_toggle_preview,
        )
        yield SystemCommand(
            "Light/dark theme", "Switch between light and dark (ctrl+t)", self.action_toggle_theme
        )
        yield SystemCommand("Help", "Keys and what the marks mean (f1)", self.action_help)
        yield from super().get_system_commands(screen)

    # ---- quitting ----------------------------------------------------------------------

    async def action_quit(self) -> None:
        if isinstance(self.screen, ChoiceScreen) and self.screen.title_text == "Unsaved changes":
            return
        if not self.dirty:
            self.finish("clean")
            return
        self.run_worker(self._quit_guard(), group="quit", exclusive=True)

    async def _quit_guard(self) -> None:
        answer = await self.push_screen_wait(
            ChoiceScreen(
                "Unsaved changes",
                "This briefing has changes that aren't saved to the output folder.",
                [
                    ("Save and quit", "save", "primary"),
                    ("Keep draft", "keep", "default"),
                    ("Discard", "discard", "error"),
                    ("Cancel", "cancel", "default"),
                ],
            )
        )
        if answer == "save":
            if await self.save():
                self.finish("clean")
        elif answer in ("keep", "discard"):
            self.finish(answer)

    def finish(self, how: str) -> None:
        """Leave the app: "clean" (nothing unsaved), "keep" the draft or "discard" it."""
        self._finished = True
        if self._refresh_timer is not None:
            self._refresh_timer.stop()
        if how == "keep":
            self.autosave()
        else:
            discard_draft(self.opening.draft_key)
        self._stop_player()
        self.exit(0)

    def _stop_player(self) -> None:
        if self._player_process is not None:
            self._stopping = True
            self._player_process.terminate()

    def on_unmount(self) -> None:
        # Leaving some other way (an error, a signal): never lose the user's work.
        if not self._finished:
            self.autosave()
            self._stop_player()
