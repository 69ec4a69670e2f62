"""The speech engine registry: each engine's name, how to load it lazily, and whether it is installed.

Adding an engine means writing its module (a `SpeechEngine` subclass that
reports its own `sample_rate` and voices) and adding one `EngineEntry` to
`ENGINES`. Nothing here imports an engine's module until that engine is
chosen, so start-up and the other engines pay nothing for it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from importlib.util import find_spec
from typing import TYPE_CHECKING

from briefing.errors import EngineError

if TYPE_CHECKING:
    from briefing.models import VoiceProfile
    from briefing.speech.engine import SpeechEngine

DEFAULT_ENGINE = "espeak"
OVERRIDE_VARIABLE = "BRIEFING_ENGINE"
"""When set, this engine speaks for every profile, whatever the profile names (tests, benchmarks)."""


@dataclass(frozen=True)
class EngineEntry:
    """One engine as the registry knows it, before anything of it is imported."""

    name: str
    description: str
    load: Callable[[], SpeechEngine]
    """Imports the engine's module and builds the engine; raises EngineError if it can't."""
    available: Callable[[], bool]
    """A cheap check (no heavy imports) that the engine's packages are installed."""
    install_hint: str
    """What the user can do when the engine is missing, e.g. "pip install 'briefing[natural]'"."""


def _modules_installed(*names: str) -> bool:
    """Whether every module can be found, without importing any of them."""
    try:
        return all(find_spec(name) is not None for name in names)
    except (ImportError, ValueError):
        return False


def _load_espeak() -> SpeechEngine:
    from briefing.speech.espeak import EspeakEngine

    return EspeakEngine()


def _espeak_available() -> bool:
    if not _modules_installed("pyttsx3"):
        return False
    if _modules_installed("espeakng_loader"):
        return True
    from ctypes.util import find_library

    return find_library("espeak-ng") is not None


def _load_piper() -> SpeechEngine:
    from briefing.speech.piper import PiperEngine

    return PiperEngine()


def _piper_available() -> bool:
    return _modules_installed("onnxruntime") and _espeak_available()


def _load_fake() -> SpeechEngine:
    from briefing.speech.fake import FakeEngine

    return FakeEngine()


ENGINES: dict[str, EngineEntry] = {
    entry.name: entry
    for entry in (
        EngineEntry(
            "espeak",
            "espeak-ng through pyttsx3: small, fast, a hundred languages",
            _load_espeak,
            _espeak_available,
            "reinstall briefing or install espeak-ng, or use --no-audio",
        ),
        EngineEntry(
            "piper",
            "Piper neural voices (onnxruntime): natural, slower, the languages of installed voices",
            _load_piper,
            _piper_available,
            "pip install 'briefing[natural]'",
        ),
        EngineEntry(
            "fake",
            "deterministic tones for tests, no native code",
            _load_fake,
            lambda: True,
            "it ships with briefing",
        ),
    )
}


def entry_named(name: str) -> EngineEntry:
    """The registry entry called `name`.

    Raises:
        EngineError: no engine has that name (the message lists the known ones).
    """
    try:
        return ENGINES[name]
    except KeyError:
        raise EngineError(f"unknown speech engine {name!r} (known: {', '.join(ENGINES)})") from None


def override() -> str | None:
    """The engine BRIEFING_ENGINE names, if it is set: the one place it is read."""
    return os.environ.get(OVERRIDE_VARIABLE) or None


def engine_name_for(voice: VoiceProfile | None = None) -> str:
    """The engine that will speak `voice`: BRIEFING_ENGINE if set, else the profile's own engine."""
    return override() or (voice.engine if voice is not None else DEFAULT_ENGINE)


def load_engine(name: str, *, needed_by: str = "") -> SpeechEngine:
    """The engine called `name`, imported only now.

    Raises:
        EngineError: the engine is unknown, not installed (the message says how
            to install it, naming `needed_by` if given) or fails to load.
    """
    entry = entry_named(name)
    if not entry.available():
        problem = f"the {name} speech engine is not installed"
        if needed_by:
            problem = f"voice {needed_by!r} needs the {name} speech engine, which is not installed"
        raise EngineError(f"{problem}: {entry.install_hint}")
    return entry.load()


def engine_for(voice: VoiceProfile | None = None) -> SpeechEngine:
    """The loaded engine that speaks `voice` (see engine_name_for).

    Raises:
        EngineError: as load_engine.
    """
    return load_engine(engine_name_for(voice), needed_by=voice.name if voice is not None else "")
