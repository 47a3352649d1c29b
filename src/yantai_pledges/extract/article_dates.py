"""The article's own dates: the year it is about and the day it was published.

:func:`infer_year` finds the year an article is about. A year that names the year's plan
(2023年政府工作报告, 2019年经济社会发展主要预期目标, 2025年计划草案, 2026年重点工作) decides,
the latest of them if several; so does a reviewed year's successor (2022年工作回顾, 2021年国民经济
和社会发展计划执行情况 → the report is of the year after). Else the most frequent 4-digit year
between 1990 and 2100 written as ``YYYY年`` (also 二〇二三年) or in an ISO date (2023-04-11,
2023/4/11), ties going to the latest. Years that are horizons or reference points (到2025年,
截至2022年底, 比2020年, 由2020年的) count only when nothing else names a year.

:func:`publication_date` reads the first full date printed on one of an article's first short lines
(a masthead, a date line, a web page's header).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence

import regex

from .deadlines import FOLD_DIGITS, FULL_WIDTH_DIGIT
from .periods import safe_date, year_number

__all__ = ["infer_year", "issue_year", "publication_date"]

_YEAR_MIN = 1990  # infer_year: earliest plausible article year
_YEAR_MAX = 2100  # infer_year: latest plausible article year

# infer_year's years, found from the character after them: stdlib ``re`` finds a pattern that
# opens with a literal character with a fast search, where a pattern opening with a class or a
# lookbehind is tried at every position of the article. 2023年 and 二〇二三年, from their 年
# (a year is four digits that do not continue a longer number):
_YEAR_BEFORE_NIAN = re.compile(
    r"""
    年
    (?: (?<=(?:19|20|21)[0-9]{2}年)(?<![0-9.][0-9]{4}年)                          # 2023年
      | (?<=[一二][〇零○Ｏ一二三四五六七八九]{3}年)(?<![〇零○Ｏ一二三四五六七八九]{5}年) )  # 二〇二三年
    """,
    re.VERBOSE,
)
# The year of an ISO date (2023-04-11, 2023/4/11, 2023.4.11), from its first separator: one
# pattern per separator, so that each opens with a literal.
_ISO_YEAR_BY_SEPARATOR = tuple(
    re.compile(
        rf"""
        {re.escape(separator)}
        (?<=(?:19|20|21)[0-9]{{2}}{re.escape(separator)})          # after a year
        (?<![0-9.][0-9]{{4}}{re.escape(separator)})                # that is not in a longer number
        (?:1[0-2]|0?[1-9])[-/.](?:3[01]|[12][0-9]|0?[1-9])(?![0-9])  # then a month and a day
        """,
        re.VERBOSE,
    )
    for separator in "-/."
)
_YEAR_LENGTH = 4  # the characters of a year, before its 年 or its ISO separator
# Words just before a year that make it a horizon or a reference point: 到2025年, 截至2022年底
# (到, 至, 截至, 截止, 直到, 直至, by their last one or two characters); a comparison's base
# (比2020年, 较2019年) and a change's start (由2020年的…增加至, 从1949年的…).
_HORIZON_ENDS = frozenset("到至比较由从")
_HORIZON_PAIR = "截止"

# A year named with the year's plan or with a review of it: whose year the article is. "plan":
# the year itself (2023年政府工作报告, 2025年计划草案); "review": the year after it (2022年工作回顾).
# A report named in a review of it (2023年政府工作报告确定的目标) is not the article's.
_PLAN_OR_REVIEW_YEAR = regex.compile(
    r"""
    (?<![0-9])(?P<year>(?:19|20|21)[0-9]{2})年
    [\p{Han}]{0,12}?                       # 2023年盘山县…, 2021年国民经济和社会发展…
    (?: (?P<plan>政府工作报告(?!确定|提出|部署)|工作目标|主要预期目标|预期目标|计划草案|预算草案
          |预算的报告|重点工作|工作安排|工作总体要求)
      | (?P<review>工作回顾|执行情况|工作总结) )    # 计划执行情况, 财政预算执行情况
    """,
    regex.VERBOSE,
)


# A full date printed in a masthead, a date line or a web page's header: 株洲日报 2024年4月18日
# 第A02版; 2024年2月27日 星期二; 发布时间：2025-01-17 09:30.
_PRINTED_DATE = regex.compile(
    r"""
    (?<![0-9])(?P<year>(?:19|20|21)[0-9]{2})                # the year, not part of a longer number
    (?: 年(?P<month>1[0-2]|0?[1-9])月(?P<day>3[01]|[12][0-9]|0?[1-9])[日号]   # 2024年4月18日
      | (?P<sep>[-/.])(?P<iso_month>1[0-2]|0?[1-9])                          # 2025-01-17
        (?P=sep)(?P<iso_day>3[01]|[12][0-9]|0?[1-9])(?![0-9]) )
    """,
    regex.VERBOSE,
)
_MASTHEAD_LINES = 6  # the lines at the top of an article that may print its date
_MASTHEAD_LENGTH = 80  # longer lines are running text, whose dates are events, not the issue's


# A day named without a year (11月5日): the event a report opens with.
_YEARLESS_DAY = regex.compile(
    r"(?<![0-9年])(?P<month>1[0-2]|[1-9])月(?P<day>3[01]|[12][0-9]|[1-9])日"
)
_LEAD_LENGTH = 300  # the first characters after the masthead lines, where a report names its day


def issue_year(lines: Sequence[str], published: dt.date | None) -> int | None:
    """The year of an article published on ``published``: that date's year, unless the day its
    lead names without a year comes later in the calendar (a repost of 2021-03-18 of a meeting of
    11月5日 is of 2020's meeting): then the year before. None without a date.

    >>> issue_year(["发布时间：2021-03-18", "11月5日，高新区召开会议。"], dt.date(2021, 3, 18))
    2020
    >>> issue_year(["发布时间：2021-03-18", "3月16日，高新区召开会议。"], dt.date(2021, 3, 18))
    2021
    """
    if published is None:
        return None
    lead = "\n".join(lines[:_MASTHEAD_LINES])[:_LEAD_LENGTH].translate(FOLD_DIGITS)
    day = _YEARLESS_DAY.search(lead)
    if day is not None:  # not a full date's: the pattern refuses a 年 before the month
        named = (int(day["month"]), int(day["day"]))
        if named > (published.month, published.day):
            return published.year - 1
    return published.year


def publication_date(lines: Iterable[str]) -> dt.date | None:
    """The date an article was published: the first full date on one of its first short lines.

    >>> publication_date(["株洲日报 2024年4月18日 第A02版", "“项目攻坚年”交出首季成绩单"])
    datetime.date(2024, 4, 18)
    """
    for line in itertools.islice(lines, _MASTHEAD_LINES):
        if len(line) > _MASTHEAD_LENGTH:
            continue
        found = _PRINTED_DATE.search(line.translate(FOLD_DIGITS))
        if found is None:
            continue
        month, day = found["month"] or found["iso_month"], found["day"] or found["iso_day"]
        date = safe_date(int(found["year"]), int(month), int(day))
        if date is not None:
            return date
    return None


def infer_year(text: str) -> int | None:
    """The year an article is about: its most frequent written year (ties → latest), else None.

    >>> infer_year("将2023年确立为招商引资突破年，到2025年……2023年")
    2023
    """
    folded = text.translate(FOLD_DIGITS) if FULL_WIDTH_DIGIT.search(text) else text
    named = _plan_year(folded)
    if named is not None:
        return named
    counted: Counter[int] = Counter()
    horizons: Counter[int] = Counter()
    # The two kinds of year never overlap (an ISO date has no 年), so they are found apart.
    year_starts = [match.start() - _YEAR_LENGTH for match in _YEAR_BEFORE_NIAN.finditer(folded)]
    for pattern in _ISO_YEAR_BY_SEPARATOR:
        year_starts += [match.start() - _YEAR_LENGTH for match in pattern.finditer(folded)]
    for start in year_starts:
        value = year_number(folded[start : start + _YEAR_LENGTH])
        if _YEAR_MIN <= value <= _YEAR_MAX:
            horizon = (
                folded[start - 1 : start] in _HORIZON_ENDS
                or folded[start - 2 : start] == _HORIZON_PAIR
            )
            (horizons if horizon else counted)[value] += 1
    votes = counted or horizons
    if not votes:
        return None
    return max(votes, key=lambda candidate: (votes[candidate], candidate))


def _plan_year(text: str) -> int | None:
    """The year of the plan an article names (see _PLAN_OR_REVIEW_YEAR), the latest if several."""
    if "年" not in text:
        return None
    years = [
        int(match["year"]) + (1 if match["review"] else 0)
        for match in _PLAN_OR_REVIEW_YEAR.finditer(text)
    ]
    plausible = [year for year in years if _YEAR_MIN <= year <= _YEAR_MAX]
    return max(plausible) if plausible else None
