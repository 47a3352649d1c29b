"""The Glossary sheet's terms: each Chinese term of the workbook once, with a source a reader
understands.

The terms come from the bundled glossary (those its matcher finds in each article's text), from a
caller's list of ``(zh, en, source)`` entries, or from a caller's function of the article; the
workbook adds the words it had to show in pinyin (export/english_cells.py). A term found in several
articles is one row listing the articles. Sources are spelled out: "bundled glossary (National
Bureau of Statistics)", "your glossary", "rule: pinyin …".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from ..errors import YantaiPledgesError
from ..models import Article
from .english_cells import PINYIN_SOURCE, PinyinTerm

if TYPE_CHECKING:
    from ..translation.glossary import Glossary, TermMatch

__all__ = [
    "GlossaryEntry",
    "GlossaryLookup",
    "GlossaryRow",
    "GlossaryTerms",
    "WorkbookGlossary",
    "glossary_lookup",
]

GlossaryEntry = tuple[str, str, str]  # (Chinese, English, source)
GlossaryTerms = Sequence[GlossaryEntry] | Callable[[Article], Iterable[GlossaryEntry]]


@dataclass(slots=True)
class GlossaryRow:
    zh: str
    en: str
    kind: str
    source: str
    occurrences: int


GlossaryLookup = Callable[[Article], list[GlossaryRow]]
# The glossary's source labels a reader may not know, spelled out on the Glossary sheet.
_AUTHORITIES = {
    "ours": "project's rendering",
    "NBS": "National Bureau of Statistics",
    "GWR": "Government Work Report",
    "MOFCOM": "Ministry of Commerce",
    "MIIT": "Ministry of Industry and Information Technology",
    "MCA": "Ministry of Civil Affairs",
    "GACC": "General Administration of Customs",
    "NEA": "National Energy Administration",
    "NDRC": "National Development and Reform Commission",
    "MOST": "Ministry of Science and Technology",
    "MOE": "Ministry of Education",
    "terms.md": "official usage",
}
# "terms.md (Xinhua)": the reference list of official renderings, citing its own source
_CITED = regex.compile(r"terms\.md \((?P<cited>.+)\)")


def _bundled_source(source: str) -> str:
    """A bundled entry's source as a reader understands it: "bundled glossary (NBS)"."""
    if source in ("", "user"):
        return "your glossary"
    cited = _CITED.fullmatch(source)
    authority = cited.group("cited") if cited else source
    return f"bundled glossary ({_AUTHORITIES.get(authority, authority)})"


def _given_source(source: str) -> str:
    """An entry given to to_excel: the caller's glossary, with the source it names."""
    return "your glossary" if source in ("", "user") else f"your glossary ({source})"


def _rows_from_entries(article: Article, entries: Iterable[GlossaryEntry]) -> list[GlossaryRow]:
    """The entries whose Chinese occurs in the article, in order of first occurrence."""
    found: dict[tuple[str, str], tuple[int, GlossaryRow]] = {}
    for zh, en, source in entries:
        if not zh or (zh, en) in found:
            continue
        first = article.text.find(zh)
        if first >= 0:
            row = GlossaryRow(zh, en, "", _given_source(source), article.text.count(zh))
            found[(zh, en)] = (first, row)
    return [row for _, row in sorted(found.values(), key=lambda item: item[0])]


def _rows_from_matches(matches: Iterable[TermMatch], glossary: Glossary) -> list[GlossaryRow]:
    """Aggregate glossary matches per term, in order of first match, with the entry's source."""
    rows: dict[tuple[str, str], GlossaryRow] = {}
    for match in matches:
        key = (match.zh, match.en)
        if key in rows:
            rows[key].occurrences += 1
            continue
        entry = glossary.entry(match.zh)
        source = _bundled_source("" if entry is None else entry.source)
        rows[key] = GlossaryRow(match.zh, match.en, match.kind, source, 1)
    return list(rows.values())


def _load_bundled_glossary() -> Glossary:
    """Imported on first use, so that importing the Excel writer does not load the glossary."""
    from ..translation.glossary import load_glossary  # noqa: PLC0415 - lazy on purpose

    return load_glossary()


def _bundled_glossary() -> tuple[GlossaryLookup | None, str | None]:
    """The package glossary as a lookup, or ``None`` and a note saying why there is none."""
    try:
        glossary = _load_bundled_glossary()
    except ImportError:
        return None, "No glossary: yantai_pledges.translation.glossary is not available."
    except YantaiPledgesError as error:
        return None, f"No glossary: the bundled glossary could not be loaded ({error})."

    def lookup(article: Article) -> list[GlossaryRow]:
        return _rows_from_matches(glossary.find_terms(article.text), glossary)

    return lookup, None


def glossary_lookup(terms: GlossaryTerms | None) -> tuple[GlossaryLookup | None, str | None]:
    if terms is None:
        return _bundled_glossary()
    if callable(terms):
        callback = terms
        return (lambda article: _rows_from_entries(article, callback(article))), None
    entries = list(terms)
    return (lambda article: _rows_from_entries(article, entries)), None


@dataclass(slots=True)
class _WorkbookTerm:
    row: GlossaryRow
    articles: list[int]


class WorkbookGlossary:
    """The workbook's one glossary: each Chinese term once, with the articles it is in.

    A term given two renderings (by a caller's glossary) shows both: "growth / increase".
    """

    def __init__(self) -> None:
        self.terms: dict[str, _WorkbookTerm] = {}

    def add(self, number: int, rows: Iterable[GlossaryRow]) -> None:
        for row in rows:
            known = self.terms.get(row.zh)
            if known is None:
                copied = GlossaryRow(row.zh, row.en, row.kind, row.source, row.occurrences)
                self.terms[row.zh] = _WorkbookTerm(copied, [number])
                continue
            known.row.occurrences += row.occurrences
            if row.en not in known.row.en.split(" / "):
                known.row.en = f"{known.row.en} / {row.en}"
            if known.articles[-1] != number:
                known.articles.append(number)

    def rows(self, pinyin: Iterable[PinyinTerm]) -> Iterator[tuple[object, ...]]:
        """Glossary terms in order of first occurrence, then the terms shown in pinyin."""
        for term in self.terms.values():
            row = term.row
            yield (row.zh, row.en, row.kind or None, row.source or None,
                   _article_list(term.articles), row.occurrences)  # fmt: skip
        for extra in pinyin:
            if extra.zh not in self.terms:
                yield (extra.zh, extra.en, "pinyin", PINYIN_SOURCE,
                       _article_list(extra.articles), extra.occurrences)  # fmt: skip


def _article_list(numbers: Sequence[int]) -> str:
    return ", ".join(str(number) for number in numbers)
