"""The find dialog: one line of text to look for, in the editor or the sentence list."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label


class FindScreen(ModalScreen[str | None]):
    """Ask what to find; enter finds it, escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, where: str, last: str = "") -> None:
        super().__init__(classes="dialog-screen")
        self.where = where
        self.last = last

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="find-dialog") as dialog:
            dialog.border_title = f"Find in the {self.where}"
            dialog.border_subtitle = "enter finds · f3 finds the next"
            with Horizontal(classes="field"):
                yield Label("Find ", classes="caption")
                yield Input(self.last, id="find", compact=True)
        yield Footer()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
