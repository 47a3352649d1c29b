"""A sheet's rows as XML text, written by the report itself instead of cell by cell by lxml.

openpyxl's write-only mode serializes each cell through lxml's incremental writer: an element
opened and closed per cell, its attributes made as a dict, its text as an element: two thirds
of the workbook's writing time. Here a row is one string, made with the same bytes openpyxl and
lxml make (``tests/test_export_excel.py`` compares the two paths on hostile text), and
appended to a temporary file of the sheet's rows. openpyxl writes the rest of the sheet (the
head, an empty ``<sheetData>``, the tail) as usual; :func:`copy_spliced` puts the rows into it
when the workbook is zipped. Memory stays flat: rows go to disk as they are made.
"""

from __future__ import annotations

import math
import shutil
import tempfile
from collections.abc import Sequence
from typing import IO, Any

from openpyxl.utils.datetime import to_excel

__all__ = ["EMPTY_SHEET_DATA", "RowFile", "copy_spliced", "rows_file_of", "spliced_size"]

# What openpyxl writes for a sheet without rows, where this module's rows go.
EMPTY_SHEET_DATA = b"<sheetData></sheetData>"
_OPEN_SHEET_DATA = b"<sheetData>"
_ROWS_ATTRIBUTE = "_yantai_pledges_rows"  # on the openpyxl worksheet: its RowFile
_COPY_CHUNK = 1 << 16
# Text XML must escape (lxml also writes a carriage return as a character reference).
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})


def _xml_text(text: str) -> str:
    """``text`` as lxml writes it in an ASCII document: markup escaped, the rest as ``&#N;``."""
    if text.isascii():
        if "&" in text or "<" in text or ">" in text or "\r" in text:
            return text.translate(_ESCAPES)
        return text
    return text.translate(_ESCAPES).encode("ascii", "xmlcharrefreplace").decode("ascii")


def _number_text(value: float) -> str:
    """openpyxl's ``safe_string`` of a number (``%.16g``; a bool is 1 or 0)."""
    number = float(value)
    if math.isnan(number) or math.isinf(number):
        return ""
    return f"{number:.16g}"


class RowFile:
    """The rows of one worksheet, as XML, in a temporary file; attached to the worksheet."""

    def __init__(self, worksheet: Any) -> None:
        self.file: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 - closed with the sheet
        self.worksheet = worksheet
        self.book = worksheet.parent
        setattr(worksheet, _ROWS_ATTRIBUTE, self)

    def write_row(self, row: int, height: float | None, cells: Sequence[Any]) -> None:
        """One ``<row>``: ``cells`` are placed cells (column, value, data type, style, link)."""
        # openpyxl's row dimension, when set: its height as a number, and customHeight
        shape = f' ht="{_number_text(height)}" customHeight="1"' if height else ""
        parts = [f'<row r="{row}"{shape}>']
        for cell in cells:
            if cell.hyperlink is not None:  # openpyxl collects them when it writes the cell
                self.worksheet._hyperlinks.append(cell.hyperlink)
            reference = cell.coordinate
            style = cell.style_id
            data_type = cell.data_type
            value = cell._value
            if data_type == "s":
                if value == "":
                    parts.append(f'<c r="{reference}" s="{style}" t="inlineStr"></c>')
                    continue
                space = ' xml:space="preserve"' if value != value.strip() else ""
                parts.append(
                    f'<c r="{reference}" s="{style}" t="inlineStr"><is><t{space}>'
                    f"{_xml_text(value)}</t></is></c>"
                )
                continue
            if data_type == "d":  # openpyxl stores a date as its serial number
                if self.book.iso_dates:
                    raise ValueError("internal: ISO dates are not written by the row file")
                data_type, value = "n", to_excel(value, self.book.epoch)
            parts.append(f'<c r="{reference}" s="{style}" t="{data_type}"><v>')
            parts.append(_number_text(value))
            parts.append("</v></c>")
        parts.append("</row>")
        self.file.write("".join(parts).encode("ascii"))

    def close(self) -> None:
        self.file.close()


def rows_file_of(worksheet: Any) -> RowFile | None:
    """The rows written for ``worksheet`` by this module, if any."""
    rows: RowFile | None = getattr(worksheet, _ROWS_ATTRIBUTE, None)
    return rows


def copy_spliced(skeleton: IO[bytes], rows: RowFile, target: IO[bytes]) -> None:
    """Copy openpyxl's sheet file ``skeleton`` to ``target`` with ``rows`` in its sheetData."""
    text = skeleton.read()  # the sheet without its rows: a few kilobytes
    at = text.find(EMPTY_SHEET_DATA)
    if at < 0 or text.find(EMPTY_SHEET_DATA, at + 1) >= 0:
        raise ValueError("internal: the sheet's empty sheetData was not found once")
    split = at + len(_OPEN_SHEET_DATA)
    target.write(text[:split])
    rows.file.flush()
    rows.file.seek(0)
    shutil.copyfileobj(rows.file, target, _COPY_CHUNK)
    target.write(text[split:])


def spliced_size(skeleton_size: int, rows: RowFile) -> int:
    """The size of the spliced sheet: the skeleton's and the rows'."""
    rows.file.flush()
    return skeleton_size + rows.file.seek(0, 2)
