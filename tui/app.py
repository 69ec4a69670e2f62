"""The review-and-edit app: the article's sentences beside the briefing's Markdown, then export.

The app is the shell: it lays out the widgets, routes keys and messages, runs
workers and shows dialogs. What it decides lives beside it: the selection in
selection.py, drafts in session.py, listening in playback.py, files in saving.py
and the command palette in commands.py.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable
from dataclasses import replace
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
from briefing.drafts import Draft
from briefing.errors import BriefingError
from briefing.export import export_briefing, slugify
from briefing.models import Briefing, VoiceProfile
from briefing.render import from_markdown, split_front_matter, to_markdown
from briefing.summarize import summarize
from briefing.summarize.length import Length
from briefing.tui import selection
from briefing.tui.commands import editor_commands
from briefing.tui.document import SectionMissing, refresh_contents, with_front_matter
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
from briefing.tui.playback import NO_PLAYER, Playback, clock, listen_path
from briefing.tui.player import find_player
from briefing.tui.saving import ExportJob, Outputs, export_job, overwrite_question
from briefing.tui.screens.choice import ChoiceScreen
from briefing.tui.screens.export import ExportRequest, ExportScreen
from briefing.tui.screens.help import HelpScreen
from briefing.tui.session import (
    DraftKeeper,
    Entry,
    Opening,
    draft_of,
    restore_stories,
    step_length,
)
from briefing.tui.settings import load_settings, save_setting
from briefing.tui.widgets.article_list import ArticleList
from briefing.tui.widgets.editor import MarkdownEditor
from briefing.tui.widgets.sentence_list import SentenceList
from briefing.tui.widgets.status_bar import StatusBar, status_line
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
STILL_SUMMARIZING = "Still summarizing; try again in a moment."


def _meta_date(meta: dict[str, object]) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(meta.get("date", "")))
    except ValueError:
        return None


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
    NOT_IN_DIALOGS: ClassVar[frozenset[str]] = frozenset(
        {"save", "export", "listen", "toggle_preview", "move_article"}
    )

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
        self.outputs = Outputs(out or locations.output_dir(self.day), force, opening.path)
        self.saved_method = str(meta.get("method", ""))
        self.opened_body = body.strip("\n") + "\n" if opening.text is not None else None
        self.profiles = profiles if profiles is not None else all_profiles()
        start = voice or get_profile()
        if start.name not in {p.name for p in self.profiles}:
            self.profiles = [start, *self.profiles]
        self.voice = start.name
        self.rate = start.rate
        self.autosave_seconds = autosave_seconds
        self.refresh_seconds = REFRESH_SECONDS
        self.playback = Playback(find_player() if player == "auto" else _command(player))
        self.drafts = DraftKeeper(opening.draft_key)
        self.offer_draft = offer_draft
        self.text_ready = False
        self.clean_text: str | None = None
        self.export_formats: tuple[str, ...] = ("md", "html")
        self._refresh_timer: Timer | None = None
        self._speaking = False
        self._finished = False
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
        draft = self.drafts.load() if self.offer_draft else None
        if draft is not None and (self.entries or self.opening.text is not None):
            self._offer_draft(draft)
        else:
            self._begin(None)

    def _remember_theme(self, theme: Theme) -> None:
        try:
            save_setting("theme", theme.name)
        except BriefingError as exc:
            self.notify(f"Can't remember the theme: {exc}", severity="warning")

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
                self.drafts.forget()
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
        if not restore_stories(self.entries, draft):
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
        self.drafts.restored(draft)
        self.query_one("#articles", ArticleList).show([e.headline for e in self.entries], 0)
        self.current = 0
        self._show_entry()
        self.notify("Draft restored.")

    def make_draft(self) -> Draft:
        return draft_of(self.opening, self.text, voice=self.voice, rate=self.rate)

    @property
    def dirty(self) -> bool:
        """True when the editor holds work that isn't in the output folder."""
        return self.text_ready and self.text != self.clean_text

    def autosave(self) -> None:
        """Keep the draft on disk in step with the editor (called every few seconds)."""
        if not self.text_ready:
            return
        if not self.dirty:
            if self.drafts.last is not None:
                self.drafts.forget()
            return
        problem = self.drafts.keep(self.make_draft())
        if problem:
            self.notify(problem, severity="warning")

    # ---- summaries ---------------------------------------------------------------------

    def _summarize(self, entry: Entry, *, apply: bool) -> None:
        if entry.article is None:
            return
        entry.generation += 1
        self.status.say(f"Summarizing with {entry.method}…")
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
        entry.length = step_length(entry.length, message.delta)
        self.query_one("#summary-controls", SummaryControls).show(entry.method, entry.length)
        self._summarize(entry, apply=True)

    def on_voice_options(self, message: VoiceOptions) -> None:
        self.voice, self.rate = message.voice, message.rate
        self._refresh_view()

    # ---- choosing sentences ------------------------------------------------------------

    def _method_label(self) -> str:
        methods = ", ".join(dict.fromkeys(e.method for e in self.entries if e.article))
        return methods or self.saved_method or "manual"

    def on_toggle_sentence(self, message: ToggleSentence) -> None:
        entry = self.entry
        if entry is None or entry.article is None:
            return
        if not self.text_ready:
            self.notify(STILL_SUMMARIZING)
            return
        index = message.index
        if index not in entry.selected:
            try:
                added = selection.put_in(self.editor.text, self.entries, self.current, index)
            except SectionMissing as exc:
                self.notify(
                    f"Can't add the sentence: {exc}. Put the heading back, or paste it by hand.",
                    severity="error",
                )
                return
            self.editor.apply_text(added.text)
            if added.line is not None:
                self.editor.show_line(added.line)
            self._show_entry()
            return
        removal = selection.take_out(self.editor.text, self.entries, self.current, index)
        if removal.edited is None:
            self.editor.apply_text(removal.text)
            self._show_entry()
            return

        def answer(choice: str | None) -> None:
            if choice == "cancel":
                return
            text = selection.settle_edited(
                self.editor.text, entry, index, removal, remove=choice == "remove"
            )
            self.editor.apply_text(text)
            self._show_entry()

        self.push_screen(
            ChoiceScreen(
                "Edited sentence",
                f"You edited this sentence in the text:\n\n{removal.edited.text.strip()}\n\n"
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
        applied = selection.apply_selection(self.editor.text, self.entries, entry, chosen)
        if applied.problem:
            self.notify(f"Can't update the summary: {applied.problem}.", severity="error")
        self.editor.apply_text(applied.text)
        if applied.edited:
            self._ask_remove_edited(entry, applied.edited)

    def _ask_remove_edited(self, entry: Entry, edited: list[int]) -> None:
        count = len(edited)
        sentences = [entry.sentences[i] for i in edited]

        def answer(choice: str | None) -> None:
            if choice == "remove" and entry in self.entries:
                text = selection.remove_edited(self.editor.text, self.entries, entry, sentences)
                self.editor.apply_text(text)

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

    # ---- several articles --------------------------------------------------------------

    def on_article_chosen(self, message: ArticleChosen) -> None:
        if 0 <= message.index < len(self.entries) and message.index != self.current:
            self.current = message.index
            self._show_entry()

    def on_move_article(self, message: MoveArticle) -> None:
        self.move_article(message.delta)

    def move_article(self, delta: int) -> None:
        if not self.text_ready:
            return
        try:
            moved = selection.move_story(self.editor.text, self.entries, self.current, delta)
        except SectionMissing as exc:
            self.notify(f"Can't move the story: {exc}.", severity="error")
            return
        if moved is None:
            return
        text, self.current = moved
        self.editor.apply_text(text)
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
            selection.marks(self.editor.text, self.entries, self.current) if self.text_ready else {}
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

    @on(TextArea.Changed, "#editor")
    def _editor_changed(self) -> None:
        if self._refresh_timer is not None:
            self._refresh_timer.stop()
        self._refresh_timer = self.set_timer(self.refresh_seconds, self._after_edit)

    def _after_edit(self) -> None:
        self._refresh_timer = None
        if self._finished:
            return
        entry = self.entry
        if self.text_ready and entry is not None and entry.article is not None:
            states = selection.marks(self.editor.text, self.entries, self.current)
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
        if self.dirty:
            state = "unsaved changes"
        elif self.outputs.written:
            state = "saved"
        else:
            state = "unchanged" if self.opening.path else "not saved yet"
        pending = any(e.summary is None and e.article is not None for e in self.entries)
        self.status.say(status_line(briefing, self.rate, state, summarizing=pending))

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
        self.editor.apply_text(refresh_contents(self.text))  # headlines may have been edited
        body = self.text
        full = with_front_matter(
            body, day=self.day, method=self._method_label(), keep_from=self.opening.text or ""
        )
        return body, full, from_markdown(full, day=self.day)

    def _profile(self) -> VoiceProfile:
        profile = next((p for p in self.profiles if p.name == self.voice), self.profiles[0])
        return replace(profile, rate=self.rate)

    def _modal_open(self) -> bool:
        return isinstance(self.screen, ModalScreen)

    def _can_work(self) -> bool:
        """True when a save, export or listen may start now (no dialog open, text there)."""
        if self._modal_open():
            return False
        if not self.text_ready:
            self.notify(STILL_SUMMARIZING)
            return False
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Editing keys do nothing over a dialog, so the dialog's footer doesn't offer them."""
        return not (action in self.NOT_IN_DIALOGS and self._modal_open())

    # ---- save and export ---------------------------------------------------------------

    def action_save(self) -> None:
        if self._can_work():
            self.run_worker(self.save(), group="save", exclusive=True)

    async def save(self) -> bool:
        """Write the Markdown to the output folder now; True if it was written."""
        body, text, briefing = self._briefing()
        stem = slugify(briefing.title)
        folder = self.outputs.folder
        target = folder / f"{stem}.md"
        force = self.outputs.force or self.outputs.ours(target)
        if target.exists() and not force:
            answer = await self.push_screen_wait(overwrite_question([target], save=True))
            if answer != "yes":
                return False
            force = True
        try:
            export_briefing(briefing, folder, ("md",), force=force, stem=stem, markdown_text=text)
        except BriefingError as exc:
            self.notify(str(exc), title="Not saved", severity="error", timeout=8)
            return False
        self.outputs.record([target])
        self.clean_text = body
        self.drafts.forget()
        self.notify(str(target), title="Saved")
        self._refresh_view()
        return True

    def action_export(self) -> None:
        if self._can_work():
            self.run_worker(self.export(), group="export", exclusive=True)

    async def export(self) -> None:
        body, text, briefing = self._briefing()
        stem = slugify(briefing.title)
        profile = self._profile()
        request: ExportRequest | None = await self.push_screen_wait(
            ExportScreen(
                self.outputs.folder,
                stem,
                f"Audio voice: {profile.name}, {profile.rate} words a minute",
                self.export_formats,
            )
        )
        if request is None:
            return
        self.export_formats = request.formats
        targets = [request.folder / f"{stem}.{fmt}" for fmt in request.formats]
        taken = self.outputs.taken(targets)
        if taken and await self.push_screen_wait(overwrite_question(taken)) != "yes":
            return
        force = self.outputs.force or any(t.exists() for t in targets)
        job = ExportJob(briefing, text, request.folder, request.formats, profile, force, stem)
        self.status.start("Exporting")
        self._speaking = True
        self.run_worker(
            partial(self._export_job, job, body),
            thread=True,
            group="export-job",
            exit_on_error=False,
        )

    def _export_job(self, job: ExportJob, body: str) -> None:
        written, problem = export_job(job, partial(self._post_progress, "Speaking"))
        self.post_message(Exported(written, problem, body))

    def _post_progress(self, label: str, done: int, total: int) -> None:
        self.post_message(SpeechProgress(done, total, label))

    def on_speech_progress(self, message: SpeechProgress) -> None:
        self.status.advance(message.done, message.total)

    def on_exported(self, message: Exported) -> None:
        self.status.stop()
        self._speaking = False
        self.outputs.record(message.files)
        if any(p.suffix == ".md" for p in message.files) and not message.problem:
            self.clean_text = message.markdown
            if not self.dirty:
                self.drafts.forget()
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
        if self.playback.stop():
            return
        if self._speaking:
            self.notify("Already speaking; wait for it to finish.")
            return
        if not self._can_work():
            return
        from briefing.speech.script import build_script

        briefing = from_markdown(self.editor.text, day=self.day)
        profile = self._profile()
        script = build_script(briefing, profile)
        if not briefing.word_count:
            self.notify("There is nothing to read yet.")
            return
        self._speaking = True
        self.status.start("Speaking")
        self.run_worker(
            partial(self._listen_job, script, profile, listen_path(self.opening.draft_key)),
            thread=True,
            group="listen",
            exclusive=True,
            exit_on_error=False,
        )

    def _listen_job(self, script: SpeechScript, profile: VoiceProfile, path: Path) -> None:
        try:
            audio = self.playback.render(
                script, profile, path, partial(self._post_progress, "Speaking")
            )
        except BriefingError as exc:
            self.post_message(WorkFailed("Speaking", str(exc)))
            return
        except Exception as exc:  # keep the app (and the user's edits) alive
            self.post_message(WorkFailed("Speaking", f"{type(exc).__name__}: {exc}"))
            return
        self.post_message(AudioReady(audio))
        if self.playback.player is not None:
            self.post_message(PlaybackEnded(path, self.playback.play(path)))

    def on_audio_ready(self, message: AudioReady) -> None:
        self.status.stop()
        self._speaking = False
        audio = message.audio
        if self.playback.player is None:
            self.notify(
                f"{NO_PLAYER}\nAudio ({clock(audio.seconds)}): {audio.path}",
                title="Listen",
                timeout=10,
            )
        else:
            self.notify(f"Playing {clock(audio.seconds)}; ctrl+l stops.", title="Listen")

    def on_playback_ended(self, message: PlaybackEnded) -> None:
        self.playback.ended()
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
        self.sentence_list.action_toggle_sentence()

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

    def action_focus_pane(self, selector: str) -> None:
        self.query_one(selector).focus()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every action of the app in the command palette (ctrl+p)."""
        yield from editor_commands(self)
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
            self.drafts.forget()
        self.playback.stop()
        self.exit(0)

    def on_unmount(self) -> None:
        # Leaving some other way (an error, a signal): never lose the user's work.
        if not self._finished:
            self.autosave()
            self.playback.stop()


def _command(player: list[str] | str | None) -> list[str] | None:
    """The player as a command list (a single string is one program with no options)."""
    if player is None or isinstance(player, list):
        return player
    return [player]
