"""The figures tracking compares: each target with a place, an indicator and a period, keyed.

A figure is comparable when its target has an indicator (``Target.indicator``), a period with an
end (``Target.period``) and a place: the speaker's jurisdiction, else the article's own. Places are
keyed by their administrative-division code when they have one, else by their Chinese name as
written (two pages must then name the place alike: 济南市 and 济南 are different keys, and a wrong
link is worse than a missing one).

A pledge's own statement may report on it: the targets after it, up to the next pledge, that are
achieved figures of the same indicator (计划新开工项目30个，目前已开工25个) or a share of the plan
(已完成全年目标的52.1%, 完成年度计划的114%) are its ``reported`` figures. They are progress as the
pledge's text states it, often part-way through the period, so they are shown and never decide
whether the pledge was met.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from ..extract.status import is_plan_share as plan_share
from ..models import Article, Commitment, Comparator, Jurisdiction, Statement, Status, Target

__all__ = ["Figure", "PlaceKey", "figures", "is_plan_share"]


# A place's key: ("code", "370102") or ("name", "历城区").
PlaceKey = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Place:
    """Where a figure is about: its name as written and, when known, its code and parent code."""

    zh: str
    code: str | None
    parent: str | None
    level: str | None

    @property
    def key(self) -> PlaceKey:
        return ("code", self.code) if self.code else ("name", self.zh)


@dataclass(frozen=True, slots=True)
class Figure:
    """One comparable target, with where it stands (article, statement, source)."""

    target: Target
    place: Place
    indicator: str
    period_kind: str
    period_end: dt.date
    article: int  # the article's position in the input
    statement: int
    path: str | None
    sha256: str | None
    published: dt.date | None
    year: int | None
    reported: tuple[Target, ...] = ()  # a pledge's progress as its own statement reports it

    @property
    def key(self) -> tuple[PlaceKey, str, str, dt.date]:
        return (self.place.key, self.indicator, self.period_kind, self.period_end)

    @property
    def is_pledge(self) -> bool:
        return self.target.status is Status.PLEDGE

    @property
    def is_outcome(self) -> bool:
        return self.target.status is Status.ACHIEVED

    @property
    def is_estimate(self) -> bool:
        """An outcome estimated before the final figure (预计全年增长6%): its word is a plan's."""
        return self.is_outcome and self.target.commitment is Commitment.PLAN

    @property
    def comparator(self) -> Comparator:
        return self.target.comparator

    @property
    def bounds(self) -> tuple[Decimal, Decimal] | None:
        """The figure's value as (low, high) in its base unit; equal for a single value."""
        quantity = self.target.quantity
        if quantity.base_value is not None:
            return quantity.base_value, quantity.base_value
        if quantity.base_low is not None and quantity.base_high is not None:
            return quantity.base_low, quantity.base_high
        return None

    @property
    def base_unit(self) -> str:
        return self.target.quantity.base_unit


def figures(articles: Iterable[Article]) -> Iterator[Figure]:
    """Every comparable figure of ``articles``, in input order."""
    for article_number, article in enumerate(articles, start=1):
        own = _place_of(article.jurisdiction)
        for statement_number, statement in enumerate(article.statements, start=1):
            place = _speaker_place(statement) or own
            if place is None:
                continue
            targets = statement.targets
            for index, target in enumerate(targets):
                figure = _figure(target, place, article, article_number, statement_number)
                if figure is not None:
                    if figure.is_pledge:
                        figure = replace(figure, reported=_reported(target, targets[index + 1 :]))
                    yield figure


def is_plan_share(target: Target) -> bool:
    """Whether ``target`` is a share of a plan (完成全年目标的52.1%), not a figure of its own."""
    return plan_share(target.metric.zh, target.quantity.base_unit)


def _reported(pledge: Target, following: Sequence[Target]) -> tuple[Target, ...]:
    """The figures after a pledge, up to the next pledge, that report on it."""
    found = []
    for target in following:
        if target.status is Status.PLEDGE and not is_plan_share(target):
            break
        same = (
            target.status is Status.ACHIEVED
            and target.indicator is not None
            and target.indicator == pledge.indicator
            and target.quantity.base_unit == pledge.quantity.base_unit
        )
        if same or is_plan_share(target):
            found.append(target)
    return tuple(found)


def _figure(
    target: Target, place: Place, article: Article, article_number: int, statement_number: int
) -> Figure | None:
    period = target.period
    if target.indicator is None or period is None or period.end is None:
        return None
    source = article.source
    return Figure(
        target=target,
        place=place,
        indicator=target.indicator.id,
        period_kind=period.kind.value,
        period_end=period.end,
        article=article_number,
        statement=statement_number,
        path=source.path if source else None,
        sha256=source.sha256 if source else None,
        published=article.published,
        year=article.year,
    )


def _speaker_place(statement: Statement) -> Place | None:
    speaker = statement.speaker
    return _place_of(speaker.jurisdiction) if speaker is not None else None


def _place_of(jurisdiction: Jurisdiction | None) -> Place | None:
    if jurisdiction is None or not jurisdiction.name.zh:
        return None
    return Place(
        zh=jurisdiction.name.zh,
        code=jurisdiction.code,
        parent=jurisdiction.parent,
        level=jurisdiction.level,
    )
