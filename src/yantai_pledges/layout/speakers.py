"""Speakers: speaker lines (positions and a name), column labels, officials named in running text.

Part of :mod:`yantai_pledges.layout`; see its docstring for the forms and decisions.
"""

from __future__ import annotations

import functools
import re

import regex

from ..lines import HEADING_MAX, Paragraph, ends_sentence
from .parts import SpeakerParts
from .vocabulary import _vocabulary

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
    (?:代表[^，,。；：\n]{1,24}?[，,]?(?:向(?:大会|会议))?)?  # 代表省人民政府，向大会报告工作
    (?:
        表示|指出|强调|提出|介绍|要求|认为|坦言|透露|说|称|谈到|讲话|致辞|发言|通报|报告工作
      | 话音刚落                             # “……”省委书记孙志刚话音刚落，…
      | 作(?![为出用])[^，。；：\n]{0,48}?(?:讲话|报告)  # 作动员讲话 / 作政府工作报告 / 作《…》
                                                  # / 作提振“天全状态”…的报告
    )
    """,
    regex.VERBOSE,
)
_CLAUSE_BREAK = regex.compile(
    r"""
    .*[，。；：“”！？\n（）(),;:!?]      # everything up to the last clause boundary
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
    """The first official named in running text with a verb of speech (…区委书记罗建表示), else
    the first official named with a title whose bare name speaks later (开发区党工委书记孔纬参加
    会议。孔纬指出，…).

    Only the first ``_MENTION_WINDOW`` characters are searched: a report names its speaker early.
    """
    vocabulary = _vocabulary()
    stop = min(len(text) if end is None else end, start + _MENTION_WINDOW)
    silent: list[tuple[int, int, str]] = []  # titled names with no verb of speech: title span, name
    for title in vocabulary.title_pattern.finditer(text, start, stop):
        if text[title.end() : title.end() + 1] in _TITLE_GOES_ON:
            continue  # 人大主席团, 代表团: a body, not an official
        dotted = _DOTTED_NAME.match(text, title.end())
        # A dotted name ends somewhere after its dot (the pattern runs into the next words).
        sizes = (
            range(dotted.group().index("·") + 2, len(dotted.group()) + 1) if dotted else (2, 3, 4)
        )
        for size in sizes:
            name = text[title.end() : title.end() + size]
            if not _is_name(name):
                continue
            if _SPEECH_AFTER_NAME.match(text, title.end() + size):
                found = _official(text, start, title.start(), title.end(), name)
                if found is not None:
                    return found
            elif len(silent) < _SILENT_MAX:
                silent.append((title.start(), title.end(), name))
    for title_start, title_end, name in silent:
        if _speaks_later(text, name, title_end + len(name), stop):
            found = _official(text, start, title_start, title_end, name)
            if found is not None:
                return found
    return None


_SILENT_MAX = 24  # titled names whose later speech is looked for
# A character that, after a title, makes it the name of a body: 主席团 (a presidium), 代表团.
_TITLE_GOES_ON = frozenset("团")
# An ethnic-minority name right after a title: 艾尔肯·吐尼亚孜 (see _NAME).
_DOTTED_NAME = regex.compile(r"\p{Han}{1,8}·\p{Han}{1,8}")


def _speaks_later(text: str, name: str, position: int, stop: int) -> bool:
    """Whether ``name`` stands alone with a verb of speech after ``position`` (孔纬指出)."""
    while (at := text.find(name, position, stop)) >= 0:
        position = at + len(name)
        if _SPEECH_AFTER_NAME.match(text, position) and not _is_name_character(text, at - 1):
            return True
    return False


def _is_name_character(text: str, position: int) -> bool:
    """Whether the character at ``position`` may be part of a longer name (区长张国智 vs 张国智)."""
    if position < 0:
        return False
    character = text[position]
    return "\u4e00" <= character <= "\u9fff" and character not in _NOT_IN_NAME


def _official(
    text: str, start: int, title_start: int, title_end: int, name: str
) -> SpeakerParts | None:
    """The official whose title ends at ``title_end`` and whose name follows: positions read
    back from the title to the clause's start."""
    reach = max(start, title_start - _MENTION_REACH)
    clause = text[reach:title_end]
    boundary = _CLAUSE_BREAK.match(clause)
    offset = reach + (boundary.end() if boundary else 0)
    clause = text[offset:title_end]
    for opener in _CLAUSE_OPENERS:
        if clause.startswith(opener):
            offset += len(opener)
            clause = clause[len(opener) :]
            break
    found = _mention_positions(clause)
    if found is None:
        return None
    positions, jurisdiction, skip = found
    return SpeakerParts(name, positions, jurisdiction, offset + skip, title_end + len(name))


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
# Heading lines: a short line that is not a sentence (column labels here, headlines in assembly)
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
