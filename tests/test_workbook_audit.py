"""Each fixture's workbook, read as a reader of the English columns would (issue 16).

For the seed, the real pages of ``tests/fixtures/real/dev`` and the layout fixtures, each parsed
without machine translation (a fresh install), the workbook must have: no Han characters in any
English cell, no English cell empty beside a filled Chinese one (the free-text English columns
are left out instead, and the README sheet says so), a unit in English on every target row, no
repeated Glossary term, and the README sheet. The audit is ``benchmarks/audit_workbook.py``.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import yantai_pledges
from benchmark_modules import load_benchmark
from factories import make_article
from yantai_pledges.export import to_excel
from yantai_pledges.models import Article

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted(
    [
        ROOT / "seeds" / "000_bad21ed3cf753cea.txt",
        *(ROOT / "tests" / "fixtures" / "real" / "dev").glob("*.txt"),
        *(ROOT / "tests" / "fixtures" / "articles").glob("*.txt"),
    ]
)
LEFT_OUT = ["Title (en)", "Headline (en)", "Clause (en)", "Milestone (en)", "English", "text_en"]


@functools.cache
def _audit() -> Any:
    return load_benchmark("audit_workbook")


@functools.cache
def _parsed(path: Path) -> Article:
    return yantai_pledges.parse(path.read_bytes(), translator=None)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda path: path.stem)
def test_fixture_workbook_reads_in_english(path: Path, tmp_path: Path) -> None:
    found = _audit().audit(to_excel(_parsed(path), tmp_path / "report.xlsx"))
    assert found.han == []
    assert found.empty == []
    assert found.no_unit == []
    assert found.glossary_repeats == []
    assert found.readme


def test_the_audit_finds_what_it_looks_for(tmp_path: Path) -> None:
    """The audit itself: a workbook with each fault planted is caught on each count."""
    path = to_excel(_parsed(FIXTURES[0]), tmp_path / "report.xlsx")
    book = openpyxl.load_workbook(path)
    targets = book["Targets"]
    headers = [cell.value for cell in targets[1]]
    targets.cell(2, headers.index("Summary (en)") + 1, "Pledge: 30 (项目).")
    targets.cell(2, headers.index("Metric (en)") + 1).value = None
    targets.cell(2, headers.index("Unit (en)") + 1).value = None
    glossary = book["Glossary"]
    glossary.cell(3, 1, glossary.cell(2, 1).value)
    del book["README"]
    book.save(path)
    found = _audit().audit(path)
    assert len(found.han) == 1
    assert len(found.empty) == 2  # the metric and the unit
    assert len(found.no_unit) == 1
    assert len(found.glossary_repeats) == 1
    assert not found.readme


def test_without_machine_translation_free_text_columns_are_left_out_and_said_so(
    tmp_path: Path,
) -> None:
    book = openpyxl.load_workbook(to_excel(_parsed(FIXTURES[0]), tmp_path / "report.xlsx"))
    headers = {cell.value for sheet in book.worksheets[:-1] for cell in sheet[1]}  # not Glossary
    assert headers.isdisjoint(LEFT_OUT)
    readme = {row[0].value: row[1].value for row in book["README"].iter_rows(min_row=2)}
    free_text = readme["English: free text"]
    assert "No machine translation" in free_text
    assert all(header in free_text for header in LEFT_OUT)


def test_readme_dates_come_from_the_articles_not_the_clock(tmp_path: Path) -> None:
    first = to_excel(_parsed(FIXTURES[0]), tmp_path / "a.xlsx")
    second = to_excel(_parsed(FIXTURES[0]), tmp_path / "b.xlsx")
    assert first.read_bytes() == second.read_bytes()
    about = openpyxl.load_workbook(first)["README"]["B2"].value
    assert "2000-01-01 00:00" in about  # the fixed time stamp, not today's date
    assert yantai_pledges.__version__ in about


def test_a_place_reads_the_same_in_the_json_and_every_sheet(tmp_path: Path) -> None:
    article = _parsed(FIXTURES[0])
    in_json = {
        statement.speaker.jurisdiction.name.en
        for statement in article.statements
        if statement.speaker is not None and statement.speaker.jurisdiction is not None
    }
    book = openpyxl.load_workbook(to_excel(article, tmp_path / "report.xlsx"))
    in_sheets = set()
    for sheet, header in (("Statements", "Jurisdiction (en)"), ("Rows", "jurisdiction_en")):
        rows = list(book[sheet].iter_rows(values_only=True))
        column = rows[0].index(header)
        in_sheets |= {row[column] for row in rows[1:] if row[column]}
    assert "Qixia City" in in_json
    assert in_json <= in_sheets


def test_a_term_without_english_is_in_pinyin_and_on_the_glossary(tmp_path: Path) -> None:
    """Each word shown in pinyin is listed once, and its pinyin is what the English cells show."""
    article = _parsed(FIXTURES[0])
    book = openpyxl.load_workbook(to_excel(article, tmp_path / "report.xlsx"))
    glossary = list(book["Glossary"].iter_rows(values_only=True))
    rows = [dict(zip(glossary[0], row, strict=True)) for row in glossary[1:] if row[0]]
    pinyin = [row for row in rows if row["Source"].startswith("rule: pinyin")]
    assert pinyin
    shown = " ".join(
        str(value)
        for sheet in book.worksheets
        if sheet.title != "Glossary"
        for row in sheet.iter_rows(min_row=2, values_only=True)
        for value in row
        if isinstance(value, str)
    )
    for row in pinyin:
        assert row["Chinese"] in article.text
        assert row["English"].isascii()
        assert row["English"] in shown


def test_with_machine_translation_the_free_text_columns_are_there_and_gaps_marked(
    tmp_path: Path,
) -> None:
    """The factory's article is machine-translated in part: its English columns stay, and a gap
    machine translation left reads "(not translated)", never a blank."""
    path = to_excel(make_article(), tmp_path / "report.xlsx")
    found = _audit().audit(path)
    assert (found.han, found.empty, found.no_unit, found.glossary_repeats) == ([], [], [], [])
    book = openpyxl.load_workbook(path)
    headers = {cell.value for sheet in book.worksheets[:-1] for cell in sheet[1]}
    assert set(LEFT_OUT) <= headers
    english = [row[5] for row in book["Text"].iter_rows(min_row=2, values_only=True)]
    assert "(not translated)" in english
    readme = {row[0].value: row[1].value for row in book["README"].iter_rows(min_row=2)}
    assert "machine-translated" in readme["English: free text"]
