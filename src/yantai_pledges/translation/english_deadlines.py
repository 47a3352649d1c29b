"""English for deadlines, composed from the period the deadline grammar resolved (conventions
in :mod:`.english`)."""

from __future__ import annotations

import datetime as dt

from ..lexicon.periods import period_words
from ..models import (
    Deadline,
    Period,
    PeriodKind,
)

__all__ = ["deadline_english"]

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Deadlines: composed from the period the deadline grammar resolved (extract/deadlines.py) and the
# relation its words set (data/periods.tsv), so no second grammar reads the Chinese again.

_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_PARTS_OF_MONTH = {1: "early ", 11: "mid-", 21: "late "}  # by the first day of the part
_PREPOSITIONS = {
    "in": "in",
    "within": "within",
    "end": "by the end of",
    "early": "early in",
    "by": "by",
    "before": "before",
    "after": "after",
    "until": "until",
    "since": "since",
    "as_of": "as of",
    "around": "around",
    "during": "during",
}


def _ordinal(number: int) -> str:
    """1 → first … 4 → fourth; 14 → 14th (a plan's number)."""
    if 1 <= number <= len(_ORDINAL_WORDS):
        return _ORDINAL_WORDS[number - 1]
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


_ORDINAL_WORDS = ("first", "second", "third", "fourth")


def _count_word(number: int) -> str:
    return _NUMBER_WORDS[number - 1] if 1 <= number <= len(_NUMBER_WORDS) else str(number)


def _month(index: int | None) -> str | None:
    return _MONTHS[index - 1] if index is not None and 1 <= index <= 12 else None


def _period_noun(period: Period) -> str | None:  # noqa: PLR0911, PLR0912
    # one return per kind of period reads better than a table of lambdas
    start, end, index = period.start, period.end, period.index
    year = f" {end.year}" if end is not None else ""
    of_year = f" of {end.year}" if end is not None else " of the year"
    month = _month(index)
    match period.kind:
        case PeriodKind.YEAR:
            return str(end.year) if end is not None else "the year"
        case PeriodKind.YEARS if start is not None and end is not None:
            return f"{start.year}–{end.year}"
        case PeriodKind.WITHIN_YEARS if index is not None:
            span = f" ({start.year}–{end.year})" if start is not None and end is not None else ""
            return f"{_count_word(index)} years{span}"
        case PeriodKind.PLAN if index is not None and start is not None and end is not None:
            return f"the {_ordinal(index)} Five-Year Plan period ({start.year}–{end.year})"
        case PeriodKind.HALF if index is not None:
            return f"the {_ordinal(index)} half{of_year}"
        case PeriodKind.QUARTER if index is not None:
            return f"the {_ordinal(index)} quarter{of_year}"
        case PeriodKind.QUARTERS if index is not None:
            return f"the first {_count_word(index)} quarters{of_year}"
        case PeriodKind.MONTHS if month is not None:
            if start is None:  # 1-6月 with no year known: the first month is not kept
                return f"the months to {month}"
            return f"{_MONTHS[start.month - 1]}–{month}{year}"
        case PeriodKind.MONTH if month is not None:
            return f"{month}{year}"
        case PeriodKind.PART_OF_MONTH if month is not None and start is not None:
            return f"{_PARTS_OF_MONTH.get(start.day, '')}{month}{year}"
        case PeriodKind.DAY if month is not None and end is not None:
            return f"{end.day} {month}{year}"
        case PeriodKind.SEASON if start is not None and end is not None:
            return f"{_MONTHS[start.month - 1]} {start.year}–{_MONTHS[end.month - 1]} {end.year}"
        case PeriodKind.SINCE if start is not None:
            return str(start.year)
    return None


_DUE_ON = frozenset({PeriodKind.PART_OF_MONTH, PeriodKind.DAY})  # a day or days: due by them


def _deadline_phrase(
    text_zh: str, date: dt.date | None, period: Period | None, relation: str
) -> str:
    named = _named_phrase(text_zh, date, period, relation)
    if named is not None:
        return named
    if relation == "as_of":  # 截至2022年底: as of 31 December 2022
        if date is not None:
            return f"as of {date.day} {_MONTHS[date.month - 1]} {date.year}"
        relation = "end"  # 截至6月底 with no year known: by the end of June
    if relation == "early":  # 年初, 2024年初
        return f"early in {date.year if date is not None else 'the year'}"
    noun = _period_noun(period) if period is not None else None
    if noun is not None and period is not None:
        if relation == "in" and period.kind in _DUE_ON:
            relation = "by"  # 2月中旬开工: by mid-February
        return f"{_PREPOSITIONS.get(relation, 'in')} {noun}"
    if date is not None:
        return f"by {date.day} {_MONTHS[date.month - 1]} {date.year}"
    return "by the stated deadline"


def _named_phrase(
    text_zh: str, date: dt.date | None, period: Period | None, relation: str
) -> str | None:
    """The English of a deadline whose words are a name or a phrase of the table: a festival
    (before the Spring Festival), a phrase pointing back (over the past year), a relative year
    when the year is not known (last year)."""
    kind = period.kind if period is not None else None
    if kind is PeriodKind.FESTIVAL:
        name = period_words().english_name(text_zh, ("festival", "fixed"))
        if name is not None:
            year = f" {date.year}" if date is not None else ""
            return f"{_PREPOSITIONS.get(relation, 'by')} {name}{year}"
    elif kind in (PeriodKind.PAST, PeriodKind.UNPLACED):
        return period_words().english_name(text_zh, ("past", "year_word"))
    elif kind is PeriodKind.SINCE and period is not None and period.start is None:
        return "to date"  # 今年以来 with no year known
    return None


def deadline_english(deadline: Deadline) -> str:
    """The English of a deadline, from its period: 年内 → "within 2023", 3月底前 → "by the end of
    March 2023", 2023年第三季度末 → "by the end of the third quarter of 2023"."""
    return _deadline_phrase(deadline.text.zh, deadline.date, deadline.period, deadline.relation)
