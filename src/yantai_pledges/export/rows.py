"""One column spec per table: the dataset's fields, and the Excel sheets' columns built on them.

A :class:`Field` is a column of the dataset — the long table of :func:`to_rows` (one row per
target and per milestone), and the ``articles`` and ``statements`` tables of the SQLite store —
with its snake_case name, its type and the getter of its value. An Excel :class:`Column` adds a
header, a display width and a cell kind; where a sheet shows the same concept as a field, the
column is made from that field (``field.column(header, width)``), so both read one getter. Adding
a field is one row here; ``docs/dataset.md`` lists every field (``tests/test_export_rows.py``
keeps the list and the types true) and ``tests/test_export_excel.py`` reads the workbook back.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Generic, Literal, TypeVar

from ..errors import ExportError
from ..models import Article, Bilingual, Milestone, Quantity, Speaker, Statement, Target

__all__ = [
    "ARTICLE_FIELDS",
    "MILESTONE_COLUMNS",
    "ROW_FIELDS",
    "STATEMENT_COLUMNS",
    "STATEMENT_FIELDS",
    "TARGET_COLUMNS",
    "Column",
    "Field",
    "FieldType",
    "Kind",
    "RowContext",
    "article_key",
    "each_article",
    "field_kind",
    "field_values",
    "jurisdiction_columns",
    "row_values",
    "speaker_label",
    "to_rows",
]

Kind = Literal["id", "count", "number", "date", "text", "link"]
# The dataset's value types: str, int, Decimal, datetime.date (each may be None).
FieldType = Literal["text", "integer", "decimal", "date"]
Item = TypeVar("Item")
_YI = Decimal(100_000_000)  # 亿 = 10^8
_CELL_KIND: dict[FieldType, Kind] = {
    "text": "text",
    "integer": "id",
    "decimal": "number",
    "date": "date",
}


@dataclass(frozen=True, slots=True)
class RowContext:
    """Where a row's item sits: its article (number from 1, and the article itself), its
    statement (number and statement; none for an article's own row), the Excel speaker label,
    and its number among its statement's targets (or milestones)."""

    article: int
    statement: int
    in_article: Article
    in_statement: Statement | None = None
    speaker: str | None = None
    item: int = 0


@dataclass(frozen=True, slots=True)
class Column(Generic[Item]):
    """An Excel column: its header, a display width (Excel characters), its kind and its value."""

    header: str
    width: float
    kind: Kind
    get: Callable[[RowContext, Item], object]


@dataclass(frozen=True, slots=True)
class Field(Generic[Item]):
    """A dataset column: its snake_case name, its type and its value. ``milestones`` is false for
    a field only targets have (a milestone's row leaves it empty)."""

    name: str
    type: FieldType
    get: Callable[[RowContext, Item], object]
    milestones: bool = True

    def column(self, header: str, width: float, kind: Kind | None = None) -> Column[Any]:
        """The Excel column that shows this field."""
        return Column(header, width, kind or _CELL_KIND[self.type], self.get)


def field_kind(field: Field[Any]) -> Kind:
    """The Excel cell kind of a dataset field (the flat view shows the fields as they are)."""
    return _CELL_KIND[field.type]


def row_values(
    columns: Sequence[Column[Item]], context: RowContext, item: Item
) -> tuple[object, ...]:
    """The values of one row, in column order."""
    return tuple(column.get(context, item) for column in columns)


def field_values(
    fields: Sequence[Field[Item]], context: RowContext, item: Item
) -> tuple[object, ...]:
    """The values of one dataset row, in field order; an empty text is ``None``."""
    return tuple(_none_if_empty(field.get(context, item)) for field in fields)


def _none_if_empty(value: object) -> object:
    return None if value == "" else value


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


def article_key(article: Article) -> str:
    """The SHA-256 of the article's input bytes; for text given as a ``str``, of its cleaned
    text in UTF-8. The SQLite store replaces an article's rows by this key."""
    if article.source is not None and article.source.sha256:
        return article.source.sha256
    return hashlib.sha256(article.text.encode("utf-8")).hexdigest()


JurisdictionColumns = tuple[str | None, str | None, str | None, str | None]


def jurisdiction_columns(article: Article, statement: Statement | None) -> JurisdictionColumns:
    """(code, zh, en, level) of a row's jurisdiction: its speaker's, else the article's own.

    The one place that reads jurisdictions for the dataset; the code and level are the division
    tables' (``None`` where the place has no code or stays ambiguous: no code is guessed).
    """
    speaker = None if statement is None else statement.speaker
    place = speaker.jurisdiction if speaker is not None else None
    if place is None:
        place = article.jurisdiction
    if place is None:
        return (None, None, None, None)
    return (place.code, place.name.zh, place.name.en, place.level)


def each_article(article_or_articles: Article | Iterable[Article]) -> Iterator[Article]:
    """One article or each of many, checked to be articles (an :class:`ExportError` if not)."""
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


def _positions(statement: Statement) -> list[Bilingual]:
    return [] if statement.speaker is None else list(statement.speaker.positions)


def _jurisdiction_name(statement: Statement) -> Bilingual | None:
    """The name of the speaker's jurisdiction, as written and in English."""
    speaker = statement.speaker
    if speaker is None or speaker.jurisdiction is None:
        return None
    return speaker.jurisdiction.name


def _speaker_name(statement: Statement | None) -> Bilingual | None:
    speaker = None if statement is None else statement.speaker
    return None if speaker is None else speaker.name


def _target(get: Callable[[Target], object]) -> Callable[[RowContext, Any], object]:
    """A getter of a target's field; a milestone has none."""
    return lambda c, item: get(item) if isinstance(item, Target) else None


def _place(part: int) -> Callable[[RowContext, object], object]:
    return lambda c, item: jurisdiction_columns(c.in_article, c.in_statement)[part]


# The jurisdiction's columns, in the order of jurisdiction_columns (every table has them).
_JURISDICTION: tuple[Field[Any], ...] = tuple(
    Field(f"jurisdiction_{part}", "text", _place(index))
    for index, part in enumerate(("code", "zh", "en", "level"))
)


_Row = Target | Milestone
# The long table: one row per target and per milestone (docs/dataset.md gives each meaning).
ROW_FIELDS: tuple[Field[_Row], ...] = (
    Field("kind", "text", lambda c, i: "target" if isinstance(i, Target) else "milestone"),
    Field("article", "integer", lambda c, i: c.article),
    Field("statement", "integer", lambda c, i: c.statement),
    Field("item", "integer", lambda c, i: c.item),
    Field("source_path", "text", lambda c, i: c.in_article.source and c.in_article.source.path),
    Field("source_sha256", "text", lambda c, i: article_key(c.in_article)),
    Field("published", "date", lambda c, i: c.in_article.published),
    Field("year", "integer", lambda c, i: c.in_article.year),
    *_JURISDICTION,
    Field("speaker_zh", "text", lambda c, i: zh(_speaker_name(c.in_statement))),
    Field("speaker_en", "text", lambda c, i: en(_speaker_name(c.in_statement))),
    Field("indicator_id", "text", _target(lambda t: t.indicator and t.indicator.id), False),
    Field("indicator_zh", "text", _target(lambda t: t.indicator and t.indicator.name.zh), False),
    Field("indicator_en", "text", _target(lambda t: t.indicator and t.indicator.name.en), False),
    Field("metric_zh", "text", _target(lambda t: t.metric.zh), False),
    Field("metric_en", "text", _target(lambda t: t.metric.en), False),
    Field("raw", "text", _target(lambda t: t.quantity.raw), False),
    Field("value", "decimal", _target(lambda t: t.quantity.value), False),
    Field("low", "decimal", _target(lambda t: t.quantity.low), False),
    Field("high", "decimal", _target(lambda t: t.quantity.high), False),
    Field("unit_zh", "text", _target(lambda t: t.quantity.unit.zh), False),
    Field("unit_en", "text", _target(lambda t: t.quantity.unit.en), False),
    Field("per_zh", "text", _target(lambda t: zh(t.quantity.per)), False),
    Field("per_en", "text", _target(lambda t: en(t.quantity.per)), False),
    Field("base_value", "decimal", _target(lambda t: t.quantity.base_value), False),
    Field("base_low", "decimal", _target(lambda t: t.quantity.base_low), False),
    Field("base_high", "decimal", _target(lambda t: t.quantity.base_high), False),
    Field("base_unit", "text", _target(lambda t: t.quantity.base_unit), False),
    Field("baseline", "decimal", lambda c, i: None, False),  # reserved: not in the model yet
    Field("comparator", "text", _target(lambda t: enum_value(t.comparator)), False),
    Field("deadline_zh", "text", lambda c, i: i.deadline and i.deadline.text.zh),
    Field("deadline_en", "text", lambda c, i: i.deadline and i.deadline.text.en),
    Field("deadline_date", "date", lambda c, i: i.deadline and i.deadline.date),
    Field("period_kind", "text", lambda c, i: i.period and enum_value(i.period.kind)),
    Field("period_start", "date", lambda c, i: i.period and i.period.start),
    Field("period_end", "date", lambda c, i: i.period and i.period.end),
    Field("commitment", "text", lambda c, i: enum_value(i.commitment)),
    Field("status", "text", lambda c, i: enum_value(i.status)),
    Field("text_zh", "text", lambda c, i: i.text.zh),
    Field("text_en", "text", lambda c, i: i.text.en),
    Field("span_start", "integer", lambda c, i: i.span[0]),
    Field("span_end", "integer", lambda c, i: i.span[1]),
)  # fmt: skip
_ROW = {field.name: field for field in ROW_FIELDS}

# One row per statement (the SQLite statements table; the Statements sheet shows most of them).
STATEMENT_FIELDS: tuple[Field[Statement], ...] = (
    Field("statement", "integer", lambda c, s: c.statement),
    Field("speaker_zh", "text", lambda c, s: zh(_speaker_name(s))),
    Field("speaker_en", "text", lambda c, s: en(_speaker_name(s))),
    Field("positions_zh", "text", lambda c, s: joined(_positions(s), "zh")),
    Field("positions_en", "text", lambda c, s: joined(_positions(s), "en")),
    *_JURISDICTION,
    Field("headline_zh", "text", lambda c, s: zh(s.headline)),
    Field("headline_en", "text", lambda c, s: en(s.headline)),
    Field("compiled_by_zh", "text", lambda c, s: zh(s.compiled_by)),
    Field("compiled_by_en", "text", lambda c, s: en(s.compiled_by)),
    Field("date_line", "text", lambda c, s: s.date),
    Field("targets", "integer", lambda c, s: len(s.targets)),
    Field("milestones", "integer", lambda c, s: len(s.milestones)),
    Field("points", "integer", lambda c, s: len(s.points)),
    Field("span_start", "integer", lambda c, s: s.span[0]),
    Field("span_end", "integer", lambda c, s: s.span[1]),
)  # fmt: skip
_STATEMENT = {field.name: field for field in STATEMENT_FIELDS}

# One row per article (the SQLite articles table).
ARTICLE_FIELDS: tuple[Field[Article], ...] = (
    Field("source_sha256", "text", lambda c, a: article_key(a)),
    Field("source_path", "text", lambda c, a: a.source and a.source.path),
    Field("source_encoding", "text", lambda c, a: a.source and a.source.encoding),
    Field("title_zh", "text", lambda c, a: zh(a.title)),
    Field("title_en", "text", lambda c, a: en(a.title)),
    Field("published", "date", lambda c, a: a.published),
    Field("year", "integer", lambda c, a: a.year),
    Field("city", "text", lambda c, a: a.city),
    *_JURISDICTION,
    Field("statements", "integer", lambda c, a: len(a.statements)),
    Field("targets", "integer", lambda c, a: len(a.targets)),
    Field("warnings", "text", lambda c, a: "\n".join(a.warnings)),
    Field("translation", "text", lambda c, a: json.dumps(a.translation, ensure_ascii=False)),
    Field("text", "text", lambda c, a: a.text),
)  # fmt: skip


def to_rows(article_or_articles: Article | Iterable[Article]) -> Iterator[dict[str, Any]]:
    """The long table: one flat record per target and per milestone, in text order.

    Each record maps every name of :data:`ROW_FIELDS` (``kind`` ``"target"`` or
    ``"milestone"``, ``article``, ``statement``, ``item``, …) to a ``str``, ``int``,
    :class:`~decimal.Decimal`, :class:`datetime.date` or ``None`` (empty text is ``None``).
    A generator of articles is read one at a time. Columns: ``docs/dataset.md``.
    """
    names = tuple(field.name for field in ROW_FIELDS)
    for number, article in enumerate(each_article(article_or_articles), start=1):
        for values in article_rows(number, article):
            yield dict(zip(names, values, strict=True))


def article_rows(number: int, article: Article) -> Iterator[tuple[object, ...]]:
    """The long table's rows of one article (number ``number``), as tuples in field order."""
    for index, statement in enumerate(article.statements, start=1):
        groups: tuple[Sequence[_Row], ...] = (statement.targets, statement.milestones)
        for items in groups:
            for position, item in enumerate(items, start=1):
                context = RowContext(number, index, article, statement, item=position)
                yield field_values(ROW_FIELDS, context, item)


# -- the Excel sheets -------------------------------------------------------------------------

# Columns the sheets share: where the item sits, how firm and how far it is, its English
# summary and its span (typed Any: they read fields that Statement, Target and Milestone share).
_ARTICLE: Column[Any] = Column("Article", 8, "id", lambda c, item: c.article)
_STATEMENT_LINK: Column[Any] = Column("Statement", 10, "link", lambda c, item: c.statement)
_SPEAKER: Column[Any] = Column("Speaker", 18, "text", lambda c, item: c.speaker)
_WHERE: tuple[Column[Any], ...] = (_ARTICLE, _STATEMENT_LINK, _SPEAKER)
_DEADLINE: tuple[Column[Any], ...] = (  # a target may have no deadline; a milestone always has
    _ROW["deadline_zh"].column("Deadline (zh)", 10),
    _ROW["deadline_en"].column("Deadline (en)", 14),
    _ROW["deadline_date"].column("Deadline date", 12),
)
_COMMITMENT_TO_SUMMARY: tuple[Column[Any], ...] = (
    _ROW["commitment"].column("Commitment", 11),
    _ROW["status"].column("Status", 9),
    Column("Summary (en)", 40, "text", lambda c, item: en(item.summary)),
)
_SPAN: tuple[Column[Any], ...] = (
    _ROW["span_start"].column("Span start", 8),
    _ROW["span_end"].column("Span end", 8),
)

STATEMENT_COLUMNS: tuple[Column[Statement], ...] = (
    _ARTICLE,
    _STATEMENT["statement"].column("Statement", 10),
    _STATEMENT["speaker_zh"].column("Speaker (zh)", 10),
    _STATEMENT["speaker_en"].column("Speaker (en)", 14),
    _STATEMENT["positions_zh"].column("Positions (zh)", 22),
    _STATEMENT["positions_en"].column("Positions (en)", 34),
    # The speaker's own jurisdiction (the dataset's falls back to the article's).
    Column("Jurisdiction (zh)", 13, "text", lambda c, s: zh(_jurisdiction_name(s))),
    Column("Jurisdiction (en)", 16, "text", lambda c, s: en(_jurisdiction_name(s))),
    _STATEMENT["headline_zh"].column("Headline (zh)", 24),
    _STATEMENT["headline_en"].column("Headline (en)", 32),
    _STATEMENT["compiled_by_zh"].column("Credit (zh)", 10),
    _STATEMENT["compiled_by_en"].column("Credit (en)", 12),
    _STATEMENT["date_line"].column("Date line", 12),
    _STATEMENT["targets"].column("Targets", 9, "count"),
    _STATEMENT["milestones"].column("Milestones", 11, "count"),
    _STATEMENT["points"].column("Points", 8, "count"),
    *_SPAN,
)  # fmt: skip

# Key columns first (they are the printed page, through Summary (en)), the detail after.
TARGET_COLUMNS: tuple[Column[Target], ...] = (
    *_WHERE,
    _ROW["metric_zh"].column("Metric (zh)", 18),
    _ROW["metric_en"].column("Metric (en)", 24),
    _ROW["raw"].column("As written", 11),
    _ROW["value"].column("Value", 10),
    _ROW["unit_zh"].column("Unit (zh)", 8),
    _ROW["unit_en"].column("Unit (en)", 14),
    _ROW["comparator"].column("Comparator", 11),
    _ROW["deadline_en"].column("Deadline (en)", 14),
    *_COMMITMENT_TO_SUMMARY,  # the summary says "in each of 5" / "per person" where Per has it
    _ROW["per_zh"].column("Per (zh)", 9),
    _ROW["per_en"].column("Per (en)", 16),
    _ROW["low"].column("Low", 8),
    _ROW["high"].column("High", 8),
    _ROW["base_value"].column("Base value", 17),
    _ROW["base_low"].column("Base low", 11),
    _ROW["base_high"].column("Base high", 11),
    _ROW["base_unit"].column("Base unit", 10),
    Column("CNY in 亿元 (100 million yuan)", 14, "number", lambda c, t: in_yi(t.quantity)),
    _ROW["deadline_zh"].column("Deadline (zh)", 10),
    _ROW["deadline_date"].column("Deadline date", 12),
    _ROW["text_zh"].column("Clause (zh)", 30),
    _ROW["text_en"].column("Clause (en)", 40),
    *_SPAN,
)  # fmt: skip

MILESTONE_COLUMNS: tuple[Column[Milestone], ...] = (
    *_WHERE,
    _ROW["text_zh"].column("Milestone (zh)", 30),
    _ROW["text_en"].column("Milestone (en)", 40),
    *_DEADLINE,
    *_COMMITMENT_TO_SUMMARY,
    *_SPAN,
)  # fmt: skip
