"""Exports: JSON / JSON Lines with a published JSON Schema, the bilingual Excel report, and the
dataset: the long table (:func:`to_rows`) as CSV, Parquet or a pandas DataFrame, and the SQLite
store.

>>> from yantai_pledges.export import to_json, to_jsonl, to_excel, article_schema
>>> from yantai_pledges.export import to_rows, to_csv, to_parquet, to_frame, to_sqlite, read_sqlite

Every writer replaces its target atomically and raises
:class:`~yantai_pledges.errors.ExportError` when it cannot write. ``docs/dataset.md`` lists the
long table's columns and the database schema.
"""

from .excel import GlossaryEntry, GlossaryTerms, to_excel
from .json import article_schema, schema_text, to_json, to_jsonl, write_schema
from .rows import ROW_FIELDS, to_rows
from .sqlite import read_sqlite, sqlite_sink, to_sqlite
from .table import ArticleSink, csv_sink, parquet_sink, to_csv, to_frame, to_parquet

__all__ = [
    "ROW_FIELDS",
    "ArticleSink",
    "GlossaryEntry",
    "GlossaryTerms",
    "article_schema",
    "csv_sink",
    "parquet_sink",
    "read_sqlite",
    "schema_text",
    "sqlite_sink",
    "to_csv",
    "to_excel",
    "to_frame",
    "to_json",
    "to_jsonl",
    "to_parquet",
    "to_rows",
    "to_sqlite",
    "write_schema",
]
