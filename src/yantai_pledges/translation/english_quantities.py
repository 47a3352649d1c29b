"""English for quantities and units: numbers multiplied out, units kept as written, comparators
in words (conventions in :mod:`.english`)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from decimal import Decimal

import regex

from ..errors import InputError
from ..extract.numbers import parse_number
from ..lexicon.scales import SCALES
from ..lexicon.units import Unit, units
from ..models import (
    Comparator,
    Quantity,
)

__all__ = [
    "amount_english",
    "format_number",
    "per_english",
    "quantity_english",
    "quantity_phrase",
    "scaled_unit",
    "unit_english",
]


_LARGE: tuple[tuple[Decimal, str], ...] = (
    (Decimal(10) ** 12, "trillion"),
    (Decimal(10) ** 9, "billion"),
    (Decimal(10) ** 6, "million"),
)
_PREFIX_CURRENCIES = frozenset({"US$", "HK$"})
_COMPARATOR_WORDS: dict[Comparator, str] = {
    Comparator.EXACT: "",
    Comparator.AT_LEAST: "at least ",
    Comparator.MORE_THAN: "more than ",
    Comparator.ABOUT: "about ",
    Comparator.AT_MOST: "at most ",
    Comparator.LESS_THAN: "less than ",
    Comparator.RANGE: "",
}


def _split_unit(unit_zh: str) -> tuple[Decimal, str]:
    """万人 → (10000, 人); 亿元 → (10**8, 元); 家 → (1, 家). A known unit is never split."""
    unit = unit_zh.strip()
    if unit in units():
        return Decimal(1), unit
    for word, factor in SCALES.items():
        if unit.startswith(word) and len(unit) > len(word):
            return factor, unit[len(word) :]
    return Decimal(1), unit


# Cached (as the English functions below): a parse asks for the same few units, deadlines and
# names again and again, and they are pure functions of their arguments. The value is immutable.
@functools.lru_cache(maxsize=1024)
def scaled_unit(unit_zh: str) -> tuple[Decimal, Unit | None]:
    """亿元 → (10**8, the unit 元); 家 → (1, the classifier 家); (factor, None) for an unknown unit."""
    factor, measure = _split_unit(unit_zh)
    unit = units().get(measure)
    if unit is not None and unit.kind == "percent" and unit.factor != 1:
        return factor * unit.factor, units()["%"]  # 三成 → 30%, 3‰ → 0.3%: per cent in English
    return factor, unit


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def format_number(value: Decimal) -> str:
    """185000000000 → "185 billion"; 10000 → "10,000"; 4500000 → "4.5 million"."""
    magnitude = abs(value)
    for factor, word in _LARGE:
        if magnitude >= factor:
            return f"{_plain(value / factor)} {word}"
    sign, digits = ("-", _plain(-value)) if value < 0 else ("", _plain(value))
    integral, _, fraction = digits.partition(".")
    grouped = f"{int(integral):,}" if integral.isdigit() else integral
    return sign + (f"{grouped}.{fraction}" if fraction else grouped)


# Cached for the summaries, which print the same few numbers again and again. Equal Decimals (30,
# 30.0) print the same, as every branch normalises; typed, so an int is not taken for its Decimal.
# Only for numbers computed here: a signalling NaN, which cannot be hashed, never gets this far.
_cached_number = functools.lru_cache(maxsize=4096, typed=True)(format_number)


def _format_range(low: Decimal, high: Decimal) -> str:
    magnitude = abs(high)
    for factor, word in _LARGE:
        if magnitude >= factor:
            return f"{_plain(low / factor)}–{_plain(high / factor)} {word}"
    return f"{_cached_number(low)}–{_cached_number(high)}"


@functools.lru_cache(maxsize=1024)
def unit_english(unit_zh: str) -> str:
    """The English of a unit as written: 亿元 → "100 million yuan", 人 → "people", 家 → ""."""
    factor, unit = scaled_unit(unit_zh)
    if unit is None:
        return ""
    if factor == 1:
        return unit.plural
    number = format_number(factor)
    if unit.plural in _PREFIX_CURRENCIES:
        return f"{unit.plural}{number}"
    if unit.kind == "percent":  # 成 is worth "10%"
        return f"{number}{unit.plural}"
    return f"{number} {unit.plural}".strip()


def _with_unit(number: str, unit: Unit | None, *, one: bool, include_noun: bool) -> str:
    if unit is None or not unit.plural:
        return number
    if unit.plural in _PREFIX_CURRENCIES:
        return f"{unit.plural}{number}"
    if unit.kind == "noun" and not include_noun:
        return number
    if unit.kind == "percent":  # %, ‰: the sign follows the number
        return f"{number}{unit.plural}"
    return f"{number} {unit.singular if one else unit.plural}"


def quantity_phrase(q: Quantity, comparator: Comparator | str | None, *, include_noun: bool) -> str:
    if comparator is None:
        comparator = Comparator.EXACT
    elif not isinstance(comparator, Comparator):  # a plain string: checked and converted
        comparator = Comparator(comparator)
    low, high = q.low, q.high  # read once: a model's attributes cost more than locals
    if low is not None and high is not None:
        factor, unit = scaled_unit(q.unit.zh)
        number = _format_range(low * factor, high * factor)
        return _with_unit(number, unit, one=False, include_noun=include_noun)
    value = q.value
    if value is None:
        value = low if low is not None else high
    if value is None:
        raise InputError(f"quantity {q.raw!r} has no value: set value, or low and high")
    return _COMPARATOR_WORDS[comparator] + amount_english(
        value, q.unit.zh, include_noun=include_noun
    )


def amount_english(value: Decimal, unit_zh: str, *, include_noun: bool) -> str:
    """One number with its unit as written: (1850, 亿元) → "185 billion yuan"."""
    factor, unit = scaled_unit(unit_zh)
    amount = value * factor
    return _with_unit(_cached_number(amount), unit, one=amount == 1, include_noun=include_noun)


def quantity_english(q: Quantity, comparator: Comparator | str | None = None) -> str:
    """1850亿元 → "185 billion yuan"; 130个 with at_least → "at least 130"; 2—3家 → "2–3"."""
    return quantity_phrase(q, comparator, include_noun=True)


# 每X: what one figure is given for (per person, per year …); 每个 is "each".
_PER_WORDS = {
    "人": "per person", "年": "per year", "月": "per month", "周": "per week", "天": "per day",
    "日": "per day", "季度": "per quarter", "户": "per household", "家": "per firm", "个": "each",
    "亩": "per mu",
}  # fmt: skip
_PER_PART = regex.compile(r"每(?P<word>季度|[人年月周天日户家个亩])")
_EACH_OF = regex.compile(
    r"""
    (?P<count> \d+ | [一二两三四五六七八九十]+ ) (?: 大 | 个 )? (?P<noun> \p{Han}* ) 各 $
    """,
    regex.VERBOSE,
)


def per_english(per_zh: str, noun_english: Callable[[str], str | None] | None = None) -> str:
    """The English of ``Quantity.per``: 每人每月 → "per person per month", 5大方面各 → "in each of
    5" (with the noun's English when ``noun_english`` gives one: 5个片区各 → "in each of 5 areas"), 各 and
    分别 → "each"."""
    parts = [_PER_WORDS[match.group("word")] for match in _PER_PART.finditer(per_zh)]
    if parts:
        return " ".join(parts)
    each_of = _EACH_OF.search(per_zh)
    if each_of is None:
        return "each"
    try:
        count = format_number(parse_number(each_of.group("count")))
    except InputError:
        return "each"
    noun = noun_english(each_of.group("noun")) if noun_english and each_of.group("noun") else None
    return f"in each of {count} {noun}" if noun else f"in each of {count}"
