"""Messages between the editor's widgets, workers and the app, as small dataclasses."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.message import Message

from briefing.models import Audio, Summary
from briefing.summarize.length import Length
from briefing.tui.session import Entry


@dataclass
class ToggleSentence(Message):
    """The user wants a sentence of the current article in or out of the summary."""

    index: int


@dataclass
class LengthStep(Message):
    """The user wants the current summary longer (+1) or shorter (-1) by one unit."""

    delta: int


@dataclass
class SummaryOptions(Message):
    """The method or the length of the current article's summary was changed."""

    method: str
    length: Length


@dataclass
class VoiceOptions(Message):
    """The voice profile or the speaking rate was changed."""

    voice: str
    rate: int


@dataclass
class MoveArticle(Message):
    """Move the current article up (-1) or down (+1) in the briefing."""

    delta: int


@dataclass
class ArticleChosen(Message):
    """The user moved to another article in the list of open articles."""

    index: int


@dataclass
class SummaryReady(Message):
    """A summarizing worker finished."""

    entry: Entry
    generation: int
    summary: Summary
    apply: bool
    """True: its picks become the selection; False: only its scores are wanted."""


@dataclass
class WorkFailed(Message):
    """A worker hit an error the user should read."""

    what: str
    problem: str


@dataclass
class SpeechProgress(Message):
    """Characters spoken so far, out of the whole script."""

    done: int
    total: int
    label: str


@dataclass
class AudioReady(Message):
    """A listening copy was rendered."""

    audio: Audio


@dataclass
class PlaybackStarted(Message):
    """The player is running (it didn't fail at once): the status bar says so."""

    seconds: float


@dataclass
class PlaybackEnded(Message):
    """The audio player exited (problem is empty when it played to the end or was stopped)."""

    path: Path
    problem: str


@dataclass
class Exported(Message):
    """An export finished; `problem` is set when some format failed."""

    files: list[Path]
    problem: str
    markdown: str
