"""The tracking workbook: each pledge against its outcome, and each place's target against its
parent's, in a file one can forward.

Sheets, in order:

- README: what each sheet holds, and how attainment is judged (docs/tracking.md has the rules);
- Tracking: one row per pledge, the columns of :meth:`Tracking.link_rows` (pledge and outcome with
  their Chinese text, English summary, value, source path and span);
- Inflation: one row per (upper, lower) pair, the columns of :meth:`Tracking.inflation_rows`, and
  below it the mean difference per pair of levels;
- Chart: for the indicator with the most pledges that have an outcome, the pledged and the
  achieved value per place and period, and a native bar chart of them.

The file is written atomically and is byte-for-byte the same for the same input, as the report of
:func:`~yantai_pledges.export.to_excel` is.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference

from ._atomic import atomic_path
from .excel import WorkbookReport
from .sheet import Column, Sheet
from .xlsx_file import FIXED_TIMESTAMP, building, save_workbook

if TYPE_CHECKING:
    from ..tracking import Tracking

__all__ = ["tracking_to_excel"]

_WIDE = 40  # characters: the columns of text
_NARROW = 14
_CHART_ROWS = 30  # at most this many pairs of bars: a chart beyond that cannot be read
# The columns a printed page shows, first on the sheet; the others follow, for the screen.
_KEY_COLUMNS = {
    "Tracking": ("jurisdiction_zh", "indicator_id", "period_end", "pledge_raw", "outcome_raw",
                 "gap", "gap_unit", "attainment", "pledge_text_zh", "outcome_text_zh"),
    "Inflation": ("indicator_id", "period_end", "upper_jurisdiction_zh", "upper_raw",
                  "lower_jurisdiction_zh", "lower_raw", "difference", "difference_unit"),
}  # fmt: skip
_README = (
    ("Tracking", "One row per pledge (a target with status pledge): its place (division code and "
     "Chinese name), indicator and period, the pledge's text, value and comparator, and the "
     "decisive outcome found in another article (the latest final one; outcomes_found counts "
     "them all, revised says whether they differ). gap = outcome - target, in percentage points "
     "for rates. attainment: met, missed, no_outcome (none found) or not_comparable (another "
     "unit). reported_raw and reported_share: what the pledge's own statement reports of it "
     "(progress, never deciding attainment). *_path and *_span_* point to the exact Chinese text."),
    ("Inflation", "One row per place whose target has a target of its parent (division codes) for "
     "the same indicator and period: difference = lower - upper, in percentage points for rates, "
     "as a ratio (lower / upper - 1) for levels. Below the table, the mean difference per pair "
     "of levels (province to prefecture, prefecture to county)."),
    ("Chart", "The indicator with the most pledges that have an outcome: the pledged and the "
     "achieved value per place and period, as a table and a bar chart (at most "
     f"{_CHART_ROWS} pairs)."),
    ("Rules", "about (左右) is a floor with a tolerance below it (0.5 point for rates, 2 % for "
     "levels); exact and at_least are floors; at_most and less_than ceilings; for indicators "
     "where lower is better (prices, unemployment) about and exact are ceilings. A pledge of a "
     "place is linked only to outcomes of the same place code (else the same name as written), "
     "indicator and period. docs/tracking.md gives every rule and its limits."),
)  # fmt: skip


def tracking_to_excel(
    tracking: Tracking,
    path: str | Path,
    *,
    on_warning: Callable[[str], None] | None = None,
    timestamp: dt.datetime = FIXED_TIMESTAMP,
) -> Path:
    """Write the tracking workbook (see the module docstring) to ``path``; return the path.

    Raises :class:`~yantai_pledges.errors.ExportError` when it cannot be written; an existing
    file at ``path`` is then left as it was.
    """
    target = Path(path)
    links, pairs = tracking.link_rows(), tracking.inflation_rows()
    with atomic_path(target) as temporary, building():
        book = Workbook(write_only=True)
        report = WorkbookReport(on_warning=on_warning)
        _readme(book, report)
        _table(book, report, "Tracking", links)
        inflation = _table(book, report, "Inflation", pairs, close=False)
        for row in tracking.inflation_summary():
            inflation.append_note(", ".join(f"{key}: {value}" for key, value in row.items()))
        inflation.close()
        _chart(book, report, links)
        save_workbook(book, temporary, timestamp, title="Pledges against outcomes")
    return target


def _readme(book: Workbook, report: WorkbookReport) -> None:
    sheet = Sheet(book, "README", [Column("Sheet", 14), Column("What it holds", 110)], report)
    for row in _README:
        sheet.append(row)
    sheet.close()


def _width(name: str) -> float:
    if name == "indicator_id":
        return 26
    return _WIDE if name.endswith(("_text_zh", "_text_en")) else _NARROW


def _table(
    book: Workbook,
    report: WorkbookReport,
    title: str,
    rows: Sequence[Mapping[str, object]],
    *,
    close: bool = True,
) -> Sheet:
    """A sheet of flat rows, their keys as the headers, the key columns first and alone on the
    printed page (a sheet of headers alone when there is no row)."""
    keys = _KEY_COLUMNS.get(title, ())
    names = [*keys, *(name for name in rows[0] if name not in keys)] if rows else ["(none found)"]
    columns = [Column(name, _width(name)) for name in names]
    sheet = Sheet(book, title, columns, report, print_columns=len(keys) if rows else None)
    for row in rows:
        sheet.append([row[name] for name in names])
    if close:
        sheet.close()
    return sheet


def _chart(book: Workbook, report: WorkbookReport, links: Sequence[Mapping[str, object]]) -> None:
    compared = [
        row for row in links if row["pledge_value"] is not None and row["outcome_value"] is not None
    ]
    counts = Counter(str(row["indicator_id"]) for row in compared)
    columns = [Column("Place", 18), Column("Period end", 12), Column("Pledge", 12),
               Column("Outcome", 12)]  # fmt: skip
    sheet = Sheet(book, "Chart", columns, report, autofilter=False)
    if not counts:
        sheet.append_note("No pledge has an outcome with a value: nothing to chart.")
        sheet.close()
        return
    # The indicator with the most compared links; a tie goes to the first in name order.
    indicator = min(counts, key=lambda name: (-counts[name], name))
    chosen = [row for row in compared if row["indicator_id"] == indicator][:_CHART_ROWS]
    for row in chosen:
        sheet.append(
            [row["jurisdiction_zh"], row["period_end"], row["pledge_value"], row["outcome_value"]]
        )
    sheet.close()
    chart = BarChart()
    chart.title = f"{indicator}: pledge and outcome"
    chart.y_axis.title = str(chosen[0]["gap_unit"] or "")
    last = len(chosen) + 1
    data = Reference(sheet.worksheet, min_col=3, max_col=4, min_row=1, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet.worksheet, min_col=1, min_row=2, max_row=last))
    chart.width, chart.height = 24, 12
    sheet.worksheet.add_chart(chart, "F2")
