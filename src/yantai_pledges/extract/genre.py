"""What kind of text an article is, where that alone decides how its figures read.

A statistical communiqué (国民经济和社会发展统计公报) reports the results of a year and promises
nothing: none of its figures is a pledge, whatever words surround it (计划, 目标 name plans whose
results it reports). Its title says what it is, among the first lines.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

__all__ = ["reports_results"]

_COMMUNIQUE = "统计公报"
_TITLE_LINES = 6  # the lines at the top of an article that may hold its title


def reports_results(lines: Iterable[str]) -> bool:
    """Whether the article is a statistical communiqué: one of its first lines names it.

    >>> reports_results(["2020年望谟县国民经济和社会发展统计公报", "2020年是…"])
    True
    """
    return any(_COMMUNIQUE in line for line in itertools.islice(lines, _TITLE_LINES))
