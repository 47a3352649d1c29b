"""Figures given per item, not in total: 各 (each of), 每 (per) and 分别 (respectively, one figure).

Stage: extraction. A figure such as 5大方面各精选30个项目 is 30 in each of 5 areas, 150 in all; reading
it as 30 would understate it five times. :func:`distribution` looks at the clause before a figure
and returns the words that say so, as ``Quantity.per.zh`` (the English is the translation stage's,
:func:`yantai_pledges.translation.english_quantities.per_english`):

- 各 right before the verb of the figure (各精选30个, 各新增2家, 各新增规上工业企业10家): "each";
  with the count of what it distributes over when the clause names one (5大方面各 → "5大方面各");
- 每 with a unit of people, time or things before the figure (每人9.6万元, 每年完成投资1万亿元,
  每人每月走访企业不少于2次): "per person", "per year", "per person per month";
- 分别 followed by a single figure for several subjects (城镇、农村居民收入分别增长6%): "each".
  Where 分别 is followed by a list of figures, each figure has its own subject
  (extract/metrics.py) and none of them is per item.

各 as a determiner (各类 all kinds of, 各级 every level, 各位 ladies and gentlemen, 各地, 各部门) is
not distributive and is skipped.
"""

from __future__ import annotations

import regex

__all__ = ["distribution"]

# 每 + what the figure is given for: people, time, households and things.
_PER = regex.compile(
    r"""
    (?: 每 (?: 人 | 年 | 月 | 周 | 天 | 日 | 季度 | 户 | 家 | 个 | 亩 ) )+
    """,
    regex.VERBOSE,
)
# 各 before a short verb and the figure; a count before it names what it distributes over.
_EACH = regex.compile(
    r"""
    (?P<over> (?: \d+ | [一二两三四五六七八九十]+ ) (?: 大 | 个 )? \p{Han}{1,3}? )?
    各
    (?! [类位条种级地部方界族式样色届单项自] )   # 各类, 各级, 各位 …: a determiner, not "each"
    \p{Han}{0,10} $                              # its verb (and noun) right before the figure
    """,
    regex.VERBOSE,
)
_RESPECTIVELY = "分别"
_LIST_MARKS = frozenset("、和及与")
_WINDOW = 16  # characters before a figure in which 每/各 can govern it


def distribution(
    text: str, clause_start: int, start: int, *, clause_end: int, next_figure: int | None
) -> str | None:
    """The words that make the figure starting at ``start`` a per-item figure, or ``None``.

    ``clause_start``/``clause_end`` bound its clause; ``next_figure`` is where the clause's next
    figure starts (``None``: it has none), so a 分别 followed by a list is told from one figure.
    """
    window_start = max(clause_start, start - _WINDOW)
    before = text[window_start:start]
    per = None
    for match in _PER.finditer(before):
        per = match.group()  # the last 每… before the figure governs it
    if per is not None:
        return per
    each = _EACH.search(before)
    if each is not None:
        return (
            before[each.start() : each.end("over") if each.group("over") else each.start()] + "各"
        )
    at = text.rfind(_RESPECTIVELY, clause_start, start)
    if at < 0 or any(ch.isdigit() for ch in text[at:start]):
        return None
    listed = next_figure is not None and next_figure < clause_end
    subjects = text[clause_start:at]
    if not listed and any(mark in subjects for mark in _LIST_MARKS):
        return _RESPECTIVELY
    return None
