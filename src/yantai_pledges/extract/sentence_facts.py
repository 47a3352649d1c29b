"""What is known about one sentence while its targets are read: found once, used by every rule."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Commitment
from .deadlines import DeadlineMatch
from .pledge_words import PledgeWord
from .quantities import QuantityMatch
from .reviews import Review
from .sentences import Segment
from .status import StatusMark

__all__ = ["LeadIn", "SentenceFacts"]


@dataclass(frozen=True, slots=True)
class LeadIn:
    """Deadline and pledge word of a paragraph that introduces a list (目标是：)."""

    deadline: DeadlineMatch | None
    commitment: Commitment | None


@dataclass(frozen=True, slots=True)
class _Review:
    """A review of the past in progress: 全年 and 一季度 inside it belong to ``year``."""

    year: int | None


@dataclass(slots=True)  # not frozen: one is built per sentence, and frozen fields cost more
class SentenceFacts:
    """A sentence with the quantities and deadlines found in it (offsets relative to it)."""

    segment: Segment
    quantities: tuple[QuantityMatch, ...]
    figures: list[QuantityMatch]  # the quantities that are not qualifiers, in text order
    figure_starts: list[int]  # where each of them starts, for a binary search
    deadlines: tuple[DeadlineMatch, ...]
    review: Review | None  # the review of the past this sentence belongs to, if any
    year: int | None  # the article's year
    lead_in: LeadIn | None
    topic: DeadlineMatch | None  # a period an earlier sentence of the paragraph opened with
    event_day: DeadlineMatch | None  # the day of the event this sentence reports, if it reports one
    clauses: tuple[tuple[int, int], ...]
    pledge_words: tuple[PledgeWord, ...]  # 确保, 力争, 计划 … in text order
    cuts: tuple[tuple[int, int], ...]  # spans of deadlines and pledge words, sorted: not metrics
    looking_back: bool  # in a review of the past or reported statistics (see targets._status_at)
    status_marks: tuple[StatusMark, ...]  # see status.status_marks
    title_period: DeadlineMatch | None = None  # the part of a year the article's title reports on

    def clause_start(self, position: int) -> int:
        """Where the clause holding ``position`` starts (0 before the first clause)."""
        return max((start for start, _ in self.clauses if start <= position), default=0)
