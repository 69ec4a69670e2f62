"""Safe files: atomic no-clobber writes, tolerant JSON state, output folders and file-name slugs."""

from __future__ import annotations

import contextlib
import errno
import functools
import hashlib
import json
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from briefing.errors import OutputError

MAX_SLUG = 80
"""Characters in a slug at most (cut at a dash when one is near)."""
MAX_SLUG_BYTES = 200
"""UTF-8 bytes in a slug at most: a name with its suffix and a temp prefix fits in 255."""
_RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{i}" for p in ("com", "lpt") for i in range(10)}
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
"""Scripts beyond the Basic Multilingual Plane (Deseret, Linear B, emoji): no safe name on every disk."""

T = TypeVar("T")


def slugify(title: str) -> str:
    """A safe file name stem from a title: letters, digits and dashes only, never a path.

    A title whose letters can't all be kept (only symbols, or a script beyond the
    Basic Multilingual Plane) gets a short hash of itself, so two such titles still
    get two names.
    """
    text = unicodedata.normalize("NFKC", title).lower()
    kept = _ASTRAL.sub("-", text)
    lost = kept != text or (not re.search(r"[^\W_]", kept) and bool(title.strip()))
    text = re.sub(r"[^\w]+", "-", kept, flags=re.UNICODE).replace("_", "-")
    text = re.sub(r"-{2,}", "-", text).strip("-")
    text = _cut(text, MAX_SLUG - 9 if lost else MAX_SLUG)
    if lost:
        digest = hashlib.sha256(title.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        text = f"{text}-{digest}" if text else f"briefing-{digest}"
    if not text:
        return "briefing"
    if text in _RESERVED:
        text += "-briefing"
    return text


def _cut(text: str, limit: int) -> str:
    """At most `limit` characters and MAX_SLUG_BYTES bytes, cut at a dash when one is near."""
    while len(text.encode("utf-8", "surrogatepass")) > MAX_SLUG_BYTES:
        limit = min(limit, len(text)) * 3 // 4
        text = text[:limit]
    if len(text) > limit:
        cut = text.rfind("-", 0, limit + 1)
        text = text[: cut if cut > limit // 2 else limit]
    return text.rstrip("-")


def describe(exc: OSError) -> str:
    """The part of an OS error a user can act on, in words."""
    if exc.errno == errno.ENOSPC:
        return "no space left on the device"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "permission denied"
    return exc.strerror or str(exc)


def ensure_dir(folder: Path) -> None:
    """Create `folder` (and its parents); OutputError if that fails or it is not a folder."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}: can't create the output folder: {describe(exc)}") from None
    if not folder.is_dir():
        raise OutputError(f"{folder}: not a folder")


def check_free(paths: Iterable[Path], *, force: bool) -> None:
    """Refuse before writing anything if one of the names is taken (unless forced).

    Checking every output first means a refused run leaves no file behind.
    """
    if force:
        return
    taken = []
    for path in paths:
        try:
            path.stat()
        except (FileNotFoundError, NotADirectoryError):
            continue
        except OSError as exc:  # a name too long, a folder that is a file, ...
            raise OutputError(f"{path}: can't write: {describe(exc)}") from None
        taken.append(path)
    if taken:
        raise OutputError(f"{taken[0]} already exists (use --force to overwrite)")


@functools.cache
def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def scratch_path(folder: Path, name: str) -> Path:
    """A new empty hidden file in `folder`, for work that later moves into place; the caller deletes it.

    It lives next to the outputs (same disk, so publishing it is one step) and
    has the mode an output gets, since it may become one.
    """
    ensure_dir(folder)
    try:
        # The pid in the name tells a later run whether the writer is still alive.
        fd, temp = tempfile.mkstemp(prefix=f".{name}.~{os.getpid()}~", suffix=".part", dir=folder)
    except OSError as exc:
        raise OutputError(f"{folder / name}: can't write: {describe(exc)}") from None
    os.close(fd)
    with contextlib.suppress(OSError):
        # mkstemp makes 0600 files; outputs (a served podcast, shared notes) follow the umask.
        os.chmod(temp, 0o666 & ~_umask())
    return Path(temp)


def open_to_write(path: Path, buffering: int = -1) -> BinaryIO:
    """`path` opened to read and write from its start, created if missing, never truncated.

    open(path, "wb") truncates, and ext4 writes a file truncated to nothing out
    to disk when it is closed (its guard for programs that rewrite a file
    without fsync): tens of milliseconds per large output, and every output
    starts as an empty scratch file. Callers write the file whole, and
    `truncate()` where it ends if it may have held more.
    """
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    return os.fdopen(fd, "r+b", buffering=buffering)


def start_writeback(file: BinaryIO, offset: int, length: int) -> None:
    """Have the kernel start writing `length` bytes of `file` from `offset` to disk, without waiting.

    An output written part by part is then mostly on disk when it is
    published; otherwise ext4 writes all of it out when it is renamed over the
    file it replaces, and the command waits about a tenth of a second per
    90 MB at its very end. Where the call is missing (not Linux), nothing happens.
    """
    call = _sync_file_range()
    if call is not None:
        call(file.fileno(), offset, length, _SYNC_FILE_RANGE_WRITE)


_SYNC_FILE_RANGE_WRITE = 2


@functools.cache
def _sync_file_range() -> Any:
    """libc's sync_file_range, or None where there is none."""
    import ctypes
    import sys

    if not sys.platform.startswith("linux"):
        return None
    try:
        call = ctypes.CDLL(None, use_errno=True).sync_file_range
    except (OSError, AttributeError):
        return None
    call.argtypes = [ctypes.c_int, ctypes.c_int64, ctypes.c_int64, ctypes.c_uint]
    call.restype = ctypes.c_int
    return call


_PART = re.compile(r"\A\..*\.part\Z", re.S)
_PART_PID = re.compile(r"\.~(\d+)~\w*\.part\Z")
ORPHAN_AGE = 6 * 3600
"""Seconds after which a scratch file without a writer's pid counts as left by a dead run."""


def remove_stale_parts(folder: Path) -> int:
    """Delete the scratch files in `folder` that killed runs left behind; how many went.

    A scratch file whose writer (the pid in its name) is still running is
    kept, so two runs on one folder never pull files from under each other.
    """
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not _PART.match(entry.name) or not entry.is_file(follow_symlinks=False):
            continue
        with contextlib.suppress(OSError):
            if _writer_alive(entry.name, entry.stat().st_mtime):
                continue
            os.unlink(entry.path)
            removed += 1
    return removed


def _writer_alive(name: str, mtime: float) -> bool:
    match = _PART_PID.search(name)
    if match is None:
        import time

        return time.time() - mtime < ORPHAN_AGE
    pid = int(match.group(1))
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process: alive
        return True
    return True


@contextlib.contextmanager
def atomic_path(path: Path, *, force: bool) -> Iterator[Path]:
    """A temporary path next to `path`; on success it becomes `path` in one step.

    Without `force` the final step is a hard link, which fails if another
    process created `path` meanwhile: two concurrent runs never mix files.
    On any failure the temporary file is removed and `path` is untouched.
    """
    tmp = scratch_path(path.parent, path.name)
    try:
        yield tmp
        if force:
            os.replace(tmp, path)
        else:
            _link_new(tmp, path)
    except OSError as exc:
        raise OutputError(f"{path}: can't write: {describe(exc)}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _link_new(tmp: Path, path: Path) -> None:
    """Give `tmp`'s file the name `path`, failing if that name is taken."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise OutputError(f"{path} already exists (use --force to overwrite)") from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV):
            raise
        if path.exists():  # no hard links on this file system
            raise OutputError(f"{path} already exists (use --force to overwrite)") from None
        os.replace(tmp, path)


def write_text(path: Path, text: str, *, force: bool = False) -> Path:
    """Write a UTF-8 text file atomically; without `force` an existing file is an OutputError."""
    with atomic_path(path, force=force) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return path


def write_bytes(path: Path, data: bytes, *, force: bool = False) -> Path:
    """Write a binary file atomically; without `force` an existing file is an OutputError."""
    with atomic_path(path, force=force) as tmp:
        tmp.write_bytes(data)
    return path


def write_json(
    path: Path,
    data: object,
    *,
    force: bool = False,
    indent: int | None = 1,
    sort_keys: bool = False,
) -> Path:
    """Write `data` as a UTF-8 JSON document atomically (non-ASCII kept readable)."""
    text = json.dumps(data, ensure_ascii=False, indent=indent, sort_keys=sort_keys) + "\n"
    return write_text(path, text, force=force)


def publish(source: Path, path: Path, *, force: bool = False) -> Path:
    """Make a finished file appear as `path` in one step too, keeping `source` as it is.

    For work written once and published under several rules (a rendering that
    other formats still read): a hard link where possible, else a copy.
    """
    with atomic_path(path, force=force) as tmp:
        try:
            tmp.unlink()
            os.link(source, tmp)
        except OSError:
            shutil.copyfile(source, tmp)
    return path


def load_state(path: Path, default: T) -> T:
    """What a JSON state file holds, or `default` if it is missing, unreadable, corrupt or of another type.

    State (a cache index, learned rates, preferences) only saves work: losing
    it must never stop a run.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return default
    return data if isinstance(data, type(default)) else default


def save_state(path: Path, data: object, *, indent: int | None = 1) -> bool:
    """Replace a JSON state file atomically; best effort, so a failure only returns False."""
    try:
        write_json(path, data, force=True, indent=indent, sort_keys=True)
    except (OutputError, OSError):
        return False
    return True
