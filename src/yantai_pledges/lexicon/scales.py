"""Scale words written between a number and its unit (1850亿元, 2万人), and their factors.

One list for the quantity scanner (:mod:`~yantai_pledges.extract.quantity_pattern`) and for the
English of a unit as written (亿元 → 10**8 × 元 in :mod:`~yantai_pledges.translation`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

__all__ = ["SCALES"]

# Longest first, so that a unit as written splits at its whole scale word (万亿 before 亿 and 万).
SCALES: Final[dict[str, Decimal]] = {
    "万亿": Decimal(10**12),
    "千亿": Decimal(10**11),
    "百亿": Decimal(10**10),
    "十亿": Decimal(10**9),
    "千万": Decimal(10**7),
    "百万": Decimal(10**6),
    "十万": Decimal(10**5),
    "亿": Decimal(10**8),
    "万": Decimal(10**4),
    "千": Decimal(1000),
    "百": Decimal(100),
    "十": Decimal(10),
}
