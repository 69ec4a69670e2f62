"""The method and length of the current article's summary."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Select

from briefing.summarize.length import Length
from briefing.summarize.registry import METHODS
from briefing.tui.messages import SummaryOptions

UNITS = ("sentences", "words", "ratio")
_FIRST = {"sentences": "5", "words": "100", "ratio": "0.3"}
_EXPECTED = {
    "sentences": "a whole number, 1 or more",
    "words": "a whole number, 1 or more",
    "ratio": "a fraction of the article, above 0 and at most 1",
}


def length_parts(length: Length) -> tuple[str, str]:
    """(value, unit) for the length inputs."""
    if length.words is not None:
        return str(length.words), "words"
    if length.ratio is not None:
        return f"{length.ratio:g}", "ratio"
    return str(length.sentences or 5), "sentences"


def parse_length(value: str, unit: str) -> Length | None:
    """The Length typed by the user, or None if it isn't valid for the unit."""
    try:
        if unit == "ratio":
            return Length(ratio=float(value))
        number = int(value)
        return Length(words=number) if unit == "words" else Length(sentences=number)
    except ValueError:
        return None


class SummaryControls(Vertical):
    """Method, length and unit under their labels; any change asks for a new summary."""

    def __init__(self, method: str, length: Length, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._method = method
        self._value, self._unit = length_parts(length)
        self._good_value = self._value

    def compose(self) -> ComposeResult:
        with Horizontal(classes="captions"):
            yield Label("Method", id="method-caption")
            yield Label("Length", id="length-caption")
            yield Label("Unit", id="unit-caption")
        with Horizontal(classes="controls"):
            yield from self._controls()

    def _controls(self) -> ComposeResult:
        yield Select(
            [(name, name) for name in METHODS],
            value=self._method,
            allow_blank=False,
            compact=True,
            id="method",
            tooltip="Summarizing method (see the help for what each does)",
        )
        yield Input(self._value, compact=True, id="length", tooltip="Summary length; enter applies")
        yield Select([(unit, unit) for unit in UNITS], allow_blank=False, compact=True, id="unit")

    def show(self, method: str, length: Length) -> None:
        value, unit = length_parts(length)
        self._unit = unit
        self._method = method
        self.query_one("#method", Select).value = method
        self.query_one("#unit", Select).value = unit
        self.query_one("#length", Input).value = value
        self._good_value = value
        self.query_one("#length", Input).remove_class("-invalid")

    def _post(self, *, leaving: bool = False) -> None:
        method = self.query_one("#method", Select).value
        unit = str(self.query_one("#unit", Select).value)
        box = self.query_one("#length", Input)
        length = parse_length(box.value.strip(), unit)
        box.set_class(length is None, "-invalid")
        if length is None:
            typed = box.value
            if leaving:  # don't leave a length on screen that isn't the one in use
                box.value = self._good_value
                box.remove_class("-invalid")
            kept = f"; still {self._good_value}" if leaving else ""
            self.notify(
                f"{typed!r} is not a length in {unit} ({_EXPECTED[unit]}){kept}.",
                severity="warning",
            )
            return
        self._good_value = box.value.strip()
        if isinstance(method, str):
            self.post_message(SummaryOptions(method, length))

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.select.id == "method":
            if event.value == self._method:
                return  # set by `show`, not chosen by the user
            self._method = str(event.value)
        if event.select.id == "unit":
            if event.value == self._unit:
                return
            # A new unit starts from a sensible size: "5" sentences is not "5" words.
            self._unit = str(event.value)
            self.query_one("#length", Input).value = _FIRST[self._unit]
        self._post()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._post()

    def on_input_blurred(self, event: Input.Blurred) -> None:
        event.stop()
        self._post(leaving=True)
