"""Date lines and credits: 2023年2月10日, YMG全媒体记者 童佳怡 整理, 本报讯（记者 X）.

Part of :mod:`yantai_pledges.layout`; see its docstring for the forms and decisions.
"""

from __future__ import annotations

import functools

import regex

from ..lines import HEADING_MAX
from .speakers import _BRACKETS, _DECORATION, _is_name

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
