"""The voice profile and speaking rate used to listen and to export audio."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label, Select

from briefing.models import VoiceProfile
from briefing.tui.messages import VoiceOptions

MIN_RATE, MAX_RATE = 40, 500


class VoiceControls(Horizontal):
    """A voice profile and its rate in words per minute (a new voice brings its own rate)."""

    def __init__(
        self, profiles: list[VoiceProfile], voice: str, rate: int, **kwargs: object
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.profiles = {p.name: p for p in profiles}
        self._voice = voice
        self._start_rate = rate
        self._good_rate = rate

    def compose(self) -> ComposeResult:
        yield Label("Voice", classes="caption")
        yield Select(
            [(name, name) for name in self.profiles],
            value=self._voice,
            allow_blank=False,
            compact=True,
            id="voice",
            tooltip="Voice profile for listening and audio export",
        )
        yield Input(
            str(self._start_rate),
            compact=True,
            id="rate",
            type="integer",
            tooltip="Words per minute",
        )
        yield Label("wpm", classes="caption")

    def show(self, voice: str, rate: int) -> None:
        if voice in self.profiles:
            self._voice = voice
            self.query_one("#voice", Select).value = voice
        self.query_one("#rate", Input).value = str(rate)
        self._good_rate = rate

    def _rate(self) -> int | None:
        box = self.query_one("#rate", Input)
        try:
            rate = int(box.value)
        except ValueError:
            rate = None
        ok = rate is not None and MIN_RATE <= rate <= MAX_RATE
        box.set_class(not ok, "-invalid")
        return rate if ok else None

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        profile = self.profiles.get(str(event.value))
        if profile is None or profile.name == self._voice:
            return  # set by `show`, not chosen by the user
        self._voice = profile.name
        rate = self._rate()
        if rate is None or rate != profile.rate:
            self.query_one("#rate", Input).value = str(profile.rate)
        self._good_rate = profile.rate
        self.post_message(VoiceOptions(profile.name, profile.rate))

    def _post(self, *, leaving: bool) -> None:
        rate = self._rate()
        voice = self.query_one("#voice", Select).value
        if rate is None:
            box = self.query_one("#rate", Input)
            typed = box.value
            if leaving:  # don't leave a number on screen that isn't the one in use
                box.value = str(self._good_rate)
                box.remove_class("-invalid")
            kept = f"; still {self._good_rate}" if leaving else ""
            self.notify(
                f"The rate must be a whole number of words a minute from {MIN_RATE} to "
                f"{MAX_RATE}, not {typed!r}{kept}.",
                severity="warning",
            )
            return
        if isinstance(voice, str):
            self._good_rate = rate
            self.post_message(VoiceOptions(voice, rate))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._post(leaving=False)

    def on_input_blurred(self, event: Input.Blurred) -> None:
        event.stop()
        self._post(leaving=True)
