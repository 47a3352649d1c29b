"""The quantity pattern: one regular expression built from the unit and comparator tables.

``[comparator] NUMBER [多|余] [SCALE] UNIT [半] [comparator]``, a range ``NUMBER SEP NUMBER UNIT``
or 百分之 NUMBER, matched only where a run of digits or numerals starts (see :func:`candidate_runs`)
and read by :mod:`.quantities`. Word lists become tries (个(?:百分点|月)?) so the alternations
cost one character test each. Nothing here has nested unbounded quantifiers: the scan is linear.
"""

from __future__ import annotations

import functools
import re
from typing import Final

import regex

from ..lexicon.comparators import comparator_words
from ..lexicon.scales import SCALES
from ..lexicon.units import units
from .numbers import CHINESE_NUMERAL_CHARS

__all__ = [
    "CN_CLASS",
    "FIRST_OF_A",
    "FIRST_OF_B",
    "GROUP_HALF",
    "GROUP_PCT_AR",
    "GROUP_PCT_CN",
    "GROUP_PREFIX",
    "GROUP_SUFFIX",
    "GROUP_UNIT",
    "GROUP_UNIT_PCT",
    "JOINERS",
    "OFFSET_APPROX",
    "OFFSET_APPROX2",
    "OFFSET_AR",
    "OFFSET_CN",
    "OFFSET_SCALE",
    "SCALES",
    "candidate_runs",
    "joined_numbers",
    "match_at",
    "quantity_pattern",
]


# Arabic digits; thousands commas are ASCII, or full-width between full-width digits (１，０００).
# Also a decimal point with a space on each side (6 . 5%: a mirror copy's spacing), and the
# spoken compound 2万5千 (25,000), read whole by parse_number.
_AR: Final = (
    r"[0-9０-９]++"
    r"(?:,[0-9０-９]{3}(?![0-9０-９])|，[０-９]{3}(?![0-9０-９]))*+"
    r"(?:[.．][0-9０-９]++|\x20[.．]\x20[0-9０-９]++)?"
    r"(?:[万萬][1-9１-９][千仟](?![0-9０-９]))?"
)


CN_CLASS: Final = regex.escape(CHINESE_NUMERAL_CHARS)


_CN: Final = rf"[{CN_CLASS}]{{1,24}}(?:[点點][〇零一二三四五六七八九]{{1,12}})?"


_SPACE: Final = r"[ \u3000\u00a0]?"


_Trie = dict[str, "_Trie"]


def _alternation(words: tuple[str, ...], *, guard_latin: bool = False) -> str:
    """A regex matching any of ``words``, longest first, as a trie (个(?:百分点|月)?) for speed.

    With ``guard_latin``, a word ending in a Latin letter (km, TEU) must not run into more letters.
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_source(trie, "", guard_latin=guard_latin)


def _trie_source(node: _Trie, word: str, *, guard_latin: bool) -> str:
    """The regex of a trie node: its continuations, then (if a word ends here) the empty match."""
    branches = [
        re.escape(char) + _trie_source(child, word + char, guard_latin=guard_latin)
        for char, child in sorted(node.items())
        if char
    ]
    ending = ""
    if guard_latin and word and word[-1].isascii() and word[-1].isalpha():
        ending = "(?![A-Za-z])"
    if "" not in node:
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if not branches:
        return ending
    return "(?:" + "|".join([*branches, ending]) + ")"


def _number(prefix: str) -> str:
    """The pattern of one number with its 多/余 and scale word; group names begin ``prefix``."""
    return rf"""
        (?: (?<![0-9０-９.．,A-Za-z+＋_/])(?<![0-9０-９]，)          # not inside a number or code
            (?P<{prefix}ar>{_AR})                                    # Arabic: 1850, 224.2, 1,000
          | (?<![{CN_CLASS}0-9０-９])(?P<{prefix}cn>{_CN}) )     # Chinese: 三百五十, 零点五
        (?P<{prefix}approx>[多余几])?                               # 30多亿元, 10余个
        (?:{_SPACE}(?P<{prefix}scale>{_alternation(tuple(SCALES))}))?  # 亿 in 1850亿元
        (?P<{prefix}approx2>[多余])?                                 # 1万余人
    """


# The quantity pattern's groups, in order (quantity_pattern() checks it). A match is read several times
# faster by group number than by name, so the code below uses the numbers.
_GROUP_NAMES: Final = (
    "prefix", "pct_ar", "pct_cn",
    "a_ar", "a_cn", "a_approx", "a_scale", "a_approx2", "a_pct",
    "b_ar", "b_cn", "b_approx", "b_scale", "b_approx2",
    "unit_pct", "unit", "half", "suffix",
)  # fmt: skip


GROUP_PREFIX, GROUP_PCT_AR, GROUP_PCT_CN, GROUP_UNIT_PCT, GROUP_UNIT, GROUP_HALF, GROUP_SUFFIX = (
    _GROUP_NAMES.index(name) + 1
    for name in ("prefix", "pct_ar", "pct_cn", "unit_pct", "unit", "half", "suffix")
)


# The first group of each number (FIRST_OF_A: the number or the low end of a range, FIRST_OF_B: the high end),
# and the offsets of its groups from there, in the order _number() writes them.
FIRST_OF_A, FIRST_OF_B = _GROUP_NAMES.index("a_ar") + 1, _GROUP_NAMES.index("b_ar") + 1


OFFSET_AR, OFFSET_CN, OFFSET_APPROX, OFFSET_SCALE, OFFSET_APPROX2 = range(5)


@functools.cache
def quantity_pattern() -> re.Pattern[str]:
    """The quantity pattern, built from the unit table on first use; matched at candidate starts.

    Stdlib ``re``: the pattern needs no ``regex`` feature, and ``re`` matches it in less than half
    the time (it is tried at every candidate number of every sentence).
    """
    unit_words = _alternation(tuple(units()), guard_latin=True)
    words = comparator_words()
    source = rf"""
        (?P<prefix>{_alternation(tuple(words.before))})?      # comparator before: 突破, 超过, 约
        (?:
            百分之(?: (?P<pct_ar>{_AR}) | (?P<pct_cn>{_CN}) )  # 百分之七, 百分之五十
          | {_number("a_")}                                    # the number (the low end of a range)
            (?: (?P<a_pct>[%％])?                              # 6%—7%
                {_SPACE}(?:——|[—–\-－～~〜―至到]){_SPACE}      # 2—3, 2~3, 5至8, 2到3
                {_number("b_")} )?                             # the high end of a range
            {_SPACE}
            (?(a_pct)(?P<unit_pct>[%％])|(?P<unit>{unit_words}))   # the unit, % again after 6%—
        )
        (?P<half>半)?                                         # 一年半, 两天半
        (?P<suffix>{words.after_pattern()})?                  # comparator after: 以上, 左右, 内
    """
    pattern = re.compile(source, re.VERBOSE)
    if pattern.groupindex != {name: number for number, name in enumerate(_GROUP_NAMES, 1)}:
        raise AssertionError("_GROUP_NAMES must list the quantity pattern's groups in order")
    return pattern


@functools.cache
def _prefix_index() -> tuple[list[int], frozenset[str]]:
    """The lengths of the comparator words before a number (longest first) and their last
    characters: a cheap test before looking one up (see match_at)."""
    before = comparator_words().before
    return sorted({len(word) for word in before}, reverse=True), frozenset(w[-1] for w in before)


@functools.cache
def candidate_runs() -> re.Pattern[str]:
    """Each maximal run of digits or of Chinese numerals  that a continuation follows.

    This pattern is scanned over every sentence. Stdlib ``re`` (no ``regex`` feature is needed)
    skips ahead in C to a character of the class the pattern opens with, so the pattern opens
    with one class of digits and numerals (two branches, each opening with its own class, would
    be tried at every position) and the lookbehinds come after that character.
    """
    after = re.escape("".join(sorted(_continuations())))
    digit, numeral = "[0-9０-９]", f"[{CN_CLASS}]"
    return re.compile(
        rf"""
        [0-9０-９{CN_CLASS}]                                    # a digit or a numeral, then
        (?: (?<={digit})(?<!{digit}{digit}){digit}*+           # 1850亿元: whole runs only,
          | (?<={numeral})(?<!{numeral}{numeral}){numeral}*+ )  # so the scan is linear
        (?=[{after}])                                           # a continuation follows
        """,
        re.VERBOSE,
    )


@functools.cache
def _continuations() -> frozenset[str]:
    """Characters that can follow a run of numerals in a quantity: a quick test before matching."""
    chars = set("".join(units())) | set("".join(SCALES)) | set("多余几%％ \u3000\u00a0.．,，点點分")
    chars |= set("—–-－～~〜―至到")
    return frozenset(chars)


# Characters that join a number to more number: decimal points, thousands commas, range dashes, spaces.
JOINERS: Final = frozenset(".．,，点點—–-－～~〜―至到 \u3000\u00a0")


@functools.cache
def joined_numbers() -> regex.Pattern[str]:
    """After one to three joiners (6 . 5), up to two more numbers and then a character that can start a unit."""
    joiners = regex.escape("".join(sorted(JOINERS)))
    finals = regex.escape("".join(sorted(_continuations() - JOINERS)))
    return regex.compile(
        rf"(?:[{joiners}]{{1,3}}+[0-9０-９{CN_CLASS}]{{1,24}}+){{0,2}}+[ \u3000\u00a0]?[{finals}]"
    )


def match_at(pattern: re.Pattern[str], text: str, start: int, done: int) -> re.Match[str] | None:
    """The pattern anchored at a number start, with a comparator word just before it if any."""
    lengths, last_chars = _prefix_index()
    if start > done and text[start - 1] in last_chars:
        before = comparator_words().before
        for length in lengths:
            if start - length >= done and text[start - length : start] in before:
                match = pattern.match(text, start - length)
                if match is not None and match[GROUP_PREFIX]:
                    return match
    match = pattern.match(text, start)
    if match is not None and match[GROUP_PREFIX]:
        return None  # the run starts a word such as 过, not a number
    return match
