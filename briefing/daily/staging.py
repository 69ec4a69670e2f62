"""A day's folder replaced whole: written beside it under a hidden name, then swapped in one step."""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import shutil
import tempfile
from pathlib import Path

from briefing.errors import OutputError
from briefing.files import describe, remove_stale_parts

_STAGED = re.compile(r"\A\.(\d{4}-\d{2}-\d{2})\.(staging|old)-[\w-]*\Z")
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def stage(folder: Path) -> Path:
    """A new hidden, empty folder beside the day's `folder`, for the run to write into.

    Hidden names are not day folders: the feed never lists a half-written day.
    """
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        staged = Path(tempfile.mkdtemp(prefix=f".{folder.name}.staging-", dir=folder.parent))
        mask = os.umask(0o022)
        os.umask(mask)
        os.chmod(staged, 0o777 & ~mask)  # mkdtemp's 0700 would hide a served day
        return staged
    except OSError as exc:
        raise OutputError(f"{folder}: can't write: {describe(exc)}") from None


def swap_in(staged: Path, folder: Path, *, keep: frozenset[str] = frozenset()) -> None:
    """Make `staged` the day's `folder` in one step; the old folder's other files come along.

    Files of the old folder whose names the new run doesn't write (and that
    aren't in `keep`, the run's own names) are linked in first, so a user's
    own files there survive. Where the kernel can exchange two names at once
    the day is never missing; elsewhere it is for an instant, and `recover`
    puts the old one back if the run dies right then.
    """
    try:
        if not folder.exists():
            os.rename(staged, folder)
            return
        _carry_over(folder, staged, keep)
        if _exchange(staged, folder):
            shutil.rmtree(staged, ignore_errors=True)  # it holds the old day now
            return
        old = Path(tempfile.mkdtemp(prefix=f".{folder.name}.old-", dir=folder.parent))
        os.rename(folder, old / "day")
        os.rename(staged, folder)
        shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        raise OutputError(f"{folder}: can't publish the day: {describe(exc)}") from None


def recover(root: Path) -> None:
    """Tidy what killed runs left in the output folder; the caller holds the output lock.

    A half-written staging folder is removed; an old day moved aside but
    never replaced is put back; stale scratch files are removed.
    """
    remove_stale_parts(root)
    with contextlib.suppress(OSError):
        for entry in sorted(root.iterdir()):
            match = _STAGED.match(entry.name)
            if match is None or not entry.is_dir():
                continue
            day = root / match.group(1)
            moved = entry / "day"
            if match.group(2) == "old" and moved.is_dir() and not day.exists():
                with contextlib.suppress(OSError):
                    os.rename(moved, day)
            shutil.rmtree(entry, ignore_errors=True)


def discard(staged: Path) -> None:
    """Remove a staging folder that was not swapped in (the run failed)."""
    shutil.rmtree(staged, ignore_errors=True)


def _carry_over(old: Path, new: Path, keep: frozenset[str]) -> None:
    for entry in old.iterdir():
        name = entry.name
        if name.startswith(".") or name in keep or (new / name).exists():
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, new / name, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(str(entry), str(new / name))


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:
        shutil.copy2(source, target, follow_symlinks=False)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two names atomically (Linux renameat2); False where the system can't."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EPERM):
        return False
    raise OSError(code, os.strerror(code))
