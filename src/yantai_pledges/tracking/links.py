"""Pledge → outcome links and their attainment.

A pledge (a target with status ``pledge``) is linked to the outcomes of the same place, indicator
and period reported in *another* article (next year's work report, a statistical communiqué, a
year-end review). The attainment rule table (docs/tracking.md):

=================== ==========================================================================
comparator          met when
=================== ==========================================================================
at_least, more_than outcome ≥ target
exact               outcome ≥ target (a target is a level to reach: 新开工项目30个, 增长6%);
                    outcome ≤ target where lower is better (居民消费价格涨幅3%: a ceiling)
at_most, less_than  outcome ≤ target (控制在3%以内)
range               low ≤ outcome ≤ high
about               outcome ≥ target − tolerance (a floor, as researchers read growth targets:
                    beating 6%左右 is meeting it); for an indicator where lower is better
                    (prices, unemployment: ``better`` in data/indicators.tsv) outcome ≤ target +
                    tolerance. Tolerance: 0.5 percentage point for rates, 2 % of the target for
                    levels and counts (``tolerance`` overrides both)
=================== ==========================================================================

Of several outcomes (an estimate 预计 in January, the final figure in the communiqué) all are kept
and the latest final one decides; ``revised`` says they differ. Two pledges of one article for the
same key are both linked and flagged ``ambiguous``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from ..lexicon.indicators import indicators
from ..models import Comparator
from .figures import Figure

__all__ = ["Attainment", "Link", "Tolerance", "attainment", "link_pledges"]


class Attainment(StrEnum):
    """Whether a pledge was kept, judged by its outcome."""

    MET = "met"
    MISSED = "missed"
    NO_OUTCOME = "no_outcome"
    NOT_COMPARABLE = "not_comparable"  # an outcome in another base unit, or without a value


@dataclass(frozen=True, slots=True)
class Tolerance:
    """How far an outcome may miss an "about" target (约, 左右) and still meet it."""

    rate_points: Decimal = Decimal("0.5")  # percentage points, for targets in per cent
    level_share: Decimal = Decimal("0.02")  # a share of the target, for every other unit


@dataclass(frozen=True, slots=True)
class Link:
    """A pledge and what became of it."""

    pledge: Figure
    outcomes: tuple[Figure, ...]  # every outcome found, oldest first; the decisive one last
    attainment: Attainment
    gap: Decimal | None  # outcome − target (the nearer bound of a range), in the gap unit
    gap_unit: str | None  # percentage_point for rates, else the base unit
    revised: bool  # the outcomes found differ (an estimate, then the final figure)
    ambiguous: bool  # the pledge's article states another pledge for the same key

    @property
    def outcome(self) -> Figure | None:
        return self.outcomes[-1] if self.outcomes else None


def link_pledges(figures: Sequence[Figure], tolerance: Tolerance | None = None) -> list[Link]:
    """A link for every pledge among ``figures``, in input order."""
    tolerance = tolerance or Tolerance()
    outcomes: dict[tuple[object, ...], list[Figure]] = defaultdict(list)
    pledges_per_article: dict[tuple[object, ...], int] = defaultdict(int)
    for figure in figures:
        if figure.is_outcome:
            outcomes[figure.key].append(figure)
        elif figure.is_pledge:
            pledges_per_article[(figure.article, *figure.key)] += 1
    links = []
    for figure in figures:
        if not figure.is_pledge:
            continue
        found = _ordered([o for o in outcomes.get(figure.key, ()) if o.article != figure.article])
        links.append(
            _link(figure, found, tolerance, pledges_per_article[(figure.article, *figure.key)] > 1)
        )
    return links


def _ordered(outcomes: list[Figure]) -> tuple[Figure, ...]:
    """Outcomes oldest first, finals after estimates, so the last decides."""
    return tuple(
        sorted(
            outcomes,
            key=lambda o: (not o.is_estimate, o.published or o.period_end, o.article),
        )
    )


def _link(
    pledge: Figure, outcomes: tuple[Figure, ...], tolerance: Tolerance, ambiguous: bool
) -> Link:
    decisive = outcomes[-1] if outcomes else None
    values = {o.bounds for o in outcomes}
    judged = attainment(pledge, decisive, tolerance) if decisive is not None else None
    met, gap = judged if judged is not None else (None, None)
    if decisive is None:
        verdict = Attainment.NO_OUTCOME
    elif met is None:
        verdict = Attainment.NOT_COMPARABLE
    else:
        verdict = Attainment.MET if met else Attainment.MISSED
    return Link(
        pledge=pledge,
        outcomes=outcomes,
        attainment=verdict,
        gap=gap,
        gap_unit=_gap_unit(pledge.base_unit) if gap is not None else None,
        revised=len(values) > 1,
        ambiguous=ambiguous,
    )


def attainment(
    pledge: Figure, outcome: Figure, tolerance: Tolerance | None = None
) -> tuple[bool, Decimal] | None:
    """Whether ``outcome`` meets ``pledge`` and the gap (outcome − target), or None when the two
    cannot be compared (different base units, a figure without a value)."""
    tolerance = tolerance or Tolerance()
    target, result = pledge.bounds, outcome.bounds
    if target is None or result is None or pledge.base_unit != outcome.base_unit:
        return None
    low, high = target
    value = (result[0] + result[1]) / 2  # an outcome is one figure; a range reads as its middle
    comparator = pledge.comparator
    if comparator in (Comparator.AT_MOST, Comparator.LESS_THAN):
        return value <= high, value - high
    if comparator is Comparator.RANGE:
        gap = value - low if value < low else (value - high if value > high else Decimal(0))
        return low <= value <= high, gap
    if comparator is Comparator.ABOUT:
        allowed = (
            tolerance.rate_points
            if pledge.base_unit == "percent"
            else abs(low) * tolerance.level_share
        )
        gap = value - low
        return (gap >= -allowed if _higher_is_better(pledge.indicator) else gap <= allowed), gap
    if comparator is Comparator.EXACT and not _higher_is_better(pledge.indicator):
        return value <= high, value - high  # 居民消费价格涨幅3%: a ceiling
    return value >= low, value - low  # at_least, more_than, exact: a level to reach


def _higher_is_better(indicator: str) -> bool:
    known = indicators().get(indicator)
    return known is None or known.higher_is_better


def _gap_unit(base_unit: str) -> str:
    return "percentage_point" if base_unit == "percent" else base_unit
