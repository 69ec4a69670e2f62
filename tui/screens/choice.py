"""A question with a few answers as buttons (overwrite, quit, restore a draft, edited text)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static

Choice = tuple[str, str, str]
"""(button label, value returned, button variant)."""


class ChoiceScreen(ModalScreen[str]):
    """Ask the user to choose; escape answers `cancel`."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        title: str,
        message: str,
        choices: Sequence[Choice],
        *,
        cancel: str = "cancel",
        default: int = 0,
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.message = message
        self.choices = list(choices)
        self.cancel_value = cancel
        self.default = default
        # The footer names what escape really does ("Restore" for a draft, not "Cancel").
        escape_label = next(
            (label for label, value, _ in self.choices if value == cancel), "Cancel"
        )
        self._bindings.key_to_bindings["escape"] = [Binding("escape", "cancel", escape_label)]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as dialog:
            dialog.border_title = self.title_text
            with VerticalScroll(classes="dialog-body", can_focus=False):
                yield Static(self.message, classes="dialog-message", markup=False)
            with Horizontal(classes="dialog-buttons"):
                for label, value, variant in self.choices:
                    yield Button(label, id=f"choice-{value}", variant=variant)  # type: ignore[arg-type]
        yield Footer()  # this dialog's keys, not those of the screen below

    def on_mount(self) -> None:
        buttons = list(self.query(Button))
        buttons[min(self.default, len(buttons) - 1)].focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        assert event.button.id is not None
        self.dismiss(event.button.id.removeprefix("choice-"))

    def action_cancel(self) -> None:
        self.dismiss(self.cancel_value)
