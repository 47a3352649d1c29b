"""The titles vocabulary (data/titles.tsv): ranks of posts, place suffixes, the position pattern.

Part of :mod:`yantai_pledges.layout`; see its docstring for the forms and decisions.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .._data import load_table

# Vocabulary (data/titles.tsv)

_ROLE_RANK = {"leader": 0, "deputy": 1, "member": 2, "staff": 3}


@dataclass(frozen=True, slots=True)
class _Suffixes:
    """A set of words, to find the longest one a text ends with."""

    words: frozenset[str]
    lengths: tuple[int, ...]  # the words' lengths, longest first

    @classmethod
    def of(cls, words: tuple[str, ...]) -> _Suffixes:
        return cls(frozenset(words), tuple(sorted({len(word) for word in words}, reverse=True)))

    def longest(self, text: str, *, shorter_than_text: bool = False) -> str | None:
        """The longest word ``text`` ends with (only words shorter than it when asked), or None."""
        size = len(text)
        for length in self.lengths:
            if length < size or (length == size and not shorter_than_text):
                tail = text[size - length :]
                if tail in self.words:
                    return tail
        return None


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    titles: tuple[str, ...]  # longest first, so 工委书记 wins over 书记
    title_rank: dict[str, int]
    title_unit: dict[str, str]
    orgs: tuple[str, ...]  # stripped from a prefix to find the place; longest first
    prefix_ends: tuple[str, ...]  # words a position prefix may end with before the title
    units: tuple[str, ...]  # administrative-unit suffixes of a place name
    surnames: tuple[str, ...]  # compound surnames
    not_places: tuple[str, ...]  # words ending in a unit that name no place: 城区, 城市, 城镇
    # stdlib re: a plain alternation of literals, which it searches about three times faster.
    title_pattern: re.Pattern[str]
    # The last characters of titles, as a character class: a cheap test before the pattern
    # (stdlib re tests a class in C, several times faster than a set's isdisjoint on Han text).
    title_final: re.Pattern[str]
    # The same titles and orgs as sets with their lengths, longest first: finding the longest
    # one a text ends with takes a few lookups instead of an endswith per word.
    title_suffixes: _Suffixes
    org_suffixes: _Suffixes
    unit_suffixes: _Suffixes


@functools.cache
def _vocabulary() -> _Vocabulary:
    rows = load_table("titles")

    def words(kind: str) -> tuple[str, ...]:
        return tuple(
            sorted((row["zh"] for row in rows if row["kind"] == kind), key=len, reverse=True)
        )

    titles = words("title")
    orgs = words("org")
    units = words("unit")
    return _Vocabulary(
        titles=titles,
        title_rank={row["zh"]: _ROLE_RANK.get(row["role"], 3) for row in rows},
        title_unit={row["zh"]: row["unit"] for row in rows if row["unit"]},
        orgs=orgs,
        prefix_ends=tuple(sorted((*orgs, *words("body"), *units), key=len, reverse=True)),
        units=units,
        surnames=words("surname"),
        not_places=words("nonplace"),
        title_pattern=re.compile("|".join(re.escape(title) for title in titles)),
        title_final=re.compile(
            "[" + "".join(sorted({re.escape(title[-1]) for title in titles})) + "]"
        ),
        title_suffixes=_Suffixes.of(titles),
        org_suffixes=_Suffixes.of(orgs),
        unit_suffixes=_Suffixes.of(units),
    )
