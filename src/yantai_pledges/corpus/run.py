"""A corpus run: :func:`parse_many` over any inputs, :func:`run_corpus` for the command line.

:func:`parse_many` yields results in input order and machine-translates free text here, in the
main process, where the model is loaded once. :func:`run_corpus` adds a JSON Lines stream written
as results arrive (one record per input, flushed), ``resume`` (skip inputs already recorded), and
a progress bar.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from ..models import Article, FileError
from ..translation.base import Translator
from .pool import DEFAULT_TIMEOUT, Item, Result, ShippedArticle, parse_in_order, unship
from .records import (
    input_key,
    open_jsonl,
    record_line,
    recorded_inputs,
    records_at,
    result_from_record,
    still_current,
)
from .translate import TranslationStatus, machine_translation, translation_step

__all__ = ["CorpusSummary", "parse_many", "run_corpus"]


def parse_many(
    items: Iterable[Item],
    *,
    workers: int | None = None,
    year: int | None = None,
    translator: Translator | str | None = "auto",
    translation_status: TranslationStatus | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Iterator[Result]:
    """Parse many articles; yield one :class:`Article` or :class:`FileError` per item, in order.

    ``str`` items are article text, ``bytes`` items encoded article text, :class:`~pathlib.Path`
    items files to read. ``workers`` processes parse in parallel (default ``os.cpu_count()``;
    ``1`` parses in this process). ``translator`` is as for :func:`~yantai_pledges.parse`
    and runs here, in the main process; when it is unavailable, articles keep structured English
    only and ``translation_status.unavailable`` says why. ``timeout`` is the time limit in
    seconds for one item in a worker (``None``: no limit): an item that overruns it becomes a
    :class:`FileError` with ``error="Timeout"``, and its worker is replaced. With ``workers=1``
    nothing can stop a parse in this process, so there is no limit.
    """
    status = translation_status if translation_status is not None else TranslationStatus()
    results = map(unship, parse_in_order(items, workers, year, timeout))
    # The translator (and its model, and its threads) is loaded at the first article: after
    # the workers have been started, so that they are never forked from a threaded process.
    translate: Callable[[Article], None] | None = None
    resolved = False
    for result in results:
        if isinstance(result, Article):
            if not resolved:
                translate, resolved = translation_step(translator, status), True
            if translate is not None:
                translate(result)
        yield result


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
    on_article: Callable[[Article], None] | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> CorpusSummary:
    """Parse files, streaming records to ``jsonl`` as they arrive; never stops on a bad file.

    ``resume`` skips inputs whose path and content (sha256) are already recorded in ``jsonl``
    and appends the rest. ``progress`` shows a bar on stderr (default: when stderr is a
    terminal). ``keep`` keeps every result in :attr:`CorpusSummary.results`, in input order —
    with ``resume``, the recorded results of skipped inputs are read back into their places.
    ``on_article`` is called with each article parsed in this run, in input order, as it
    arrives (the articles of inputs skipped by ``resume`` are not passed to it). ``timeout``
    is the time limit per file, as for :func:`parse_many`.
    """
    summary = CorpusSummary()
    done = recorded_inputs(Path(jsonl)) if resume and jsonl is not None else {}
    todo: list[Path] = []
    slots: list[int | None] = []  # with ``keep``: the JSON Lines line of a skipped input
    for path in paths:
        recorded = done.get(input_key(path))
        if recorded is not None and still_current(recorded, path):
            summary.skipped += 1
            summary.skipped_errors += recorded.is_error
            slots.append(recorded.line)
            continue
        todo.append(path)
        slots.append(None)
    reloaded = records_at(Path(jsonl), slots) if keep and jsonl is not None and done else {}
    stream = open_jsonl(Path(jsonl), append=resume) if jsonl is not None else None
    bar = _progress_bar(len(todo), progress, progress_stream)
    fresh: list[Result] = []
    # Records only, no machine translation: write the workers' JSON through without turning it
    # back into models here, where that work would compete with the workers for the cores.
    write_through = (
        not keep and on_article is None and not machine_translation(translator, summary.translation)
    )
    results: Iterator[Result | ShippedArticle] = (
        parse_in_order(todo, workers, year, timeout)
        if write_through
        else parse_many(
            todo,
            workers=workers,
            year=year,
            translator=translator,
            translation_status=summary.translation,
            timeout=timeout,
        )
    )
    try:
        for result in results:
            _count(summary, result)
            if stream is not None:
                stream.write(record_line(result))
                stream.write("\n")
                stream.flush()
            if on_article is not None and isinstance(result, Article):
                on_article(result)
            if keep and not isinstance(result, ShippedArticle):
                fresh.append(result)
            if bar is not None:
                bar.update(1)
                bar.set_postfix_str(
                    f"{summary.targets} targets, {len(summary.errors)} failed", refresh=False
                )
    finally:
        if bar is not None:
            bar.close()
        if stream is not None:
            stream.close()
    if keep:
        new_results = iter(fresh)
        summary.results = [
            result_from_record(reloaded[slot]) if slot is not None else next(new_results)
            for slot in slots
        ]
    return summary


def _count(summary: CorpusSummary, result: Result | ShippedArticle) -> None:
    if isinstance(result, FileError):
        summary.errors.append(result)
        return
    summary.articles += 1
    summary.targets += result.targets if isinstance(result, ShippedArticle) else len(result.targets)


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
