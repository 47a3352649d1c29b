"""The Excel report, read back with openpyxl: values, types, formats, links, safety, atomicity."""

from __future__ import annotations

import datetime as dt
import tempfile
import time
import tracemalloc
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factories import make_article, make_articles
from yantai_pledges.errors import ExportError
from yantai_pledges.export import excel, glossary_terms, to_excel, xlsx_file
from yantai_pledges.export import rows as row_spec
from yantai_pledges.export import sheet as sheet_writer
from yantai_pledges.models import Article, Bilingual, FileError

SHEETS = ["README", "Overview", "Statements", "Targets", "Milestones", "Rows", "Text", "Glossary"]
TABLES = ["Overview", "Statements", "Targets", "Milestones", "Rows", "Text"]
NO_GLOSSARY: list[tuple[str, str, str]] = []


def _write(tmp_path: Path, articles: Article | list[Article], **options: Any) -> Path:
    options.setdefault("glossary_terms", NO_GLOSSARY)
    return to_excel(articles, tmp_path / "report.xlsx", **options)


def _table(workbook: Any, sheet: str) -> list[dict[str, Any]]:
    """The data rows of a sheet's table (up to the filter range) as header → cell."""
    worksheet = workbook[sheet]
    last_row = int(worksheet.auto_filter.ref.split(":")[1].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    rows = list(worksheet.iter_rows(min_row=1, max_row=last_row))
    headers = [cell.value for cell in rows[0]]
    return [dict(zip(headers, row, strict=True)) for row in rows[1:]]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Any:
    path = _write(tmp_path_factory.mktemp("report"), make_article())
    return openpyxl.load_workbook(path)


# -- layout -----------------------------------------------------------------------------------


def test_sheets_in_order(report: Any) -> None:
    assert report.sheetnames == SHEETS


@pytest.mark.parametrize("sheet", TABLES)
def test_every_sheet_has_frozen_header_filter_widths_and_print_setup(
    report: Any, sheet: str
) -> None:
    worksheet = report[sheet]
    assert worksheet["A1"].value == ("kind" if sheet == "Rows" else "Article")  # Rows: to_rows
    assert worksheet["A1"].font.bold
    assert worksheet.freeze_panes is not None
    assert worksheet.freeze_panes.endswith("2")
    assert worksheet.auto_filter.ref.startswith("A1:")
    assert all(worksheet.column_dimensions[letter].width for letter in "ABC")
    assert worksheet.page_setup.orientation == "landscape"
    assert worksheet.page_setup.fitToWidth == 1
    assert worksheet.sheet_properties.pageSetUpPr.fitToPage
    assert worksheet.print_title_rows == "$1:$1"


@pytest.mark.parametrize("sheet", ["README", "Glossary"])
def test_readme_and_glossary_have_a_frozen_header_and_print_setup(report: Any, sheet: str) -> None:
    worksheet = report[sheet]
    assert worksheet["A1"].font.bold
    assert worksheet.freeze_panes is not None
    assert worksheet.page_setup.orientation == "landscape"
    assert worksheet.print_title_rows == "$1:$1"


# (sheet, header of the last printed column): the printed page holds the key columns only
PRINT_AREAS = [
    ("Targets", "Summary (en)"),
    ("Milestones", "Summary (en)"),
    ("Statements", "Headline (en)"),
]


@pytest.mark.parametrize(("sheet", "last_header"), PRINT_AREAS)
def test_printed_page_ends_with_the_key_columns(report: Any, sheet: str, last_header: str) -> None:
    worksheet = report[sheet]
    area = (
        worksheet.print_area[0] if isinstance(worksheet.print_area, list) else worksheet.print_area
    )
    last_cell = area.split("!")[-1].split(":")[1].replace("$", "")
    column = last_cell.rstrip("0123456789")
    assert worksheet[f"{column}1"].value == last_header
    assert last_cell[len(column) :] == worksheet.auto_filter.ref.split(":")[1].lstrip(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    )
    assert worksheet.max_column > openpyxl.utils.column_index_from_string(column)


# (sheet, expected number of data rows for the factory article)
ROW_COUNTS = [
    ("Overview", 1),
    ("Statements", 2),
    ("Targets", 9),
    ("Milestones", 2),
    ("Rows", 11),
    ("Text", 6),
]


@pytest.mark.parametrize(("sheet", "rows"), ROW_COUNTS)
def test_one_row_per_item(report: Any, sheet: str, rows: int) -> None:
    assert len(_table(report, sheet)) == rows


def test_overview_counts_translation_and_warnings(report: Any) -> None:
    (row,) = _table(report, "Overview")
    assert row["Title (zh)"].value == "区市书记谈坚定不移推动高质量发展"
    assert row["Title (en)"].value.startswith("District and city Party secretaries")
    assert (row["Year"].value, row["Statements"].value, row["Targets"].value) == (2023, 2, 9)
    assert row["Pledged targets"].value == 7
    assert row["Milestones"].value == 2
    assert "paragraphs: argos" in row["Translation (field: backend)"].value
    assert "no date line" in row["Parser warnings"].value
    assert row["Export warnings"].value is None


def test_statements_row(report: Any) -> None:
    first = _table(report, "Statements")[0]
    assert first["Speaker (zh)"].value == "刘建华"
    assert first["Speaker (en)"].value == "Liu Jianhua"
    assert first["Positions (zh)"].value == "市委常委，福山区委书记"
    assert first["Positions (en)"].value.endswith("Secretary of the CPC Fushan District Committee")
    assert first["Jurisdiction (en)"].value == "Fushan District"
    assert first["Headline (zh)"].value == "抓项目稳增长 全力冲刺开门红"
    assert first["Credit (zh)"].value == "张晓"
    assert first["Targets"].value == 5
    assert first["Headline (zh)"].alignment.wrap_text


def test_missing_english_beside_chinese_is_filled_by_rule(report: Any) -> None:
    second = _table(report, "Statements")[1]
    assert second["Credit (zh)"].value == "李娜"
    assert second["Credit (en)"].value == "Li Na"  # a name: its pinyin


# (target index, column, value, number format) — numbers are numeric cells with readable formats
TARGET_CELLS = [
    (0, "Value", 326.5, "#,##0.0#####"),
    (0, "Base value", 32650000000, "#,##0"),
    (0, "CNY in 亿元 (100 million yuan)", 326.5, "#,##0.0#####"),
    (1, "Value", 25, "#,##0"),
    (4, "Low", 2, "#,##0"),
    (4, "High", 3, "#,##0"),
    (4, "Base low", 2, "#,##0"),
    (6, "Base value", 150000000, "#,##0"),
    (7, "Base value", 8600000, "#,##0"),
    (0, "Span start", None, "0"),  # an offset, not an amount: no thousands separator
]


@pytest.mark.parametrize(("index", "column", "value", "number_format"), TARGET_CELLS)
def test_target_numbers_are_numeric_cells(
    report: Any, index: int, column: str, value: float | None, number_format: str
) -> None:
    cell = _table(report, "Targets")[index][column]
    assert cell.data_type == "n"
    assert isinstance(cell.value, int | float)
    if value is not None:
        assert cell.value == value
    assert cell.number_format == number_format


def test_non_cny_amounts_have_no_yi_value(report: Any) -> None:
    rows = _table(report, "Targets")
    assert [row["CNY in 亿元 (100 million yuan)"].value is None for row in rows] == [
        False,
        *[True] * 8,
    ]


def test_target_texts_and_enums(report: Any) -> None:
    row = _table(report, "Targets")[1]
    assert row["Metric (zh)"].value == "开工项目"
    assert row["As written"].value == "25个"
    assert row["Comparator"].value == "at_least"
    assert row["Commitment"].value == "ensure"
    assert row["Status"].value == "pledge"
    assert (
        row["Summary (en)"].value == "Ensure at least 25 projects start construction by 31 March."
    )
    assert row["Clause (zh)"].value == "确保3月底前开工项目25个以上"
    assert row["Speaker"].value == "刘建华 (Liu Jianhua)"
    assert _table(report, "Targets")[4]["Summary (en)"].value is None


def test_deadline_dates_are_date_cells(report: Any) -> None:
    cell = _table(report, "Targets")[1]["Deadline date"]
    assert cell.is_date
    assert cell.value == dt.datetime(2023, 3, 31)
    assert cell.number_format == "yyyy-mm-dd"
    assert _table(report, "Targets")[0]["Deadline date"].value is None


@pytest.mark.parametrize("sheet", ["Targets", "Milestones"])
def test_each_row_links_to_its_statement_row(report: Any, sheet: str) -> None:
    statements = report["Statements"]
    for row in _table(report, sheet):
        link = row["Statement"].hyperlink
        assert link is not None
        assert link.target is None  # internal: no external relationship
        sheet_name, cell = link.location.split("!")
        assert sheet_name == "'Statements'"
        linked = statements[cell].row
        assert statements.cell(linked, 2).value == row["Statement"].value
        assert row["Speaker"].value.startswith(statements.cell(linked, 3).value)


def test_text_sheet_puts_chinese_and_english_side_by_side(report: Any) -> None:
    rows = _table(report, "Text")
    second = rows[1]
    assert second["Chinese"].value.startswith("一是全力扩投资")
    assert second["English"].value.startswith("First, expand investment")
    assert second["Point"].value == 1
    assert rows[0]["English"].value == "(not translated)"  # a paragraph MT left out
    assert [row["Statement"].value for row in rows] == [1, 1, 1, 2, 2, 2]


def test_long_text_is_wrapped_and_rows_are_tall_enough(report: Any) -> None:
    worksheet = report["Text"]
    assert worksheet["E2"].alignment.wrap_text
    assert worksheet.row_dimensions[3].height > 30


def test_document_properties_are_fixed(tmp_path: Path) -> None:
    properties = openpyxl.load_workbook(_write(tmp_path, make_article())).properties
    assert properties.creator == "yantai_pledges"
    assert properties.created == xlsx_file.FIXED_TIMESTAMP
    assert properties.modified == xlsx_file.FIXED_TIMESTAMP


# -- several articles -------------------------------------------------------------------------


def test_several_articles_share_one_workbook_with_an_article_column(tmp_path: Path) -> None:
    workbook = openpyxl.load_workbook(_write(tmp_path, make_articles(3)))
    for sheet, rows in ROW_COUNTS:
        table = _table(workbook, sheet)
        assert len(table) == rows * 3
        article = "article" if sheet == "Rows" else "Article"
        assert sorted({row[article].value for row in table}) == ([1, 2, 3] if rows else [])
    # article 3's first target links to article 3's first statement
    target = next(row for row in _table(workbook, "Targets") if row["Article"].value == 3)
    linked = workbook["Statements"][target["Statement"].hyperlink.location.split("!")[1]].row
    assert workbook["Statements"].cell(linked, 1).value == 3


def test_no_articles_give_a_workbook_of_headers(tmp_path: Path) -> None:
    workbook = openpyxl.load_workbook(_write(tmp_path, []))
    assert workbook.sheetnames == SHEETS
    assert all(_table(workbook, sheet) == [] for sheet in [*TABLES, "Glossary"])
    assert "from 0 Chinese government article(s)" in workbook["README"]["B2"].value


def test_an_article_without_statements_shows_its_raw_text(tmp_path: Path) -> None:
    article = Article(text="标题\n\n正文第一段。\n正文第二段。", warnings=["no statements found"])
    workbook = openpyxl.load_workbook(_write(tmp_path, article))
    assert [row["Chinese"].value for row in _table(workbook, "Text")] == [
        "标题",
        "正文第一段。",
        "正文第二段。",
    ]
    assert _table(workbook, "Statements") == []


# -- safety -----------------------------------------------------------------------------------

# Text that a spreadsheet would run or misread if it were not stored as a string.
FORMULA_INJECTION = [
    pytest.param('=HYPERLINK("http://x","y")', id="hyperlink-formula"),
    pytest.param("=cmd|' /C calc'!A0", id="dde"),
    pytest.param("+1+1", id="plus"),
    pytest.param("-2+3", id="minus"),
    pytest.param("@SUM(A1:A2)", id="at"),
    pytest.param("\t=1+1", id="tab"),
    pytest.param("\r=1+1", id="carriage-return"),
    pytest.param("\r\n=1+1", id="crlf"),
    pytest.param("#N/A", id="error-code"),
    pytest.param("=", id="lone-equals"),
]


@pytest.mark.parametrize("payload", FORMULA_INJECTION)
def test_article_text_never_becomes_a_formula(tmp_path: Path, payload: str) -> None:
    article = make_article()
    article.statements[0].headline = Bilingual(zh=payload, en=payload)
    article.statements[1].paragraphs[0] = Bilingual(zh=payload, en=payload)
    path = _write(tmp_path, article)
    workbook = openpyxl.load_workbook(path)
    headline = _table(workbook, "Statements")[0]["Headline (zh)"]
    paragraph = _table(workbook, "Text")[3]["English"]
    stored = payload.replace("\r\n", "\n").replace("\r", "\n")  # line ends are normalised
    for cell in (headline, paragraph):
        assert cell.value == stored
        assert cell.data_type == "s"
    assert headline.quotePrefix == stored.startswith(("=", "+", "-", "@", "\t"))
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name)


# Characters an XML file cannot hold; they are removed and reported, never a crash.
ILLEGAL_CHARACTERS = [
    pytest.param("\x00", id="nul"),
    pytest.param("\x01\x02\x1f", id="c0-controls"),
    pytest.param("\x0b\x0c", id="vertical-tab-form-feed"),
    pytest.param("\ufffe", id="non-character"),
    pytest.param("\ud800", id="lone-surrogate"),
]


@pytest.mark.parametrize("bad", ILLEGAL_CHARACTERS)
def test_characters_xml_cannot_hold_are_removed_with_a_warning(tmp_path: Path, bad: str) -> None:
    article = make_article()
    article.statements[0].headline = Bilingual(zh=f"抓项目{bad}稳增长", en=None)
    article.statements[0].paragraphs[1] = Bilingual(zh=f"一是{bad}全力扩投资。", en="First.")
    warnings: list[str] = []
    workbook = openpyxl.load_workbook(_write(tmp_path, article, on_warning=warnings.append))
    assert _table(workbook, "Statements")[0]["Headline (zh)"].value == "抓项目稳增长"
    assert _table(workbook, "Text")[1]["Chinese"].value == "一是全力扩投资。"
    assert len(warnings) == 2
    assert warnings[0].startswith("article 1, Statements!I2: removed")
    listed = _table(workbook, "Overview")[0]["Export warnings"].value
    assert listed == "\n".join(warnings)


def test_warnings_are_logged(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    article = make_article()
    article.title = Bilingual(zh="标题\x07", en=None)
    with caplog.at_level("WARNING", logger="yantai_pledges.export.excel"):
        workbook = openpyxl.load_workbook(_write(tmp_path, article))
    assert "Overview!B2: removed 1 control character" in caplog.text
    # a warning raised by the Overview row itself is listed in that row too
    assert "Overview!B2" in _table(workbook, "Overview")[0]["Export warnings"].value


# (text, characters expected to be cut) — Excel counts UTF-16 units, so astral characters are 2
LONG_TEXT = [
    pytest.param("项" * 32_767, 0, id="exactly-the-limit"),
    pytest.param("项" * 32_768, None, id="one-over"),
    pytest.param("x" * 1_000_000, None, id="a-million"),
    pytest.param("🚀" * 20_000, None, id="astral-40000-units"),
]


@pytest.mark.parametrize(("text", "cut"), LONG_TEXT)
def test_text_over_the_cell_limit_is_cut_visibly(
    tmp_path: Path, text: str, cut: int | None
) -> None:
    article = make_article()
    article.statements[0].paragraphs[0] = Bilingual(zh=text, en=None)
    warnings: list[str] = []
    started = time.perf_counter()
    workbook = openpyxl.load_workbook(_write(tmp_path, article, on_warning=warnings.append))
    assert time.perf_counter() - started < 3.0
    value = _table(workbook, "Text")[0]["Chinese"].value
    assert len(value.encode("utf-16-le")) // 2 <= excel.CELL_TEXT_LIMIT
    if cut == 0:
        assert value == text
        assert warnings == []
        return
    marker = f"…[truncated: {len(text) - value.index('…[truncated')} characters]"
    assert value.endswith(marker)
    assert text.startswith(value[: value.index("…[truncated")])
    assert len(warnings) == 1
    assert "32,767" in warnings[0]


@settings(max_examples=20, deadline=None)
@given(text=st.text(st.characters(codec=None), max_size=200))
def test_any_unicode_is_written_and_read_back_cleaned(text: str) -> None:
    article = make_article()
    article.statements[0].headline = Bilingual(zh=text, en=text)
    warnings: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        path = to_excel(
            article, Path(folder) / "r.xlsx", glossary_terms=NO_GLOSSARY, on_warning=warnings.append
        )
        cell = _table(openpyxl.load_workbook(path), "Statements")[0]["Headline (zh)"]
    expected = sheet_writer._XML_ILLEGAL.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    assert (cell.value or "") == expected
    assert bool(warnings) == (expected != text.replace("\r\n", "\n").replace("\r", "\n"))


# -- determinism and atomic writes ------------------------------------------------------------


def test_two_writes_are_byte_identical(tmp_path: Path) -> None:
    first = to_excel(make_articles(2), tmp_path / "a.xlsx", glossary_terms=NO_GLOSSARY)
    second = to_excel(make_articles(2), tmp_path / "b.xlsx", glossary_terms=NO_GLOSSARY)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_the_fast_row_stream_writes_what_openpyxl_append_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """sheet.py streams its own cells past openpyxl's append (speed); the bytes are the same."""
    articles = [
        *make_articles(2),
        make_article(translated=False),
        Article(text="标题\r\n正文\x01第一段。\n=1+1"),
    ]
    fast = to_excel(articles, tmp_path / "fast.xlsx", on_warning=lambda message: None)
    monkeypatch.setattr(sheet_writer, "FAST_ROWS", False)
    public = to_excel(articles, tmp_path / "public.xlsx", on_warning=lambda message: None)
    assert fast.read_bytes() == public.read_bytes()


# Cells the row file (export/sheet_xml.py) must write as lxml does: markup, spaces kept, text
# outside ASCII and outside the BMP, line ends, empty text, numbers large and small, dates, links.
_HOSTILE_ROWS = [
    (1, " leading space", "trailing space ", Decimal("1.5"), dt.date(2023, 12, 31)),
    (
        2,
        "a & b < c > d \"e\" 'f'",
        "中文，全角（括号）“引号”…",
        Decimal("12345678901234567890"),
        None,
    ),
    (3, "😀 𠀀 rare\u2028line", "tab\tand\nnew line", Decimal("-0.000001"), dt.date(1900, 3, 1)),
    (4, "", "=1+1", Decimal("100000000"), None),
    (5, "\t\tindented", "@formula-like", Decimal("0"), dt.date(2000, 1, 1)),
]


@pytest.mark.parametrize("row", range(len(_HOSTILE_ROWS)))
def test_the_row_file_writes_each_cell_as_openpyxl_and_lxml_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, row: int
) -> None:
    columns = [
        sheet_writer.Column("Id", 8, "id"),
        sheet_writer.Column("Text", 20),
        sheet_writer.Column("More", 40),
        sheet_writer.Column("Number", 12, "count"),
        sheet_writer.Column("Date", 12),
    ]

    def write(name: str) -> bytes:
        book = openpyxl.Workbook(write_only=True)
        sheet = sheet_writer.Sheet(book, "Rows", columns, excel.WorkbookReport(), print_columns=3)
        links = {0: "'Rows'!A1"}
        sheet.append(_HOSTILE_ROWS[row], links)
        sheet.append(_HOSTILE_ROWS[(row + 1) % len(_HOSTILE_ROWS)])
        sheet.append_note("a note & more")
        sheet.close()
        xlsx_file.save_workbook(book, tmp_path / name, xlsx_file.FIXED_TIMESTAMP)
        return (tmp_path / name).read_bytes()

    fast = write("fast.xlsx")
    monkeypatch.setattr(sheet_writer, "FAST_ROWS", False)
    assert fast == write("public.xlsx")


def test_excel_sink_fed_one_article_at_a_time_writes_what_to_excel_writes(
    tmp_path: Path,
) -> None:
    articles = [*make_articles(2), make_article(translated=False)]
    errors = [FileError(path="bad.txt", error="InputError", message="empty")]
    whole = to_excel(articles, tmp_path / "whole.xlsx", errors=errors)
    with excel.excel_sink(tmp_path / "fed.xlsx") as sink:
        for article in articles:
            sink(article)
        sink.errors = errors  # known only once every input has been tried
    assert (tmp_path / "fed.xlsx").read_bytes() == whole.read_bytes()


def test_the_sinks_memory_does_not_grow_with_the_number_of_articles(tmp_path: Path) -> None:
    """Peak traced memory for 40 articles against 10: only small summaries are kept (an
    article kept would add tens of KB each; a link row adds about 0.25 KB)."""
    peaks = {}
    to_excel(make_article(), tmp_path / "warm.xlsx", glossary_terms=NO_GLOSSARY)  # lazy tables
    for count in (10, 40):
        tracemalloc.start()
        with excel.excel_sink(tmp_path / f"{count}.xlsx", glossary_terms=NO_GLOSSARY) as sink:
            for _ in range(count):
                sink(make_article())  # made here and dropped: the sink must not keep it
        peaks[count] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert peaks[40] < 1.5 * peaks[10], peaks


def _sink_then(target: Path, last: object) -> None:
    """Give a sink an article, then ``last`` (an article, something else, or an exception)."""
    with excel.excel_sink(target) as sink:
        sink(make_article())
        if isinstance(last, BaseException):
            raise last
        sink(last)  # type: ignore[arg-type]  # the wrong type on purpose


@pytest.mark.parametrize(
    ("last", "raised", "message"),
    [
        (RuntimeError("stopped"), RuntimeError, "stopped"),
        ("text", ExportError, r"expected a yantai_pledges Article \(item 1\), got str"),
    ],
)
def test_excel_sink_writes_nothing_when_its_block_fails(
    tmp_path: Path, last: object, raised: type[BaseException], message: str
) -> None:
    (tmp_path / "report.xlsx").write_bytes(b"old")
    with pytest.raises(raised, match=message):
        _sink_then(tmp_path / "report.xlsx", last)
    assert [path.name for path in tmp_path.iterdir()] == ["report.xlsx"]
    assert (tmp_path / "report.xlsx").read_bytes() == b"old"


def test_a_failure_midway_leaves_the_old_report_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = _write(tmp_path, make_article())
    old = target.read_bytes()
    original_add = excel._Workbook.add

    def failing_add(self: Any, number: int, article: Article) -> None:
        if number == 2:
            raise RuntimeError("disk gremlin")
        original_add(self, number, article)

    monkeypatch.setattr(excel._Workbook, "add", failing_add)
    with pytest.raises(RuntimeError, match="gremlin"):
        _write(tmp_path, make_articles(3))
    assert target.read_bytes() == old
    assert [path.name for path in tmp_path.iterdir()] == ["report.xlsx"]


def test_a_failure_while_zipping_is_an_export_error_and_keeps_the_old_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = _write(tmp_path, make_article())
    old = target.read_bytes()
    written: list[str] = []
    original_write = xlsx_file._FixedTimeZipFile.write

    def failing_write(self: Any, filename: Any, arcname: Any = None, *args: Any) -> None:
        written.append(str(arcname))
        if len(written) == 3:
            raise OSError(28, "No space left on device")
        original_write(self, filename, arcname, *args)

    monkeypatch.setattr(xlsx_file._FixedTimeZipFile, "write", failing_write)
    with pytest.raises(ExportError, match="No space left"):
        _write(tmp_path, make_article())
    assert len(written) == 3
    assert target.read_bytes() == old
    assert [path.name for path in tmp_path.iterdir()] == ["report.xlsx"]


BAD_TARGETS = [
    pytest.param("missing/report.xlsx", "does not exist", id="missing-folder"),
    pytest.param(".", "folder", id="a-folder"),
]


@pytest.mark.parametrize(("relative", "message"), BAD_TARGETS)
def test_unwritable_targets_are_export_errors(tmp_path: Path, relative: str, message: str) -> None:
    with pytest.raises(ExportError, match=message):
        to_excel(make_article(), tmp_path / relative, glossary_terms=NO_GLOSSARY)


@pytest.mark.parametrize(
    "value", [pytest.param("文章", id="string"), pytest.param([make_article(), 3], id="int")]
)
def test_what_is_not_an_article_is_an_export_error(tmp_path: Path, value: Any) -> None:
    with pytest.raises(ExportError, match="Article"):
        to_excel(value, tmp_path / "report.xlsx", glossary_terms=NO_GLOSSARY)
    assert list(tmp_path.iterdir()) == []


def test_failed_inputs_get_an_errors_sheet(tmp_path: Path) -> None:
    failed = [FileError(path="in/bad.txt", error="DecodingError", message="not GB18030 or UTF-8")]
    workbook = openpyxl.load_workbook(
        to_excel(make_article(), tmp_path / "r.xlsx", glossary_terms=NO_GLOSSARY, errors=failed)
    )
    assert workbook.sheetnames == [*SHEETS, "Errors"]
    rows = list(workbook["Errors"].iter_rows(values_only=True))
    assert rows == [
        ("Input", "Error", "Message"),
        ("in/bad.txt", "DecodingError", "not GB18030 or UTF-8"),
    ]
    notes = [cell.value for cell in workbook["Overview"]["B"] if cell.value]
    assert "1 input(s) could not be read or parsed: see the Errors sheet." in notes


# -- glossary ---------------------------------------------------------------------------------

GLOSSARY_ENTRIES = [
    ("实际使用外资", "actual use of foreign investment", "Xinhua, MOFCOM"),
    ("规上工业企业", "industrial enterprises above designated size", "NBS"),
    ("项目", "projects", "hand-made"),
    ("数字经济", "digital economy", "not in the article"),
]


def test_glossary_entries_that_occur_are_listed_in_text_order(tmp_path: Path) -> None:
    workbook = openpyxl.load_workbook(
        to_excel(make_article(), tmp_path / "r.xlsx", glossary_terms=GLOSSARY_ENTRIES)
    )
    rows = [
        (row["Chinese"].value, row["Source"].value, row["Occurrences"].value)
        for row in _table(workbook, "Glossary")
    ]
    assert rows == [
        ("项目", "your glossary (hand-made)", 7),
        ("规上工业企业", "your glossary (NBS)", 1),
        ("实际使用外资", "your glossary (Xinhua, MOFCOM)", 1),
    ]


def test_glossary_callback_gives_terms_per_article(tmp_path: Path) -> None:
    def terms(article: Article) -> list[tuple[str, str, str]]:
        return [("海阳市", "Haiyang", "places table")] if "海阳" in article.text else []

    workbook = openpyxl.load_workbook(
        to_excel(make_articles(2), tmp_path / "r.xlsx", glossary_terms=terms)
    )
    rows = _table(workbook, "Glossary")
    assert [(row["Articles"].value, row["English"].value) for row in rows] == [("1, 2", "Haiyang")]


def test_bundled_glossary_is_used_by_default(tmp_path: Path) -> None:
    pytest.importorskip("yantai_pledges.translation.glossary")
    workbook = openpyxl.load_workbook(to_excel(make_article(), tmp_path / "r.xlsx"))
    chinese = {row["Chinese"].value for row in _table(workbook, "Glossary")}
    assert "实际使用外资" in chinese


def test_without_a_glossary_module_the_sheet_has_a_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_glossary() -> Any:
        raise ModuleNotFoundError("No module named 'yantai_pledges.translation.glossary'")

    monkeypatch.setattr(glossary_terms, "_load_bundled_glossary", no_glossary)
    workbook = openpyxl.load_workbook(to_excel(make_article(), tmp_path / "r.xlsx"))
    assert _table(workbook, "Glossary") == []
    assert workbook["Glossary"]["B2"].value.startswith("No glossary")
    notes = [cell.value for cell in workbook["Overview"]["B"] if cell.value]
    assert any(str(note).startswith("No glossary") for note in notes)


# -- the one column spec ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sheet", "columns"),
    [
        ("Statements", row_spec.STATEMENT_COLUMNS),
        ("Targets", row_spec.TARGET_COLUMNS),
        ("Milestones", row_spec.MILESTONE_COLUMNS),
    ],
)
def test_sheet_headers_are_the_column_spec(report: Any, sheet: str, columns: Any) -> None:
    headers = [cell.value for cell in next(report[sheet].iter_rows(max_row=1))]
    assert headers == [column.header for column in columns]


def test_target_values_sit_under_their_header_by_name(report: Any) -> None:
    """Each value found under the header that names it, read from the model independently."""
    article = make_article()
    statement = next(s for s in article.statements if s.targets)
    target = statement.targets[0]
    quantity = target.quantity
    expected = {
        "Metric (zh)": target.metric.zh,
        "As written": quantity.raw,
        "Unit (zh)": quantity.unit.zh,
        "Base unit": quantity.base_unit,
        "Comparator": getattr(target.comparator, "value", None),
        "Commitment": getattr(target.commitment, "value", None),
        "Status": getattr(target.status, "value", None),
        "Clause (zh)": target.text.zh,
        "Span start": target.span[0],
        "Span end": target.span[1],
    }
    first = _table(report, "Targets")[0]
    assert {name: first[name].value for name in expected} == expected


def test_the_flat_view_is_the_long_table_of_the_exports(report: Any) -> None:
    """The Rows sheet: the fields of to_rows (the CSV's), row for row, value for value."""
    expected = list(row_spec.to_rows(make_article()))
    rows = _table(report, "Rows")
    assert [cell.value for cell in next(report["Rows"].iter_rows(max_row=1))] == [
        f.name for f in row_spec.ROW_FIELDS
    ]
    assert len(rows) == len(expected)
    for row, record in zip(rows, expected, strict=True):
        for name in (
            "kind",
            "article",
            "statement",
            "item",
            "metric_zh",
            "raw",
            "status",
            "text_zh",
        ):
            assert row[name].value == record[name], name
        if record["value"] is not None:
            assert row["value"].value == pytest.approx(float(record["value"]))
        if record["deadline_date"] is not None:
            assert row["deadline_date"].value.date() == record["deadline_date"]


# (metric zh, metric en, unit zh, unit en, base unit) → the Targets cells (metric zh, metric en, unit en)
GAP_ROWS = [
    ("", None, "天", "days", "day", ("（无指标）", "(no metric)", "days")),  # Background: 2.5 days.
    ("新增企业", None, "家", "", "count", ("新增企业", "xinzeng enterprises", "count")),  # 企业: glossary
    ("新开工项目", "new projects starting construction", "个", "", "count",
     ("新开工项目", "new projects starting construction", "count")),
    ("高新技术企业", "high-tech enterprises", "家", None, "count",
     ("高新技术企业", "high-tech enterprises", "count")),
]  # fmt: skip


@pytest.mark.parametrize(
    ("metric_zh", "metric_en", "unit_zh", "unit_en", "base_unit", "expected"), GAP_ROWS
)
def test_a_target_always_has_a_metric_and_a_unit_in_english(
    tmp_path: Path,
    metric_zh: str,
    metric_en: str | None,
    unit_zh: str,
    unit_en: str | None,
    base_unit: str,
    expected: tuple[str, str, str],
) -> None:
    article = make_article()
    target = article.statements[0].targets[0]
    target.metric = Bilingual(zh=metric_zh, en=metric_en)
    target.quantity.unit = Bilingual(zh=unit_zh, en=unit_en)
    target.quantity.base_unit = base_unit
    row = _table(openpyxl.load_workbook(_write(tmp_path, article)), "Targets")[0]
    assert (row["Metric (zh)"].value, row["Metric (en)"].value, row["Unit (en)"].value) == expected
