"""The data model: what ``parse`` returns and what the JSON exports contain.

Every human-readable field is :class:`Bilingual`: ``zh`` is the text as it stands in the cleaned
article, ``en`` its English (``None`` until a translator has filled it). Every extracted item keeps
``span``, the ``[start, end)`` offsets of its source text in :attr:`Article.text`, so
``article.text[start:end]`` is always the exact Chinese it came from.

Numbers are :class:`~decimal.Decimal` in Python (no float rounding of 224.2亿) and plain JSON
numbers in ``model_dump(mode="json")``.

``str()`` of a model is one readable line (``print(target.deadline)`` → ``年内 (within 2023,
2023-12-31)``); ``repr()`` stays pydantic's, with every field.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

__all__ = [
    "Article",
    "Bilingual",
    "Commitment",
    "Comparator",
    "Deadline",
    "FileError",
    "Furniture",
    "FurnitureKind",
    "Jurisdiction",
    "JurisdictionLevel",
    "Milestone",
    "Period",
    "PeriodKind",
    "PeriodSource",
    "Point",
    "Quantity",
    "Source",
    "Speaker",
    "Statement",
    "Status",
    "Target",
]


def _decimal_to_json(value: Decimal) -> int | float:
    """Whole numbers stay exact integers in JSON; the rest become floats."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


# The version of the JSON contract (Article.schema_version): the major number changes when a key
# is renamed, removed or changes its type; adding a key keeps it (docs/data-model.md).
SCHEMA_VERSION = "2"

Number = Annotated[
    Decimal, PlainSerializer(_decimal_to_json, return_type=int | float, when_used="json")
]
Span = tuple[int, int]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, validate_assignment=False)


class Comparator(StrEnum):
    """How the stated number bounds the quantity."""

    EXACT = "exact"  # 30家
    AT_LEAST = "at_least"  # 以上, 不少于, 不低于
    MORE_THAN = "more_than"  # 突破, 超过, 过, 逾, 多, 余
    ABOUT = "about"  # 左右, 约, 近
    AT_MOST = "at_most"  # 以内, 不超过, 控制在
    LESS_THAN = "less_than"  # 不到, 低于, 少于
    RANGE = "range"  # 2—3家, 5至8个


class Commitment(StrEnum):
    """Strength of a pledge, from its wording; strongest first (see docs/data-model.md)."""

    ENSURE = "ensure"  # 确保, 保证
    STRIVE = "strive"  # 力争, 争取, 争创, 力求, 努力
    PLAN = "plan"  # 计划, 拟, 将, 预计


class Status(StrEnum):
    """Whether a figure is promised, already reached, or only background."""

    PLEDGE = "pledge"
    ACHIEVED = "achieved"
    CONTEXT = "context"


class Bilingual(_Model):
    """A Chinese text and its English rendering (``None`` until translated)."""

    zh: str
    en: str | None = None

    def __str__(self) -> str:
        """The Chinese, and the English in brackets when there is any.

        >>> print(Bilingual(zh="牟树青", en="Mou Shuqing"), Bilingual(zh="开门红"))
        牟树青 (Mou Shuqing) 开门红
        """
        return f"{self.zh} ({self.en})" if self.en else self.zh


class Quantity(_Model):
    """A number with its unit, as written and normalised to a base unit.

    A range (2—3家) sets ``low``/``high`` and leaves ``value`` ``None``. ``base_*`` apply the
    scale words (万, 亿, 千瓦 …): 1850亿元 → ``base_value`` 185000000000, ``base_unit`` ``CNY``.
    """

    raw: str
    value: Number | None = None
    low: Number | None = None
    high: Number | None = None
    unit: Bilingual
    base_value: Number | None = None
    base_low: Number | None = None
    base_high: Number | None = None
    base_unit: str
    per: Bilingual | None = Field(
        default=None,
        description="What the figure is given for, when it is not a total: 各 (5大方面各: in each "
        "of 5 …), 每 (每人: per person; 每年: per year) or 分别 with one figure for several "
        "subjects (each). Null for a total.",
    )

    def __str__(self) -> str:
        """As written, and in the base unit.

        >>> print(Quantity(raw="1850亿元", value=1850, unit=Bilingual(zh="亿元"),
        ...                base_value=185000000000, base_unit="CNY"))
        1850亿元 = 185000000000 CNY
        """
        if self.base_value is not None:
            base = f"{self.base_value}"
        elif self.base_low is not None or self.base_high is not None:
            low, high = (
                bound if bound is not None else "…" for bound in (self.base_low, self.base_high)
            )
            base = f"{low}–{high}"
        else:
            return self.raw
        return f"{self.raw} = {base} {self.base_unit}"


class PeriodKind(StrEnum):
    """What kind of span of time a period is."""

    YEAR = "year"  # 2023年, 今年, 全年, 年底
    YEARS = "years"  # 2023—2025年
    WITHIN_YEARS = "within_years"  # 三年内, 用三年时间: from the article's year on
    PLAN = "plan"  # “十四五”期间, “十四五”末: a five-year plan
    HALF = "half"  # 上半年, 下半年
    QUARTER = "quarter"  # 一季度
    QUARTERS = "quarters"  # 前三季度: the first quarters of a year
    MONTHS = "months"  # 1—11月
    MONTH = "month"  # 3月, 3月底
    PART_OF_MONTH = "part_of_month"  # 2月中旬, 3月初
    DAY = "day"  # 6月30日
    SEASON = "season"  # 今冬明春, 2023年秋季
    FESTIVAL = "festival"  # 春节前, 国庆前: ends on the eve, when the holiday's date is fixed
    SINCE = "since"  # 2021年以来: a start, no end
    PAST = "past"  # 过去一年, 截至目前: points back, no dates
    UNPLACED = "unplaced"  # 月底 (the month not said): no dates


class PeriodSource(StrEnum):
    """Where a target's period was read from."""

    TEXT = "text"  # a time expression governing the figure (its deadline)
    REVIEW = "review"  # the year a review of the past is about (过去一年, 2023年…)
    ARTICLE = "article"  # the article's year: an undated pledge falls due at its end


class Period(_Model):
    """The span of time a figure or a deadline is about: first and last day, when known."""

    kind: PeriodKind
    start: dt.date | None = None
    end: dt.date | None = None
    index: int | None = Field(
        default=None,
        description="Which half, quarter or month (1-based); how many quarters (前三季度: 3) or "
        "years (三年内: 3); the plan's number (十四五: 14). Known when the year is not.",
    )
    source: PeriodSource = PeriodSource.TEXT

    def __str__(self) -> str:
        """Its first and last day, and its kind.

        >>> print(Period(kind="year", start=dt.date(2023, 1, 1), end=dt.date(2023, 12, 31)))
        2023-01-01–2023-12-31 (year)
        """
        days = "–".join(str(day) if day is not None else "…" for day in (self.start, self.end))
        kind = self.kind.value if self.index is None else f"{self.kind.value} {self.index}"
        return kind if self.start is None and self.end is None else f"{days} ({kind})"


# How a deadline phrase stands to its period (data/periods.tsv, column relation): 年内 within,
# 年底前 end ("by the end of"), 到2025年 by, 3月前 before, 截至 as_of, 以来 since …
Relation = Literal[
    "in",
    "within",
    "end",
    "early",
    "by",
    "before",
    "after",
    "until",
    "since",
    "as_of",
    "around",
    "during",
]


class Deadline(_Model):
    """When a pledge falls due: the phrase, the last day of the period it names, the period, and
    how the phrase stands to it (年底前: ``end``, "by the end of"; 年内: ``within``)."""

    text: Bilingual
    date: dt.date | None = None
    period: Period | None = None
    relation: Relation = "in"

    def __str__(self) -> str:
        """The phrase, its English and its last day.

        >>> print(Deadline(text=Bilingual(zh="年内", en="within 2023"), date=dt.date(2023, 12, 31)))
        年内 (within 2023, 2023-12-31)
        """
        details = ", ".join(str(part) for part in (self.text.en, self.date) if part)
        return f"{self.text.zh} ({details})" if details else self.text.zh


class IndicatorRef(_Model):
    """The canonical indicator a target measures (``data/indicators.tsv``): a stable id, and its
    Chinese name with its official English (or the library's own, see the table's ``source``)."""

    id: str = Field(description="Stable snake_case id: gdp_growth, new_urban_jobs, …")
    name: Bilingual

    def __str__(self) -> str:
        return f"{self.name} [{self.id}]"


class Target(_Model):
    """One stated quantity: what is counted, how much, by when, how firmly."""

    text: Bilingual = Field(description="The clause the quantity came from.")
    span: Span
    metric: Bilingual
    quantity: Quantity
    comparator: Comparator
    deadline: Deadline | None = None
    period: Period | None = Field(
        default=None,
        description="The period the figure is about: when a pledge falls due, what a result "
        "reports.",
    )
    commitment: Commitment | None = None
    status: Status = Status.PLEDGE
    indicator: IndicatorRef | None = Field(
        default=None,
        description="The canonical indicator the metric names, if it clearly names one.",
    )
    summary: Bilingual | None = Field(
        default=None, description="One sentence composed from the parsed parts."
    )

    def __str__(self) -> str:
        """The clause and its summary in English (composed from the parsed parts)."""
        return _with_summary(self.text, self.summary)


class Milestone(_Model):
    """A dated pledge without a number: 9月建成, 2月中旬集中开工."""

    text: Bilingual
    span: Span
    deadline: Deadline
    period: Period | None = None
    commitment: Commitment | None = None
    status: Status = Status.PLEDGE
    summary: Bilingual | None = None

    def __str__(self) -> str:
        return _with_summary(self.text, self.summary)


class Point(_Model):
    """An enumerated or thematic point of a statement (一是…, 第二…, （三）…)."""

    ordinal: int = Field(description="1-based position among the statement's points.")
    marker: str = Field(
        description="The enumerator as written, e.g. 一是; empty for thematic heads."
    )
    lead: Bilingual = Field(description="The lead phrase after the marker.")
    paragraph: int = Field(description="Index into Statement.paragraphs.")
    span: Span

    def __str__(self) -> str:
        return f"{self.marker}{self.lead}"


JurisdictionLevel = Literal["province", "prefecture", "county", "township", "zone"]


class Jurisdiction(_Model):
    """A government's place: its name as written, its administrative-division code, its level and
    the code of the division above it (``data/divisions.tsv``, ``zones.tsv``, ``towns.tsv``)."""

    name: Bilingual
    code: str | None = Field(
        default=None,
        description="GB/T 2260 six-digit code of a province, prefecture or county (the code of "
        "the article's year); the statistical division code of the National Bureau of Statistics "
        "(2023 edition) of a zone that has one (six digits) or of a town (nine digits). None when "
        "the place has no code or the name stays ambiguous in its article.",
    )
    level: JurisdictionLevel | None = Field(
        default=None,
        description="province, prefecture, county (districts, county-level cities and banners "
        "too), township (towns, townships, subdistricts) or zone (development zones, new areas); "
        "None when not known.",
    )
    parent: str | None = Field(
        default=None, description="The code of the division above, when known."
    )

    def __str__(self) -> str:
        """The name and its division code.

        >>> print(Jurisdiction(name=Bilingual(zh="芝罘区", en="Zhifu District"), code="370602"))
        芝罘区 (Zhifu District) [370602]
        """
        return f"{self.name} [{self.code}]" if self.code else str(self.name)


class Speaker(_Model):
    """The official who makes the statement."""

    name: Bilingual
    positions: list[Bilingual] = Field(default_factory=list)
    jurisdiction: Jurisdiction | None = None

    def __str__(self) -> str:
        """The name and the positions as printed (in Chinese: the English is long)."""
        positions = "、".join(position.zh for position in self.positions)
        return f"{self.name}, {positions}" if positions else str(self.name)


class Statement(_Model):
    """One official's statement: headline, speaker, body, credit, and what was pledged."""

    headline: Bilingual | None = None
    speaker: Speaker | None = None
    compiled_by: Bilingual | None = Field(default=None, description="Reporter named in the credit.")
    date: str | None = Field(default=None, description="A date line printed with the statement.")
    span: Span
    paragraphs: list[Bilingual] = Field(default_factory=list)
    points: list[Point] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    milestones: list[Milestone] = Field(default_factory=list)

    def __str__(self) -> str:
        who = self.speaker.name if self.speaker is not None else "(no speaker)"
        about = f"{self.headline.zh}: " if self.headline is not None else ""
        return (
            f"{who}: {about}{_count(len(self.targets), 'target')}, "
            f"{_count(len(self.milestones), 'milestone')}"
        )


class FurnitureKind(StrEnum):
    """What a line outside the statements is (or a page's own line inside one)."""

    TITLE = "title"  # the article's title (Article.title)
    HEADING = "heading"  # another heading above the first statement: a column label, a kicker
    DATE = "date"  # a date line above the first statement (it dates the statements)
    CREDIT = "credit"  # a credit line above the first statement (its reporters compiled them)
    PAGE = "page"  # a web page's or a post's own line: breadcrumbs, metadata, links, buttons
    UNPLACED = "unplaced"  # none of these and in no statement: a warning names it too


class Furniture(_Model):
    """A line of the text that is not a statement's body: kept, with where it stands."""

    kind: FurnitureKind
    span: Span
    text: str = Field(description="The line as it stands in Article.text (text[start:end]).")

    def __str__(self) -> str:
        """Its kind, where it stands, and the line.

        >>> print(Furniture(kind="page", span=(0, 13), text="首页 > 新闻中心 > 要闻"))
        page [0, 13): 首页 > 新闻中心 > 要闻
        """
        return f"{self.kind.value} [{self.span[0]}, {self.span[1]}): {self.text}"


class Source(_Model):
    """Where an article came from, when it was read from a file or bytes."""

    path: str | None = None
    encoding: str | None = None
    sha256: str | None = None

    def __str__(self) -> str:
        """Where from, how encoded, and the start of the digest.

        >>> print(Source(encoding="gb18030", sha256="8c62fdb34a9040a7751547ae"))
        bytes, gb18030, sha256 8c62fdb34a90
        """
        parts = [self.path or "bytes", self.encoding, self.sha256 and f"sha256 {self.sha256[:12]}"]
        return ", ".join(part for part in parts if part)


class Article(_Model):
    """A parsed article: its statements and everything extracted from them."""

    schema_version: str = Field(
        default=SCHEMA_VERSION,
        description="The version of this JSON contract: its major number changes when a key is "
        "renamed, removed or changes type (docs/data-model.md).",
    )
    title: Bilingual | None = None
    year: int | None = None
    published: dt.date | None = Field(
        default=None,
        description="The date printed in the article's masthead or date line, if any; "
        "figures due before it are past results.",
    )
    city: str | None = Field(
        default=None,
        description="The city the article belongs to (烟台市): its city paper's masthead, else the "
        "city it names most often; a bare 市委 or 副市长 in it is this city's. None when no city is "
        "named.",
    )
    jurisdiction: Jurisdiction | None = Field(
        default=None,
        description="The government whose text the article is (龙华区 for its work report), with "
        "its division code: the place named before its congress, government or communiqué near "
        "the top, else the one jurisdiction all its speakers share, else the place it names most "
        "often (or of the level it calls itself by: 我县, 全市). None when none says (or its "
        "speakers are of several places).",
    )
    text: str = Field(description="The cleaned text that every span points into.")
    statements: list[Statement] = Field(default_factory=list)
    furniture: list[Furniture] = Field(
        default_factory=list,
        description="The lines that are no statement's body, in text order: the title, headings, "
        "date and credit lines above the first statement, a page's own lines (inside statements "
        "too), and lines that belong nowhere (kind unplaced, each also a warning). With the "
        "statements' spans they cover every non-blank character of text.",
    )
    warnings: list[str] = Field(default_factory=list)
    translation: dict[str, str] = Field(
        default_factory=dict,
        description="Which translation backend filled which kind of field.",
    )
    source: Source | None = None

    @property
    def targets(self) -> list[Target]:
        """All targets of all statements, in text order."""
        return [target for statement in self.statements for target in statement.targets]

    def __str__(self) -> str:
        title = self.title.zh if self.title is not None else "(untitled)"
        counts = (
            f"{_count(len(self.statements), 'statement')}, {_count(len(self.targets), 'target')}"
        )
        where = f" — {self.source.path}" if self.source is not None and self.source.path else ""
        return f"{title}: {counts}{where}"


class FileError(_Model):
    """A corpus input that could not be read or parsed: recorded, never silently dropped."""

    path: str
    error: str = Field(description="Exception class name, e.g. DecodingError.")
    message: str

    def __str__(self) -> str:
        """The message, naming the file once.

        >>> print(FileError(path="a.txt", error="InputError", message="a.txt: no such file"))
        a.txt: no such file (InputError)
        """
        named = (
            self.message if self.message.startswith(self.path) else f"{self.path}: {self.message}"
        )
        return f"{named} ({self.error})"


def _with_summary(text: Bilingual, summary: Bilingual | None) -> str:
    """A clause and, when there is one, the English summary composed from its parts."""
    english = summary.en if summary is not None and summary.en else text.en
    return f"{text.zh} ({english})" if english else text.zh


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
