"""How a sentence stands to a review of the past: opens one, belongs to one, or turns from it.

A review opener (过去一年…, 去年…, 2022年… in a 2023 article) starts a review of that year which
goes on over the following sentences and paragraphs until one turns to the year ahead (今年…,
我们将…, 主要预期目标是：…). Figures inside a review are results of the reviewed year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import regex

from .deadlines import DeadlineMatch
from .periods import SPANS_TO_NOW
from .status import NEUTRAL_PERIOD

__all__ = ["Opening", "Review", "read_opening", "review_state"]

# Words that head the plan (目标是：) or say what a place will do (开局之年，南和区将…): they turn
# to the year ahead anywhere in a sentence's first words.
_HEADING_WORDS = r"""
    目标(?:是|为)|总体要求|工作安排|重点抓好|重点做好                 # a heading of the plan
    |[区县市镇乡们](?:将(?![近来])|要(?![求素点件闻]))           # 开局之年，南和区将…: what it will do
"""

# How a sentence opens: with a review of the past, or turning from it to the year ahead; matched
# at the first word (a review opener comes first). _HEADING is searched in the words after it
# only where it can end a review in progress (see review_state).
# This and _SPEECH_LEAD run on every sentence and need no ``regex`` feature: stdlib ``re`` is
# faster, the more so as _HEADING, searched alone, starts with a literal character set.
_OPENING = re.compile(
    rf"""
    (?P<last_year>去年|上年)                                       # a review of last year
    | (?P<review>过去[一二三四五]?年|过去的一年|[一二三四五]年来|这一年|回顾)  # of the year gone
    | (?P<forward>今年|明年|新的一年|下一步|下步|今后|未来|我们将              # turn to the
        |[我全本]?[区县市镇]?将|要|确保|力争)                                 # year ahead
    | (?P<heading>{_HEADING_WORDS})                                  # or to the plan
    """,
    re.VERBOSE,
)
_HEADING = re.compile(_HEADING_WORDS, re.VERBOSE)

# Words before the opening that only say who speaks: 王振国指出，2023年… ; 黄志坚：一年来… (an
# interview's turn); or a section's number or a bullet: 一、2021年…计划执行情况 (a report's part
# heading), ●2023年广东地区生产总值…. The
# sentence opens after them.
_SPEECH_LEAD = re.compile(
    r"""
    ^(?:[^，。；：:“”]{1,24}?(?:指出|表示|说|介绍|强调|谈到|坦言|认为)[，,：:]  # X在讲话中指出，
      | [\u3400-\u9fff]{2,4}[：:]                                       # 黄志坚：
      | [答问][：:]                                                     # an interview's 答：
      | [一二三四五六七八九十]{1,3}、 | [（(][一二三四五六七八九十]{1,3}[）)]  # 一、 （一）
      | [0-9]{1,2}[、．.](?![0-9])                                      # 1、 1. (not 1.5亿元)
      | [●◆■□▲△•★☆◇○]\s* )                                           # a bullet
    """,
    re.VERBOSE,
)
_OPENING_REACH = 40  # characters searched for a heading of the plan

# A time expression that names a day: 1月16日, 2025-01-16.
_A_DAY = regex.compile(r"[0-9一二三四五六七八九十][日号]|[0-9][-/.][0-9]{1,2}[-/.][0-9]")


@dataclass(frozen=True, slots=True)
class Review:
    """A review of the past in progress: 全年 and 一季度 inside it belong to ``year``."""

    year: int | None


class Opening(NamedTuple):
    """Where a sentence's own words begin (after 王振国指出，) and how they open (see _OPENING)."""

    begin: int
    kind: str | None  # "last_year", "review", "forward", "heading" or None (any other first word)


def read_opening(sentence: str) -> Opening:
    lead = _SPEECH_LEAD.match(sentence)
    begin = lead.end() if lead else 0
    # The reach is the end of the text for lookaheads, too.
    opener = _OPENING.match(sentence, begin, begin + _OPENING_REACH)
    return Opening(begin, opener.lastgroup if opener is not None else None)


def review_state(  # noqa: PLR0911 (one return per way a sentence stands to a review)
    sentence: str,
    opening: Opening,
    deadlines: Sequence[DeadlineMatch],
    previous: Review | None,
    *,
    year: int | None,
    as_of: dt.date | None,
) -> tuple[Review | None, Review | None]:
    """The review a sentence belongs to, and the review still going on after it.

    A review opener (过去一年…, 去年…, 2022年… in a 2023 article) starts a review of that year
    which goes on over the following sentences and paragraphs until one turns to the future
    (今年…, 我们将…, 开局之年，南和区将…, 主要预期目标是：…). A past period inside the opening
    words (今年以来, 截至3月底) looks back for its own sentence only. Words that only say who
    speaks (王振国指出，2023年…; an interview's 黄志坚：一年来…) come before the opening.
    """
    if opening.kind in ("last_year", "review"):
        reviewed = Review(_reviewed_year(opening.kind, year, as_of))
        return reviewed, reviewed
    begin = opening.begin
    periods = (
        [
            d
            for d in deadlines
            if begin <= d.start and d.end <= begin + 16 and not NEUTRAL_PERIOD.match(d.text)
        ]
        if deadlines
        else deadlines  # most sentences: no time expression
    )
    # After words of speech (据介绍，今年以来…) only a dated past period opens a review; a day
    # (1月16日，…: when the reported event took place) looks back for its own sentence only.
    if (
        periods
        and periods[0].start == begin
        and (begin == 0 or periods[0].date is not None)
        and not _A_DAY.search(periods[0].text)
    ):
        first = periods[0]
        review = Review(first.date.year if first.date else None) if first.is_past else None
        return review, review
    if (
        periods
        and periods[0].is_past
        and _closes_first_clause(sentence, periods[0])
        and (begin == 0 or periods[0].kind == "past")
    ):
        # 龙华区正式挂牌成立一年以来，…; “十四五”以来，…: a span up to now that ends the first
        # clause opens a review, as 过去一年 does at the first word (but after 据介绍，an
        # undated 今年以来 is the reported event's, for its own sentence).
        first = periods[0]
        review = Review(_reviewed_year("review", year, as_of) if first.kind == "past" else None)
        return review, review
    if periods and periods[0].is_past:
        return Review(None), previous
    if periods or opening.kind:  # a turn to the year ahead
        return None, None
    # So is a heading of the plan in the first words (开局之年，南和区将…); with no review in
    # progress there is none to end, and the search is spared.
    if previous is not None and _HEADING.search(sentence, begin + 1, begin + _OPENING_REACH):
        return None, None
    return previous, previous


def _closes_first_clause(sentence: str, period: DeadlineMatch) -> bool:
    """Whether ``period`` is a span up to now that ends the sentence's first clause."""
    return period.kind in SPANS_TO_NOW and sentence[period.end : period.end + 1] in ("，", ",")


def _reviewed_year(kind: str, year: int | None, as_of: dt.date | None) -> int | None:
    """The year a review opener looks back on: 去年 is last year; 过去一年, 一年来 and 这一年 are the
    year gone, which in an issue of December is the article's own year (a year-end review)."""
    if year is None:
        return None
    if kind == "review" and as_of is not None and as_of.year == year and as_of.month == 12:
        return year
    return year - 1
