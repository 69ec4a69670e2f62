"""Autosaved drafts of edited briefings, so a crash or a closed terminal loses seconds, not work.

A draft is one JSON file per set of inputs under locations.state_dir()/drafts,
replaced atomically on every save: a process killed mid-write leaves the previous
draft whole.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

import filelock

from briefing import locations
from briefing.errors import OutputError
from briefing.files import write_json

DRAFT_VERSION = 1
_KEY = re.compile(r"^[0-9a-f]{8,64}$")


@dataclass(frozen=True)
class DraftStory:
    """The editor's state for one story: where it came from and how it was summarized."""

    source: str
    method: str
    length: dict[str, float]
    """Length as keyword arguments, e.g. {"sentences": 5}."""
    selected: tuple[int, ...]
    digest: str = ""
    """A hash of the article's text when the draft was saved ("" in older drafts)."""


@dataclass(frozen=True)
class Draft:
    """Everything needed to put the editor back as it was: the Markdown and each story's state."""

    key: str
    text: str
    stories: tuple[DraftStory, ...]
    voice: str = "default"
    rate: int | None = None
    saved_at: dt.datetime = field(default_factory=lambda: dt.datetime.now().astimezone())

    def same_as(self, other: Draft | None) -> bool:
        """True if `other` holds the same work (the save time aside)."""
        return other is not None and _payload(self, with_time=False) == _payload(
            other, with_time=False
        )


def drafts_dir() -> Path:
    return locations.state_dir() / "drafts"


def fallback_dir() -> Path:
    """Where drafts go when the state folder can't be written (read-only, full): this user's temp."""
    user = os.getuid() if hasattr(os, "getuid") else os.getlogin()
    return Path(tempfile.gettempdir()) / f"briefing-drafts-{user}"


def draft_path(key: str) -> Path:
    if not _KEY.match(key):
        raise ValueError(f"not a draft key: {key!r}")
    return drafts_dir() / f"{key}.json"


def _payload(draft: Draft, *, with_time: bool = True) -> dict[str, object]:
    data: dict[str, object] = {
        "version": DRAFT_VERSION,
        "key": draft.key,
        "voice": draft.voice,
        "rate": draft.rate,
        "stories": [asdict(s) for s in draft.stories],
        "text": draft.text,
    }
    if with_time:
        data["saved_at"] = draft.saved_at.isoformat()
    return data


def save_draft(draft: Draft) -> Path:
    """Write the draft, replacing any earlier one for the same key in one atomic step.

    If the drafts folder can't be written, the draft goes to `fallback_dir()`
    instead (and is found there next time): compare the path returned with
    `draft_path` to tell the user where it is.

    Raises:
        OutputError: neither place can be written.
    """
    path = draft_path(draft.key)
    try:
        written = write_json(path, _payload(draft), force=True)
    except OutputError:
        fallback = fallback_dir() / path.name
        _private_dir(fallback.parent)
        written = write_json(fallback, _payload(draft), force=True)
    else:
        with contextlib.suppress(OSError):
            (fallback_dir() / path.name).unlink()
    return written


def _private_dir(folder: Path) -> None:
    """A folder only this user can read (drafts hold their unsaved work), refusing anyone else's."""
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        info = folder.lstat()
    except OSError as exc:
        raise OutputError(f"{folder}: can't create the drafts folder: {exc.strerror}") from None
    if hasattr(os, "getuid") and (info.st_uid != os.getuid() or not folder.is_dir()):
        raise OutputError(f"{folder}: belongs to someone else; no draft kept there")


def load_draft(key: str) -> Draft | None:
    """The draft saved for `key`, or None if there is none or it can't be read."""
    return load_draft_reporting(key)[0]


def load_draft_reporting(key: str) -> tuple[Draft | None, str | None]:
    """The draft saved for `key` (or None), and what to tell the user about a broken one.

    A draft that can't be read is renamed aside (".broken"), so it never stops
    the editor from opening again and the work in it is not deleted.
    """
    candidates = [p for p in (draft_path(key), fallback_dir() / f"{key}.json") if p.is_file()]
    if not candidates:
        return None, None
    path = max(candidates, key=lambda p: p.stat().st_mtime)
    draft = _read_draft(key, path)
    if draft is not None:
        return draft, None
    aside = path.with_name(f"{path.name}.broken")
    try:
        path.replace(aside)
    except OSError:
        return None, f"The autosaved draft {path} can't be read; it was ignored."
    return None, f"The autosaved draft can't be read; it was set aside as {aside}."


def _read_draft(key: str, path: Path) -> Draft | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        stories = tuple(
            DraftStory(
                source=str(s["source"]),
                method=str(s["method"]),
                length={str(k): v for k, v in dict(s["length"]).items()},
                selected=tuple(int(i) for i in s["selected"]),
                digest=str(s.get("digest", "")),
            )
            for s in data["stories"]
        )
        rate = data.get("rate")
        saved_at = dt.datetime.fromisoformat(str(data["saved_at"]))
        saved_at.astimezone().strftime("%d %b %Y at %H:%M")  # what the editor shows of it
        if not isinstance(data["text"], str) or not 1970 <= saved_at.year <= 9999:
            raise ValueError("not a draft")
        return Draft(
            key=key,
            text=data["text"],
            stories=stories,
            voice=str(data.get("voice", "default")),
            rate=int(rate) if rate is not None else None,
            saved_at=saved_at,
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError, OverflowError):
        return None


class DraftLock:
    """A lock per draft, so two editors on the same inputs don't overwrite each other's work.

    The operating system holds it (flock), so a killed editor never leaves it stuck.
    """

    def __init__(self, key: str) -> None:
        self.path = draft_path(key).with_suffix(".lock")
        self._lock: filelock.BaseFileLock | None = None

    def acquire(self) -> bool:
        """Take the lock now; False if another editor holds it (or the folder can't be written).

        When the drafts folder can't be written there is no draft to protect: True.
        """
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            lock = filelock.FileLock(str(self.path), timeout=0)
            lock.acquire()
        except filelock.Timeout:
            return False
        except OSError:
            return True
        self._lock = lock
        return True

    def release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None


def discard_draft(key: str) -> None:
    """Forget the draft for `key` (after an export, or when the user declines it)."""
    for path in (draft_path(key), fallback_dir() / f"{key}.json"):
        with contextlib.suppress(OSError):
            path.unlink()
