"""Bundled data files: tab-separated tables with a commented header, loaded lazily and cached.

Format of every ``data/*.tsv`` file::

    # title line: what the table is
    # source: where the entries come from (one or more lines)
    zh<TAB>en<TAB>...            <- the first uncommented line names the columns
    亿元<TAB>100 million yuan<TAB>...

Lines starting with ``#`` are comments; empty lines are ignored. A row with the wrong number of
fields raises :class:`~yantai_pledges.errors.DataFileError` naming the file and line.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from .errors import DataFileError

__all__ = ["load_table", "parse_table"]

Row = dict[str, str]


def parse_table(text: str, name: str) -> tuple[Row, ...]:
    """Parse the text of a data table; ``name`` is used in error messages."""
    header: list[str] | None = None
    width = 0
    rows: list[Row] = []
    # One pass, the cheapest tests first: the large tables (towns, divisions) are read on the
    # first parse of a process, so their reading is part of its cost.
    for number, line in enumerate(text.splitlines(), start=1):
        if not line or line[0] == "#" or line.isspace():
            continue
        fields = line.split("\t")  # splitlines leaves no line break at the end
        if header is None:
            header = fields
            width = len(header)
            continue
        if len(fields) != width:
            raise DataFileError(
                f"{name}, line {number}: expected {width} tab-separated fields "
                f"({', '.join(header)}), found {len(fields)}"
            )
        rows.append(dict(zip(header, fields)))  # noqa: B905 - the width is checked just above
    if header is None:
        raise DataFileError(f"{name}: no header line")
    return tuple(rows)


@functools.cache
def load_table(name: str) -> tuple[Row, ...]:
    """Load ``data/<name>.tsv`` from the package (cached after the first call)."""
    resource = resources.files("yantai_pledges").joinpath("data", f"{name}.tsv")
    return parse_table(resource.read_text(encoding="utf-8"), f"data/{name}.tsv")


def read_user_table(path: str | Path) -> tuple[Row, ...]:
    """Load a user-supplied table in the same format (not cached: the file may change)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(f"cannot read data file {path}: {error}") from error
    return parse_table(text, str(path))
