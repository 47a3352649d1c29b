"""Official positions → English, composed from parts (translation/positions.py)."""

from __future__ import annotations

import pytest

from yantai_pledges._data import load_table
from yantai_pledges.errors import InputError
from yantai_pledges.translation.positions import position_english, positions_english

YANTAI_MC = "the CPC Yantai Municipal Committee"
YEDA = "the Yantai Economic and Technological Development Area"

# Single positions as written in the seed's speaker lines and in other Yantai Daily articles.
SINGLE = [
    ("市委常委", f"Member of the Standing Committee of {YANTAI_MC}"),
    ("栖霞市委书记", "Secretary of the CPC Qixia Municipal Committee"),
    ("芝罘区委书记", "Secretary of the CPC Zhifu District Committee"),
    ("莱山区委书记", "Secretary of the CPC Laishan District Committee"),
    ("福山区委书记", "Secretary of the CPC Fushan District Committee"),
    ("牟平区委书记", "Secretary of the CPC Muping District Committee"),
    ("副市长", "Vice Mayor of Yantai"),
    ("市长", "Mayor of Yantai"),
    ("烟台市副市长", "Vice Mayor of Yantai"),
    ("常务副市长", "Executive Vice Mayor of Yantai"),
    ("开发区工委书记", f"Secretary of the CPC Working Committee of {YEDA}"),
    (
        "长岛综合试验区工委书记",
        "Secretary of the CPC Working Committee of the Changdao Comprehensive Pilot Zone",
    ),
    (
        "烟台综合保税区工委书记",
        "Secretary of the CPC Working Committee of the Yantai Comprehensive Bonded Zone",
    ),
    (
        "黄渤海新区党工委书记",
        "Secretary of the CPC Working Committee of the Yantai Huang-Bohai New Area",
    ),
    ("区委副书记", "Deputy Secretary of the CPC District Committee"),
    ("区长", "District Mayor"),
    ("莱山区区长", "Mayor of Laishan District"),
    ("县委书记", "Secretary of the CPC County Committee"),
    ("县长", "County Magistrate"),
    ("市委书记", f"Secretary of {YANTAI_MC}"),
    ("市委副书记", f"Deputy Secretary of {YANTAI_MC}"),
    ("山东省委书记", "Secretary of the CPC Shandong Provincial Committee"),
    ("省长", "Governor"),
    (
        "市人大常委会主任",
        "Director of the Standing Committee of the Yantai Municipal People's Congress",
    ),
    ("市政协主席", "Chairman of the Yantai Municipal Committee of the CPPCC"),
    ("市纪委书记", "Secretary of the Yantai Municipal Commission for Discipline Inspection"),
    ("市委宣传部部长", f"Head of the Publicity Department of {YANTAI_MC}"),
    ("市委组织部部长", f"Head of the Organization Department of {YANTAI_MC}"),
    ("市发改委主任", "Director of the Yantai Development and Reform Commission"),
    ("烟台市商务局局长", "Director of the Yantai Bureau of Commerce"),
    ("龙口市委书记", "Secretary of the CPC Longkou Municipal Committee"),
    ("青岛市委书记", "Secretary of the CPC Qingdao Municipal Committee"),
    ("鼓楼区委书记", "Secretary of the CPC Gulou District Committee"),
    ("某某镇党委书记", "Secretary of the CPC Moumou Town Committee"),
    ("管委会主任", "Director of the Management Committee"),
    ("主任", "Director"),
    ("书记", "Secretary"),
]

# Speaker lines: positions that lean on the previous one.
SEQUENCES = [
    (
        ["市委常委", "副市长", "开发区工委书记", "管委主任"],
        [
            f"Member of the Standing Committee of {YANTAI_MC}",
            "Vice Mayor of Yantai",
            f"Secretary of the CPC Working Committee of {YEDA}",
            f"Director of the Management Committee of {YEDA}",
        ],
    ),
    (
        ["市委常委", "秘书长", "长岛综合试验区工委书记", "管委主任"],
        [
            f"Member of the Standing Committee of {YANTAI_MC}",
            f"Secretary-General of {YANTAI_MC}",
            "Secretary of the CPC Working Committee of the Changdao Comprehensive Pilot Zone",
            "Director of the Management Committee of the Changdao Comprehensive Pilot Zone",
        ],
    ),
    (
        ["烟台综合保税区工委书记", "管委主任"],
        [
            "Secretary of the CPC Working Committee of the Yantai Comprehensive Bonded Zone",
            "Director of the Management Committee of the Yantai Comprehensive Bonded Zone",
        ],
    ),
    (
        ["市委常委", "栖霞市委书记"],
        [
            f"Member of the Standing Committee of {YANTAI_MC}",
            "Secretary of the CPC Qixia Municipal Committee",
        ],
    ),
    (
        ["福山区委副书记", "区长"],
        ["Deputy Secretary of the CPC Fushan District Committee", "Mayor of Fushan District"],
    ),
    (
        ["市委常委", "宣传部部长"],
        [
            f"Member of the Standing Committee of {YANTAI_MC}",
            f"Head of the Publicity Department of {YANTAI_MC}",
        ],
    ),
    (
        ["区委常委", "常务副区长"],
        [
            "Member of the Standing Committee of the CPC District Committee",
            "Executive Deputy District Mayor",
        ],
    ),
]


@pytest.mark.parametrize(("zh", "en"), SINGLE)
def test_position_english(zh: str, en: str) -> None:
    assert position_english(zh) == en


@pytest.mark.parametrize(("zh", "en"), SEQUENCES)
def test_positions_english(zh: list[str], en: list[str]) -> None:
    assert positions_english(zh) == en


@pytest.mark.parametrize(
    ("zh", "jurisdiction", "en"),
    [
        ("区委副书记", "芝罘区", "Deputy Secretary of the CPC Zhifu District Committee"),
        ("区长", "莱山区", "Mayor of Laishan District"),
        ("市委书记", "芝罘区", f"Secretary of {YANTAI_MC}"),
        ("管委主任", "开发区", f"Director of the Management Committee of {YEDA}"),
    ],
)
def test_jurisdiction_context(zh: str, jurisdiction: str, en: str) -> None:
    assert position_english(zh, jurisdiction=jurisdiction) == en


@pytest.mark.parametrize(
    ("city", "en"), [("青岛市", "Vice Mayor of Qingdao"), ("Weihai", "Vice Mayor of Weihai")]
)
def test_other_city(city: str, en: str) -> None:
    assert position_english("副市长", city=city) == en


def test_unparsed_position_is_not_dropped() -> None:
    assert position_english("链长") == "Chain chief"
    assert position_english("某某") == "Moumou"


def test_bad_input() -> None:
    with pytest.raises(InputError, match="empty position"):
        positions_english(["市委常委", " "])
    with pytest.raises(InputError):
        position_english("某" * 1_000_000 + "区委书记")


def test_position_parts_integrity() -> None:
    rows = load_table("position_parts")
    assert list(rows[0]) == ["zh", "en", "en_generic", "kind", "level", "source"]
    keys = [row["zh"] for row in rows]
    assert len(keys) == len(set(keys))
    kinds = {"party_organ", "gov_organ", "department", "title", "gov_title"}
    for row in rows:
        assert row["en"].strip(), row
        assert row["source"].strip(), row
        assert row["kind"] in kinds, row
        if row["kind"] in {"party_organ", "gov_organ", "gov_title"}:
            assert row["en_generic"].strip(), row
