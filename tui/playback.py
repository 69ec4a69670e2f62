"""Listening: render the briefing to a WAV file, then play it with an external player.

`Playback` (the render and the player process, no Textual) is what ctrl+l stops;
`Listener` is the app's listen flow: the worker, and what to tell the user.
"""

from __future__ import annotations

import contextlib
import subprocess
import threading
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
from briefing.tui.messages import AudioReady, PlaybackEnded, PlaybackStarted, WorkFailed

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


FAILURE_SIGNS = (
    "audio open failed",
    "failed to open",
    "could not open",
    "couldn't open",
    "cannot open",
    "connection refused",
    "no such device",
    "unknown pcm",
    "error",
)
"""Words on a player's stderr that mean it played nothing, even when it exits 0 (ffplay)."""

STARTED_AFTER = 0.4
"""Seconds a player must keep running before "Playing" is said: a failing one exits sooner."""


class RenderCancelled(Exception):
    """The user stopped the render (ctrl+l again) before it finished."""


def player_problem(returncode: int, stderr: str) -> str:
    """What went wrong with a player that exited: "" when it played to the end."""
    lines = [line.strip() for line in stderr.strip().splitlines() if line.strip()]
    failing = [line for line in lines if any(s in line.lower() for s in FAILURE_SIGNS)]
    if failing:
        return failing[-1]
    if returncode:
        return lines[-1] if lines else f"exit status {returncode}"
    return ""


class Playback:
    """The player command, the one process playing now, and the render that may be cancelled."""

    def __init__(self, player: list[str] | None) -> None:
        self.player = player
        """The command (without the file), or None when no player is installed."""
        self._process: subprocess.Popen[bytes] | None = None
        self._stopping = False
        self._cancel = threading.Event()
        self.rendering = False
        self._rendered: tuple[str, VoiceProfile, Audio] | None = None

    @property
    def playing(self) -> bool:
        return self._process is not None

    def cached(self, text: str, profile: VoiceProfile) -> Audio | None:
        """The last render, if it was of this text with this voice and its file is still there."""
        if self._rendered is None:
            return None
        text_then, profile_then, audio = self._rendered
        if text_then == text and profile_then == profile and audio.path and audio.path.exists():
            return audio
        return None

    def render(
        self,
        script: SpeechScript,
        profile: VoiceProfile,
        path: Path,
        progress: Callable[[int, int], None],
        *,
        text: str = "",
    ) -> Audio:
        """Speak `script` into `path` (whole or not at all); remembered for `cached` by `text`.

        Raises:
            BriefingError: the speech engine failed.
            RenderCancelled: `cancel` was called meanwhile (nothing is left at `path`'s
                temporary name; an earlier file at `path` stays).
        """
        from briefing.speech.engine import render_script

        self._cancel.clear()

        def step(done: int, total: int) -> None:
            if self._cancel.is_set():
                raise RenderCancelled
            progress(done, total)

        self.rendering = True
        try:
            with atomic_path(path, force=True) as tmp:
                audio = render_script(script, profile, tmp, progress=step)
                if self._cancel.is_set():
                    raise RenderCancelled
        finally:
            self.rendering = False
        audio = replace(audio, path=path)
        self._rendered = (text, profile, audio)
        return audio

    def cancel(self) -> bool:
        """Stop the render running now; True if there was one."""
        if not self.rendering:
            return False
        self._cancel.set()
        return True

    def play(self, path: Path, started: Callable[[], object] = lambda: None) -> str:
        """Play `path` to the end or until `stop`; what went wrong, or "" (blocks: a worker's job).

        `started` is called once the player has kept running for a moment, so nobody
        is told "Playing" by a player that failed at once.
        """
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
            return f"{self.player[0]}: {exc.strerror or exc}"
        self._process = process
        try:
            _, err = process.communicate(timeout=STARTED_AFTER)
        except subprocess.TimeoutExpired:
            started()
            _, err = process.communicate()
        if self._stopping:
            return ""
        return player_problem(process.returncode, err.decode("utf-8", "replace"))

    def ended(self) -> None:
        """The player exited (the app heard of it): ready for the next listen."""
        self._process = None
        self._stopping = False

    def stop(self) -> bool:
        """Stop the player if one is playing; True if one was."""
        if self._process is None:
            return False
        self._stopping = True
        with contextlib.suppress(ProcessLookupError):
            self._process.terminate()
        return True


class Listener:
    """The app's ctrl+l: render the text as it is now and play it; again to stop."""

    def __init__(self, app: BriefingApp, playback: Playback) -> None:
        self.app = app
        self.playback = playback

    def listen(self) -> None:
        """Start listening; while rendering, cancel it; while playing, stop."""
        app = self.app
        if self.playback.stop():
            return
        if self.playback.cancel():
            app.notify("Stopping the render…", title="Listen")
            return
        if app.speaking:
            app.notify("Already speaking (an export); wait for it to finish.")
            return
        if not app.can_work():
            return
        from briefing.speech.script import build_script

        text = app.editor.text
        briefing = from_markdown(text, day=app.day)
        profile = app.profile()
        if not briefing.word_count:
            app.notify("There is nothing to read yet.")
            return
        cached = self.playback.cached(text, profile)
        if cached is not None:
            self._play(cached)
            return
        script = build_script(briefing, profile)
        app.speaking = True
        app.status.start("Speaking (ctrl+l cancels)")
        app.run_worker(
            partial(self._run, script, profile, listen_path(app.opening.draft_key), text),
            thread=True,
            group="listen",
            exclusive=True,
            exit_on_error=False,
        )

    def stop_all(self) -> None:
        """Leaving the app: no render left running, no player left playing."""
        self.playback.cancel()
        self.playback.stop()

    def _run(self, script: SpeechScript, profile: VoiceProfile, path: Path, text: str) -> None:
        app = self.app
        try:
            audio = self.playback.render(
                script, profile, path, partial(app.post_progress, "Speaking"), text=text
            )
        except RenderCancelled:
            app.post_message(WorkFailed("Speaking", ""))
            return
        except BriefingError as exc:
            app.post_message(WorkFailed("Speaking", str(exc)))
            return
        except Exception as exc:  # keep the app (and the user's edits) alive
            app.post_message(WorkFailed("Speaking", f"{type(exc).__name__}: {exc}"))
            return
        app.post_message(AudioReady(audio))

    def ready(self, message: AudioReady) -> None:
        """The audio is rendered: play it, or say where it is if nothing can play it."""
        app = self.app
        app.status.stop()
        app.speaking = False
        self._play(message.audio)

    def _play(self, audio: Audio) -> None:
        app = self.app
        path = audio.path
        assert path is not None
        if self.playback.player is None:
            app.notify(
                f"{NO_PLAYER}\nAudio ({clock(audio.seconds)}): {path}",
                title="Listen",
                timeout=10,
            )
            return
        app.run_worker(
            partial(self._play_job, audio.seconds, path),
            thread=True,
            group="player",
            exclusive=True,
            exit_on_error=False,
        )

    def _play_job(self, seconds: float, path: Path) -> None:
        app = self.app
        problem = self.playback.play(path, lambda: app.post_message(PlaybackStarted(seconds)))
        app.post_message(PlaybackEnded(path, problem))

    def started(self, message: PlaybackStarted) -> None:
        """The player kept running: say so, and show it in the status bar until it ends."""
        self.app.status.playing(f"▶ Playing {clock(message.seconds)} · ctrl+l stops")
        self.app.notify(f"Playing {clock(message.seconds)}; ctrl+l stops.", title="Listen")

    def ended(self, message: PlaybackEnded) -> None:
        """The player exited: say so if it failed, with where the audio is."""
        self.playback.ended()
        self.app.status.playing("")
        if message.problem:
            self.app.notify(
                f"The player failed: {message.problem}\nNothing was played. Audio: {message.path}",
                title="Listen",
                severity="error",
                timeout=12,
            )


def player_command(player: list[str] | str | None) -> list[str] | None:
    """The player as a command list (a single string is one program with no options)."""
    if player is None or isinstance(player, list):
        return player
    return [player]
