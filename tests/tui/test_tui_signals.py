"""SIGTERM and a closed terminal (SIGHUP) keep the draft and leave the terminal as it was.

`briefing edit` runs for real here, in a pseudo-terminal, as a user's shell runs it.
"""

from __future__ import annotations

import fcntl
import os
import pty
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

import pytest

from briefing.drafts import load_draft
from briefing.render import escape
from briefing.summarize.length import Length
from briefing.tui.screens.choice import ChoiceScreen
from briefing.tui.session import open_inputs

TUNNEL = str(Path(__file__).resolve().parents[2] / "samples" / "harbour-tunnel.txt")
LEAVE_ALT_SCREEN = b"\x1b[?1049l"
MOUSE_OFF = b"\x1b[?1000l"


class Terminal:
    """A pseudo-terminal running `briefing edit`, everything it wrote kept."""

    def __init__(self, *args: str) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "briefing", "edit", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=tempfile.gettempdir(),  # not the checkout: its briefing/ would shadow the install
            start_new_session=True,
        )
        os.close(slave)
        self.output = bytearray()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    def wait_for(self, text: bytes, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while text not in self.output:
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise AssertionError(f"never saw {text!r}: {bytes(self.output[-2000:])!r}")
            time.sleep(0.05)

    def type(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)
        os.close(self.master)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
async def test_a_signal_right_after_typing_keeps_the_draft_and_the_terminal(
    signum: signal.Signals, make_app, ready
) -> None:
    terminal = Terminal(TUNNEL, "-m", "lead", "-n", "4")
    try:
        terminal.wait_for(b"not saved yet")
        time.sleep(1.0)  # the app takes keys a moment after its first paint
        terminal.type(b" ")  # the first sentence out of the summary
        terminal.wait_for(b"unsaved changes")
        time.sleep(0.2)  # well within the autosave interval
        if signum == signal.SIGHUP:
            terminal.process.send_signal(signal.SIGHUP)  # the terminal window closed
        else:
            terminal.process.send_signal(signal.SIGTERM)
        code = terminal.process.wait(timeout=30)
        terminal._reader.join(timeout=5)
    finally:
        terminal.close()
    assert code == 0
    after = bytes(terminal.output)
    assert LEAVE_ALT_SCREEN in after and MOUSE_OFF in after
    assert b"Traceback" not in after

    key = open_inputs([TUNNEL], method="lead", length=Length(sentences=4)).draft_key
    draft = load_draft(key)
    assert draft is not None
    lines = draft.text.splitlines()
    app = make_app(TUNNEL, method="lead", sentences=4)
    first = escape(app.entries[0].sentences[0])
    assert first not in lines and escape(app.entries[0].sentences[1]) in lines
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("enter")  # Restore
        await ready(pilot)
        assert app.editor.text == draft.text
        assert app.entries[0].selected == set(draft.stories[0].selected)
        assert 0 not in app.entries[0].selected


def test_the_draft_survives_when_the_terminal_is_gone_first() -> None:
    terminal = Terminal(TUNNEL, "-m", "lead", "-n", "4")
    try:
        terminal.wait_for(b"not saved yet")
        time.sleep(1.0)
        terminal.type(b" ")
        terminal.wait_for(b"unsaved changes")
        os.close(terminal.master)  # writes to the terminal fail from now on
        terminal.master = os.open(os.devnull, os.O_RDONLY)
        terminal.process.send_signal(signal.SIGHUP)
        terminal.process.wait(timeout=30)
    finally:
        terminal.close()
    key = open_inputs([TUNNEL], method="lead", length=Length(sentences=4)).draft_key
    assert load_draft(key) is not None
    assert Path(TUNNEL).is_file()
