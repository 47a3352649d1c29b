"""Atomic file writes: a report is either the old file or the complete new one, never half.

Every exporter writes to a temporary file in the target's own folder (so ``os.replace`` is a
rename on one file system, atomic on POSIX and Windows), flushes it to disk, then replaces the
target. On any failure the temporary file is removed and the old target is left untouched.
Operating-system errors become :class:`~yantai_pledges.errors.ExportError` naming the path.
"""

from __future__ import annotations

import contextlib
import functools
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from ..errors import ExportError

__all__ = ["atomic_path", "atomic_text_file", "check_target"]


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


def _temporary_path(target: Path) -> Path:
    """Create an empty, uniquely named temporary file next to ``target``."""
    try:
        handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except FileNotFoundError as error:
        raise _missing_folder(target) from error
    except OSError as error:
        raise ExportError(f"cannot write {target}: {error}") from error
    os.close(handle)
    return Path(name)


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
    temporary = _temporary_path(target)
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


@contextlib.contextmanager
def atomic_text_file(target: str | Path) -> Iterator[TextIO]:
    """Yield a UTF-8 text stream (``\\n`` line ends) that replaces ``target`` when closed."""
    with (
        atomic_path(target) as temporary,
        temporary.open("w", encoding="utf-8", newline="\n") as stream,
    ):
        yield stream
