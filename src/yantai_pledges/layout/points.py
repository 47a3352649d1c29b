"""Points: enumerated paragraphs (一是, （一）, 1.) and thematic heads of a statement.

Part of :mod:`yantai_pledges.layout`; see its docstring for the forms and decisions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import regex

from ..lines import Paragraph
from .parts import PointParts

# Points

_NUMERALS = "一二三四五六七八九十"
_POINT_MARKER = regex.compile(
    rf"""
    (?:                                                     # one named group per marker kind:
        (?P<shi>[{_NUMERALS}]{{1,3}}(?:是要|是|要|则))      # 一是, 二要
      | (?P<di>第[{_NUMERALS}]{{1,3}})(?=[，、,：:\s])     # 第一，
      | (?P<paren_cn>[（(][{_NUMERALS}]{{1,3}}[）)])       # （一）
      | (?P<cn_comma>[{_NUMERALS}]{{1,3}}、)               # 一、
      | (?P<paren_digit>[（(]\d{{1,2}}[）)])               # （1）
      | (?P<digit>\d{{1,2}}(?:[、．]|\.(?!\d)))             # 1. 1、 (not 1.5亿元)
      | (?P<circled>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])            # ①
    )
    [\s，、,：:]*                                           # separators before the lead
    """,
    regex.VERBOSE,
)
_INLINE_MARKER = regex.compile(
    rf"""
    (?<=[：；。:;])                                         # after a clause, inside a paragraph
    (?P<shi>[{_NUMERALS}]{{1,3}}(?:是要|是|要))              # 一是, 二要
    [\s，、,：:]*
    """,
    regex.VERBOSE,
)
# stdlib re for the plain character classes here: it scans them faster than regex.
_LEAD_END = re.compile(
    r"""
    [。；：！？;:!?]                                        # the lead runs to the first of these
    """,
    re.VERBOSE,
)
# A thematic head: the first sentence is at most this long, without a comma.
_THEMATIC_LEAD_MAX = 32
_THEMATIC_LEAD_MIN = 4
_THEMATIC_LEAD_END = re.compile(
    r"""
    [。！]                                                  # the first sentence of a paragraph
    """,
    re.VERBOSE,
)
_NOT_IN_THEMATIC_LEAD = re.compile(
    r"""
    [，,；：:？]                          # a clause or a question: a sentence, not a lead
    """,
    re.VERBOSE,
)


def starts_with_point_marker(text: str) -> bool:
    """Whether a paragraph starts with an enumeration marker (一是, （一）, 1. …)."""
    match = _POINT_MARKER.match(text)
    return match is not None and match.end() < len(text)


def _may_hold_inline_marker(text: str) -> bool:
    """Whether ``text`` has a 是 or 要 after a numeral past its first two characters, as every
    inline marker (：二是) does: two ``str.find`` scans instead of a pattern tried at every
    character."""
    for word in "是要":
        found = text.find(word, 2)
        while found >= 0:
            if text[found - 1] in _NUMERALS:
                return True
            found = text.find(word, found + 1)
    return False


def _marker_kind(match: regex.Match[str]) -> str:
    """The kind of a marker (shi, di, paren_cn …): the one named group that matched, whose text
    is the marker (looking it up by name is cheaper than ``groupdict``)."""
    kind = match.lastgroup
    if kind is None:  # not reached: every marker alternative is a named group
        raise ValueError(f"a point marker without a kind: {match.group()!r}")
    return kind


def _family(match: regex.Match[str], kind: str) -> str:
    """The marker family: 一是 and 二是 are one family, 一要 another, （一） another."""
    if kind == "shi":
        numbered: str = match.group("shi")
        return "shi:" + numbered.lstrip(_NUMERALS)
    return kind


def _lead(paragraph: Paragraph, lead_start: int) -> tuple[str, int, int] | None:
    """The lead phrase from ``lead_start`` (an index into the paragraph) to the first 。；：！？."""
    end_match = _LEAD_END.search(paragraph.text, lead_start)
    lead_end = end_match.start() if end_match else len(paragraph.text)
    segment = paragraph.text[lead_start:lead_end]
    lead = segment.strip()
    if not lead:
        return None
    offset = lead_start + len(segment) - len(segment.lstrip())
    return lead, paragraph.start + offset, paragraph.start + offset + len(lead)


def find_points(body: Sequence[Paragraph]) -> tuple[PointParts, ...]:
    """The points of a statement's body, in order (see the module docstring)."""
    enumerated: list[tuple[str, PointParts]] = []
    for index, paragraph in enumerate(body):
        matches = []
        head = _POINT_MARKER.match(paragraph.text)
        if head is not None:
            matches.append(head)
        if _may_hold_inline_marker(paragraph.text):
            matches.extend(_INLINE_MARKER.finditer(paragraph.text))
        for match in matches:
            lead = _lead(paragraph, match.end())
            if lead is not None:
                marker_kind = _marker_kind(match)
                point = PointParts(match.group(marker_kind), lead[0], index, lead[1], lead[2])
                enumerated.append((_family(match, marker_kind), point))
    if enumerated:
        family = enumerated[0][0]
        return tuple(point for kind, point in enumerated if kind == family)
    return _thematic_heads(body)


def _thematic_heads(body: Sequence[Paragraph]) -> tuple[PointParts, ...]:
    """Paragraphs opening with a short lead sentence, if at least two do."""
    heads: list[PointParts] = []
    for index, paragraph in enumerate(body):
        end = _THEMATIC_LEAD_END.search(paragraph.text, 0, _THEMATIC_LEAD_MAX + 1)
        stop = end.start() if end else -1
        if (
            stop < _THEMATIC_LEAD_MIN
            or len(paragraph.text) - stop < 2 * _THEMATIC_LEAD_MIN
            or _NOT_IN_THEMATIC_LEAD.search(paragraph.text, 0, stop) is not None
        ):
            continue
        lead = paragraph.text[:stop]
        heads.append(PointParts("", lead, index, paragraph.start, paragraph.start + stop))
    return tuple(heads) if len(heads) >= 2 else ()
