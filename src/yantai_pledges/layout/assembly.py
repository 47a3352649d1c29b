"""Statement assembly: each paragraph classified, then grouped into statements (by speaker
lines, by turns of speech, or as one statement).

Part of :mod:`yantai_pledges.layout`; see its docstring for the forms and decisions.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import replace
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
from .parts import ArticleLayout, SpeakerParts, StatementBlock
from .places import _infer_jurisdiction
from .points import find_points
from .speakers import (
    _SPEAKER_LINE_MAX,
    _SPEECH_AFTER_NAME,
    _is_heading,
    _is_headline_text,
    _label_end,
    _line_speaker_and_headline,
    _shifted,
    _sub_paragraph,
    find_speaker_mention,
)

# Paragraph kinds and statement assembly


class _Kind(enum.Enum):
    SPEAKER = "speaker"
    DATE = "date"
    CREDIT = "credit"
    HEADING = "heading"
    BODY = "body"
    FURNITURE = "furniture"  # a web page's or a post's own lines: breadcrumbs, metadata, links


class _Line(NamedTuple):  # a tuple: made for every paragraph, cheaper than a frozen dataclass
    paragraph: Paragraph
    kind: _Kind
    speaker: SpeakerParts | None = None
    headline: Paragraph | None = None  # a headline sharing the speaker line


# What a short line is on its own: a speaker line (with the speaker and any headline sharing the
# line, at offsets from the line's start), a date line or a credit line; None for none of them.
_Standalone: TypeAlias = tuple[_Kind, tuple[SpeakerParts, Paragraph | None] | None] | None
# Short lines already read, by text: clean's break repair reads every short line, and
# split_statements reuses what it found, so a parse reads each line once (made per parse).
StandaloneLines: TypeAlias = dict[str, _Standalone]


def stands_alone(line: str, known: StandaloneLines) -> bool:
    """Whether a short line is a speaker, date or credit line; what it is goes into ``known``."""
    if line in known:
        return known[line] is not None
    standalone = known[line] = _standalone(line)
    return standalone is not None


def _standalone(line: str) -> _Standalone:
    """What a short line is on its own (see ``_Standalone``)."""
    combined = _line_speaker_and_headline(line)
    if combined is not None:
        return _Kind.SPEAKER, combined
    if is_date_line(line):
        return _Kind.DATE, None
    if is_credit_line(line):
        return _Kind.CREDIT, None
    if _may_be_furniture(line) and _PAGE_FURNITURE.search(line):
        return _Kind.FURNITURE, None
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


def _without_trailer(lines: list[_Line]) -> list[_Line]:
    """The lines, with the links at the end of a page (往期推荐 and what follows) as furniture."""
    for index, line in enumerate(lines):
        if line.kind is not _Kind.BODY and line.paragraph.text.startswith(_TRAILER_HEADS):
            return [
                *lines[:index],
                *(_Line(later.paragraph, _Kind.FURNITURE) for later in lines[index:]),
            ]
    return lines


def _classify(paragraph: Paragraph, known: StandaloneLines) -> _Line:
    text = paragraph.text
    if len(text) <= 2 * _SPEAKER_LINE_MAX:
        standalone = known[text] if text in known else _standalone(text)
        if standalone is not None:
            kind, combined = standalone
            shifted = _shifted(combined, paragraph.start)
            if shifted is None:
                return _Line(paragraph, kind)
            return _Line(paragraph, kind, shifted[0], shifted[1])
        if _is_heading(text):
            return _Line(paragraph, _Kind.HEADING)
    return _Line(paragraph, _Kind.BODY)


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


def _block(
    lines: Sequence[_Line],
    speaker_line: _Line | None,
    preamble: Sequence[_Line],
    article_date: Paragraph | None,
    article_credit: Paragraph | None,
) -> StatementBlock:
    """Assemble one statement from its preamble, speaker line and following lines."""
    headline = speaker_line.headline if speaker_line else None
    date = next((line.paragraph for line in preamble if line.kind is _Kind.DATE), None)
    headings = [line.paragraph for line in preamble if line.kind is _Kind.HEADING]
    if headline is None and headings:
        headline = _without_label(headings[-1])
    credit: Paragraph | None = None
    body: list[Paragraph] = []
    for position, line in enumerate(lines):
        if line.kind is _Kind.FURNITURE:
            continue
        if line.kind is _Kind.DATE and date is None and not body:
            date = line.paragraph
        elif line.kind is _Kind.CREDIT and credit is None:
            credit = line.paragraph
        elif (
            position == 0
            and headline is None
            and speaker_line is not None
            and line.kind is _Kind.HEADING
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


def _preamble_start(lines: Sequence[_Line], speaker_index: int, floor: int) -> int:
    """The first of the headline and date lines directly before a speaker line."""
    index = speaker_index
    while index > floor and lines[index - 1].kind in (_Kind.HEADING, _Kind.DATE):
        index -= 1
    return index


def _has_headline(lines: Sequence[_Line], preamble_start: int, speaker_index: int) -> bool:
    return lines[speaker_index].headline is not None or any(
        line.kind is _Kind.HEADING for line in lines[preamble_start:speaker_index]
    )


def _title_split(lines: Sequence[_Line], starts: Sequence[int], speakers: Sequence[int]) -> int:
    """How many of the first preamble's lines belong to the article's head (its title).

    With two or more headings before the first speaker line, the last is the statement's headline
    and the first the article's title. A single heading is the title unless the first speaker line
    has no headline of its own while later statements have one (then it is the headline).
    """
    if any(line.kind is _Kind.HEADING for line in lines[: starts[0]]):
        return 0  # the title is already above the first statement
    preamble = lines[starts[0] : speakers[0]]
    headings = [i for i, line in enumerate(preamble) if line.kind is _Kind.HEADING]
    if not headings:
        return 0
    if lines[speakers[0]].headline is not None:
        return headings[-1] + 1
    if len(headings) >= 2:
        return headings[-1]
    later = any(_has_headline(lines, starts[k], index) for k, index in enumerate(speakers) if k > 0)
    return 0 if later else headings[-1] + 1


def split_statements(
    text: str, paragraphs: Sequence[Paragraph], *, known: StandaloneLines | None = None
) -> ArticleLayout:
    """Split cleaned text into statements (see the module docstring); ``known`` holds the short
    lines :func:`~yantai_pledges.text.clean` read (pass the dict given to it), to read them once.
    """
    if not paragraphs:
        return ArticleLayout(None, (), ("the text has no paragraphs",))
    known = {} if known is None else known
    lines = _without_trailer([_classify(paragraph, known) for paragraph in paragraphs])
    speakers = [index for index, line in enumerate(lines) if line.kind is _Kind.SPEAKER]
    if not speakers:
        return _single_statement(text, lines)
    starts: list[int] = []
    floor = 0
    for index in speakers:
        starts.append(_preamble_start(lines, index, floor))
        floor = index + 1
    starts[0] += _title_split(lines, starts, speakers)
    head = lines[: starts[0]]
    title = next((line.paragraph for line in head if line.kind is _Kind.HEADING), None)
    article_date = next((line.paragraph for line in head if line.kind is _Kind.DATE), None)
    article_credit = next((line.paragraph for line in head if line.kind is _Kind.CREDIT), None)
    blocks: list[StatementBlock] = []
    for k, index in enumerate(speakers):
        end = starts[k + 1] if k + 1 < len(speakers) else len(lines)
        blocks.append(
            _block(
                lines[index + 1 : end],
                lines[index],
                lines[starts[k] : index],
                article_date,
                article_credit,
            )
        )
    warnings = [
        f"the statement by {block.speaker.name} has no body text"
        for block in blocks
        if not block.body and block.speaker is not None
    ]
    for k, block in enumerate(blocks):
        speaker, warning = _infer_jurisdiction(
            block.speaker, (block.headline, block.body[0] if block.body else None, title), text
        )
        if warning is not None:
            blocks[k] = replace(block, speaker=speaker)
            warnings.append(warning)
    return ArticleLayout(title, tuple(blocks), tuple(warnings))


def _single_statement(text: str, lines: Sequence[_Line]) -> ArticleLayout:
    """Text without speaker lines: one statement, speaker from running text if named there; a
    report in which more officials speak (a press conference) gets a statement per turn."""
    first_body = next((i for i, line in enumerate(lines) if line.kind is _Kind.BODY), None)
    title: Paragraph | None = None
    if first_body is None:
        # Only short lines (a bare target, a list without punctuation): all of it is body.
        head: list[_Line] = []
        rest = [
            _Line(line.paragraph, _Kind.BODY) if line.kind is _Kind.HEADING else line
            for line in lines
        ]
    else:
        head, rest = list(lines[:first_body]), list(lines[first_body:])
        title = next((line.paragraph for line in head if line.kind is _Kind.HEADING), None)
        # Headings under the title (a subtitle, a column label) stay with the body.
        rest = [
            *(line for line in head if line.kind is _Kind.HEADING and line.paragraph is not title),
            *rest,
        ]
    preamble = [line for line in head if line.kind is _Kind.DATE]
    article_credit = next((line.paragraph for line in head if line.kind is _Kind.CREDIT), None)
    block = _block(rest, None, preamble, None, article_credit)
    warnings = ["no speaker line found; treated the text as one statement"]
    speaker = None
    if block.body:
        speaker = find_speaker_mention(text, block.body[0].start, block.body[-1].end)
    if speaker is None:
        warnings.append("no speaker found in the text")
        return ArticleLayout(title, (block,), tuple(warnings))
    turns = [(rest[0].paragraph.start, speaker), *_turns(text, block.body, speaker)]
    if len(turns) > 1:
        names = "、".join(dict.fromkeys(turn_speaker.name for _, turn_speaker in turns))
        warnings = [
            f"no speaker line found; split the text into {len(turns)} statements "
            f"where officials take turns to speak ({names})"
        ]
    blocks: list[StatementBlock] = []
    for k, (start, turn_speaker) in enumerate(turns):
        end = turns[k + 1][0] if k + 1 < len(turns) else None
        group = [
            line
            for line in rest
            if line.paragraph.start >= start and (end is None or line.paragraph.start < end)
        ]
        turn_block = _block(group, None, preamble if k == 0 else (), None, article_credit)
        first = turn_block.body[0] if turn_block.body else None
        inferred, warning = _infer_jurisdiction(turn_speaker, (first, title), text)
        if warning is not None:
            warnings.append(warning)
        blocks.append(replace(turn_block, speaker=inferred))
    return ArticleLayout(title, tuple(blocks), tuple(warnings))


# How far into a paragraph an official may be named to open a turn of speech (characters): with
# positions, only after a few opening words (据市商务局局长谭卫东介绍，… ; 会上，副区长陈思远…);
# by name alone, after an opening clause (在回答记者提问时，谭卫东说，…). And how far the titles
# of the positions are looked for.
_TURN_REACH = 8
_NAME_TURN_REACH = 24
_TURN_WINDOW = 64


def _turns(
    text: str, body: Sequence[Paragraph], first: SpeakerParts
) -> list[tuple[int, SpeakerParts]]:
    """The paragraphs after ``first`` is named where another official starts to speak: each
    paragraph's start and its speaker. An official named again by name alone near the head of
    a paragraph (谭卫东表示，… ; 在回答记者提问时，谭卫东说，…) takes the turn back with the positions
    named before."""
    turns: list[tuple[int, SpeakerParts]] = []
    known = _mentions(text, body, first)
    current = first.name
    for paragraph in body:
        if paragraph.start <= first.start:
            continue
        speaker = _turn_at(text, paragraph, known)
        if speaker is None or speaker.name == current:
            continue
        known.setdefault(speaker.name, speaker)
        turns.append((paragraph.start, known[speaker.name]))
        current = speaker.name
    return turns


def _mentions(text: str, body: Sequence[Paragraph], first: SpeakerParts) -> dict[str, SpeakerParts]:
    """Every official named with positions and a verb of speech in ``body``, by name, ``first``
    first (副市长韩立群通报… in the lead makes a later 韩立群表示，… a turn)."""
    known = {first.name: first}
    position, end = first.end, body[-1].end
    while (mention := find_speaker_mention(text, position, end)) is not None:
        known.setdefault(mention.name, mention)
        position = mention.end
    return known


def _turn_at(
    text: str, paragraph: Paragraph, known: dict[str, SpeakerParts]
) -> SpeakerParts | None:
    """The official who starts speaking at the head of ``paragraph``, if any."""
    for name, speaker in known.items():
        at = paragraph.text.find(name, 0, _NAME_TURN_REACH + len(name))
        if at >= 0 and _SPEECH_AFTER_NAME.match(text, paragraph.start + at + len(name)):
            return speaker  # 谭卫东表示，… ; 在回答记者提问时，谭卫东说，…
    stop = min(paragraph.end, paragraph.start + _TURN_WINDOW)
    mention = find_speaker_mention(text, paragraph.start, stop)
    if mention is None or mention.start - paragraph.start > _TURN_REACH:
        return None
    return mention
