"""Numbers that are not counted figures: names in quotes and titles, nouns a figure only describes,
and the speech's own outline.

- “1253”总体思路, “10+6”, 《“十四五”规划》: a number inside a short quotation or title is a name;
- 产值过10亿元企业, 亿元以上项目: a figure right before a counted noun qualifies it (a threshold);
- 重点抓好四个方面工作, 三件事：: a small count of the speech's outline is no target;
- 连续三年, 这五年, 过去的五年，: a stretch of time the text narrates; 前移9位, 跃升至83位: a rank's
  move, not a count of people (位 is also their measure word).
"""

from __future__ import annotations

import bisect
import re
from typing import Final

import regex

from .quantity_pattern import CN_CLASS

__all__ = [
    "Labels",
    "describes_noun_after",
    "moves_a_rank",
    "narrates_a_span",
    "outline_noun_follows",
]


# Short quotations and titles: numbers inside are names (“1253”总体思路, “10+6”, 《“十四五”规划》).
# A quotation with a sentence end in it, or longer than 40 characters, is speech and is scanned.
# Stdlib ``re``: no ``regex`` feature is needed, and ``re`` scans a sentence in less time.
_LABEL: Final = re.compile(
    r"""
      “[^“”\n。！？]{0,40}”                    # “…” Chinese double quotes
    | ‘[^‘’\n。！？]{0,40}’                    # ‘…’ Chinese single quotes
    | 「[^「」\n。！？]{0,40}」                  # 「…」 corner brackets
    | 『[^『』\n。！？]{0,40}』                  # 『…』 white corner brackets
    | "[^"\n。！？]{0,40}"                     # "…" ASCII quotes
    | 《[^《》\n]{0,60}》                       # 《…》 titles
    | 〈[^〈〉\n]{0,60}〉                       # 〈…〉 titles
    """,
    re.VERBOSE,
)


_QUALIFIED_NOUN: Final = regex.compile(
    r"""
    (?:重点|重大|工业|产业|制造业|服务业|外资|内资|科技型?|高新技术|规上|规模以上|骨干|龙头|领军
      |新|大|好|特色|优势|标志性|战略性|优质|民营|外贸|实体|在建|新建|续建|新开工|签约|招商
      |光伏|风电|海上风电|新能源|储能|氢能|核电|化工|医药|装备|汽车|数字|文旅|物流|港口|农业
      |商贸|高端|智能|绿色|先进制造业|现代|单体|投资){0,3}  # modifiers before the counted noun
    (?:项目|企业|公司|集团|集群|产业链|产业园|产业|园区|工程|平台|品牌|行业|楼宇|单位|基地|总部
      |市场主体|纳税人|税源|城市|乡镇|县|镇|村|街道|医院|商户|大户)                   # the noun
    (?!资金|建设|投资|用地|收入|产值|总额|数量|个数)      # 项目资金: the noun is the next word
    """,
    regex.VERBOSE,
)


# The speech's own structure, counted with a small Chinese numeral (重点抓好四个方面工作, 三件事：,
# 两件大事。): the noun right after the measure word, then 工作, a clause end or the end of the text.
_SPEECH_STRUCTURE: Final = regex.compile(
    r"""
    大?                                                    # 两件大事, 三个大方面
    (?:方面|事情|事|任务|重点|工作|环节|原则|导向|坚持|着力|关键|问题|要求|抓手|方向|举措|措施
      |目标|攻坚|转变|突破|结合|统筹){1,2}  # nouns of a speech's outline: 重点任务, 关键环节
    (?:的?(?:重点)?工作)?                                   # 四个方面(的重点)工作
    (?:上|中|下功夫|发力|用力|入手|实现突破|取得突破|求突破)?  # 在五个方面下功夫, 六个方面实现突破
    (?=[：:，,。；;、！!？?）)\n]|$)                        # then the clause or text ends
    """,
    regex.VERBOSE,
)


# 过百万元的电商主体30个: a threshold, 的, a short noun phrase, then the count of that noun.
_COUNTED_AFTER: Final = regex.compile(
    rf"""
    的
    [^\s，,。；;：:、！!？?（）()“”0-9０-９{CN_CLASS}]{{1,12}}+   # the noun phrase, in the clause
    (?:[0-9０-９]{{1,12}}|[{CN_CLASS}]{{1,6}})                     # its count
    [多余]?
    (?:个|家|项|户|名|人|位|所|座|处|条|批|台|套|艘|辆|宗)         # a measure word of things or people
    """,
    regex.VERBOSE,
)


class Labels:
    """The quotations and titles of a text (sorted, disjoint), found on first use: most texts
    the target stage passes in are sentences without a quantity."""

    __slots__ = ("_spans", "_starts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._spans: list[tuple[int, int]] | None = None
        self._starts: list[int] = []

    def overlap(self, start: int, end: int) -> bool:
        """Whether [start, end) touches a quotation or title."""
        if self._spans is None:
            self._spans = [match.span() for match in _LABEL.finditer(self._text)]
            self._starts = [label_start for label_start, _ in self._spans]
        index = bisect.bisect_right(self._starts, end - 1) - 1
        return index >= 0 and self._spans[index][1] > start


def describes_noun_after(text: str, end: int, *, threshold: bool) -> bool:
    """Whether the figure ending at ``end`` describes the noun after it (过10亿元企业).

    With ``threshold`` (the figure is a lower bound, not rounded: 超10亿元, not 30多亿元), also
    a figure followed by 的 and the noun: 营收超10亿元的企业, 年销售额过百万元的电商主体30个 — but not
    总投资1850亿元的340个项目, a figure of the set.
    """
    if _QUALIFIED_NOUN.match(text, end):
        return True
    return (
        threshold
        and text[end : end + 1] == "的"
        and (
            _QUALIFIED_NOUN.match(text, end + 1) is not None
            or _COUNTED_AFTER.match(text, end) is not None
        )
    )


def outline_noun_follows(text: str, position: int) -> bool:
    """Whether a noun of the speech's outline (方面, 件事, 重点任务 …) starts at ``position``."""
    return _SPEECH_STRUCTURE.match(text, position) is not None


# A rank's move before a count in 位: 较去年同期前移9位, 排位跃升至83位.
_RANK_MOVE = regex.compile(r"(?:前移|后移|上升|提升|跃升|前进|后退|下降|进位)(?:至|到|了)?$")
# Words right before a count of years that make it the stretch the text looks back on.
_SPAN_BEFORE = ("这", "过去的", "过去", "这些")
_SPAN_AFTER = frozenset("，,是")  # 五年，… ; 五年是…: the span is the subject


def moves_a_rank(before: str) -> bool:
    """Whether a count in 位 follows a rank's move (``before``: the text before the number)."""
    return _RANK_MOVE.search(before) is not None


def narrates_a_span(before: str, after: str, *, years: bool, in_words: bool) -> bool:
    """Whether a count of time is a stretch the text narrates: years after 连续 (连续三年, 连续15年:
    a record's length; but 连续327天无新增病例 and 连续2个季度 are figures), or years in Chinese
    numerals after 这/过去的 or as the subject (这五年 ; 五年，… ; 五年是…)."""
    if not years:
        return False
    if before.endswith("连续"):
        return True
    return in_words and (before.endswith(_SPAN_BEFORE) or after[:1] in _SPAN_AFTER)
