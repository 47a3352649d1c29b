"""Find the quantities in Chinese text: number, scale word, unit, and the comparators around them.

This is the QUANTITIES stage. :func:`find_quantities` scans a text once with one regular expression
built from ``data/units.tsv`` (via :mod:`~yantai_pledges.lexicon.units`) and returns every figure
a target can be made of::

    突破10亿美元   more_than 10 亿美元 → base 1000000000 USD
    130个以上      at_least 130 个 → 130 count
    2—3家          range 2..3 家
    25%左右        about 25 %
    过千亿元       more_than 1000 亿元 → base 100000000000 CNY
    迈上千亿元台阶  at_least 1000 亿元 (raw 千亿元: 上 is the verb's)
    翻一番         exact 2 倍 → base 2 times (翻两番 → 4)

A quantity is ``[comparator] NUMBER [多|余] [SCALE] UNIT [半] [comparator]``, or a range
``NUMBER SEP NUMBER UNIT`` (2—3家, 10亿—20亿元, 两三个), or 百分之 NUMBER. The scale words
(万, 亿 …) are combined with the units in code, so ``units.tsv`` lists only bare units.

What is deliberately *not* returned, because it is a name, a label or a date, not a figure:
numbers inside short quotations and book titles (“1253”总体思路, “10+6”, 《…》); dates
(2023年, 4月11日: 月 and 日 are not units, and 年 after a year number is a date); ordinals and
first-N phrases (第9件, 前两批); size classes (10万吨级, 百亿级); a lone 一 with a measure word
(一个, 一批) and slogans such as 五个一; bare scale words without a comparator or a verb of
reaching (千年, 万人大会, 百家; but 上千家, 达到千亿元); bare numbers without a unit; and counts of
the speech's own outline (重点抓好四个方面工作, 三件事：, 两件大事。).

翻一番, 翻两番, 翻番, 翻倍 have no number-and-unit shape; they are found by a second, small scan
(only when the text contains 翻) and merged in text order.

``qualifier`` is True when the figure describes the noun after it instead of being counted itself:
产值过10亿元企业3家, 亿元以上项目20个, 10亿元级企业, and a threshold followed by 的, a noun and
its count (年销售额过百万元的电商主体30个). A figure followed by 的 and another figure
(总投资1850亿元的340个项目) is an attribute of the set, not a qualifier.

The pattern has no nested unbounded quantifiers and starts with a one-character filter, so the
scan is linear in the length of the text.
"""

from __future__ import annotations

import decimal
import functools
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Final, NamedTuple

import regex

from ..errors import InputError
from ..lexicon.comparators import comparator_words
from ..lexicon.units import COUNTED_BASE_UNITS, CURRENCY_BASE_UNITS, TIME_BASE_UNITS, Unit, units
from ..models import Comparator, Quantity
from .not_counted import (
    Labels,
    describes_noun_after,
    moves_a_rank,
    narrates_a_span,
    outline_noun_follows,
)
from .numbers import parse_number
from .quantity_pattern import (
    FIRST_OF_A,
    FIRST_OF_B,
    GROUP_HALF,
    GROUP_PCT_AR,
    GROUP_PCT_CN,
    GROUP_PREFIX,
    GROUP_SUFFIX,
    GROUP_UNIT,
    GROUP_UNIT_PCT,
    JOINERS,
    OFFSET_APPROX,
    OFFSET_APPROX2,
    OFFSET_AR,
    OFFSET_CN,
    OFFSET_SCALE,
    SCALES,
    candidate_runs,
    joined_numbers,
    match_at,
    quantity_pattern,
)

__all__ = ["QuantityMatch", "find_quantities"]


@dataclass(frozen=True, slots=True)
class QuantityMatch:
    """A quantity found in a text, with the offsets of its source (comparator words included)."""

    start: int
    end: int
    quantity: Quantity
    comparator: Comparator
    qualifier: bool


@dataclass(frozen=True, slots=True)
class _Reading:
    """One number of a match, read: the figure as printed and the scale word after it."""

    number: Decimal
    scale: str
    approximate: bool  # 多, 余, 几: more than the number
    chinese: bool
    lone_one: bool  # the numeral is just 一 (一个, 一批: an article, not a count)
    bare_scale: bool  # starts with a scale word and no digit (千亿, 万人): needs a comparator
    pair: tuple[Decimal, Decimal] | None = None  # 两三个 → (2, 3)


# The last scale word of a Chinese numeral, split off so 两万人 reads as 2 万人 like 2万人.
_TRAILING_SCALES: Final = ("万亿", "亿", "万")

# Adjacent digits that mean "two or three" (两三个, 三五年), and what they stand for.
_PAIRS: Final[dict[str, tuple[int, int]]] = {
    "一两": (1, 2),
    "一二": (1, 2),
    "两三": (2, 3),
    "二三": (2, 3),
    "三四": (3, 4),
    "三五": (3, 5),
    "四五": (4, 5),
    "五六": (5, 6),
    "六七": (6, 7),
    "七八": (7, 8),
    "八九": (8, 9),
}
# 迈上千亿元台阶: after these verbs 上 is part of the verb ("step onto"), so it stays out of ``raw``,
# but the figure is still a level reached (at_least).
_REACH_VERBS: Final = frozenset("迈跨站登跃攀冲")
# Verbs after which a bare scale (达到千亿元, 产值达百亿元) is a figure although no comparator says so.
_BARE_SCALE_VERBS: Final = ("达到", "达", "增至", "升至", "提升至", "提高到", "增加到")
# Units that, with the character after them, make another word: 列入, 列为 (a verb, not trains).
_UNIT_WORDS: Final[dict[str, str]] = {"列": "入为出举席队", "例": "如外"}
# Words that a unit starts together with what follows it: 四次会议 (the fourth session), 三次产业
# (the three sectors), 四套班子 (the four leading bodies) are names, not counts.
_UNIT_COMPOUNDS: Final[dict[str, tuple[str, ...]]] = {
    "次": ("会议", "全会", "全体会议", "代表大会", "党代会", "产业"),
    "套": ("班子",),
    "年": ("行动", "计划", "规划", "攻坚"),  # 三年行动, 五年规划: a programme's name
    "位": ("数",),  # 两位数增长: double-digit growth
}
# Before 前 these make a word (提前, 目前, 年底前 …), so 前 does not mean "the first N".
_NOT_FIRST_N: Final = frozenset("提目当空以此向之眼跟面门超领居绝底末日号节旬")
_PERCENT_SIGNS: Final = frozenset("%％")
_BIG_SCALE_CHARS: Final = frozenset("万亿萬億")
_DIGIT_CHARS: Final = frozenset("〇零一二三四五六七八九")
_SLOGAN_DIGITS: Final = frozenset("一二两三四五六七八九十")
_MAX_DIGITS: Final = 24  # longer digit strings are codes or junk, not figures
_PRECISION: Final = decimal.Context(prec=80)  # exact products of 24 digits and 万亿 × 吉瓦
_ONE: Final = Decimal(1)
_ONE_HALF: Final = Decimal("0.5")  # 一年半


_STRUCTURE_UNITS: Final = frozenset("个件项条点")
_STRUCTURE_MAX: Final = Decimal(10)

# 翻一番 (double), 翻两番 (quadruple), 翻番, 翻倍: a multiple with no unit after a number.
_DOUBLING: Final = regex.compile(
    r"""
    翻了?                                  # 翻, 翻了
    (?: (?P<times>[一二两三四五])?番        # 翻番, 翻一番, 翻两番: each 番 doubles
      | 一?倍 )                             # 翻倍, 翻了一倍
    (?P<suffix>以上|多)?                    # 翻一番以上, 翻一番多
    """,
    regex.VERBOSE,
)
_DOUBLINGS: Final[dict[str, int]] = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}


def find_quantities(text: str) -> list[QuantityMatch]:
    """Every quantity in ``text``, in text order, with non-overlapping spans.

    >>> [(m.quantity.raw, m.quantity.base_value, m.comparator.value)
    ...  for m in find_quantities("实际使用外资突破10亿美元")]
    [('突破10亿美元', Decimal('1000000000'), 'more_than')]
    """
    if not isinstance(text, str) or not text:
        return []
    pattern = quantity_pattern()
    found: list[QuantityMatch] = []
    labels: Labels | None = None  # made for the first match: most sentences have none
    done = 0  # the end of the last match: spans never overlap
    joined = joined_numbers()
    for run in candidate_runs().finditer(text):
        start, run_end = run.span()
        if start < done:
            continue
        if text[run_end] in JOINERS and joined.match(text, run_end) is None:
            continue  # 1—1—1, 三点三点: joined numbers that never reach a unit
        match = match_at(pattern, text, start, done)
        if match is None:
            continue
        if labels is None:
            labels = Labels(text)
        try:
            quantity = _interpret(text, match, labels)
        except (InputError, ArithmeticError):
            # A numeral the pattern admitted but parse_number rejects (十四五): not a quantity.
            quantity = None
        done = match.end()
        if quantity is not None:
            found.append(quantity)
    if "翻" in text:
        found = _with_doublings(text, found, labels or Labels(text))
    return found


def _with_doublings(text: str, found: list[QuantityMatch], labels: Labels) -> list[QuantityMatch]:
    """Add 翻一番, 翻两番, 翻番, 翻倍 (a multiple of 2 ** N) to ``found``, keeping text order."""
    doublings: list[QuantityMatch] = []
    for match in _DOUBLING.finditer(text):
        start, end = match.span()
        if labels.overlap(start, end) or any(
            other.start < end and start < other.end for other in found
        ):
            continue
        times = _DOUBLINGS[match["times"]] if match["times"] else 1
        suffix = match["suffix"]
        comparator = (
            Comparator.AT_LEAST
            if suffix == "以上"
            else Comparator.MORE_THAN
            if suffix == "多"
            else Comparator.EXACT
        )
        value = Decimal(2**times)
        quantity = Quantity(
            raw=match.group(),
            value=value,
            unit={"zh": "倍"},
            base_value=value,
            base_unit="times",
        )
        doublings.append(QuantityMatch(start, end, quantity, comparator, qualifier=False))
    if not doublings:
        return found
    return sorted([*found, *doublings], key=lambda item: item.start)


class _Parts(NamedTuple):
    """The pieces of one match: its number(s) read, its unit, and where they are.

    A NamedTuple rather than a frozen dataclass: it is built for every match, and a tuple is
    several times cheaper to build."""

    high: _Reading  # the number, or the high end of a range
    low: _Reading | None  # the low end of a range written with two numbers
    unit: Unit
    unit_text: str
    number_start: int
    unit_end: int
    half: bool  # 一年半: add one half

    @property
    def is_range(self) -> bool:
        return self.low is not None or self.high.pair is not None


def _interpret(text: str, match: re.Match[str], labels: Labels) -> QuantityMatch | None:
    """Turn one pattern match into a QuantityMatch, or None when it is a label, date or idiom."""
    parts = _parts(match)
    # Every reason to reject gives the same None, so the cheap ones go first.
    if (
        parts is None
        or _is_article(text, parts)
        or labels.overlap(parts.number_start, parts.unit_end)
    ):
        return None
    start, prefix = _prefix(text, match.start(), match[GROUP_PREFIX], parts)
    end, suffix = match.end(), match[GROUP_SUFFIX]
    if match[GROUP_HALF] and not parts.half:
        end, suffix = parts.unit_end, None  # 3个半月: 半 belongs to the next word
    elif suffix == "内" and parts.unit.base_unit not in TIME_BASE_UNITS:
        end, suffix = match.end(GROUP_SUFFIX) - 1, None  # 内 is "within" after a span of time only
    if (
        _is_ordinal(text, parts.number_start)
        or (prefix and _is_ordinal(text, start))
        or not _plausible(text, parts)
        or _is_time_window(text, start, end, prefix, parts)
    ):
        return None
    size_class = text[end : end + 1] == "级"
    comparator = _comparator(prefix, suffix, parts)
    bare_scale = parts.high.bare_scale or (parts.low is not None and parts.low.bare_scale)
    if size_class and parts.unit.base_unit not in CURRENCY_BASE_UNITS:
        return None  # 10万吨级, 百万千瓦级: a size class
    if (
        bare_scale
        and comparator is Comparator.EXACT
        and not size_class
        and not text[:start].endswith(_BARE_SCALE_VERBS)
    ):
        return None  # 千年, 万人大会, 百家: a scale word used as an adjective (not 达到千亿元)
    quantity = _quantity(text[start:end], parts)
    if quantity is None:
        return None
    qualifier = size_class or _is_qualifier(text, end, parts, comparator)
    return QuantityMatch(start, end, quantity, comparator, qualifier)


def _parts(match: re.Match[str]) -> _Parts | None:
    """Read the numbers and the unit of a match; None when a number is not a figure."""
    number_start = match.start() + len(match[GROUP_PREFIX] or "")
    percent = match[GROUP_PCT_AR] or match[GROUP_PCT_CN]
    if percent:
        high = _read(percent, "", False, False, True)  # positional: a smaller cache key
        if high is None:
            return None
        unit_end = max(match.end(GROUP_PCT_AR), match.end(GROUP_PCT_CN))
        return _Parts(high, None, units()["%"], "%", number_start, unit_end, half=False)
    unit_text = match[GROUP_UNIT] or match[GROUP_UNIT_PCT] or ""
    unit = units()[unit_text]
    unit_end = max(match.end(GROUP_UNIT), match.end(GROUP_UNIT_PCT))
    half = bool(match[GROUP_HALF]) and unit.base_unit in TIME_BASE_UNITS
    ranged = bool(match[FIRST_OF_B + OFFSET_AR] or match[FIRST_OF_B + OFFSET_CN])
    first = _read_group(match, FIRST_OF_A, in_range=ranged)
    if not ranged:
        return (
            None
            if first is None
            else _Parts(first, None, unit, unit_text, number_start, unit_end, half)
        )
    second = _read_group(match, FIRST_OF_B, in_range=True)
    if first is None or second is None:
        return None
    return _Parts(second, first, unit, unit_text, number_start, unit_end, half)


def _prefix(text: str, start: int, prefix: str | None, parts: _Parts) -> tuple[int, str | None]:
    """The start of the quantity and its comparator word before, after ruling out other words."""
    if prefix is None:
        return start, None
    before = text[start - 1] if start > 0 else ""
    if prefix == "上":
        if before and before in _REACH_VERBS:
            return (
                parts.number_start,
                prefix,
            )  # 迈上千亿元台阶: 上 is the verb's, the level is reached
        if not parts.high.bare_scale:
            return parts.number_start, None  # 比上年, 上3个月: 上 is not "upwards of" before digits
    if before and before in comparator_words().before[prefix].not_after:
        return parts.number_start, None  # 签约10个: the 约 belongs to 签约
    return start, prefix


def _read_group(match: re.Match[str], first: int, *, in_range: bool) -> _Reading | None:
    """Read the number whose pattern groups start at group number ``first`` (FIRST_OF_A or FIRST_OF_B)."""
    written = match[first + OFFSET_AR] or match[first + OFFSET_CN] or ""
    approximate = bool(match[first + OFFSET_APPROX] or match[first + OFFSET_APPROX2])
    # Positional arguments: the cache key of a keyword call is bigger and slower to build.
    return _read(written, match[first + OFFSET_SCALE] or "", approximate, in_range, False)


def _is_ordinal(text: str, position: int) -> bool:
    """第9件, 第一; 前两批, 前三季度 (but 提前3天, 年底前30个 are figures)."""
    before = text[position - 1 : position]
    if before == "第":
        return True
    return before == "前" and text[position - 2 : position - 1] not in _NOT_FIRST_N


@functools.lru_cache(maxsize=4096)
def _read(
    written: str, scale: str, approximate: bool, in_range: bool, percent: bool
) -> _Reading | None:
    """Read one matched number; None when it is not a figure (二〇二三, 零部件, a 30-digit code).

    ``percent`` is set after 百分之, where a bare 百 (百分之百) is a plain number.
    """
    if written[0] in "0123456789０１２３４５６７８９":
        if len(written) > _MAX_DIGITS and sum(char.isdigit() for char in written) > _MAX_DIGITS:
            return None
        number = parse_number(written.replace(" ", ""))  # 6 . 5: a spaced decimal point
        return _Reading(number, scale, approximate, False, False, False)
    if written[0] in "零〇" and written[1:2] not in {"点", "點"}:
        return None  # 零部件, 〇二: not a number
    if not in_range and written[:2] in _PAIRS:
        return _read_pair(written, scale, approximate=approximate)
    numeral = written
    if not scale and "点" not in written and "點" not in written:
        for big in _TRAILING_SCALES:
            rest = written[: -len(big)]
            if written.endswith(big) and not _BIG_SCALE_CHARS & set(rest):
                numeral, scale = rest, big
                break
    if len(numeral) > 1 and set(numeral) <= _DIGIT_CHARS:
        return None  # 二〇二三, 一二: digits read one by one are years and codes
    number = parse_number(numeral) if numeral else Decimal(1)
    return _Reading(
        number=number,
        scale=scale,
        approximate=approximate,
        chinese=True,
        lone_one=numeral in {"一", "壹"} and not scale and not approximate,
        bare_scale=not percent and (not numeral or numeral[0] in "百千万亿佰仟萬億"),
    )


def _read_pair(written: str, scale: str, *, approximate: bool) -> _Reading | None:
    """两三个, 二三十个, 三五万人: two adjacent digits give a range, units after them scale both."""
    low, high = _PAIRS[written[:2]]
    rest = written[2:]
    if rest and not set(rest) <= set("十百千万亿"):
        return None
    big = ""
    if rest and rest[-1] in "万亿":
        big = "万亿" if rest.endswith("万亿") else rest[-1]
        rest = rest[: -len(big)]
    if big and scale:
        return None
    multiplier = parse_number("一" + rest) if rest else Decimal(1)
    return _Reading(
        number=Decimal(high) * multiplier,
        scale=big or scale,
        approximate=approximate,
        chinese=True,
        lone_one=False,
        bare_scale=False,
        pair=(Decimal(low) * multiplier, Decimal(high) * multiplier),
    )


def _plausible(text: str, parts: _Parts) -> bool:
    """Reject dates, phase names and idioms that have the shape of a quantity (and see
    :func:`_is_article`)."""
    high, low, unit = parts.high, parts.low, parts.unit
    chinese = high.chinese or (low is not None and low.chinese)
    if unit.arabic_only and chinese:
        return False  # 二期: a phase of a project
    if parts.unit_text == "年" and any(
        reading.number == reading.number.to_integral_value() and 1900 <= reading.number <= 2100
        for reading in (high, low)
        if reading is not None and not reading.scale
    ):
        return False  # 2023年, 2023—2025年: a date
    if (
        parts.unit_text.startswith("日")
        and text[parts.number_start - 1 : parts.number_start] == "月"
    ):
        return False  # 1月1日元旦 is a date, not 1 日元
    return (
        not _is_word_after(text, parts)
        and not _is_speech_structure(text, parts)
        and not _is_span_or_rank(text, parts)
    )


def _is_span_or_rank(text: str, parts: _Parts) -> bool:
    """连续三年, 这五年: a stretch of time narrated; 前移9位: a rank's move (see not_counted)."""
    before = text[max(0, parts.number_start - 4) : parts.number_start]  # 连续, 跃升至
    if parts.unit_text == "位":
        return moves_a_rank(before)
    high = parts.high
    after = text[parts.unit_end : parts.unit_end + 1]
    return narrates_a_span(
        before,
        after,
        years=parts.unit_text == "年",
        in_words=high.chinese and parts.low is None and not high.scale,
    )


def _is_article(text: str, parts: _Parts) -> bool:
    """一个, 一批, 一名: a lone 一 is an article, not a count (but 一年半 and 一成, 10%, are figures);
    a lone 二 before a measure word names a kind or a rank (二次供水, 二类), as a count says 两."""
    high = parts.high
    if parts.low is not None or parts.half or parts.unit.base_unit == "percent":
        return False
    lone_two = (
        text[parts.number_start : parts.number_start + 1] == "二"
        and high.chinese
        and high.number == 2
        and not high.scale
        and not high.approximate
        and parts.unit.base_unit in COUNTED_BASE_UNITS
    )
    return high.lone_one or lone_two


def _is_word_after(text: str, parts: _Parts) -> bool:
    """五个一, 三个一批: a slogan; 列入, 列为: the unit character starts a verb; 四次会议, 四套班子:
    it starts a name."""
    next_char = text[parts.unit_end : parts.unit_end + 1]
    if not next_char:
        return False
    if next_char in _UNIT_WORDS.get(parts.unit_text, ""):
        return True
    compounds = _UNIT_COMPOUNDS.get(parts.unit_text)
    if compounds and text.startswith(compounds, parts.unit_end):
        return True
    if (
        parts.unit_text == "头"
        and parts.high.chinese
        and not parts.high.scale
        and parts.high.number <= 3
    ):
        return True  # 两头连, 三头并进: "ends", not head of livestock (counted 500头, 两万头)
    return parts.high.chinese and parts.unit.base_unit == "count" and next_char in _SLOGAN_DIGITS


def _is_speech_structure(text: str, parts: _Parts) -> bool:
    """四个方面工作, 三件事：, 两件大事。: a small Chinese count of the speech's own outline."""
    high = parts.high
    return (
        high.chinese
        and parts.low is None
        and high.pair is None
        and not high.scale
        and not high.approximate
        and high.number <= _STRUCTURE_MAX
        and parts.unit_text in _STRUCTURE_UNITS
        and outline_noun_follows(text, parts.unit_end)
    )


def _is_time_window(text: str, start: int, end: int, prefix: str | None, parts: _Parts) -> bool:
    """近三年, 五年来, 3年间, 过去5年: a period looked back on, not a figure."""
    if parts.unit.base_unit not in TIME_BASE_UNITS:
        return False
    return (
        prefix == "近"
        or text[end : end + 1] in {"来", "间"}
        or text[end : end + 2] == "以来"
        or text[max(start - 2, 0) : start] in {"过去", "这些"}
    )


def _comparator(prefix: str | None, suffix: str | None, parts: _Parts) -> Comparator:
    """The comparator: a range wins, then the word after, then 多/余, then the word before."""
    if parts.is_range:
        return Comparator.RANGE
    if suffix:
        return comparator_words().after[suffix].comparator
    if parts.high.approximate:
        return Comparator.MORE_THAN
    if prefix:
        return comparator_words().before[prefix].comparator
    return Comparator.EXACT


def _quantity(raw: str, parts: _Parts) -> Quantity | None:
    """Build the Quantity: values as printed in ``scale + unit``, base values multiplied out.

    The arithmetic goes through the methods of ``_PRECISION`` (exact to 80 digits) rather than
    the operators in a ``decimal.localcontext``, which costs more than the arithmetic itself.
    """
    high, low, unit = parts.high, parts.low, parts.unit
    scale_factor = SCALES[high.scale] if high.scale else _ONE
    to_base = _PRECISION.multiply(scale_factor, unit.factor)
    # A dict is validated into the same Bilingual, in one pass with the Quantity around it.
    unit_zh = {"zh": high.scale + ("%" if parts.unit_text in _PERCENT_SIGNS else parts.unit_text)}
    bounds: tuple[Decimal, Decimal] | None = high.pair
    if low is not None:
        low_number = low.number
        if low.scale and low.scale != high.scale:
            low_number = _PRECISION.divide(
                _PRECISION.multiply(low_number, SCALES[low.scale]), scale_factor
            )
        bounds = (low_number, high.number)
    if bounds is not None:
        low_value, high_value = (_tidy(bound) for bound in bounds)
        if low_value >= high_value:
            return None  # 3—2家, 2022-1: not a range
        return Quantity(
            raw=raw,
            low=low_value,
            high=high_value,
            unit=unit_zh,
            base_low=_tidy(_PRECISION.multiply(low_value, to_base)),
            base_high=_tidy(_PRECISION.multiply(high_value, to_base)),
            base_unit=unit.base_unit,
        )
    value = _PRECISION.add(high.number, _ONE_HALF) if parts.half else high.number
    return Quantity(
        raw=raw,
        value=_tidy(value),
        unit=unit_zh,
        base_value=_tidy(_PRECISION.multiply(value, to_base)),
        base_unit=unit.base_unit,
    )


def _is_qualifier(text: str, end: int, parts: _Parts, comparator: Comparator) -> bool:
    """Whether the figure describes the noun right after it (过10亿元企业, 亿元以上项目)."""
    if parts.unit.base_unit in {"count", "percent"}:
        return False  # 30家企业 counts the firms; 三成以上规上企业 is a share of them
    threshold = comparator in {Comparator.AT_LEAST, Comparator.MORE_THAN}
    return describes_noun_after(text, end, threshold=threshold and not parts.high.approximate)


def _tidy(value: Decimal) -> Decimal:
    """Exact, without a spurious fractional part: 22420000000.0 → 22420000000."""
    if value == value.to_integral_value():
        return _PRECISION.quantize(value, _ONE)
    return _PRECISION.normalize(value)
