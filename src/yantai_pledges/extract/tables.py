"""Flattened tables: 指标 | 2023年预计完成 | 2024年目标 | 属性, then one row per indicator.

A work report's table of targets often reaches a web page as one row per line with | between the
cells. A row without figures is the header; each row under it with as many cells gives a target for
each figure: the row's first cell is the metric, the column says the deadline and whether the
figure is a result (预计完成) or a target.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from ..lexicon.indicators import indicator_fields
from ..lines import Paragraph
from ..models import Status, Target
from .deadlines import DeadlineMatch, sentence_deadlines
from .metric_noise import strip_noise
from .quantities import QuantityMatch, find_quantities

__all__ = ["Column", "table_cells", "table_row"]

_CELL_SEPARATOR = regex.compile(r"\s*[|｜]\s*")
_MIN_CELLS = 3  # a row label and at least two columns
_DONE_COLUMN = regex.compile(r"完成|实际|实绩|预计")  # a column of results (2023年预计完成)


@dataclass(frozen=True, slots=True)
class Column:
    """A table column, read from its header cell: its deadline and whether it holds results."""

    deadline: DeadlineMatch | None
    done: bool


def table_cells(paragraph: str) -> list[tuple[int, int]] | None:
    """The [start, end) of each cell of a table row written with | separators, else None."""
    if "|" not in paragraph and "｜" not in paragraph:  # most paragraphs: no need to scan
        return None
    separators = list(_CELL_SEPARATOR.finditer(paragraph))
    if len(separators) + 1 < _MIN_CELLS:
        return None
    bounds = [0, *(edge for match in separators for edge in match.span()), len(paragraph)]
    return [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]


def table_row(
    paragraph: Paragraph,
    cells: list[tuple[int, int]],
    header: tuple[Column, ...] | None,
    year: int | None,
    as_of: dt.date | None,
) -> tuple[tuple[Column, ...] | None, list[Target] | None]:
    """The targets of one table row and the header in force after it; None for targets when the
    row is to be read as running text (no header above it, or another number of cells).

    A row without figures is a header; a row under a header with as many cells gives a target for
    each figure: the row's first cell is the metric, the column says the deadline and whether the
    figure is a result (预计完成) or a target.
    """
    text = paragraph.text
    found = [(i, find_quantities(text[start:end])) for i, (start, end) in enumerate(cells)]
    if not any(quantities for _, quantities in found[1:]):
        columns = (_column(text[start:end], year, as_of) for start, end in cells)
        return tuple(columns), []
    if header is None or len(header) != len(cells):
        return None, None
    metric = strip_noise(text[cells[0][0] : cells[0][1]])
    targets = [
        _table_target(paragraph, cells[i], match, metric, header[i])
        for i, quantities in found[1:]
        for match in quantities
        if not match.qualifier
    ]
    return header, targets


def _column(cell: str, year: int | None, as_of: dt.date | None) -> Column:
    deadlines = sentence_deadlines(cell, year, as_of)
    deadline = deadlines[-1] if deadlines else None
    done = bool(_DONE_COLUMN.search(cell)) or (deadline is not None and deadline.is_past)
    return Column(deadline, done)


def _table_target(
    paragraph: Paragraph, cell: tuple[int, int], match: QuantityMatch, metric: str, column: Column
) -> Target:
    """One figure of a table row: its metric is the row's label, its status the column's."""
    deadline = column.deadline
    return Target(
        text={"zh": paragraph.text},
        span=(paragraph.start, paragraph.end),
        metric={"zh": metric},
        quantity=match.quantity,
        comparator=match.comparator,
        deadline=deadline.fields() if deadline else None,
        status=Status.ACHIEVED if column.done else Status.PLEDGE,
        indicator=indicator_fields(metric, match.quantity.base_unit),
    )
