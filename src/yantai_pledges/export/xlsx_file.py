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
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

from ..errors import ExportError, YantaiPledgesError

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


def save_workbook(
    book: Workbook, path: Path, timestamp: dt.datetime, *, title: str = "Pledges and targets"
) -> None:
    """Save ``book`` with fixed times and creator, so equal content gives equal bytes."""
    properties = book.properties
    properties.creator = properties.lastModifiedBy = CREATOR
    properties.created = properties.modified = timestamp
    properties.title = title
    with _FixedTimeZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        # ExcelWriter, not Workbook.save: that would stamp the current time as "modified".
        ExcelWriter(book, archive).save()


@contextlib.contextmanager
def building() -> Iterator[None]:
    """openpyxl's ValueError/TypeError while building are the exporter's failure."""
    try:
        yield
    except YantaiPledgesError:
        raise
    except (ValueError, TypeError) as error:
        raise ExportError(f"cannot build the Excel report: {error}") from error
