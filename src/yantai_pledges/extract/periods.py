"""What a time expression names: its period (kind, first and last day), whether it points back,
and how the phrase stands to it.

:func:`resolve` reads the groups the deadline pattern of :mod:`.deadlines` captured, with the
period words of ``data/periods.tsv``; the resolution rules are listed in that module's docstring.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from ..lexicon.periods import PeriodWords

__all__ = [
    "ENDLESS_KINDS",
    "PART_YEAR_KINDS",
    "SPANS_TO_NOW",
    "Resolved",
    "relation",
    "resolve",
    "safe_date",
    "same_day_in",
    "year_number",
]

# Kinds of period that run up to now (一年来, 截至目前; 今年以来, “十四五”以来) …
SPANS_TO_NOW = frozenset({"past", "since"})
# … and the kinds that say nothing of when a figure's period ends.
ENDLESS_KINDS = SPANS_TO_NOW | {"unplaced"}
# Parts of a year: 上半年, 一季度, 前三季度, 1-5月, 3月.
PART_YEAR_KINDS = frozenset({"half", "quarter", "quarters", "months", "month"})

_END = 0  # a day value meaning "the last day of the month"

_CHINESE_DIGIT = {
    "〇": 0,
    "零": 0,
    "○": 0,
    "Ｏ": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


class Resolved(NamedTuple):
    """What a branch resolves to: the period's last day (None if unknown), whether it points
    back, its kind and its first day."""

    end: dt.date | None
    is_past: bool
    kind: str = "unplaced"
    first: dt.date | None = None
    which: int | None = None  # Period.index (``index`` would hide tuple.index)


# A match's groups by name; a group's text is None when it took no part (typed like re.Match).
_Groups = Mapping[str, Any]
_Resolver = Callable[[_Groups, int | None, PeriodWords], Resolved]


@dataclass(frozen=True, slots=True)
class _Anchor:
    """The end of a period relative to a base year: offset in years, month, day (0 = last)."""

    offset: int
    month: int
    day: int


def same_day_in(date: dt.date | None, year: int) -> dt.date | None:
    """The same day of the period in another year (2月29日 in a year without one → 28)."""
    if date is None:
        return None
    try:
        return date.replace(year=year)
    except ValueError:
        return dt.date(year, 2, 28)


def resolve(groups: _Groups, year: int | None, vocabulary: PeriodWords) -> Resolved:
    """The period a match names and whether it points back."""
    resolved = _period(groups, year, vocabulary)
    suffix = groups["suffix"]
    if suffix is not None and vocabulary.value("suffix", suffix) == "since":
        # 2021年以来, 今年以来: a span up to now, no end date
        return Resolved(None, True, "since", resolved.first, resolved.which)
    prefix = groups["prefix"]
    if prefix is not None and vocabulary.value("prefix", prefix) == "as_of":
        # 截至2025年底 in a 2023 text is a target; 截至2022年底 / 截至3月底 report results.
        date = resolved.end
        ahead = date is not None and year is not None and date.year > year
        return resolved._replace(is_past=not ahead)
    if resolved.end is not None and year is not None and resolved.end.year < year:
        return resolved._replace(is_past=True)
    return resolved


# The words after a period that say how a phrase stands to it, by the group they are found in.
_RELATION_GROUPS = (
    ("year_part", "year_period"),
    ("year_suffix", "year_suffix"),
    ("month_part", "month_part"),
    ("month_word", "month_word"),
    ("plan_mark", "plan_mark"),
    ("festival_mark", "festival_mark"),
)
_BOUNDED_KINDS = frozenset({"year", "years", "plan", "within_years", "day"})  # 2025年前: by 2025


def relation(groups: _Groups, kind: str, vocabulary: PeriodWords) -> str:
    """How the phrase stands to its period: 年底前 → end, 2025年前 → by, 年内 → within, 截至 →
    as_of; "in" when no word says (上半年, 2023年)."""
    part = "end" if groups["quarter_end"] is not None else ""
    for table, group in _RELATION_GROUPS:
        part = part or vocabulary.relation(table, groups[group])
    prefix = vocabulary.relation("prefix", groups["prefix"])
    suffix = vocabulary.relation("suffix", groups["suffix"])
    if prefix == "as_of" or suffix == "since":
        return prefix if prefix == "as_of" else suffix
    if suffix == "before" and (part == "end" or kind in _BOUNDED_KINDS):
        return part or "by"  # 年底前: by the end of the year; 2025年前: by 2025
    if kind == "within_years":
        return "within"  # 三年内, 用三年时间
    return suffix or part or prefix or "in"


def _period(groups: _Groups, year: int | None, vocabulary: PeriodWords) -> Resolved:
    """The period a match names, and whether its words alone point back."""
    for group, resolver in _RESOLVERS:
        if groups[group] is not None:
            return resolver(groups, year, vocabulary)
    base_year, points_back = _base_year(groups, year, vocabulary)
    word = groups["year_word"]
    if base_year is None and word is not None and vocabulary.value("year_word", word) != "0":
        return Resolved(None, points_back)  # 明年 with no year known: a year, but which?
    kind, first, last = _within_year_span(groups, vocabulary)
    start = _anchor_date(base_year, first)
    if kind == "year" and groups["year_from"] is not None:  # 2023—2025年
        kind, start = "years", safe_date(year_number(groups["year_from"]), 1, 1)
    return Resolved(
        _anchor_date(base_year, last), points_back, kind, start, _index(kind, first, last)
    )


def _index(kind: str, first: _Anchor, last: _Anchor) -> int | None:
    """Which half, quarter or month a period is, or how many quarters (see Period.index)."""
    if kind == "half":
        return 1 if first.month == 1 else 2
    if kind in ("quarter", "quarters"):
        return last.month // 3
    if kind in ("month", "months", "part_of_month", "day"):
        return last.month
    return None


def _iso_end(groups: _Groups, year: int | None, vocabulary: PeriodWords) -> Resolved:
    iso_date = (int(groups["iso_year"]), int(groups["iso_month"]), int(groups["iso_day"]))
    day = safe_date(*iso_date)
    return Resolved(day, False, "day", day)


def _past_end(groups: _Groups, year: int | None, vocabulary: PeriodWords) -> Resolved:
    return Resolved(None, True, "past")  # 过去一年, 截至目前: no end date, always back


def _fixed_end(groups: _Groups, year: int | None, vocabulary: PeriodWords) -> Resolved:
    day = dt.date.fromisoformat(vocabulary.value("fixed", groups["fixed"]))
    return Resolved(day, False, "year", dt.date(day.year, 1, 1))


def _plan_end(groups: _Groups, year: int | None, vocabulary: PeriodWords) -> Resolved:
    first, _, last = vocabulary.value("plan", groups["plan"]).partition("-")
    number = (int(first) - _THIRD_PLAN_START) // 5 + 3  # 十四五 (2021–2025) is the 14th
    if vocabulary.value("plan_mark", groups["plan_mark"]) == "since":  # “十四五”以来
        return Resolved(None, True, "since", dt.date(int(first), 1, 1), number)
    return Resolved(dt.date(int(last), 12, 31), False, "plan", dt.date(int(first), 1, 1), number)


def _count_end(groups: _Groups, year: int | None, vocabulary: PeriodWords) -> Resolved:
    # The article's year is the first of the N: 三年内 in 2023 → 2025-12-31.
    count = _number(groups["year_count"])
    if year is None:
        return Resolved(None, False, "within_years", None, count)
    last_year = year + count - 1
    return Resolved(
        safe_date(last_year, 12, 31), False, "within_years", safe_date(year, 1, 1), count
    )


def _season_end(groups: _Groups, year: int | None, vocabulary: PeriodWords) -> Resolved:
    first, last = _span(vocabulary.value("season_word", groups["season_word"]))
    return Resolved(_anchor_date(year, last), False, "season", _anchor_date(year, first))


def _month_word_end(groups: _Groups, year: int | None, vocabulary: PeriodWords) -> Resolved:
    past = vocabulary.value("month_word", groups["month_word"]) == "past"
    return Resolved(None, past, "past" if past else "unplaced")


def _festival_end(groups: _Groups, year: int | None, vocabulary: PeriodWords) -> Resolved:
    base_year, points_back = _base_year(groups, year, vocabulary)
    eve = vocabulary.value("festival", groups["festival"])
    before = vocabulary.value("festival_mark", groups["festival_mark"]) == "before"
    if not eve or not before:
        return Resolved(None, points_back, "festival")  # lunar holidays move; 期间/后 name no end
    return Resolved(_anchor_date(base_year, _anchor(eve)), points_back, "festival")


# Five-year plans run in steps of five from the third (1966–1970; the second ended in 1962).
_THIRD_PLAN_START = 1966

_RESOLVERS: tuple[tuple[str, _Resolver], ...] = (
    ("iso_year", _iso_end),
    ("past", _past_end),
    ("past_years", _past_end),
    ("fixed", _fixed_end),
    ("plan", _plan_end),
    ("year_count", _count_end),
    ("season_word", _season_end),
    ("month_word", _month_word_end),
    ("festival", _festival_end),
)


def _base_year(
    groups: _Groups, year: int | None, vocabulary: PeriodWords
) -> tuple[int | None, bool]:
    """The year a calendar expression falls in, and whether a relative year word points back."""
    if groups["year"] is not None:
        return year_number(groups["year"]), False
    if groups["year_word"] is not None:
        offset = int(vocabulary.value("year_word", groups["year_word"]))
        return (None if year is None else year + offset), offset < 0
    return year, False


_WHOLE_YEAR = (_Anchor(0, 1, 1), _Anchor(0, 12, 31))
# A span of a year by its length in months: 上半年 (6) is a half, 前三季度 (9) the first quarters.
_KIND_BY_MONTHS = {12: "year", 6: "half", 3: "quarter", 9: "quarters"}


def _within_year_span(groups: _Groups, vocabulary: PeriodWords) -> tuple[str, _Anchor, _Anchor]:
    """The kind of a calendar expression and where inside its year it starts and ends (a bare
    year: the whole year)."""
    if groups["month"] is not None:
        month = _number(groups["month"])
        if groups["day"] is not None:
            day = _Anchor(0, month, _number(groups["day"]))
            return "day", day, day
        part = groups["month_part"]
        first_day, _, last_day = (
            vocabulary.value("month_part", part) if part is not None else "01..end"
        ).partition("..")
        last = _Anchor(0, month, _END if last_day == "end" else int(last_day))
        if first_day != "01" or last_day != "end":
            return "part_of_month", _Anchor(0, month, int(first_day)), last
        from_month = _number(groups["month_from"]) if groups["month_from"] else month
        return ("months" if from_month != month else "month"), _Anchor(0, from_month, 1), last
    for kind, group in (("quarter", "quarter"), ("year_part", "year_period"),
                        ("season", "season"), ("year_suffix", "year_suffix")):  # fmt: skip
        if groups[group] is not None:
            first, last = _span(vocabulary.value(kind, groups[group]))
            if kind == "season":
                return "season", first, last
            months = (last.offset - first.offset) * 12 + last.month - first.month + 1
            return _KIND_BY_MONTHS.get(months, "months"), first, last
    return "year", *_WHOLE_YEAR


def _span(value: str) -> tuple[_Anchor, _Anchor]:
    """Parse ``START..END`` of the data table, each ``[offset:]MM-DD``."""
    first, _, last = value.partition("..")
    return _anchor(first), _anchor(last)


def _anchor(value: str) -> _Anchor:
    """Parse ``[offset:]MM-DD`` (DD may be ``end``) from the data table."""
    offset, _, month_day = value.rpartition(":")
    month, _, day = month_day.partition("-")
    return _Anchor(int(offset or 0), int(month), _END if day == "end" else int(day))


def _anchor_date(base_year: int | None, anchor: _Anchor) -> dt.date | None:
    if base_year is None:
        return None
    target_year = base_year + anchor.offset
    day = anchor.day
    if day == _END and 1 <= target_year <= 9999:
        day = calendar.monthrange(target_year, anchor.month)[1]
    return safe_date(target_year, anchor.month, day)


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist (2月30日)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def year_number(digits: str) -> int:
    """2023 or 二〇二三 → 2023."""
    if digits.isascii():
        return int(digits)
    return int("".join(str(_CHINESE_DIGIT[character]) for character in digits))


def _number(text: str) -> int:
    """A month, day or count in ASCII or Chinese digits: 3, 03, 三, 十二, 三十一."""
    return int(text) if text.isascii() else _chinese_number(text)


def _chinese_number(text: str) -> int:
    """A Chinese number below 100: 五 → 5, 十二 → 12, 二十 → 20, 三十一 → 31."""
    tens, ten, units = text.partition("十")
    if not ten:
        return _CHINESE_DIGIT[text]
    return (_CHINESE_DIGIT[tens] if tens else 1) * 10 + (_CHINESE_DIGIT[units] if units else 0)
