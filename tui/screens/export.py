"""The export dialog: which formats to write, where, and optionally a notes vault to add notes to."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Footer, Input, Label, Static

from briefing.formats import FORMATS


@dataclass(frozen=True)
class ExportRequest:
    """What the user asked the dialog for."""

    folder: Path
    formats: tuple[str, ...]
    notes: Path | None = None
    """A notes vault to write the briefing's notes into as well (the `notes` target)."""
    stem: str = ""
    """The file name without its suffix ("" keeps the one the dialog offered)."""


class ExportScreen(ModalScreen[ExportRequest | None]):
    """Pick formats and a folder; the app asks before overwriting and does the writing."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        folder: Path,
        stem: str,
        voice_line: str,
        chosen: tuple[str, ...] = ("md", "html"),
        notes: Path | None = None,
        *,
        title: str = "Export briefing",
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.folder = folder
        self.notes = notes
        self.stem = stem
        self.voice_line = voice_line
        self.chosen = chosen

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="export-dialog") as dialog:
            dialog.border_title = self.title_text
            with VerticalScroll(classes="dialog-body", can_focus=False):
                with Horizontal(classes="field"):
                    yield Label("Folder", classes="caption")
                    yield Input(str(self.folder), id="folder", compact=True)
                with Horizontal(classes="field"):
                    yield Label("Name  ", classes="caption")
                    yield Input(self.stem, id="name", compact=True)
                yield Static("The name gets each format's suffix.", classes="hint")
                with Grid(id="formats"):
                    for fmt in FORMATS.values():
                        yield Checkbox(
                            f"{fmt.name} {fmt.description}",
                            fmt.name in self.chosen,
                            id=f"fmt-{fmt.name}",
                            compact=True,
                        )
                yield Static(self.voice_line, classes="hint", markup=False)
                with Horizontal(classes="field"):
                    yield Label("Notes", classes="caption")
                    yield Input(
                        str(self.notes or ""),
                        placeholder="a notes vault folder (optional)",
                        id="notes",
                        compact=True,
                    )
                yield Static(
                    "A note per story there, linked from the day's note",
                    classes="hint",
                    markup=False,
                )
                yield Static("", id="export-problem", classes="problem")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export", id="export", variant="primary")
                yield Button("Cancel", id="cancel")
        yield Footer()  # this dialog's keys, not those of the screen below

    def on_mount(self) -> None:
        # Long names and folders show from their start, the part that tells them apart.
        for box in self.query(Input):
            box.cursor_position = 0
        self.query_one("#export", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "cancel":
            self.dismiss(None)
        else:
            self.submit()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def submit(self) -> None:
        formats = tuple(f for f in FORMATS if self.query_one(f"#fmt-{f}", Checkbox).value)
        folder = self.query_one("#folder", Input).value.strip()
        notes = self.query_one("#notes", Input).value.strip()
        name = _stem(self.query_one("#name", Input).value)
        problem = self.query_one("#export-problem", Static)
        if not folder:
            problem.update("Give a folder to write to.")
        elif not name:
            problem.update("Give the file a name (no / in it).")
        elif not formats:
            problem.update("Choose at least one format.")
        if not folder or not formats or not name:
            problem.display = True
        else:
            vault = Path(notes).expanduser() if notes else None
            self.dismiss(ExportRequest(Path(folder).expanduser(), formats, vault, name))

    def action_cancel(self) -> None:
        self.dismiss(None)


def _stem(typed: str) -> str:
    """The name typed, without a format suffix the user may have added; "" if unusable."""
    name = typed.strip()
    for fmt in FORMATS.values():
        if name.lower().endswith(fmt.suffix.lower()):
            name = name[: -len(fmt.suffix)]
            break
    if not name or "/" in name or name in {".", ".."}:
        return ""
    return name
