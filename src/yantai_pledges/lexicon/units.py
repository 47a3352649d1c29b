"""Units written after a number: one row of ``data/units.tsv`` each, with both directions.

Zh → base unit and factor (for :mod:`~yantai_pledges.extract.quantities`) and zh → English (for
:mod:`~yantai_pledges.translation.english`) come from the same row, so a unit the scanner can
find always has an English rendering (``tests/test_lexicon.py`` checks every row).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from .._data import load_table
from ..errors import DataFileError

__all__ = [
    "COUNTED_BASE_UNITS",
    "CURRENCY_BASE_UNITS",
    "KINDS",
    "TIME_BASE_UNITS",
    "Unit",
    "units",
]

# What the English renderer does with a unit (see the header of data/units.tsv).
KINDS: Final = frozenset(
    {"counter", "noun", "measure", "currency", "percent", "points", "multiple"}
)
# Groups of base units that the rules treat alike.
TIME_BASE_UNITS: Final = frozenset({"day", "month", "year", "hour"})
COUNTED_BASE_UNITS: Final = frozenset({"count", "person"})
CURRENCY_BASE_UNITS: Final = frozenset(
    {"CNY", "USD", "EUR", "HKD", "JPY", "GBP", "KRW", "AUD", "CAD", "SGD", "CHF", "RUB", "TWD"}
)


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit as written (亿元 is 亿 + the unit 元), what it converts to, and its English."""

    zh: str
    base_unit: str
    factor: Decimal
    arabic_only: bool  # only after Arabic digits: 10期 counts sessions, 一期 names a phase
    plural: str  # the English, or "" for a counter (30家 → "30")
    singular: str
    kind: str


@functools.cache
def units() -> dict[str, Unit]:
    """data/units.tsv, keyed by the unit as written; checked as it is read."""
    table: dict[str, Unit] = {}
    for row in load_table("units"):
        zh = row["zh"]
        try:
            factor = Decimal(row["factor"])
        except ArithmeticError as error:
            raise DataFileError(f"data/units.tsv: bad factor {row['factor']!r} for {zh}") from error
        kind = row["kind"]
        if kind not in KINDS or (kind != "counter" and not row["en"].strip()):
            raise DataFileError(f"data/units.tsv: {zh} needs English and a kind in {sorted(KINDS)}")
        table[zh] = Unit(
            zh=zh,
            base_unit=row["base_unit"],
            factor=factor,
            arabic_only=row["numerals"] == "arabic",
            plural=row["en"].strip(),
            singular=row["singular"].strip(),
            kind=kind,
        )
    return table
