"""The long table (``to_rows``) and the one column spec: rows from real parses, the factory's
article, the types each field promises, the docs' column lists, and junk."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import yantai_pledges
from factories import make_article, make_articles
from yantai_pledges.errors import ExportError
from yantai_pledges.export import rows
from yantai_pledges.export.rows import (
    ARTICLE_FIELDS,
    ROW_FIELDS,
    STATEMENT_FIELDS,
    article_key,
    jurisdiction_columns,
    to_rows,
)
from yantai_pledges.models import Article, Bilingual, Jurisdiction, Source, Speaker, Statement

ROOT = Path(__file__).resolve().parents[1]
DATASET_DOC = ROOT / "docs" / "dataset.md"
PYTHON_TYPES = {"text": str, "integer": int, "decimal": Decimal, "date": dt.date}
NAMES = [field.name for field in ROW_FIELDS]


def _rows(text: str, year: int = 2023) -> list[dict[str, Any]]:
    return list(to_rows(yantai_pledges.parse(text, year=year, translator="glossary")))


# -- rows from parsed text: (input, expected columns of each row) -----------------------------

PARSED = [
    pytest.param(
        "确保全年新开工项目130个以上。",
        [
            {
                "kind": "target",
                "article": 1,
                "statement": 1,
                "item": 1,
                "year": 2023,
                "indicator_id": "projects_started",
                "metric_zh": "新开工项目",
                "raw": "130个以上",
                "value": Decimal(130),
                "low": None,
                "unit_zh": "个",
                "unit_en": None,  # empty English is None, never ""
                "base_value": Decimal(130),
                "base_unit": "count",
                "comparator": "at_least",
                "deadline_zh": "全年",
                "deadline_date": dt.date(2023, 12, 31),
                "period_kind": "year",
                "period_start": dt.date(2023, 1, 1),
                "commitment": "ensure",
                "status": "pledge",
                "text_zh": "确保全年新开工项目130个以上",
                "span_start": 0,
                "span_end": 15,
                "speaker_zh": None,
                "jurisdiction_zh": None,
                "baseline": None,
            }
        ],
        id="one-pledge",
    ),
    pytest.param(
        "2024年全市地区生产总值增长6%左右。",
        [
            {
                "indicator_id": "gdp_growth",
                "indicator_en": "GDP growth",
                "value": Decimal(6),
                "base_unit": "percent",
                "comparator": "about",
                "deadline_date": dt.date(2024, 12, 31),
                "commitment": None,
                "year": 2023,  # the article's year; the period says which year the figure is for
                "period_end": dt.date(2024, 12, 31),
            }
        ],
        id="gdp-growth-next-year",
    ),
    pytest.param(
        "力争年内新增规上工业企业30家、产值过10亿元企业3家。",
        [
            {"item": 1, "base_value": Decimal(30), "commitment": "strive"},
            {"item": 2, "indicator_id": None, "raw": "3家", "commitment": "strive"},
        ],
        id="two-items-one-sentence",
    ),
    pytest.param(
        "3月底前完成主体工程建设。",
        [
            {
                "kind": "milestone",
                "item": 1,
                "metric_zh": None,
                "raw": None,
                "base_unit": None,
                "comparator": None,
                "deadline_zh": "3月底前",
                "deadline_date": dt.date(2023, 3, 31),
                "period_kind": "month",
                "status": "pledge",
            }
        ],
        id="milestone",
    ),
    pytest.param(
        "市委常委，福山区委书记 刘建华\n\n确保3月底前开工项目25个以上，全年固定资产投资增长8%左右。",
        [
            {
                "speaker_zh": "刘建华",
                "speaker_en": "Liu Jianhua",
                "jurisdiction_zh": "福山区",
                "jurisdiction_en": "Fushan District",
                "jurisdiction_code": "370611",
                "jurisdiction_level": "county",
                "indicator_id": "projects_started",
            },
            {"item": 2, "indicator_id": "fixed_asset_investment_growth", "span_start": 32},
        ],
        id="speaker-and-jurisdiction",
    ),
    pytest.param("这是一段没有数字的文字。", [], id="no-figures"),
]


@pytest.mark.parametrize(("text", "expected"), PARSED)
def test_rows_of_parsed_text(text: str, expected: list[dict[str, Any]]) -> None:
    found = _rows(text)
    assert len(found) == len(expected)
    for row, wanted in zip(found, expected, strict=True):
        assert {name: row[name] for name in wanted} == wanted


# -- the factory's article ---------------------------------------------------------------------


def test_every_record_has_every_column_in_order() -> None:
    for row in to_rows(make_articles(2)):
        assert list(row) == NAMES


def test_rows_go_statement_by_statement_targets_then_milestones() -> None:
    article = make_article()
    found = [(r["statement"], r["kind"], r["item"]) for r in to_rows(article)]
    expected = [
        (index, kind, item)
        for index, statement in enumerate(article.statements, start=1)
        for kind, items in (("target", statement.targets), ("milestone", statement.milestones))
        for item in range(1, len(items) + 1)
    ]
    assert found == expected
    assert [r["article"] for r in to_rows(make_articles(3))] == [1] * 11 + [2] * 11 + [3] * 11


def test_values_come_from_the_model() -> None:
    article = make_article()
    statement = article.statements[0]
    target = statement.targets[0]
    row = next(to_rows(article))
    assert row["source_path"] == "yantai_daily/2023-02-08.txt"
    assert row["source_sha256"] == "0" * 64
    assert row["metric_en"] == target.metric.en
    assert row["base_value"] == Decimal(32650000000)
    assert row["text_zh"] == article.text[row["span_start"] : row["span_end"]]
    assert row["status"] == "context"


def test_milestone_rows_leave_the_targets_columns_empty() -> None:
    target_only = {field.name for field in ROW_FIELDS if not field.milestones}
    assert {"metric_zh", "raw", "value", "base_unit", "comparator", "indicator_id"} <= target_only
    milestones = [row for row in to_rows(make_article()) if row["kind"] == "milestone"]
    assert milestones
    for row in milestones:
        assert all(row[name] is None for name in target_only)
        assert row["text_zh"]
        assert row["deadline_date"] is not None


def test_untranslated_article_has_no_english_and_no_empty_strings() -> None:
    for row in to_rows(make_article(translated=False)):
        assert row["metric_en"] is None
        assert row["text_en"] is None
        assert "" not in row.values()


# -- types and names ---------------------------------------------------------------------------


def _all_articles() -> list[Article]:
    seed = ROOT / "seeds" / "000_bad21ed3cf753cea.txt"
    return [
        make_article(),
        make_article(translated=False),
        yantai_pledges.parse(seed.read_bytes(), translator="glossary"),
    ]


def test_every_value_has_its_fields_type() -> None:
    seen: dict[str, set[type]] = {}
    for row in to_rows(_all_articles()):
        for field in ROW_FIELDS:
            value = row[field.name]
            if value is not None:
                assert isinstance(value, PYTHON_TYPES[field.type]), (field.name, value)
                seen.setdefault(field.type, set()).add(type(value))
    assert set(seen) == set(PYTHON_TYPES)


@pytest.mark.parametrize(
    "fields", [ROW_FIELDS, ARTICLE_FIELDS, STATEMENT_FIELDS], ids=["rows", "articles", "statements"]
)
def test_names_are_ascii_snake_case_and_unique(fields: Any) -> None:
    names = [field.name for field in fields]
    assert len(names) == len(set(names))
    for name in names:
        assert re.fullmatch(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*", name), name
        assert len(name) <= 32  # Stata's limit on variable names


def _documented(section: str) -> list[tuple[str, str]]:
    """(column, type) rows of the column table under a heading of docs/dataset.md."""
    text = DATASET_DOC.read_text(encoding="utf-8")
    start = text.index("| column | type | meaning |", text.index(section))
    table = text[start:].split("\n\n", 1)[0]
    return re.findall(r"^\| `(\w+)` \| (\w+) \|", table, re.MULTILINE)


@pytest.mark.parametrize(
    ("section", "fields"),
    [
        ("## The long table", ROW_FIELDS),
        ("\nArticles:", ARTICLE_FIELDS),
        ("\nStatements:", STATEMENT_FIELDS),
    ],
)
def test_docs_list_every_field_with_its_type(section: str, fields: Any) -> None:
    assert _documented(section) == [(field.name, field.type) for field in fields]


def test_excel_columns_read_the_fields_getters() -> None:
    """The sheets and the dataset share one getter per concept: no parallel definitions."""
    by_name = {field.name: field for field in ROW_FIELDS}
    by_header = {column.header: column for column in rows.TARGET_COLUMNS}
    for header, name in [("Metric (zh)", "metric_zh"), ("Base value", "base_value"),
                         ("Comparator", "comparator"), ("Deadline date", "deadline_date"),
                         ("Clause (en)", "text_en"), ("Span end", "span_end")]:  # fmt: skip
        assert by_header[header].get is by_name[name].get
    milestone = {column.header: column for column in rows.MILESTONE_COLUMNS}
    assert milestone["Milestone (zh)"].get is by_name["text_zh"].get
    statement = {column.header: column for column in rows.STATEMENT_COLUMNS}
    assert statement["Positions (en)"].get is STATEMENT_FIELDS[4].get


# -- keys and jurisdictions --------------------------------------------------------------------


def test_article_key_is_the_sources_sha256_else_the_texts() -> None:
    article = make_article()
    assert article_key(article) == "0" * 64
    article.source = None
    assert article_key(article) == hashlib.sha256(article.text.encode("utf-8")).hexdigest()
    article.source = Source(path="a.txt")  # a source without a digest
    assert article_key(article) == hashlib.sha256(article.text.encode("utf-8")).hexdigest()


def _statement(jurisdiction: str | None) -> Statement:
    place = (
        None
        if jurisdiction is None
        else Jurisdiction(name=Bilingual(zh=jurisdiction, en="X"), code="370611", level="county")
    )
    return Statement(span=(0, 1), speaker=Speaker(name=Bilingual(zh="王伟"), jurisdiction=place))


@pytest.mark.parametrize(
    ("article_place", "statement", "expected"),
    [
        ("龙华区", _statement("福山区"), ("370611", "福山区", "X", "county")),  # the speaker's
        ("龙华区", _statement(None), (None, "龙华区", "Longhua", None)),
        ("龙华区", Statement(span=(0, 1)), (None, "龙华区", "Longhua", None)),  # no speaker
        ("龙华区", None, (None, "龙华区", "Longhua", None)),  # the article's own row
        (None, _statement(None), (None, None, None, None)),
    ],
)
def test_jurisdiction_columns(
    article_place: str | None, statement: Statement | None, expected: tuple[str | None, ...]
) -> None:
    place = (
        None
        if article_place is None
        else Jurisdiction(name=Bilingual(zh=article_place, en="Longhua"))
    )
    article = Article(text="x", jurisdiction=place)
    assert jurisdiction_columns(article, statement) == expected


# -- junk ------------------------------------------------------------------------------------


def test_no_articles_no_rows() -> None:
    assert list(to_rows([])) == []
    assert list(to_rows(Article(text="空"))) == []
    assert list(to_rows(iter([]))) == []


@pytest.mark.parametrize("junk", ["text", b"bytes", 3, None, [object()], [make_article(), "x"]])
def test_junk_is_an_export_error(junk: Any) -> None:
    with pytest.raises(ExportError, match="expected"):
        list(to_rows(junk))


def test_rows_of_a_generator_are_read_one_article_at_a_time() -> None:
    consumed = []

    def articles() -> Any:
        for number in range(3):
            consumed.append(number)
            yield make_article()

    found = to_rows(articles())
    next(found)
    assert consumed == [0]
