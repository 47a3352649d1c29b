"""Pledge → outcome tracking and target inflation across levels, for a whole corpus.

:func:`track` reads parsed articles and returns a :class:`Tracking`: ``links`` (each pledge with its
outcomes and whether it was met, see :mod:`.links`) and ``inflation`` (each place's target against
its parent's, see :mod:`.inflation`), each also as flat rows with ASCII column names. Rules and
their limits: docs/tracking.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..models import Article
from .figures import Figure, figures, is_plan_share
from .inflation import Inflation, inflation, summary
from .links import Attainment, Link, Tolerance, attainment, link_pledges

__all__ = [
    "Attainment",
    "Inflation",
    "Link",
    "Tolerance",
    "Tracking",
    "attainment",
    "track",
]


@dataclass(frozen=True, slots=True)
class Tracking:
    """The links and inflation pairs of a corpus."""

    links: tuple[Link, ...]
    inflation: tuple[Inflation, ...]

    def link_rows(self) -> list[dict[str, object]]:
        """One flat row per link (the decisive outcome's columns empty when none was found)."""
        return [_link_row(link) for link in self.links]

    def inflation_rows(self) -> list[dict[str, object]]:
        """One flat row per (upper, lower) pair."""
        return [_inflation_row(pair) for pair in self.inflation]

    def inflation_summary(self) -> list[dict[str, object]]:
        """Mean difference per pair of levels (province → prefecture …)."""
        return summary(self.inflation)

    def to_csv(self, path: str | Path) -> Path:
        """The link rows as CSV (UTF-8 with BOM, as the long table), written atomically; with no
        link, the file is empty (no header: the columns come from the rows)."""
        from ..export.table import csv_text, csv_writer  # noqa: PLC0415 - only for this export

        rows = self.link_rows()
        with csv_writer(path) as writer:
            if rows:
                names = list(rows[0])
                writer.writerow(names)
                writer.writerows([csv_text(row[name]) for name in names] for row in rows)
        return Path(path)

    def to_sqlite(self, path: str | Path) -> Path:
        """The link and inflation rows as the tables ``tracking_links`` and
        ``tracking_inflation`` of the database at ``path`` (a store made by ``to_sqlite``, or a new
        file), replacing the tables an earlier run wrote there; atomically."""
        from ..export.sqlite import replace_tables  # noqa: PLC0415 - only for this export

        return replace_tables(
            path,
            {"tracking_links": self.link_rows(), "tracking_inflation": self.inflation_rows()},
        )

    def to_excel(self, path: str | Path) -> Path:
        """The links, inflation pairs and a chart as a workbook (``export/tracking_excel.py``),
        written atomically; the same input gives the same bytes."""
        from ..export.tracking_excel import tracking_to_excel  # noqa: PLC0415 - openpyxl

        return tracking_to_excel(self, path)

    def to_json(self, path: str | Path | None = None) -> str:
        """Both lists of rows under "links" and "inflation" (and "inflation_summary"), as JSON
        text; written to ``path`` too when given (atomically)."""
        text = json.dumps(
            {
                "links": self.link_rows(),
                "inflation": self.inflation_rows(),
                "inflation_summary": self.inflation_summary(),
            },
            ensure_ascii=False,
            indent=1,
            default=_json_value,
        )
        if path is not None:
            from ..export._atomic import atomic_text_file  # noqa: PLC0415

            with atomic_text_file(path) as stream:
                stream.write(text + "\n")
        return text


def track(
    articles: Iterable[Article] | str | Path, *, tolerance: Tolerance | None = None
) -> Tracking:
    """Link every pledge of ``articles`` to its outcomes, and every place's targets to its
    parent's (see the module docstring). ``articles`` may be the path of a database written by
    ``to_sqlite`` (``parse --db``): its articles are read back whole (``read_sqlite``)."""
    if isinstance(articles, str | Path):
        from ..export.sqlite import read_sqlite  # noqa: PLC0415 - sqlite only when asked

        articles = read_sqlite(articles)
    found = list(figures(articles))
    return Tracking(tuple(link_pledges(found, tolerance)), tuple(inflation(found)))


def _json_value(value: object) -> object:
    """Decimals and dates, the values json cannot write, as text."""
    return str(value)


def _side(prefix: str, figure: Figure | None) -> dict[str, object]:
    """The columns of one side of a row: its text, value and source."""
    target = figure.target if figure is not None else None
    bounds = figure.bounds if figure is not None else None
    return {
        f"{prefix}_text_zh": target.text.zh if target else None,
        f"{prefix}_text_en": target.summary.en if target and target.summary else None,
        f"{prefix}_raw": target.quantity.raw if target else None,
        f"{prefix}_value": bounds[0] if bounds and bounds[0] == bounds[1] else None,
        f"{prefix}_low": bounds[0] if bounds and bounds[0] != bounds[1] else None,
        f"{prefix}_high": bounds[1] if bounds and bounds[0] != bounds[1] else None,
        f"{prefix}_comparator": target.comparator.value if target else None,
        f"{prefix}_path": figure.path if figure else None,
        f"{prefix}_sha256": figure.sha256 if figure else None,
        f"{prefix}_article": figure.article if figure else None,
        f"{prefix}_span_start": target.span[0] if target else None,
        f"{prefix}_span_end": target.span[1] if target else None,
    }


def _link_row(link: Link) -> dict[str, object]:
    pledge = link.pledge
    outcome = link.outcome
    return {
        "indicator_id": pledge.indicator,
        "jurisdiction_code": pledge.place.code,
        "jurisdiction_zh": pledge.place.zh,
        "period_kind": pledge.period_kind,
        "period_end": pledge.period_end,
        **_side("pledge", pledge),
        **_side("outcome", outcome),
        "outcome_is_estimate": outcome.is_estimate if outcome else None,
        "outcomes_found": len(link.outcomes),
        "gap": link.gap,
        "gap_unit": link.gap_unit,
        "attainment": link.attainment.value,
        **_reported_columns(pledge),
        "revised": link.revised,
        "ambiguous": link.ambiguous,
    }


def _reported_columns(pledge: Figure) -> dict[str, object]:
    """What the pledge's own statement reports of it (progress, never the decisive outcome)."""
    shares = [t.quantity.value for t in pledge.reported if is_plan_share(t)]
    return {
        "reported_raw": "；".join(t.quantity.raw for t in pledge.reported) or None,
        "reported_share": shares[0] if shares else None,
    }


def _inflation_row(pair: Inflation) -> dict[str, object]:
    return {
        "indicator_id": pair.lower.indicator,
        "period_kind": pair.lower.period_kind,
        "period_end": pair.lower.period_end,
        "upper_jurisdiction_code": pair.upper.place.code,
        "upper_jurisdiction_zh": pair.upper.place.zh,
        "lower_jurisdiction_code": pair.lower.place.code,
        "lower_jurisdiction_zh": pair.lower.place.zh,
        **_side("upper", pair.upper),
        **_side("lower", pair.lower),
        "difference": pair.difference,
        "difference_unit": pair.difference_unit,
    }
