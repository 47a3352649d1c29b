"""Sentences → targets and milestones.

For each sentence of a statement's body this stage finds the quantities (``quantities``), the time
expressions (``deadlines``) and the pledge wording, and decides for every quantity:

- ``metric``: what is counted — the words before the number in its clause (年内新增规上工业企业30家 →
  新增规上工业企业), or the noun after it (开工53个新项目 → 开工新项目); 分别 distributes a list of
  subjects over a list of numbers; a bare 突破300亿元 inherits the subject of the figure before it;
- ``deadline``: the nearest time expression before it in the same sentence (年内 governs every item
  of 年内新增…30家、…3家、…2—3家), unless a word such as 未来 breaks the link;
- ``commitment``: the nearest pledge word before it in the sentence (确保 → ensure, 力争 → strive,
  计划/拟/预计 → plan); the word governs the rest of its sentence;
- ``status``: ``achieved`` for past results (已建成, 截至2022年底, a review of last year that
  runs until the text turns to the year ahead, reported statistics), ``context`` for background
  figures (现有, 目前, 拥有), ``pledge`` otherwise.

A clause with a deadline and a completion verb but no number (9月建成, 2月中旬集中开工) is a
:class:`~yantai_pledges.models.Milestone`.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import regex

from ..lexicon.marks import CLOSING_MARKS_CLASS
from ..lexicon.milestones import milestone_verb_pattern
from ..lexicon.units import COUNTED_BASE_UNITS, TIME_BASE_UNITS
from ..lines import Paragraph
from ..models import Commitment, Milestone, Status, Target
from .deadlines import YEAR_NAMED, DeadlineMatch, ended_before, sentence_deadlines
from .metric_noise import strip_noise
from .pledge_words import PledgeWord, commitment_for, find_pledge_words, in_quotes
from .quantities import QuantityMatch, find_quantities
from .sentences import Segment, clause_bounds, split_sentences
from .status import NEUTRAL_PERIOD, PLANNED_INVESTMENT, PROJECTION, StatusMark, status_marks

__all__ = ["extract_targets"]

# Words that head the plan (目标是：) or say what a place will do (开局之年，南和区将…): they turn
# to the year ahead anywhere in a sentence's first words.
_HEADING_WORDS = r"""
    目标(?:是|为)|总体要求|工作安排|重点抓好|重点做好                 # a heading of the plan
    |[区县市镇乡们](?:将(?![近来])|要(?![求素点件闻]))           # 开局之年，南和区将…: what it will do
"""

# How a sentence opens: with a review of the past, or turning from it to the year ahead; matched
# at the first word (a review opener comes first). _HEADING is searched in the words after it
# only where it can end a review in progress (see _review_state).
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
# interview's turn). The sentence opens after them.
_SPEECH_LEAD = re.compile(
    r"""
    ^(?:[^，。；：:“”]{1,24}?(?:指出|表示|说|介绍|强调|谈到|坦言|认为)[，,：:]  # X在讲话中指出，
      | [\u3400-\u9fff]{2,4}[：:]                                       # 黄志坚：
      | [答问][：:])                                                    # an interview's 答：
    """,
    re.VERBOSE,
)
_OPENING_REACH = 40  # characters searched for a heading of the plan

# A time expression that names a day: 1月16日, 2025-01-16.
_A_DAY = regex.compile(r"[0-9一二三四五六七八九十][日号]|[0-9][-/.][0-9]{1,2}[-/.][0-9]")

# Words after which a deadline stated earlier no longer applies (未来总投资2000亿元).
_DEADLINE_BREAK = regex.compile(r"未来|远期|长远|建成后|达产后|投产后|届时")

# Words that end a subject whose figure a following bare number continues (增长7%以上，突破300亿元).
_GROWTH_TAIL = regex.compile(r"(?:增长|增速|提高|提升|下降|降低|增加|减少|完成|实现)$")

# A predicate with no subject of its own (完成9515.9亿元，增长5%): it borrows the one before it.
_BARE_PREDICATE = regex.compile(
    r"^(?:同比|比上年|较上年)?再?(?:增长|增速|提高|提升|下降|降低|增加|减少)$"
)

_NOUN = r"(?:[\p{Han}A-Za-z0-9]|“[^“”]{1,12}”)"  # a noun character, or a short quoted name

# 的 and at most two characters between a figure and the next (总投资1850亿元的340个项目).
_DE_LINK = regex.compile(r"的[\p{Han}]{0,2}")

_NOUN_AFTER = regex.compile(
    rf"""
    (?P<noun>{_NOUN}{{1,20}}?)    # the noun a count introduces: 53个新项目 → 新项目
    (?=[和与及、，,。；;：:！？!?的（(]|作用|$   # up to a conjunction, punctuation or 作用,
      |(?:超过|突破|达到|达)?[0-9]          # or the next figure (15个村集体收入超过50万元)
      |(?:计划|完成)?(?:总投资|年度投资))     # or the investment the next figure is (10件…计划总投资)
    """,
    regex.VERBOSE,
)

# A count followed by the figures that describe its noun: 73个总投资1000亿元、…的“重中之重”项目.
_DESCRIBED_NOUN = regex.compile(
    rf"""
    (?:计划)?(?:总投资|年度投资|投资)    # the description starts with an investment figure
    [^，,。；;]{{0,40}}?的              # and ends with 的
    (?P<noun>{_NOUN}{{1,20}}?)         # the noun counted
    (?=[，,。；;、]|$)
    """,
    regex.VERBOSE,
)
_DESCRIBED_NOUN_FIRST = frozenset("计总年投")  # the first characters it can match: a cheap test

# Units of things built or laid out, whose noun may follow the figure (15公里滨海景观带).
_MEASURED_UNITS = frozenset({"metre", "square_metre", "mu"})

_WINDOW_AFTER = regex.compile(r"[内里](?=\p{Han})")  # 6个月内开工率: the noun goes on
_NARRATED_TIME = regex.compile(r"(?:时间)?(?:里|来|以来|中)")

# Short words before a count that belong in its metric (开工53个新项目 → 开工新项目) …
_MAX_VERB_LENGTH = 4
# … except verbs that only introduce an object (发挥10个指挥部作用, 聚焦6个产业).
_LIGHT_VERB = regex.compile(
    r"发挥好?|注重发挥|聚焦|围绕|依托|调整优化|用好|抓好|推进|实施|打造|培育好?|下?辖"
)

# A time word right after these is the base of a comparison, not a deadline (比上年, 较去年, 同比).

# A money figure's metric starts at the investment word (强力推进总投资224.2亿元 → 总投资).
_INVESTMENT_HEAD = regex.compile(r"(?:计划|完成)?(?:总投资|年度投资)")

# Verbs that open a metric and are shared by the items of a 、 list (新增A30家、B3家).
_LEADING_VERB = regex.compile(
    r"新增|新建|新开工|开工|新引进|引进|招引|集聚|培育|建成|建设|实施|完成|改造|打造|签约|储备|新签约"
)

_LIST_SPLIT = regex.compile(r"、|和|与|及|以及")
# The last item of a list and the head its items share: 节能环保 两大 产业集群营业收入.
_COUNTED_HEAD = regex.compile(
    r"""
    (?P<item>.+?)                   # the last item
    (?P<count>[两二三四五六七八九])[大个类项]  # how many items the list has: 两大, 三个
    (?P<head>\p{Han}{2,})           # the head noun they share
    """,
    regex.VERBOSE,
)
_MODIFIER_LENGTH = 2  # 城镇, 农村, 城乡: the items that share the head of the last one
_SMALL_COUNTS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CLAUSE_BREAK = regex.compile(r"[；;]")  # where an estimate's reach ends in a review

_EXPLICIT_YEAR = regex.compile(r"(?:19|20)[0-9]{2}年")
# A time expression that names a whole year, explicit or relative, whose later periods fall in it.

_LIST_OPENER = regex.compile(r"[：:]\s*$")
_SENTENCE_FINAL = regex.compile(rf"[。！？!?][{CLOSING_MARKS_CLASS}]*\s*$")

# A change against last year's figure (比上年增长2.5%): reported statistics in a sentence that no
# pledge word governs and no list of targets (主要预期目标：) introduces.
_COMPARED_WITH_LAST_YEAR = regex.compile(
    r"[比较](?:上年|去年)(?:同期)?(?:增长|下降|增加|减少|上涨|提高)"
)
# Reported statistics (同比增长6.2%, 据统计): past results when nothing in the sentence pledges.
_REPORTED_MARK = regex.compile(r"同比|据统计|统计数据|数据显示|监测数据|初步核算|按可比价格计算")


@dataclass(frozen=True, slots=True)
class _LeadIn:
    """Deadline and pledge word of a paragraph that introduces a list (目标是：)."""

    deadline: DeadlineMatch | None
    commitment: Commitment | None


@dataclass(frozen=True, slots=True)
class _Review:
    """A review of the past in progress: 全年 and 一季度 inside it belong to ``year``."""

    year: int | None


@dataclass(slots=True)  # not frozen: one is built per sentence, and frozen fields cost more
class _Sentence:
    """A sentence with the quantities and deadlines found in it (offsets relative to it)."""

    segment: Segment
    quantities: tuple[QuantityMatch, ...]
    figures: list[QuantityMatch]  # the quantities that are not qualifiers, in text order
    figure_starts: list[int]  # where each of them starts, for a binary search
    deadlines: tuple[DeadlineMatch, ...]
    review: _Review | None  # the review of the past this sentence belongs to, if any
    year: int | None  # the article's year
    lead_in: _LeadIn | None
    clauses: tuple[tuple[int, int], ...]
    pledge_words: tuple[PledgeWord, ...]  # 确保, 力争, 计划 … in text order
    cuts: tuple[tuple[int, int], ...]  # spans of deadlines and pledge words, sorted: not metrics
    looking_back: bool  # in a review of the past or reported statistics (see _status_at)
    status_marks: tuple[StatusMark, ...]  # see _status_marks


def extract_targets(
    body: Sequence[Paragraph],
    year: int | None,
    *,
    as_of: dt.date | None = None,
    results_only: bool = False,
) -> tuple[list[Target], list[Milestone]]:
    """Find every target and milestone in the body paragraphs of one statement.

    ``as_of`` is the date the article was published, if known: a period that ended before it
    (一季度 in an April report) points back, as 去年 does. ``results_only``: the text reports
    results only (a statistical communiqué, see :mod:`.genre`): every sentence looks back at
    ``year``, as in a review of it that never ends.
    """
    targets: list[Target] = []
    milestones: list[Milestone] = []
    lead_in: _LeadIn | None = None
    review: _Review | None = None
    header: tuple[_Column, ...] | None = None  # the columns of the table being read, if any
    for paragraph in body:
        cells = _table_cells(paragraph.text)
        row: list[Target] | None = None
        if cells is not None:
            header, row = _table_row(paragraph, cells, header, year, as_of)
        if row is not None:
            targets.extend(row)
            lead_in = None  # the table was what a lead-in (预期目标如下：) introduced
            continue
        header = None
        for segment, deadlines in _sentences(paragraph, year, as_of):
            opening = _opening(segment.text)
            looks_back, review = _review_state(
                segment.text, opening, deadlines, review, year=year, as_of=as_of
            )
            if results_only:
                looks_back = review = _Review(year)
            quantities = _outside(find_quantities(segment.text), deadlines)
            if not quantities and not _may_hold_milestone(segment.text, deadlines):
                continue  # most sentences: nothing to make a target or a milestone of
            # A communiqué promises nothing: its 计划 and 目标 name plans whose results it reports.
            pledge_words = () if results_only else find_pledge_words(segment.text)
            # In a review of the past, or reporting statistics (同比增长6.2%, 据统计) in a
            # sentence that does not open with what is to be done (要…同比下降30%以上).
            looking_back = looks_back is not None or (
                opening.kind != "forward"
                and bool(
                    _REPORTED_MARK.search(segment.text)
                    or (
                        lead_in is None
                        and not pledge_words
                        and _COMPARED_WITH_LAST_YEAR.search(segment.text)
                    )
                )
            )
            figures = [match for match in quantities if not match.qualifier]
            sentence = _Sentence(
                segment,
                quantities,
                figures,
                [match.start for match in figures],
                deadlines,
                looks_back,
                year,
                lead_in,
                tuple(clause_bounds(segment.text)),
                pledge_words,
                _cuts(deadlines, pledge_words),
                looking_back,
                status_marks(
                    segment.text,
                    deadlines,
                    pledge_words,
                    looking_back,
                    looks_back.year if looks_back is not None else None,
                ),
            )
            targets.extend(_sentence_targets(sentence))
            milestones.extend(_sentence_milestones(sentence))
        lead_in = _next_lead_in(paragraph.text, year, as_of, lead_in)
    return targets, milestones


# ---------------------------------------------------------------------------------------------
# Flattened tables: 指标 | 2023年预计完成 | 2024年目标 | 属性, then one row per indicator.

_CELL_SEPARATOR = regex.compile(r"\s*[|｜]\s*")
_MIN_CELLS = 3  # a row label and at least two columns
_DONE_COLUMN = regex.compile(r"完成|实际|实绩|预计")  # a column of results (2023年预计完成)


@dataclass(frozen=True, slots=True)
class _Column:
    """A table column, read from its header cell: its deadline and whether it holds results."""

    deadline: DeadlineMatch | None
    done: bool


def _table_cells(paragraph: str) -> list[tuple[int, int]] | None:
    """The [start, end) of each cell of a table row written with | separators, else None."""
    if "|" not in paragraph and "｜" not in paragraph:  # most paragraphs: no need to scan
        return None
    separators = list(_CELL_SEPARATOR.finditer(paragraph))
    if len(separators) + 1 < _MIN_CELLS:
        return None
    bounds = [0, *(edge for match in separators for edge in match.span()), len(paragraph)]
    return [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]


def _table_row(
    paragraph: Paragraph,
    cells: list[tuple[int, int]],
    header: tuple[_Column, ...] | None,
    year: int | None,
    as_of: dt.date | None,
) -> tuple[tuple[_Column, ...] | None, list[Target] | None]:
    """The targets of one table row and the header in force after it; None for targets when the
    row is to be read as running text (no header above it, or another number of cells).

    A row without figures is a header; a row under a header with as many cells gives a target for
    each figure: the row's first cell is the metric, the column says the deadline and whether the
    figure is a result (预计完成) or a target.
    """
    text = paragraph.text
    found = [(i, find_quantities(text[start:end])) for i, (start, end) in enumerate(cells)]
    if not any(quantities for _, quantities in found[1:]):
        columns = (_column(text[start:end], year, as_of) for start, end in cells)
        return tuple(columns), []
    if header is None or len(header) != len(cells):
        return None, None
    metric = strip_noise(text[cells[0][0] : cells[0][1]])
    targets = [
        _table_target(paragraph, cells[i], match, metric, header[i])
        for i, quantities in found[1:]
        for match in quantities
        if not match.qualifier
    ]
    return header, targets


def _column(cell: str, year: int | None, as_of: dt.date | None) -> _Column:
    deadlines = sentence_deadlines(cell, year, as_of)
    deadline = deadlines[-1] if deadlines else None
    done = bool(_DONE_COLUMN.search(cell)) or (deadline is not None and deadline.is_past)
    return _Column(deadline, done)


def _table_target(
    paragraph: Paragraph, cell: tuple[int, int], match: QuantityMatch, metric: str, column: _Column
) -> Target:
    """One figure of a table row: its metric is the row's label, its status the column's."""
    deadline = column.deadline
    return Target(
        text={"zh": paragraph.text},
        span=(paragraph.start, paragraph.end),
        metric={"zh": metric},
        quantity=match.quantity,
        comparator=match.comparator,
        deadline=deadline.fields() if deadline else None,
        status=Status.ACHIEVED if column.done else Status.PLEDGE,
    )


def _sentences(
    paragraph: Paragraph, year: int | None, as_of: dt.date | None
) -> list[tuple[Segment, tuple[DeadlineMatch, ...]]]:
    """The sentences of a paragraph, each with its time expressions (offsets in the sentence).

    Time expressions are found in the whole paragraph at once, then dealt out: none spans a
    sentence end, and no character that ends a sentence changes how one is read.
    """
    found = sentence_deadlines(paragraph.text, year, None)
    segments = split_sentences(paragraph.text, paragraph.start)
    if not found:  # most paragraphs: nothing to deal out
        return [(segment, ()) for segment in segments]
    sentences: list[tuple[Segment, tuple[DeadlineMatch, ...]]] = []
    index = 0
    for segment in segments:
        start = segment.start - paragraph.start
        end = start + len(segment.text)
        inside: list[DeadlineMatch] = []
        while index < len(found) and found[index].start < end:
            match = found[index]
            if match.start >= start:
                inside.append(  # a paragraph's first sentence starts where it does
                    # Built directly: dataclasses.replace costs several times more.
                    DeadlineMatch(
                        match.start - start,
                        match.end - start,
                        match.text,
                        match.date,
                        match.is_past,
                        match.kind,
                        match.first,
                        match.relation,
                        match.index,
                    )
                    if start
                    else match
                )
            index += 1
        deadlines = tuple(inside) if as_of is None else ended_before(tuple(inside), year, as_of)
        sentences.append((segment, deadlines))
    return sentences


def _outside(
    quantities: list[QuantityMatch], deadlines: Sequence[DeadlineMatch]
) -> tuple[QuantityMatch, ...]:
    """The quantities that are not part of a time expression (今明两年, 用3年时间, 三年内)."""
    if not deadlines:
        return tuple(quantities)
    return tuple(
        q for q in quantities if not any(d.start <= q.start and q.end <= d.end for d in deadlines)
    )


def _next_lead_in(
    paragraph: str, year: int | None, as_of: dt.date | None, current: _LeadIn | None
) -> _LeadIn | None:
    """The lead-in in force after ``paragraph``.

    A paragraph ending in a colon (主要预期目标是：) opens a list whose items are the next
    paragraphs; its deadline and pledge word govern them until an item ends a sentence (。).
    """
    # Cheap test first: a list opener's last visible character is its colon.
    if paragraph.rstrip()[-1:] in ("：", ":") and _LIST_OPENER.search(paragraph):
        opener = split_sentences(paragraph)[-1].text  # the sentence that ends with the colon
        deadlines = [d for d in sentence_deadlines(opener, year, as_of) if not d.is_past]
        deadline = deadlines[-1] if deadlines else None
        return _LeadIn(
            deadline,
            commitment_for(opener, len(opener)),
        )
    if current is not None and not _SENTENCE_FINAL.search(paragraph):
        return current
    return None


class _Opening(NamedTuple):
    """Where a sentence's own words begin (after 王振国指出，) and how they open (see _OPENING)."""

    begin: int
    kind: str | None  # "last_year", "review", "forward", "heading" or None (any other first word)


def _opening(sentence: str) -> _Opening:
    lead = _SPEECH_LEAD.match(sentence)
    begin = lead.end() if lead else 0
    # The reach is the end of the text for lookaheads, too.
    opener = _OPENING.match(sentence, begin, begin + _OPENING_REACH)
    return _Opening(begin, opener.lastgroup if opener is not None else None)


def _review_state(  # noqa: PLR0911 (one return per way a sentence stands to a review)
    sentence: str,
    opening: _Opening,
    deadlines: Sequence[DeadlineMatch],
    previous: _Review | None,
    *,
    year: int | None,
    as_of: dt.date | None,
) -> tuple[_Review | None, _Review | None]:
    """The review a sentence belongs to, and the review still going on after it.

    A review opener (过去一年…, 去年…, 2022年… in a 2023 article) starts a review of that year
    which goes on over the following sentences and paragraphs until one turns to the future
    (今年…, 我们将…, 开局之年，南和区将…, 主要预期目标是：…). A past period inside the opening
    words (今年以来, 截至3月底) looks back for its own sentence only. Words that only say who
    speaks (王振国指出，2023年…; an interview's 黄志坚：一年来…) come before the opening.
    """
    if opening.kind in ("last_year", "review"):
        reviewed = _Review(_reviewed_year(opening.kind, year, as_of))
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
        review = _Review(first.date.year if first.date else None) if first.is_past else None
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
        review = _Review(_reviewed_year("review", year, as_of) if first.kind == "past" else None)
        return review, review
    if periods and periods[0].is_past:
        return _Review(None), previous
    if periods or opening.kind:  # a turn to the year ahead
        return None, None
    # So is a heading of the plan in the first words (开局之年，南和区将…); with no review in
    # progress there is none to end, and the search is spared.
    if previous is not None and _HEADING.search(sentence, begin + 1, begin + _OPENING_REACH):
        return None, None
    return previous, previous


_SPANS_TO_NOW = frozenset({"past", "since"})  # 一年来, 截至目前; 今年以来, “十四五”以来


def _closes_first_clause(sentence: str, period: DeadlineMatch) -> bool:
    """Whether ``period`` is a span up to now that ends the sentence's first clause."""
    return period.kind in _SPANS_TO_NOW and sentence[period.end : period.end + 1] in ("，", ",")


def _reviewed_year(kind: str, year: int | None, as_of: dt.date | None) -> int | None:
    """The year a review opener looks back on: 去年 is last year; 过去一年, 一年来 and 这一年 are the
    year gone, which in an issue of December is the article's own year (a year-end review)."""
    if year is None:
        return None
    if kind == "review" and as_of is not None and as_of.year == year and as_of.month == 12:
        return year
    return year - 1


def _sentence_targets(sentence: _Sentence) -> list[Target]:
    """Targets of one sentence, in text order."""
    text = sentence.segment.text
    counted = [
        match
        for match in sentence.quantities
        if not match.qualifier and not _is_time_window(text, match)
    ]
    targets: list[Target] = []
    previous_metric, previous_piece_end = "", -1
    offset = sentence.segment.start
    for index, match in enumerate(counted):
        piece_start, piece_end = _piece_bounds(sentence, match)
        metric = _metric(sentence, match, piece_start, counted)
        if not metric or _BARE_PREDICATE.match(metric):
            metric = _inherited(previous_metric) + metric
        elif _listed_after(sentence, previous_piece_end, piece_start, counted, index):
            metric = _shared_verb(previous_metric, metric)
        previous_metric, previous_piece_end = metric, piece_end
        deadline = _deadline_for(sentence, match.start) or _lead(sentence).deadline
        status = _status_for(sentence, match)
        targets.append(
            Target(
                # Plain dicts for the Bilingual fields: pydantic builds them inside the one
                # validation of the Target, cheaper than a model of their own each.
                text={"zh": text[piece_start:piece_end]},
                span=(offset + piece_start, offset + piece_end),
                metric={"zh": metric},
                quantity=match.quantity,
                comparator=match.comparator,
                deadline=deadline.fields() if deadline is not None else None,
                period=_period_for(sentence, deadline, status),
                commitment=_sentence_commitment(sentence, match.start)
                or _lead(sentence).commitment,
                status=status,
            )
        )
    return targets


# Kinds of a deadline's period that say nothing of when a figure's period ends.
_ENDLESS_KINDS = frozenset({"past", "unplaced", "since"})


def _period_for(
    sentence: _Sentence, deadline: DeadlineMatch | None, status: Status
) -> dict[str, object] | None:
    """The period a figure is about: its deadline's; else, for a result in a review, the year
    reviewed; for a pledge, the article's year (an undated pledge of a statement or a work report
    falls due at the year's end). None for background figures and when no year is known."""
    if deadline is not None and deadline.kind not in _ENDLESS_KINDS:
        return deadline.period_fields()
    if status is Status.CONTEXT:
        return None
    if status is Status.ACHIEVED:
        year, source = (sentence.review.year if sentence.review else None), "review"
    else:
        year, source = sentence.year, "article"
    if year is None:
        return None
    return {
        "kind": "year",
        "start": dt.date(year, 1, 1),
        "end": dt.date(year, 12, 31),
        "source": source,
    }


_NO_LEAD_IN = _LeadIn(None, None)


def _is_time_window(text: str, match: QuantityMatch) -> bool:
    """签约项目6个月内开工率不低于80%: a window that qualifies the metric, not a figure."""
    return match.quantity.base_unit in TIME_BASE_UNITS and bool(
        _WINDOW_AFTER.match(text, match.end)
    )


def _lead(sentence: _Sentence) -> _LeadIn:
    return sentence.lead_in or _NO_LEAD_IN


def _sentence_milestones(sentence: _Sentence) -> list[Milestone]:
    """Clauses that carry a deadline and a completion verb but no number."""
    milestones: list[Milestone] = []
    if not sentence.deadlines:
        return milestones
    text = sentence.segment.text
    for start, end in sentence.clauses:
        deadline: DeadlineMatch | None = None
        for candidate in sentence.deadlines:
            if start <= candidate.start and candidate.end <= end:
                deadline = candidate  # the last one inside the clause
        if deadline is None:
            continue  # cheapest test first: most clauses hold no deadline
        after = bisect_left(sentence.figure_starts, start)  # the first figure from the start on
        if after < len(sentence.figure_starts) and sentence.figure_starts[after] < end:
            continue
        if in_quotes(text, deadline.start):
            continue
        if not milestone_verb_pattern().search(text, deadline.end, end):
            continue
        offset = sentence.segment.start
        milestones.append(
            Milestone(
                text={"zh": text[start:end]},
                span=(offset + start, offset + end),
                deadline=deadline.fields(),
                period=deadline.period_fields() if deadline.kind not in _ENDLESS_KINDS else None,
                commitment=_sentence_commitment(sentence, deadline.start),
                status=Status.ACHIEVED
                if deadline.is_past
                else _status_at(sentence, deadline.start),
            )
        )
    return milestones


def _may_hold_milestone(text: str, deadlines: Sequence[DeadlineMatch]) -> bool:
    """Whether a completion verb follows a deadline (see _sentence_milestones): a cheap test that
    spares the rest of the work on a sentence with a time word and no figure (全年新跨越)."""
    return bool(deadlines) and bool(
        milestone_verb_pattern().search(text, min(d.end for d in deadlines))
    )


def _piece_bounds(sentence: _Sentence, match: QuantityMatch) -> tuple[int, int]:
    """The clause around a quantity, narrowed to its item when 、 separates quantities."""
    text = sentence.segment.text
    for start, end in sentence.clauses:
        if start <= match.start < end:
            break
    else:  # the match starts on punctuation: keep the match alone
        return match.start, match.end
    # The figures just before and after it, if in the clause: figures come in text order, and
    # spans never overlap, so ``match`` is found by where it starts.
    figures = sentence.figures
    index = bisect_left(sentence.figure_starts, match.start)
    if index and figures[index - 1].start >= start:
        comma = text.rfind("、", figures[index - 1].end, match.start)
        start = comma + 1 if comma >= 0 else start
    if index + 1 < len(figures) and figures[index + 1].start < end:
        comma = text.find("、", match.end, figures[index + 1].start)
        end = comma if comma >= 0 else end
    return start, end


def _metric(
    sentence: _Sentence, match: QuantityMatch, piece_start: int, counted: list[QuantityMatch]
) -> str:
    """What a quantity counts: the words before it, or the noun a count introduces."""
    subject = _distributed_subject(sentence, match, counted)
    if subject:
        return subject
    text = sentence.segment.text
    begin = max(piece_start, _end_of_previous(text, match, piece_start, counted))
    before = _narrow(strip_noise(_remove_spans(text, begin, match.start, sentence)))
    after = text[match.end :]
    if after.startswith("的"):  # 1850亿元的340个产业项目, 30多亿元的项目资金
        head = _head_noun_after_next_quantity(text, match, counted)
        if not head and not before and (noun := _NOUN_AFTER.match(after, 1)):
            head = noun["noun"]
        return strip_noise(head + before) if head else before
    return _metric_with_noun_after(before, after, match.quantity.base_unit)


def _metric_with_noun_after(before: str, after: str, unit: str) -> str:
    """A count or a measure names its noun after the figure: 开工53个新项目, 打造15公里滨海景观带."""
    if unit in _MEASURED_UNITS and len(before) <= 2:
        noun = _NOUN_AFTER.match(after)
        return strip_noise(before + noun["noun"]) if noun else before
    if unit == "percent" and not before:  # 三成以上规上企业完成数字化改造: a share of the noun
        noun = _NOUN_AFTER.match(after)
        return strip_noise(noun["noun"]) if noun else before
    if unit not in COUNTED_BASE_UNITS:
        return before
    described = _DESCRIBED_NOUN.match(after) if after[:1] in _DESCRIBED_NOUN_FIRST else None
    if described:  # 73个总投资1000亿元…的“重中之重”项目 → “重中之重”项目
        return described["noun"]
    noun = _NOUN_AFTER.match(after)
    if not noun:
        return before
    verb = before if len(before) <= _MAX_VERB_LENGTH and not _LIGHT_VERB.fullmatch(before) else ""
    return strip_noise(verb + noun["noun"])


def _end_of_previous(
    text: str, match: QuantityMatch, piece_start: int, counted: list[QuantityMatch]
) -> int:
    """Where the previous figure of the piece ends, with the noun it introduces (10个指挥部、)."""
    last: QuantityMatch | None = None
    for quantity in counted:
        if piece_start <= quantity.end <= match.start:
            last = quantity  # the last one before
    if last is None:
        return 0
    if text[last.end : last.end + 1] in _DESCRIBED_NOUN_FIRST and _DESCRIBED_NOUN.match(
        text, last.end
    ):  # 73个总投资1000亿元: 总投资 names the next figure
        return last.end
    noun = _NOUN_AFTER.match(text, last.end, match.start)
    if noun and last.quantity.base_unit in COUNTED_BASE_UNITS:
        return noun.end()
    return last.end


def _narrow(before: str) -> str:
    """Keep the part of the words before a figure that names it."""
    if "等" in before:  # 万华乙烯二期…等总投资 → 总投资
        before = before.rsplit("等", 1)[1]
    investment = _INVESTMENT_HEAD.search(before) if "投资" in before else None
    if investment:  # 强力推进总投资 → 总投资
        before = before[investment.start() :]
    achieve = before.rfind("实现")
    if 0 <= achieve < len(before) - 2:  # 助力烟台实现地区生产总值 → 地区生产总值
        before = before[achieve + 2 :]
    return before


def _distributed_subject(
    sentence: _Sentence, match: QuantityMatch, counted: list[QuantityMatch]
) -> str:
    """高新技术企业、科技型中小企业分别达到600家和1000家: the subject for each number."""
    text = sentence.segment.text
    if "分别" not in text:  # the common case, settled without finding the clause
        return ""
    clause_start = max((s for s, _ in sentence.clauses if s <= match.start), default=0)
    head = text[clause_start : match.start]
    if "分别" not in head:
        return ""
    subjects_text = _remove_spans(text, clause_start, clause_start + head.index("分别"), sentence)
    subjects = _shared_head(
        [s for s in (strip_noise(p) for p in _LIST_SPLIT.split(subjects_text)) if s]
    )
    siblings = [
        q for q in counted if clause_start <= q.start and "分别" in text[clause_start : q.start]
    ]
    if len(subjects) != len(siblings) or match not in siblings:
        return ""
    return subjects[siblings.index(match)]


def _shared_head(subjects: list[str]) -> list[str]:
    """电力装备、节能环保两大产业集群营业收入 → 电力装备产业集群营业收入, 节能环保产业集群营业收入:
    a head after 两大/三大 that counts the items belongs to each of them; so does the rest of the
    last item after two-character items (城镇、农村居民人均可支配收入)."""
    if len(subjects) < 2:
        return subjects
    counted = _COUNTED_HEAD.fullmatch(subjects[-1])
    if counted is not None and _SMALL_COUNTS.get(counted["count"]) == len(subjects):
        head = counted["head"]
        return [subject + head for subject in subjects[:-1]] + [counted["item"] + head]
    # 城镇、农村居民人均可支配收入: items of two characters share the rest of the last one.
    last = subjects[-1]
    if all(len(subject) == _MODIFIER_LENGTH for subject in subjects[:-1]) and len(last) > 4:
        head = last[_MODIFIER_LENGTH:]
        return [subject + head for subject in subjects[:-1]] + [last]
    return subjects


def _head_noun_after_next_quantity(
    text: str, match: QuantityMatch, counted: list[QuantityMatch]
) -> str:
    """总投资1850亿元的340个产业项目 → 产业项目 (the noun the 的-phrase describes)."""
    later = [q for q in counted if q.start > match.end]
    if not later or not _DE_LINK.fullmatch(text, match.end, later[0].start):
        return ""
    noun = _NOUN_AFTER.match(text[later[0].end :])
    return noun.group() if noun else ""


def _remove_spans(text: str, begin: int, end: int, sentence: _Sentence) -> str:
    """The text between begin and end without deadlines, pledge words and qualifier-free noise."""
    kept: list[str] = []
    position = begin
    for start, stop in sentence.cuts:  # sorted once per sentence
        if begin <= start and stop <= end and start >= position:
            kept.append(text[position:start])
            position = stop
    if not kept:  # the common case
        return text[begin:end]
    kept.append(text[position:end])
    return "".join(kept)


def _cuts(
    deadlines: Sequence[DeadlineMatch], pledge_words: Sequence[PledgeWord]
) -> tuple[tuple[int, int], ...]:
    """The spans a metric leaves out, sorted: deadlines and pledge words."""
    spans = [(d.start, d.end) for d in deadlines] + [(w.start, w.end) for w in pledge_words]
    return tuple(sorted(spans))


def _listed_after(
    sentence: _Sentence,
    previous_end: int,
    start: int,
    counted: list[QuantityMatch],
    index: int,
) -> bool:
    """Whether the count ``counted[index]`` follows another count of the same 、 list."""
    return (
        index > 0
        and sentence.segment.text[previous_end:start] == "、"
        and counted[index - 1].quantity.base_unit in COUNTED_BASE_UNITS
        and counted[index].quantity.base_unit in COUNTED_BASE_UNITS
    )


def _shared_verb(previous_metric: str, metric: str) -> str:
    """新增规上工业企业30家、上市公司2—3家: the second item is also 新增 (new)."""
    verb = _LEADING_VERB.match(previous_metric)
    if verb is None or _LEADING_VERB.match(metric):
        return metric
    return verb.group() + metric


def _inherited(previous_metric: str) -> str:
    """A bare 突破300亿元 continues the subject before it: 地区生产总值增长 → 地区生产总值."""
    return _GROWTH_TAIL.sub("", previous_metric)


def _deadline_for(sentence: _Sentence, position: int) -> DeadlineMatch | None:
    """The nearest deadline before ``position`` in the sentence, else one after it in its clause."""
    text = sentence.segment.text
    chosen: DeadlineMatch | None = None
    following: DeadlineMatch | None = None  # the first one after
    for deadline in sentence.deadlines:  # in text order
        if deadline.end <= position:
            chosen = deadline  # the last one before
        elif following is None and deadline.start >= position:
            following = deadline
    if chosen is not None:
        if _DEADLINE_BREAK.search(text, chosen.end, position):
            return None
    elif following is None:  # the common case settled without finding the clause
        return None
    else:
        clause_end = next((e for s, e in sentence.clauses if s <= position < e), len(text))
        if following.start >= clause_end:
            return None
        chosen = following
    return _anchored(sentence, chosen)


def _anchored(sentence: _Sentence, chosen: DeadlineMatch) -> DeadlineMatch:
    """年底前 after 2024年 (or 明年) in the same sentence ends that year, whatever the article's
    year; 全年 in a review of last year ends last year unless 今年 comes before it (去年…，今年…，
    一季度…). Only a period of the article's own year moves: a plan's end (“十五五”期间 → 2030) or
    明年 keeps its date."""
    if chosen.date is None or _EXPLICIT_YEAR.search(chosen.text):
        return chosen
    if chosen.date.year != sentence.year:
        return chosen
    named: DeadlineMatch | None = None  # the last year named before it (2024年, 今年, 明年)
    for deadline in reversed(sentence.deadlines):
        if deadline.end <= chosen.start and YEAR_NAMED.search(deadline.text):
            named = deadline
            break
    if named is not None and named.date is not None and not named.is_past:
        return chosen.in_year(named.date.year)
    if sentence.review and sentence.review.year and NEUTRAL_PERIOD.match(chosen.text):
        return chosen.in_year(sentence.review.year)
    return chosen


def _sentence_commitment(sentence: _Sentence, position: int) -> Commitment | None:
    """The last pledge word before ``position`` in the sentence, quotes aside.

    Looking back, an estimate (预计完成365亿元；1至11月…) covers its own ；-clause only: the
    figures after it are statistics, not estimates.
    """
    found: Commitment | None = None
    for word in sentence.pledge_words:
        if word.end > position:
            break  # the words come in text order
        if word.quoted or (
            word.estimate
            and sentence.looking_back
            and _CLAUSE_BREAK.search(sentence.segment.text, word.end, position)
        ):
            continue
        found = word.commitment
    return found


def _status_for(sentence: _Sentence, match: QuantityMatch) -> Status:
    """Status of a figure: a narrated span of time (两天半时间里) is context, else see below."""
    if match.quantity.base_unit in TIME_BASE_UNITS and _NARRATED_TIME.match(
        sentence.segment.text, match.end
    ):
        return Status.CONTEXT
    status = _status_at(sentence, match.start)
    if status is Status.ACHIEVED and not sentence.looking_back and _planned(sentence, match):
        return Status.PLEDGE
    return status


def _planned(sentence: _Sentence, match: QuantityMatch) -> bool:
    """A figure of what an event's projects are to bring: its planned investment (计划总投资,
    年度投资) in its own item, or a projection (达产后, 年可实现) over the rest of its clause."""
    text = sentence.segment.text
    clause_start = max((s for s, _ in sentence.clauses if s <= match.start), default=0)
    if PROJECTION.search(text, clause_start, match.start):
        return True
    item_start = max(clause_start, text.rfind("、", clause_start, match.start) + 1)
    return bool(PLANNED_INVESTMENT.search(text, item_start, match.start))


def _status_at(sentence: _Sentence, position: int) -> Status:
    """Pledge, achieved result or background figure: the last marker before ``position`` decides.

    Markers are pledge words and future deadlines (pledge), past deadlines and words such as
    已/截至/去年 (achieved), and words such as 现有/目前 (context).
    Looking back — in a review of the past or in reported statistics (同比增长, 据统计) — a
    deadline such as 全年 or 一季度 names the period measured and 预计 an estimate, so only
    other pledge words mark a pledge. With no marker, a figure looking back is achieved and any
    other figure is a pledge.
    """
    last, status = -1, None
    for start, end, mark_status in sentence.status_marks:
        if end <= position and start > last:  # strict: on a tie the earlier mark listed wins
            last, status = start, mark_status
    if status is not None:
        return status
    return Status.ACHIEVED if sentence.looking_back else Status.PLEDGE
