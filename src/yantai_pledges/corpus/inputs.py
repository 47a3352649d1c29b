"""Inputs: command-line arguments (files, folders, globs) expanded into the files to parse."""

from __future__ import annotations

import glob
import os
from collections.abc import Sequence
from pathlib import Path

__all__ = ["INPUT_SUFFIXES", "expand_inputs"]

# What a folder contributes: article text, saved web pages, Markdown notes.
INPUT_SUFFIXES = (".txt", ".htm", ".html", ".md")

_GLOB_CHARACTERS = frozenset("*?[")


def expand_inputs(args: Sequence[str]) -> list[Path]:
    """Turn command-line arguments (files, folders, globs) into a list of files to parse.

    A folder contributes its ``*.txt``, ``*.htm``, ``*.html`` and ``*.md`` files, recursively,
    sorted, skipping hidden files and folders; a glob contributes its matches, sorted; a named
    file is taken whatever its extension. An argument that matches nothing is kept as is, so that
    it is reported as a failed input rather than silently dropped. A file reached twice is kept
    once, at its first place.
    """
    paths: list[Path] = []
    seen: set[Path] = set()
    for arg in args:
        for path in _expand_one(arg):
            key = path.resolve()
            if key not in seen:
                seen.add(key)
                paths.append(path)
    return paths


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
