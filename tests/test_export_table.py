"""The long table as files: CSV, Parquet and a pandas frame give back the rows of ``to_rows``,
types included; they are atomic, deterministic, and valid when empty."""

from __future__ import annotations

import csv
import datetime as dt
import sys
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq
import pytest

import yantai_pledges
from factories import make_article, make_articles
from yantai_pledges.errors import ExportError, MissingDependencyError
from yantai_pledges.export import table
from yantai_pledges.export.rows import ROW_FIELDS, to_rows
from yantai_pledges.export.table import to_csv, to_frame, to_parquet
from yantai_pledges.models import Article

ROOT = Path(__file__).resolve().parents[1]
NAMES = [field.name for field in ROW_FIELDS]
_FROM_CSV: dict[str, Callable[[str], object]] = {
    "text": str,
    "integer": int,
    "decimal": Decimal,
    "date": dt.date.fromisoformat,
}


def _articles() -> list[Article]:
    seed = ROOT / "seeds" / "000_bad21ed3cf753cea.txt"
    return [
        *make_articles(2),
        make_article(translated=False),
        yantai_pledges.parse(seed.read_bytes(), translator="glossary"),
        Article(text="没有声明的文章"),
    ]


def _floats(rows: Any) -> list[dict[str, Any]]:
    """The rows as the float-typed outputs hold them: decimals as floats."""
    return [
        {name: float(value) if isinstance(value, Decimal) else value for name, value in row.items()}
        for row in rows
    ]


# -- CSV ---------------------------------------------------------------------------------------


def _read_csv(path: Path) -> list[dict[str, Any]]:
    types = {field.name: _FROM_CSV[field.type] for field in ROW_FIELDS}
    with path.open(encoding="utf-8-sig", newline="") as stream:
        reader = csv.DictReader(stream)
        assert reader.fieldnames == NAMES
        return [
            {name: types[name](text) if text != "" else None for name, text in row.items()}
            for row in reader
        ]


def test_csv_round_trip_gives_the_same_rows_and_types(tmp_path: Path) -> None:
    articles = _articles()
    path = to_csv(articles, tmp_path / "t.csv")
    assert path == tmp_path / "t.csv"
    assert _read_csv(path) == list(to_rows(articles))


def test_csv_is_utf8_with_bom_and_crlf_and_exact_decimals(tmp_path: Path) -> None:
    data = to_csv(make_article(), tmp_path / "t.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfkind,article,statement,item,")
    assert data.endswith(b"\r\n")
    text = data.decode("utf-8-sig")
    assert ",326.5,," in text
    assert ",32650000000," in text  # never 3.265E+10
    assert "重点项目总投资" in text


def test_csv_is_byte_identical_for_the_same_input(tmp_path: Path) -> None:
    first = to_csv(_articles(), tmp_path / "a.csv").read_bytes()
    second = to_csv(iter(_articles()), tmp_path / "b.csv").read_bytes()
    assert first == second


def test_csv_quotes_text_with_commas_quotes_and_newlines(tmp_path: Path) -> None:
    article = make_article()
    target = article.statements[0].targets[0]
    target.metric.en = 'a "quoted", two-line\nmetric'
    rows = _read_csv(to_csv(article, tmp_path / "t.csv"))
    assert rows[0]["metric_en"] == 'a "quoted", two-line\nmetric'


def test_empty_input_gives_a_header_only_csv(tmp_path: Path) -> None:
    path = to_csv([], tmp_path / "t.csv")
    assert _read_csv(path) == []
    assert path.read_bytes() == ("\ufeff" + ",".join(NAMES) + "\r\n").encode("utf-8")


# -- Parquet -----------------------------------------------------------------------------------


def test_parquet_round_trip_gives_the_same_rows_and_types(tmp_path: Path) -> None:
    articles = _articles()
    path = to_parquet(articles, tmp_path / "t.parquet")
    read = pq.read_table(path)
    assert read.column_names == NAMES
    arrow_types = {"text": "string", "integer": "int64", "decimal": "double", "date": "date32[day]"}
    assert [str(field.type) for field in read.schema] == [
        arrow_types[field.type] for field in ROW_FIELDS
    ]
    assert read.to_pylist() == _floats(to_rows(articles))


def test_parquet_is_written_in_row_groups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(table, "PARQUET_BATCH", 20)
    articles = make_articles(5)  # 11 rows each: flushed at 22 and 44, and the last 11
    path = to_parquet(iter(articles), tmp_path / "t.parquet")
    metadata = pq.ParquetFile(path).metadata
    assert [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)] == [22, 22, 11]
    assert pq.read_table(path).to_pylist() == _floats(to_rows(articles))


def test_empty_input_gives_a_valid_empty_parquet(tmp_path: Path) -> None:
    read = pq.read_table(to_parquet([], tmp_path / "t.parquet"))
    assert read.num_rows == 0
    assert read.column_names == NAMES


def test_without_pyarrow_parquet_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    with pytest.raises(MissingDependencyError, match=r"yantai-pledges\[parquet\]"):
        to_parquet([make_article()], tmp_path / "t.parquet")
    assert list(tmp_path.iterdir()) == []


# -- pandas ------------------------------------------------------------------------------------


def test_frame_has_the_rows_and_typed_columns() -> None:
    articles = _articles()
    frame = to_frame(articles)
    assert list(frame.columns) == NAMES
    assert len(frame) == len(list(to_rows(articles)))
    kinds = {"integer": "Int64", "decimal": "float64", "date": "datetime64[s]"}
    for field in ROW_FIELDS:
        if field.type in kinds:
            assert str(frame[field.name].dtype) == kinds[field.type], field.name
    first = frame.iloc[0]
    assert first["metric_zh"] == "重点项目总投资"
    assert first["base_value"] == 32650000000.0
    assert first["year"] == 2023
    assert pd.isna(first["published"])
    milestone = frame[frame["kind"] == "milestone"].iloc[0]
    assert milestone["deadline_date"] == pd.Timestamp(2023, 6, 30)


def test_frame_of_nothing_has_the_columns() -> None:
    frame = to_frame([])
    assert list(frame.columns) == NAMES
    assert len(frame) == 0


def test_without_pandas_to_frame_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingDependencyError, match=r"yantai-pledges\[pandas\]"):
        to_frame([make_article()])


# -- files -------------------------------------------------------------------------------------


def _failing() -> Iterator[Article]:
    yield make_article()
    raise RuntimeError("the parser died")


@pytest.mark.parametrize("write", [to_csv, to_parquet], ids=["csv", "parquet"])
def test_a_failed_write_leaves_the_old_file(write: Any, tmp_path: Path) -> None:
    path = tmp_path / "t.out"
    path.write_bytes(b"old")
    with pytest.raises(RuntimeError, match="died"):
        write(_failing(), path)
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["t.out"]


@pytest.mark.parametrize("write", [to_csv, to_parquet], ids=["csv", "parquet"])
def test_unwritable_targets_are_export_errors(write: Any, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        write([], tmp_path / "missing" / "t.out")
    with pytest.raises(ExportError, match="is a folder"):
        write([], tmp_path)
    with pytest.raises(ExportError, match="expected"):
        write(["not an article"], tmp_path / "t.out")


def test_public_names() -> None:
    for name in ("to_rows", "to_csv", "to_parquet", "to_frame", "to_sqlite"):
        assert name in yantai_pledges.__all__
        assert callable(getattr(yantai_pledges, name))
