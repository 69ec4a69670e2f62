"""The review-and-edit app: the article's sentences beside the briefing's Markdown, then export.

The app is the shell: it lays out the widgets, routes keys and messages to the
helper that owns them, and shows the state. Beside it, one concern each:
summaries.py (summarizing workers), choosing.py (toggles and moves; the rules are
plain Python in selection.py), drafting.py (drafts; what they hold is session.py's),
saving.py (save and export), playback.py (listen), finding.py (find),
outside.py ($EDITOR), commands.py (the palette) and screens/questions.py (every
question asked).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.events import Resize
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, Static, TextArea

from briefing import locations
from briefing.drafts import Draft
from briefing.errors import BriefingError
from briefing.files import ensure_dir
from briefing.models import Briefing, VoiceProfile
from briefing.render import from_markdown, split_front_matter
from briefing.summarize.length import Length
from briefing.tui import selection
from briefing.tui.choosing import Chooser
from briefing.tui.commands import editor_commands
from briefing.tui.document import refresh_contents, with_front_matter
from briefing.tui.drafting import Drafting
from briefing.tui.finding import Finder
from briefing.tui.messages import (
    ArticleChosen,
    AudioReady,
    Exported,
    LengthStep,
    MoveArticle,
    PlaybackEnded,
    PlaybackStarted,
    SpeechProgress,
    SummaryOptions,
    SummaryReady,
    ToggleSentence,
    VoiceOptions,
    WorkFailed,
)
from briefing.tui.outside import OutsideEditor
from briefing.tui.playback import Listener, Playback, player_command
from briefing.tui.player import find_player
from briefing.tui.saving import Outputs, Saver
from briefing.tui.session import (
    DraftKeeper,
    Entry,
    Opening,
    articles_field,
    step_length,
    words_step,
)
from briefing.tui.settings import load_settings, save_setting
from briefing.tui.summaries import Summarizer
from briefing.tui.widgets.article_list import ArticleList
from briefing.tui.widgets.editor import MarkdownEditor
from briefing.tui.widgets.preview import PreviewPane
from briefing.tui.widgets.sentence_list import SentenceList, legend
from briefing.tui.widgets.status_bar import StatusBar, status_line
from briefing.tui.widgets.summary_controls import SummaryControls
from briefing.tui.widgets.voice_controls import VoiceControls

if TYPE_CHECKING:
    from textual.theme import Theme


WIDE = 120
"""From this many columns on, the preview sits beside the editor instead of behind it."""
AUTOSAVE_SECONDS = 3.0
REFRESH_SECONDS = 0.25
"""Pause after the last keystroke before the preview and marks follow the text."""


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
        Binding("ctrl+o", "external_editor", "$EDITOR", show=False),
        Binding("ctrl+f", "find", "Find", show=False),
        Binding("f3", "find_next", "Find next", show=False),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]
    NOT_IN_DIALOGS: ClassVar[frozenset[str]] = frozenset(
        {
            "save",
            "save_as",
            "export",
            "listen",
            "toggle_preview",
            "move_article",
            "external_editor",
            "find",
            "find_next",
        }
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

        self.opening = opening
        self.entries: list[Entry] = opening.entries
        self.current = 0
        meta, body = split_front_matter(opening.text or "")
        self.day = day or _meta_date(meta) or dt.date.today()
        if out is None and opening.path is not None:
            out = opening.path.parent  # ctrl+s saves a reopened briefing where it was
        outputs = Outputs(
            out or locations.output_dir(self.day), force, out is not None, opening.path
        )
        self.saver = Saver(self, outputs)
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
        playback = Playback(find_player() if player == "auto" else player_command(player))
        self.listener = Listener(self, playback)
        self.summarizer = Summarizer(self)
        self.chooser = Chooser(self)
        self.drafts = DraftKeeper(opening.draft_key)
        self.drafting = Drafting(self, self.drafts)
        self.outside = OutsideEditor(self)
        self.finder = Finder(self)
        self.offer_draft = offer_draft
        self.text_ready = False
        self.clean_text: str | None = None
        self._refresh_timer: Timer | None = None
        self.speaking = False
        """A render (listen or export) is running: one at a time."""
        self._finished = False
        self._text = ""
        self._started = False
        self.painted = threading.Event()
        """Set once the first screen is drawn: summarizing waits for it (see summaries.py)."""
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
                yield Static(legend(), id="legend")
            with Vertical(id="editor-pane"):
                # Below the text, so Tab reaches the editor right after the sentences.
                yield MarkdownEditor(id="editor")
                yield VoiceControls(self.profiles, self.voice, self.rate, id="voice-controls")
            # Empty until first shown: its Markdown widget (and markdown-it) load then.
            yield PreviewPane(id="preview-pane")
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
        if self.is_headless:  # a steady cursor, so screenshots of a focused box are stable
            self.editor.cursor_blink = False
            for box in self.query(Input):
                box.cursor_blink = False
        if self.opened_body is not None:
            self.editor.load_text(self.opened_body)
            self.clean_text = self.opened_body
            self.text_ready = True
        self.show_entry()
        self.sentence_list.focus()
        self._layout(self.size.width)
        self.set_interval(self.autosave_seconds, self.autosave)
        self.call_after_refresh(self.painted.set)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.drafting.start()

    @property
    def read_only(self) -> bool:
        """Another editor has these inputs open: nothing here changes the text or the draft."""
        return self.drafts.read_only

    def _remember_theme(self, theme: Theme) -> None:
        try:
            save_setting("theme", theme.name)
        except BriefingError as exc:
            self.notify(f"Can't remember the theme: {exc}", severity="warning")

    def on_resize(self, event: Resize) -> None:
        self._layout(event.size.width)

    def _layout(self, width: int) -> None:
        self.query_one("#main").set_class(width >= WIDE, "-wide")
        if self.query_one("#preview-pane", PreviewPane).stale and self.text_ready:
            self.call_after_refresh(self._update_preview)
        self.call_after_refresh(self._keep_focus)

    def _keep_focus(self) -> None:
        """After a resize hid the focused pane (the preview when narrowing), focus the editor."""
        if self._modal_open():
            return
        focused = self.focused
        if focused is None or not focused.is_on_screen or not focused.display:
            preview = self.query_one("#preview-pane")
            target = preview if self.query_one("#main").has_class("-preview") else self.editor
            target.focus()

    # ---- drafts (drafting.py) ---------------------------------------------------------

    def begin(self, draft: Draft | None) -> None:
        """Start work: restore the draft if asked, then summarize every article."""
        self._started = True
        if draft is not None:
            self.drafting.restore(draft)
        for entry in self.entries:
            self._summarize(entry, apply=not self.text_ready)
        if not self.text_ready and not any(e.article for e in self.entries):
            self.summarizer.first_text()
        elif not self.text_ready:
            self.show_entry()

    def make_draft(self) -> Draft:
        return self.drafting.make()

    @property
    def dirty(self) -> bool:
        """True when the editor holds work that isn't in the output folder."""
        return self.text_ready and self.text != self.clean_text

    def autosave(self) -> None:
        """Keep the draft on disk in step with the editor (called every few seconds)."""
        self.drafting.autosave()

    # ---- summaries and choices (summaries.py, choosing.py) ------------------------------

    def _summarize(self, entry: Entry, *, apply: bool) -> None:
        self.summarizer.start(entry, apply=apply)

    def on_summary_ready(self, message: SummaryReady) -> None:
        self.summarizer.ready(message)

    def on_work_failed(self, message: WorkFailed) -> None:
        self.status.stop()
        self.speaking = False
        if message.problem:
            self.notify(
                message.problem, title=f"{message.what} failed", severity="error", timeout=8
            )
        else:
            self.notify(f"{message.what} stopped.")
        self.refresh_view()

    def on_summary_options(self, message: SummaryOptions) -> None:
        if self.chooser.refused():
            return
        entry = self.entry
        if entry is None or (message.method, message.length) == (entry.method, entry.length):
            return
        entry.method, entry.length = message.method, message.length
        self._summarize(entry, apply=True)

    def on_length_step(self, message: LengthStep) -> None:
        if self.chooser.refused():
            return
        entry = self.entry
        if entry is None or entry.article is None:
            return
        entry.length = step_length(entry.length, message.delta, words=words_step(entry.article))
        self.query_one("#summary-controls", SummaryControls).show(entry.method, entry.length)
        self._summarize(entry, apply=True)

    def on_voice_options(self, message: VoiceOptions) -> None:
        self.voice, self.rate = message.voice, message.rate
        self.refresh_view()

    def on_toggle_sentence(self, message: ToggleSentence) -> None:
        self.chooser.toggle(message.index)

    def on_article_chosen(self, message: ArticleChosen) -> None:
        if 0 <= message.index < len(self.entries) and message.index != self.current:
            self.current = message.index
            self.show_entry()

    def on_move_article(self, message: MoveArticle) -> None:
        self.move_article(message.delta)

    def move_article(self, delta: int) -> None:
        self.chooser.move(delta)

    # ---- showing state -----------------------------------------------------------------

    def show_entry(self) -> None:
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
            self.refresh_view()
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
        self.refresh_view()

    @on(TextArea.Changed, "#editor")
    def _editor_changed(self) -> None:
        if self._refresh_timer is not None:
            self._refresh_timer.stop()
        self._refresh_timer = self.set_timer(self.refresh_seconds, self._after_edit)

    def _after_edit(self) -> None:
        self._refresh_timer = None
        if self._finished or not self.query("#editor"):
            return  # closing: the delayed refresh came after the editor was taken down
        self.chooser.follow_text()
        entry = self.entry
        if self.text_ready and entry is not None and entry.article is not None:
            states = selection.marks(self.editor.text, self.entries, self.current)
            self.sentence_list.show(entry.article, entry.scores, states)
        self.refresh_view()

    def show_articles(self) -> None:
        """The article list as the stories stand (order and headings follow the text)."""
        self.query_one("#articles", ArticleList).show(
            [e.headline for e in self.entries], self.current
        )

    @on(MarkdownEditor.Undone)
    def _undone(self) -> None:
        self.chooser.undone()

    def after_outside_edit(self) -> None:
        """The text came back from $EDITOR: stories and marks follow it."""
        self.chooser.follow_text()
        self.show_entry()

    def refresh_view(self) -> None:
        """Preview, window title and status line from the editor's text."""
        if not self.text_ready:
            if self._started and self.entry is not None:
                self.sub_title = self.entry.headline  # what is being summarized, from the start
            self.status.say("Summarizing…" if self._started else "")
            return
        text = self.editor.text
        briefing = from_markdown(text, day=self.day)
        self.sub_title = briefing.title
        self._update_preview(text)
        if self.dirty:
            state = "unsaved changes"
        elif self.saver.outputs.written:
            state = "saved"
        else:
            state = "unchanged" if self.opening.path else "not saved yet"
        pending = any(e.summary is None and e.article is not None for e in self.entries)
        self.status.say(status_line(briefing, self.rate, state, summarizing=pending))

    def _update_preview(self, text: str | None = None) -> None:
        self.query_one("#preview-pane", PreviewPane).show(self.text if text is None else text)

    def _method_label(self) -> str:
        methods = ", ".join(dict.fromkeys(e.method for e in self.entries if e.article))
        return methods or self.saved_method or "manual"

    def briefing_now(self) -> tuple[str, str, Briefing]:
        """The editor's text, the whole file it makes (with front matter) and its briefing."""
        self.editor.apply_text(refresh_contents(self.text))  # headlines may have been edited
        body = self.text
        articles = articles_field(self.entries)
        full = with_front_matter(
            body,
            day=self.day,
            method=self._method_label(),
            keep_from=self.opening.text or "",
            fields={"articles": articles} if any(articles) else None,
        )
        return body, full, from_markdown(full, day=self.day)

    def profile(self) -> VoiceProfile:
        profile = next((p for p in self.profiles if p.name == self.voice), self.profiles[0])
        return replace(profile, rate=self.rate)

    def _modal_open(self) -> bool:
        return isinstance(self.screen, ModalScreen)

    def can_work(self) -> bool:
        """True when a save, export or listen may start now (no dialog open, text there)."""
        if self._modal_open():
            return False
        if not self.text_ready:
            from briefing.tui.screens.questions import STILL_SUMMARIZING

            self.notify(STILL_SUMMARIZING)
            return False
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Editing keys do nothing over a dialog, so the dialog's footer doesn't offer them."""
        return not (action in self.NOT_IN_DIALOGS and self._modal_open())

    # ---- save, export, listen (saving.py, playback.py) -------------------------------

    def action_save(self) -> None:
        if self.can_work():
            self.run_worker(self.save(), group="save", exclusive=True)

    async def save(self) -> bool:
        """Write the Markdown to the output folder now; True if it was written."""
        return await self.saver.save()

    def action_export(self) -> None:
        if self.can_work():
            self.run_worker(self.saver.export(), group="export", exclusive=True)

    def action_save_as(self) -> None:
        if self.can_work():
            self.run_worker(self.saver.export(save_as=True), group="export", exclusive=True)

    def on_exported(self, message: Exported) -> None:
        self.saver.exported(message)

    def action_listen(self) -> None:
        if not self._modal_open():
            self.listener.listen()

    def on_audio_ready(self, message: AudioReady) -> None:
        self.listener.ready(message)

    def on_playback_started(self, message: PlaybackStarted) -> None:
        self.listener.started(message)

    def on_playback_ended(self, message: PlaybackEnded) -> None:
        self.listener.ended(message)

    def post_progress(self, label: str, done: int, total: int) -> None:
        """Report a worker's progress (from its thread) to the status bar."""
        self.post_message(SpeechProgress(done, total, label))

    def on_speech_progress(self, message: SpeechProgress) -> None:
        self.status.advance(message.done, message.total)

    # ---- other actions -----------------------------------------------------------------

    def action_help(self) -> None:
        from briefing.tui.screens.help import HelpScreen  # each screen loads when first opened

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

    def action_external_editor(self) -> None:
        """Hand the Markdown to $VISUAL or $EDITOR, and take back what it saved."""
        if self.can_work() and not self.read_only:
            self.outside.edit()

    def action_find(self) -> None:
        if not self._modal_open():
            self.finder.ask()

    def action_find_next(self) -> None:
        if not self._modal_open():
            self.finder.next()

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """Save an SVG screenshot in the output folder (created if need be), not ~/Downloads."""
        folder = Path(path).expanduser() if path else self.saver.outputs.folder
        try:
            ensure_dir(folder)
            saved = self.save_screenshot(filename, str(folder))
        except (OSError, BriefingError) as exc:
            self.notify(f"Can't save the screenshot in {folder}: {exc}", severity="error")
            return
        self.notify(saved, title="Screenshot saved", timeout=8)

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
        self.refresh_view()

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
        from briefing.tui.screens import questions
        from briefing.tui.screens.choice import ChoiceScreen

        if isinstance(self.screen, ChoiceScreen) and self.screen.title_text == questions.UNSAVED:
            return
        if not self.dirty:
            self.finish("clean")
            return
        self.run_worker(self._quit_guard(), group="quit", exclusive=True)

    async def _quit_guard(self) -> None:
        from briefing.tui.screens import questions

        can_keep = not (self.drafts.failing or self.read_only)
        answer = await self.push_screen_wait(questions.quit_unsaved(can_keep=can_keep))
        if answer == "save":
            if await self.save():
                self.finish("clean")
        elif answer in ("keep", "discard"):
            self.finish(answer)

    def finish(self, how: str) -> None:
        """Leave the app: "clean" (nothing unsaved), "keep" the draft or "discard" it."""
        if how == "keep":
            self.autosave()
            if (
                self.text_ready
                and self.dirty
                and not self.drafting.make().same_as(self.drafts.last)
            ):
                self.notify(
                    "Can't keep the draft anywhere: save the briefing or discard it.",
                    severity="error",
                )
                return
        else:
            self.drafts.forget()
        self._finished = True
        if self._refresh_timer is not None:
            self._refresh_timer.stop()
        self.listener.stop_all()
        elsewhere = self.drafts.elsewhere if how == "keep" else None
        self.exit(0, message=f"briefing: draft kept in {elsewhere}" if elsewhere else None)

    def on_unmount(self) -> None:
        # Leaving some other way (an error): never lose the user's work.
        if not self._finished:
            self.autosave()
            self.listener.stop_all()
        self.drafting.stop()
