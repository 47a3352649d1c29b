"""Layout: split a cleaned article into statements and read each one's headline, speaker, date,
credit, body and points.

The genre prints one or more officials' statements, each as a block::

    headline                       培强产业集群 壮大工业规模           (optional; may share the
    date line                      2023年2月10日                       speaker line: "X：headline",
    speaker line                   市委常委、副市长，开发区工委书记 牟树青    "headline丨X")
    body paragraphs                一是以最强烈担当提增速、作贡献。……
    credit                         YMG全媒体记者 童佳怡 整理           (own line, end of the last
                                                                      paragraph, or 本报讯（记者 X）
                                                                      at the start of the first)

A speaker line is short and ends with a 2–4 character name after position titles
(``data/titles.tsv``); every speaker line starts a statement, and the headline and date lines just
before it belong to it. Lines before the first statement are the article's title. Text without
speaker lines (a news report, a work report's target list, anything else) is one statement whose
speaker, if any, is the first official named in running text with a verb of speech
(…莱山区委书记罗建表示…, 区委书记张立新出席会议并讲话, …作动员讲话), and the layout carries a warning.

Decisions worth knowing:

* ``jurisdiction`` is the place named by the highest-ranked post (leader > deputy > member > staff,
  then the first): "青岛市委常委、西海岸新区工委书记" → 西海岸新区. It is kept as written
  ("潍坊市寒亭区委书记" → 潍坊市寒亭区); a post without a place (市委常委, 副市长) gives none.
* A post that names a level but no place (区长, 区委书记, 县长, 镇党委书记) takes its jurisdiction
  from the statement's headline, else its first body paragraph, else the article title — the
  first of them naming places of that level, if it names exactly one ("兰山区：…", "今年，兰山区
  将…") — and the layout warns that it was inferred. Without a gazetteer a place name is 2–4
  characters after a clear boundary; 全区, 本区, 会上, 城区, 产业园区 are not places.
* A column label before ｜ is dropped: "两会访谈｜莱芜区委书记 马国庆：headline" is a speaker line
  with that headline, and a heading "两会访谈｜headline" gives the headline alone.
* ``compiled_by`` names everyone in the credit, reporters and correspondents alike, joined by 、
  ("YMG全媒体记者 王明 通讯员 李华" → 王明、李华).
* A credit or date line above the first statement (under the title) applies to every statement
  that has none of its own.
* With two or more headings above the first speaker line, the first is the article's title and
  the last the statement's headline (column labels like 书记谈 in between are dropped); a single
  heading is the title unless later statements have headlines.

Points are enumerated paragraphs (一是, 一要, 第一，, （一）, 一、, 1., （1）, ①; 一是/二是 also
inside a paragraph after ：；。) of the statement's first marker family, or, when there are none,
thematic heads: paragraphs whose first sentence is a short lead ("聚力攻坚突破产业提质升级。…"),
when a statement has at least two.

Everything here runs in linear time: the pattern tests look only at short lines or bounded windows.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple, TypeAlias

import regex

from .._data import load_table
from ..text import HEADING_MAX, Paragraph, ends_sentence

__all__ = [
    "ArticleLayout",
    "PointParts",
    "SpeakerParts",
    "StandaloneLines",
    "StatementBlock",
    "find_places",
    "find_points",
    "find_speaker_mention",
    "is_credit_line",
    "is_date_line",
    "is_speaker_line",
    "leading_credit_end",
    "parse_credit",
    "parse_speaker_line",
    "split_statements",
    "stands_alone",
    "starts_with_point_marker",
    "trailing_credit_start",
]


@dataclass(frozen=True, slots=True)
class SpeakerParts:
    """The official making a statement, as read from a speaker line or running text."""

    name: str
    positions: tuple[str, ...]
    jurisdiction: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class PointParts:
    """One point of a statement: its marker ("" for a thematic head) and lead phrase."""

    marker: str
    lead: str
    paragraph: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class StatementBlock:
    """One statement's parts; ``body`` paragraphs have any credit cut off."""

    headline: Paragraph | None
    speaker: SpeakerParts | None
    date: Paragraph | None
    credit: Paragraph | None
    compiled_by: str | None
    body: tuple[Paragraph, ...]
    points: tuple[PointParts, ...]
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ArticleLayout:
    """The statements of an article, its title, and what could not be recognised."""

    title: Paragraph | None
    statements: tuple[StatementBlock, ...]
    warnings: tuple[str, ...]


# ---------------------------------------------------------------------------------------------
# Vocabulary (data/titles.tsv)

_ROLE_RANK = {"leader": 0, "deputy": 1, "member": 2, "staff": 3}


@dataclass(frozen=True, slots=True)
class _Suffixes:
    """A set of words, to find the longest one a text ends with."""

    words: frozenset[str]
    lengths: tuple[int, ...]  # the words' lengths, longest first

    @classmethod
    def of(cls, words: tuple[str, ...]) -> _Suffixes:
        return cls(frozenset(words), tuple(sorted({len(word) for word in words}, reverse=True)))

    def longest(self, text: str, *, shorter_than_text: bool = False) -> str | None:
        """The longest word ``text`` ends with (only words shorter than it when asked), or None."""
        size = len(text)
        for length in self.lengths:
            if length < size or (length == size and not shorter_than_text):
                tail = text[size - length :]
                if tail in self.words:
                    return tail
        return None


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    titles: tuple[str, ...]  # longest first, so 工委书记 wins over 书记
    title_rank: dict[str, int]
    title_unit: dict[str, str]
    orgs: tuple[str, ...]  # stripped from a prefix to find the place; longest first
    prefix_ends: tuple[str, ...]  # words a position prefix may end with before the title
    units: tuple[str, ...]  # administrative-unit suffixes of a place name
    surnames: tuple[str, ...]  # compound surnames
    not_places: tuple[str, ...]  # words ending in a unit that name no place: 城区, 城市, 城镇
    # stdlib re: a plain alternation of literals, which it searches about three times faster.
    title_pattern: re.Pattern[str]
    # The last characters of titles, as a character class: a cheap test before the pattern
    # (stdlib re tests a class in C, several times faster than a set's isdisjoint on Han text).
    title_final: re.Pattern[str]
    # The same titles and orgs as sets with their lengths, longest first: finding the longest
    # one a text ends with takes a few lookups instead of an endswith per word.
    title_suffixes: _Suffixes
    org_suffixes: _Suffixes
    unit_suffixes: _Suffixes


@functools.cache
def _vocabulary() -> _Vocabulary:
    rows = load_table("titles")

    def words(kind: str) -> tuple[str, ...]:
        return tuple(
            sorted((row["zh"] for row in rows if row["kind"] == kind), key=len, reverse=True)
        )

    titles = words("title")
    orgs = words("org")
    units = words("unit")
    return _Vocabulary(
        titles=titles,
        title_rank={row["zh"]: _ROLE_RANK.get(row["role"], 3) for row in rows},
        title_unit={row["zh"]: row["unit"] for row in rows if row["unit"]},
        orgs=orgs,
        prefix_ends=tuple(sorted((*orgs, *words("body"), *units), key=len, reverse=True)),
        units=units,
        surnames=words("surname"),
        not_places=words("nonplace"),
        title_pattern=re.compile("|".join(re.escape(title) for title in titles)),
        title_final=re.compile(
            "[" + "".join(sorted({re.escape(title[-1]) for title in titles})) + "]"
        ),
        title_suffixes=_Suffixes.of(titles),
        org_suffixes=_Suffixes.of(orgs),
        unit_suffixes=_Suffixes.of(units),
    )


# ---------------------------------------------------------------------------------------------
# Names and positions

# Longest speaker line (characters) before the name; real ones stay under 50.
_SPEAKER_LINE_MAX = 64
# Longest prefix (place and organisation) before a title.
_PREFIX_MAX = 20

_NAME = regex.compile(
    r"""
    \p{Han}{2,4}                        # 罗建, 王克文, 欧阳晓东
    | \p{Han}{1,8}·\p{Han}{1,8}         # ethnic-minority names: 艾尔肯·吐尼亚孜
    """,
    regex.VERBOSE,
)
# Characters no name or position contains: particles, verbs and pronouns of running text.
_NOT_IN_NAME = frozenset("的了着是在和与及等谈要将把被对我们这那说为就也都又并从向")
_NOT_IN_POSITION = frozenset("的了着是谈要将把被我们这那说丨")  # 丨 is a Han character too
# Marks of running text no speaker line holds.
# (Character classes of stdlib re test Han text several times faster than a set's isdisjoint,
# which makes a string object of every character.)
_NOT_IN_SPEAKER_LINE = re.compile(
    r"""
    [。；！？“”]                         # sentence ends and quotes
    """,
    re.VERBOSE,
)
# Decoration around a speaker line: bullets, dashes, wrapping brackets.
_DECORATION = "■□●○◆◇▲△★☆•·※→—－-~～ "
_BRACKETS = "（()）【】[]〔〕"
_POSITION_SPLIT = regex.compile(
    r"""
    [、，,/\s]+                          # 市委常委、副市长，开发区工委书记 / space-separated posts
    """,
    regex.VERBOSE,
)
_HAN_WORD = regex.compile(
    r"""
    \p{Han}+                            # a place or organisation before a title
    """,
    regex.VERBOSE,
)
_NAME_SEPARATOR = regex.compile(
    r"""
    [\s：:]+                             # "莱山区委书记 罗建", "区委书记：张三"
    """,
    regex.VERBOSE,
)


def _is_name(text: str) -> bool:
    """A personal name: 2–3 Han characters, 4 after a compound surname, or a name with ·."""
    if not _NAME.fullmatch(text) or not _NOT_IN_NAME.isdisjoint(text):
        return False
    vocabulary = _vocabulary()
    if "·" not in text and len(text) == 4 and not text.startswith(vocabulary.surnames):
        return False
    return not text.endswith(vocabulary.titles)


def _split_position(segment: str) -> tuple[str, str] | None:
    """Split a position into (prefix, title), or None if it does not end with a known title."""
    vocabulary = _vocabulary()
    title = vocabulary.title_suffixes.longest(segment)
    if title is None or not _NOT_IN_POSITION.isdisjoint(segment):
        return None
    prefix = segment[: -len(title)]
    valid = not prefix or (
        len(prefix) <= _PREFIX_MAX
        and _HAN_WORD.fullmatch(prefix) is not None
        and (
            prefix.endswith(vocabulary.prefix_ends)
            # 历下区长: a title that carries its unit may follow a bare place name.
            or (title in vocabulary.title_unit and 2 <= len(prefix) <= 6)
        )
    )
    return (prefix, title) if valid else None


def _without_orgs(prefix: str) -> str:
    """A position's prefix without 中共 and trailing organisation words (栖霞市委 → 栖霞市)."""
    place = prefix.removeprefix("中共")
    orgs = _vocabulary().org_suffixes
    while (org := orgs.longest(place, shorter_than_text=True)) is not None:
        place = place[: -len(org)]
    return place


def _place(prefix: str, title: str) -> str | None:
    """The place a position names (栖霞市委 → 栖霞市, 历下 + 区长 → 历下区), or None."""
    vocabulary = _vocabulary()
    place = _without_orgs(prefix)
    unit = vocabulary.title_unit.get(title)
    if unit and place and not place.endswith(vocabulary.units):
        place += unit
    if vocabulary.unit_suffixes.longest(place, shorter_than_text=True) is not None:
        return place  # a place name before its unit word (栖霞 + 市)
    return None


def _parse_positions(text: str) -> tuple[tuple[str, ...], str | None] | None:
    """Positions as written and the jurisdiction, or None unless every segment is a position."""
    segments = [segment for segment in _POSITION_SPLIT.split(text) if segment]
    if not segments:
        return None
    best: tuple[int, int, str] | None = None
    for index, segment in enumerate(segments):
        read = _read_position(segment)
        if read is None:
            return None
        rank, place = read
        if place is not None:
            candidate = (rank, index, place)
            best = candidate if best is None or candidate < best else best
    return tuple(segments), (best[2] if best else None)


# Cached: positions recur across articles (市委常委, 副市长, 栖霞市委书记); the key is one
# position as written and the value immutable.
@functools.lru_cache(maxsize=4096)
def _read_position(segment: str) -> tuple[int, str | None] | None:
    """A position's title rank and the place it names, or None if it is not a position."""
    parts = _split_position(segment)
    if parts is None:
        return None
    return _vocabulary().title_rank.get(parts[1], 3), _place(*parts)


_INTERVIEW = regex.compile(
    r"""
    (?:专访|访谈|访|对话)(?=\p{Han})      # the word opening an interview's subtitle
    """,
    regex.VERBOSE,
)
_INTERVIEW_FIRST = frozenset("专访对")  # the first characters of those words: a cheap test


def _strip_decoration(line: str) -> tuple[int, int]:
    """Bounds of a line without bullets, dashes, wrapping brackets, a final colon (an
    interview's "英红镇党委书记 黄志坚：" introduces the answers below it) and the 访 of an
    interview's subtitle."""
    start, end = 0, len(line)
    while start < end and line[start] in _DECORATION:
        start += 1
    # ——访市人大代表、岳阳楼区委副书记、区长罗志刚: an interview's subtitle.
    if start < end and line[start] in _INTERVIEW_FIRST:
        interview = _INTERVIEW.match(line, start)
        if interview is not None:
            start = interview.end()
    while end > start and line[end - 1] in " ：:":
        end -= 1
    if end - start > 2 and line[start] in _BRACKETS and line[end - 1] in _BRACKETS:
        start, end = start + 1, end - 1
    return start, end


def _split_name(core: str) -> tuple[str, str] | None:
    """Split "positions name" into (positions, name); the name may follow a space, a colon or
    nothing ("莱山区委书记罗建")."""
    separators = list(_NAME_SEPARATOR.finditer(core))
    if separators:
        last = separators[-1]
        positions, name = core[: last.start()], core[last.end() :]
        # "罗 建": a two-character name padded to the width of three.
        if len(name) == 1 and len(separators) >= 2:
            before = separators[-2]
            single = core[before.end() : last.start()]
            if len(single) == 1:
                positions, name = core[: before.start()], single + name
        if _is_name(name) and positions:
            return positions, name
        return None
    for size in (2, 3, 4):
        positions, name = core[:-size], core[-size:]
        last_post = _POSITION_SPLIT.split(positions)[-1] if positions else ""
        if last_post and _is_name(name) and _split_position(last_post):
            return positions, name
    return None


def parse_speaker_line(line: str, start: int = 0) -> SpeakerParts | None:
    """Read a speaker line ("芝罘区委书记 李良"); ``start`` is the line's offset in the text.

    >>> speaker = parse_speaker_line("市委常委、栖霞市委书记 包华")
    >>> speaker.name, speaker.positions, speaker.jurisdiction
    ('包华', ('市委常委', '栖霞市委书记'), '栖霞市')
    """
    if len(line) > _SPEAKER_LINE_MAX + 8:
        return None
    left, right = _strip_decoration(line)
    core = line[left:right]
    # The last title ends at most five characters (a separator and a name) before the end; a
    # window without the last character of any title (most lines) needs no pattern search.
    vocabulary = _vocabulary()
    window_start = max(0, len(core) - 12)
    if (
        vocabulary.title_final.search(core, window_start, len(core) - 1) is None
        or vocabulary.title_pattern.search(core, window_start, len(core) - 1) is None
    ):
        return None
    if ends_sentence(core) or _NOT_IN_SPEAKER_LINE.search(core) is not None:
        return None
    split = _split_name(core)
    if split is None:
        return None
    positions_text, name = split
    parsed = _parse_positions(positions_text.rstrip("：: "))
    if parsed is None:
        return None
    positions, jurisdiction = parsed
    return SpeakerParts(name, positions, jurisdiction, start + left, start + right)


def is_speaker_line(line: str) -> bool:
    """Whether a line is a speaker line, alone or sharing the line with a headline."""
    return _speaker_and_headline(line, 0) is not None


_COMBINED_SEPARATOR = regex.compile(
    r"""
    [丨|｜]                              # 培强产业集群丨开发区工委书记 牟树青
    | [：:]                              # 栖霞市委书记 包华：项目发展风正劲
    | ——                                # 项目发展风正劲——栖霞市委书记 包华
    """,
    regex.VERBOSE,
)
# The first characters of those separators: a cheap test before them (stdlib re tests a class in
# C; most lines have none).
_SEPARATOR_FIRST = re.compile(
    r"""
    [丨|｜：:—]                          # a bar, a colon or a dash
    """,
    re.VERBOSE,
)


_LABEL_SEPARATOR = regex.compile(
    r"""
    \s*[丨|｜]\s*                        # 两会访谈｜莱芜区委书记 马国庆：… / 书记谈丨…
    """,
    regex.VERBOSE,
)
_LABEL_BAR = re.compile(
    r"""
    [丨|｜]                              # the bar alone: a cheap test before _LABEL_SEPARATOR
    """,
    re.VERBOSE,
)
# Longest column label before a ｜ (characters): 两会访谈, 书记谈, 奋进新征程 书记谈落实.
_LABEL_MAX = 12


def _label_end(line: str) -> int | None:
    """Where a column label ("两会访谈｜") at the start of a line ends, or None.

    A label is a short heading before the first ｜/丨/| with more text after it.
    """
    if _LABEL_BAR.search(line, 0, _LABEL_MAX + 4) is None:
        return None  # most lines
    separator = _LABEL_SEPARATOR.search(line, 0, _LABEL_MAX + 4)
    if separator is None or separator.end() >= len(line):
        return None
    label = line[: separator.start()].strip()
    if not 2 <= len(label) <= _LABEL_MAX or not _is_heading(label):
        return None
    end: int = separator.end()
    return end


def _speaker_and_headline(line: str, start: int) -> tuple[SpeakerParts, Paragraph | None] | None:
    """A speaker line, or a line holding a speaker and a headline joined by ：, 丨 or ——,
    possibly after a column label ("两会访谈｜莱芜区委书记 马国庆：新材料产业向“新”而行");
    ``start`` is the line's offset in the text."""
    return _shifted(_line_speaker_and_headline(line), start)


def _shifted(
    found: tuple[SpeakerParts, Paragraph | None] | None, start: int
) -> tuple[SpeakerParts, Paragraph | None] | None:
    """A speaker and headline read from a line at offset 0, moved to the line's ``start``."""
    if found is None or start == 0:
        return found
    speaker, headline = found
    shifted = SpeakerParts(
        speaker.name,
        speaker.positions,
        speaker.jurisdiction,
        speaker.start + start,
        speaker.end + start,
    )
    if headline is not None:
        headline = Paragraph(headline.text, headline.start + start, headline.end + start)
    return shifted, headline


# Cached: clean's break repair and _classify read the same short lines; the key is one line and
# the value is frozen (offsets from the line's start, shifted by the caller).
@functools.lru_cache(maxsize=1024)
def _line_speaker_and_headline(line: str) -> tuple[SpeakerParts, Paragraph | None] | None:
    """:func:`_speaker_and_headline` of a line at offset 0."""
    if _vocabulary().title_final.search(line) is None:
        return None  # no title ends in the line (most headlines): no speaker in any part of it
    found = _speaker_and_headline_parts(line, 0)
    if found is not None:
        return found
    label_end = _label_end(line)
    if label_end is None:
        return None
    # label｜speaker：headline — the label is dropped; label｜speaker alone is read above as
    # headline丨speaker.
    found = _speaker_and_headline_parts(line[label_end:], label_end)
    return found if found is not None and found[1] is not None else None


def _speaker_and_headline_parts(
    line: str, start: int
) -> tuple[SpeakerParts, Paragraph | None] | None:
    speaker = parse_speaker_line(line, start)
    if speaker is not None:
        return speaker, None
    if len(line) > 2 * _SPEAKER_LINE_MAX or _SEPARATOR_FIRST.search(line) is None:
        return None
    for separator in _COMBINED_SEPARATOR.finditer(line):
        left, right = line[: separator.start()], line[separator.end() :]
        right_start = start + separator.end()
        speaker = parse_speaker_line(left, start)
        if speaker is not None and _is_headline_text(right):
            return speaker, _sub_paragraph(right, right_start)
        speaker = parse_speaker_line(right, right_start)
        if speaker is not None and _is_headline_text(left):
            return speaker, _sub_paragraph(left, start)
    return None


def _is_headline_text(text: str) -> bool:
    stripped = text.strip()
    return 2 <= len(stripped) <= _SPEAKER_LINE_MAX and not ends_sentence(stripped.rstrip("！!"))


def _sub_paragraph(text: str, start: int) -> Paragraph:
    """The stripped part of a line as a paragraph with its own span."""
    left = len(text) - len(text.lstrip())
    stripped = text.strip()
    return Paragraph(stripped, start + left, start + left + len(stripped))


# ---------------------------------------------------------------------------------------------
# Speakers named in running text

_SPEECH_AFTER_NAME = regex.compile(
    r"""
    (?:同志)?                            # 罗建同志指出
    (?:
        (?:出席|主持|参加)[^，。；：\n]{0,16}?并   # 出席会议并讲话 / 主持会议并作动员讲话
      | 在[^，。；：\n]{0,12}?                # 在会上 / 在讲话中 / 在调研时
    )?
    (?:
        表示|指出|强调|提出|介绍|要求|认为|坦言|透露|说|称|谈到|讲话|致辞|发言|通报
      | 作[^，。；：\n]{0,8}?(?:讲话|报告)   # 作动员讲话 / 作政府工作报告
    )
    """,
    regex.VERBOSE,
)
_CLAUSE_BREAK = regex.compile(
    r"""
    .*[，。；：“”！？\n（）()]           # everything up to the last clause boundary
    """,
    regex.VERBOSE | regex.DOTALL,
)
# Words that open a clause before an official's positions: 会上，据, 随后.
_CLAUSE_OPENERS = ("会议上", "会上", "随后", "其中", "同时", "对此", "据", "由", "经", "请")
# How far before the name the positions may reach (characters).
_MENTION_REACH = 48
# How much running text is searched for the speaker (characters).
_MENTION_WINDOW = 6000


def find_speaker_mention(text: str, start: int = 0, end: int | None = None) -> SpeakerParts | None:
    """The first official named in running text with a verb of speech (…区委书记罗建表示).

    Only the first ``_MENTION_WINDOW`` characters are searched: a report names its speaker early.
    """
    vocabulary = _vocabulary()
    stop = min(len(text) if end is None else end, start + _MENTION_WINDOW)
    for title in vocabulary.title_pattern.finditer(text, start, stop):
        for size in (2, 3, 4):
            name = text[title.end() : title.end() + size]
            if not _is_name(name) or not _SPEECH_AFTER_NAME.match(text, title.end() + size):
                continue
            reach = max(start, title.start() - _MENTION_REACH)
            clause = text[reach : title.end()]
            boundary = _CLAUSE_BREAK.match(clause)
            offset = reach + (boundary.end() if boundary else 0)
            clause = text[offset : title.end()]
            for opener in _CLAUSE_OPENERS:
                if clause.startswith(opener):
                    offset += len(opener)
                    clause = clause[len(opener) :]
                    break
            found = _mention_positions(clause)
            if found is not None:
                positions, jurisdiction, skip = found
                return SpeakerParts(
                    name, positions, jurisdiction, offset + skip, title.end() + size
                )
    return None


def _mention_positions(clause: str) -> tuple[tuple[str, ...], str | None, int] | None:
    """The longest run of positions ending the clause, its jurisdiction, and where it starts."""
    segments = clause.split("、")
    for first in range(len(segments)):
        joined = "、".join(segments[first:]).lstrip()
        parsed = _parse_positions(joined)
        if parsed is not None:
            return parsed[0], parsed[1], len(clause) - len(joined)
    return None


# ---------------------------------------------------------------------------------------------
# Jurisdictions inferred from the text

# Units a bare post's level accepts: a 镇党委书记 may lead a 街道 or a 乡 as well.
_LEVEL_UNITS = {
    "镇": ("街道", "镇", "乡"),
    "街道": ("街道", "镇", "乡"),
    "乡": ("街道", "镇", "乡"),
}
# Units above a level: a place name starts after them (济南市历城区 → 历城区).
_HIGHER_UNITS = {
    "区": "省市州盟",
    "县": "省市州盟",
    "市": "省",
    "镇": "省市区县旗",
    "街道": "省市区县旗",
    "乡": "省市区县旗",
}
# Longest place name before its unit (characters): 岚山, 东昌府, 西海岸新.
_PLACE_STEM_MAX = 4
# How much of a headline, first paragraph or title is searched for place names (characters).
_PLACE_WINDOW = 400
_WORD_AFTER_UNIT = regex.compile(
    r"""
    (?!政府|政协)                        # 县政府, 区政协: the place ends before them
    [域场城级直属民值容政情位间别划块分界村亲贤土愁风]   # 区域, 市场, 县城, 区级, 市政, 乡村
    """,
    regex.VERBOSE,
)
# Characters a place name may follow without punctuation: 在历城区, 今年兰山区, 与罗庄区.
_BEFORE_PLACE = frozenset("在于对据向从到由自将把为是与和及同年月日")
# A place name never starts with these: 全区, 本区, 我区, 该县, 各镇, 这个区.
_NOT_PLACE_START = frozenset("全本我该各此这那每其某")
# Characters no place name contains.
_PARTY_PREFIXES = ("中共", "共产党")
_NOT_IN_PLACE = frozenset("的了着是们说就也又并被把要之")  # 之: 草莓之乡
_HAN = regex.compile(
    r"""
    \p{Han}                             # one Chinese character
    """,
    regex.VERBOSE,
)


def _post_level(positions: Sequence[str]) -> str | None:
    """The unit of the highest-ranked post that names a level but no place (区委书记 → 区,
    县长 → 县, 镇党委书记 → 镇), or None."""
    vocabulary = _vocabulary()
    ranked: list[tuple[int, int, str]] = []
    for index, segment in enumerate(positions):
        parts = _split_position(segment)
        if parts is None:
            continue
        prefix, title = parts
        bare = _without_orgs(prefix)
        level = bare if bare in vocabulary.units else None
        if not bare and title in vocabulary.title_unit:
            level = vocabulary.title_unit[title]
        if level is not None:
            ranked.append((vocabulary.title_rank.get(title, 3), index, level))
    return min(ranked)[2] if ranked else None


def _place_before(text: str, unit_start: int, higher: str) -> str | None:
    """The name before a unit starting at ``unit_start``: 2–4 Chinese characters after a
    punctuation mark, a higher unit or a preposition (今年，兰山区 / 在济南市历城区), or None."""
    for size in range(1, _PLACE_STEM_MAX + 1):
        begin = unit_start - size
        if begin < 0 or not _HAN.match(text[begin]) or text[begin] in higher:
            return None
        if size < 2:
            continue
        before = text[begin - 1] if begin > 0 else ""
        if not before or not _HAN.match(before) or before in _BEFORE_PLACE or before in higher:
            return text[begin:unit_start]
        if text.endswith(_PARTY_PREFIXES, 0, begin):  # 中共聊城市委, 中国共产党聊城市第十四届
            return text[begin:unit_start]
    return None


def _is_common_word(place: str) -> bool:
    """Whether a would-be place is a common word (城区, 产业园区, 文明城市) rather than a name;
    one character before such a word makes a name (历城区, 诸城市)."""
    return any(
        place == word or (place.endswith(word) and len(place) - len(word) >= 2)
        for word in _vocabulary().not_places
    )


def find_places(text: str, level: str) -> tuple[str, ...]:
    """The distinct place names of a level (区, 县, 市, 镇 …) in the start of ``text``, in order.

    Without a gazetteer a name is 2–4 characters before its unit, after a clear boundary (a
    punctuation mark, a higher unit, a preposition); words like 全区, 本区, 城区, 文明城市 and
    clause openers (会上) are not places.

    >>> find_places("今年，兰山区将与罗庄区、河东区协同发展，全区上下", "区")
    ('兰山区', '罗庄区', '河东区')
    """
    vocabulary = _vocabulary()
    window = text[:_PLACE_WINDOW]
    higher = _HIGHER_UNITS.get(level, "省")
    places: list[str] = []
    for unit in _LEVEL_UNITS.get(level, (level,)):
        found = window.find(unit)
        while found >= 0:
            # The unit may begin another word (区域, 市场): then it ends no place name.
            in_word = _WORD_AFTER_UNIT.match(window, found + len(unit)) is not None
            stem = None if in_word else _place_before(window, found, higher)
            if stem is not None:
                stem = next((stem[len(o) :] for o in _CLAUSE_OPENERS if stem.startswith(o)), stem)
            place = f"{stem}{unit}" if stem else ""
            if (
                stem
                and len(stem) >= 2
                and stem[0] not in _NOT_PLACE_START
                and _NOT_IN_PLACE.isdisjoint(stem)
                and not _is_common_word(place)
                # 幸福社区 is a 社区, not a 区
                and not any(
                    place.endswith(other) and len(other) > len(unit) for other in vocabulary.units
                )
                and place not in places
            ):
                places.append(place)
            found = window.find(unit, found + len(unit))
    return tuple(places)


def _infer_jurisdiction(
    speaker: SpeakerParts | None, sources: Sequence[Paragraph | None], text: str = ""
) -> tuple[SpeakerParts | None, str | None]:
    """Fill in the jurisdiction of a post that names no place (区长, 区委书记) from the first of
    ``sources`` (headline, first paragraph, title) naming places of its level, if it names exactly
    one, else for a city's post from the masthead of ``text`` (鞍山日报 → 鞍山市); return the
    speaker and a warning if one was inferred."""
    if speaker is None or speaker.jurisdiction is not None:
        return speaker, None
    level = _post_level(speaker.positions)
    if level is None:
        return speaker, None
    found: str | None = None
    for source in sources:
        places = find_places(source.text, level) if source is not None else ()
        if len(places) > 1:
            return speaker, None
        if places:
            found = places[0]
            break
    city = masthead_city(text) if found is None and level == "市" else None
    if city is not None:
        found = city + "市"
    if found is None:
        return speaker, None
    warning = (
        f"the jurisdiction of {speaker.name} ({found}) was inferred from the text: "
        f"the position ({'、'.join(speaker.positions)}) names no place"
    )
    return replace(speaker, jurisdiction=found), warning


# A city paper's masthead at the top of an article names its city: 株洲日报, 烟台晚报, 盐城新闻网.
_MASTHEAD = regex.compile(
    r"""
    (?<!\p{Han})(?P<stem>\p{Han}{2,3}?)               # the city, a word of its own: 株洲, 鞍山
    (?:日报|晚报|都市报|新闻网|融媒体中心|发布)       # the outlet
    """,
    regex.VERBOSE,
)
# Mastheads that name no city: national and provincial papers and papers with a nickname.
_NOT_CITY_PAPERS = frozenset(
    {"大众", "人民", "光明", "经济", "中国", "农民", "科技", "法治", "法制", "工人", "南方", "新华"}
    | {
        "解放",
        "文汇",
        "齐鲁",
        "半岛",
        "扬子",
        "羊城",
        "楚天",
        "钱江",
        "今晚",
        "新民",
        "新京",
        "华西",
    }
    | {"三秦", "燕赵", "龙城", "中华", "学习", "求是", "环球"}
)
_MASTHEAD_REACH = 200  # the top of an article, where its masthead or source line stands
# The outlets of _MASTHEAD alone: a cheap test before it (stdlib re finds plain words faster, and
# most articles have no masthead within reach).
_MASTHEAD_OUTLET = re.compile(
    r"""
    日报|晚报|都市报|新闻网|融媒体中心|发布    # the outlet words of _MASTHEAD
    """,
    re.VERBOSE,
)


def masthead_city(text: str) -> str | None:
    """The city a city paper's masthead at the top of ``text`` names (株洲日报 2024年4月18日 →
    株洲), if the article names the city again; provinces' and national papers name none."""
    if _MASTHEAD_OUTLET.search(text, 0, _MASTHEAD_REACH) is None:
        return None  # every masthead ends in an outlet word within reach
    for match in _MASTHEAD.finditer(text, 0, _MASTHEAD_REACH):
        stem = match["stem"]
        if stem in _NOT_CITY_PAPERS or stem in _province_stems():
            continue
        if text.count(stem) >= 2:  # named again beyond its masthead
            return str(stem)
    return None


@functools.cache
def _province_stems() -> frozenset[str]:
    """Provinces and autonomous regions without their suffix (江西, 内蒙古), from the gazetteer."""
    kinds = {"province", "autonomous-region"}
    names = [row["zh"] for row in load_table("places") if row["kind"] in kinds]
    stems = {name.removesuffix("省").removesuffix("自治区") for name in names}
    return frozenset(stems | {name[:2] for name in names})  # 广西壮族自治区 → 广西


# ---------------------------------------------------------------------------------------------
# Dates and credits

_DATE_LINE = regex.compile(
    r"""
    [（(【\[]?\s*
    (?:
        (?:(?:19|20)\d{2}\s*年\s*)?             # 2023年 (optional)
        (?:1[0-2]|0?[1-9])\s*月\s*              # 2月
        (?:3[01]|[12]\d|0?[1-9])\s*日           # 10日
      | (?:19|20)\d{2}\s*[-./]\s*(?:1[0-2]|0?[1-9])\s*[-./]\s*(?:3[01]|[12]\d|0?[1-9])
                                                # 2023-02-10, 2023.2.10
      | [〇零一二三四五六七八九]{4}年           # 二〇二三年
        [一二三四五六七八九十]{1,2}月           # 二月
        [一二三四五六七八九十]{1,3}日           # 十日
    )
    (?:\s*(?:星期|周|礼拜)[一二三四五六日天])?  # 星期五
    \s*[）)】\]]?
    """,
    regex.VERBOSE,
)
# The characters a date line starts with (a cheap test before the pattern).
_DATE_FIRST = frozenset("（(【[0123456789〇零一二三四五六七八九")
_CREDIT_ROLE = regex.compile(
    r"""
    见习记者|特约记者|首席记者|摄影记者|记者      # reporters, longest first
    | 通讯员|实习生|特约撰稿人
    | (?:文字|文图|图文|文|图|摄影|摄|编辑|整理)\s*[/／]   # 文/王明, 图/李华
    """,
    regex.VERBOSE,
)
_CREDIT_ACTION = regex.compile(
    r"""
    \s*(?:综合整理|整理|报道|采写|撰文|撰稿|摄影|供稿|摄)\s*$   # the verb closing a credit
    """,
    regex.VERBOSE,
)
_CREDIT_DATELINE = regex.compile(
    r"""
    ^\s*(?:本报|\p{Han}{2,8})讯(?!员)\s*    # 本报讯, 烟台日报讯 (not 通讯员)
    """,
    regex.VERBOSE,
)
_OUTLET = regex.compile(
    r"""
    [\p{Han}A-Za-z·]{0,12}                  # YMG全媒体, 本报, 烟台日报融媒体, 新华社
    (?:[/／][\p{Han}A-Za-z·]{1,12})?        # 青岛日报/观海新闻: a paper and its app
    """,
    regex.VERBOSE,
)
_NAME_TOKENS = regex.compile(
    r"""
    [\s、，,]+                               # names are separated by spaces or 、
    """,
    regex.VERBOSE,
)
# Longest credit (characters).
_CREDIT_MAX = 64


def parse_credit(text: str) -> tuple[str, ...] | None:
    """The names in a credit ("YMG全媒体记者 王明 通讯员 李华 整理" → 王明, 李华), or None.

    >>> parse_credit("本报讯（记者 王明 通讯员 李华）")
    ('王明', '李华')
    """
    if len(text) > _CREDIT_MAX + 8 or _CREDIT_ROLE.search(text) is None:
        return None
    return _parse_credit(text)


# Cached: a credit line is read in clean's break repair, in _classify and for compiled_by; the key
# is one short text naming a role and the value a tuple.
@functools.lru_cache(maxsize=1024)
def _parse_credit(text: str) -> tuple[str, ...] | None:
    """:func:`parse_credit` of a short text that names a role."""
    core = _CREDIT_DATELINE.sub("", text.lstrip(_DECORATION)).strip(" " + _BRACKETS)
    core = _CREDIT_ACTION.sub("", core).strip()
    roles = list(_CREDIT_ROLE.finditer(core))
    if not roles or not _OUTLET.fullmatch(core[: roles[0].start()].strip()):
        return None
    names: list[str] = []
    for index, role in enumerate(roles):
        segment_end = roles[index + 1].start() if index + 1 < len(roles) else len(core)
        segment = _names(core[role.end() : segment_end])
        if segment is None:
            return None
        names.extend(segment)
    return tuple(names)


def _names(segment: str) -> list[str] | None:
    """Names in a credit segment; two single characters in a row are one padded name (王 明)."""
    tokens = [token for token in _NAME_TOKENS.split(segment) if token]
    if not tokens:
        return None
    names: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if len(token) == 1 and index + 1 < len(tokens) and len(tokens[index + 1]) == 1:
            token += tokens[index + 1]
            index += 1
        if not _is_name(token):
            return None
        names.append(token)
        index += 1
    return names


def is_credit_line(line: str) -> bool:
    """Whether a whole line is a credit."""
    return parse_credit(line) is not None


def is_date_line(line: str) -> bool:
    """Whether a whole line is a date (2023年2月10日 星期五, 2月10日, 2023-02-10)."""
    if len(line) > HEADING_MAX:
        return False
    stripped = line.strip()
    return stripped[:1] in _DATE_FIRST and _DATE_LINE.fullmatch(stripped) is not None


# A trailing credit starts after the last of these (…新优势。 YMG全媒体记者 童佳怡 整理).
_BEFORE_TRAILING_CREDIT = "。！？；!?;…”」』"
_OPENING_BRACKETS = "（(【["


def trailing_credit_start(text: str) -> int | None:
    """Where a credit at the end of ``text`` starts, or None (the whole text may be a credit)."""
    window_start = max(0, len(text) - _CREDIT_MAX)
    if _CREDIT_ROLE.search(text, window_start) is None:
        return None
    stripped_end = len(text.rstrip())
    candidates: list[int] = []
    if text[stripped_end - 1 : stripped_end] in ("）", ")", "】", "]"):
        opening = max(text.rfind(bracket, window_start) for bracket in _OPENING_BRACKETS)
        if opening >= 0:
            candidates.append(opening)
    boundary = max(text.rfind(mark, window_start) for mark in _BEFORE_TRAILING_CREDIT)
    candidates.append(boundary + 1 if boundary >= 0 else window_start)
    for candidate in candidates:
        begin = candidate + len(text[candidate:]) - len(text[candidate:].lstrip())
        if begin < stripped_end and parse_credit(text[begin:stripped_end]) is not None:
            return begin
    return None


_LEADING_CREDIT = regex.compile(
    r"""
    (?:(?:本报|\p{Han}{2,8})讯(?!员)\s*)?    # 本报讯
    (?:
        [（(【\[]                                   # （YMG全媒体记者 王明 通讯员 李华）
        (?P<bracketed>[^（()）【】\[\]\n]{2,64})
        [）)】\]]
      | (?P<plain>[^，。；：:（()）\n]{2,40}?(?:报道|采写|整理))(?=[\s：:])  # 记者 王明 报道
    )
    [\s：:]*
    """,
    regex.VERBOSE,
)


def leading_credit_end(text: str) -> int | None:
    """Where a credit at the start of ``text`` ends (本报讯（记者 王明）…), or None."""
    match = _LEADING_CREDIT.match(text[: 2 * _CREDIT_MAX])
    if match is None:
        return None
    inner = match.group("bracketed") or match.group("plain")
    if inner is None or parse_credit(inner) is None:
        return None
    end: int = match.end()
    return end


# ---------------------------------------------------------------------------------------------
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


# ---------------------------------------------------------------------------------------------
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


_CLAUSE_MARK = re.compile(
    r"""
    [，。；！？,;]                        # punctuation of running text
    """,
    re.VERBOSE,
)


def _is_heading(text: str) -> bool:
    """A short line that is not a sentence: a headline, a column label, a title."""
    return (
        len(text) <= HEADING_MAX and _CLAUSE_MARK.search(text) is None and not ends_sentence(text)
    )


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
