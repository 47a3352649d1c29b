"""Linking words at either end of a metric: 全市…, 其中…, …达到, …分别 belong to the sentence.

:func:`strip_noise` drops them. Each end is one list of words; the characters a cheap test looks
for (can a metric start or end with noise at all?) are derived from the same lists, so the test
never falls out of step with the words.
"""

from __future__ import annotations

import regex

__all__ = ["strip_noise"]

# Leading words that belong to the sentence, not to the metric.
_HEAD_WORDS = (
    "和", "及", "与", "以及", "并且", "并", "同时", "其中", "要", "将", "使", "让", "把", "均",
    "全部", "实现", "推动", "带动", "未来", "目前", "当前", "现有", "已有", "共有", "拥有",
    "已经", "已", "累计", "建成后", "达产后", "投产后", "我们",
    "本次", "此次", "这次", "当日", "当天",  # the event reported (本次集中开工项目90个)
    "按可比价计算", "按可比价格计算", "按可比口径计算",  # how a statistic is computed, not what
)  # fmt: skip
# Leading noise that is a pattern rather than a word, with the characters it can start with.
_HEAD_PATTERNS = (
    (r"[\s、，,的]", "、，,的"),  # whitespace aside (tested on its own)
    (r"[0-9]{1,2}[.．、]", "0123456789"),  # a list item's number: 6.城镇…
    (r"（[一二三四五六七八九十]{1,3}）", "（"),
    (r"[①-⑳]", "".join(chr(code) for code in range(ord("①"), ord("⑳") + 1))),
    (r"[●◆■□▲△•★☆◇○]", "●◆■□▲△•★☆◇○"),  # a bullet: ●广东地区生产总值
    (r"[全我本][市区县镇省乡]", "全我本"),  # 全市, 我区, 本县
)
# Trailing linking words between the metric and its number (贡献度达到25%), longest first.
_TAIL_WORDS = (
    "分别", "都", "共", "总计", "合计", "累计",  # distributing and summing words
    "可以", "可", "完成", "实现", "达到", "达", "为", "至", "到",  # "reaches", "comes to"
    "迈上", "跨上", "站上", "迈入", "跨入",  # "steps up to" a level (迈上千亿元台阶)
    "稳定在", "保持在", "控制在", "在",  # "kept at"
    "超", "过", "突破", "超过", "约", "近",  # comparator words left over
    "已经", "已", "全部", "再",  # adverbs before a comparator (已突破, 再翻一番)
)  # fmt: skip
_NOT_TAIL_BEFORE = {"过": "通经"}  # 通过, 经过 end a verb, not a comparator


def _alternatives(words: tuple[str, ...]) -> str:
    ordered = sorted(words, key=lambda word: (-len(word), word))
    return "|".join(
        (f"(?<![{_NOT_TAIL_BEFORE[word]}])" if word in _NOT_TAIL_BEFORE else "")
        + regex.escape(word)
        for word in ordered
    )


_HEAD_NOISE = regex.compile(
    "^(?:" + "|".join([p for p, _ in _HEAD_PATTERNS] + [_alternatives(_HEAD_WORDS)]) + ")+"
)
_HEAD_FIRST = frozenset({word[0] for word in _HEAD_WORDS}.union(*(f for _, f in _HEAD_PATTERNS)))
_TAIL_NOISE = regex.compile("(?:" + _alternatives(_TAIL_WORDS) + ")+$")
# The last characters of the tail words ($ also matches before a final \n).
_TAIL_LAST = frozenset({word[-1] for word in _TAIL_WORDS} | {"\n"})


def strip_noise(metric: str) -> str:
    """Drop linking words at either end of a metric.

    >>> strip_noise("其中全市地区生产总值达到")
    '地区生产总值'
    """
    previous = None
    while previous != metric:
        previous = metric
        first = metric[:1]
        if first in _HEAD_FIRST or first.isspace():
            metric = _HEAD_NOISE.sub("", metric)
        if metric[-1:] in _TAIL_LAST:
            metric = _TAIL_NOISE.sub("", metric)
        metric = metric.strip(" ，、,；;：:|｜")
    return metric
