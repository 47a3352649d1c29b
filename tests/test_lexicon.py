"""The vocabulary tables: every row holds both directions, and the English reaches the output."""

from __future__ import annotations

import pytest

from yantai_pledges.extract import find_quantities
from yantai_pledges.lexicon.milestones import milestone_actions, milestone_verb_pattern
from yantai_pledges.lexicon.units import KINDS, units
from yantai_pledges.translation.english import quantity_english, unit_english


def test_every_unit_has_english_or_is_a_counter() -> None:
    for unit in units().values():
        assert unit.kind in KINDS, unit.zh
        assert unit.kind == "counter" or unit.plural, f"{unit.zh} has no English"


@pytest.mark.parametrize("zh", sorted(u.zh for u in units().values() if u.kind != "counter"))
def test_unit_english_renders(zh: str) -> None:
    assert unit_english(zh)
    assert unit_english("万" + zh)  # with a scale word too


def test_every_milestone_verb_has_english() -> None:
    assert all(en.strip() for _, en in milestone_actions())
    for zh, _ in milestone_actions():
        assert milestone_verb_pattern().fullmatch(zh), zh


# (Chinese clause, the English of its one quantity): units once missing from the English table.
QUANTITY_ROWS = [
    ("吸引外资5000万英镑", "50 million pounds sterling"),
    ("新增装机容量2GW", "2 GW"),
    ("集装箱吞吐量500万标准箱", "5 million TEUs"),
    ("旅游收入增长三成", "30%"),
    ("新建道路12km", "12 km"),
    ("审批时限压缩至48个小时", "48 hours"),
]


@pytest.mark.parametrize(("clause", "english"), QUANTITY_ROWS)
def test_quantity_english_of_former_gaps(clause: str, english: str) -> None:
    (match,) = find_quantities(clause)
    assert quantity_english(match.quantity, "exact") == english
