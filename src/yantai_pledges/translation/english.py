"""English for the parsed parts of a target: quantities, units, deadlines, metrics, summaries.

Stage: deterministic English (no machine translation). Conventions, chosen and documented here:

* Numbers are multiplied out and written with "million", "billion", "trillion" from a million up,
  with thousands separators below (1850亿元 → "185 billion yuan", 1万人 → "10,000 people"); a range
  shares the scale of its upper end and uses an en dash ("2–3", "US$1–2 billion").
* Units keep what was written: 1000万千瓦 → "10 million kW", not converted to GW, so the figure can
  be checked against the source; British spelling ("square metres", "tonnes"); US$ / HK$ go before
  the number. Classifiers (家, 个, 项) have no English: 30家 → "30".
* Comparators: 以上 → "at least", 突破/超过/过 → "more than", 左右/约 → "about", 以内/不超过 → "at
  most", 不到/低于 → "less than".
* Deadlines name the year: 年内 → "within 2023", 全年 → "in 2023", 3月底前 → "by the end of March
  2023", 2月中旬 → "by mid-February 2023", 首季 → "in the first quarter of 2023"; dates are written
  day month year ("30 June 2023").
* Metrics: the glossary as a whole (also with quote marks removed: “重中之重”项目), then a quoted
  numeric label (专班“10+6”工作体系 → 'task forces of the "10+6" work system'), a threshold rule
  (产值过10亿元企业 → "enterprises with output value over 1 billion yuan"), A占B比重 ("share of A in
  B"), a leading gazetteer place ("… in Penglai District"), then the composition rules of
  ``data/metric_patterns.tsv`` tried in file order (X总投资 → "total investment in X", 新开工X → "new
  X" + the verb "start construction"), then glossary segmentation when every character is covered.
  Anything else gives ``None``: a metric is never half-translated.
* Summaries are sentences built from the parts (see docs/translation.md, "Target sentences"): a lead
  from the commitment or status (Ensure / Strive for / Plan for / Pledge: / Achieved: / Background:),
  the subject with the number where the metric's frame puts it, the metric's verb in the form the lead
  needs ("Ensure at least 130 new projects start construction in 2023.", "Strive for at least 30
  projects to be attracted", "Achieved: 30 projects were attracted"), and the deadline. A metric
  without English is shown in Chinese in parentheses after the number ("Pledge: 117 (某某项目).").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from itertools import product
from typing import NamedTuple

import regex

from .._data import load_table
from ..errors import DataFileError, InputError
from ..lexicon.milestones import milestone_actions
from ..lexicon.periods import period_words
from ..lexicon.units import Unit, units
from ..models import (
    Commitment,
    Comparator,
    Deadline,
    Milestone,
    Period,
    PeriodKind,
    Quantity,
    Status,
    Target,
)
from .glossary import Glossary, default_glossary

__all__ = [
    "deadline_english",
    "format_number",
    "metric_english",
    "milestone_summary",
    "quantity_english",
    "target_english",
    "target_summary",
    "unit_english",
]

# Scale words before a unit, longest first (万亿 before 亿 and 万).
_SCALES: tuple[tuple[str, Decimal], ...] = (
    ("万亿", Decimal(10) ** 12),
    ("千亿", Decimal(10) ** 11),
    ("百亿", Decimal(10) ** 10),
    ("十亿", Decimal(10) ** 9),
    ("千万", Decimal(10) ** 7),
    ("百万", Decimal(10) ** 6),
    ("十万", Decimal(10) ** 5),
    ("亿", Decimal(10) ** 8),
    ("万", Decimal(10) ** 4),
    ("千", Decimal(10) ** 3),
)
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
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_METRIC_MAX_LENGTH = 60  # longer "metrics" are clauses, not names: no composition attempted
_METRIC_MAX_DEPTH = 4


def _split_unit(unit_zh: str) -> tuple[Decimal, str]:
    """万人 → (10000, 人); 亿元 → (10**8, 元); 家 → (1, 家). A known unit is never split."""
    unit = unit_zh.strip()
    if unit in units():
        return Decimal(1), unit
    for word, factor in _SCALES:
        if unit.startswith(word) and len(unit) > len(word):
            return factor, unit[len(word) :]
    return Decimal(1), unit


# Cached (as the English functions below): a parse asks for the same few units, deadlines and
# names again and again, and they are pure functions of their arguments. The value is immutable.
@functools.lru_cache(maxsize=1024)
def _scaled_unit(unit_zh: str) -> tuple[Decimal, Unit | None]:
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
    factor, unit = _scaled_unit(unit_zh)
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


def _quantity_phrase(
    q: Quantity, comparator: Comparator | str | None, *, include_noun: bool
) -> str:
    if comparator is None:
        comparator = Comparator.EXACT
    elif not isinstance(comparator, Comparator):  # a plain string: checked and converted
        comparator = Comparator(comparator)
    low, high = q.low, q.high  # read once: a model's attributes cost more than locals
    if low is not None and high is not None:
        factor, unit = _scaled_unit(q.unit.zh)
        number = _format_range(low * factor, high * factor)
        return _with_unit(number, unit, one=False, include_noun=include_noun)
    value = q.value
    if value is None:
        value = low if low is not None else high
    if value is None:
        raise InputError(f"quantity {q.raw!r} has no value: set value, or low and high")
    return _COMPARATOR_WORDS[comparator] + _amount(value, q.unit.zh, include_noun=include_noun)


def _amount(value: Decimal, unit_zh: str, *, include_noun: bool) -> str:
    """One number with its unit as written: (1850, 亿元) → "185 billion yuan"."""
    factor, unit = _scaled_unit(unit_zh)
    amount = value * factor
    return _with_unit(_cached_number(amount), unit, one=amount == 1, include_noun=include_noun)


def quantity_english(q: Quantity, comparator: Comparator | str | None = None) -> str:
    """1850亿元 → "185 billion yuan"; 130个 with at_least → "at least 130"; 2—3家 → "2–3"."""
    return _quantity_phrase(q, comparator, include_noun=True)


# ---------------------------------------------------------------------------------------------
# Deadlines: composed from the period the deadline grammar resolved (extract/deadlines.py) and the
# relation its words set (data/periods.tsv), so no second grammar reads the Chinese again.

_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_PARTS_OF_MONTH = {1: "early ", 11: "mid-", 21: "late "}  # by the first day of the part
_PREPOSITIONS = {
    "in": "in",
    "within": "within",
    "end": "by the end of",
    "early": "early in",
    "by": "by",
    "before": "before",
    "after": "after",
    "until": "until",
    "since": "since",
    "as_of": "as of",
    "around": "around",
    "during": "during",
}


def _ordinal(number: int) -> str:
    """1 → first … 4 → fourth; 14 → 14th (a plan's number)."""
    if 1 <= number <= len(_ORDINAL_WORDS):
        return _ORDINAL_WORDS[number - 1]
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


_ORDINAL_WORDS = ("first", "second", "third", "fourth")


def _count_word(number: int) -> str:
    return _NUMBER_WORDS[number - 1] if 1 <= number <= len(_NUMBER_WORDS) else str(number)


def _month(index: int | None) -> str | None:
    return _MONTHS[index - 1] if index is not None and 1 <= index <= 12 else None


def _period_noun(period: Period) -> str | None:  # noqa: PLR0911, PLR0912
    # one return per kind of period reads better than a table of lambdas
    start, end, index = period.start, period.end, period.index
    year = f" {end.year}" if end is not None else ""
    of_year = f" of {end.year}" if end is not None else " of the year"
    month = _month(index)
    match period.kind:
        case PeriodKind.YEAR:
            return str(end.year) if end is not None else "the year"
        case PeriodKind.YEARS if start is not None and end is not None:
            return f"{start.year}–{end.year}"
        case PeriodKind.WITHIN_YEARS if index is not None:
            span = f" ({start.year}–{end.year})" if start is not None and end is not None else ""
            return f"{_count_word(index)} years{span}"
        case PeriodKind.PLAN if index is not None and start is not None and end is not None:
            return f"the {_ordinal(index)} Five-Year Plan period ({start.year}–{end.year})"
        case PeriodKind.HALF if index is not None:
            return f"the {_ordinal(index)} half{of_year}"
        case PeriodKind.QUARTER if index is not None:
            return f"the {_ordinal(index)} quarter{of_year}"
        case PeriodKind.QUARTERS if index is not None:
            return f"the first {_count_word(index)} quarters{of_year}"
        case PeriodKind.MONTHS if month is not None:
            if start is None:  # 1-6月 with no year known: the first month is not kept
                return f"the months to {month}"
            return f"{_MONTHS[start.month - 1]}–{month}{year}"
        case PeriodKind.MONTH if month is not None:
            return f"{month}{year}"
        case PeriodKind.PART_OF_MONTH if month is not None and start is not None:
            return f"{_PARTS_OF_MONTH.get(start.day, '')}{month}{year}"
        case PeriodKind.DAY if month is not None and end is not None:
            return f"{end.day} {month}{year}"
        case PeriodKind.SEASON if start is not None and end is not None:
            return f"{_MONTHS[start.month - 1]} {start.year}–{_MONTHS[end.month - 1]} {end.year}"
        case PeriodKind.SINCE if start is not None:
            return str(start.year)
    return None


_DUE_ON = frozenset({PeriodKind.PART_OF_MONTH, PeriodKind.DAY})  # a day or days: due by them


def _deadline_phrase(
    text_zh: str, date: dt.date | None, period: Period | None, relation: str
) -> str:
    named = _named_phrase(text_zh, date, period, relation)
    if named is not None:
        return named
    if relation == "as_of":  # 截至2022年底: as of 31 December 2022
        if date is not None:
            return f"as of {date.day} {_MONTHS[date.month - 1]} {date.year}"
        relation = "end"  # 截至6月底 with no year known: by the end of June
    if relation == "early":  # 年初, 2024年初
        return f"early in {date.year if date is not None else 'the year'}"
    noun = _period_noun(period) if period is not None else None
    if noun is not None and period is not None:
        if relation == "in" and period.kind in _DUE_ON:
            relation = "by"  # 2月中旬开工: by mid-February
        return f"{_PREPOSITIONS.get(relation, 'in')} {noun}"
    if date is not None:
        return f"by {date.day} {_MONTHS[date.month - 1]} {date.year}"
    return "by the stated deadline"


def _named_phrase(
    text_zh: str, date: dt.date | None, period: Period | None, relation: str
) -> str | None:
    """The English of a deadline whose words are a name or a phrase of the table: a festival
    (before the Spring Festival), a phrase pointing back (over the past year), a relative year
    when the year is not known (last year)."""
    kind = period.kind if period is not None else None
    if kind is PeriodKind.FESTIVAL:
        name = period_words().english_name(text_zh, ("festival", "fixed"))
        if name is not None:
            year = f" {date.year}" if date is not None else ""
            return f"{_PREPOSITIONS.get(relation, 'by')} {name}{year}"
    elif kind in (PeriodKind.PAST, PeriodKind.UNPLACED):
        return period_words().english_name(text_zh, ("past", "year_word"))
    elif kind is PeriodKind.SINCE and period is not None and period.start is None:
        return "to date"  # 今年以来 with no year known
    return None


def deadline_english(deadline: Deadline) -> str:
    """The English of a deadline, from its period: 年内 → "within 2023", 3月底前 → "by the end of
    March 2023", 2023年第三季度末 → "by the end of the third quarter of 2023"."""
    return _deadline_phrase(deadline.text.zh, deadline.date, deadline.period, deadline.relation)


# ---------------------------------------------------------------------------------------------
# Metrics

_THRESHOLD = regex.compile(
    r"""
    ^(?P<attr>年产值|产值|营业收入|营收|销售收入|年纳税|纳税|税收|总投资|投资)?  # what is measured
    (?P<op>超过|突破|过|超|达到|达)?                                     # over …
    (?P<number>\d+(?:\.\d+)?|[十百千]?)                                  # … a number or none
    (?P<unit>万亿元|千亿元|百亿元|十亿元|亿元|千万元|百万元|万元|亿美元|万美元|元|美元)  # … money
    (?P<tail>以上)?                                                     # or "… or more"
    (?P<head>\p{Han}.*)$                                                # what is counted
    """,
    regex.VERBOSE,
)
# The number of a threshold written without digits: 过亿元 (one), 过百亿元 (a hundred).
_THRESHOLD_WORD_NUMBERS = {
    "": Decimal(1),
    "十": Decimal(10),
    "百": Decimal(100),
    "千": Decimal(1000),
}
_CONNECTORS = {"和": "and", "及": "and", "与": "and", "、": "and", "以及": "and"}
_CONNECTOR = regex.compile(
    r"""
    (以及|[和及与、的])    # connectors between glossary terms: "and", or 的 ("of")
    """,
    regex.VERBOSE,
)
# stdlib re: a plain character class, tried on every metric composed, which it scans faster.
_QUOTES = re.compile(
    r"""
    [“”‘’"'「」『』]    # quote marks around a slogan or programme name: “重中之重”项目
    """,
    re.VERBOSE,
)
_LABEL = regex.compile(
    r"""
    [“"]                              # a quoted …
    (?P<label>[0-9A-Za-z][0-9A-Za-z+＋.]{0,19})  # … numeric or Latin label: “10+6”, “1+5+1”, “5G”
    [”"]
    """,
    regex.VERBOSE,
)
_SHARE_ENDINGS = ("的比重", "的比例", "比重", "比例")  # A占B(的)比重 → "share of A in B"
_SLOT = "{n}"  # where a pattern puts the number in a summary ("{x} {n} above the city average")
_FRAMES = frozenset({"count", "amount", "by", "to", "reach", "inherit"})
# An English metric is "simple" (fit to go before "growth": "fixed-asset investment growth") when it is
# short and has no preposition, conjunction or participle; otherwise the pattern's second form is used
# ("growth in value added of industrial enterprises above designated size").
_SIMPLE_MAX_WORDS = 4
_FUNCTION_WORDS = frozenset(
    {"of", "in", "for", "with", "above", "below", "worth", "and", "or", "to", "by", "per", "at",
     "from", "on", "over", "than"}
)  # fmt: skip
_PLURAL_END = regex.compile(
    r"""
    [^s]s$    # a plural last word (companies, imports), not one in -ss
    """,
    regex.VERBOSE,
)
_CHINESE_IN_SUMMARY_MAX = 30  # an untranslated metric quoted in a summary is cut to this length


@dataclass(frozen=True, slots=True)
class _Verb:
    """The forms of a metric's predicate: "be attracted", "start/starts/starting/started construction"."""

    plural: str
    singular: str
    participle: str
    past_plural: str
    past_singular: str
    infinitive: str


def _parse_verb(spec: str) -> _Verb | None:
    """ "be attracted" (a complement after "be") or "all start/starts/starting/started construction"."""
    spec = spec.strip()
    if not spec:
        return None
    if spec.startswith("be "):
        rest = spec[3:]
        return _Verb(
            f"are {rest}", f"is {rest}", rest, f"were {rest}", f"was {rest}", f"to be {rest}"
        )
    words = spec.split(" ")
    index = next((i for i, word in enumerate(words) if word.count("/") == 3), None)
    if index is None:
        raise DataFileError(
            f"metric_patterns.tsv: verb {spec!r} must be 'be …' or give the four forms of its verb "
            "as base/third-person/-ing/past, e.g. 'start/starts/starting/started construction'"
        )
    base, third, ing, past = words[index].split("/")

    def form(word: str) -> str:
        return " ".join([*words[:index], word, *words[index + 1 :]])

    return _Verb(form(base), form(third), form(ing), form(past), form(past), f"to {form(base)}")


class _Phrase(NamedTuple):  # one per sub-phrase composed: a tuple builds faster than a dataclass
    """A metric in English: a noun phrase (maybe with a number slot), a predicate, a frame.

    frame says where the number goes in a summary: count ("130 new projects"), amount ("fixed-asset
    investment growth of 7%"), by / to ("… raised by 15%", "… cut to 0.5 working days"), reach ("the
    number of key projects reaches 500").
    """

    noun: str
    verb: _Verb | None = None
    frame: str = "amount"

    def flat(self) -> str:
        """The noun phrase with the predicate as a participle: "major projects attracted"."""
        return f"{self.noun} {self.verb.participle}" if self.verb else self.noun

    def english(self) -> str:
        return _collapse(self.flat().replace(_SLOT, ""))

    def simple(self) -> bool:
        noun = self.noun
        if self.verb is not None or _SLOT in noun or '"' in noun:
            return False
        if _PLURAL_END.search(noun):  # "growth in listed companies"
            return False
        words = noun.split()
        return len(words) <= _SIMPLE_MAX_WORDS and _FUNCTION_WORDS.isdisjoint(words)


def _collapse(text: str) -> str:
    """Each run of whitespace as one space, none at the ends."""
    # Most text is collapsed already, and testing that is cheaper than splitting and joining:
    # a printable string has no whitespace but the ASCII space (str.split's other separators
    # are all unprintable).
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class _Pattern:
    prefix: str
    suffix: str
    simple_en: str
    complex_en: str
    verb: _Verb | None
    frame: str

    def matches(self, text: str) -> str | None:
        """The part standing for X, or ``None``; X may be empty only where the number fills in."""
        if not (text.startswith(self.prefix) and text.endswith(self.suffix)):
            return None
        middle = text[len(self.prefix) : len(text) - len(self.suffix)]
        if len(self.prefix) + len(self.suffix) > len(text):
            return None
        return middle if middle or _SLOT in self.simple_en else None

    def apply(self, inner: _Phrase) -> _Phrase:
        one_form = self.complex_en == self.simple_en  # most patterns: no need to ask simple()
        template = self.simple_en if one_form or inner.simple() else self.complex_en
        if self.frame == "inherit" and not (self.verb and inner.verb):
            noun = template.replace("{x}", inner.noun)
            return _Phrase(noun, self.verb or inner.verb, inner.frame)
        inner_noun = inner.flat()
        if _SLOT in template:
            inner_noun = inner_noun.replace(_SLOT, "")
        frame = inner.frame if self.frame == "inherit" else self.frame
        return _Phrase(template.replace("{x}", inner_noun), self.verb, frame)


@functools.cache
def _patterns() -> tuple[_Pattern, ...]:
    patterns = []
    for row in load_table("metric_patterns"):
        prefix, _, suffix = row["pattern"].partition("X")
        simple_en, _, complex_en = row["en"].partition("|")
        frame = row["frame"].strip()
        if frame not in _FRAMES:
            raise DataFileError(
                f"metric_patterns.tsv: frame {frame!r} is not one of {sorted(_FRAMES)}"
            )
        verb = _parse_verb(row.get("verb", ""))
        patterns.append(_Pattern(prefix, suffix, simple_en, complex_en or simple_en, verb, frame))
    return tuple(patterns)  # in file order: the table puts specific rows first


# Patterns are indexed by the first two characters of their prefix and the last two of their
# suffix (fewer when shorter, "" when empty): two characters single out a prefix family (新增 of
# the twelve 新… prefixes) where one would not.
_END_KEY = 2


@functools.cache
def _patterns_by_ends() -> dict[tuple[str, str], tuple[tuple[int, _Pattern], ...]]:
    """The patterns with their file positions, by the ends of their prefix and suffix (see
    ``_END_KEY``): a text is tried only against patterns that can fit it."""
    index: dict[tuple[str, str], list[tuple[int, _Pattern]]] = {}
    for position, pattern in enumerate(_patterns()):
        key = (pattern.prefix[:_END_KEY], pattern.suffix[-_END_KEY:])
        index.setdefault(key, []).append((position, pattern))
    return {key: tuple(found) for key, found in index.items()}


def _candidate_patterns(text: str) -> tuple[_Pattern, ...]:
    """The patterns whose prefix and suffix can fit ``text``, in file order."""
    return _patterns_for_ends(text[:_END_KEY], text[-_END_KEY:])


# Cached: keyed on a metric's first two and last two characters, a small vocabulary that recurs
# in every article (新增, 引进; 项目, 投资); the value is an immutable tuple.
@functools.lru_cache(maxsize=4096)
def _patterns_for_ends(first: str, last: str) -> tuple[_Pattern, ...]:
    index = _patterns_by_ends()
    starts = {first[:length] for length in range(_END_KEY + 1)}
    ends = {last[len(last) - length :] for length in range(_END_KEY + 1)}
    found = sorted(item for key in product(starts, ends) for item in index.get(key, ()))
    return tuple(pattern for _, pattern in found)


@functools.cache
def _places() -> dict[str, str]:
    """Full place names of the gazetteer (烟台市, 蓬莱区; not bare stems such as 烟台)."""
    return {row["zh"]: row["en"] for row in load_table("places") if row["kind"] != "stem"}


@functools.cache
def _place_lengths() -> dict[str, tuple[int, ...]]:
    """The lengths of the gazetteer's place names by their first character, longest first: a
    metric is tried only against the prefixes that can be a place."""
    lengths: dict[str, set[int]] = {}
    for zh in _places():
        lengths.setdefault(zh[:1], set()).add(len(zh))
    return {first: tuple(sorted(found, reverse=True)) for first, found in lengths.items()}


class _Composer:
    """Composes a metric's English from the glossary and the patterns, each sub-metric once."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self.memo: dict[str, _Phrase | None] = {}

    def phrase(self, zh: str, depth: int = 0) -> _Phrase | None:
        text = zh.strip()
        if not text or depth > _METRIC_MAX_DEPTH:
            return None
        if text not in self.memo:
            self.memo[text] = self._compose(text, depth)
        return self.memo[text]

    def _compose(self, text: str, depth: int) -> _Phrase | None:
        exact = self.glossary.lookup(text)
        if exact is not None:
            return _Phrase(exact)
        unquoted = _QUOTES.sub("", text)
        exact = self.glossary.lookup(unquoted) if unquoted != text else None
        if exact is not None:
            return _Phrase(exact)
        if len(text) > _METRIC_MAX_LENGTH or not unquoted:
            return None
        label = _LABEL.search(text) if unquoted != text else None  # a label is quoted
        if label is not None:
            return self._labelled(text, label, depth)
        return (
            self._threshold(unquoted, depth)
            or self._share(unquoted, depth)
            or self._place(unquoted, depth)
            or self._pattern(unquoted, depth)
            or self._segmented(unquoted)
        )

    def _place(self, zh: str, depth: int) -> _Phrase | None:
        """蓬莱区安排区级重点项目 → "district-level key projects scheduled in Penglai District"."""
        places = _places()
        for length in _place_lengths().get(zh[:1], ()):
            if not 2 <= length < len(zh):  # a place of two or more characters, then the rest
                continue
            place = places.get(zh[:length])
            if place is None:
                continue
            rest = self.phrase(zh[length:], depth + 1)
            if rest is None:
                return None
            where = f" in {place}"
            if rest.verb is None:
                return _Phrase(rest.noun + where, None, rest.frame)
            verb = _Verb(*(form + where for form in dataclasses.astuple(rest.verb)))
            return _Phrase(rest.noun, verb, rest.frame)
        return None

    def _labelled(self, zh: str, label: regex.Match[str], depth: int) -> _Phrase | None:
        """专班“10+6”工作体系 → 'task forces of the "10+6" work system'."""
        before_zh, after_zh = zh[: label.start()], zh[label.end() :]
        before = self.phrase(before_zh, depth + 1) if before_zh else None
        after = self.phrase(after_zh, depth + 1) if after_zh else None
        if (before_zh and before is None) or (after_zh and after is None):
            return None
        named = f'"{label["label"]}"'
        if before is not None and after is not None:
            return _Phrase(f"{before.flat()} of the {named} {after.flat()}")
        if after is not None:
            return _Phrase(f"{named} {after.flat()}")
        return _Phrase(f"{before.flat()} {named}") if before is not None else None

    def _threshold(self, zh: str, depth: int) -> _Phrase | None:
        """产值过10亿元企业 → "enterprises with output value over 1 billion yuan"."""
        if "元" not in zh:  # every money unit of _THRESHOLD ends in 元
            return None
        match = _THRESHOLD.match(zh)
        if match is None or not (match["op"] or match["tail"]):
            return None
        head = self.phrase(match["head"], depth + 1)
        if head is None:
            return None
        number = _THRESHOLD_WORD_NUMBERS.get(match["number"])
        try:
            value = number if number is not None else Decimal(match["number"])
        except InvalidOperation:
            return None
        amount = _amount(value, match["unit"], include_noun=True)
        bound = f"{amount} or more" if match["tail"] and not match["op"] else f"over {amount}"
        if match["attr"]:
            attr = self.glossary.lookup(match["attr"]) or "value"
            return _Phrase(f"{head.noun} with {attr} {bound}", head.verb, head.frame)
        return _Phrase(f"{head.noun} worth {bound}", head.verb, head.frame)

    def _share(self, zh: str, depth: int) -> _Phrase | None:
        """民生支出占一般公共预算支出比重 → "share of … in general public budget expenditure"."""
        if not zh.endswith(_SHARE_ENDINGS):  # one C-level test before looking for which
            return None
        ending = next(end for end in _SHARE_ENDINGS if zh.endswith(end))
        part_zh, _, whole_zh = zh[: -len(ending)].partition("占")
        if not part_zh or not whole_zh:
            return None
        part, whole = self.phrase(part_zh, depth + 1), self.phrase(whole_zh, depth + 1)
        if part is None or whole is None:
            return None
        return _Phrase(f"share of {part.english()} in {whole.english()}")

    def _pattern(self, zh: str, depth: int) -> _Phrase | None:
        for pattern in _candidate_patterns(zh):
            middle = pattern.matches(zh)
            if middle is None:
                continue
            inner = self.phrase(middle, depth + 1) if middle else _Phrase("")
            if inner is not None:
                return pattern.apply(inner)
        return None

    def _segmented(self, zh: str) -> _Phrase | None:
        """Glossary terms (and connectors) that cover every character: 高新技术企业和科技型中小企业."""
        words: list[str] = []
        for piece in (piece for piece in _CONNECTOR.split(zh) if piece):
            if piece in _CONNECTORS or piece == "的":
                words.append(piece)
                continue
            matches = self.glossary.covering_terms(piece)
            if matches is None:
                return None
            words.append(" ".join(m.en for m in matches))
        if "的" in words:
            if words.count("的") != 1 or len(words) != 3 or words[0] == "的":
                return None
            return _Phrase(f"{words[2]} of {words[0]}")  # A的B → B of A
        if words and (words[0] in _CONNECTORS or words[-1] in _CONNECTORS):
            return None
        return _Phrase(" ".join(_CONNECTORS.get(word, word) for word in words))


def _metric(zh: str, glossary: Glossary | None) -> tuple[_Phrase, str] | None:
    """A metric's phrase and its English, or ``None`` when some part of it is unknown."""
    if glossary is None or glossary is default_glossary():
        return _default_metric(zh)
    return _with_english(_Composer(glossary).phrase(zh))


def _with_english(phrase: _Phrase | None) -> tuple[_Phrase, str] | None:
    if phrase is None:
        return None
    english = phrase.english()
    return (phrase, english) if english else None


# Cached because metrics recur across targets and articles, and composing one tries every pattern
# (a target composes its metric once, for its English and its summary: ``target_english``). Only
# for the bundled glossary: a user glossary is built anew for each ``parse`` call and a cache
# keyed on it would keep it alive. The value is immutable (a named tuple and a string).
@functools.lru_cache(maxsize=4096)
def _default_metric(zh: str) -> tuple[_Phrase, str] | None:
    return _with_english(_Composer(default_glossary()).phrase(zh))


def metric_english(zh: str, glossary: Glossary | None = None) -> str | None:
    """The English of what a target counts, or ``None`` when some part of it is unknown."""
    metric = _metric(zh, glossary)
    return metric[1] if metric is not None else None


# ---------------------------------------------------------------------------------------------
# Summaries

_LEADS: dict[Commitment | None, str] = {
    Commitment.ENSURE: "Ensure",
    Commitment.STRIVE: "Strive for",
    Commitment.PLAN: "Plan for",
    None: "Pledge:",
}
_STATUS_LEADS = {Status.ACHIEVED: "Achieved:", Status.CONTEXT: "Background:"}
_COUNT_KINDS = frozenset(
    {"counter", "noun"}
)  # the metric names what is counted: "130 new projects"
_MEASURE_KINDS = frozenset(
    {"measure", "currency"}
)  # "300,000 square metres of new factory buildings"
_UNTRANSLATED = regex.compile(
    r"""
    [^\p{Han}\p{Latin}\p{Nd}“”"+\-—·]    # anything but text, digits and a few signs
    """,
    regex.VERBOSE,
)


def _lead(commitment: Commitment | None, status: Status) -> str:
    return _STATUS_LEADS.get(status) or _LEADS[commitment]


def _sentence(*parts: str) -> str:
    # Also drops the spaces around empty or padded parts (most often an empty last part: no
    # deadline), the trailing ones before _collapse, which then finds most summaries collapsed.
    text = _collapse(" ".join(parts).rstrip())
    return text[:1].upper() + text[1:] + "."


_SAME_IN_SINGULAR = frozenset({"headquarters", "series", "species", "means", "news", "mu", "yuan"})


def _singular_word(word: str) -> str:
    if word in _SAME_IN_SINGULAR or not word.endswith("s") or word.endswith("ss"):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    return word[:-1]


def _singular(noun: str) -> str:
    """ "new projects" → "new project"; "enterprises above designated size" → "enterprise above …"."""
    words = noun.split(" ")
    head = next(
        (
            i
            for i, word in enumerate(words)
            if i + 1 < len(words) and words[i + 1] in _FUNCTION_WORDS
        ),
        len(words) - 1,
    )
    words[head] = _singular_word(words[head])
    return " ".join(words)


def _predicate(verb: _Verb, commitment: Commitment | None, status: Status, plural: bool) -> str:
    if status is Status.ACHIEVED:
        return verb.past_plural if plural else verb.past_singular
    if status is Status.CONTEXT or commitment is None:
        return verb.participle
    if commitment is Commitment.ENSURE:
        return verb.plural if plural else verb.singular
    return verb.infinitive


# 翻一番 / 翻两番: the figure is a multiplication of the metric, not an amount of it.
_MULTIPLYING = {2: "a doubling of", 4: "a quadrupling of"}


def _figure(phrase: _Phrase, target: Target) -> str:
    """The subject, predicate and number of a summary: "at least 130 new projects start construction".

    Other spaces are left as they fall: ``_sentence`` collapses the whole summary once.
    """
    q, comparator = target.quantity, target.comparator
    value = q.value
    factor, unit = _scaled_unit(q.unit.zh)
    kind = unit.kind if unit is not None else ""
    single = value is not None and value * factor == 1 and q.low is None
    tail = ""
    if q.base_unit == "times" and value is not None and q.raw.startswith("翻"):
        return f"{_MULTIPLYING.get(int(value), f'a {value}-fold rise in')} {phrase.flat()}"
    # Each branch below words the figure one way: with its unit noun (full) or without (count).
    if _SLOT in phrase.noun:
        figure = _count(q, comparator) if kind in _COUNT_KINDS else _full(q, comparator)
        subject = phrase.noun.replace(_SLOT, figure + " ", 1)
        plural = not single
    elif phrase.frame in {"by", "to"}:
        subject, tail, plural = phrase.noun, f"{phrase.frame} {_full(q, comparator)}", False
    elif phrase.frame == "reach":
        return f"the {phrase.flat()} {_reach(target)} {_full(q, comparator)}"
    elif kind in _COUNT_KINDS:
        noun = _singular(phrase.noun) if single else phrase.noun
        subject, plural = f"{_count(q, comparator)} {noun}", not single
    elif phrase.frame == "count" and kind in _MEASURE_KINDS:
        subject, plural = f"{_full(q, comparator)} of {phrase.noun}", True
    else:
        subject, plural = f"{phrase.noun} of {_full(q, comparator)}", False
    if phrase.verb is not None:
        subject = f"{subject} {_predicate(phrase.verb, target.commitment, target.status, plural)}"
    return f"{subject} {tail}" if tail else subject


def _count(q: Quantity, comparator: Comparator) -> str:
    """The figure without a unit noun: "at least 130" (130个以上)."""
    return _quantity_phrase(q, comparator, include_noun=False)


def _full(q: Quantity, comparator: Comparator) -> str:
    """The figure with its unit: "185 billion yuan" (:func:`quantity_english`)."""
    return _quantity_phrase(q, comparator, include_noun=True)


_REACH = _Verb("reach", "reaches", "reaching", "reached", "reached", "to reach")


def _reach(target: Target) -> str:
    return _predicate(_REACH, target.commitment, target.status, plural=False)


def _quoted_chinese(zh: str) -> str:
    """An untranslated metric, cleaned, to show in parentheses: "(省市区级重点项目)"."""
    text = _collapse(_UNTRANSLATED.sub(" ", zh))
    if len(text) > _CHINESE_IN_SUMMARY_MAX:
        text = text[:_CHINESE_IN_SUMMARY_MAX] + "…"
    return f"({text})" if text else ""


def target_summary(target: Target, glossary: Glossary | None = None) -> str:
    """One English sentence from the parsed parts: "Ensure at least 130 new projects start …"."""
    return _summary(target, _metric(target.metric.zh, glossary))


def target_english(target: Target, glossary: Glossary | None = None) -> tuple[str | None, str]:
    """A target's :func:`metric_english` and :func:`target_summary`, the metric composed once."""
    metric = _metric(target.metric.zh, glossary)
    return (metric[1] if metric is not None else None), _summary(target, metric)


def _summary(target: Target, metric: tuple[_Phrase, str] | None) -> str:
    deadline = deadline_english(target.deadline) if target.deadline is not None else ""
    if metric is None:
        figure = quantity_english(target.quantity, target.comparator)
        figure = f"{figure} {_quoted_chinese(target.metric.zh)}"
    else:
        figure = _figure(metric[0], target)
    return _sentence(_lead(target.commitment, target.status), figure, deadline)


def _strip_pledge_words(text: str) -> str:
    """确保烟台大学科教园区 → 烟台大学科教园区: the pledge word is already the summary's lead."""
    return _PLEDGE_PREFIX.sub("", text)


_PLEDGE_PREFIX = regex.compile(r"^(?:确保|力争|争取|计划|预计|努力|全力|加快)+")


def milestone_summary(milestone: Milestone, glossary: Glossary | None = None) -> str:
    """One English sentence for a dated pledge: "Ensure completion in September 2023."."""
    text = milestone.text.zh
    deadline_zh = milestone.deadline.text.zh
    at = text.find(deadline_zh) if deadline_zh else -1
    after = text[at + len(deadline_zh) :] if at >= 0 else text
    subject_zh = _strip_pledge_words(text[:at].strip("，,、 ")) if at > 0 else ""
    action = next((en for zh, en in milestone_actions() if zh in after), None) or next(
        (en for zh, en in milestone_actions() if zh in text), "the stated milestone"
    )
    subject = metric_english(subject_zh, glossary) if subject_zh else None
    if subject is not None:
        action = f"{action} of {subject}"
    elif subject_zh:  # keep what is to be done in view, as target summaries do
        action = f"{action} {_quoted_chinese(subject_zh)}"
    deadline = deadline_english(milestone.deadline)
    return _sentence(_lead(milestone.commitment, milestone.status), action, deadline)
