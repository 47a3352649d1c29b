"""Comparator words around a figure: one row of ``data/comparators.tsv`` each.

Words before the number (突破, 不低于, 约) and after the unit (以上, 以内, 左右), each with the
:class:`~yantai_pledges.models.Comparator` it means and the neighbouring characters that make it
part of another word (签约 is "sign", not "about"; 上下游 is not "about").
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .._data import load_table
from ..errors import DataFileError
from ..models import Comparator

__all__ = ["ComparatorWord", "ComparatorWords", "comparator_words"]

_HAN = "HAN"  # in not_before: any Han character
_HAN_CLASS = "\u3400-\u9fff"


@dataclass(frozen=True, slots=True)
class ComparatorWord:
    """One comparator word and what it means."""

    zh: str
    comparator: Comparator
    not_after: str  # characters just before it that make it part of another word
    not_before: str  # a regex character class's content: characters just after it that do


@dataclass(frozen=True, slots=True)
class ComparatorWords:
    """The table, split by where the word stands."""

    before: dict[str, ComparatorWord]  # before the number: 突破, 约
    after: dict[str, ComparatorWord]  # after the unit: 以上, 左右

    def after_pattern(self) -> str:
        """A regex source matching any word after the unit, longest first, with its guards."""
        branches = []
        for word in sorted(self.after.values(), key=lambda w: (-len(w.zh), w.zh)):
            guard = f"(?![{word.not_before}])" if word.not_before else ""
            branches.append(word.zh + guard)
        return "|".join(branches)


@functools.cache
def comparator_words() -> ComparatorWords:
    """data/comparators.tsv, checked as it is read."""
    before: dict[str, ComparatorWord] = {}
    after: dict[str, ComparatorWord] = {}
    for row in load_table("comparators"):
        try:
            comparator = Comparator(row["comparator"])
        except ValueError as error:
            raise DataFileError(f"comparators: {row['zh']}: {error}") from None
        not_before = _HAN_CLASS if row["not_before"] == _HAN else row["not_before"]
        word = ComparatorWord(row["zh"], comparator, row["not_after"], not_before)
        side = {"before": before, "after": after}.get(row["position"])
        if side is None or word.zh in side:
            raise DataFileError(f"comparators: {word.zh}: bad or repeated position")
        side[word.zh] = word
    return ComparatorWords(before, after)
