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
from bisect import bisect_left
from collections.abc import Sequence

import regex

from ..lexicon.indicators import indicator_fields
from ..lexicon.marks import CLOSING_MARKS_CLASS
from ..lexicon.milestones import milestone_verb_pattern
from ..lexicon.units import TIME_BASE_UNITS
from ..lines import Paragraph
from ..models import Bilingual, Commitment, Milestone, Quantity, Status, Target
from .deadlines import DeadlineMatch, ended_before, sentence_deadlines
from .distributive import distribution
from .figure_deadlines import deadline_for, topic_for
from .metrics import cuts, pieces
from .periods import ENDLESS_KINDS
from .pledge_words import PledgeWord, commitment_for, find_pledge_words, in_quotes
from .quantities import QuantityMatch, find_quantities
from .reviews import Review, read_opening, review_state
from .sentence_facts import LeadIn, SentenceFacts
from .sentences import Segment, clause_bounds, split_sentences
from .status import (
    PLANNED_INVESTMENT,
    PROJECTION,
    is_plan_share,
    reports_event,
    status_marks,
)
from .tables import Column, table_cells, table_row

_WINDOW_AFTER = regex.compile(r"[内里](?=\p{Han})")  # 6个月内开工率: the noun goes on
_NARRATED_TIME = regex.compile(r"(?:时间)?(?:里|来|以来|中)")

_CLAUSE_BREAK = regex.compile(r"[；;]")  # where an estimate's reach ends in a review

_LIST_OPENER = regex.compile(r"[：:]\s*$")
_SENTENCE_FINAL = regex.compile(rf"[。！？!?][{CLOSING_MARKS_CLASS}]*\s*$")

# A change against last year's figure (比上年增长2.5%): reported statistics in a sentence that no
# pledge word governs and no list of targets (主要预期目标：) introduces.
_COMPARED_WITH_LAST_YEAR = regex.compile(
    r"[比较](?:上年|去年)(?:同期)?(?:增长|下降|增加|减少|上涨|提高)"
)
# Reported statistics (同比增长6.2%, 据统计): past results when nothing in the sentence pledges.
_REPORTED_MARK = regex.compile(r"同比|据统计|统计数据|数据显示|监测数据|初步核算|按可比价格计算")


def extract_targets(
    body: Sequence[Paragraph],
    year: int | None,
    *,
    as_of: dt.date | None = None,
    results_only: bool = False,
    title_period: DeadlineMatch | None = None,
) -> tuple[list[Target], list[Milestone]]:
    """Find every target and milestone in the body paragraphs of one statement.

    ``as_of`` is the date the article was published, if known: a period that ended before it
    (一季度 in an April report) points back, as 去年 does. ``results_only``: the text reports
    results only (a statistical communiqué, see :mod:`.genre`): every sentence looks back at
    ``year``, as in a review of it that never ends. ``title_period``: the part of a year the
    article's title reports on (:func:`.genre.title_period`), the period of results that name none.
    """
    targets: list[Target] = []
    milestones: list[Milestone] = []
    lead_in: LeadIn | None = None
    review: Review | None = None
    header: tuple[Column, ...] | None = None  # the columns of the table being read, if any
    event_day: DeadlineMatch | None = None  # the day the statement's event took place, once named
    for paragraph in body:
        cells = table_cells(paragraph.text)
        row: list[Target] | None = None
        if cells is not None:
            header, row = table_row(paragraph, cells, header, year, as_of)
        if row is not None:
            targets.extend(row)
            lead_in = None  # the table was what a lead-in (预期目标如下：) introduced
            continue
        header = None
        topic: DeadlineMatch | None = None  # the period a sentence of the paragraph opened with
        reported = False  # whether the paragraph's last sentence with figures reported statistics
        for segment, deadlines in _sentences(paragraph, year, as_of):
            opening = read_opening(segment.text)
            looks_back, review = review_state(
                segment.text, opening, deadlines, review, year=year, as_of=as_of
            )
            topic = _next_topic(
                topic,
                _topic_period(segment.text, opening.begin, deadlines),
                opening.kind,
                looks_back,
            )
            if results_only:
                looks_back = review = Review(year)
            if opening.kind in ("forward", "heading"):
                reported = False  # the text turns to what is to be done
            quantities = _outside(find_quantities(segment.text), deadlines)
            if not quantities and not _may_hold_milestone(segment.text, deadlines):
                continue  # most sentences: nothing to make a target or a milestone of
            # A communiqué promises nothing: its 计划 and 目标 name plans whose results it reports.
            pledge_words = () if results_only else find_pledge_words(segment.text)
            # Reporting statistics (同比增长6.2%, 据统计) in a sentence that does not open with what
            # is to be done (要…同比下降30%以上); the paragraph's next sentences go on reporting
            # (…同比增长6.1%。分产业看，第一产业增加值18.30亿元) until one names a time or a pledge.
            reported = _reports_statistics(segment.text, opening.kind, pledge_words, lead_in) or (
                reported and not deadlines and not pledge_words
            )
            looking_back = (
                looks_back is not None
                or reported
                # A sentence naming no time nor pledge continues a past topic (上半年，…。种植…).
                or (topic is not None and topic.is_past and not deadlines and not pledge_words)
            )
            # Whether the sentence reports the statement's event: asked only once a day is named.
            event = (event_day is not None or any(map(_is_event_day, deadlines))) and (
                reports_event(segment.text)
            )
            if event and event_day is None:
                event_day = next((d for d in deadlines if _is_event_day(d)), None)
            figures = [match for match in quantities if not match.qualifier]
            sentence = SentenceFacts(
                segment,
                quantities,
                figures,
                [match.start for match in figures],
                deadlines,
                looks_back,
                year,
                lead_in,
                topic,
                event_day if event else None,
                tuple(clause_bounds(segment.text)),
                pledge_words,
                cuts(deadlines, pledge_words),
                looking_back,
                status_marks(
                    segment.text,
                    deadlines,
                    pledge_words,
                    looking_back,
                    looks_back.year if looks_back is not None else None,
                ),
                title_period,
            )
            targets.extend(_sentence_targets(sentence))
            milestones.extend(_sentence_milestones(sentence))
        lead_in = _next_lead_in(paragraph.text, year, as_of, lead_in)
    return targets, milestones


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
    paragraph: str, year: int | None, as_of: dt.date | None, current: LeadIn | None
) -> LeadIn | None:
    """The lead-in in force after ``paragraph``.

    A paragraph ending in a colon (主要预期目标是：) opens a list whose items are the next
    paragraphs; its deadline and pledge word govern them until an item ends a sentence (。).
    """
    # Cheap test first: a list opener's last visible character is its colon.
    if paragraph.rstrip()[-1:] in ("：", ":") and _LIST_OPENER.search(paragraph):
        opener = split_sentences(paragraph)[-1].text  # the sentence that ends with the colon
        deadlines = [d for d in sentence_deadlines(opener, year, as_of) if not d.is_past]
        deadline = deadlines[-1] if deadlines else None
        return LeadIn(
            deadline,
            commitment_for(opener, len(opener)),
        )
    if current is not None and not _SENTENCE_FINAL.search(paragraph):
        return current
    return None


def _sentence_targets(sentence: SentenceFacts) -> list[Target]:
    """Targets of one sentence, in text order."""
    text = sentence.segment.text
    counted = [
        match
        for match in sentence.quantities
        if not match.qualifier and not _is_time_window(text, match)
    ]
    targets: list[Target] = []
    offset = sentence.segment.start
    previous: tuple[DeadlineMatch | None, Status] | None = None
    for index, (match, (piece_start, piece_end, metric)) in enumerate(
        zip(counted, pieces(sentence, counted), strict=True)
    ):
        deadline = (
            deadline_for(sentence, match.start)
            or _lead(sentence).deadline
            or topic_for(sentence, match.start)
        )
        status = _status_for(sentence, match)
        if previous is not None and is_plan_share(metric, match.quantity.base_unit):
            # 完成投资362.32亿元，占年计划投资的64.49%: the share is of the figure before it.
            deadline = deadline_for(sentence, match.start) or previous[0]
            status = previous[1]
        previous = (deadline, status)
        targets.append(
            Target(
                # Plain dicts for the Bilingual fields: pydantic builds them inside the one
                # validation of the Target, cheaper than a model of their own each.
                text={"zh": text[piece_start:piece_end]},
                span=(offset + piece_start, offset + piece_end),
                metric={"zh": metric},
                quantity=_per_item(sentence, counted, index),
                comparator=match.comparator,
                deadline=deadline.fields() if deadline is not None else None,
                period=_period_for(sentence, deadline, status),
                commitment=_sentence_commitment(sentence, match.start)
                or _lead(sentence).commitment,
                status=status,
                indicator=indicator_fields(metric, match.quantity.base_unit),
            )
        )
    return targets


def _per_item(sentence: SentenceFacts, counted: Sequence[QuantityMatch], index: int) -> Quantity:
    """The figure's quantity, with ``per`` set when 各/每/分别 make it a per-item figure (a copy:
    the scanner's quantities are shared)."""
    match = counted[index]
    clause_start = sentence.clause_start(match.start)
    clause_end = next(
        (end for start, end in sentence.clauses if start <= match.start < end),
        len(sentence.segment.text),
    )
    next_figure = counted[index + 1].start if index + 1 < len(counted) else None
    per = distribution(
        sentence.segment.text,
        clause_start,
        match.start,
        clause_end=clause_end,
        next_figure=next_figure,
    )
    if per is None:
        return match.quantity
    return match.quantity.model_copy(update={"per": Bilingual(zh=per)})


def _period_for(
    sentence: SentenceFacts, deadline: DeadlineMatch | None, status: Status
) -> dict[str, object] | None:
    """The period a figure is about: its deadline's; else, for a result in a review, the year
    reviewed; for a pledge, the article's year (an undated pledge of a statement or a work report
    falls due at the year's end). None for background figures and when no year is known."""
    if deadline is not None and deadline.kind not in ENDLESS_KINDS:
        return deadline.period_fields()
    if status is Status.CONTEXT:
        return None
    if status is Status.ACHIEVED and sentence.review is None and sentence.event_day is not None:
        return sentence.event_day.period_fields()  # the figures of the day's signing
    reported = sentence.title_period
    if (
        status is Status.ACHIEVED
        and reported is not None
        and (sentence.review is None or sentence.review.year == _year(reported))
    ):
        return reported.period_fields()  # 衡南县：上半年经济运行稳中向好 … 新增规上企业2家
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


def _year(deadline: DeadlineMatch) -> int | None:
    return deadline.date.year if deadline.date is not None else None


_NO_LEAD_IN = LeadIn(None, None)


# Kinds of period a sentence can open with as its topic (2024年，… ; 上半年，…).
_TOPIC_KINDS = frozenset({"year", "half", "quarter", "quarters", "months", "month"})


def _topic_period(
    sentence: str, begin: int, deadlines: Sequence[DeadlineMatch]
) -> DeadlineMatch | None:
    """A period the sentence opens with as its topic (2024年，我们将…; 今年，…; 上半年，…), which
    governs the figures of the paragraph's later sentences that name no time of their own (…。预期
    目标是，地区生产总值增长7% ; 上半年，…。种植水稻68万亩): a pledge's deadline, or, once the period
    is over, the period a result reports."""
    first = deadlines[0] if deadlines else None
    if (
        first is None
        or first.start != begin
        or first.kind not in _TOPIC_KINDS
        or sentence[first.end : first.end + 1] not in ("，", ",")
    ):
        return None
    return first


def _reports_statistics(
    sentence: str,
    opening_kind: str | None,
    pledge_words: Sequence[PledgeWord],
    lead_in: LeadIn | None,
) -> bool:
    """Whether a sentence reports statistics: 同比, 据统计 …, or a change against last year's
    figure (比上年增长2.5%) that no pledge word governs and no list of targets introduces."""
    if opening_kind == "forward":
        return False
    if _REPORTED_MARK.search(sentence):
        return True
    return lead_in is None and not pledge_words and bool(_COMPARED_WITH_LAST_YEAR.search(sentence))


def _is_event_day(deadline: DeadlineMatch) -> bool:
    """A day an event took place on (1月14日，…集中签约): a dated day, not a deadline (前, 底)."""
    return deadline.kind == "day" and deadline.relation == "in" and deadline.date is not None


def _next_topic(
    topic: DeadlineMatch | None,
    own: DeadlineMatch | None,
    opening_kind: str | None,
    review: Review | None,
) -> DeadlineMatch | None:
    """The topic in force for a sentence: its own, unless it opens a review (which then governs);
    else the paragraph's, until a sentence turns away from it (to the year ahead from a past
    topic: 下一步，将…; into a review from a future one)."""
    if own is not None:
        return own if review is None else None
    if topic is None:
        return None
    if topic.is_past:
        return None if opening_kind in ("forward", "heading") else topic
    return topic if review is None else None


def _is_time_window(text: str, match: QuantityMatch) -> bool:
    """签约项目6个月内开工率不低于80%: a window that qualifies the metric, not a figure."""
    return match.quantity.base_unit in TIME_BASE_UNITS and bool(
        _WINDOW_AFTER.match(text, match.end)
    )


def _lead(sentence: SentenceFacts) -> LeadIn:
    return sentence.lead_in or _NO_LEAD_IN


def _sentence_milestones(sentence: SentenceFacts) -> list[Milestone]:
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
                period=deadline.period_fields() if deadline.kind not in ENDLESS_KINDS else None,
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


def _sentence_commitment(sentence: SentenceFacts, position: int) -> Commitment | None:
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


def _status_for(sentence: SentenceFacts, match: QuantityMatch) -> Status:
    """Status of a figure: a narrated span of time (两天半时间里) is context, else see below."""
    if match.quantity.base_unit in TIME_BASE_UNITS and _NARRATED_TIME.match(
        sentence.segment.text, match.end
    ):
        return Status.CONTEXT
    status = _status_at(sentence, match.start)
    if status is Status.ACHIEVED and not sentence.looking_back and _planned(sentence, match):
        return Status.PLEDGE
    return status


def _planned(sentence: SentenceFacts, match: QuantityMatch) -> bool:
    """A figure of what an event's projects are to bring: its planned investment (计划总投资,
    年度投资) in its own item, or a projection (达产后, 年可实现) over the rest of its clause."""
    text = sentence.segment.text
    clause_start = sentence.clause_start(match.start)
    if PROJECTION.search(text, clause_start, match.start):
        return True
    item_start = max(clause_start, text.rfind("、", clause_start, match.start) + 1)
    return bool(PLANNED_INVESTMENT.search(text, item_start, match.start))


def _status_at(sentence: SentenceFacts, position: int) -> Status:
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
