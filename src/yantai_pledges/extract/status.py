"""Status marks: the words and time expressions that say whether the figures after them are
pledges, achieved results or background (see extract/targets.py, ``_status_at``).

A figure takes the status of the last mark before it; with none it is a result when its sentence
looks back (a review, reported statistics) and a pledge otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..models import Status
from .deadlines import DeadlineMatch
from .pledge_words import PledgeWord

__all__ = [
    "NEUTRAL_PERIOD",
    "PLANNED_INVESTMENT",
    "PROJECTION",
    "StatusMark",
    "is_plan_share",
    "reports_event",
    "status_marks",
]

# Periods that belong to whatever year is being talked about: 全年 in a review is last year.
NEUTRAL_PERIOD = regex.compile(r"全年|年底|年末|[一二三四1-4]季度|上半年|下半年")

_ACHIEVED_MARK = regex.compile(
    r"""
    已经|已(?=[\p{Han}])     # 已建成, 已完成
    | 截至|截止到|截止      # "as of" a past date
    | (?<![比较同])(?:去年|上年|前年)  # last year (but 比上年增长 compares a pledge with it)
    | 过去[一二三四五]?年|[一二三四五]年来|过去的一年
    | 实现了|完成了|达到了|增长了|建成了
    """,
    regex.VERBOSE,
)

# An event reported as it took place: a signing or a groundbreaking (本次集中开工项目90个, 共签约
# 19个项目, 当日浙江集中开工268个重大项目). Its figures happened, unless a pledge word or a future
# deadline before it looks ahead (see status_marks).
_EVENT_MARK = regex.compile(
    r"""
    本次|此次|这次|本批|当日|当天                               # the event just reported
    | (?:集中|现场|成功|共|云”?|已)签约(?!仪式)                  # signed
    | 签约(?=[0-9一二三四五六七八九十亿]|项目|了)
    | 集中(?:开工|投产|竣工|开业|揭牌)|开工动员|开复工            # broke ground
    """,
    regex.VERBOSE,
)
_EVENT_FIRST = regex.compile(r"[本此这当签集开]")


def reports_event(text: str) -> bool:
    """Whether a sentence reports an event as it took place (本次, 集中签约, 当日…集中开工)."""
    return _EVENT_FIRST.search(text) is not None and _EVENT_MARK.search(text) is not None


# What an event's projects are to bring: planned investment, the item it heads (计划总投资1.8亿美元,
# 年度计划投资10.3亿元), and projections, the rest of their clause (达产后年产值可达20亿元).
PLANNED_INVESTMENT = regex.compile(r"计划总?投资|年度(?:计划)?投资")
PROJECTION = regex.compile(r"达产后|建成后|投产后|年可|可实现|可带动|预计可|将带动")

_CONTEXT_MARK = regex.compile(
    r"""
    现有|拥有|共有|目前|当前|辖区?内?有|下?辖(?=[0-9一二两三四五六七八九十])|位居|位列|排名|被评为
    | (?:总|占地|国土|陆域|海域|辖区|[市县区镇]域|行政区域)面积|海岸线  # the size of a place
    | 人口(?!\p{Han}{0,5}率)                # population (but 常住人口城镇化率 is a rate)
    """,
    regex.VERBOSE,
)

_CUMULATIVE = "累计"
_TO_DATE_KINDS = frozenset({"months", "quarters", "half"})  # 1-6月, 前三季度, 上半年

# A per-cent figure whose metric is the plan it is a share of: 完成(全年)目标的, 占年计划投资的.
_PLAN_SHARE = regex.compile(
    r"""
    (?:已|已经)?(?:完成|占|达到|实现|为)?      # the verb, when the metric kept it
    (?:全年|年度|年|年初|本年|今年)?          # whose plan
    (?:目标|计划|任务)(?:任务|数|投资|完成投资)?的?  # the plan itself (and what it plans)
    """,
    regex.VERBOSE,
)


def is_plan_share(metric: str, base_unit: str) -> bool:
    """Whether a figure is a share of a plan (完成全年目标的52.1%), not a figure of its own.

    >>> is_plan_share("占年计划投资的", "percent"), is_plan_share("城镇化率", "percent")
    (True, False)
    """
    return base_unit == "percent" and _PLAN_SHARE.fullmatch(metric) is not None


# A word or a deadline that decides the status of the figures after it: (start, end, status).
StatusMark = tuple[int, int, Status]


def _event_times(deadlines: Sequence[DeadlineMatch]) -> set[int]:
    """Where the days of reported events start (21日，…集中开工): a day that no 前 turns into a
    deadline (一季度，新签约项目14个 may be a plan: periods longer than a day still look ahead)."""
    return {d.start for d in deadlines if d.kind == "day" and d.relation == "in"}


def status_marks(
    text: str,
    deadlines: Sequence[DeadlineMatch],
    pledge_words: Sequence[PledgeWord],
    looking_back: bool,
    reviewed: int | None,
) -> tuple[StatusMark, ...]:
    """The status marks of a sentence (see _status_at), listed once for all its figures.

    Listed kind by kind in the order that wins a tie at one position: past deadlines, future
    deadlines, pledge words, achieved and context words. Looking back, future deadlines and
    estimates (预计全年完成) mark nothing. Words are found in the whole sentence rather than
    in the text before each figure, so a word reads as it does in context: 已 in 已突破10亿美元
    is "already" even though 突破 belongs to the figure.
    """
    marks = [(d.start, d.end, Status.ACHIEVED) for d in deadlines if d.is_past]
    # Looking back, 全年 or 一季度 name the period measured; a year after the one reviewed
    # (去年…37家，今年要再新增40家以上) still turns ahead.
    marks += [
        (d.start, d.end, Status.PLEDGE)
        for d in deadlines
        if not d.is_past
        and (
            not looking_back
            or (
                reviewed is not None
                and d.date is not None
                and d.date.year > reviewed
                and not NEUTRAL_PERIOD.match(d.text)
            )
        )
    ]
    marks += [
        (word.start, word.end, Status.PLEDGE)
        for word in pledge_words
        if not (looking_back and word.estimate)
    ]
    marks += [(*word.span(), Status.ACHIEVED) for word in _ACHIEVED_MARK.finditer(text)]
    # A part of the year summed up to date (1-6月累计完成投资…, 前三季度累计…): a report of it.
    marks += [
        (d.end, d.end + len(_CUMULATIVE), Status.ACHIEVED)
        for d in deadlines
        if d.kind in _TO_DATE_KINDS and text.startswith(_CUMULATIVE, d.end)
    ]
    marks += [(*word.span(), Status.CONTEXT) for word in _CONTEXT_MARK.finditer(text)]
    if _EVENT_FIRST.search(text):  # cheap test first: most sentences report no event
        # Looking ahead (计划签约…, 2月中旬集中开工…), the event is still to come.
        ahead = [start for start, _, status in marks if status is Status.PLEDGE]
        ahead = [start for start in ahead if start not in _event_times(deadlines)]
        first_ahead = min(ahead, default=len(text))
        marks += [
            (*word.span(), Status.ACHIEVED) for word in _EVENT_MARK.finditer(text, 0, first_ahead)
        ]
    return tuple(marks)
