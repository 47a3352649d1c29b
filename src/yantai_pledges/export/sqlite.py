"""The SQLite store: articles, statements, targets and milestones in one database file.

Tables (columns from the fields of ``export/rows.py``; ``docs/dataset.md`` has the schema)::

    articles    article_id INTEGER PRIMARY KEY, source_sha256 UNIQUE, … ARTICLE_FIELDS
    statements  (article_id, statement) PRIMARY KEY, … STATEMENT_FIELDS
    targets     (article_id, statement, item) PRIMARY KEY, the long table's target rows
    milestones  (article_id, statement, item) PRIMARY KEY, the long table's milestone rows
    article_json     article_id PRIMARY KEY, json: the whole Article as ``--json`` writes it
    meta        key, value: schema version, writer, full-text search
    article_search   FTS5 (trigram) over articles.text, when the sqlite build has FTS5

An article replaces the rows of any article with the same ``source_sha256`` (the SHA-256 of
its input), keeping its ``article_id``: writing the same corpus again leaves the row counts as
they were. Decimals are REAL, dates ISO text. The database is changed on a copy that replaces
the file when everything is written (``_atomic.py``), so a failed or interrupted run leaves the
old database as it was; the file has no journal or WAL beside it and opens as it is in
``sqlite3``, Datasette, DuckDB or ``pandas.read_sql``.

The flat tables are for queries; ``article_json`` keeps each article whole, so nothing the flat
rows leave out is lost and :func:`read_sqlite` gives the articles back as they were parsed (what
``track`` reads when it is given a database).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import operator
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import ExportError, InputError
from ..models import Article
from ._atomic import atomic_path
from .rows import (
    ARTICLE_FIELDS,
    ROW_FIELDS,
    STATEMENT_FIELDS,
    Field,
    FieldType,
    RowContext,
    article_key,
    article_rows,
    field_values,
)
from .table import ArticleSink, _written_articles

__all__ = [
    "FTS_TABLE",
    "SCHEMA_VERSION",
    "is_sqlite",
    "read_sqlite",
    "replace_tables",
    "sqlite_sink",
    "to_sqlite",
]

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 2  # 2: the article_json table; per_zh and per_en on targets (Quantity.per)
_SQL_TYPES: dict[FieldType, str] = {
    "text": "TEXT",
    "integer": "INTEGER",
    "decimal": "REAL",
    "date": "TEXT",
}
_ROW_NAMES = tuple(field.name for field in ROW_FIELDS)
# The long table's columns each table keeps: not kind (the table says it), not article (the
# run's numbering; the database has article_id), and for milestones not the targets' own.
_TARGET_FIELDS = tuple(f for f in ROW_FIELDS if f.name not in {"kind", "article"})
_MILESTONE_FIELDS = tuple(f for f in _TARGET_FIELDS if f.milestones)
_TARGET_AT = tuple(_ROW_NAMES.index(f.name) for f in _TARGET_FIELDS)
_MILESTONE_AT = tuple(_ROW_NAMES.index(f.name) for f in _MILESTONE_FIELDS)
_KIND_AT = _ROW_NAMES.index("kind")
_ARTICLE_ID = "article_id INTEGER NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE"
# External content: the index holds no second copy of the text (SQLite 3.34+ has trigram).
FTS_TABLE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS article_search USING fts5(text, "
    "content='articles', content_rowid='article_id', tokenize='trigram')"
)
_FTS_WARNING = "full-text search skipped: this sqlite build has no FTS5 trigram tokenizer"


def _columns(fields: Sequence[Field[Any]], constraints: dict[str, str] | None = None) -> str:
    """Column definitions, with a constraint after the type of the named columns."""
    extra = constraints or {}
    return ", ".join(
        f"{field.name} {_SQL_TYPES[field.type]}{extra.get(field.name, '')}" for field in fields
    )


def _schema() -> list[str]:
    statement_rest = [f for f in STATEMENT_FIELDS if f.name != "statement"]
    return [
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)",
        "CREATE TABLE IF NOT EXISTS articles (article_id INTEGER PRIMARY KEY, "
        f"{_columns(ARTICLE_FIELDS, {'source_sha256': ' NOT NULL UNIQUE'})})",
        f"CREATE TABLE IF NOT EXISTS statements ({_ARTICLE_ID}, statement INTEGER NOT NULL, "
        f"{_columns(statement_rest)}, PRIMARY KEY (article_id, statement))",
        f"CREATE TABLE IF NOT EXISTS article_json ({_ARTICLE_ID} PRIMARY KEY, json TEXT NOT NULL)",
        f"CREATE TABLE IF NOT EXISTS targets ({_ARTICLE_ID}, {_columns(_TARGET_FIELDS)}, "
        "PRIMARY KEY (article_id, statement, item))",
        f"CREATE TABLE IF NOT EXISTS milestones ({_ARTICLE_ID}, {_columns(_MILESTONE_FIELDS)}, "
        "PRIMARY KEY (article_id, statement, item))",
        "CREATE INDEX IF NOT EXISTS targets_by_place_indicator_year "
        "ON targets (jurisdiction_code, indicator_id, year)",
        "CREATE INDEX IF NOT EXISTS targets_by_indicator_year ON targets (indicator_id, year)",
        "CREATE INDEX IF NOT EXISTS milestones_by_place_year ON milestones (jurisdiction_code, year)",
    ]  # fmt: skip


def _sql_values(fields: Sequence[Field[Any]]) -> Callable[[Sequence[object]], list[object]]:
    """A function giving a row's values as SQLite stores them: decimals as floats, dates as
    ISO text (only those cells are looked at)."""
    decimals = [at for at, field in enumerate(fields) if field.type == "decimal"]
    dates = [at for at, field in enumerate(fields) if field.type == "date"]

    def convert(row: Sequence[object]) -> list[object]:
        values = list(row)
        for at in decimals:
            if isinstance(number := values[at], Decimal):
                values[at] = float(number)
        for at in dates:
            if isinstance(day := values[at], dt.date):
                values[at] = day.isoformat()
        return values

    return convert


_ARTICLE_VALUES = _sql_values(ARTICLE_FIELDS)
_STATEMENT_VALUES = _sql_values(STATEMENT_FIELDS)
_ROW_VALUES = _sql_values(ROW_FIELDS)
_TARGET_PICK = operator.itemgetter(*_TARGET_AT)
_MILESTONE_PICK = operator.itemgetter(*_MILESTONE_AT)


def _insert(table: str, names: Sequence[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"


class _Store:
    """One open database: the schema made sure of, then articles written one at a time."""

    def __init__(self, connection: sqlite3.Connection, on_warning: Callable[[str], None] | None):
        self.db = connection
        self.on_warning = on_warning
        self._check_version()
        for statement in _schema():
            self.db.execute(statement)
        self.fts = self._full_text_search()
        self.replaced = 0
        self._set_meta()
        article_names = ["article_id", *(f.name for f in ARTICLE_FIELDS)]
        self.insert_article = _insert("articles", article_names)
        self.insert_statement = _insert(
            "statements", ["article_id", *(f.name for f in STATEMENT_FIELDS)]
        )
        self.insert_target = _insert("targets", ["article_id", *(f.name for f in _TARGET_FIELDS)])
        self.insert_milestone = _insert(
            "milestones", ["article_id", *(f.name for f in _MILESTONE_FIELDS)]
        )

    def _meta(self, key: str) -> str | None:
        """A value of the ``meta`` table (``None`` when unset, or in a new database)."""
        try:
            row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        except sqlite3.OperationalError:  # no meta table yet (a read: nothing to roll back)
            return None
        return None if row is None else str(row[0])

    def _check_version(self) -> None:
        found = self._meta("schema_version")
        if found is not None and found != str(SCHEMA_VERSION):
            raise ExportError(
                f"the database has schema version {found}, this version writes "
                f"{SCHEMA_VERSION}; write to a new file"
            )

    def _full_text_search(self) -> bool:
        """Create the FTS5 index over the articles' text, or warn that this build cannot."""
        missing = _fts_missing()
        if missing is not None:
            self.warn(f"{_FTS_WARNING} ({missing})")
            return False
        existed = self.db.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'article_search'"
        ).fetchone()
        missed = self._meta("full_text_search") == "none"  # written without it before
        self.db.execute(FTS_TABLE)
        # Fewer, larger merges while a corpus is added (measured: 30 % faster writes).
        self.db.execute(
            "INSERT INTO article_search (article_search, rank) VALUES ('automerge', 16)"
        )
        if missed or not existed:  # index what the database already holds
            self.db.execute("INSERT INTO article_search (article_search) VALUES ('rebuild')")
        return True

    def _set_meta(self) -> None:
        self.db.executemany(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            [
                ("schema_version", str(SCHEMA_VERSION)),
                ("written_by", f"yantai_pledges {__version__}"),
                ("full_text_search", "article_search (FTS5, trigram)" if self.fts else "none"),
            ],
        )

    def finish(self) -> None:
        """Merge the index once replaced articles have left deleted entries in it (else a
        database written again and again grows with each run)."""
        if self.fts and self.replaced:
            self.db.execute("INSERT INTO article_search (article_search) VALUES ('optimize')")

    def warn(self, message: str) -> None:
        logger.warning("%s", message)
        if self.on_warning is not None:
            self.on_warning(message)

    def add(self, article: Article) -> None:
        key = article_key(article)
        old = self.db.execute(
            "SELECT article_id, text FROM articles WHERE source_sha256 = ?", (key,)
        ).fetchone()
        if old is not None:
            if self.fts:
                self.db.execute(
                    "INSERT INTO article_search (article_search, rowid, text) "
                    "VALUES ('delete', ?, ?)",
                    old,
                )
            self.db.execute("DELETE FROM articles WHERE article_id = ?", (old[0],))
            self.replaced += 1
        own = _ARTICLE_VALUES(field_values(ARTICLE_FIELDS, RowContext(0, 0, article), article))
        article_id = self.db.execute(
            self.insert_article, (None if old is None else old[0], *own)
        ).lastrowid
        self.db.execute(
            "INSERT INTO article_json (article_id, json) VALUES (?, ?)",
            (article_id, article.model_dump_json()),
        )
        if self.fts:
            self.db.execute(
                "INSERT INTO article_search (rowid, text) VALUES (?, ?)", (article_id, article.text)
            )
        statements = []
        for index, statement in enumerate(article.statements, start=1):
            context = RowContext(0, index, article, statement)
            own = _STATEMENT_VALUES(field_values(STATEMENT_FIELDS, context, statement))
            statements.append((article_id, *own))
        self.db.executemany(self.insert_statement, statements)
        targets, milestones = [], []
        for row in article_rows(0, article):
            values = _ROW_VALUES(row)
            if row[_KIND_AT] == "target":
                targets.append((article_id, *_TARGET_PICK(values)))
            else:
                milestones.append((article_id, *_MILESTONE_PICK(values)))
        self.db.executemany(self.insert_target, targets)
        self.db.executemany(self.insert_milestone, milestones)


_SQLITE_MAGIC = b"SQLite format 3\x00"


def is_sqlite(path: str | Path) -> bool:
    """Whether ``path`` is a file that starts as an SQLite database does."""
    try:
        with Path(path).open("rb") as stream:
            return stream.read(len(_SQLITE_MAGIC)) == _SQLITE_MAGIC
    except OSError:
        return False


def read_sqlite(path: str | Path) -> Iterator[Article]:
    """The articles of a database written by :func:`to_sqlite`, in ``article_id`` order, read
    back whole from its ``article_json`` table, one at a time.

    Raises :class:`~yantai_pledges.errors.InputError` at once when ``path`` is not such a
    database (not SQLite, or written by a version without ``article_json``: parse the inputs
    again into a new file).
    """
    source = Path(path)
    if not is_sqlite(source):
        raise InputError(f"{source} is not an SQLite database")
    with _read_errors(source), contextlib.closing(_open_read_only(source)) as db:
        row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    found = None if row is None else str(row[0])
    if found != str(SCHEMA_VERSION):
        raise InputError(
            f"{source} has database schema version {found}, this version reads "
            f"{SCHEMA_VERSION}; parse the articles again into a new database (--db)"
        )
    return _stored_articles(source)


def _open_read_only(source: Path) -> sqlite3.Connection:
    # Through a URI, so a wrong path is never created as an empty database.
    return sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)


@contextlib.contextmanager
def _read_errors(source: Path) -> Iterator[None]:
    try:
        yield
    except sqlite3.DatabaseError as error:
        raise InputError(f"cannot read the database {source}: {error}") from error


def _stored_articles(source: Path) -> Iterator[Article]:
    with _read_errors(source), contextlib.closing(_open_read_only(source)) as db:
        for (text,) in db.execute("SELECT json FROM article_json ORDER BY article_id"):
            yield Article.model_validate_json(text)


def _fts_missing() -> str | None:
    """Why this sqlite build cannot make the index, or ``None`` when it can. Tried on a
    database in memory: a failed statement must not touch the real one, whose writes are not
    journaled (``journal_mode = OFF``: a failed statement is not rolled back there)."""
    with contextlib.closing(sqlite3.connect(":memory:")) as probe:
        try:
            probe.execute(FTS_TABLE)
        except sqlite3.OperationalError as error:
            return str(error)
    return None


def _copy_database(source: Path, target: Path) -> None:
    """Copy an existing database (with any WAL content) to ``target`` with SQLite's backup."""
    with (
        contextlib.closing(sqlite3.connect(source)) as old,
        contextlib.closing(sqlite3.connect(target)) as new,
    ):
        old.backup(new)


@contextlib.contextmanager
def _database_errors(path: str | Path) -> Iterator[None]:
    try:
        yield
    except sqlite3.DatabaseError as error:
        raise ExportError(f"cannot write the database {path}: {error}") from error


@contextlib.contextmanager
def sqlite_sink(
    path: str | Path, *, on_warning: Callable[[str], None] | None = None
) -> Iterator[ArticleSink]:
    """Add articles to the database at ``path`` (created if absent), one at a time; the
    updated file replaces ``path`` when the block ends without an error."""
    target = Path(path)
    with atomic_path(target) as temporary, _database_errors(target):
        if target.exists():
            _copy_database(target, temporary)
        connection = sqlite3.connect(temporary, isolation_level=None)
        try:
            # The copy is thrown away on failure: no rollback journal is needed while writing.
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute("BEGIN")
            store = _Store(connection, on_warning)

            def add(article: Article) -> None:
                with _database_errors(target):
                    store.add(article)

            yield add
            with _database_errors(target):
                store.finish()
            connection.execute("COMMIT")
        finally:
            connection.close()


def to_sqlite(
    article_or_articles: Article | Iterable[Article],
    path: str | Path,
    *,
    on_warning: Callable[[str], None] | None = None,
) -> Path:
    """Add one article or many to the SQLite database at ``path``; return the path.

    An article replaces the rows of one with the same input (``source_sha256``), so writing a
    corpus again changes nothing. Without FTS5 in the sqlite build, the full-text index is
    skipped with a warning (logged, passed to ``on_warning``, and recorded in the ``meta``
    table). Raises :class:`~yantai_pledges.errors.ExportError` when the database cannot be
    written (the old file is then left as it was). Schema: ``docs/dataset.md``.
    """
    return _written_articles(
        lambda target: sqlite_sink(target, on_warning=on_warning), article_or_articles, path
    )


def replace_tables(path: str | Path, tables: Mapping[str, Sequence[Mapping[str, object]]]) -> Path:
    """Write each named table of rows into the database at ``path`` (created if absent),
    replacing a table of that name: derived tables (tracking's links) are made anew each run.

    Columns are the first row's keys; decimals become REAL, dates ISO text, booleans 0/1. A table
    with no rows is dropped and not created (its columns are unknown). Atomic as :func:`to_sqlite`.
    """
    target = Path(path)
    with atomic_path(target) as temporary, _database_errors(target):
        if target.exists():
            _copy_database(target, temporary)
        with contextlib.closing(sqlite3.connect(temporary, isolation_level=None)) as db:
            db.execute("BEGIN")
            for name, rows in tables.items():
                db.execute(f'DROP TABLE IF EXISTS "{name}"')
                if not rows:
                    continue
                columns = list(rows[0])
                db.execute(f'CREATE TABLE "{name}" ({", ".join(columns)})')
                db.executemany(
                    _insert(f'"{name}"', columns),
                    ([_sql_value(row[column]) for column in columns] for row in rows),
                )
            db.execute("COMMIT")
    return target


def _sql_value(value: object) -> object:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
