"""The long table as files and frames: CSV, Parquet and a pandas DataFrame.

Each has the columns of :data:`~yantai_pledges.export.rows.ROW_FIELDS`, in that order, one row
per target and per milestone (see :func:`~yantai_pledges.export.rows.to_rows` and
``docs/dataset.md``):

- **CSV**: UTF-8 with a byte-order mark (so Excel reads the Chinese), the ``excel`` dialect of the
  standard ``csv`` module (commas, CRLF, quotes where needed); decimals exactly as parsed
  (``32650000000``, ``326.5``), dates ISO, an empty cell for ``None``. Same input, same bytes.
- **Parquet** (``pip install "yantai-pledges[parquet]"``: pyarrow): typed columns — text as
  string, integers as int64, decimals as float64, dates as date32 — written in row groups of
  :data:`PARQUET_BATCH` rows, so memory does not grow with the number of articles.
- **DataFrame** (pandas): the same types (integers as nullable ``Int64``, dates as
  ``datetime64[s]``).

The writers are also sinks (:func:`csv_sink`, :func:`parquet_sink`): a context manager that
yields a function taking one article at a time, which is how the command line writes several
outputs from one pass over a corpus. Files are written atomically (``_atomic.py``).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import importlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import MissingDependencyError
from ..models import Article
from ._atomic import atomic_path
from .rows import ROW_FIELDS, FieldType, article_rows, each_article

if TYPE_CHECKING:
    from pandas import DataFrame

__all__ = [
    "PARQUET_BATCH",
    "ArticleSink",
    "csv_sink",
    "csv_text",
    "csv_writer",
    "parquet_sink",
    "to_csv",
    "to_frame",
    "to_parquet",
]

ArticleSink = Callable[[Article], None]
PARQUET_BATCH = 10_000  # rows per Parquet row group: what the writer holds in memory at most
_NAMES = tuple(field.name for field in ROW_FIELDS)
_TYPES = tuple(field.type for field in ROW_FIELDS)
_ARROW_TYPES: dict[FieldType, str] = {
    "text": "string",
    "integer": "int64",
    "decimal": "float64",
    "date": "date32",
}
_PANDAS_TYPES: dict[FieldType, str | None] = {
    "text": None,  # pandas' own string dtype ("str" from pandas 3, object before)
    "integer": "Int64",
    "decimal": "float64",
    "date": "datetime64[s]",
}


def optional_module(name: str, extra: str, purpose: str) -> Any:
    """Import an optional dependency, or say which extra installs it."""
    try:
        return importlib.import_module(name)
    except ImportError as error:
        raise MissingDependencyError(
            f"{purpose} needs {name.partition('.')[0]}, which is not installed: "
            f'pip install "yantai-pledges[{extra}]"'
        ) from error


def _written_articles(
    sink: Callable[[str | Path], contextlib.AbstractContextManager[ArticleSink]],
    article_or_articles: Article | Iterable[Article],
    path: str | Path,
) -> Path:
    with sink(path) as add:
        for article in each_article(article_or_articles):
            add(article)
    return Path(path)


def _numbered(write: Callable[[Sequence[tuple[object, ...]]], None]) -> ArticleSink:
    """A sink that numbers its articles from 1 and passes each one's rows to ``write``."""
    count = 0

    def add(article: Article) -> None:
        nonlocal count
        count += 1
        write(list(article_rows(count, article)))

    return add


# -- CSV ---------------------------------------------------------------------------------------


def csv_text(value: object) -> str:
    """A cell of a CSV export: exact decimals, ISO dates, empty for None."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")  # never an exponent: 32650000000, not 3.265E+10
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


@contextlib.contextmanager
def csv_writer(path: str | Path) -> Iterator[Any]:
    """A ``csv.writer`` into ``path`` (UTF-8 with BOM, so Excel reads the Chinese); the file
    replaces ``path`` when the block ends without an error."""
    with (
        atomic_path(path) as temporary,
        temporary.open("w", encoding="utf-8-sig", newline="") as stream,
    ):
        yield csv.writer(stream)


@contextlib.contextmanager
def csv_sink(path: str | Path) -> Iterator[ArticleSink]:
    """Write the long table to ``path`` as CSV, article by article; the file replaces ``path``
    when the block ends without an error."""
    with csv_writer(path) as writer:
        writer.writerow(_NAMES)
        yield _numbered(lambda rows: writer.writerows(map(_csv_row, rows)))


def _csv_row(values: tuple[object, ...]) -> list[str]:
    return [csv_text(value) for value in values]


def to_csv(article_or_articles: Article | Iterable[Article], path: str | Path) -> Path:
    """Write the long table of one article or many to ``path`` as CSV (UTF-8 with BOM).

    A generator of articles is read one at a time. Raises
    :class:`~yantai_pledges.errors.ExportError` when the file cannot be written (an existing
    file is then left as it was). Returns the path.
    """
    return _written_articles(csv_sink, article_or_articles, path)


# -- Parquet -----------------------------------------------------------------------------------


def _arrow_value(kind: FieldType, value: object) -> object:
    return float(value) if kind == "decimal" and isinstance(value, Decimal) else value


@contextlib.contextmanager
def parquet_sink(path: str | Path) -> Iterator[ArticleSink]:
    """Write the long table to ``path`` as Parquet, article by article, in row groups of
    :data:`PARQUET_BATCH` rows. Raises MissingDependencyError at once without pyarrow."""
    pa = optional_module("pyarrow", "parquet", "Parquet export")
    parquet = optional_module("pyarrow.parquet", "parquet", "Parquet export")
    schema = pa.schema(
        [
            pa.field(name, getattr(pa, _ARROW_TYPES[kind])())
            for name, kind in zip(_NAMES, _TYPES, strict=True)
        ]
    )
    pending: list[tuple[object, ...]] = []
    with atomic_path(path) as temporary, parquet.ParquetWriter(temporary, schema) as writer:

        def flush() -> None:
            columns = zip(*pending, strict=True) if pending else ([] for _ in _NAMES)
            arrays = [
                pa.array([_arrow_value(kind, value) for value in column], type=field.type)
                for kind, field, column in zip(_TYPES, schema, columns, strict=True)
            ]
            writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
            pending.clear()

        def write(rows: Sequence[tuple[object, ...]]) -> None:
            pending.extend(rows)
            if len(pending) >= PARQUET_BATCH:
                flush()

        yield _numbered(write)
        if pending:
            flush()


def to_parquet(article_or_articles: Article | Iterable[Article], path: str | Path) -> Path:
    """Write the long table of one article or many to ``path`` as Parquet (typed columns).

    Needs pyarrow (``pip install "yantai-pledges[parquet]"``; else
    :class:`~yantai_pledges.errors.MissingDependencyError`). Decimals become float64 (exact to
    15 significant digits; the CSV keeps every digit). Returns the path.
    """
    return _written_articles(parquet_sink, article_or_articles, path)


# -- pandas ------------------------------------------------------------------------------------


def to_frame(article_or_articles: Article | Iterable[Article]) -> DataFrame:
    """The long table of one article or many as a pandas DataFrame (pandas must be installed:
    ``pip install "yantai-pledges[pandas]"``; else MissingDependencyError)."""
    pandas = optional_module("pandas", "pandas", "to_frame")
    rows = [
        row
        for number, article in enumerate(each_article(article_or_articles), start=1)
        for row in article_rows(number, article)
    ]
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in _NAMES]
    return pandas.DataFrame(
        {
            name: pandas.Series(
                [_arrow_value(kind, value) for value in column], dtype=_PANDAS_TYPES[kind]
            )
            for name, kind, column in zip(_NAMES, _TYPES, columns, strict=True)
        }
    )
