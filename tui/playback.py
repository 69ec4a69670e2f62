"""Listening: render the briefing to a WAV file, then play it with an external player.

No Textual here: the app runs `render` and `play` on a worker thread and shows
what they report. One `Playback` per app; its process is what ctrl+l stops.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from briefing import locations
from briefing.export import atomic_path
from briefing.models import Audio, VoiceProfile

if TYPE_CHECKING:
    from briefing.speech.script import SpeechScript

NO_PLAYER = "No audio player found (aplay, paplay, afplay or ffplay)."


def clock(seconds: float) -> str:
    """Seconds as m:ss, the way a player shows them."""
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}:{rest:02d}"


def listen_path(key: str) -> Path:
    """Where the listening copy of a draft's briefing is rendered (replaced each time)."""
    return locations.state_dir() / "listen" / f"{key}.wav"


class Playback:
    """The player command and the one process playing now, if any."""

    def __init__(self, player: list[str] | None) -> None:
        self.player = player
        """The command (without the file), or None when no player is installed."""
        self._process: subprocess.Popen[bytes] | None = None
        self._stopping = False

    @property
    def playing(self) -> bool:
        return self._process is not None

    def render(
        self,
        script: SpeechScript,
        profile: VoiceProfile,
        path: Path,
        progress: Callable[[int, int], None],
    ) -> Audio:
        """Speak `script` into `path` (whole or not at all).

        Raises:
            BriefingError: the speech engine failed.
        """
        from briefing.speech.engine import render_script

        with atomic_path(path, force=True) as tmp:
            audio = render_script(script, profile, tmp, progress=progress)
        return replace(audio, path=path)

    def play(self, path: Path) -> str:
        """Play `path` to the end or until `stop`; what went wrong, or "" (blocks: a worker's job)."""
        if self.player is None:
            return ""
        try:
            process = subprocess.Popen(
                [*self.player, str(path)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
        except OSError as exc:
            return str(exc)
        self._process = process
        _, err = process.communicate()
        if process.returncode and not self._stopping:
            lines = err.decode("utf-8", "replace").strip().splitlines()
            return lines[-1] if lines else f"exit status {process.returncode}"
        return ""

    def ended(self) -> None:
        """The player exited (the app heard of it): ready for the next listen."""
        self._process = None
        self._stopping = False

    def stop(self) -> bool:
        """Stop the player if one is playing; True if one was."""
        if self._process is None:
            return False
        self._stopping = True
        self._process.terminate()
        return True
