"""What a figure counts: its metric, read from the words around it in its sentence.

The metric is the words before the number in its clause (年内新增规上工业企业30家 → 新增规上工业企业),
or the noun after it (开工53个新项目 → 开工新项目); 分别 distributes a list of subjects over a list
of numbers; a bare 突破300亿元 inherits the subject of the figure before it; the items of a 、 list
share the verb of the first (新增A30家、B3家).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import NamedTuple

import regex

from ..lexicon.units import COUNTED_BASE_UNITS
from .deadlines import DeadlineMatch
from .metric_noise import strip_noise
from .pledge_words import PledgeWord
from .quantities import QuantityMatch
from .sentence_facts import SentenceFacts

__all__ = ["Piece", "cuts", "pieces"]

# Words that end a subject whose figure a following bare number continues (增长7%以上，突破300亿元).
_GROWTH_TAIL = regex.compile(r"(?:增长|增速|增幅|比增|提高|提升|下降|降低|增加|减少|完成|实现)$")

# A predicate with no subject of its own (完成9515.9亿元，增长5%): it borrows the one before it.
_BARE_PREDICATE = regex.compile(
    r"""
    ^(?:同比|比上年|较上年)?(?:再|稳步|持续)?
    (?:增长|增速|增幅|比增|提高|提升|下降|降低|增加|减少|上升|扩大)   # 比增: 比上年增长
    (?P<to>(?:至|到)?的|至|到)?$          # 增加至2024年的1328.5亿元: the level reached
    """,
    regex.VERBOSE,
)
# What links a subject to its figure and names nothing: 生产总值由2020年的…, 收入是2015年的1.3倍
# (the years are cut out as deadlines, 由的 and 是的 remain).
_LINK_TAIL = regex.compile(r"(?:由|从|是|为)的$")

_NOUN = r"(?:[\p{Han}A-Za-z0-9]|“[^“”]{1,12}”)"  # a noun character, or a short quoted name

# 的 and at most two characters between a figure and the next (总投资1850亿元的340个项目).
_DE_LINK = regex.compile(r"的[\p{Han}]{0,2}")

_NOUN_AFTER = regex.compile(
    rf"""
    (?P<noun>{_NOUN}{{1,20}}?)    # the noun a count introduces: 53个新项目 → 新项目
    (?=[和与及、，,。；;：:！？!?的（(]|作用|$   # up to a conjunction, punctuation or 作用,
      |(?:超过|突破|达到|达)?[0-9]          # or the next figure (15个村集体收入超过50万元)
      |(?:计划|完成)?(?:总投资|年度投资))     # or the investment the next figure is (10件…计划总投资)
    """,
    regex.VERBOSE,
)

# A count followed by the figures that describe its noun: 73个总投资1000亿元、…的“重中之重”项目.
# The description starts with an investment figure (计划总投资, 年度投资 …) and ends with 的.
_PLANNED = "计划"
_INVESTMENT_WORDS = ("总投资", "年度投资", "投资")
_DESCRIBED_NOUN = regex.compile(
    rf"""
    (?:{_PLANNED})?(?:{"|".join(_INVESTMENT_WORDS)})    # an investment figure
    [^，,。；;]{{0,40}}?的              # and ends with 的
    (?P<noun>{_NOUN}{{1,20}}?)         # the noun counted
    (?=[，,。；;、]|$)
    """,
    regex.VERBOSE,
)
# The first characters it can match: a cheap test before it.
_DESCRIBED_NOUN_FIRST = frozenset(word[0] for word in (_PLANNED, *_INVESTMENT_WORDS))

# Units of things built or laid out, whose noun may follow the figure (15公里滨海景观带).
_MEASURED_UNITS = frozenset({"metre", "square_metre", "mu"})

# Short words before a count that belong in its metric (开工53个新项目 → 开工新项目) …
_MAX_VERB_LENGTH = 4
# … except verbs that only introduce an object (发挥10个指挥部作用, 聚焦6个产业).
_LIGHT_VERB = regex.compile(
    r"发挥好?|注重发挥|聚焦|围绕|依托|调整优化|用好|抓好|推进|实施|打造|培育好?|下?辖"
)

# A money figure's metric starts at the investment word (强力推进总投资224.2亿元 → 总投资).
_INVESTMENT_HEAD = regex.compile(r"(?:计划|完成)?(?:总投资|年度投资)")

# Verbs that open a metric and are shared by the items of a 、 list (新增A30家、B3家).
_LEADING_VERB = regex.compile(
    r"新增|新建|新开工|开工|新引进|引进|招引|集聚|培育|建成|建设|实施|完成|改造|打造|签约|储备|新签约"
)

_LIST_SPLIT = regex.compile(r"、|和|与|及|以及")
# The last item of a list and the head its items share: 节能环保 两大 产业集群营业收入.
_COUNTED_HEAD = regex.compile(
    r"""
    (?P<item>.+?)                   # the last item
    (?P<count>[两二三四五六七八九])[大个类项]  # how many items the list has: 两大, 三个
    (?P<head>\p{Han}{2,})           # the head noun they share
    """,
    regex.VERBOSE,
)
_MODIFIER_LENGTH = 2  # 城镇, 农村, 城乡: the items that share the head of the last one
_URBAN_AND_RURAL, _URBAN, _RURAL = "城乡", "城镇", "农村"  # 城乡居民… 分别: 城镇居民…, 农村居民…
_SMALL_COUNTS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


class Piece(NamedTuple):
    """A figure's piece of its sentence (offsets in the sentence) and what it counts."""

    start: int
    end: int
    metric: str


def pieces(sentence: SentenceFacts, counted: Sequence[QuantityMatch]) -> list[Piece]:
    """The piece and metric of each counted figure of ``sentence``, in text order."""
    found: list[Piece] = []
    previous_metric, previous_end = "", -1
    for index, match in enumerate(counted):
        start, end = _piece_bounds(sentence, match)
        metric = _LINK_TAIL.sub("", _metric(sentence, match, start, counted))
        bare = _BARE_PREDICATE.match(metric) if metric else None
        if (not metric or metric.startswith("分别")) and (
            back := _distributed_back(sentence, match, counted, found)
        ):
            metric = back  # 财政总收入30.9亿元，地方财政收入17.3亿元，分别增长13.3%、8.6%
        elif not metric or bare is not None:
            # A level reached (增加至…的1328.5亿元) is the subject's level, not its change.
            reached = bare is not None and bool(bare["to"])
            metric = _inherited(previous_metric) + ("" if reached else metric)
        elif _listed_after(sentence, previous_end, start, counted, index):
            metric = _shared_verb(previous_metric, metric)
        previous_metric, previous_end = metric, end
        found.append(Piece(start, end, metric))
    return found


def _distributed_back(
    sentence: SentenceFacts,
    match: QuantityMatch,
    counted: Sequence[QuantityMatch],
    found: Sequence[Piece],
) -> str:
    """A 分别 with no subjects of its own distributes over the figures before its clause, one
    each in order (A30.9亿元，B17.3亿元，分别增长13.3%、8.6% → A增长, B增长); "" when the counts
    differ."""
    text = sentence.segment.text
    clause_start = sentence.clause_start(match.start)
    at = text.find("分别", clause_start, match.start)
    if at < 0 or strip_noise(text[clause_start:at]):
        return ""  # 分别 has subjects before it: see _distributed_subject
    siblings = [
        q for q in counted if q.start > at and sentence.clause_start(q.start) == clause_start
    ]
    earlier = [piece for piece, q in zip(found, counted, strict=False) if q.start < clause_start]
    if len(earlier) < len(siblings) or match not in siblings:
        return ""
    verb_match = _GROWTH_VERB.match(text, at + 2)
    verb = verb_match.group() if verb_match else ""
    subject = earlier[len(earlier) - len(siblings) + siblings.index(match)].metric
    return _inherited(subject) + verb


_GROWTH_VERB = regex.compile(r"增长|增速|提高|提升|下降|降低|增加|减少")


def _piece_bounds(sentence: SentenceFacts, match: QuantityMatch) -> tuple[int, int]:
    """The clause around a quantity, narrowed to its item when 、 separates quantities."""
    text = sentence.segment.text
    for start, end in sentence.clauses:
        if start <= match.start < end:
            break
    else:  # the match starts on punctuation: keep the match alone
        return match.start, match.end
    # The figures just before and after it, if in the clause: figures come in text order, and
    # spans never overlap, so ``match`` is found by where it starts.
    figures = sentence.figures
    index = bisect_left(sentence.figure_starts, match.start)
    if index and figures[index - 1].start >= start:
        comma = text.rfind("、", figures[index - 1].end, match.start)
        start = comma + 1 if comma >= 0 else start
    if index + 1 < len(figures) and figures[index + 1].start < end:
        comma = text.find("、", match.end, figures[index + 1].start)
        end = comma if comma >= 0 else end
    return start, end


def _metric(
    sentence: SentenceFacts,
    match: QuantityMatch,
    piece_start: int,
    counted: Sequence[QuantityMatch],
) -> str:
    """What a quantity counts: the words before it, or the noun a count introduces."""
    subject = _distributed_subject(sentence, match, counted)
    if subject:
        return subject
    text = sentence.segment.text
    begin = max(piece_start, _end_of_previous(text, match, piece_start, counted))
    before = _narrow(strip_noise(_remove_spans(text, begin, match.start, sentence)))
    after = text[match.end :]
    if after.startswith("的"):  # 1850亿元的340个产业项目, 30多亿元的项目资金
        head = _head_noun_after_next_quantity(text, match, counted)
        if not head and not before and (noun := _NOUN_AFTER.match(after, 1)):
            head = noun["noun"]
        return strip_noise(head + before) if head else before
    return _metric_with_noun_after(before, after, match.quantity.base_unit)


def _metric_with_noun_after(before: str, after: str, unit: str) -> str:
    """A count or a measure names its noun after the figure: 开工53个新项目, 打造15公里滨海景观带."""
    if unit in _MEASURED_UNITS and len(before) <= 2:
        noun = _NOUN_AFTER.match(after)
        return strip_noise(before + noun["noun"]) if noun else before
    if unit == "percent" and not before:  # 三成以上规上企业完成数字化改造: a share of the noun
        noun = _NOUN_AFTER.match(after)
        return strip_noise(noun["noun"]) if noun else before
    if unit not in COUNTED_BASE_UNITS:
        return before
    described = _DESCRIBED_NOUN.match(after) if after[:1] in _DESCRIBED_NOUN_FIRST else None
    if described:  # 73个总投资1000亿元…的“重中之重”项目 → “重中之重”项目
        return described["noun"]
    noun = _NOUN_AFTER.match(after)
    if not noun:
        return before
    verb = before if len(before) <= _MAX_VERB_LENGTH and not _LIGHT_VERB.fullmatch(before) else ""
    return strip_noise(verb + noun["noun"])


def _end_of_previous(
    text: str, match: QuantityMatch, piece_start: int, counted: Sequence[QuantityMatch]
) -> int:
    """Where the previous figure of the piece ends, with the noun it introduces (10个指挥部、)."""
    last: QuantityMatch | None = None
    for quantity in counted:
        if piece_start <= quantity.end <= match.start:
            last = quantity  # the last one before
    if last is None:
        return 0
    if text[last.end : last.end + 1] in _DESCRIBED_NOUN_FIRST and _DESCRIBED_NOUN.match(
        text, last.end
    ):  # 73个总投资1000亿元: 总投资 names the next figure
        return last.end
    noun = _NOUN_AFTER.match(text, last.end, match.start)
    if noun and last.quantity.base_unit in COUNTED_BASE_UNITS:
        return noun.end()
    return last.end


def _narrow(before: str) -> str:
    """Keep the part of the words before a figure that names it."""
    if "等" in before:  # 万华乙烯二期…等总投资 → 总投资
        before = before.rsplit("等", 1)[1]
    investment = _INVESTMENT_HEAD.search(before) if "投资" in before else None
    if investment:  # 强力推进总投资 → 总投资
        before = before[investment.start() :]
    achieve = before.rfind("实现")
    if 0 <= achieve < len(before) - 2:  # 助力烟台实现地区生产总值 → 地区生产总值
        rest = before[achieve + 2 :]
        # 市场主体实现增长: a bare change after 实现 is its subject's (市场主体增长).
        before = before[:achieve] + rest if _BARE_PREDICATE.match(rest) else rest
    return before


def _distributed_subject(
    sentence: SentenceFacts, match: QuantityMatch, counted: Sequence[QuantityMatch]
) -> str:
    """高新技术企业、科技型中小企业分别达到600家和1000家: the subject for each number."""
    text = sentence.segment.text
    if "分别" not in text:  # the common case, settled without finding the clause
        return ""
    clause_start = sentence.clause_start(match.start)
    head = text[clause_start : match.start]
    if "分别" not in head:
        return ""
    subjects_text = _remove_spans(text, clause_start, clause_start + head.index("分别"), sentence)
    subjects = _shared_head(
        [s for s in (strip_noise(p) for p in _LIST_SPLIT.split(subjects_text)) if s]
    )
    if len(subjects) == 1 and subjects[0].startswith(_URBAN_AND_RURAL):
        # 城乡居民人均可支配收入分别增长8%、9%: the urban figure, then the rural one.
        rest = subjects[0][len(_URBAN_AND_RURAL) :]
        subjects = [_URBAN + rest, _RURAL + rest]
    siblings = [
        q for q in counted if clause_start <= q.start and "分别" in text[clause_start : q.start]
    ]
    if len(subjects) != len(siblings) or match not in siblings:
        return ""
    # The verb after 分别 is each subject's (A、B分别增长7.6%、9% → A增长, B增长).
    verb = _GROWTH_VERB.match(text, clause_start + head.index("分别") + 2)
    return subjects[siblings.index(match)] + (verb.group() if verb else "")


def _shared_head(subjects: list[str]) -> list[str]:
    """电力装备、节能环保两大产业集群营业收入 → 电力装备产业集群营业收入, 节能环保产业集群营业收入:
    a head after 两大/三大 that counts the items belongs to each of them; so does the rest of the
    last item after two-character items (城镇、农村居民人均可支配收入)."""
    if len(subjects) < 2:
        return subjects
    counted = _COUNTED_HEAD.fullmatch(subjects[-1])
    if counted is not None and _SMALL_COUNTS.get(counted["count"]) == len(subjects):
        head = counted["head"]
        return [subject + head for subject in subjects[:-1]] + [counted["item"] + head]
    # 城镇、农村居民人均可支配收入: items of two characters share the rest of the last one.
    last = subjects[-1]
    if all(len(subject) == _MODIFIER_LENGTH for subject in subjects[:-1]) and len(last) > 4:
        head = last[_MODIFIER_LENGTH:]
        return [subject + head for subject in subjects[:-1]] + [last]
    return subjects


def _head_noun_after_next_quantity(
    text: str, match: QuantityMatch, counted: Sequence[QuantityMatch]
) -> str:
    """总投资1850亿元的340个产业项目 → 产业项目 (the noun the 的-phrase describes)."""
    later = [q for q in counted if q.start > match.end]
    if not later or not _DE_LINK.fullmatch(text, match.end, later[0].start):
        return ""
    noun = _NOUN_AFTER.match(text[later[0].end :])
    return noun.group() if noun else ""


def _remove_spans(text: str, begin: int, end: int, sentence: SentenceFacts) -> str:
    """The text between begin and end without deadlines, pledge words and qualifier-free noise."""
    kept: list[str] = []
    position = begin
    for start, stop in sentence.cuts:  # sorted once per sentence
        if begin <= start and stop <= end and start >= position:
            kept.append(text[position:start])
            position = stop
    if not kept:  # the common case
        return text[begin:end]
    kept.append(text[position:end])
    return "".join(kept)


def cuts(
    deadlines: Sequence[DeadlineMatch], pledge_words: Sequence[PledgeWord]
) -> tuple[tuple[int, int], ...]:
    """The spans a metric leaves out, sorted: deadlines and pledge words."""
    spans = [(d.start, d.end) for d in deadlines] + [(w.start, w.end) for w in pledge_words]
    return tuple(sorted(spans))


def _listed_after(
    sentence: SentenceFacts,
    previous_end: int,
    start: int,
    counted: Sequence[QuantityMatch],
    index: int,
) -> bool:
    """Whether the count ``counted[index]`` follows another count of the same 、 list."""
    return (
        index > 0
        and sentence.segment.text[previous_end:start] == "、"
        and counted[index - 1].quantity.base_unit in COUNTED_BASE_UNITS
        and counted[index].quantity.base_unit in COUNTED_BASE_UNITS
    )


def _shared_verb(previous_metric: str, metric: str) -> str:
    """新增规上工业企业30家、上市公司2—3家: the second item is also 新增 (new)."""
    verb = _LEADING_VERB.match(previous_metric)
    if verb is None or _LEADING_VERB.match(metric):
        return metric
    return verb.group() + metric


def _inherited(previous_metric: str) -> str:
    """A bare 突破300亿元 continues the subject before it: 地区生产总值增长 → 地区生产总值."""
    return _GROWTH_TAIL.sub("", previous_metric)
