"""Corpus mode beyond one machine: the parse as a Dask Bag (``pip install 'yantai-pledges[dask]'``).

:func:`parse_bag` is :func:`~yantai_pledges.corpus.parse_many` for a Dask cluster: the paths
are split into partitions, each partition is parsed by one task wherever the scheduler puts it,
and every input becomes one **record**, a plain JSON-ready dict in the JSON Lines format of
``docs/corpus.md`` (``{"type": "article", "path", "sha256", "article": {…}}`` or
``{"type": "error", "path", "sha256", "error", "message"}``): no pickled models cross the
network, and the bag's own writers store the records::

    import json
    import yantai_pledges
    bag = yantai_pledges.parse_bag(paths, npartitions=64)
    bag.map(json.dumps, ensure_ascii=False).to_textfiles("results/part-*.jsonl")
    to_parquet_parts(bag, "rows/")  # the long table, one Parquet file per partition

Dask is imported when :func:`parse_bag` is called, never by ``import yantai_pledges``.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import MissingDependencyError
from ..models import Article
from ..translation.base import Translator
from .pool import parse_item
from .records import Record, file_sha256, record_for
from .translate import TranslationStatus, translation_step

if TYPE_CHECKING:
    import dask.bag

__all__ = ["DASK_EXTRA_HINT", "parse_bag", "parse_partition", "to_parquet_parts"]

DASK_EXTRA_HINT = "pip install 'yantai-pledges[dask]'"


def parse_bag(
    paths: Iterable[str | Path],
    *,
    year: int | None = None,
    translator: Translator | str | None = "auto",
    npartitions: int | None = None,
    partition_size: int | None = None,
) -> dask.bag.Bag:
    """A Dask Bag of one record per path, in the order of ``paths``; lazy until computed.

    ``year`` and ``translator`` are as for :func:`~yantai_pledges.corpus.parse_many`; the
    translator is resolved once per partition, in the process that parses it (so a named
    backend, not an instance holding a loaded model, is what to pass to a cluster). How many
    processes parse is the cluster's business (there is no ``workers``), and so is a task that
    runs too long: a Dask task cannot be stopped from outside, so there is no ``timeout``.
    ``npartitions`` or ``partition_size`` (files per partition) split the paths as
    :func:`dask.bag.from_sequence` does; a partition of a few hundred files keeps the
    per-task overhead (tens of milliseconds) small against the parse (milliseconds a file).
    A file that cannot be read or parsed is an error record in its place, never an exception.
    """
    dask_bag = _dask("bag")
    names = [str(path) for path in paths]
    sequence: dask.bag.Bag = dask_bag.from_sequence(
        names, npartitions=npartitions, partition_size=partition_size
    )
    # Dask's own annotations stop short of this call.
    records: dask.bag.Bag = sequence.map_partitions(  # type: ignore[no-untyped-call]
        parse_partition, year=year, translator=translator
    )
    return records


def _dask(module: str) -> Any:
    """``dask`` or one of its modules, or the error that names the extra."""
    try:
        return importlib.import_module(f"dask.{module}" if module else "dask")
    except ImportError as error:
        raise MissingDependencyError(f"parse_bag needs Dask: {DASK_EXTRA_HINT}") from error


def to_parquet_parts(records: dask.bag.Bag, folder: str | Path) -> list[Path]:
    """Write the long table of a :func:`parse_bag`'s articles as Parquet, one file per partition
    (``part-00000.parquet``, …), each written by the task that holds its partition; return the
    files in partition order. The columns are those of :func:`~yantai_pledges.to_parquet`
    (the ``article`` column numbers articles within one file: across files, ``source_path`` or
    ``source_sha256`` name them). ``folder`` is created here; it must be on a file system every
    worker writes to. Needs pyarrow on the workers (``yantai-pledges[parquet]``).
    """
    dask = _dask("")
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    writes = [
        dask.delayed(_write_rows)(part, str(target / f"part-{number:05d}.parquet"))
        for number, part in enumerate(records.to_delayed())  # type: ignore[no-untyped-call]
    ]
    return [Path(path) for path in dask.compute(*writes)]


def _write_rows(records: Sequence[Record], path: str) -> str:
    from ..export import to_parquet  # noqa: PLC0415 - on the worker, where it is used

    articles = (Article.model_validate(r["article"]) for r in records if r["type"] == "article")
    return str(to_parquet(articles, path))


def parse_partition(
    paths: Sequence[str],
    year: int | None = None,
    translator: Translator | str | None = "auto",
) -> list[Record]:
    """Parse one partition's files into their records (see :func:`parse_bag`); never raises."""
    status = TranslationStatus()
    translate = None
    resolved = False
    records: list[Record] = []
    for path in paths:
        result = parse_item(Path(path), path, year)
        if isinstance(result, Article):
            if not resolved:  # only a partition with an article loads a model
                translate, resolved = translation_step(translator, status), True
            if translate is not None:
                translate(result)
            records.append(record_for(result))
        else:
            records.append(record_for(result, file_sha256(Path(path))))
    return records
