"""Speech worker processes: how many to run, starting them, and keeping early-started ones on standby.

`briefing speak` starts its workers the moment it knows the input is long
(`warm_up`), before it has read or normalized anything: a fresh interpreter
loading numpy and espeak-ng takes about as long as reading a long article, so
the two overlap. This module is kept light (no numpy, no speech modules) so
the command reaches it early; speech.parallel takes the processes from here.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import IO

import briefing
from briefing.errors import EngineError

WORKERS_VARIABLE = "BRIEFING_SPEECH_WORKERS"
"""Processes that speak at once (1: never start a worker); unset means one per available core."""
EARLY_START_CHARS = 6000
"""Inputs at least this long start their workers before the script is made (see warm_up)."""
STOP_SECONDS = 5.0
"""How long a worker told to stop may take before it is killed."""

Process = tuple["subprocess.Popen[bytes]", IO[bytes]]
"""A worker process and the file its standard error goes to."""
_STANDBY: list[Process] = []
"""Workers started by warm_up, waiting for the pool that takes them."""


def available_cores() -> int:
    """Cores this process may run on (its affinity, where the system says)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def wanted_processes() -> int:
    """Processes asked to speak at once: BRIEFING_SPEECH_WORKERS, else one per available core.

    Raises:
        EngineError: BRIEFING_SPEECH_WORKERS is set to something not a positive number.
    """
    setting = os.environ.get(WORKERS_VARIABLE, "").strip()
    if not setting:
        return available_cores()
    try:
        wanted = int(setting)
    except ValueError:
        wanted = 0
    if wanted < 1:
        raise EngineError(
            f"{WORKERS_VARIABLE}={setting!r}: expected how many processes speak (1 or more)"
        )
    return wanted


def start_process() -> Process:
    """A fresh worker interpreter, loading what it needs while it waits for its engine.

    Raises:
        EngineError: the process can't be started.
    """
    package_root = str(Path(briefing.__file__).resolve().parent.parent)
    path = os.environ.get("PYTHONPATH", "")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (package_root, path) if p)}
    log = tempfile.TemporaryFile()  # noqa: SIM115 (kept open for the worker's life; closed in join)
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "briefing.speech.worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log,
            env=env,
        )
    except OSError as exc:
        log.close()
        raise EngineError(f"can't start a speech worker ({exc.strerror or exc})") from None
    return process, log


def warm_up(chars: int) -> None:
    """Start the workers a script of about `chars` characters will speak with, before it is made.

    Their start-up (an interpreter, numpy, espeak-ng) then overlaps reading
    and normalizing the input. The next render takes them; whatever it does
    not take is stopped then, or when this process exits.
    """
    if chars < EARLY_START_CHARS:
        return
    try:
        wanted = wanted_processes()
    except EngineError:
        return  # said when the script is spoken
    with contextlib.suppress(EngineError):
        while wanted > 1 and len(_STANDBY) < wanted - 1:  # this process is one of them
            _STANDBY.append(start_process())


def take_standby() -> Process | None:
    """A worker warm_up started, if one is waiting."""
    return _STANDBY.pop(0) if _STANDBY else None


def release_standby() -> None:
    """Stop the warmed-up workers nobody took (closing their input ends them)."""
    while _STANDBY:
        process, log = _STANDBY.pop()
        with contextlib.suppress(OSError):
            if process.stdin:
                process.stdin.close()
        try:
            process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        for stream in (process.stdout, log):
            with contextlib.suppress(OSError):
                if stream:
                    stream.close()


atexit.register(release_standby)
