"""Output paths checked before a run starts, so that a mistake costs nothing.

A corpus run can take hours; an output that cannot be written should fail in the first second,
and an output path typed by mistake must never destroy a file. :func:`check_outputs` raises
:class:`~yantai_pledges.errors.UnsafeOutputError` (one line, naming the option) when an output

* is a folder, or not a regular file (``/dev/null``: the atomic replace would replace it);
* lies in a folder that does not exist or cannot be written;
* is one of the run's inputs (whatever ``force`` says: an input is never overwritten);
* is named by two options of the same run;
* exists and holds another kind of file than the option writes (``-o notes.csv`` where
  notes.csv is a CSV file): refused unless ``force``. An empty file holds nothing to lose.
  An output that is *added to* (``--db``, ``--jsonl`` with ``--resume``) must already be of its
  kind: ``force`` cannot make a text file a database.

What each kind looks like is read from the first bytes of the existing file (:data:`KINDS`);
the checks read no more than that, and write nothing.
"""

from __future__ import annotations

import os
import stat
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import UnsafeOutputError
from ..sources import binary_kind

__all__ = ["KINDS", "OutputKind", "PlannedOutput", "check_outputs"]

_HEAD_BYTES = 4096


def _text_head(head: bytes) -> str | None:
    """The head of a file as text (a cut character at the end is ignored), or ``None``."""
    if b"\x00" in head:
        return None
    return head.decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")


def _is_workbook(path: Path, head: bytes) -> bool:
    if not head.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(path) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def _is_json(path: Path, head: bytes) -> bool:
    text = _text_head(head)
    return text is not None and text[:1] in {"{", "["}


def _is_json_lines(path: Path, head: bytes) -> bool:
    text = _text_head(head)
    return text is not None and text[:1] == "{"


def _is_csv(path: Path, head: bytes) -> bool:
    """Text whose first line has a comma: a header row (an article's first line has none)."""
    text = _text_head(head)
    return text is not None and "," in text.split("\n", 1)[0]


def _is_parquet(path: Path, head: bytes) -> bool:
    return head.startswith(b"PAR1")


def _is_sqlite(path: Path, head: bytes) -> bool:
    return head.startswith(b"SQLite format 3\x00")


@dataclass(frozen=True, slots=True)
class OutputKind:
    """A kind of output file: what to call it, and how to recognise an existing one."""

    name: str  # "an Excel workbook": the words of the refusal
    recognise: Callable[[Path, bytes], bool]  # (the path, its first bytes) → of this kind?


KINDS: dict[str, OutputKind] = {
    kind_id: OutputKind(name, recognise)
    for kind_id, name, recognise in (
        ("workbook", "an Excel workbook", _is_workbook),
        ("json", "a JSON file", _is_json),
        ("jsonl", "a JSON Lines file", _is_json_lines),
        ("csv", "a CSV file", _is_csv),
        ("parquet", "a Parquet file", _is_parquet),
        ("sqlite", "an SQLite database", _is_sqlite),
    )
}


@dataclass(frozen=True, slots=True)
class PlannedOutput:
    """An output a run will write: the option that named it, the path, its kind, and whether
    the run adds to an existing file (``--db``, ``--jsonl`` with ``--resume``) or replaces it."""

    option: str
    path: Path
    kind: OutputKind
    appends: bool = False


def _describe(path: Path, head: bytes) -> str:
    """What an existing file seems to hold, for the refusal."""
    for known in KINDS.values():
        if known.recognise(path, head):
            return known.name
    kind = binary_kind(head)
    if kind is not None:
        return kind
    return "text" if _text_head(head) is not None else "binary data"


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_dev, status.st_ino


def check_outputs(
    outputs: Sequence[PlannedOutput], inputs: Iterable[Path], *, force: bool = False
) -> None:
    """Raise :class:`UnsafeOutputError` for the first output that is not safe to write.

    ``inputs`` are the run's input files; ``force`` lets an output replace an existing file of
    another kind (see the module docstring for every rule).
    """
    seen: dict[Path, str] = {}
    for output in outputs:
        key = output.path.resolve()
        if key in seen:
            raise UnsafeOutputError(
                f"{output.option} {output.path}: {seen[key]} names the same file; "
                "give each output its own name"
            )
        seen[key] = output.option
        _check_place(output)
    _check_not_inputs(outputs, inputs)
    for output in outputs:
        _check_existing(output, force=force)


def _refusal(output: PlannedOutput, reason: str) -> UnsafeOutputError:
    return UnsafeOutputError(f"{output.option} {output.path}: {reason}")


def _check_place(output: PlannedOutput) -> None:
    """The path can become a file: not a folder, in a folder that exists and is writable."""
    path = output.path
    if path.is_dir():
        raise _refusal(output, "is a folder; give a file name")
    if path.exists() and not path.is_file():
        raise _refusal(output, "is not a regular file (a device or a pipe); give a file name")
    folder = path.parent
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise _refusal(output, f"the folder {folder} {what}; create it first")
    # access() answers for this process (and sees read-only file systems); a new file and the
    # atomic replace both need write and search permission on the folder.
    if not os.access(folder, os.W_OK | os.X_OK):
        raise _refusal(output, f"cannot write in the folder {folder} (permission denied)")


def _check_not_inputs(outputs: Sequence[PlannedOutput], inputs: Iterable[Path]) -> None:
    """No output is an input: by path, or by identity (a link, another spelling of the path)."""
    existing = {
        identity: output for output in outputs if (identity := _identity(output.path)) is not None
    }
    # An output that does not exist yet can only be an input spelled the same (a missing one):
    # the absolute path, without a system call per input, is enough to find it.
    by_path = {os.path.abspath(output.path): output for output in outputs}  # noqa: PTH100
    for path in inputs:
        output = by_path.get(os.path.abspath(path))  # noqa: PTH100
        if output is None and existing:
            identity = _identity(path)
            output = existing.get(identity) if identity is not None else None
        if output is not None:
            raise _refusal(
                output,
                f"is an input of this run ({path}); it would be overwritten before it "
                "is read; give the output another name",
            )


def _check_existing(output: PlannedOutput, *, force: bool) -> None:
    """An existing file is of the output's kind, or empty, or (``force``) may be replaced."""
    path = output.path
    try:
        status = path.stat()
    except FileNotFoundError:
        return
    except OSError as error:
        raise _refusal(output, f"cannot be checked ({error.strerror or error})") from error
    if not stat.S_ISREG(status.st_mode) or status.st_size == 0:
        return
    try:
        with path.open("rb") as stream:
            head = stream.read(_HEAD_BYTES)
    except OSError as error:
        raise _refusal(output, f"exists and cannot be read ({error.strerror or error})") from error
    if output.kind.recognise(path, head):
        return
    found = _describe(path, head)
    if output.appends:
        raise _refusal(
            output,
            f"exists and is not {output.kind.name} (it looks like {found}); this run would "
            "add to it: give another name, or move the file away",
        )
    if not force:
        raise _refusal(
            output,
            f"exists and is not {output.kind.name} (it looks like {found}); give another "
            "name, or add --force to replace it",
        )
