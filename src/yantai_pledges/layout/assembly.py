"""Statement assembly: each paragraph classified (speaker, date, credit, heading, furniture or
body line), and a statement block built from its lines; :mod:`.forms` groups the lines.

Part of :mod:`yantai_pledges.layout`; see its docstring for the forms and decisions.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Sequence
from typing import NamedTuple, TypeAlias

import regex

from ..lines import Paragraph
from .credits import (
    is_credit_line,
    is_date_line,
    leading_credit_end,
    parse_credit,
    trailing_credit_start,
)
from .parts import SpeakerParts, StatementBlock
from .points import find_points
from .speakers import (
    _SPEAKER_LINE_MAX,
    _is_heading,
    _is_headline_text,
    _label_end,
    _line_speaker_and_headline,
    _shifted,
    _sub_paragraph,
)

__all__ = ["Line", "LineKind", "block_of", "classify", "stands_alone", "without_trailer"]


class LineKind(enum.Enum):
    SPEAKER = "speaker"
    DATE = "date"
    CREDIT = "credit"
    HEADING = "heading"
    BODY = "body"
    FURNITURE = "furniture"  # a web page's or a post's own lines: breadcrumbs, metadata, links


class Line(NamedTuple):  # a tuple: made for every paragraph, cheaper than a frozen dataclass
    paragraph: Paragraph
    kind: LineKind
    speaker: SpeakerParts | None = None
    headline: Paragraph | None = None  # a headline sharing the speaker line


# What a short line is on its own: a speaker line (with the speaker and any headline sharing the
# line, at offsets from the line's start), a date line or a credit line; None for none of them.
_Standalone: TypeAlias = tuple[LineKind, tuple[SpeakerParts, Paragraph | None] | None] | None


def stands_alone(line: str) -> bool:
    """Whether a short line is a speaker, date, credit or furniture line on its own."""
    return _standalone(line) is not None


# Cached: clean's break repair reads every short line and split_statements reads them again, so
# a parse works each line out once. The key is one line; the value is frozen (offsets from the
# line's start, shifted by the caller).
@functools.lru_cache(maxsize=1024)
def _standalone(line: str) -> _Standalone:
    """What a short line is on its own (see ``_Standalone``)."""
    combined = _line_speaker_and_headline(line)
    if combined is not None:
        return LineKind.SPEAKER, combined
    if is_date_line(line):
        return LineKind.DATE, None
    if is_credit_line(line):
        return LineKind.CREDIT, None
    if _may_be_furniture(line) and _PAGE_FURNITURE.search(line):
        return LineKind.FURNITURE, None
    return None


def _may_be_furniture(line: str) -> bool:
    """A cheap test before ``_PAGE_FURNITURE``: every furniture line has one of these."""
    return _FURNITURE_MARK.search(line) is not None or line.startswith(_FURNITURE_STARTS)


# Lines of a web page or a post that are not the article: breadcrumbs, metadata, links to other
# items, buttons. Figures in them (下一篇：我区32个重点项目集中开工) are not the article's.
_PAGE_FURNITURE = regex.compile(
    r"""
      ^(?:首页|当前位置|您的位置|您现在的位置)\s*[：:>＞»]              # breadcrumbs
    | \S\s*[>＞»]\s*\S[^>＞»]*[>＞»]                                # 首页 > 新闻中心 > 要闻
    | (?:^|\s)(?:来源|发布时间|发布日期|信息来源|浏览次数|浏览量|点击数|阅读量|字号)[：:]  # metadata
    | ^(?:上一篇|下一篇|上一条|下一条)                                 # links to other items
    | ^【(?:关闭窗口|打印本页|打印|关闭|字体|返回顶部|收藏|分享)[^】]{0,12}】  # buttons
    | ^(?:收录于合集|点击蓝字|点击上方)                                 # a post's own furniture
    """,
    regex.VERBOSE,
)
# stdlib re: a character class it tests in C, several times faster than a set's isdisjoint.
_FURNITURE_MARK = re.compile(
    r"""
    [>＞»：:【]                         # breadcrumb arrows, a label's colon, a button's bracket
    """,
    re.VERBOSE,
)
_FURNITURE_STARTS = ("上一", "下一", "收录于", "点击")
# A line after which the rest of a page links to other items (往期推荐, 相关阅读).
_TRAILER_HEADS = (
    "往期推荐",
    "往期回顾",
    "相关阅读",
    "推荐阅读",
    "相关新闻",
    "延伸阅读",
    "相关链接",
)


def without_trailer(lines: list[Line]) -> list[Line]:
    """The lines, with the links at the end of a page (往期推荐 and what follows) as furniture."""
    for index, line in enumerate(lines):
        if line.kind is not LineKind.BODY and line.paragraph.text.startswith(_TRAILER_HEADS):
            return [
                *lines[:index],
                *(Line(later.paragraph, LineKind.FURNITURE) for later in lines[index:]),
            ]
    return lines


def classify(paragraph: Paragraph) -> Line:
    text = paragraph.text
    if len(text) <= 2 * _SPEAKER_LINE_MAX:
        standalone = _standalone(text)
        if standalone is not None:
            kind, combined = standalone
            shifted = _shifted(combined, paragraph.start)
            if shifted is None:
                return Line(paragraph, kind)
            return Line(paragraph, kind, shifted[0], shifted[1])
        if _is_heading(text):
            return Line(paragraph, LineKind.HEADING)
    return Line(paragraph, LineKind.BODY)


def _cut_credits(body: list[Paragraph]) -> tuple[list[Paragraph], Paragraph | None]:
    """Cut a credit off the end of the last body paragraph and the start of the first one;
    return the body and the credit (the trailing one when there are both)."""
    credit: Paragraph | None = None
    if body:
        first = body[0]
        end = leading_credit_end(first.text)
        if end is not None and end < len(first.text):
            credit_text = first.text[:end].rstrip(" ：:")
            credit = Paragraph(credit_text, first.start, first.start + len(credit_text))
            body = [Paragraph(first.text[end:], first.start + end, first.end), *body[1:]]
    if body:
        last = body[-1]
        start = trailing_credit_start(last.text)
        if start is not None and start > 0:
            kept = last.text[:start].rstrip()
            credit_text = last.text[start:].rstrip()
            credit = Paragraph(
                credit_text, last.start + start, last.start + start + len(credit_text)
            )
            body = body[:-1]
            if kept:
                body.append(Paragraph(kept, last.start, last.start + len(kept)))
    return body, credit


def _compiled_by(credit: Paragraph | None) -> str | None:
    """The people named in a credit, joined by 、 (reporters and correspondents alike)."""
    names = parse_credit(credit.text) if credit is not None else None
    return "、".join(names) if names else None


def _without_label(headline: Paragraph) -> Paragraph:
    """A headline without a column label before ｜ ("两会访谈｜新材料产业向“新”而行")."""
    end = _label_end(headline.text)
    if end is None or not _is_headline_text(headline.text[end:]):
        return headline
    return _sub_paragraph(headline.text[end:], headline.start + end)


def block_of(
    lines: Sequence[Line],
    speaker_line: Line | None,
    preamble: Sequence[Line],
    article_date: Paragraph | None,
    article_credit: Paragraph | None,
) -> StatementBlock:
    """Assemble one statement from its preamble, speaker line and following lines."""
    headline = speaker_line.headline if speaker_line else None
    date = next((line.paragraph for line in preamble if line.kind is LineKind.DATE), None)
    headings = [line.paragraph for line in preamble if line.kind is LineKind.HEADING]
    if headline is None and headings:
        headline = _without_label(headings[-1])
    credit: Paragraph | None = None
    body: list[Paragraph] = []
    for position, line in enumerate(lines):
        if line.kind is LineKind.FURNITURE:
            continue
        if line.kind is LineKind.DATE and date is None and not body:
            date = line.paragraph
        elif line.kind is LineKind.CREDIT and credit is None:
            credit = line.paragraph
        elif (
            position == 0
            and headline is None
            and speaker_line is not None
            and line.kind is LineKind.HEADING
            and len(lines) > 1
        ):
            headline = _without_label(line.paragraph)  # 莱山区委书记 罗建 / 奋力夺取项目建设大突破
        else:
            body.append(line.paragraph)
    body, cut = _cut_credits(body)
    credit = credit or cut or article_credit
    spans = [line.paragraph for line in (*preamble, *lines)]
    if speaker_line is not None:
        spans.append(speaker_line.paragraph)
    return StatementBlock(
        headline=headline,
        speaker=speaker_line.speaker if speaker_line else None,
        date=date or article_date,
        credit=credit,
        compiled_by=_compiled_by(credit),
        body=tuple(body),
        points=find_points(body),
        start=min(p.start for p in spans),
        end=max(p.end for p in spans),
    )
