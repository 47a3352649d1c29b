"""What kind of text an article is, where that alone decides how its figures read.

A statistical communiqué (国民经济和社会发展统计公报) reports the results of a year and promises
nothing: none of its figures is a pledge, whatever words surround it (计划, 目标 name plans whose
results it reports). Its title says what it is among the first lines, or, where a copy lost the
title, its issuers do (XX市统计局 over 国家统计局XX调查队), or its first section's heading
(一、综合, the opening section of every annual communiqué). The year it reports is the year of its
title (2022年南平市…统计公报); without one, the year before an issue of the first half of a year
(annual communiqués come out from February to April).

A report whose title names a part of a year (衡南县：上半年经济运行稳中向好, 前三季度全市经济稳中有进)
is a review of that part: :func:`title_period` gives it, and a result that names no time of its own
is about that period.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from .deadlines import DeadlineMatch, find_deadlines
from .periods import PART_YEAR_KINDS
from .pledge_words import find_pledge_words

__all__ = ["Communique", "communique", "title_period"]

_COMMUNIQUE = "统计公报"
_ISSUERS = ("统计局", "调查队")  # both, on the first lines: the statistics bureau and survey team
_TITLE_LINES = 6  # the lines at the top of an article that may hold its title
_FIRST_SECTION = regex.compile(r"一\s*[、.．]\s*综\s*合")  # 一、综合 (also 一、综 合)
_TITLE_YEAR = regex.compile(r"(?<![0-9])((?:19|20)[0-9]{2})年")
_FIRST_HALF_END = 6  # an annual communiqué issued by June reports the year before
_MARKUP = regex.compile(r"\[[^\]]{0,20}\]")  # BBCode that may split a title's year


@dataclass(frozen=True, slots=True)
class Communique:
    """A statistical communiqué, read from its first lines."""

    title_year: int | None

    def reported_year(self, published: dt.date | None) -> int | None:
        """The year whose results it reports (see the module docstring)."""
        if self.title_year is not None:
            return self.title_year
        if published is not None and published.month <= _FIRST_HALF_END:
            return published.year - 1
        return None


def communique(lines: Iterable[str]) -> Communique | None:
    """The communiqué an article is, or None for any other article.

    >>> communique(["2020年望谟县国民经济和社会发展统计公报", "2020年是…"]).title_year
    2020
    """
    head = list(itertools.islice(lines, _TITLE_LINES))
    for line in head:
        if _COMMUNIQUE in line:
            # BBCode may split the year into pieces ([b]20[/b][b]2[/b][b]2[/b][b]年).
            year = _TITLE_YEAR.search(_MARKUP.sub("", line))
            return Communique(int(year.group(1)) if year else None)
    if all(any(issuer in line for line in head) for issuer in _ISSUERS) or any(
        _FIRST_SECTION.fullmatch(line.strip()) for line in head
    ):
        return Communique(None)
    return None


def title_period(title: str | None, year: int | None) -> DeadlineMatch | None:
    """The part of a year an article's title reports on, or None (no title, no such period, more
    than one, or a title that pledges: 上半年力争…). Not a whole year: a year's review is read
    from its own words (reviews.py).

    >>> title_period("衡南县：上半年经济运行稳中向好", 2019).date
    datetime.date(2019, 6, 30)
    >>> title_period("上半年力争开工项目30个", 2019) is None
    True
    """
    if not title or year is None:
        return None
    found = [d for d in find_deadlines(title, year) if d.kind in PART_YEAR_KINDS]
    if len(found) != 1 or found[0].date is None or find_pledge_words(title):
        return None
    return found[0]
