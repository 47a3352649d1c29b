"""The bilingual Excel report: one workbook for one or many articles.

Sheets (every one starts with an ``Article`` column, so many articles share one workbook):

``Overview``    one row per article: title, year, counts, translation backends, warnings; notes
``Statements``  one row per statement: speaker, positions, jurisdiction, headline, credit
``Targets``     one row per numeric target, linked to its statement row
``Milestones``  one row per dated pledge without a number, linked to its statement row
``Text``        the statements paragraph by paragraph, Chinese and English side by side
``Glossary``    the glossary terms that occur in each article, with English and source

The workbook is streamed (openpyxl write-only mode), one article at a time: memory stays small
for thousands of articles (only the internal links are held until the sheets are closed). Text
never becomes a formula; characters XML cannot hold are removed and text over Excel's
32,767-character cell limit is cut with a visible marker, each reported as a warning (logged,
passed to ``on_warning`` and listed on the Overview sheet). The file is written
atomically and is byte-for-byte the same for the same input. See docs/excel.md.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import logging
import math
import os
import shutil
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import regex
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from .. import __version__
from ..errors import ExportError, YantaiPledgesError
from ..models import Article, FileError
from . import rows as _rows
from ._atomic import atomic_path
from .rows import (
    MILESTONE_COLUMNS,
    STATEMENT_COLUMNS,
    TARGET_COLUMNS,
    Kind,
    RowContext,
    row_values,
    speaker_label,
)

if TYPE_CHECKING:
    from _typeshed import SizedBuffer, StrPath

    from ..translation.glossary import Glossary, TermMatch

__all__ = [
    "CELL_TEXT_LIMIT",
    "CREATOR",
    "FIXED_TIMESTAMP",
    "GlossaryEntry",
    "GlossaryTerms",
    "to_excel",
]

logger = logging.getLogger(__name__)

CREATOR = "yantai_pledges"
# Document properties and zip entries carry this time, so equal input gives equal bytes.
FIXED_TIMESTAMP = dt.datetime(2000, 1, 1)
_ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold
CELL_TEXT_LIMIT = 32_767  # Excel's maximum cell length, in UTF-16 code units
_LISTED_WARNINGS = 20  # per article on the Overview sheet; the rest are only logged
_COPY_CHUNK = 1 << 16

GlossaryEntry = tuple[str, str, str]  # (Chinese, English, source)
GlossaryTerms = Sequence[GlossaryEntry] | Callable[[Article], Iterable[GlossaryEntry]]

# Characters an XML 1.0 document cannot contain; openpyxl refuses them, lxml cannot encode them.
_XML_ILLEGAL = regex.compile(
    r"""
    [\x00-\x08\x0B\x0C\x0E-\x1F]   # C0 controls except tab, line feed, carriage return
    | [\uFFFE\uFFFF]               # non-characters
    | [\uD800-\uDFFF]              # lone surrogates (not encodable as UTF-8)
    """,
    regex.VERBOSE,
)
# Characters drawn about twice as wide as a Latin letter, for estimating wrapped row heights.
_WIDE = regex.compile(
    r"""
    \p{East_Asian_Width=Wide}           # CJK ideographs, kana, hangul
    | \p{East_Asian_Width=Fullwidth}    # ，。（）：
    | \p{East_Asian_Width=Ambiguous}    # “” and …, full width in Chinese fonts
    """,
    regex.VERBOSE,
)
_LATIN_LINE_HEIGHT = 13.0  # points per line of 10-point Latin text
_CJK_LINE_HEIGHT = 16.5  # Chinese fonts (DengXian, Noto Sans CJK) set taller lines
_MAX_ROW_HEIGHT = 409.0  # Excel's limit
# Line ends: XML parsers turn a raw CR into LF anyway, so store every line end as LF.
_LINE_END = regex.compile(r"\r\n?")
# A cell typed starting with one of these is read as a formula by spreadsheet programs.
_FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class _Column:
    header: str
    width: float
    kind: Kind = "text"


_ARTICLE = _Column("Article", 8, "id")

_OVERVIEW = (
    _ARTICLE,
    _Column("Title (zh)", 30),
    _Column("Title (en)", 36),
    _Column("Year", 7, "id"),
    _Column("Statements", 11, "count"),
    _Column("Targets", 9, "count"),
    _Column("Pledged targets", 10, "count"),
    _Column("Milestones", 11, "count"),
    _Column("Translation (field: backend)", 26),
    _Column("Parser warnings", 36),
    _Column("Export warnings", 36),
    _Column("Source file", 26),
)
# The item sheets take header, width and kind from export/rows.py, the one column spec.
_STATEMENTS = tuple(_Column(c.header, c.width, c.kind) for c in STATEMENT_COLUMNS)
_TARGETS = tuple(_Column(c.header, c.width, c.kind) for c in TARGET_COLUMNS)
_MILESTONES = tuple(_Column(c.header, c.width, c.kind) for c in MILESTONE_COLUMNS)
_TEXT = (
    _ARTICLE,
    _Column("Statement", 10, "id"),
    _Column("Paragraph", 10, "id"),
    _Column("Point", 7, "id"),
    _Column("Chinese", 60),
    _Column("English", 80),
)
_ERRORS = (
    _Column("Input", 40),
    _Column("Error", 18),
    _Column("Message", 80),
)
_GLOSSARY = (
    _ARTICLE,
    _Column("Chinese", 22),
    _Column("English", 44),
    _Column("Kind", 12),
    _Column("Source", 36),
    _Column("Occurrences", 12, "count"),
)


# -- cell values ------------------------------------------------------------------------------


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _truncate(text: str) -> tuple[str, int]:
    """Cut ``text`` to Excel's cell limit with a marker; return it and how many characters went.

    Excel counts UTF-16 code units, so characters outside the BMP (emoji, rare CJK) count twice.
    """
    if len(text) <= CELL_TEXT_LIMIT // 2 or _utf16_length(text) <= CELL_TEXT_LIMIT:
        return text, 0
    budget = CELL_TEXT_LIMIT - len(_marker(len(text)))  # the widest marker this text can need
    kept = budget
    while (excess := _utf16_length(text[:kept]) - budget) > 0:
        kept -= excess  # each code point is 1 or 2 units: removing `excess` of them is enough
    removed = len(text) - kept
    return text[:kept] + _marker(removed), removed


def _marker(removed: int) -> str:
    return f"…[truncated: {removed} characters]"


def _text_height(text: str, width: float) -> float:
    """Roughly the height in points of ``text`` wrapped in a column ``width`` characters wide.

    Widths count the digit "0" of 11-point Calibri; 10-point Latin text fits about 1.2 letters
    in that space and a Chinese character takes about two. Chinese fonts set taller lines.
    """
    per_line = max(width * 1.2 - 1.0, 1.0)
    lines = 0
    wide_total = 0
    for segment in text.split("\n"):
        wide = _WIDE.subn("", segment)[1]
        wide_total += wide
        # +15% on Latin text for words pushed whole to the next line by word wrap
        length = (len(segment) - wide) * 1.15 + wide * 2.0
        lines += max(1, math.ceil(length / per_line))
    line_height = _CJK_LINE_HEIGHT if wide_total * 3 > len(text) else _LATIN_LINE_HEIGHT
    return lines * line_height


def _row_height(height: float) -> float | None:
    """The stored row height for content ``height`` points tall (``None``: the default)."""
    if height <= _CJK_LINE_HEIGHT:
        return None
    return min(math.ceil(height + 3), _MAX_ROW_HEIGHT)


def _number(value: Decimal) -> int | float:
    """Excel numbers are doubles; whole numbers stay ints so they print without a point."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _number_format(value: float) -> str:
    return "#,##0" if float(value).is_integer() else "#,##0.0#####"


# -- sheets -----------------------------------------------------------------------------------


_StyleName = Literal[
    "header", "text", "text_quoted", "number", "date", "id", "link", "note", "heading"
]


class _Styles:
    """The report's cell styles, each resolved once per workbook and then copied to cells.

    Setting font/alignment/format on every cell makes openpyxl hash each style object again;
    copying a resolved style array instead makes writing about twice as fast.
    """

    def __init__(self) -> None:
        body = Font(name="Calibri", size=10)
        top = Alignment(vertical="top")
        self._recipes: dict[_StyleName, dict[str, Any]] = {
            "header": {
                "font": Font(name="Calibri", size=10, bold=True, color="FFFFFF"),
                "fill": PatternFill("solid", start_color="1F4E78", end_color="1F4E78"),
                "alignment": Alignment(horizontal="center", vertical="center", wrap_text=True),
                "border": Border(bottom=Side(style="thin", color="000000")),
            },
            "text": {"font": body, "alignment": Alignment(vertical="top", wrap_text=True)},
            "text_quoted": {
                "font": body,
                "alignment": Alignment(vertical="top", wrap_text=True),
                "quotePrefix": True,  # Excel keeps the cell text when it is edited
            },
            "number": {"font": body, "alignment": Alignment(vertical="top", horizontal="right")},
            "date": {
                "font": body,
                "alignment": Alignment(vertical="top", horizontal="center"),
                "number_format": "yyyy-mm-dd",
            },
            "id": {
                "font": body,
                "alignment": Alignment(vertical="top", horizontal="center"),
                "number_format": "0",
            },
            "link": {
                "font": Font(name="Calibri", size=10, color="0563C1", underline="single"),
                "alignment": Alignment(vertical="top", horizontal="center"),
                "number_format": "0",
            },
            "note": {
                "font": Font(name="Calibri", size=10, italic=True, color="595959"),
                "alignment": top,
            },
            "heading": {"font": Font(name="Calibri", size=11, bold=True), "alignment": top},
        }
        self._resolved: dict[tuple[_StyleName, str | None], Any] = {}

    def apply(self, cell: Any, name: _StyleName, number_format: str | None = None) -> None:
        key = (name, number_format)
        resolved = self._resolved.get(key)
        if resolved is not None:
            cell._style = copy.copy(resolved)
            return
        for attribute, value in self._recipes[name].items():
            setattr(cell, attribute, value)
        if number_format is not None:
            cell.number_format = number_format
        self._resolved[key] = copy.copy(cell._style)


@dataclass
class _Report:
    """State shared by the sheets while one workbook is written: styles and warnings."""

    styles: _Styles = field(default_factory=_Styles)
    on_warning: Callable[[str], None] | None = None
    article_warnings: list[str] = field(default_factory=list)
    warning_count: int = 0

    def warn(self, message: str) -> None:
        logger.warning("%s", message)
        self.warning_count += 1
        self.article_warnings.append(message)
        if self.on_warning is not None:
            self.on_warning(message)


class _Sheet:
    """A streamed worksheet: fixed columns, frozen header, filter, print setup, safe cells."""

    def __init__(
        self,
        book: Workbook,
        title: str,
        columns: Sequence[_Column],
        report: _Report,
        *,
        freeze: str = "B2",
        paper: int = Worksheet.PAPERSIZE_A4,
    ) -> None:
        self.title = title
        self.columns = tuple(columns)
        self.report = report
        self.worksheet = book.create_sheet(title)
        self.rows = 0
        self.table_rows = 0
        self.article = 0
        for index, column in enumerate(self.columns, start=1):
            self.worksheet.column_dimensions[get_column_letter(index)].width = column.width
        self.worksheet.freeze_panes = freeze
        _set_up_printing(self.worksheet, paper)
        self._append_header()

    def _append_header(self) -> None:
        styles = self.report.styles
        cells = []
        for column in self.columns:
            cell = WriteOnlyCell(self.worksheet, value=column.header)
            cell.data_type = "s"
            styles.apply(cell, "header")
            cells.append(cell)
        self._set_height(1, cells)
        self.worksheet.append(cells)
        self.worksheet.row_dimensions.pop(1, None)
        self.rows = self.table_rows = 1

    def append(self, values: Sequence[object], links: Mapping[int, str] | None = None) -> int:
        """Append one table row (values in column order); return its row number.

        ``links`` maps a column index to an internal target such as ``'Statements'!A5``; a
        callable value is called after the other cells are made.
        """
        row = self.rows + 1
        cells: list[Any] = [None] * len(self.columns)
        if len(values) != len(self.columns):
            raise ExportError(f"{self.title}: {len(values)} values for {len(self.columns)} columns")
        # Callables are filled last: they may report on the warnings the other cells raised.
        order = sorted(range(len(values)), key=lambda index: callable(values[index]))
        for index in order:
            value = values[index]
            if callable(value):
                value = value()
            link = None if links is None else links.get(index)
            coordinate = f"{get_column_letter(index + 1)}{row}"
            cells[index] = self._cell(self.columns[index], value, coordinate, link)
        self._set_height(row, cells)
        self.worksheet.append(cells)
        self.worksheet.row_dimensions.pop(row, None)  # written: do not keep it in memory
        self.rows = self.table_rows = row
        return row

    def _set_height(self, row: int, cells: Sequence[Any]) -> None:
        """Row heights are stored, not computed by Excel on opening: estimate them."""
        tallest = 0.0
        for column, cell in zip(self.columns, cells, strict=True):
            if cell is not None and cell.data_type == "s":
                tallest = max(tallest, _text_height(cell.value, column.width))
        height = _row_height(tallest)
        if height is not None:
            self.worksheet.row_dimensions[row].height = height

    def append_note(self, text: str, *, heading: bool = False) -> None:
        """A line below the table (outside the filter range), in the second column."""
        cell = self._text_cell(text, f"B{self.rows + 1}")
        # unwrapped, so the note runs on across the empty cells to its right
        self.report.styles.apply(cell, "heading" if heading else "note")
        self.worksheet.append([None, cell])
        self.rows += 1

    def close(self) -> None:
        last_column = get_column_letter(len(self.columns))
        self.worksheet.auto_filter.ref = f"A1:{last_column}{self.table_rows}"
        self.worksheet.print_title_rows = "1:1"

    def _cell(self, column: _Column, value: object, coordinate: str, link: str | None) -> Any:
        if value is None:
            return None
        if isinstance(value, str) or (isinstance(value, Decimal) and not value.is_finite()):
            return self._text_cell(str(value), coordinate)
        styles = self.report.styles
        cell = WriteOnlyCell(self.worksheet)
        if isinstance(value, Decimal):
            cell.value = _number(value)
            styles.apply(cell, "number", _number_format(cell.value))
        elif isinstance(value, dt.date):
            cell.value = value
            styles.apply(cell, "date")
        elif link is not None:
            cell.value = value
            cell.hyperlink = Hyperlink(ref=coordinate, location=link, tooltip="Go to the statement")
            styles.apply(cell, "link")
        elif column.kind == "count":
            cell.value = value
            styles.apply(cell, "number", "#,##0")
        else:
            cell.value = value
            styles.apply(cell, "id")
        return cell

    def _text_cell(self, text: str, coordinate: str) -> Any:
        """A string cell that stays a string: never a formula, never an error code."""
        where = f"article {self.article}, {self.title}!{coordinate}"
        cleaned, removed = _XML_ILLEGAL.subn("", text)
        if removed:
            self.report.warn(
                f"{where}: removed {removed} control character(s) that an Excel file cannot hold"
            )
        cleaned, cut = _truncate(_LINE_END.sub("\n", cleaned))
        if cut:
            self.report.warn(
                f"{where}: text cut to Excel's {CELL_TEXT_LIMIT:,}-character cell limit, "
                f"{cut:,} characters dropped; the JSON export has the full text"
            )
        cell = WriteOnlyCell(self.worksheet, value=cleaned)
        cell.data_type = "s"  # openpyxl types '=…' as a formula and '#N/A' as an error
        quoted = cleaned.startswith(_FORMULA_LEADS)
        self.report.styles.apply(cell, "text_quoted" if quoted else "text")
        return cell


def _set_up_printing(worksheet: Any, paper: int) -> None:
    """Landscape, all columns on one page width, header row repeated on every page."""
    worksheet.page_setup.orientation = "landscape"
    worksheet.page_setup.paperSize = paper
    worksheet.page_setup.fitToWidth = 1
    worksheet.page_setup.fitToHeight = 0
    worksheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    worksheet.print_options.gridLines = True
    worksheet.page_margins.left = worksheet.page_margins.right = 0.4
    worksheet.page_margins.top = worksheet.page_margins.bottom = 0.5


# -- glossary ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _GlossaryRow:
    zh: str
    en: str
    kind: str
    source: str
    occurrences: int


_GlossaryLookup = Callable[[Article], list[_GlossaryRow]]


def _rows_from_entries(article: Article, entries: Iterable[GlossaryEntry]) -> list[_GlossaryRow]:
    """The entries whose Chinese occurs in the article, in order of first occurrence."""
    found: dict[tuple[str, str], tuple[int, _GlossaryRow]] = {}
    for zh, en, source in entries:
        if not zh or (zh, en) in found:
            continue
        first = article.text.find(zh)
        if first >= 0:
            found[(zh, en)] = (first, _GlossaryRow(zh, en, "", source, article.text.count(zh)))
    return [row for _, row in sorted(found.values(), key=lambda item: item[0])]


def _rows_from_matches(matches: Iterable[TermMatch], glossary: Glossary) -> list[_GlossaryRow]:
    """Aggregate glossary matches per term, in order of first match, with the entry's source."""
    rows: dict[tuple[str, str], _GlossaryRow] = {}
    for match in matches:
        key = (match.zh, match.en)
        if key in rows:
            rows[key].occurrences += 1
            continue
        entry = glossary.entry(match.zh)
        source = "" if entry is None else entry.source
        rows[key] = _GlossaryRow(match.zh, match.en, match.kind, source, 1)
    return list(rows.values())


def _load_bundled_glossary() -> Glossary:
    """Imported on first use, so that importing the Excel writer does not load the glossary."""
    from ..translation.glossary import load_glossary  # noqa: PLC0415 - lazy on purpose

    return load_glossary()


def _bundled_glossary() -> tuple[_GlossaryLookup | None, str | None]:
    """The package glossary as a lookup, or ``None`` and a note saying why there is none."""
    try:
        glossary = _load_bundled_glossary()
    except ImportError:
        return None, "No glossary: yantai_pledges.translation.glossary is not available."
    except YantaiPledgesError as error:
        return None, f"No glossary: the bundled glossary could not be loaded ({error})."

    def lookup(article: Article) -> list[_GlossaryRow]:
        return _rows_from_matches(glossary.find_terms(article.text), glossary)

    return lookup, None


def _glossary_lookup(terms: GlossaryTerms | None) -> tuple[_GlossaryLookup | None, str | None]:
    if terms is None:
        return _bundled_glossary()
    if callable(terms):
        callback = terms
        return (lambda article: _rows_from_entries(article, callback(article))), None
    entries = list(terms)
    return (lambda article: _rows_from_entries(article, entries)), None


# -- the workbook -----------------------------------------------------------------------------


class _Workbook:
    """The report being written: its sheets and the per-article row writers."""

    def __init__(self, report: _Report, glossary: _GlossaryLookup | None) -> None:
        self.book = Workbook(write_only=True)
        self.report = report
        self.glossary = glossary
        book = self.book
        self.overview = _Sheet(book, "Overview", _OVERVIEW, report, freeze="C2")
        self.statements = _Sheet(book, "Statements", _STATEMENTS, report, freeze="D2")
        self.targets = _Sheet(
            book, "Targets", _TARGETS, report, freeze="E2", paper=Worksheet.PAPERSIZE_A3
        )
        self.milestones = _Sheet(book, "Milestones", _MILESTONES, report, freeze="D2")
        self.text = _Sheet(book, "Text", _TEXT, report, freeze="E2")
        self.glossary_sheet = _Sheet(book, "Glossary", _GLOSSARY, report, freeze="C2")
        self.sheets = (
            self.overview,
            self.statements,
            self.targets,
            self.milestones,
            self.text,
            self.glossary_sheet,
        )

    def add(self, number: int, article: Article) -> None:
        self.report.article_warnings = []
        for sheet in self.sheets:
            sheet.article = number
        for index, statement in enumerate(article.statements, start=1):
            context = RowContext(number, index, speaker_label(statement.speaker))
            row = self.statements.append(row_values(STATEMENT_COLUMNS, context, statement))
            link = {1: f"'{self.statements.title}'!A{row}"}
            for target in statement.targets:
                self.targets.append(row_values(TARGET_COLUMNS, context, target), link)
            for milestone in statement.milestones:
                self.milestones.append(row_values(MILESTONE_COLUMNS, context, milestone), link)
        for values in _text_rows(number, article):
            self.text.append(values)
        if self.glossary is not None:
            for term in self.glossary(article):
                self.glossary_sheet.append(
                    (
                        number,
                        term.zh,
                        term.en,
                        term.kind or None,
                        term.source or None,
                        term.occurrences,
                    )
                )
        self.overview.append(_overview_row(number, article, self.report.article_warnings))

    def finish(self, glossary_note: str | None, errors: Sequence[FileError]) -> None:
        for sheet in self.sheets:
            sheet.article = 0
        if glossary_note is not None:
            self.glossary_sheet.append_note(glossary_note)
        self.overview.append_note("")
        self.overview.append_note("Notes", heading=True)
        for note in _notes(glossary_note, len(errors)):
            self.overview.append_note(note)
        for sheet in self.sheets:
            sheet.close()
        if errors:
            errors_sheet = _Sheet(self.book, "Errors", _ERRORS, self.report)
            for error in errors:
                errors_sheet.append((error.path, error.error, error.message))
            errors_sheet.close()

    def discard(self) -> None:
        """Close and remove openpyxl's temporary sheet files after a failed write."""
        for worksheet in self.book.worksheets:
            rows, writer = getattr(worksheet, "_rows", None), getattr(worksheet, "_writer", None)
            with contextlib.suppress(OSError, ValueError, StopIteration):
                if rows is not None:
                    rows.close()  # ends the row stream while its file is still open
                if writer is not None:
                    writer.close()
                    writer.cleanup()


def _notes(glossary_note: str | None, failed_inputs: int) -> list[str]:
    notes = [
        f"Written by yantai_pledges {__version__}. Every sheet has an Article column; "
        "Statement numbers in Targets and Milestones link to the statement's row.",
        "Value/Low/High are the numbers as printed, in the printed unit; Base value converts "
        "scale words (万 = 10^4, 亿 = 10^8) to the base unit; CNY amounts are also given in "
        "亿元 (100 million yuan).",
        "Status: pledge = promised, achieved = already reached, context = background figure. "
        "Commitment: ensure (确保) > strive (力争) > plan (计划).",
        "Dates are the last day of the period a deadline names (年内 → 31 December).",
    ]
    if glossary_note is not None:
        notes.append(glossary_note)
    if failed_inputs:
        notes.append(f"{failed_inputs} input(s) could not be read or parsed: see the Errors sheet.")
    return notes


def _overview_row(
    number: int, article: Article, export_warnings: Sequence[str]
) -> tuple[object, ...]:
    targets = article.targets
    pledged = sum(1 for target in targets if target.status.value == "pledge")
    translation = "\n".join(f"{kind}: {backend}" for kind, backend in article.translation.items())
    return (
        number,
        _rows.zh(article.title),
        _rows.en(article.title),
        article.year,
        len(article.statements),
        len(targets),
        pledged,
        sum(len(statement.milestones) for statement in article.statements),
        translation or None,
        "\n".join(article.warnings) or None,
        lambda: _listed(export_warnings),
        None if article.source is None else article.source.path,
    )


def _listed(warnings: Sequence[str]) -> str | None:
    if not warnings:
        return None
    shown = list(warnings[:_LISTED_WARNINGS])
    if len(warnings) > _LISTED_WARNINGS:
        shown.append(f"… and {len(warnings) - _LISTED_WARNINGS} more (see the log)")
    return "\n".join(shown)


def _text_rows(number: int, article: Article) -> Iterator[tuple[object, ...]]:
    """Statement paragraphs side by side; an article without statements shows its raw text."""
    if not article.statements:
        lines = (line.strip() for line in article.text.splitlines())
        for index, line in enumerate((line for line in lines if line), start=1):
            yield (number, None, index, None, line, None)
        return
    for statement_index, statement in enumerate(article.statements, start=1):
        points = {point.paragraph: point.ordinal for point in statement.points}
        for index, paragraph in enumerate(statement.paragraphs):
            yield (
                number,
                statement_index,
                index + 1,
                points.get(index),
                paragraph.zh,
                paragraph.en,
            )


# -- saving -----------------------------------------------------------------------------------


class _FixedTimeZipFile(zipfile.ZipFile):
    """A zip archive whose entries all carry one fixed time, so equal content gives equal bytes."""

    def _entry(self, name: str) -> zipfile.ZipInfo:
        entry = zipfile.ZipInfo(name, date_time=_ZIP_TIMESTAMP)
        entry.compress_type = zipfile.ZIP_DEFLATED
        entry.external_attr = 0o600 << 16
        return entry

    def writestr(
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: SizedBuffer | str,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            zinfo_or_arcname = self._entry(zinfo_or_arcname)
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(
        self,
        filename: StrPath,
        arcname: StrPath | None = None,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        entry = self._entry(os.fspath(filename if arcname is None else arcname))
        entry.file_size = Path(filename).stat().st_size  # lets zipfile choose zip64 if needed
        with Path(filename).open("rb") as source, self.open(entry, "w") as target:
            shutil.copyfileobj(source, target, _COPY_CHUNK)


def _save(book: Workbook, path: Path, timestamp: dt.datetime) -> None:
    properties = book.properties
    properties.creator = properties.lastModifiedBy = CREATOR
    properties.created = properties.modified = timestamp
    properties.title = "Pledges and targets"
    with _FixedTimeZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        # ExcelWriter, not Workbook.save: that would stamp the current time as "modified".
        ExcelWriter(book, archive).save()


@contextlib.contextmanager
def _building() -> Iterator[None]:
    """openpyxl's ValueError/TypeError while building are the exporter's failure."""
    try:
        yield
    except YantaiPledgesError:
        raise
    except (ValueError, TypeError) as error:
        raise ExportError(f"cannot build the Excel report: {error}") from error


def _each_article(article_or_articles: Article | Iterable[Article]) -> Iterator[Article]:
    if isinstance(article_or_articles, Article):
        yield article_or_articles
        return
    if isinstance(article_or_articles, str | bytes) or not isinstance(
        article_or_articles, Iterable
    ):
        raise ExportError(
            f"expected an Article or a list of Articles, got {type(article_or_articles).__name__}"
        )
    for position, item in enumerate(article_or_articles):
        if not isinstance(item, Article):
            raise ExportError(
                f"expected a yantai_pledges Article (item {position}), got {type(item).__name__}"
            )
        yield item


def to_excel(
    article_or_articles: Article | Iterable[Article],
    path: str | Path,
    *,
    glossary_terms: GlossaryTerms | None = None,
    errors: Sequence[FileError] = (),
    on_warning: Callable[[str], None] | None = None,
    timestamp: dt.datetime = FIXED_TIMESTAMP,
) -> Path:
    """Write the bilingual report of one article or many to ``path`` (``.xlsx``); return the path.

    ``glossary_terms`` fills the Glossary sheet: a list of ``(zh, en, source)`` entries (those
    that occur in an article are listed) or a function giving the entries for an article. By
    default the bundled glossary (``yantai_pledges.translation.glossary``) is used when present.
    ``errors`` (inputs that could not be read or parsed) adds a last sheet, Errors, listing them.
    Export warnings (removed control characters, truncated cells) are logged on the
    ``yantai_pledges.export.excel`` logger, passed to ``on_warning``, and listed on the Overview
    sheet. ``timestamp`` is stored as the document's created/modified time.
    Raises :class:`~yantai_pledges.errors.ExportError` when the report cannot be written; an
    existing file at ``path`` is then left as it was.
    """
    target = Path(path)
    articles = _each_article(article_or_articles)
    with atomic_path(target) as temporary:
        glossary, glossary_note = _glossary_lookup(glossary_terms)
        workbook = _Workbook(_Report(on_warning=on_warning), glossary)
        try:
            for number, article in enumerate(articles, start=1):
                with _building():
                    workbook.add(number, article)
            with _building():
                workbook.finish(glossary_note, errors)
                _save(workbook.book, temporary, timestamp)
        except BaseException:
            workbook.discard()
            raise
    return target
