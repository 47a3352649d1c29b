"""Pledge words (确保, 力争, 计划, 预计 …): how firmly a sentence promises, and where.

:func:`find_pledge_words` finds them once per sentence; :func:`commitment_for` gives the last one before
a position. A word inside a short quoted name (“力争上游”) is part of the name, not the speaker's
word; a quoted speech or report (“2018年…的主要预期目标是：…”) is the speaker's.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from ..models import Commitment

__all__ = ["PledgeWord", "commitment_for", "find_pledge_words", "in_quotes"]

_COMMITMENT_WORD = regex.compile(
    r"""
    (?P<ensure>确保|保证|务必)                        # firm: "ensure"
    | (?<!对上)(?P<strive>力争|争取|争创|力求|努力)    # best effort (对上争取 is a noun: lobbying)
      (?!更好)                                         # 在实际工作中争取更好结果: a stock aside
    | (?P<plan>(?:(?<!\p{Han})|(?<=[年内前底]))计划(?![，。、”等]|总?投资)  # 计划 opening a clause, not 倍增计划
      |计划(?=今年|年内|明年|全年|到|在|于|[0-9]|新|实施|完成|开工|建设|引进)  # 全省计划今年实施
      |拟|预计|预期|将要|将会|将于|目标是|目标为)  # stated intention
    """,
    regex.VERBOSE,
)

_COMMITMENT_BY_GROUP = {
    "ensure": Commitment.ENSURE,
    "strive": Commitment.STRIVE,
    "plan": Commitment.PLAN,
}


# Pledge words that, in a review of the past, report an estimate rather than promise (预计全年完成).
_ESTIMATE_WORDS = frozenset({"预计", "预期"})


class PledgeWord(NamedTuple):
    """A pledge word of a sentence, with what every figure after it asks of it worked out once."""

    start: int
    end: int
    commitment: Commitment
    estimate: bool  # 预计, 预期: an estimate, not a pledge, when the sentence looks back
    quoted: bool  # inside “…”: part of a name, not the speaker's word


def find_pledge_words(text: str) -> tuple[PledgeWord, ...]:
    """The pledge words of a sentence, found once for all its figures.

    Found in the whole sentence rather than in the text before each figure, so a word reads as
    it does in context (计划 followed by 今年 is a plan, 计划 followed by 等 is not).
    """
    return tuple([_pledge_word(text, match) for match in _COMMITMENT_WORD.finditer(text)])


def _pledge_word(text: str, match: regex.Match[str]) -> PledgeWord:
    start, end = match.span()
    return PledgeWord(
        start,
        end,
        _COMMITMENT_BY_GROUP[str(match.lastgroup)],
        match.group() in _ESTIMATE_WORDS,
        in_quotes(text, start),
    )


def commitment_for(text: str, position: int) -> Commitment | None:
    """The last pledge word before ``position`` in ``text``, quotes aside."""
    found: Commitment | None = None
    for match in _COMMITMENT_WORD.finditer(text, 0, position):
        if not in_quotes(text, match.start()):
            found = _COMMITMENT_BY_GROUP[str(match.lastgroup)]
    return found


# A quoted name is short and holds no clause (“力争上游”, “四送一服”); a longer quote, or one with
# a comma or a sentence end, is speech or a report quoted: its words are the speaker's.
_NAME_QUOTE_MAX = 16
_CLAUSE_MARKS = frozenset("，。；！？,;!?")


def in_quotes(text: str, position: int) -> bool:
    """Whether ``position`` lies inside a short quoted name (“力争上游”) in ``text``."""
    opening = text.rfind("“", 0, position)
    if opening < 0 or text.find("”", opening, position) >= 0:
        return False
    closing = text.find("”", position)
    if closing < 0 or closing - opening - 1 > _NAME_QUOTE_MAX:
        return False
    return _CLAUSE_MARKS.isdisjoint(text[opening + 1 : closing])
