"""Inputs: command-line arguments (files, folders, globs) expanded into the files to parse,
and repeated inputs (the same file twice, or two files of the same bytes) found before parsing."""

from __future__ import annotations

import glob
import hashlib
import os
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["INPUT_SUFFIXES", "RepeatedInput", "distinct_inputs", "expand_inputs"]

# What a folder contributes: article text, saved web pages, Markdown notes.
INPUT_SUFFIXES = (".txt", ".htm", ".html", ".md")

_GLOB_CHARACTERS = frozenset("*?[")


def expand_inputs(args: Sequence[str]) -> list[Path]:
    """Turn command-line arguments (files, folders, globs) into a list of files to parse.

    A folder contributes its ``*.txt``, ``*.htm``, ``*.html`` and ``*.md`` files, recursively,
    sorted, skipping hidden files and folders; a glob contributes its matches, sorted; a named
    file is taken whatever its extension. An argument that matches nothing is kept as is, so that
    it is reported as a failed input rather than silently dropped. A file reached twice is listed
    twice: :func:`distinct_inputs` drops the repeat and says so.
    """
    return [path for arg in args for path in _expand_one(arg)]


def _expand_one(arg: str) -> list[Path]:
    path = Path(arg)
    if path.is_dir():
        return _folder_files(path)
    if path.exists() or not _GLOB_CHARACTERS.intersection(arg):
        return [path]
    # glob.glob, not Path.glob: the pattern may be absolute or start with ``..``.
    matches = sorted(glob.glob(arg, recursive=True))  # noqa: PTH207
    if not matches:
        return [path]
    expanded: list[Path] = []
    for match in matches:
        expanded.extend(_folder_files(Path(match)) if Path(match).is_dir() else [Path(match)])
    return expanded


def _folder_files(folder: Path) -> list[Path]:
    found: list[Path] = []
    # os.walk does not follow symlinked folders, so a link loop cannot make it run forever.
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        found.extend(
            Path(root, name)
            for name in sorted(files)
            if not name.startswith(".") and name.lower().endswith(INPUT_SUFFIXES)
        )
    return found


@dataclass(frozen=True, slots=True)
class RepeatedInput:
    """An input left out because an earlier one has the same bytes: the same file given twice
    (``same_file``), or a copy of it under another name (the same SHA-256)."""

    path: Path
    first: Path  # the earlier input, which is parsed
    same_file: bool
    sha256: str | None = None  # of a copy; None for the same file

    def message(self) -> str:
        """One line for the terminal, naming both paths."""
        if self.same_file:
            return f"{self.path}: the same file as {self.first}, given twice; parsed once"
        digest = (self.sha256 or "")[:12]
        return (
            f"{self.path}: the same bytes as {self.first} (sha256 {digest}…); "
            f"parsed once, as {self.first}"
        )


def distinct_inputs(paths: Sequence[Path]) -> tuple[list[Path], list[RepeatedInput]]:
    """Split ``paths`` into the inputs to parse, in order, and the repeats to leave out.

    A file given twice (by another spelling, a link) is found by its identity; a copy by its
    SHA-256, computed only for files whose size another input shares, so that a corpus of
    distinct files is not read twice. A path that cannot be read is kept (once, however often
    it is named): it fails, and is reported, like any bad input.
    """
    first_of_file: dict[tuple[int, int], int] = {}  # a file's identity → its first index
    first_of_unreadable: dict[Path, int] = {}
    unreadable_repeats: set[int] = set()
    repeats: dict[int, RepeatedInput] = {}  # by index into ``paths``
    by_size: defaultdict[int, list[int]] = defaultdict(list)
    for index, path in enumerate(paths):
        try:
            status = path.stat()
        except OSError:  # missing or unreadable: its error says all, however often named
            if first_of_unreadable.setdefault(path.resolve(), index) != index:
                unreadable_repeats.add(index)
            continue
        first = first_of_file.setdefault((status.st_dev, status.st_ino), index)
        if first != index:
            repeats[index] = RepeatedInput(path, paths[first], same_file=True)
        else:
            by_size[status.st_size].append(index)
    for same_size in by_size.values():
        if len(same_size) < 2:
            continue
        first_of_digest: dict[str, int] = {}
        for index in same_size:
            digest = _sha256(paths[index])
            if digest is None:
                continue
            first = first_of_digest.setdefault(digest, index)
            if first != index:
                repeats[index] = RepeatedInput(
                    paths[index], paths[first], same_file=False, sha256=digest
                )
    kept = [
        path
        for index, path in enumerate(paths)
        if index not in repeats and index not in unreadable_repeats
    ]
    return kept, [repeats[index] for index in sorted(repeats)]


def _sha256(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()
