"""The SQLite store: the rows come back, writing again replaces instead of adding, full-text
search works (or is skipped with a warning), failures leave the old file, and an analyst's tool
(pandas.read_sql, and the sqlite3 shell where installed) opens the file as it is."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import yantai_pledges
from factories import make_article, make_articles
from yantai_pledges.errors import ExportError
from yantai_pledges.export import sqlite as store
from yantai_pledges.export.rows import ARTICLE_FIELDS, ROW_FIELDS, STATEMENT_FIELDS, to_rows
from yantai_pledges.export.sqlite import to_sqlite
from yantai_pledges.models import Article

ROOT = Path(__file__).resolve().parents[1]
TABLES = ("articles", "statements", "targets", "milestones")
TARGETS_ONLY = {field.name for field in ROW_FIELDS if not field.milestones}
_FROM_SQL = {
    "text": lambda v: v,
    "integer": lambda v: v,
    "decimal": float,
    "date": dt.date.fromisoformat,
}


def _seed() -> Article:
    seed = ROOT / "seeds" / "000_bad21ed3cf753cea.txt"
    return yantai_pledges.parse(seed.read_bytes(), translator="glossary")


def _corpus() -> list[Article]:
    second = make_article(title="另一篇")
    second.source = None  # parsed from a str: keyed by its text
    second.text = second.text + "\n"
    return [make_article(), second, _seed(), Article(text="没有声明的文章")]


@contextlib.contextmanager
def _open(path: Path) -> Iterator[sqlite3.Connection]:
    with contextlib.closing(sqlite3.connect(path)) as db:
        yield db


def _counts(path: Path) -> dict[str, int]:
    with _open(path) as db:
        return {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}


def _read(db: sqlite3.Connection, table: str, types: Mapping[str, str]) -> list[dict[str, Any]]:
    db.row_factory = sqlite3.Row
    found = db.execute(f"SELECT * FROM {table} ORDER BY article_id, statement, item").fetchall()
    return [
        {
            key: None if row[key] is None else _FROM_SQL[types[key]](row[key])
            for key in row.keys()  # noqa: SIM118 - sqlite3.Row is not a mapping
            if key in types
        }
        | {"article_id": row["article_id"]}
        for row in found
    ]


# -- round trip ----------------------------------------------------------------------------


def test_targets_and_milestones_come_back_with_their_types(tmp_path: Path) -> None:
    articles = _corpus()
    path = to_sqlite(articles, tmp_path / "p.sqlite")
    types = {field.name: field.type for field in ROW_FIELDS}
    with _open(path) as db:
        back = _read(db, "targets", types) + _read(db, "milestones", types)
    rows = list(to_rows(articles))  # the articles' ids are their numbers here
    expected = [_stored(row) for row in rows if row["kind"] == "target"]
    expected += [_stored(row) for row in rows if row["kind"] == "milestone"]
    assert back == expected


def _stored(row: dict[str, Any]) -> dict[str, Any]:
    """A long-table row as its table holds it: article_id, no kind, decimals as floats."""
    milestone = row["kind"] == "milestone"
    kept = {
        name: float(value) if isinstance(value, Decimal) else value
        for name, value in row.items()
        if name not in {"kind", "article"} and not (milestone and name in TARGETS_ONLY)
    }
    return kept | {"article_id": row["article"]}


def test_articles_and_statements_come_back(tmp_path: Path) -> None:
    articles = _corpus()
    path = to_sqlite(articles, tmp_path / "p.sqlite")
    with _open(path) as db:
        back = _read_plain(db, "articles")
        statements = _read_plain(db, "statements")
    assert [row["article_id"] for row in back] == [1, 2, 3, 4]
    assert [row["text"] for row in back] == [article.text for article in articles]
    assert back[0]["source_sha256"] == "0" * 64
    assert back[0]["translation"].startswith('{"names": "glossary"')
    assert back[0]["warnings"] == "statement 2: the reporter credit has no date line"
    assert back[3]["statements"] == 0
    assert set(back[0]) == {"article_id", *(field.name for field in ARTICLE_FIELDS)}
    assert set(statements[0]) == {"article_id", *(field.name for field in STATEMENT_FIELDS)}
    assert len(statements) == sum(len(article.statements) for article in articles)
    assert statements[0]["speaker_zh"] == "刘建华"
    assert statements[0]["positions_zh"] == "市委常委，福山区委书记"
    assert statements[0]["jurisdiction_zh"] == "福山区"


def _read_plain(db: sqlite3.Connection, table: str) -> list[dict[str, Any]]:
    db.row_factory = sqlite3.Row
    return [dict(row) for row in db.execute(f"SELECT * FROM {table} ORDER BY rowid")]


# -- writing again -------------------------------------------------------------------------


def test_writing_the_same_corpus_again_leaves_the_counts(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite"
    to_sqlite(_corpus(), path)
    before = _counts(path)
    with _open(path) as db:
        ids = db.execute("SELECT article_id, source_sha256 FROM articles").fetchall()
    to_sqlite(_corpus(), path)
    to_sqlite(reversed(_corpus()), path)
    assert _counts(path) == before
    with _open(path) as db:
        assert db.execute("SELECT article_id, source_sha256 FROM articles").fetchall() == ids
        assert db.execute("SELECT COUNT(*) FROM article_search").fetchone()[0] == 4
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_database_written_again_and_again_stops_growing(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite"
    sizes = []
    for _ in range(5):
        to_sqlite(_corpus(), path)
        sizes.append(path.stat().st_size)
    assert sizes[4] <= sizes[1] * 1.1  # freed pages are reused, the index is merged
    fresh = to_sqlite(_corpus(), tmp_path / "fresh.sqlite")
    index = "SELECT COUNT(*) FROM article_search_data"
    with _open(path) as again, _open(fresh) as once:
        assert again.execute(index).fetchone() == once.execute(index).fetchone()


def test_a_new_parse_of_the_same_input_replaces_its_rows(tmp_path: Path) -> None:
    path = to_sqlite(make_article(), tmp_path / "p.sqlite")
    changed = make_article()
    changed.statements[0].targets = changed.statements[0].targets[:1]  # same source sha256
    to_sqlite(changed, path)
    assert _counts(path) == {"articles": 1, "statements": 2, "targets": 5, "milestones": 2}


def test_a_changed_file_is_a_new_article(tmp_path: Path) -> None:
    path = to_sqlite(make_article(), tmp_path / "p.sqlite")
    other = make_article()
    assert other.source is not None
    other.source.sha256 = "1" * 64
    to_sqlite(other, path)
    assert _counts(path)["articles"] == 2


def test_the_same_input_twice_in_one_run_is_one_article(tmp_path: Path) -> None:
    path = to_sqlite(make_articles(3), tmp_path / "p.sqlite")  # one source sha256
    assert _counts(path) == {"articles": 1, "statements": 2, "targets": 9, "milestones": 2}


# -- full-text search ----------------------------------------------------------------------


def test_full_text_search_finds_chinese(tmp_path: Path) -> None:
    path = to_sqlite(_corpus(), tmp_path / "p.sqlite")
    with _open(path) as db:
        hits = db.execute(
            "SELECT a.article_id FROM article_search JOIN articles AS a "
            "ON a.article_id = article_search.rowid WHERE article_search MATCH ? ORDER BY 1",
            ("智能装备产业园",),
        ).fetchall()
        meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
    assert hits == [(1,), (2,)]
    assert meta["full_text_search"] == "article_search (FTS5, trigram)"
    assert meta["schema_version"] == "2"


def test_without_fts5_the_index_is_skipped_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(store, "FTS_TABLE", store.FTS_TABLE.replace("trigram", "no_such_one"))
    warnings: list[str] = []
    with caplog.at_level(logging.WARNING, logger="yantai_pledges.export.sqlite"):
        path = to_sqlite(_corpus(), tmp_path / "p.sqlite", on_warning=warnings.append)
    assert len(warnings) == 1
    assert warnings[0].startswith("full-text search skipped")
    assert warnings[0] in caplog.text
    with _open(path) as db:
        meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    assert meta["full_text_search"] == "none"
    assert "article_search" not in tables
    assert _counts(path)["targets"] == 70
    monkeypatch.undo()  # a later write with FTS5 indexes what the database already holds
    to_sqlite([], path)
    with _open(path) as db:
        assert db.execute(
            "SELECT COUNT(*) FROM article_search WHERE article_search MATCH '新开工项目'"
        ).fetchone() == (1,)


# -- files ---------------------------------------------------------------------------------


def test_no_articles_give_a_valid_empty_database(tmp_path: Path) -> None:
    path = to_sqlite([], tmp_path / "p.sqlite")
    assert _counts(path) == dict.fromkeys(TABLES, 0)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.sqlite"]  # no journal, no WAL


def _failing() -> Iterator[Article]:
    yield make_article(title="新的")
    raise RuntimeError("interrupted")


def test_a_failed_run_leaves_the_old_database(tmp_path: Path) -> None:
    path = to_sqlite(_corpus(), tmp_path / "p.sqlite")
    before, data = _counts(path), path.read_bytes()
    with pytest.raises(RuntimeError, match="interrupted"):
        to_sqlite(_failing(), path)
    assert path.read_bytes() == data
    assert _counts(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.sqlite"]


def test_a_file_that_is_no_database_is_an_export_error(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite"
    path.write_text("kind,article\n", encoding="utf-8")
    with pytest.raises(ExportError, match="not a database"):
        to_sqlite(make_article(), path)
    assert path.read_text(encoding="utf-8") == "kind,article\n"


def test_another_schema_version_is_refused(tmp_path: Path) -> None:
    path = to_sqlite([], tmp_path / "p.sqlite")
    with _open(path) as db, db:
        db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(ExportError, match="schema version 99"):
        to_sqlite(make_article(), path)


def test_junk_is_an_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="expected"):
        to_sqlite([make_article(), "x"], tmp_path / "p.sqlite")  # type: ignore[list-item]
    with pytest.raises(ExportError, match="does not exist"):
        to_sqlite([], tmp_path / "missing" / "p.sqlite")
    assert list(tmp_path.iterdir()) == []


# -- analysts' tools -----------------------------------------------------------------------


def test_pandas_read_sql_queries_by_indicator_and_year(tmp_path: Path) -> None:
    path = to_sqlite(_corpus(), tmp_path / "p.sqlite")
    with _open(path) as db:
        frame = pd.read_sql(
            "SELECT jurisdiction_zh, year, base_value, comparator, deadline_date FROM targets "
            "WHERE indicator_id = ? AND year = ? ORDER BY span_start",
            db,
            params=("projects_started", 2023),
        )
        plan = db.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM targets "
            "WHERE jurisdiction_code = 'x' AND indicator_id = 'y' AND year = 2023"
        ).fetchall()
    assert len(frame) >= 1
    assert frame["year"].tolist() == [2023] * len(frame)
    assert str(frame["base_value"].dtype) == "float64"
    assert "targets_by_place_indicator_year" in str(plan)


@pytest.mark.skipif(shutil.which("sqlite3") is None, reason="the sqlite3 shell is not installed")
def test_the_sqlite3_shell_opens_it(tmp_path: Path) -> None:
    path = to_sqlite(_corpus(), tmp_path / "p.sqlite")
    shell = shutil.which("sqlite3")
    assert shell is not None
    query = "SELECT COUNT(*) FROM targets; SELECT COUNT(*) FROM article_search WHERE text MATCH '重点项目';"
    out = subprocess.run(
        [shell, "-readonly", str(path), query], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["70", "3"]
