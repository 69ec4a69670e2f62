"""Listening: render the briefing to a WAV file, then play it with an external player.

`Playback` (the render and the player process, no Textual) is what ctrl+l stops;
`Listener` is the app's listen flow: the worker, and what to tell the user.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from briefing import locations
from briefing.errors import BriefingError
from briefing.files import atomic_path
from briefing.models import Audio, VoiceProfile
from briefing.render import from_markdown
from briefing.tui.messages import AudioReady, PlaybackEnded, WorkFailed

if TYPE_CHECKING:
    from briefing.speech.script import SpeechScript
    from briefing.tui.app import BriefingApp

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


class Listener:
    """The app's ctrl+l: render the text as it is now and play it; again to stop."""

    def __init__(self, app: BriefingApp, playback: Playback) -> None:
        self.app = app
        self.playback = playback

    def listen(self) -> None:
        """Start (or stop) listening, unless something else is being spoken."""
        app = self.app
        if self.playback.stop():
            return
        if app.speaking:
            app.notify("Already speaking; wait for it to finish.")
            return
        if not app.can_work():
            return
        from briefing.speech.script import build_script

        briefing = from_markdown(app.editor.text, day=app.day)
        profile = app.profile()
        script = build_script(briefing, profile)
        if not briefing.word_count:
            app.notify("There is nothing to read yet.")
            return
        app.speaking = True
        app.status.start("Speaking")
        app.run_worker(
            partial(self._run, script, profile, listen_path(app.opening.draft_key)),
            thread=True,
            group="listen",
            exclusive=True,
            exit_on_error=False,
        )

    def _run(self, script: SpeechScript, profile: VoiceProfile, path: Path) -> None:
        app = self.app
        try:
            audio = self.playback.render(
                script, profile, path, partial(app.post_progress, "Speaking")
            )
        except BriefingError as exc:
            app.post_message(WorkFailed("Speaking", str(exc)))
            return
        except Exception as exc:  # keep the app (and the user's edits) alive
            app.post_message(WorkFailed("Speaking", f"{type(exc).__name__}: {exc}"))
            return
        app.post_message(AudioReady(audio))
        if self.playback.player is not None:
            app.post_message(PlaybackEnded(path, self.playback.play(path)))

    def ready(self, message: AudioReady) -> None:
        """The audio is rendered: say how long it is, and where it is if nothing plays it."""
        app = self.app
        app.status.stop()
        app.speaking = False
        audio = message.audio
        if self.playback.player is None:
            app.notify(
                f"{NO_PLAYER}\nAudio ({clock(audio.seconds)}): {audio.path}",
                title="Listen",
                timeout=10,
            )
        else:
            app.notify(f"Playing {clock(audio.seconds)}; ctrl+l stops.", title="Listen")

    def ended(self, message: PlaybackEnded) -> None:
        """The player exited: say so if it failed."""
        self.playback.ended()
        if message.problem:
            self.app.notify(
                f"The player failed ({message.problem}).\nAudio: {message.path}",
                title="Listen",
                severity="warning",
                timeout=10,
            )
