"""Which time expression a figure takes: the nearest one before it in its sentence (else one
after it in its clause), moved to the year the sentence names, or the paragraph's topic period.

Shared by the target and milestone readers of :mod:`.targets`.
"""

from __future__ import annotations

import regex

from .deadlines import YEAR_NAMED, DeadlineMatch
from .periods import PART_YEAR_KINDS
from .sentence_facts import SentenceFacts
from .status import NEUTRAL_PERIOD

__all__ = ["DEADLINE_BREAK", "deadline_for", "topic_for"]

# Words after which a deadline stated earlier no longer applies (未来总投资2000亿元).
DEADLINE_BREAK = regex.compile(r"未来|远期|长远|建成后|达产后|投产后|届时")
# A figure of the whole year (年度计划投资, 全年目标) after a part of it named earlier in the sentence.
_YEARLY_FIGURE = regex.compile(r"年度|全年")

_EXPLICIT_YEAR = regex.compile(r"(?:19|20)[0-9]{2}年")


def deadline_for(sentence: SentenceFacts, position: int) -> DeadlineMatch | None:
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
        if DEADLINE_BREAK.search(text, chosen.end, position):
            return None
        clause_start = sentence.clause_start(position)
        if (
            chosen.kind in PART_YEAR_KINDS
            and chosen.end <= clause_start
            and _YEARLY_FIGURE.search(text, clause_start, position)
        ):
            # 1-6月累计完成…，年度计划投资327.53亿元: the plan is the year's, not the months'
            # (but 上半年完成年度投资计划的55%: the part of the year is the figure's own).
            return next(
                (
                    d
                    for d in reversed(sentence.deadlines)
                    if d.end <= chosen.start and d.kind == "year"
                ),
                None,
            )
    elif following is None:  # the common case settled without finding the clause
        return None
    else:
        clause_end = next((e for s, e in sentence.clauses if s <= position < e), len(text))
        if following.start >= clause_end:
            return None
        chosen = following
    return _anchored(sentence, chosen)


def _anchored(sentence: SentenceFacts, chosen: DeadlineMatch) -> DeadlineMatch:
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


def topic_for(sentence: SentenceFacts, position: int) -> DeadlineMatch | None:
    """The paragraph's topic year for a figure at ``position``, unless a word such as 未来 or
    达产后 before it says the figure is not of that year."""
    topic = sentence.topic
    if topic is None or DEADLINE_BREAK.search(sentence.segment.text, 0, position):
        return None
    return topic
