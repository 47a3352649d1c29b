"""Place names → English (translation/places.py), data/places.tsv and data/place_suffixes.tsv."""

from __future__ import annotations

import pytest

from yantai_pledges._data import load_table
from yantai_pledges.errors import InputError
from yantai_pledges.translation.places import place_english, place_name

# Yantai's districts, county-level cities and zones (terms.md), as written in Yantai Daily.
YANTAI = [
    ("芝罘区", "Zhifu District"),
    ("福山区", "Fushan District"),
    ("牟平区", "Muping District"),
    ("莱山区", "Laishan District"),
    ("蓬莱区", "Penglai District"),
    ("龙口市", "Longkou City"),
    ("莱阳市", "Laiyang City"),
    ("莱州市", "Laizhou City"),
    ("招远市", "Zhaoyuan City"),
    ("栖霞市", "Qixia City"),
    ("海阳市", "Haiyang City"),
    ("烟台市", "Yantai City"),
    ("黄渤海新区", "Yantai Huang-Bohai New Area"),
    ("开发区", "Yantai Economic and Technological Development Area"),
    ("烟台经济技术开发区", "Yantai Economic and Technological Development Area"),
    ("高新区", "Yantai High-Tech Industrial Development Zone"),
    ("烟台高新区", "Yantai High-Tech Industrial Development Zone"),
    ("长岛综合试验区", "Changdao Comprehensive Pilot Zone"),
    ("长岛综试区", "Changdao Comprehensive Pilot Zone"),
    ("烟台综合保税区", "Yantai Comprehensive Bonded Zone"),
    ("长岛", "Changdao"),
    ("栖霞", "Qixia"),
    ("芝罘", "Zhifu"),
]

SHANDONG_AND_CHINA = [
    ("山东省", "Shandong Province"),
    ("济南市", "Jinan City"),
    ("青岛市", "Qingdao City"),
    ("威海市", "Weihai City"),
    ("泰安市", "Tai'an City"),
    ("潍坊", "Weifang"),
    ("青岛西海岸新区", "Qingdao West Coast New Area"),
    ("北京市", "Beijing"),
    ("重庆", "Chongqing"),
    ("广东省", "Guangdong Province"),
    ("陕西省", "Shaanxi Province"),
    ("山西省", "Shanxi Province"),
    ("内蒙古自治区", "Inner Mongolia Autonomous Region"),
    ("香港", "Hong Kong"),
    ("雄安新区", "Xiong'an New Area"),
    ("浦东新区", "Pudong New Area"),
    ("厦门", "Xiamen"),
    ("六安市", "Lu'an City"),
    ("蚌埠市", "Bengbu City"),
    ("西安", "Xi'an"),
    ("呼和浩特", "Hohhot"),
    ("乌鲁木齐", "Urumqi"),
    ("长沙", "Changsha"),
    ("苏州工业园区", "Suzhou Industrial Park"),
]

# Places not in the gazetteer: pinyin of the stem + translated suffix.
BY_RULE = [
    ("鼓楼区", "Gulou District"),
    ("朝阳区", "Chaoyang District"),
    ("海淀区", "Haidian District"),
    ("天河区", "Tianhe District"),
    ("即墨区", "Jimo District"),
    ("平度市", "Pingdu City"),
    ("寿光市", "Shouguang City"),
    ("鞍山市", "Anshan City"),
    ("单县", "Shan County"),
    ("莘县", "Shen County"),
    ("沂南县", "Yinan County"),
    ("大兴镇", "Daxing Town"),
    ("石门乡", "Shimen Township"),
    ("某某街道", "Moumou Subdistrict"),
    ("金山湾产教融合示范区", "Jinshanwanchanjiaorongheshifan District"),
    ("某某经济技术开发区", "Moumou Economic and Technological Development Zone"),
    ("某某高新区", "Moumou High-tech Zone"),
    ("某某综合保税区", "Moumou Comprehensive Bonded Zone"),
    ("某某新区", "Moumou New Area"),
    ("延边朝鲜族自治州", "Yanbianchaoxianzu Autonomous Prefecture"),
    ("某某村", "Moumou Village"),
    ("长清区", "Changqing District"),
    ("东阿县", "Dong'e County"),
]

CHAINS = [
    ("山东省烟台市", "Yantai City, Shandong Province"),
    ("烟台市芝罘区", "Zhifu District, Yantai City"),
    ("山东省烟台市某某区", "Moumou District, Yantai City, Shandong Province"),
]

EDGE_CASES = [
    (" 芝罘区 ", "Zhifu District"),
    ("Yantai", "Yantai"),
    ("养马岛", "Yangma Island"),
]

KNOWN_FAILURES = [
    pytest.param(
        "金山湾产教融合示范区",
        "Jinshanwan Demonstration Zone for Industry-Education Integration",
        marks=pytest.mark.xfail(strict=True, reason="named areas are not decomposed into terms"),
    ),
    pytest.param(
        "延边朝鲜族自治州",
        "Yanbian Korean Autonomous Prefecture",
        marks=pytest.mark.xfail(
            strict=True, reason="ethnic names in autonomous areas not translated"
        ),
    ),
]


@pytest.mark.parametrize(
    ("zh", "en"), [*YANTAI, *SHANDONG_AND_CHINA, *BY_RULE, *CHAINS, *EDGE_CASES, *KNOWN_FAILURES]
)
def test_place_english(zh: str, en: str) -> None:
    assert place_english(zh) == en


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("栖霞市", "Qixia"),
        ("鞍山市", "Anshan"),
        ("山东省", "Shandong"),
        ("芝罘区", "Zhifu District"),
    ],
)
def test_place_name(zh: str, en: str) -> None:
    assert place_name(zh) == en


def test_empty_place_raises() -> None:
    with pytest.raises(InputError, match="empty place name"):
        place_english(" ")


def test_long_and_junk_input() -> None:
    with pytest.raises(InputError, match="not a place name"):
        place_english("区" * 1_000_000)
    assert place_english("烟台市" + "某" * 90 + "区").endswith("District, Yantai City")
    assert isinstance(place_english("\x00🙂区"), str)


@pytest.mark.parametrize("table", ["places", "place_suffixes"])
def test_table_integrity(table: str) -> None:
    rows = load_table(table)
    assert list(rows[0])[:2] == ["zh", "en"]
    assert "source" in rows[0]
    keys = [row["zh"] for row in rows]
    assert len(keys) == len(set(keys))
    for row in rows:
        assert row["en"].strip(), row
        assert row["source"].strip(), row
        assert row["en"].isascii(), row


def test_every_city_of_the_gazetteer_carries_its_level_word() -> None:
    """One rule (issue 16): Qixia City, Yantai City, as Zhifu District; stems stay bare."""
    for row in load_table("places"):
        if row["kind"] in {"prefecture-city", "county-city"}:
            assert row["en"].endswith(" City"), row["zh"]
            assert place_name(row["zh"]) == row["en"].removesuffix(" City")
