"""JSON Lines records: one per input, written as results arrive, read back to resume a run.

The record format is a contract, documented in ``docs/corpus.md``::

    {"type": "article", "path": "a.txt", "sha256": "…", "article": {…}}
    {"type": "error", "path": "b.txt", "sha256": null, "error": "DecodingError", "message": "…"}
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from ..errors import ExportError
from ..models import Article, FileError
from .pool import Result, ShippedArticle, parse_item

__all__ = [
    "Record",
    "Recorded",
    "file_sha256",
    "input_key",
    "open_jsonl",
    "parse_path_record",
    "read_records",
    "record_for",
    "record_line",
    "recorded_inputs",
    "records_at",
    "result_from_record",
    "still_current",
]

Record = dict[str, Any]


def record_for(result: Result, sha256: str | None = None) -> Record:
    """The JSON Lines record of one result (see ``docs/corpus.md``)."""
    if isinstance(result, Article):
        digest = result.source.sha256 if result.source is not None else sha256
        path = result.source.path if result.source is not None else None
        return {
            "type": "article",
            "path": path,
            "sha256": digest,
            "article": result.model_dump(mode="json"),
        }
    return {
        "type": "error",
        "path": result.path,
        "sha256": sha256,
        "error": result.error,
        "message": result.message,
    }


def parse_path_record(path: str | Path, year: int | None = None) -> Record:
    """Parse one file (no machine translation) into its JSON Lines record; never raises.

    A plain, picklable function of a path: the unit of work to hand to a distributed engine
    (``dask.bag.map``, Spark ``mapPartitions``, ``concurrent.futures``); see ``docs/corpus.md``.
    """
    result = parse_item(Path(path), str(path), year)
    return record_for(result, None if isinstance(result, Article) else file_sha256(Path(path)))


def file_sha256(path: Path) -> str | None:
    """The SHA-256 of a file's bytes, or ``None`` when it cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def record_line(result: Result | ShippedArticle) -> str:
    """One JSON Lines record, the same bytes whether the article was shipped or parsed here."""
    if isinstance(result, FileError):
        record = record_for(result, file_sha256(Path(result.path)))
        return json.dumps(record, ensure_ascii=False)
    if isinstance(result, ShippedArticle):
        path, sha256, article_json = result.path, result.sha256, result.json
    else:
        source = result.source
        path = source.path if source is not None else None
        sha256 = source.sha256 if source is not None else None
        article_json = result.model_dump_json()
    head = json.dumps({"type": "article", "path": path, "sha256": sha256}, ensure_ascii=False)
    return f'{head[:-1]}, "article": {article_json}}}'


# -- reading records back ----------------------------------------------------------------------


def read_records(path: str | Path) -> Iterator[Record]:
    """The valid records of a JSON Lines corpus file; a broken line (a killed run) is skipped."""
    for _, record in _numbered_records(Path(path)):
        yield record


def _numbered_records(path: Path) -> Iterator[tuple[int, Record]]:
    with path.open(encoding="utf-8", errors="replace") as stream:
        for number, line in enumerate(stream):
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue  # the unfinished last line of a killed run
            if (
                isinstance(record, dict)
                and record.get("type") in {"article", "error"}
                and isinstance(record.get("path"), str)
            ):
                yield number, record


def result_from_record(record: Record) -> Result:
    """The article or error a record holds."""
    if record["type"] == "article":
        return Article.model_validate(record["article"])
    return FileError(path=record["path"], error=record["error"], message=record["message"])


# -- resuming ----------------------------------------------------------------------------------


def input_key(path: Path | str) -> str:
    """How an input is matched with its record: its resolved path."""
    return str(Path(path).resolve())


@dataclass(frozen=True)
class Recorded:
    """Where and how an input is recorded in an existing output (not the record: memory)."""

    line: int
    sha256: str | None
    is_error: bool


def recorded_inputs(jsonl: Path) -> dict[str, Recorded]:
    """The last record of every path in an existing JSON Lines output, by :func:`input_key`."""
    if not jsonl.exists():
        return {}
    return {
        input_key(record["path"]): Recorded(number, record.get("sha256"), record["type"] == "error")
        for number, record in _numbered_records(jsonl)
    }


def records_at(jsonl: Path, lines: Iterable[int | None]) -> dict[int, Record]:
    """The records on the given lines of a JSON Lines output, by line number."""
    wanted = {line for line in lines if line is not None}
    return {number: record for number, record in _numbered_records(jsonl) if number in wanted}


def still_current(recorded: Recorded, path: Path) -> bool:
    """Whether a recorded result still describes the file: same content, or still unreadable."""
    return recorded.sha256 == file_sha256(path)


def open_jsonl(path: Path, *, append: bool) -> TextIO:
    """Open a JSON Lines output for writing, or for appending after a repair of its last line.

    Raises :class:`~yantai_pledges.errors.ExportError` (one line, naming the file) when it
    cannot be opened.
    """
    try:
        if append and path.exists():
            _drop_partial_last_line(path)
            return path.open("a", encoding="utf-8")
        path.parent.mkdir(parents=True, exist_ok=True)
        return path.open("w", encoding="utf-8")
    except OSError as error:
        raise ExportError(f"cannot write {path}: {error.strerror or error}") from error


def _drop_partial_last_line(path: Path) -> None:
    """Cut a last line left without its newline by a killed run, so appending starts clean."""
    with path.open("rb+") as stream:
        size = stream.seek(0, os.SEEK_END)
        if size == 0:
            return
        stream.seek(size - 1)
        if stream.read(1) == b"\n":
            return
        # Walk back to the last newline in blocks (the partial line may be long).
        position = size
        while position > 0:
            start = max(0, position - 65536)
            stream.seek(start)
            block = stream.read(position - start)
            newline = block.rfind(b"\n")
            if newline >= 0:
                stream.truncate(start + newline + 1)
                return
            position = start
        stream.truncate(0)
