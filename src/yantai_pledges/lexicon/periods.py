"""Period words (今年, 上半年, 一季度, 年底, 前, 截至, 春节 …): one row of ``data/periods.tsv`` each.

A row gives where the word fits (its kind), the span or offset it names, how a phrase ending or
opening with it stands to its period (``relation``: 年底 → end, 内 → within, 截至 → as_of) and the
English of the words whose English is a name or a phrase (春节, 过去一年, 去年). The deadline
grammar (extract/deadlines.py) and the English of a deadline (translation/english.py) read the
same rows.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .._data import load_table

__all__ = ["PeriodWord", "PeriodWords", "period_words"]


@dataclass(frozen=True, slots=True)
class PeriodWord:
    """One row of the table."""

    value: str
    relation: str
    en: str


@dataclass(frozen=True, slots=True)
class PeriodWords:
    """The period words, grouped by kind."""

    words: dict[str, dict[str, PeriodWord]]  # kind → word → its row

    def value(self, kind: str, word: str) -> str:
        found = self.words.get(kind, {}).get(word)
        return found.value if found is not None else ""

    def relation(self, kind: str, word: str | None) -> str:
        found = self.words.get(kind, {}).get(word) if word is not None else None
        return found.relation if found is not None else ""

    def alternatives(self, kind: str) -> str:
        """A regex alternation of the words of one kind, longest first."""
        words = sorted(self.words.get(kind, {}), key=lambda word: (-len(word), word))
        return "|".join(re.escape(word) for word in words) or "(?!)"

    def english_name(self, text: str, kinds: tuple[str, ...]) -> str | None:
        """The English of the word of one of ``kinds`` named in ``text`` (春节前 → the Spring
        Festival; 过去一年 → over the past year), the longest word found; None when none is."""
        named = [
            (word, row.en)
            for kind in kinds
            for word, row in self.words.get(kind, {}).items()
            if row.en and word in text
        ]
        return max(named, key=lambda pair: len(pair[0]))[1] if named else None


@functools.cache
def period_words() -> PeriodWords:
    words: dict[str, dict[str, PeriodWord]] = {}
    for row in load_table("periods"):
        words.setdefault(row["kind"], {})[row["zh"]] = PeriodWord(
            row["value"], row["relation"], row["en"]
        )
    return PeriodWords(words)
