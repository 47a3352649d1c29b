"""A streamed worksheet of the Excel report: columns, styles, row heights and safe cells.

A :class:`Sheet` writes rows through openpyxl's write-only mode with fixed column widths, a
frozen header, a filter and print setup. Its text cells stay text: never a formula, without the
characters XML cannot hold, cut to Excel's 32,767-character cell limit with a visible marker; what
it removes or cuts is reported to the report being written. Styles are resolved once per workbook
(:class:`Styles`) and row heights are estimated, since Excel does not compute them on opening.
"""

from __future__ import annotations

import copy
import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal, Protocol

import regex
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from ..errors import ExportError
from .rows import Kind
from .sheet_xml import RowFile

__all__ = ["CELL_TEXT_LIMIT", "Column", "Report", "Sheet", "StyleName", "Styles"]

CELL_TEXT_LIMIT = 32_767  # Excel's maximum cell length, in UTF-16 code units

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
# Either of the two above: one search decides whether a text needs cleaning at all.
_NEEDS_CLEANING = regex.compile(
    r"""
    [\x00-\x08\x0B-\x1F]          # C0 controls other than tab and line feed (CR included)
    | [\uFFFE\uFFFF\uD800-\uDFFF]   # non-characters and lone surrogates
    """,
    regex.VERBOSE,
)
# Set false to write rows through openpyxl's public append (tests compare the two).
FAST_ROWS = True
# A cell typed starting with one of these is read as a formula by spreadsheet programs.
_FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class Column:
    """A sheet's column: its header, its width (in characters) and the kind of its values."""

    header: str
    width: float
    kind: Kind = "text"


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


def _fast_rows_supported(worksheet: Any) -> bool:
    """Whether this openpyxl has the write-only internals :class:`RowFile` relies on."""
    return all(hasattr(worksheet, name) for name in ("_get_writer", "_rows", "_values_to_row"))


StyleName = Literal[
    "header", "text", "text_quoted", "number", "date", "id", "link", "note", "heading"
]


class Styles:
    """The report's cell styles, each resolved once per workbook and then copied to cells.

    Setting font/alignment/format on every cell makes openpyxl hash each style object again;
    copying a resolved style array instead makes writing about twice as fast.
    """

    def __init__(self) -> None:
        body = Font(name="Calibri", size=10)
        top = Alignment(vertical="top")
        self._recipes: dict[StyleName, dict[str, Any]] = {
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
        self._resolved: dict[tuple[StyleName, str | None], _Resolved] = {}

    def _resolve(self, cell: Any, name: StyleName, number_format: str | None) -> _Resolved:
        """The style of ``(name, number_format)``, resolved on ``cell`` the first time."""
        key = (name, number_format)
        resolved = self._resolved.get(key)
        if resolved is None:
            for attribute, value in self._recipes[name].items():
                setattr(cell, attribute, value)
            if number_format is not None:
                cell.number_format = number_format
            resolved = self._resolved[key] = _Resolved(copy.copy(cell._style))
        return resolved

    def apply(self, cell: Any, name: StyleName, number_format: str | None = None) -> None:
        if isinstance(cell, _PlacedCell):
            resolved = self._resolved.get((name, number_format))
            if resolved is None:  # the first cell of this style: resolve it on a scratch cell
                resolved = self._resolve(WriteOnlyCell(cell.parent), name, number_format)
            cell.style = resolved
            return
        cell._style = copy.copy(self._resolve(cell, name, number_format).array)


@dataclass(slots=True)
class _Resolved:
    """A resolved style: its style array, and its index in the workbook once one cell has it."""

    array: Any
    index: int | None = None


class _PlacedCell:
    """A written-once cell for the row file (export/sheet_xml.py): its place, value, type,
    style and link, and no more.

    openpyxl's own cell checks and converts its value, copies a style array and hashes it again
    at writing, per cell; here the value is typed once and the style's workbook index is looked
    up once per style.
    """

    __slots__ = ("_value", "coordinate", "data_type", "hyperlink", "parent", "style")

    def __init__(self, worksheet: Any, value: object, data_type: str) -> None:
        self.parent = worksheet
        self._value = value
        self.data_type = data_type
        self.coordinate = "A1"  # set when the row is written
        self.hyperlink: Hyperlink | None = None
        self.style: _Resolved | None = None

    @property
    def value(self) -> object:
        return self._value

    @property
    def style_id(self) -> int:
        style = self.style
        if style is None:
            raise ExportError("internal: a report cell was written without a style")
        if style.index is None:  # the first cell of this style: register it, as openpyxl would
            style.index = self.parent.parent._cell_styles.add(style.array)
        return style.index


def _data_type(value: object) -> str:
    """openpyxl's data type of a value the report writes (strings are typed by the caller)."""
    if isinstance(value, bool):
        return "b"
    if isinstance(value, int | float):
        return "n"
    if isinstance(value, dt.date):
        return "d"
    raise ValueError(f"Cannot convert {value!r} to Excel")


class Report(Protocol):
    """What a sheet needs from the report being written: its styles and where warnings go."""

    styles: Styles

    def warn(self, message: str) -> None: ...


class Sheet:
    """A streamed worksheet: fixed columns, frozen header, filter, print setup, safe cells.

    ``print_columns`` limits the printed page to the first that many columns (the key ones).
    """

    def __init__(
        self,
        book: Workbook,
        title: str,
        columns: Sequence[Column],
        report: Report,
        *,
        freeze: str = "B2",
        paper: int = Worksheet.PAPERSIZE_A4,
        print_columns: int | None = None,
        autofilter: bool = True,
    ) -> None:
        self.title = title
        self.print_columns = print_columns
        self.autofilter = autofilter
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
        self._fast = FAST_ROWS and _fast_rows_supported(self.worksheet)
        self._row_file: RowFile | None = None
        self._letters = [get_column_letter(index) for index in range(1, len(self.columns) + 2)]
        self._append_header()

    def _append_header(self) -> None:
        styles = self.report.styles
        cells = []
        for column in self.columns:
            cell = self._new_cell(column.header, "s")
            styles.apply(cell, "header")
            cells.append(cell)
        self._write(1, cells, self._height(cells))
        self.rows = self.table_rows = 1

    def _write(self, row: int, cells: list[Any], height: float | None) -> None:
        """Stream one row of cells (``None``: an empty cell) of ``height`` points (``None``:
        the default)."""
        if not self._fast:
            if height is not None:
                self.worksheet.row_dimensions[row].height = height
            self.worksheet.append(cells)
            self.worksheet.row_dimensions.pop(row, None)  # written: do not keep it in memory
            return
        if self._row_file is None:
            self.worksheet._get_writer()  # the sheet's head, and the list of its links
            self._row_file = RowFile(self.worksheet)
        placed = []
        letters = self._letters
        for index, cell in enumerate(cells):
            if cell is not None:
                cell.coordinate = f"{letters[index]}{row}"
                if cell.hyperlink is not None:
                    cell.hyperlink.ref = cell.coordinate  # set when it was still A1
                placed.append(cell)
        self._row_file.write_row(row, height, placed)

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
        later: list[tuple[int, Callable[[], object]]] = []
        for index, value in enumerate(values):
            if callable(value):
                later.append((index, value))
            elif value is not None:
                link = None if links is None else links.get(index)
                cells[index] = self._cell(self.columns[index], value, row, index, link)
        for index, make in later:
            cells[index] = self._cell(self.columns[index], make(), row, index, None)
        self._write(row, cells, self._height(cells))
        self.rows = self.table_rows = row
        return row

    def _height(self, cells: Sequence[Any]) -> float | None:
        """Row heights are stored, not computed by Excel on opening: estimate them."""
        tallest = 0.0
        for column, cell in zip(self.columns, cells, strict=True):
            if cell is not None and cell.data_type == "s":
                text = cell.value
                # a short line fits in one line of any font: no height beyond the default
                if len(text) * 2 < column.width and "\n" not in text:
                    continue
                tallest = max(tallest, _text_height(text, column.width))
        return _row_height(tallest)

    def append_note(self, text: str, *, heading: bool = False) -> None:
        """A line below the table (outside the filter range), in the second column."""
        cell = self._text_cell(text, self.rows + 1, 1)
        # unwrapped, so the note runs on across the empty cells to its right
        self.report.styles.apply(cell, "heading" if heading else "note")
        self._write(self.rows + 1, [None, cell], None)
        self.rows += 1

    def close(self) -> None:
        last_column = get_column_letter(len(self.columns))
        if self.autofilter:
            self.worksheet.auto_filter.ref = f"A1:{last_column}{self.table_rows}"
        self.worksheet.print_title_rows = "1:1"
        if self.print_columns is not None:
            # the key columns only: the rest is for the screen (the notes below stay out too)
            last_printed = get_column_letter(self.print_columns)
            self.worksheet.print_area = f"A1:{last_printed}{self.table_rows}"

    def _cell(self, column: Column, value: object, row: int, index: int, link: str | None) -> Any:
        if value is None:
            return None
        if isinstance(value, str) or (isinstance(value, Decimal) and not value.is_finite()):
            return self._text_cell(str(value), row, index)
        styles = self.report.styles
        if isinstance(value, Decimal):
            number = _number(value)
            cell = self._new_cell(number)
            styles.apply(cell, "number", _number_format(number))
        elif isinstance(value, dt.date):
            cell = self._new_cell(value)
            styles.apply(cell, "date")
        elif link is not None:
            cell = self._new_cell(value)
            cell.hyperlink = Hyperlink(ref="", location=link, tooltip="Go to the statement")
            styles.apply(cell, "link")
        elif column.kind == "count":
            cell = self._new_cell(value)
            styles.apply(cell, "number", "#,##0")
        else:
            cell = self._new_cell(value)
            styles.apply(cell, "id")
        return cell

    def _new_cell(self, value: object, data_type: str | None = None) -> Any:
        """A cell holding ``value``; ``data_type`` "s" keeps a string a string (never a formula)."""
        if self._fast:
            return _PlacedCell(self.worksheet, value, data_type or _data_type(value))
        cell = WriteOnlyCell(self.worksheet, value=value)
        if data_type is not None:
            cell.data_type = data_type  # openpyxl types '=…' as a formula and '#N/A' as an error
        return cell

    def _where(self, row: int, index: int) -> str:
        return f"article {self.article}, {self.title}!{get_column_letter(index + 1)}{row}"

    def _text_cell(self, text: str, row: int, index: int) -> Any:
        """A string cell that stays a string: never a formula, never an error code."""
        cleaned = text
        if _NEEDS_CLEANING.search(text) is not None:  # rare: most text has nothing to remove
            cleaned, removed = _XML_ILLEGAL.subn("", text)
            if removed:
                self.report.warn(
                    f"{self._where(row, index)}: removed {removed} control character(s) "
                    "that an Excel file cannot hold"
                )
            cleaned = _LINE_END.sub("\n", cleaned)
        cleaned, cut = _truncate(cleaned)
        if cut:
            self.report.warn(
                f"{self._where(row, index)}: text cut to Excel's {CELL_TEXT_LIMIT:,}-character "
                f"cell limit, {cut:,} characters dropped; the JSON export has the full text"
            )
        cell = self._new_cell(cleaned, "s")
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
