"""Target inflation across levels: a jurisdiction's target against its parent's.

For each indicator and period, a pledge of a place is paired with the pledge of its parent (the
place whose administrative-division code is the lower one's ``parent``). The difference is in
percentage points for rates (lower − upper: a district that targets 7% under a city's 6% inflates
by 1 point) and a ratio for levels and counts (lower / upper). Places without codes are not
paired: a name alone does not say which city a district belongs to.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from .figures import Figure

__all__ = ["Inflation", "inflation", "summary"]


@dataclass(frozen=True, slots=True)
class Inflation:
    """One lower place's target against its parent's, for one indicator and period."""

    upper: Figure
    lower: Figure
    difference: (
        Decimal | None
    )  # lower − upper (rates), lower / upper (levels); None if not comparable
    difference_unit: str | None  # percentage_point or ratio


def inflation(figures: Sequence[Figure]) -> list[Inflation]:
    """Every (parent, child) pair of pledges with the same indicator and period, in input order of
    the lower place's pledge."""
    by_code: dict[tuple[str, str, str, object], list[Figure]] = defaultdict(list)
    for figure in figures:
        if figure.is_pledge and figure.place.code:
            key = (figure.place.code, figure.indicator, figure.period_kind, figure.period_end)
            by_code[key].append(figure)
    pairs: list[Inflation] = []
    for figure in figures:
        parent = figure.place.parent
        if not figure.is_pledge or not figure.place.code or not parent:
            continue
        key = (parent, figure.indicator, figure.period_kind, figure.period_end)
        pairs.extend(_pair(upper, figure) for upper in by_code.get(key, ()))
    return pairs


def _pair(upper: Figure, lower: Figure) -> Inflation:
    up, low = upper.bounds, lower.bounds
    if up is None or low is None or upper.base_unit != lower.base_unit:
        return Inflation(upper, lower, None, None)
    upper_value, lower_value = (up[0] + up[1]) / 2, (low[0] + low[1]) / 2
    if upper.base_unit == "percent":
        return Inflation(upper, lower, lower_value - upper_value, "percentage_point")
    if upper_value == 0:
        return Inflation(upper, lower, None, None)
    return Inflation(upper, lower, lower_value / upper_value, "ratio")


def summary(pairs: Sequence[Inflation]) -> list[dict[str, object]]:
    """Per pair of levels (province → prefecture, prefecture → county …) and difference unit: the
    number of pairs and their mean difference, sorted by level pair."""
    groups: dict[tuple[str, str, str], list[Decimal]] = defaultdict(list)
    for pair in pairs:
        if pair.difference is None or pair.difference_unit is None:
            continue
        levels = (pair.upper.place.level or "unknown", pair.lower.place.level or "unknown")
        groups[(*levels, pair.difference_unit)].append(pair.difference)
    return [
        {
            "upper_level": upper,
            "lower_level": lower,
            "difference_unit": unit,
            "pairs": len(values),
            "mean_difference": sum(values, Decimal(0)) / len(values),
        }
        for (upper, lower, unit), values in sorted(groups.items())
    ]
