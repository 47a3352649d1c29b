"""Atomic file writes: a report is either the old file or the complete new one, never half.

Every exporter writes to a temporary file in the target's own folder (so ``os.replace`` is a
rename on one file system, atomic on POSIX and Windows), flushes it to disk, then replaces the
target. On any failure the temporary file is removed and the old target is left untouched.
Operating-system errors become :class:`~yantai_pledges.errors.ExportError` naming the path.

A process killed mid-write (``kill -9``, a power cut) cannot remove its temporary file, so the
next write of the same target removes the stale ones (``.NAME.XXXXXXXX.tmp`` and SQLite's
``-journal``/``-wal``/``-shm`` beside them). A writer holds an exclusive ``flock`` on its
temporary file while it lives, so a file that can be locked belongs to nobody: that works
across processes and machines on a shared file system, with no pid to recycle. Where there is
no ``flock`` (Windows, whose open files cannot be deleted anyway), only files untouched for a
day are removed.
"""

from __future__ import annotations

import contextlib
import functools
import os
import stat
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

import regex

from ..errors import ExportError

__all__ = ["atomic_path", "atomic_text_file", "check_target", "remove_stale_temporaries"]


def _missing_folder(target: Path) -> ExportError:
    return ExportError(
        f"cannot write {target}: the folder {target.parent} does not exist; create it first"
    )


def check_target(target: str | Path) -> Path:
    """Raise :class:`ExportError` now if ``target`` cannot be a file: it is a folder, or its
    folder does not exist. Lets a long run fail before it starts; returns the path."""
    target = Path(target)
    if target.is_dir():
        raise ExportError(f"cannot write {target}: it is a folder; give a file name")
    if not target.parent.is_dir():
        raise _missing_folder(target)
    return target


_STALE_AGE = 24 * 3600.0  # seconds: without flock, a temporary file this old is abandoned

# What mkstemp names a temporary file after its target's name (and what SQLite adds beside it).
_TEMPORARY_TAIL = regex.compile(
    r"""
    \.(?P<random>[a-z0-9_]{8})\.tmp   # mkstemp's eight random characters
    (?P<sqlite>-journal|-wal|-shm)?   # a rollback journal or write-ahead log of a database
    \Z
    """,
    regex.VERBOSE,
)


def _lock(handle: int) -> bool:
    """Take an exclusive lock on an open file without waiting; whether it was free."""
    if sys.platform == "win32":
        return False
    import fcntl  # noqa: PLC0415 - POSIX only

    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _temporary_path(target: Path) -> tuple[Path, int]:
    """Create an empty, uniquely named temporary file next to ``target``, locked as in use;
    return it and the open handle that holds the lock (close it when done)."""
    while True:
        try:
            handle, name = tempfile.mkstemp(
                dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
            )
        except FileNotFoundError as error:
            raise _missing_folder(target) from error
        except OSError as error:
            raise ExportError(f"cannot write {target}: {error}") from error
        _lock(handle)
        try:  # another run's clean-up may have taken it before the lock: make another
            if Path(name).stat().st_ino == os.fstat(handle).st_ino:
                return Path(name), handle
        except FileNotFoundError:
            pass
        os.close(handle)


def remove_stale_temporaries(target: str | Path) -> list[Path]:
    """Remove the temporary files of writes of ``target`` whose writer died; return them."""
    target = Path(target)
    prefix = f".{target.name}"
    removed: list[Path] = []
    try:
        candidates = sorted(target.parent.iterdir())
    except OSError:
        return removed
    for candidate in candidates:
        match = _TEMPORARY_TAIL.match(candidate.name, len(prefix))
        if not candidate.name.startswith(prefix) or match is None:
            continue
        owner = candidate.with_name(f"{prefix}.{match['random']}.tmp")
        if (match["sqlite"] is None or owner.exists()) and not _abandoned(owner):
            continue
        with contextlib.suppress(OSError):  # gone meanwhile, or not ours to remove
            candidate.unlink()
            removed.append(candidate)
    return removed


def _abandoned(temporary: Path) -> bool:
    """Whether no live writer holds ``temporary`` (see the module's docstring)."""
    try:
        handle = os.open(temporary, os.O_RDONLY)
    except OSError:
        return False
    try:
        if sys.platform == "win32":
            return time.time() - os.fstat(handle).st_mtime > _STALE_AGE
        return _lock(handle)
    finally:
        os.close(handle)  # releases the lock taken to test it


@functools.cache
def _new_file_mode() -> int:
    """The mode a newly created file gets (0o666 less the umask; read once per process)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _final_mode(target: Path) -> int:
    """The replaced file's mode, or the usual mode for a new file (mkstemp's is 0o600)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        return _new_file_mode()


def _fsync(path: Path) -> None:
    """Push the file's bytes to disk before it replaces the target."""
    with path.open("rb") as stream:
        os.fsync(stream.fileno())


@contextlib.contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path; when the block succeeds, move it onto ``target``.

    The caller writes the whole file to the yielded path (any way it likes). If the block raises,
    the temporary file is deleted, ``target`` keeps its old content, and the error propagates
    (``OSError`` as :class:`ExportError`).
    """
    target = check_target(target)
    remove_stale_temporaries(target)
    temporary, lock = _temporary_path(target)
    try:
        yield temporary
        _fsync(temporary)
        temporary.chmod(_final_mode(target))
        temporary.replace(target)  # os.replace: atomic within one folder
    except ExportError:
        temporary.unlink(missing_ok=True)
        raise
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise ExportError(f"cannot write {target}: {error}") from error
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    finally:
        os.close(lock)


@contextlib.contextmanager
def atomic_text_file(target: str | Path) -> Iterator[TextIO]:
    """Yield a UTF-8 text stream (``\\n`` line ends) that replaces ``target`` when closed."""
    with (
        atomic_path(target) as temporary,
        temporary.open("w", encoding="utf-8", newline="\n") as stream,
    ):
        yield stream
