"""Saving a workbook so that equal content gives equal bytes: fixed times, fixed creator.

openpyxl stamps the current time into the document properties and every zip entry; here both
carry one fixed time, and the entries one fixed mode, so a report is byte-for-byte the same for
the same input.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

from ..errors import ExportError, YantaiPledgesError
from .sheet_xml import RowFile, copy_spliced, rows_file_of, spliced_size

if TYPE_CHECKING:
    from _typeshed import SizedBuffer, StrPath

__all__ = ["CREATOR", "FIXED_TIMESTAMP", "building", "save_workbook"]

CREATOR = "yantai_pledges"
# Document properties and zip entries carry this time, so equal input gives equal bytes.
FIXED_TIMESTAMP = dt.datetime(2000, 1, 1)
_ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold
_COPY_CHUNK = 1 << 16


class _FixedTimeZipFile(zipfile.ZipFile):
    """A zip archive whose entries all carry one fixed time, so equal content gives equal bytes."""

    rows_files: Mapping[str, RowFile] = {}

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
        size = Path(filename).stat().st_size
        rows = self.rows_files.get(os.fspath(filename))
        # the size lets zipfile choose zip64 if needed
        entry.file_size = size if rows is None else spliced_size(size, rows)
        with Path(filename).open("rb") as source, self.open(entry, "w") as target:
            if rows is None:
                shutil.copyfileobj(source, target, _COPY_CHUNK)
            else:  # a sheet whose rows the report wrote itself: they go into its sheetData
                copy_spliced(source, rows, target)


def save_workbook(
    book: Workbook, path: Path, timestamp: dt.datetime, *, title: str = "Pledges and targets"
) -> None:
    """Save ``book`` with fixed times and creator, so equal content gives equal bytes."""
    properties = book.properties
    properties.creator = properties.lastModifiedBy = CREATOR
    properties.created = properties.modified = timestamp
    properties.title = title
    rows_files = {}
    for worksheet in book.worksheets:
        rows = rows_file_of(worksheet)
        if rows is not None:  # its file is named once openpyxl's writer of the sheet is made
            rows_files[os.fspath(worksheet._writer.out)] = rows
    try:
        with _FixedTimeZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
            archive.rows_files = rows_files
            # ExcelWriter, not Workbook.save: that would stamp the current time as "modified".
            ExcelWriter(book, archive).save()
    finally:
        for rows in rows_files.values():
            rows.close()


@contextlib.contextmanager
def building() -> Iterator[None]:
    """openpyxl's ValueError/TypeError while building are the exporter's failure."""
    try:
        yield
    except YantaiPledgesError:
        raise
    except (ValueError, TypeError) as error:
        raise ExportError(f"cannot build the Excel report: {error}") from error
