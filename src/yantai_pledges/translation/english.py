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
* Metrics: the glossary as a whole, then a threshold rule (产值过10亿元企业 →
  "enterprises with output value over 1 billion yuan"), then the composition rules of
  ``data/metric_patterns.tsv`` (新增X → "new X", X增长 → "X growth"), then glossary
  segmentation when every character is covered.
  Anything else gives ``None``: a metric is never half-translated. The summary then uses a generic
  form ("Ensure a target figure of at least 130 in 2023.") that stays all English.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import regex

from .._data import load_table
from ..errors import InputError
from ..models import Commitment, Comparator, Milestone, Quantity, Status, Target
from .glossary import Glossary, default_glossary

__all__ = [
    "deadline_english",
    "format_number",
    "metric_english",
    "milestone_summary",
    "quantity_english",
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
_CHINESE_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
                   "九": 9, "十": 10, "十一": 11, "十二": 12}  # fmt: skip
_QUARTERS = {"一": "first", "1": "first", "首": "first", "二": "second", "2": "second",
             "三": "third", "3": "third", "四": "fourth", "4": "fourth"}  # fmt: skip
_METRIC_MAX_LENGTH = 60  # longer "metrics" are clauses, not names: no composition attempted
_METRIC_MAX_DEPTH = 4


@dataclass(frozen=True, slots=True)
class _Unit:
    plural: str
    singular: str
    kind: str


@functools.cache
def _units() -> dict[str, _Unit]:
    return {
        row["zh"]: _Unit(row["en"].strip(), row["singular"].strip(), row["kind"])
        for row in load_table("units_english")
    }


def _split_unit(unit_zh: str) -> tuple[Decimal, str]:
    """万人 → (10000, 人); 亿元 → (10**8, 元); 家 → (1, 家). A known unit is never split."""
    unit = unit_zh.strip()
    if unit in _units():
        return Decimal(1), unit
    for word, factor in _SCALES:
        if unit.startswith(word) and len(unit) > len(word):
            return factor, unit[len(word) :]
    return Decimal(1), unit


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def format_number(value: Decimal) -> str:
    """185000000000 → "185 billion"; 10000 → "10,000"; 4500000 → "4.5 million"."""
    magnitude = abs(value)
    for factor, word in _LARGE:
        if magnitude >= factor:
            return f"{_plain(value / factor)} {word}"
    integral, _, fraction = _plain(value).partition(".")
    grouped = f"{int(integral):,}" if integral.lstrip("-").isdigit() else integral
    return f"{grouped}.{fraction}" if fraction else grouped


def _format_range(low: Decimal, high: Decimal) -> str:
    magnitude = abs(high)
    for factor, word in _LARGE:
        if magnitude >= factor:
            return f"{_plain(low / factor)}–{_plain(high / factor)} {word}"
    return f"{format_number(low)}–{format_number(high)}"


def unit_english(unit_zh: str) -> str:
    """The English of a unit as written: 亿元 → "100 million yuan", 人 → "people", 家 → ""."""
    factor, measure = _split_unit(unit_zh)
    unit = _units().get(measure)
    if unit is None:
        return ""
    if factor == 1:
        return unit.plural
    number = format_number(factor)
    if unit.plural in _PREFIX_CURRENCIES:
        return f"{unit.plural}{number}"
    return f"{number} {unit.plural}".strip()


def _with_unit(number: str, unit: _Unit | None, *, one: bool, include_noun: bool) -> str:
    if unit is None or not unit.plural:
        return number
    if unit.plural in _PREFIX_CURRENCIES:
        return f"{unit.plural}{number}"
    if unit.kind == "noun" and not include_noun:
        return number
    if unit.kind == "percent":
        return f"{number}%"
    return f"{number} {unit.singular if one else unit.plural}"


def _quantity_phrase(
    q: Quantity, comparator: Comparator | str | None, *, include_noun: bool
) -> str:
    factor, measure = _split_unit(q.unit.zh)
    unit = _units().get(measure)
    comparator = Comparator(comparator) if comparator is not None else Comparator.EXACT
    if q.low is not None and q.high is not None:
        number = _format_range(q.low * factor, q.high * factor)
        return _with_unit(number, unit, one=False, include_noun=include_noun)
    value = q.value if q.value is not None else (q.low if q.low is not None else q.high)
    if value is None:
        raise InputError(f"quantity {q.raw!r} has no value: set value, or low and high")
    amount = value * factor
    phrase = _with_unit(format_number(amount), unit, one=amount == 1, include_noun=include_noun)
    return _COMPARATOR_WORDS[comparator] + phrase


def quantity_english(q: Quantity, comparator: Comparator | str | None = None) -> str:
    """1850亿元 → "185 billion yuan"; 130个 with at_least → "at least 130"; 2—3家 → "2–3"."""
    return _quantity_phrase(q, comparator, include_noun=True)


# ---------------------------------------------------------------------------------------------
# Deadlines

_DEADLINE = regex.compile(
    r"""
    (?P<plan_end>十四五末|“十四五”末|十四五期末)     # end of the 14th Five-Year Plan
    | (?P<plan>十四五|“十四五”)                     # during the 14th Five-Year Plan
    | (?P<month>\d{1,2}|十[一二]?|[一二两三四五六七八九])                # a month …
      (?: [—–~至到-] (?P<last>\d{1,2}|十[一二]?|[一二两三四五六七八九]) )?  # … or months (3—5月)
      月份?
      (?: (?P<day>\d{1,2})日
        | (?P<end>底|末)
        | (?P<part>上旬|中旬|下旬)
      )?
      (?P<before>前|之前|以前)?                                        # … optionally "before"
    | (?P<half>上半年|下半年|年中)                                      # half years
    | (?P<first3>前三季度)                                             # first three quarters
    | (?P<quarter>首季度?|[一二三四1-4]季度|第[一二三四]季度)             # quarters
    | (?P<year_end>年底前?|年末前?|年前)                                # by the end of the year
    | (?P<within>年内|今年内|本年内|本年度内|年度内)                     # within the year
    | (?P<spring>春节前)                                               # before the Spring Festival
    | (?P<soon>近期|尽快|尽早)                                         # soon
    | (?P<year_start>年初)                                             # early in the year
    | (?P<in_year>全年|今年|本年|本年度|年度|当年|明年)                   # during the year
    """,
    regex.VERBOSE,
)
_EXPLICIT_YEAR = regex.compile(
    r"""
    (?P<by>到|至|截至)?          # "by" words before the year
    (?P<year>(?:19|20)\d{2})年    # a four-digit year
    (?P<end>底|末)?              # year end
    (?P<before>前|之前)?         # "before"
    """,
    regex.VERBOSE,
)


def _month_number(text: str) -> int:
    return int(text) if text.isdigit() else _CHINESE_DIGITS.get(text, 0)


def _month_name(text: str) -> str | None:
    number = _month_number(text)
    return _MONTHS[number - 1] if 1 <= number <= 12 else None


def _year_suffix(year: int | None) -> str:
    return f" {year}" if year is not None else ""


def _month_phrase(match: regex.Match[str], year: int | None) -> str | None:  # noqa: PLR0911
    # one return per form of month phrase reads better than a table of lambdas
    month = _month_name(match["month"])
    if month is None:
        return None
    y = _year_suffix(year)
    if match["day"] and not match["last"]:
        return f"by {int(match['day'])} {month}{y}"
    if match["end"]:
        return f"by the end of {month}{y}"
    if match["part"]:
        part = {"上旬": "early", "中旬": "mid-", "下旬": "late"}[match["part"]]
        joiner = "" if part.endswith("-") else " "
        return f"by {part}{joiner}{month}{y}"
    if match["last"]:
        last = _month_name(match["last"])
        return f"in {month}–{last}{y}" if last else None
    if match["before"]:
        return f"before {month}{y}"
    return f"in {month}{y}"


def _relative_phrase(match: regex.Match[str], year: int | None) -> str | None:  # noqa: PLR0911
    # one return per alternative of _DEADLINE, in the same order
    y = _year_suffix(year)
    the_year = str(year) if year is not None else "the year"
    if match["plan_end"]:
        return "by the end of the 14th Five-Year Plan period (2025)"
    if match["plan"]:
        return "during the 14th Five-Year Plan period (2021–2025)"
    if match["month"]:
        return _month_phrase(match, year)
    if match["half"]:
        half = "second" if match["half"] == "下半年" else "first"
        return f"in the {half} half of {the_year}"
    if match["first3"]:
        return f"in the first three quarters of {the_year}"
    if match["quarter"]:
        key = match["quarter"].removeprefix("第")[:1]
        return f"in the {_QUARTERS.get(key, 'first')} quarter of {the_year}"
    if match["year_end"]:
        return f"by the end of {the_year}"
    if match["within"]:
        return f"within {the_year}"
    if match["spring"]:
        return f"before the Spring Festival{y}"
    if match["soon"]:
        return "as soon as possible" if match["soon"] != "近期" else "in the near future"
    if match["year_start"]:
        return f"early in {the_year}"
    return f"in {the_year}"


def deadline_english(text_zh: str, date: dt.date | None = None) -> str:
    """The English of a deadline: 年内 → "within 2023", 3月底前 → "by the end of March 2023"."""
    text = text_zh.strip()
    explicit = _EXPLICIT_YEAR.search(text)
    year = int(explicit["year"]) if explicit else (date.year if date else None)
    match = _DEADLINE.search(text[explicit.end() :] if explicit else text)
    if match is not None:
        phrase = _relative_phrase(match, year)
        if phrase is not None:
            return phrase
    if explicit is not None:
        if explicit["end"]:
            return f"by the end of {year}"
        return f"by {year}" if explicit["by"] or explicit["before"] else f"in {year}"
    if date is not None:
        return f"by {date.day} {_MONTHS[date.month - 1]} {date.year}"
    return "by the stated deadline"


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
_CONNECTORS = {"和": "and", "及": "and", "与": "and", "、": "and", "以及": "and"}
_CONNECTOR = regex.compile(
    r"""
    (以及|[和及与、的])    # connectors between glossary terms: "and", or 的 ("of")
    """,
    regex.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class _Pattern:
    prefix: str
    suffix: str
    en: str
    frame: str


@functools.cache
def _patterns() -> tuple[_Pattern, ...]:
    patterns = []
    for row in load_table("metric_patterns"):
        prefix, _, suffix = row["pattern"].partition("X")
        patterns.append(_Pattern(prefix, suffix, row["en"], row["frame"]))
    return tuple(sorted(patterns, key=lambda p: -(len(p.prefix) + len(p.suffix))))


def _threshold_english(zh: str, glossary: Glossary, depth: int) -> str | None:
    match = _THRESHOLD.match(zh)
    if match is None or not (match["op"] or match["tail"]):
        return None
    head = _metric(match["head"], glossary, depth + 1)
    if head is None:
        return None
    number_text = match["number"]
    number = {"": Decimal(1), "十": Decimal(10), "百": Decimal(100), "千": Decimal(1000)}.get(
        number_text
    )
    try:
        value = number if number is not None else Decimal(number_text)
    except InvalidOperation:
        return None
    quantity = Quantity(raw=zh, value=value, unit={"zh": match["unit"]}, base_unit="")
    amount = quantity_english(quantity)
    bound = f"{amount} or more" if match["tail"] and not match["op"] else f"over {amount}"
    if match["attr"]:
        attr = glossary.lookup(match["attr"]) or "value"
        return f"{head} with {attr} {bound}"
    return f"{head} worth {bound}"


def _segmented(zh: str, glossary: Glossary) -> str | None:
    """Compose a metric from glossary terms when they (and connectors) cover every character."""
    pieces = [piece for piece in _CONNECTOR.split(zh) if piece]
    words: list[str] = []
    for piece in pieces:
        if piece in _CONNECTORS or piece == "的":
            words.append(piece)
            continue
        matches = glossary.find_terms(piece)
        if sum(m.end - m.start for m in matches) != len(piece):
            return None
        words.append(" ".join(m.en for m in matches))
    if "的" in words:
        if words.count("的") != 1 or len(words) != 3 or words[0] == "的":
            return None
        return f"{words[2]} of {words[0]}"  # A的B → B of A
    return " ".join(_CONNECTORS.get(word, word) for word in words)


def _metric(zh: str, glossary: Glossary, depth: int) -> str | None:
    text = zh.strip().strip("“”\"'")
    if not text or depth > _METRIC_MAX_DEPTH:
        return None
    exact = glossary.lookup(text) or glossary.lookup(zh.strip())
    if exact is not None:
        return exact
    if len(text) > _METRIC_MAX_LENGTH:
        return None
    threshold = _threshold_english(text, glossary, depth)
    if threshold is not None:
        return threshold
    for pattern in _patterns():
        middle_end = len(text) - len(pattern.suffix)
        if (
            middle_end > len(pattern.prefix)
            and text.startswith(pattern.prefix)
            and text.endswith(pattern.suffix)
        ):
            inner = _metric(text[len(pattern.prefix) : middle_end], glossary, depth + 1)
            if inner is not None:
                return pattern.en.format(x=inner)
    return _segmented(text, glossary)


def metric_english(zh: str, glossary: Glossary | None = None) -> str | None:
    """The English of what a target counts, or ``None`` when some part of it is unknown."""
    return _metric(zh, glossary or default_glossary(), 0)


# ---------------------------------------------------------------------------------------------
# Summaries

_LEADS: dict[Commitment | None, str] = {
    Commitment.ENSURE: "Ensure",
    Commitment.STRIVE: "Strive for",
    Commitment.PLAN: "Plan for",
    None: "Pledge:",
}
_STATUS_LEADS = {Status.ACHIEVED: "Achieved:", Status.CONTEXT: "Background figure:"}


def _lead(commitment: Commitment | None, status: Status) -> str:
    return _STATUS_LEADS.get(status) or _LEADS[commitment]


def _sentence(*parts: str) -> str:
    text = " ".join(part for part in parts if part)
    return text[:1].upper() + text[1:] + "."


def _counts(q: Quantity) -> bool:
    _, measure = _split_unit(q.unit.zh)
    unit = _units().get(measure)
    return unit is not None and unit.kind in {"counter", "noun"}


def target_summary(target: Target, glossary: Glossary | None = None) -> str:
    """One English sentence from the parsed parts: "Ensure at least 130 new … in 2023."."""
    metric = metric_english(target.metric.zh, glossary)
    deadline = (
        deadline_english(target.deadline.text.zh, target.deadline.date) if target.deadline else ""
    )
    if metric is None:
        figure = f"a target figure of {quantity_english(target.quantity, target.comparator)}"
    elif _counts(target.quantity):
        count = _quantity_phrase(target.quantity, target.comparator, include_noun=False)
        figure = f"{count} {metric}"
    else:
        figure = f"{metric} of {quantity_english(target.quantity, target.comparator)}"
    return _sentence(_lead(target.commitment, target.status), figure, deadline)


@functools.cache
def _actions() -> tuple[tuple[str, str], ...]:
    rows = [(row["zh"], row["en"]) for row in load_table("milestone_actions")]
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


def milestone_summary(milestone: Milestone, glossary: Glossary | None = None) -> str:
    """One English sentence for a dated pledge: "Ensure completion in September 2023."."""
    text = milestone.text.zh
    deadline_zh = milestone.deadline.text.zh
    at = text.find(deadline_zh) if deadline_zh else -1
    after = text[at + len(deadline_zh) :] if at >= 0 else text
    subject_zh = text[:at].strip("，,、 ") if at > 0 else ""
    action = next((en for zh, en in _actions() if zh in after), None) or next(
        (en for zh, en in _actions() if zh in text), "the stated milestone"
    )
    subject = (glossary or default_glossary()).lookup(subject_zh) if subject_zh else None
    if subject is not None:
        action = f"{action} of {subject}"
    deadline = deadline_english(deadline_zh, milestone.deadline.date)
    return _sentence(_lead(milestone.commitment, milestone.status), action, deadline)
