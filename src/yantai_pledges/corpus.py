"""Corpus mode: parse many articles in parallel, in order, without ever stopping on a bad file.

:func:`parse_many` is :func:`~yantai_pledges.parse` over an iterable. Worker processes read
and parse (the CPU-bound part) with ``translator=None``; results come back in input order through
a bounded window of in-flight tasks, so memory stays flat however large the corpus; machine
translation of free text then runs in the main process, where the model is loaded once. A file
that cannot be read or parsed — or that crashes the parser, or kills its worker process — becomes
a :class:`~yantai_pledges.models.FileError` in its place.

:func:`run_corpus` adds what the command line needs: a JSON Lines stream written as results
arrive (one record per input, flushed), ``resume`` (skip inputs already recorded), and a
progress bar. The record format is a contract, documented in ``docs/corpus.md``::

    {"type": "article", "path": "a.txt", "sha256": "…", "article": {…}}
    {"type": "error", "path": "b.txt", "sha256": null, "error": "DecodingError", "message": "…"}
"""

from __future__ import annotations

import glob
import hashlib
import json
import multiprocessing
import os
import sys
import threading
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, NamedTuple, TextIO

from .errors import InputError, YantaiPledgesError
from .models import Article, FileError
from .sources import read_source
from .translation.base import Translator

__all__ = [
    "INPUT_SUFFIXES",
    "CorpusSummary",
    "TranslationStatus",
    "expand_inputs",
    "parse_many",
    "parse_path_record",
    "read_records",
    "record_for",
    "run_corpus",
]

Item = str | bytes | Path
Result = Article | FileError
Record = dict[str, Any]

# What a folder contributes: article text, saved web pages, Markdown notes.
INPUT_SUFFIXES = (".txt", ".htm", ".html", ".md")

_GLOB_CHARACTERS = frozenset("*?[")
_CHUNK_SIZE = 4  # items per task: fewer round trips, still fine-grained enough to balance
_WINDOW_PER_WORKER = 4  # chunks in flight per worker: keeps workers busy, memory bounded


# -- inputs ------------------------------------------------------------------------------------


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


def _label(item: Item, position: int) -> str:
    """How an input is named in records: its path, or its position for in-memory text."""
    if isinstance(item, Path):
        return str(item)
    return f"<input {position}>"


# -- one item (runs in a worker) ---------------------------------------------------------------


def _parse_item(item: Item, label: str, year: int | None) -> Result:
    """Read (for a path) and parse one input without machine translation; never raises."""
    try:
        from .pipeline import parse  # noqa: PLC0415 - imported in the worker, where it is used

        if isinstance(item, Path):
            text, source = read_source(item)
            return parse(text, year=year, translator=None, source=source)
        return parse(item, year=year, translator=None)
    except YantaiPledgesError as error:
        return FileError(path=label, error=type(error).__name__, message=str(error))
    except Exception as error:  # any parser bug must become a record, not stop the run
        return FileError(path=label, error=type(error).__name__, message=_unexpected(error))


def _unexpected(error: Exception) -> str:
    frames = traceback.extract_tb(error.__traceback__)
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    return f"{error} (unexpected error{where}; please report it with this input)"


# What a worker sends back: an article as its JSON text (cheaper to make and to read back than a
# pickle of the model tree: measured 0.6 + 1.2 ms against 2.1 + 2.8 ms for the seed), or an error.
class _ShippedArticle(NamedTuple):
    """An article as a worker sends it back: its JSON (cheaper to move between processes than
    a pickled model) and what the main process needs to know without validating that JSON."""

    json: str
    targets: int
    label: str
    path: str | None
    sha256: str | None


_Shipped = _ShippedArticle | FileError


def _parse_chunk(chunk: list[tuple[Item, str]], year: int | None) -> list[_Shipped]:
    return [_ship(_parse_item(item, label, year), label) for item, label in chunk]


def _ship(result: Result, label: str) -> _Shipped:
    if isinstance(result, FileError):
        return result
    source = result.source
    return _ShippedArticle(
        result.model_dump_json(),
        len(result.targets),
        label,
        source.path if source is not None else None,
        source.sha256 if source is not None else None,
    )


def _unship(shipped: Result | _ShippedArticle) -> Result:
    if not isinstance(shipped, _ShippedArticle):
        return shipped
    try:
        return Article.model_validate_json(shipped.json)
    except ValueError as error:  # the parser built an article its own model rejects: a bug
        return FileError(path=shipped.label, error=type(error).__name__, message=_unexpected(error))


# -- many items --------------------------------------------------------------------------------


@dataclass
class TranslationStatus:
    """What happened to machine translation of free text during a run."""

    backend: str | None = None  # the name of the translator used, if any
    unavailable: str | None = None  # why free-text translation was skipped, if it was
    failures: int = 0  # articles whose translation raised TranslationError


def parse_many(
    items: Iterable[Item],
    *,
    workers: int | None = None,
    year: int | None = None,
    translator: Translator | str | None = "auto",
    translation_status: TranslationStatus | None = None,
) -> Iterator[Result]:
    """Parse many articles; yield one :class:`Article` or :class:`FileError` per item, in order.

    ``str`` items are article text, ``bytes`` items encoded article text, :class:`~pathlib.Path`
    items files to read. ``workers`` processes parse in parallel (default ``os.cpu_count()``;
    ``1`` parses in this process). ``translator`` is as for :func:`~yantai_pledges.parse`
    and runs here, in the main process; when it is unavailable, articles keep structured English
    only and ``translation_status.unavailable`` says why.
    """
    status = translation_status if translation_status is not None else TranslationStatus()
    results = map(_unship, _results(items, workers, year))
    # The translator (and its model, and its threads) is loaded at the first article: after
    # the workers have been started, so that they are never forked from a threaded process.
    translate: Callable[[Article], None] | None = None
    resolved = False
    for result in results:
        if isinstance(result, Article):
            if not resolved:
                translate, resolved = _translation_step(translator, status), True
            if translate is not None:
                translate(result)
        yield result


def _results(
    items: Iterable[Item], workers: int | None, year: int | None
) -> Iterator[Result | _ShippedArticle]:
    """Parse in this process (``workers=1``) or in worker processes, in input order; articles
    from workers stay shipped until the caller needs them as models."""
    worker_count = workers if workers is not None else (os.cpu_count() or 1)
    if worker_count < 1:
        raise InputError(f"workers must be at least 1, not {worker_count}")
    labelled = ((item, _label(item, position)) for position, item in enumerate(items))
    if worker_count == 1:
        return (_parse_item(item, label, year) for item, label in labelled)
    return _OrderedPool(worker_count, year).run(labelled)


def _translation_step(
    translator: Translator | str | None, status: TranslationStatus
) -> Callable[[Article], None] | None:
    """Resolve the translator once; return the function that translates one article in place."""
    if translator is None or translator == "none":
        return None
    try:
        from .translation import resolve_translator  # noqa: PLC0415 - optional stage
        from .translation.apply import translate_article  # noqa: PLC0415

        backend = resolve_translator(translator)
    except (ImportError, YantaiPledgesError) as error:
        status.unavailable = str(error) or type(error).__name__
        return None
    if backend is None:  # structured English was filled by the workers; no free-text MT
        if translator != "glossary":
            status.unavailable = "no zh→en Argos model is installed"
        return None
    status.backend = backend.name

    def translate(article: Article) -> None:
        try:
            translate_article(article, backend, in_place=True)
        except YantaiPledgesError as error:
            status.failures += 1
            article.warnings.append(f"machine translation failed: {error}")

    return translate


def _mp_context() -> multiprocessing.context.BaseContext:
    """How to start workers: fork when it is safe, else a fork server, else spawn.

    Forking is fast and, unlike the other two, does not re-import the caller's ``__main__`` in
    every worker (a script without an ``if __name__ == "__main__"`` guard just works). It is
    unsafe when other threads run (a lock held by one stays held in the child), so a process
    with threads gets a fork server, or spawn where there is none (Windows, macOS).
    """
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        # Workers fork from a server that has already imported the parser: fast start-up.
        context.set_forkserver_preload(["yantai_pledges.pipeline", "yantai_pledges.corpus"])
        return context
    return multiprocessing.get_context("spawn")


_Chunk = list[tuple[Item, str]]


class _OrderedPool:
    """Worker processes fed chunks through a bounded window, yielding results in input order.

    When a worker dies (a crash, not an exception) every task in flight fails with it: the
    oldest chunk is then parsed item by item, each in its own process, to find the culprit, and
    the rest are resubmitted to a fresh pool.
    """

    def __init__(self, workers: int, year: int | None) -> None:
        self.workers = workers
        self.year = year
        self.context = _mp_context()
        self.executor = self._new_executor()
        self.pending: deque[tuple[_Chunk, Future[list[_Shipped]]]] = deque()

    def _new_executor(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=self.context)

    def _submit(self, chunk: _Chunk) -> Future[list[_Shipped]]:
        return self.executor.submit(_parse_chunk, chunk, self.year)

    def run(self, labelled: Iterator[tuple[Item, str]]) -> Iterator[Result | _ShippedArticle]:
        window = self.workers * _WINDOW_PER_WORKER
        chunks = iter(lambda: list(islice(labelled, _CHUNK_SIZE)), [])
        try:
            for chunk in chunks:
                self.pending.append((chunk, self._submit(chunk)))
                while len(self.pending) >= window:
                    yield from self._oldest()
            while self.pending:
                yield from self._oldest()
        finally:
            self.executor.shutdown(wait=True, cancel_futures=True)

    def _oldest(self) -> list[Result | _ShippedArticle]:
        chunk, future = self.pending.popleft()
        try:
            return list(future.result())
        except BrokenProcessPool:
            pass
        self.executor.shutdown(wait=True, cancel_futures=True)
        results: list[Result | _ShippedArticle] = [
            self._isolated(item, label) for item, label in chunk
        ]
        self.executor = self._new_executor()
        for position, (queued, _) in enumerate(self.pending):
            self.pending[position] = (queued, self._submit(queued))
        return results

    def _isolated(self, item: Item, label: str) -> Result:
        with ProcessPoolExecutor(max_workers=1, mp_context=self.context) as single:
            try:
                return single.submit(_parse_item, item, label, self.year).result()
            except BrokenProcessPool:
                return FileError(
                    path=label,
                    error="WorkerCrashed",
                    message="the parser process died on this input (killed or crashed); "
                    "please report it with this input",
                )


# -- JSON Lines records ------------------------------------------------------------------------


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
    result = _parse_item(Path(path), str(path), year)
    return record_for(result, None if isinstance(result, Article) else _file_sha256(Path(path)))


def _file_sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def read_records(path: str | Path) -> Iterator[Record]:
    """The valid records of a JSON Lines corpus file; a broken line (a killed run) is skipped."""
    for _, record in _numbered_records(Path(path)):
        yield record


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


# -- a whole run -------------------------------------------------------------------------------


@dataclass
class CorpusSummary:
    """What a :func:`run_corpus` call did."""

    articles: int = 0
    targets: int = 0
    errors: list[FileError] = field(default_factory=list)
    skipped: int = 0  # inputs already in the JSON Lines output (``resume``)
    skipped_errors: int = 0  # of which recorded as errors
    results: list[Result] = field(default_factory=list)  # kept only when asked (``keep``)
    translation: TranslationStatus = field(default_factory=TranslationStatus)

    @property
    def failed(self) -> bool:
        """Whether any input failed, in this run or in the recorded run it resumed."""
        return bool(self.errors) or self.skipped_errors > 0

    def line(self) -> str:
        """A one-line summary for the terminal."""
        parts = [
            _plural(self.articles, "article"),
            _plural(self.targets, "target"),
            _plural(len(self.errors), "error"),
        ]
        text = ", ".join(parts)
        if self.skipped:
            text += f"; {self.skipped} skipped as already done"
            if self.skipped_errors:
                text += f" ({_plural(self.skipped_errors, 'recorded error')})"
        return text


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def run_corpus(
    paths: Sequence[Path],
    *,
    jsonl: str | Path | None = None,
    resume: bool = False,
    progress: bool | None = None,
    keep: bool = False,
    workers: int | None = None,
    year: int | None = None,
    translator: Translator | str | None = "auto",
    progress_stream: TextIO | None = None,
) -> CorpusSummary:
    """Parse files, streaming records to ``jsonl`` as they arrive; never stops on a bad file.

    ``resume`` skips inputs whose path and content (sha256) are already recorded in ``jsonl``
    and appends the rest. ``progress`` shows a bar on stderr (default: when stderr is a
    terminal). ``keep`` keeps every result in :attr:`CorpusSummary.results`, in input order —
    with ``resume``, the recorded results of skipped inputs are read back into their places.
    """
    summary = CorpusSummary()
    done = _recorded(Path(jsonl)) if resume and jsonl is not None else {}
    todo: list[Path] = []
    slots: list[int | None] = []  # with ``keep``: the JSON Lines line of a skipped input
    for path in paths:
        recorded = done.get(_key(path))
        if recorded is not None and _still_current(recorded, path):
            summary.skipped += 1
            summary.skipped_errors += recorded.is_error
            slots.append(recorded.line)
            continue
        todo.append(path)
        slots.append(None)
    reloaded = _records_at(Path(jsonl), slots) if keep and jsonl is not None and done else {}
    stream = _open_jsonl(Path(jsonl), append=resume) if jsonl is not None else None
    bar = _progress_bar(len(todo), progress, progress_stream)
    fresh: list[Result] = []
    # Records only, no machine translation: write the workers' JSON through without turning it
    # back into models here, where that work would compete with the workers for the cores.
    write_through = not keep and not _machine_translation(translator, summary.translation)
    results: Iterator[Result | _ShippedArticle] = (
        _results(todo, workers, year)
        if write_through
        else parse_many(
            todo,
            workers=workers,
            year=year,
            translator=translator,
            translation_status=summary.translation,
        )
    )
    try:
        for result in results:
            _count(summary, result)
            if stream is not None:
                stream.write(_record_line(result))
                stream.write("\n")
                stream.flush()
            if keep and not isinstance(result, _ShippedArticle):
                fresh.append(result)
            if bar is not None:
                bar.update(1)
                bar.set_postfix_str(
                    f"{summary.targets} targets, {len(summary.errors)} errors", refresh=False
                )
    finally:
        if bar is not None:
            bar.close()
        if stream is not None:
            stream.close()
    if keep:
        new_results = iter(fresh)
        summary.results = [
            _result_from_record(reloaded[slot]) if slot is not None else next(new_results)
            for slot in slots
        ]
    return summary


def _count(summary: CorpusSummary, result: Result | _ShippedArticle) -> None:
    if isinstance(result, FileError):
        summary.errors.append(result)
        return
    summary.articles += 1
    summary.targets += (
        result.targets if isinstance(result, _ShippedArticle) else len(result.targets)
    )


def _machine_translation(translator: Translator | str | None, status: TranslationStatus) -> bool:
    """Whether free text will be machine-translated; records why not for ``"auto"``."""
    if translator is None or translator in {"none", "glossary"}:
        return False
    if translator != "auto":
        return True
    try:
        from .translation.registry import auto_backend_name  # noqa: PLC0415 - optional stage

        backend = auto_backend_name()
    except (ImportError, YantaiPledgesError):
        backend = "glossary"
    if backend == "glossary":
        status.unavailable = "no zh→en Argos model is installed"
        return False
    return True


def _record_line(result: Result | _ShippedArticle) -> str:
    """One JSON Lines record, the same bytes whether the article was shipped or parsed here."""
    if isinstance(result, FileError):
        record = record_for(result, _file_sha256(Path(result.path)))
        return json.dumps(record, ensure_ascii=False)
    if isinstance(result, _ShippedArticle):
        path, sha256, article_json = result.path, result.sha256, result.json
    else:
        source = result.source
        path = source.path if source is not None else None
        sha256 = source.sha256 if source is not None else None
        article_json = result.model_dump_json()
    head = json.dumps({"type": "article", "path": path, "sha256": sha256}, ensure_ascii=False)
    return f'{head[:-1]}, "article": {article_json}}}'


def _key(path: Path | str) -> str:
    return str(Path(path).resolve())


@dataclass(frozen=True)
class _Recorded:
    """Where and how an input is recorded in an existing output (not the record: memory)."""

    line: int
    sha256: str | None
    is_error: bool


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


def _recorded(jsonl: Path) -> dict[str, _Recorded]:
    """The last record of every path in an existing JSON Lines output."""
    if not jsonl.exists():
        return {}
    return {
        _key(record["path"]): _Recorded(number, record.get("sha256"), record["type"] == "error")
        for number, record in _numbered_records(jsonl)
    }


def _records_at(jsonl: Path, lines: Iterable[int | None]) -> dict[int, Record]:
    wanted = {line for line in lines if line is not None}
    return {number: record for number, record in _numbered_records(jsonl) if number in wanted}


def _still_current(recorded: _Recorded, path: Path) -> bool:
    """Whether a recorded result still describes the file: same content, or still unreadable."""
    return recorded.sha256 == _file_sha256(path)


def _result_from_record(record: Record) -> Result:
    if record["type"] == "article":
        return Article.model_validate(record["article"])
    return FileError(path=record["path"], error=record["error"], message=record["message"])


def _open_jsonl(path: Path, *, append: bool) -> TextIO:
    if append and path.exists():
        _drop_partial_last_line(path)
        return path.open("a", encoding="utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    return path.open("w", encoding="utf-8")


def _progress_bar(total: int, enabled: bool | None, stream: TextIO | None) -> Any:
    """A tqdm bar on stderr, or ``None`` when not wanted (not a terminal, or turned off)."""
    output = stream if stream is not None else sys.stderr
    if enabled is None:
        enabled = output.isatty()
    if not enabled or total == 0:
        return None
    from tqdm import tqdm  # noqa: PLC0415 - only needed for an interactive run

    class _Bar(tqdm):  # type: ignore[misc]  # tqdm is untyped
        monitor_interval = 0  # no monitor thread: workers may still be forked from here

    return _Bar(total=total, unit="file", file=output, dynamic_ncols=True, smoothing=0.1)
