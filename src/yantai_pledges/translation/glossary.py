"""The glossary: official English for policy terms, indicators, organisations, titles, programmes.

Stage: deterministic English. Structured fields (metrics, headlines that are fixed terms) are
looked up here, and term protection finds glossary terms in free text before machine translation.
The bundled table is ``data/glossary.tsv`` (columns ``zh, en, kind, source, confidence``); a user
glossary, given as a TSV path in the same format (only ``zh`` and ``en`` are required) or as a
mapping, overrides it::

    >>> glossary = load_glossary({"比项目": "compete on projects"})
    >>> glossary.lookup("固定资产投资")
    'fixed-asset investment'
    >>> [m.en for m in glossary.find_terms("确保固定资产投资增长")]
    ['fixed-asset investment', 'growth']

``find_terms`` scans once from left to right and takes the longest term starting at each position
(a trie walk bounded by the longest term), so it runs in linear time on any input.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from .._data import Row, load_table, read_user_table
from ..errors import DataFileError

__all__ = ["Glossary", "GlossaryEntry", "TermMatch", "default_glossary", "load_glossary"]


class _Node:
    """A trie node: the terms continuing with each next character, and the term ending here."""

    __slots__ = ("children", "entry")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.entry: GlossaryEntry | None = None


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """One glossary row."""

    zh: str
    en: str
    kind: str = "user"
    source: str = "user"
    confidence: str = "user"


@dataclass(frozen=True, slots=True)
class TermMatch:
    """A glossary term found in a text: ``text[start:end] == zh``."""

    start: int
    end: int
    zh: str
    en: str
    kind: str


class Glossary:
    """An immutable zh → en term table with exact lookup and longest-match term finding."""

    def __init__(self, entries: Iterable[GlossaryEntry]) -> None:
        self._entries: dict[str, GlossaryEntry] = {}
        for entry in entries:
            self._entries[entry.zh] = entry  # later rows override earlier ones
        self._trie = _Node()
        for entry in self._entries.values():
            node = self._trie
            for char in entry.zh:
                node = node.children.setdefault(char, _Node())
            node.entry = entry

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, zh: object) -> bool:
        return zh in self._entries

    def __iter__(self) -> Iterator[GlossaryEntry]:
        return iter(self._entries.values())

    def lookup(self, zh: str) -> str | None:
        """The English of exactly ``zh`` (surrounding whitespace ignored), or ``None``."""
        entry = self._entries.get(zh.strip())
        return entry.en if entry is not None else None

    def entry(self, zh: str) -> GlossaryEntry | None:
        """The whole row for exactly ``zh``, or ``None``."""
        return self._entries.get(zh.strip())

    def find_terms(self, text: str) -> list[TermMatch]:
        """All terms in ``text``, leftmost first, longest at each position, never overlapping."""
        matches: list[TermMatch] = []
        position, length = 0, len(text)
        while position < length:
            found = self._longest_at(text, position)
            if found is None:
                position += 1
                continue
            end, entry = found
            matches.append(TermMatch(position, end, entry.zh, entry.en, entry.kind))
            position = end
        return matches

    def covering_terms(self, text: str) -> list[TermMatch] | None:
        """The terms of :meth:`find_terms` when they cover every character of ``text``, else ``None``.

        Stops at the first character no term starts at, so a text that cannot be covered costs
        no more than its covered prefix.
        """
        matches: list[TermMatch] = []
        position, length = 0, len(text)
        while position < length:
            found = self._longest_at(text, position)
            if found is None:
                return None
            end, entry = found
            matches.append(TermMatch(position, end, entry.zh, entry.en, entry.kind))
            position = end
        return matches

    def _longest_at(self, text: str, start: int) -> tuple[int, GlossaryEntry] | None:
        node = self._trie
        best: tuple[int, GlossaryEntry] | None = None
        for index in range(start, len(text)):
            child = node.children.get(text[index])
            if child is None:
                break
            node = child
            if node.entry is not None:
                best = (index + 1, node.entry)
        return best

    def merged(self, overrides: Iterable[GlossaryEntry]) -> Glossary:
        """A new glossary: this one with ``overrides`` added or replacing rows."""
        return Glossary([*self._entries.values(), *overrides])


def _entry_from_row(row: Row, name: str) -> GlossaryEntry:
    zh, en = row.get("zh", "").strip(), row.get("en", "").strip()
    if not zh or not en:
        raise DataFileError(f"{name}: every row needs non-empty 'zh' and 'en' columns (row {row})")
    return GlossaryEntry(
        zh=zh,
        en=en,
        kind=row.get("kind") or "user",
        source=row.get("source") or "user",
        confidence=row.get("confidence") or "user",
    )


@functools.cache
def default_glossary() -> Glossary:
    """The bundled glossary (``data/glossary.tsv``), loaded once."""
    return Glossary(_entry_from_row(row, "data/glossary.tsv") for row in load_table("glossary"))


def _user_entries(extra: str | Path | Mapping[str, str]) -> list[GlossaryEntry]:
    if isinstance(extra, Mapping):
        entries = []
        for zh, en in extra.items():
            if (
                not isinstance(zh, str)
                or not isinstance(en, str)
                or not zh.strip()
                or not en.strip()
            ):
                raise DataFileError(
                    f"user glossary entry {zh!r}: {en!r}: keys and values must be non-empty strings"
                )
            entries.append(GlossaryEntry(zh.strip(), en.strip()))
        return entries
    rows = read_user_table(extra)
    if rows and not {"zh", "en"} <= rows[0].keys():
        raise DataFileError(f"{extra}: the header must name at least the columns 'zh' and 'en'")
    return [_entry_from_row(row, str(extra)) for row in rows]


def load_glossary(extra: str | Path | Mapping[str, str] | None = None) -> Glossary:
    """The bundled glossary, with a user glossary (TSV path or ``{zh: en}``) overriding it."""
    if extra is None:
        return default_glossary()
    return default_glossary().merged(_user_entries(extra))
