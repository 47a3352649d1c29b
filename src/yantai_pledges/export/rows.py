"""One column spec per table: header, display width, cell kind and the getter of its value.

The Excel sheets (and any later tabular export) take their headers and their values from the same
:class:`Column` rows, so a header can never drift from the value under it: adding a field is one
row here. ``tests/test_export_excel.py`` reads the workbook back and checks each value by name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Generic, Literal, TypeVar

from ..models import Bilingual, Milestone, Quantity, Speaker, Statement, Target

__all__ = [
    "MILESTONE_COLUMNS",
    "STATEMENT_COLUMNS",
    "TARGET_COLUMNS",
    "Column",
    "Kind",
    "RowContext",
    "row_values",
    "speaker_label",
]

Kind = Literal["id", "count", "number", "date", "text", "link"]
Item = TypeVar("Item")
_YI = Decimal(100_000_000)  # 亿 = 10^8


@dataclass(frozen=True, slots=True)
class RowContext:
    """Where a row's item sits: its article's number, its statement's number and speaker."""

    article: int
    statement: int
    speaker: str | None = None


@dataclass(frozen=True, slots=True)
class Column(Generic[Item]):
    """A column: its header, a display width (Excel characters), its kind and its value."""

    header: str
    width: float
    kind: Kind
    get: Callable[[RowContext, Item], object]


def row_values(
    columns: Sequence[Column[Item]], context: RowContext, item: Item
) -> tuple[object, ...]:
    """The values of one row, in column order."""
    return tuple(column.get(context, item) for column in columns)


def zh(text: Bilingual | None) -> str | None:
    return None if text is None else text.zh


def en(text: Bilingual | None) -> str | None:
    return None if text is None else text.en


def joined(texts: Sequence[Bilingual], language: Literal["zh", "en"]) -> str | None:
    """Several bilingual texts in one cell: 。-style comma in Chinese, semicolons in English."""
    if language == "zh":
        return "，".join(text.zh for text in texts if text.zh) or None
    return "; ".join(text.en for text in texts if text.en) or None


def speaker_label(speaker: Speaker | None) -> str | None:
    """王伟 (Wang Wei): the speaker as the Targets and Milestones sheets name them."""
    if speaker is None:
        return None
    if speaker.name.en:
        return f"{speaker.name.zh} ({speaker.name.en})"
    return speaker.name.zh


def in_yi(quantity: Quantity) -> Decimal | None:
    """The base value of a CNY quantity in 亿元, the unit Chinese budgets are read in."""
    if quantity.base_unit != "CNY" or quantity.base_value is None:
        return None
    return quantity.base_value / _YI


def enum_value(value: object) -> str | None:
    return None if value is None else str(getattr(value, "value", value))


def _positions(statement: Statement) -> list[Bilingual]:
    return [] if statement.speaker is None else list(statement.speaker.positions)


def _jurisdiction_name(statement: Statement) -> Bilingual | None:
    """The name of the speaker's jurisdiction, as written and in English."""
    speaker = statement.speaker
    if speaker is None or speaker.jurisdiction is None:
        return None
    return speaker.jurisdiction.name


# Columns the sheets share: where the item sits, how firm and how far it is, its English
# summary and its span (typed Any: they read fields that Statement, Target and Milestone share).
_ARTICLE: Column[Any] = Column("Article", 8, "id", lambda c, item: c.article)
_STATEMENT_LINK: Column[Any] = Column("Statement", 10, "link", lambda c, item: c.statement)
_SPEAKER: Column[Any] = Column("Speaker", 18, "text", lambda c, item: c.speaker)
_WHERE: tuple[Column[Any], ...] = (_ARTICLE, _STATEMENT_LINK, _SPEAKER)
_DEADLINE: tuple[Column[Any], ...] = (  # a target may have no deadline; a milestone always has
    Column("Deadline (zh)", 10, "text", lambda c, item: item.deadline and item.deadline.text.zh),
    Column("Deadline (en)", 14, "text", lambda c, item: item.deadline and item.deadline.text.en),
    Column("Deadline date", 12, "date", lambda c, item: item.deadline and item.deadline.date),
)
_COMMITMENT_TO_SUMMARY: tuple[Column[Any], ...] = (
    Column("Commitment", 11, "text", lambda c, item: enum_value(item.commitment)),
    Column("Status", 9, "text", lambda c, item: enum_value(item.status)),
    Column("Summary (en)", 40, "text", lambda c, item: en(item.summary)),
)
_SPAN: tuple[Column[Any], ...] = (
    Column("Span start", 8, "id", lambda c, item: item.span[0]),
    Column("Span end", 8, "id", lambda c, item: item.span[1]),
)

STATEMENT_COLUMNS: tuple[Column[Statement], ...] = (
    _ARTICLE,
    Column("Statement", 10, "id", lambda c, s: c.statement),
    Column("Speaker (zh)", 10, "text", lambda c, s: None if s.speaker is None else s.speaker.name.zh),
    Column("Speaker (en)", 14, "text", lambda c, s: None if s.speaker is None else s.speaker.name.en),
    Column("Positions (zh)", 22, "text", lambda c, s: joined(_positions(s), "zh")),
    Column("Positions (en)", 34, "text", lambda c, s: joined(_positions(s), "en")),
    Column("Jurisdiction (zh)", 13, "text", lambda c, s: zh(_jurisdiction_name(s))),
    Column("Jurisdiction (en)", 16, "text", lambda c, s: en(_jurisdiction_name(s))),
    Column("Headline (zh)", 24, "text", lambda c, s: zh(s.headline)),
    Column("Headline (en)", 32, "text", lambda c, s: en(s.headline)),
    Column("Credit (zh)", 10, "text", lambda c, s: zh(s.compiled_by)),
    Column("Credit (en)", 12, "text", lambda c, s: en(s.compiled_by)),
    Column("Date line", 12, "text", lambda c, s: s.date),
    Column("Targets", 9, "count", lambda c, s: len(s.targets)),
    Column("Milestones", 11, "count", lambda c, s: len(s.milestones)),
    Column("Points", 8, "count", lambda c, s: len(s.points)),
    *_SPAN,
)  # fmt: skip

TARGET_COLUMNS: tuple[Column[Target], ...] = (
    *_WHERE,
    Column("Metric (zh)", 18, "text", lambda c, t: t.metric.zh),
    Column("Metric (en)", 24, "text", lambda c, t: t.metric.en),
    Column("As written", 11, "text", lambda c, t: t.quantity.raw),
    Column("Value", 10, "number", lambda c, t: t.quantity.value),
    Column("Low", 8, "number", lambda c, t: t.quantity.low),
    Column("High", 8, "number", lambda c, t: t.quantity.high),
    Column("Unit (zh)", 8, "text", lambda c, t: t.quantity.unit.zh),
    Column("Unit (en)", 14, "text", lambda c, t: t.quantity.unit.en),
    Column("Base value", 17, "number", lambda c, t: t.quantity.base_value),
    Column("Base low", 11, "number", lambda c, t: t.quantity.base_low),
    Column("Base high", 11, "number", lambda c, t: t.quantity.base_high),
    Column("Base unit", 10, "text", lambda c, t: t.quantity.base_unit),
    Column("CNY in 亿元 (100 million yuan)", 14, "number", lambda c, t: in_yi(t.quantity)),
    Column("Comparator", 11, "text", lambda c, t: enum_value(t.comparator)),
    *_DEADLINE,
    *_COMMITMENT_TO_SUMMARY,
    Column("Clause (zh)", 30, "text", lambda c, t: t.text.zh),
    Column("Clause (en)", 40, "text", lambda c, t: t.text.en),
    *_SPAN,
)  # fmt: skip

MILESTONE_COLUMNS: tuple[Column[Milestone], ...] = (
    *_WHERE,
    Column("Milestone (zh)", 30, "text", lambda c, m: m.text.zh),
    Column("Milestone (en)", 40, "text", lambda c, m: m.text.en),
    *_DEADLINE,
    *_COMMITMENT_TO_SUMMARY,
    *_SPAN,
)  # fmt: skip
