"""Time expressions → deadlines: 年内, 3月底前, 2月中旬, 上半年, 一季度, 到2025年, “十四五”末.

:func:`find_deadlines` finds every time expression in a text and resolves it, given the article's
year ``Y``, to the last day of the period it names:

- a relative year or part of one: 年内/全年/今年/年底/今年底/到年底 → Y-12-31;
  上半年/年中 → Y-06-30; 下半年 → Y-12-31; 年初 → Y-03-31 (taken as the first quarter; but
  年初确定的/年初制定的 say when a target was set, and are no deadline);
  明年 → (Y+1)-12-31; 今明两年 → (Y+1)-12-31; 去年/上年 → (Y-1)-12-31;
- a month: 3月/3月份/3月底/3月末/三月底 → the month's last day (2月 → 28 or 29); 2月上旬/中旬/下旬 →
  the 10th/20th/last day; 3月初 → the 10th; 6月30日 → that day; a range 1—2月 → its last month;
- a quarter: 首季/一季度/第一季度/1季度 → Y-03-31 … 四季度 → Y-12-31; 前三季度 → Y-09-30;
- an explicit year wins over Y: 2023年/2023年底/到2025年/2025年前/2023—2025年 → that (last) year's
  12-31; 2025年6月底 → 2025-06-30; 二〇二三年 and ISO dates (2023-04-11) too;
- a five-year plan: “十四五”末/期间 → 2025-12-31 (the plan's last year);
- N年内 / 今后N年 / 用N年时间 → (Y+N-1)-12-31: the article's year counts as the first of the N
  (三年内 in 2023 → 2025-12-31), as in the "三年行动计划 (2023—2025年)" of work reports;
- seasons: 今冬明春 → (Y+1)-05-31 (spring taken as March–May, so the phrase runs to its end);
  今春 → Y-05-31; 今冬 → (Y+1)-02-28/29; 2023年秋季 → 2023-11-30;
- holidays: 国庆前 → Y-09-30, 五一前 → Y-04-30, 汛前 → Y-05-31; lunar ones (春节前, 端午节前) and
  heating seasons are matched with ``date=None``: their day moves from year to year.

``date`` is None when the year is unknown (``year=None`` and no explicit year), when the month
is not said (月底前, 本月), for phrases that only point back (过去一年, 截至目前) and for "since"
phrases (2021年以来, 今年以来): they name no end.

``is_past`` is True for expressions that point back: 去年/上年/前年/上月, 过去一年/一年来/近三年,
…以来/…至今, an explicit year before Y, a plan that ended before Y, and 截至… unless it names a year
after Y (截至2025年底 in a 2023 work report is a target, 截至2022年底 and 截至3月底 report results).
Calendar dates inside Y (4月11日) are not past: the article's day is not known.

Not deadlines, and not matched: durations and ordinals (5天, 3个月, 第三年, 三年行动), routines
(每月一督导, 月调度, 每年底), 年终 (年终考核 is a routine), a bare plan name (“十四五”规划).
An explicit year is always matched (2023年确立为…): the caller decides by context.

All matching runs on a copy of the text whose full-width digits (０-９) are folded to ASCII, which
keeps every offset; the patterns have no nested quantifiers, so time is linear in the text length.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import dataclass, replace

import regex

from ..lexicon.marks import NAME_QUOTES_CLOSING, NAME_QUOTES_OPENING
from ..lexicon.periods import PeriodWords, period_words
from .periods import Resolved, relation, resolve, same_day_in

__all__ = [
    "YEAR_NAMED",
    "DeadlineMatch",
    "ended_before",
    "find_deadlines",
    "sentence_deadlines",
]

# Full-width digits → ASCII, one character for one (offsets stay valid).
FOLD_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
FULL_WIDTH_DIGIT = regex.compile("[０-９]")  # folding costs more than looking for one

# Numerals a year, month or count can be written in, and what can follow such a number token
# in a time expression besides 年 and 月: a range dash or a space (ISO dates are apart).
_NUMERALS = "0123456789〇零○Ｏ一二两三四五六七八九十"
_AFTER_NUMBER = r"\s\-—–―~～至到"

# Characters that, just before a bare period word, make it part of a number or a routine:
# 三年内 is handled on its own, 半年内 is a duration, 每年底/逐月 are routines, 第三年 an ordinal.
_NUMBER_OR_ROUTINE_BEFORE = "0-9〇零○一二两三四五六七八九十百千万亿几多半每逐历第"
# Characters that, after 前, make it "the first N" (年内前两批) or another word (前列, 前期).
_NOT_BEFORE_AFTER_QIAN = "0-9一二两三四五六七八九十几列景期沿提"
# Characters that, after 内, make it another word (内容, 内部, 内蒙古).
_NOT_WITHIN_AFTER_NEI = "容部涵在外需蒙核"
# Characters that, after 初, make it 初步/初具/初见 ("preliminarily"), not "early in".
_NOT_EARLY_AFTER_CHU = "步具见显现成"
# Characters that, after 年中, make it 中国/中央…, not mid-year.
_NOT_MID_AFTER_ZHONG = "国央华外心部"
# Characters that, after 底, make it 底线 (bottom line), not "end of".
_NOT_END_AFTER_DI = "线数子气"
# Characters before 到/至 that make it part of a verb or conjunction (达到, 增长至, 甚至), not "by".
_VERB_BEFORE_DAO = "达提升增降减扩长回做办得收报想找遇受感延推甚乃以"

# Starts of expressions built in code rather than listed in periods.tsv: digits (years, months,
# counts), quotes (“十四五”), 过去/近N年, 今后/未来/用N年.
_FIXED_FIRST_CHARACTERS = (
    f"0123456789〇零○Ｏ一二两三四五六七八九十{NAME_QUOTES_OPENING}过近今未再用"
)
# Kinds of periods.tsv whose words can open a match (the others only follow another word).
_STARTING_KINDS = (
    "prefix",
    "year_word",
    "year_part",
    "quarter",
    "month_word",
    "season_word",
    "festival",
    "plan",
    "fixed",
    "past",
)
# An ASCII 4-digit year (not inside a longer number) or one in Chinese digits (二〇二三).
_YEAR = r"""
    (?:(?<![0-9.])(?:19|20|21)[0-9]{2}(?![0-9])
      | (?<![〇零○Ｏ一二三四五六七八九])[一二][〇零○Ｏ一二三四五六七八九]{3})
"""
# A month number, not the tail of a longer number: 3, 03, 12, 三, 十二.
_MONTH = r"""
    (?:(?<![0-9.])(?:1[0-2]|0?[1-9])(?![0-9])
      | (?<![〇零○一二两三四五六七八九十百千万])(?:十[一二]|[一二三四五六七八九十]))
"""
# A day of the month: 30, 5, 三十一, 二十, 十五, 五.
_DAY = r"""
    (?:(?<![0-9])(?:3[01]|[12][0-9]|0?[1-9])(?![0-9])
      | 三十一|三十|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])
"""
# A count of years below 100: 3, 10, 三, 两, 十, 二十.
_COUNT = r"(?:[1-9][0-9]?|[二三四五六七八九]?十[一二三四五六七八九]?|[一二两三四五六七八九])"
# The lower end of a range of counts, whose upper end counts: 3—5年内, 用3至5年时间.
_COUNT_FROM = rf"(?:{_COUNT}[-—–~～至到])?"
# What joins the two ends of a range: 2023—2025年, 1-2月, 一至二月.
_RANGE_DASH = r"\s?[-—–―~～至到]\s?"


@dataclass(frozen=True, slots=True)
class DeadlineMatch:
    """One time expression found in a text."""

    start: int  # offset of the first character in the searched text
    end: int  # offset just after the last character
    text: str  # the exact matched substring, e.g. "3月底前"
    date: dt.date | None  # last day of the period it names; None when it cannot be placed
    is_past: bool  # True for expressions that point back (去年, 截至2022年底, 2022年 in 2023)
    kind: str = "unplaced"  # a PeriodKind value: year, half, quarter, month, day …
    first: dt.date | None = None  # first day of the period, when known
    relation: str = "in"  # how the phrase stands to the period (年底前: end; 年内: within)
    index: int | None = None  # which half, quarter or month; how many quarters or years (Period)

    def fields(self) -> dict[str, object]:
        """The fields of a :class:`~yantai_pledges.models.Deadline` for this match, as a plain dict:
        pydantic builds the model inside the one validation of the Target or Milestone that holds
        it, cheaper than a model validated on its own."""
        return {
            "text": {"zh": self.text},
            "date": self.date,
            "period": self.period_fields(),
            "relation": self.relation,
        }

    def period_fields(self) -> dict[str, object]:
        """The fields of the :class:`~yantai_pledges.models.Period` it names."""
        return {"kind": self.kind, "start": self.first, "end": self.date, "index": self.index}

    def in_year(self, year: int) -> DeadlineMatch:
        """The same period in another year (一季度 after 2025年 in a 2024 text)."""
        return replace(
            self,
            date=same_day_in(self.date, year),
            first=same_day_in(self.first, year + (self.first.year - self.date.year))
            if self.first is not None and self.date is not None
            else self.first,
        )


@functools.cache
def _deadline_pattern() -> re.Pattern[str]:
    """The time-expression pattern, built from periods.tsv on first use; matched where
    ``_start_pattern`` finds a possible start.

    Compiled with the standard library's ``re``, which matches it about three times faster than
    the ``regex`` module (it needs no ``regex`` feature); as ``re`` takes a group name once, the
    groups repeated in two branches are renamed (see :func:`_unique_group_names`).
    """
    vocabulary = period_words()
    words = vocabulary.alternatives
    year_part = rf"""
        (?: (?:(?P<year_from>{_YEAR})年?{_RANGE_DASH})?   # range start: 2023—
            (?P<year>{_YEAR})年                          # 2025年
          | (?!(?<=[以马])上)                            # 以上年营业收入, 马上: not 上年
            (?!(?<=[成产工业用])后年)                     # 建成后年产值: "after completion", not 后年
            (?P<year_word>{words("year_word")})          # 今年, 明年, 去年
        )
    """
    month_part = rf"""
        (?:(?P<month_from>{_MONTH})月?份?{_RANGE_DASH})?   # range start: 1—, 一至
        (?P<month>{_MONTH})月                              # 3月, 三月
        (?!一(?![日号十]))                                 # 一月一调度 is a routine
        (?: (?P<day>{_DAY})[日号]                          # 30日
          | (?P<month_part>{words("month_part")})          # 上旬, 底, 份
        )?
    """
    within_year = rf"""
        (?: {month_part}
          | (?P<quarter>{words("quarter")})(?P<quarter_end>末|底)?  # 一季度, 首季, 前三季度末
          | (?P<year_period>{words("year_part")})          # 上半年, 年底, 全年
        )
    """
    guard = rf"(?<![{_NUMBER_OR_ROUTINE_BEFORE}])"
    source = rf"""
        (?=[{_first_characters(vocabulary)}])                   # cheap rejection of most positions
        (?:(?<![{_VERB_BEFORE_DAO}])(?P<prefix>{words("prefix")}))?   # 到, 截至
        (?:
            # 2023-04-11, 2023/4/11, 2023.04.11
            (?P<iso_year>(?<![0-9.])(?:19|20|21)[0-9]{{2}})
            (?P<sep>[-/.])(?P<iso_month>1[0-2]|0?[1-9])
            (?P=sep)(?P<iso_day>3[01]|[12][0-9]|0?[1-9])(?![0-9.])
          | # 春节前, 今年国庆前, 汛期到来之前
            {year_part}?
            (?P<festival>{words("festival")})
            (?P<festival_mark>{words("festival_mark")})
          | # “十四五”末, 十四五期间
            [{NAME_QUOTES_OPENING}]?(?P<plan>{words("plan")})[{NAME_QUOTES_CLOSING}]?
            (?P<plan_mark>{words("plan_mark")})
          | # 本世纪中叶
            (?P<fixed>{words("fixed")})
          | # 过去一年, 近三年来, 五年来, 截至目前
            (?P<past>{words("past")})
          | (?P<past_years>{guard}(?:过去|近){_COUNT}年(?:以?来|间|里)?|{guard}{_COUNT}年以?来)
          | # 今后五年, 用3年时间, 三年内
            (?: (?:今后|未来|再用|用){_COUNT_FROM}(?P<year_count>{_COUNT})年(?:左右)?的?(?:时间)?
              | {guard}{_COUNT_FROM}(?P<year_count>{_COUNT})年(?:时间)?(?:以内|之内|内)
                (?![{_NOT_WITHIN_AFTER_NEI}])
            )
          | # 今冬明春, 今春
            (?P<season_word>{words("season_word")})
          | # 2023年, 今年底, 2025年6月底, 年内, 3月底, 一季度, 本月底
            (?: {year_part}
                (?: {within_year}
                  | (?P<season>{words("season")})             # 2023年春季 (never alone: 冬季取暖)
                  | (?P<year_suffix>{words("year_suffix")})   # 2023年底, 今年初
                )?
              | {guard}{within_year}
              | {guard}(?P<month_word>{words("month_word")})
            )
            (?!(?<=初)[{_NOT_EARLY_AFTER_CHU}])            # 2025年初步建成 is 2025年
            (?!(?<=年初)(?:确定|制定|提出|部署|设定|谋划|签订))  # 年初确定的目标: a past decision
            (?!(?<=年中)[{_NOT_MID_AFTER_ZHONG}])          # 年中国 is not mid-year
            (?!(?<=底)[{_NOT_END_AFTER_DI}])               # 底线
        )
        (?: (?P<suffix>{words("suffix")})                  # 前, 以内, 以来
            (?!(?<=[^底末]前)[{_NOT_BEFORE_AFTER_QIAN}])   # 年内前两批: "the first two" (but
                                                         # 年底前15个村: "by the year's end")
            (?!(?<=内)[{_NOT_WITHIN_AFTER_NEI}])           # 内容, 内蒙古
        )?
    """
    return re.compile(_unique_group_names(source), re.VERBOSE)


# A named group's opening in a pattern's source: (?P<year>.
_GROUP_OPENING = re.compile(r"\(\?P<(?P<name>\w+)>")
_RENAMED = "__"  # year__2: the second group named year (names have no double underscore)


def _unique_group_names(source: str) -> str:
    """``source`` with the second and later groups of a name renamed ``name__2``, ``name__3``.

    The year, month and count groups are written into more than one branch (2023年春节前 and
    2023年底; 三年内 and 用三年时间); branches never match together, so at most one of the
    groups of a name takes part in a match, and :func:`_resolved` reads them as one.
    """
    seen: Counter[str] = Counter()

    def rename(opening: re.Match[str]) -> str:
        name = opening["name"]
        seen[name] += 1
        return opening[0] if seen[name] == 1 else f"(?P<{name}{_RENAMED}{seen[name]}>"

    return _GROUP_OPENING.sub(rename, source)


@functools.cache
def _start_pattern() -> re.Pattern[str]:
    """Matches the first character of every position where ``_deadline_pattern`` can match, and
    of few others.

    Every branch of the deadline pattern opens with a word of a starting kind (今年, 春节, 十四五),
    a prefix (到, 截至) before another opening, a quoted plan name, 过去/近/今后/未来/用 and a
    count, or a number token (a year, month or count of at most four numerals) that ends where
    the run of numerals ends and is followed by 年, 月, a range dash or a space; a 4-digit year
    may be followed by an ISO date separator. Compiled with the standard library's ``re``: as an
    alternation whose branches all open with a literal character, ``re`` scans for those
    characters in C, about three times faster than the regex module tries this pattern.
    """
    vocabulary = period_words()
    openings = [
        (word, "")  # 今年, 春节, 一季度, 至今
        for kind in _STARTING_KINDS
        if kind != "prefix"
        for word in vocabulary.words.get(kind, {})
    ]
    openings += [
        (numeral, rf"[{_NUMERALS}]{{0,3}}+[年月{_AFTER_NUMBER}]")  # 2023年, 3月, 1—2月
        for numeral in _NUMERALS
    ]
    openings += [(century, r"[0-9]{2}[/.]") for century in ("19", "20", "21")]  # 2023/4/11
    plans = vocabulary.alternatives("plan")
    openings += [(quote, f"(?:{plans})") for quote in NAME_QUOTES_OPENING]  # “十四五”
    counts = "[1-9一二两三四五六七八九十]"
    openings += [(word, counts) for word in ("过去", "近", "今后", "未来", "再用", "用")]  # 用3年
    # A prefix opens an expression only before another opening: 到2025年, not 到了.
    first_characters = "".join(sorted({re.escape(word[0]) for word, _ in openings}))
    prefixes = vocabulary.words.get("prefix", {})
    openings += [(word, f"[{first_characters}]") for word in prefixes]  # 到2025年, 截至3月底
    return re.compile(_by_first_character(openings))


def _by_first_character(openings: list[tuple[str, str]]) -> str:
    """A pattern matching the first character of ``word + tail`` (a literal word, then a pattern)
    for every opening, grouped by that character: 今(?=冬|冬明春|后[1-9…]|年). Matching one
    character only, ``finditer`` finds every position where an opening starts."""
    tails: dict[str, set[str]] = {}
    for word, tail in openings:
        tails.setdefault(word[0], set()).add(re.escape(word[1:]) + tail)
    branches = []
    for first, rests in sorted(tails.items()):
        # A word of one character (汛) needs nothing after it.
        rest = "" if "" in rests else "(?=" + "|".join(sorted(rests)) + ")"
        branches.append(re.escape(first) + rest)
    return "|".join(branches)


def _first_characters(vocabulary: PeriodWords) -> str:
    """Every character a time expression can start with, as the inside of a regex class."""
    firsts = {word[0] for kind in _STARTING_KINDS for word in vocabulary.words.get(kind, {})}
    firsts.update(_FIXED_FIRST_CHARACTERS)
    return "".join(regex.escape(character) for character in sorted(firsts))


def find_deadlines(text: str, year: int | None) -> list[DeadlineMatch]:
    """Every time expression in ``text``, in text order, non-overlapping, resolved against ``year``.

    >>> [(m.text, str(m.date)) for m in find_deadlines("确保3月底前开工53个新项目", 2023)]
    [('3月底前', '2023-03-31')]
    """
    folded = text.translate(FOLD_DIGITS) if FULL_WIDTH_DIGIT.search(text) else text
    pattern = _deadline_pattern()
    found: list[DeadlineMatch] = []
    position = 0  # the end of the last match: matches never overlap
    # What pattern.finditer(folded) finds, trying the pattern only where the start pattern says a
    # time expression can begin (the big pattern costs about a microsecond per position).
    for candidate in _start_pattern().finditer(folded):
        start = candidate.start()
        if start < position or (match := pattern.match(folded, start)) is None:
            continue
        position = match.end()  # matches are never empty, so this moves forward
        resolved, relation = _resolved(match.groups(), year)
        found.append(
            DeadlineMatch(
                start,
                position,
                text[start:position],
                resolved.end,
                resolved.is_past,
                resolved.kind,
                resolved.first,
                relation,
                resolved.which,
            )
        )
    return found


# Deadline words recur across articles (年内, 全年, 3月底前), and what one resolves to depends on
# nothing but the groups the pattern captured and the year.
@functools.lru_cache(maxsize=4096)
def _resolved(captured: tuple[str | None, ...], year: int | None) -> tuple[Resolved, str]:
    """The period of a match and its relation, given its ``match.groups()`` (reading a group of a
    regex match by name costs more than building this dict once)."""
    groups: dict[str, str | None] = {}
    for name, captured_text in zip(_group_names(), captured, strict=True):
        # Of the groups renamed from one name, the one that took part (if any) gives its text.
        if captured_text is not None or name not in groups:
            groups[name] = captured_text
    words = period_words()
    resolved = resolve(groups, year, words)
    return resolved, relation(groups, resolved.kind, words)


@functools.cache
def _group_names() -> tuple[str, ...]:
    """The names of the deadline pattern's groups, in the order of ``match.groups()``, each
    renamed group under its first name (year__2 → year)."""
    index = _deadline_pattern().groupindex
    return tuple(name.partition(_RENAMED)[0] for name in sorted(index, key=index.__getitem__))


# ---------------------------------------------------------------------------------------------
# The deadlines of a sentence, as the target rules read them.

# The words before a time expression that make it the base of a comparison (比上年增长6%).
_COMPARISON_BASE = re.compile(r"(?:比|较|与|同|和)$")
# The characters that can end a text _COMPARISON_BASE matches ($ also matches before a final \n).
_COMPARISON_BASE_LAST = frozenset("比较与同和\n")
# A time expression that names a year (2024年, 今年, 明年): a period after it falls in that year.
YEAR_NAMED = re.compile(r"(?:19|20)[0-9]{2}年|今年|明年|后年|来年|次年")


def sentence_deadlines(
    sentence: str, year: int | None, as_of: dt.date | None
) -> tuple[DeadlineMatch, ...]:
    """Deadlines of a sentence, without the base of a comparison (比上年增长6%: 上年 is no
    deadline); those that ended before ``as_of`` point back."""
    found = tuple(
        [
            match
            for match in find_deadlines(sentence, year)
            if not (
                match.start  # cheap test first: the character before the match
                and sentence[match.start - 1] in _COMPARISON_BASE_LAST
                and _COMPARISON_BASE.search(sentence[max(0, match.start - 2) : match.start])
            )
        ]
    )
    return found if as_of is None else ended_before(found, year, as_of)


def ended_before(
    deadlines: tuple[DeadlineMatch, ...], year: int | None, as_of: dt.date
) -> tuple[DeadlineMatch, ...]:
    """The deadlines, those whose period ended before ``as_of`` pointing back. A period of the
    article's year after an explicit year (2025年…一季度) falls in that year (extract/targets.py
    dates such a period the same way)."""
    ended: list[DeadlineMatch] = []
    year_in_force: int | None = None
    for deadline in deadlines:
        date = deadline.date
        if YEAR_NAMED.search(deadline.text):
            year_in_force = date.year if date is not None and not deadline.is_past else None
        elif date is not None and year_in_force is not None and date.year == year:
            date = deadline.in_year(year_in_force).date
        past = not deadline.is_past and date is not None and date < as_of
        ended.append(replace(deadline, is_past=True) if past else deadline)
    return tuple(ended)
