"""Canonical indicators: what a target measures, one row of ``data/indicators.tsv`` each.

:func:`indicator_for` names the indicator of a parsed metric, given the base unit of its figure:

>>> indicator_for("全市地区生产总值增长", "percent").id
'gdp_growth'
>>> indicator_for("地区生产总值", "CNY").en
'gross regional product'
>>> indicator_for("数字经济增长", "percent") is None
True

A wrong indicator is worse than none, so the reading is strict. The metric's last clause (after a
comma, colon, bullet or headline bar) must be one wording of the table, the longest found, with
nothing before it but jurisdiction and time words (全市, 我区, 全年, 2024年, 一季度, 力争 …) and
nothing after it but words of comparison and growth (同比, 比上年, 年均, 分别, 增长, 下降 …). A
figure in per cent needs a growth word to be a growth rate (地区生产总值增长6%), and must not have
one to be a share or a rate (城镇调查失业率5.5%); a figure in money or physical units with a growth
word is a change of the level, not the level (人均地区生产总值比上年增加5000元), and has no indicator.
A list (城、乡居民…, a 、 in the clause) has none either. A division's name before the wording is
read as the place (四川地区生产总值, 广东省地区生产总值: the target's jurisdiction says which); any
other word before it gives None.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final

from .._data import load_table
from ..errors import DataFileError
from .units import CURRENCY_BASE_UNITS

__all__ = ["MEASURES", "SOURCES", "Indicator", "indicator_fields", "indicator_for", "indicators"]

MEASURES: Final = frozenset(
    {"growth_rate", "level", "count", "per_capita", "share", "ratio", "change"}
)
# The source tags of data/indicators.tsv (its header says what each one is). A row's source is a
# comma-separated list of these, each optionally with "+house"; "house" alone is our own English.
SOURCES: Final = frozenset(
    {
        "GWR15",
        "GWR23",
        "GWR24",
        "CSY21",
        "CSY2010",
        "CSY2000",
        "NBS-monthly-2018-08",
        "NBS-Xinhua-2024-01-17",
        "NBS-Xinhua-2024-03-01",
        "SCIO-2023-11",
        "gov.cn-en-2014-10-23",
        "ecns-2014",
        "TERMS",
        "Ningbo-YB-2015",
        "SAFEA-2007-08",
        "Xinhua-2021-10-07",
        "Xinhua-2022-01-24",
        "CGTN-2021-03-13",
        "GT-2019-03-05",
    }
)
_HOUSE: Final = "house"
_BETTER: Final = frozenset({"higher", "lower"})

_ID = re.compile(r"[a-z][a-z0-9_]*")
_MAX_CLAUSE = 48  # a clause longer than this is prose, not the name of an indicator

# Words allowed before the wording: whose figure it is and when (prefixes of the same indicator).
_HEAD_WORDS = (
    "全市", "全区", "全县", "全省", "全镇", "全乡", "全街道", "全州", "全盟", "全旗", "全国", "全域",
    "我市", "我区", "我县", "我省", "我镇", "我乡", "本市", "本区", "本县", "本镇", "区属",
    "全年", "全年度", "今年", "年内", "当年", "明年", "上年", "去年", "年度", "期间", "期末", "年末",
    "年底", "一季度", "二季度", "三季度", "四季度", "上半年", "下半年", "前三季度", "今年以来",
    "截至目前", "十三五", "十四五", "十五五", "末",
    "其中", "实现", "完成", "力争", "确保", "争取", "预计", "计划", "努力", "全力", "推动", "要",
    "将", "共", "累计", "合计", "目标是", "预期目标是", "主要预期目标是", "按常住人口计算",
)  # fmt: skip
# Numbered heads and dates before the wording: 二是, 2024年, 1—11月, 3.
_HEAD_PATTERN: Final = re.compile(
    r"[一二三四五六七八九十]+是|[到至]?\d{4}年(?:度|底|末)?|\d{1,2}(?:[-—~至]\d{1,2})?月份?|\d{1,2}\."
)

_NEUTRAL, _TO, _RISE, _FALL = "neutral", "to", "rise", "fall"
# Words allowed after the wording, by what they say about the figure.
_NEUTRAL_WORDS = (
    "同比", "比上年", "比去年", "较上年", "较去年", "比上年同期", "比去年同期", "较上年同期", "同期",
    "环比", "年均", "平均", "年平均", "两年平均", "三年平均", "五年平均", "分别", "目标", "预期目标",
    "预期", "预计", "按可比价计算", "按可比价格计算", "可比价", "同口径", "实际", "力争", "确保",
    "争取", "计划", "要", "将", "全年", "累计", "首次", "继续", "持续", "共", "合计", "下同", "有望",
)  # fmt: skip
# … the level reached (a rate or an amount, not its change) …
_TO_WORDS = (
    "达到", "达", "实现", "完成", "为", "约", "突破", "超过", "超", "过", "保持", "保持在", "控制在",
    "稳定在", "在", "提高到", "提高至", "提升到", "提升至", "增加到", "增加至", "增长到", "增长至",
    "上升到", "上升至", "下降到", "下降至", "降低到", "降低至", "降至", "降到", "减少到", "减少至",
    "压缩至", "压缩到", "缩短至", "缩短到", "总额", "总量", "规模", "额", "数", "数量", "总数",
    "人数", "每人",
)  # fmt: skip
# … and a change, up or down.
_RISE_WORDS = (
    "增长", "增速", "增幅", "增长率", "涨幅", "上涨", "比增", "增", "正增长", "提高", "提升", "增加",
    "上升", "净增",
)  # fmt: skip
_FALL_WORDS = ("下降", "降低", "回落", "减少", "降幅", "负增长", "下滑")
_TAIL_WORDS: Final = {
    **dict.fromkeys(_NEUTRAL_WORDS, _NEUTRAL),
    **dict.fromkeys(_TO_WORDS, _TO),
    **dict.fromkeys(_RISE_WORDS, _RISE),
    **dict.fromkeys(_FALL_WORDS, _FALL),
}

# Characters that end a clause: the metric's last clause is what follows the last of them.
_CLAUSE_END = re.compile(r"[，,；;：:|丨•·—–\-*#/\[\]【】()<>《》!?！？。]")
# A short parenthesised aside is dropped first: 同比(下同)增长, 研究与试验发展(R&D)经费.
_ASIDE = re.compile(r"\([^()]{0,12}\)")
_DROPPED = re.compile(r"[“”\"‘’'「」『』的]")  # and 的: 占地区生产总值的比重
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Indicator:
    """One canonical indicator: what is measured, in which base unit, and its English."""

    id: str
    zh: str
    en: str
    measure: str  # one of MEASURES
    base_unit: str  # as the parser writes it: CNY, percent, person …
    source: str  # where the English comes from (see data/indicators.tsv)
    higher_is_better: bool  # which way is good news (an "about" target is a floor or a ceiling)


@dataclass(frozen=True, slots=True)
class _Table:
    by_id: dict[str, Indicator]
    by_wording: dict[tuple[str, str], Indicator]  # (wording, unit group) → indicator
    wordings: frozenset[str]  # every wording, whatever its unit group
    lengths: tuple[int, ...]  # the lengths of the wordings, longest first


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    """Words (each with its kind) that may surround a wording, read longest first."""

    kinds: dict[str, str]
    longest: int  # the length of the longest word
    pattern: re.Pattern[str] | None = None  # numbered or dated words (二是, 2024年)


def _unit_group(base_unit: str) -> str:
    """Base units one wording may not name two indicators in: money, area, else the unit itself."""
    if base_unit in CURRENCY_BASE_UNITS:
        return "money"
    if base_unit in {"mu", "square_metre"}:
        return "area"
    return base_unit


def _check_row(row: Mapping[str, str]) -> Indicator:
    name = row["id"]
    if not _ID.fullmatch(name):
        raise DataFileError(f"data/indicators.tsv: bad id {name!r} (snake_case)")
    if row["measure"] not in MEASURES:
        raise DataFileError(f"data/indicators.tsv: {name}: measure not in {sorted(MEASURES)}")
    if row["measure"] == "growth_rate" and row["base_unit"] != "percent":
        raise DataFileError(f"data/indicators.tsv: {name}: a growth rate is in percent")
    if not row["zh"].strip() or not row["en"].strip():
        raise DataFileError(f"data/indicators.tsv: {name} needs zh and en")
    if row["better"] not in _BETTER:
        raise DataFileError(f"data/indicators.tsv: {name}: better is higher or lower")
    for tag in row["source"].split(","):
        if tag != _HOUSE and tag.removesuffix("+house") not in SOURCES:
            raise DataFileError(f"data/indicators.tsv: {name}: unknown source {tag!r}")
    return Indicator(
        id=name,
        zh=row["zh"],
        en=row["en"],
        measure=row["measure"],
        base_unit=row["base_unit"],
        source=row["source"],
        higher_is_better=row["better"] == "higher",
    )


def _wordings(name: str, raw: dict[str, str]) -> list[str]:
    """Row ``name``'s wordings, with =ID items replaced by row ID's own."""
    found: list[str] = []
    for item in raw[name].split("|"):
        if item.startswith("="):
            other = item[1:]
            if other not in raw or raw[other].startswith("=") or "|=" in raw[other]:
                raise DataFileError(f"data/indicators.tsv: {name}: =ID needs a row without =")
            found.extend(_normalise(wording) for wording in raw[other].split("|"))
        elif item:
            found.append(_normalise(item))
        else:
            raise DataFileError(f"data/indicators.tsv: {name}: empty wording")
    for wording in found:
        if not wording or "、" in wording or _CLAUSE_END.search(wording):
            raise DataFileError(f"data/indicators.tsv: {name}: bad wording {wording!r}")
    return found


@functools.cache
def _table() -> _Table:
    rows = load_table("indicators")
    by_id: dict[str, Indicator] = {}
    for row in rows:
        indicator = _check_row(row)
        if indicator.id in by_id:
            raise DataFileError(f"data/indicators.tsv: repeated id {indicator.id}")
        by_id[indicator.id] = indicator
    raw = {row["id"]: row["wordings"] for row in rows}
    by_wording: dict[tuple[str, str], Indicator] = {}
    for name, indicator in by_id.items():
        for wording in _wordings(name, raw):
            key = (wording, _unit_group(indicator.base_unit))
            other = by_wording.setdefault(key, indicator)
            if other is not indicator:
                raise DataFileError(
                    f"data/indicators.tsv: {wording} is claimed by {other.id} and {name} "
                    f"in one unit group ({key[1]})"
                )
    wordings = frozenset(wording for wording, _ in by_wording)
    lengths = tuple(sorted({len(wording) for wording in wordings}, reverse=True))
    return _Table(by_id, by_wording, wordings, lengths)


@functools.cache
def indicators() -> dict[str, Indicator]:
    """data/indicators.tsv, keyed by id; checked as it is read (ids, measures, sources, wordings)."""
    return _table().by_id


def _normalise(text: str) -> str:
    """Width-folded, upper-case, no spaces, quotes or 的, short asides dropped: 同比(下同)增长 → 同比增长."""
    text = unicodedata.normalize("NFKC", text).upper()
    text = _DROPPED.sub("", _SPACE.sub("", text))
    return _ASIDE.sub("", text)


def _last_clause(metric: str) -> str | None:
    if len(metric) > 4 * _MAX_CLAUSE:
        metric = metric[-4 * _MAX_CLAUSE :]  # only the end can hold the last clause
    text = _normalise(metric)
    ends = [match.end() for match in _CLAUSE_END.finditer(text)]
    clause = text[ends[-1] :] if ends else text
    if "、" in clause:
        return None  # a list of metrics sharing one figure
    return clause if 0 < len(clause) <= _MAX_CLAUSE else None


def _longest(clause: str, table: _Table, group: str) -> tuple[int, int, str] | None:
    """The longest wording in ``clause`` (leftmost among equals), if it names one in ``group``."""
    best: tuple[int, int, str] | None = None
    for start in range(len(clause)):
        for length in table.lengths:
            if best is not None and length <= best[1] - best[0]:
                break
            piece = clause[start : start + length]
            if len(piece) == length and piece in table.wordings:
                best = (start, start + length, piece)
                break
    if best is None or (best[2], group) not in table.by_wording:
        return None
    return best


def _words(text: str, vocabulary: _Vocabulary) -> set[str] | None:
    """The kinds of the words ``text`` is made of (longest word first); None if it is not."""
    kinds: set[str] = set()
    position = 0
    while position < len(text):
        for length in range(min(vocabulary.longest, len(text) - position), 0, -1):
            kind = vocabulary.kinds.get(text[position : position + length])
            if kind is not None:
                kinds.add(kind)
                position += length
                break
        else:
            pattern = vocabulary.pattern
            match = pattern.match(text, position) if pattern is not None else None
            if match is None:
                return None
            position = match.end()
    return kinds


_HEAD: Final = _Vocabulary(
    dict.fromkeys(_HEAD_WORDS, _NEUTRAL), max(map(len, _HEAD_WORDS)), _HEAD_PATTERN
)
_TAIL: Final = _Vocabulary(_TAIL_WORDS, max(map(len, _TAIL_WORDS)))


def _fits(indicator: Indicator, kinds: Iterable[str]) -> bool:
    """Whether the words after the wording agree with what the indicator measures."""
    moves = set(kinds) & {_RISE, _FALL}
    if indicator.measure == "growth_rate":
        return bool(moves)
    if indicator.measure == "change" and indicator.base_unit == "percent":
        return moves == {_FALL}  # a reduction (单位GDP能耗下降3%)
    return not moves


_PLACE_MAX = 8  # characters of the longest place name read before a wording (内蒙古自治区 …)


def _place_prefix(head: str) -> int:
    """The length of a division's name (广东, 广东省, 深圳市) that opens ``head``, else 0: the place
    the figure is of, which the target's jurisdiction already says (广东地区生产总值增长4.8%)."""
    from . import divisions  # noqa: PLC0415 - the division tables load only when needed

    for length in range(min(len(head), _PLACE_MAX), 1, -1):
        name = head[:length]
        if divisions.named(name) or divisions.short_named(name):
            return length
    return 0


def indicator_for(metric_zh: str, base_unit: str) -> Indicator | None:
    """The indicator a metric measures, or None when the metric does not clearly name one.

    ``metric_zh`` is a target's metric as the parser writes it (全市地区生产总值增长), ``base_unit``
    its figure's base unit (percent, CNY, count …). Cheap: the table is read once, a call looks
    at no more than the metric's last clause.
    """
    if not isinstance(metric_zh, str) or not isinstance(base_unit, str) or not metric_zh:
        return None
    table = _table()
    clause = _last_clause(metric_zh)
    if clause is None:
        return None
    group = _unit_group(base_unit)
    found = _longest(clause, table, group)
    if found is None:
        return None
    start, end, wording = found
    head, tail = clause[:start], clause[end:]
    if _words(head, _HEAD) is None and _words(head[_place_prefix(head) :], _HEAD) is None:
        return None
    kinds = _words(tail, _TAIL)
    if kinds is None:
        return None
    indicator = table.by_wording[(wording, group)]
    return indicator if _fits(indicator, kinds) else None


@functools.lru_cache(maxsize=4096)
def indicator_fields(metric_zh: str, base_unit: str) -> dict[str, object] | None:
    """A target's ``indicator`` field for a metric (see :func:`indicator_for`), or None. Cached:
    metrics recur across the targets of a corpus; the value is never changed by the caller."""
    indicator = indicator_for(metric_zh, base_unit)
    if indicator is None:
        return None
    return {"id": indicator.id, "name": {"zh": indicator.zh, "en": indicator.en}}
