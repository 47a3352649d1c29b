"""The seed article, checked fact by fact against a reading of the page by a person.

Structure (all eight statements), every numeric pledge with its base value, unit, comparator and
deadline, and the labels and dates that must not become quantities.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

import yantai_pledges
from yantai_pledges import Article, Statement, Target

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_bad21ed3cf753cea.txt"


@cache
def seed_article() -> Article:
    return yantai_pledges.parse(SEED.read_bytes(), translator=None)


STATEMENTS = [
    # (headline, name, positions, jurisdiction, credit)
    (
        "培强产业集群 壮大工业规模",
        "牟树青",
        ["市委常委", "副市长", "开发区工委书记", "管委主任"],
        "开发区",
        "童佳怡",
    ),
    ("项目发展风正劲 凝聚力量再出发", "包华", ["市委常委", "栖霞市委书记"], "栖霞市", "赵巍巍"),
    ("突出“项目为王 落地为要”", "李良", ["芝罘区委书记"], "芝罘区", "钟嘉琳"),
    ("奋力夺取项目建设大突破", "罗建", ["莱山区委书记"], "莱山区", "徐睿"),
    (
        "全力打造“两山”理论蓝色实践样板",
        "于锋",
        ["市委常委", "秘书长", "长岛综合试验区工委书记", "管委主任"],
        "长岛综合试验区",
        "苗春雷",
    ),
    (
        "树牢“标杆意识” 聚焦“五个全力”",
        "王克文",
        ["烟台综合保税区工委书记", "管委主任"],
        "烟台综合保税区",
        "信召红",
    ),
    ("夯实项目建设 做强园区片区", "李金涛", ["福山区委书记"], "福山区", "邹春霞"),
    ("为冲刺“万亿城市”贡献牟平力量", "殷锡瑞", ["牟平区委书记"], "牟平区", "全百惠"),
]


def test_title_and_year() -> None:
    article = seed_article()
    assert article.title is not None
    assert article.title.zh == "区市书记谈坚定不移推动高质量发展"
    assert article.year == 2023
    assert article.source is not None
    assert article.source.encoding == "utf-8"


def test_eight_statements() -> None:
    assert len(seed_article().statements) == 8


@pytest.mark.parametrize(("index", "expected"), list(enumerate(STATEMENTS)))
def test_statement_structure(index: int, expected: tuple[str, str, list[str], str, str]) -> None:
    headline, name, positions, jurisdiction, credit = expected
    statement = seed_article().statements[index]
    assert statement.headline is not None
    assert statement.headline.zh == headline
    assert statement.speaker is not None
    assert statement.speaker.name.zh == name
    assert [p.zh for p in statement.speaker.positions] == positions
    assert statement.speaker.jurisdiction is not None
    assert statement.speaker.jurisdiction.name.zh == jurisdiction
    assert statement.compiled_by is not None
    assert statement.compiled_by.zh == credit
    assert all("整理" not in p.zh for p in statement.paragraphs)


def test_page_breaks_are_repaired() -> None:
    text = seed_article().text
    for joined in (
        "全年新开工项目130个以上",
        "认真研究新举措",
        "化肥加工龙头企业",
        "做大龙头“强心”，育强骨干",
    ):
        assert joined in text


def test_points_of_the_first_statement() -> None:
    points = seed_article().statements[0].points
    assert [p.marker for p in points] == ["一是", "二是", "三是", "四是", "五是"]
    assert [p.ordinal for p in points] == [1, 2, 3, 4, 5]
    assert points[0].lead.zh == "以最强烈担当提增速、作贡献"


def test_thematic_heads_are_points() -> None:
    points = seed_article().statements[2].points
    assert [p.lead.zh for p in points][:2] == [
        "聚力攻坚突破“两带一核”重点项目建设",
        "聚力攻坚突破产业提质升级",
    ]


def _find(statement: Statement, raw: str) -> Target:
    matches = [t for t in statement.targets if t.quantity.raw == raw]
    assert len(matches) == 1, (raw, [t.quantity.raw for t in statement.targets])
    return matches[0]


PLEDGES = [
    # (statement, raw, base value or (low, high), base unit, comparator, deadline date, commitment)
    (0, "30家", "30", "count", "exact", "2023-12-31", None),
    (0, "3家", "3", "count", "exact", "2023-12-31", None),
    (0, "2—3家", ("2", "3"), "count", "range", "2023-12-31", None),
    (0, "1—2个百分点", ("1", "2"), "percentage_point", "range", "2023-12-31", "strive"),
    (0, "25%左右", "25", "percent", "about", "2023-12-31", "strive"),
    (0, "1850亿元", "185000000000", "CNY", "exact", None, None),
    (0, "340个", "340", "count", "exact", None, None),
    (0, "53个", "53", "count", "exact", "2023-03-31", "ensure"),
    (0, "130个以上", "130", "count", "at_least", "2023-12-31", "ensure"),
    (0, "20个", "20", "count", "exact", "2023-12-31", None),
    (0, "2000亿元", "200000000000", "CNY", "exact", None, None),
    (0, "4000亿元", "400000000000", "CNY", "exact", None, None),
    (0, "1万人以上", "10000", "person", "at_least", "2023-12-31", "ensure"),
    (0, "2000人以上", "2000", "person", "at_least", "2023-12-31", "ensure"),
    (0, "600家", "600", "count", "exact", "2023-12-31", None),
    (0, "1000家", "1000", "count", "exact", "2023-12-31", None),
    (0, "60个以上", "60", "count", "at_least", "2023-12-31", "ensure"),
    (0, "突破10亿美元", "1000000000", "USD", "more_than", "2023-12-31", "ensure"),
    (1, "224.2亿元", "22420000000", "CNY", "exact", None, None),
    (1, "90个", "90", "count", "exact", None, None),
    (1, "107.9亿元", "10790000000", "CNY", "exact", "2023-12-31", "ensure"),
    (1, "7%以上", "7", "percent", "at_least", "2023-12-31", "ensure"),
    (1, "5.5%以上", "5.5", "percent", "at_least", "2023-12-31", "ensure"),
    (1, "突破300亿元", "30000000000", "CNY", "more_than", "2023-12-31", "ensure"),
    (1, "8%以上", "8", "percent", "at_least", "2023-12-31", "ensure"),
    (1, "突破15亿元", "1500000000", "CNY", "more_than", "2023-12-31", "ensure"),
    (1, "10个以上", "10", "count", "at_least", "2023-12-31", "ensure"),
    (2, "73个", "73", "count", "exact", None, None),
    (2, "1000亿元", "100000000000", "CNY", "exact", None, None),
    (2, "300亿元", "30000000000", "CNY", "exact", None, None),
    (2, "30个以上", "30", "count", "at_least", "2023-12-31", "ensure"),
    (2, "17项", "17", "count", "exact", None, None),
    (2, "13项", "13", "count", "exact", None, None),
    (3, "1819亿元", "181900000000", "CNY", "exact", None, None),
    (3, "205个", "205", "count", "exact", None, None),
    (5, "30个以上", "30", "count", "at_least", "2023-12-31", "ensure"),
    (6, "过千亿元", "100000000000", "CNY", "more_than", None, None),
    (6, "117个", "117", "count", "exact", None, None),
    (7, "776亿元", "77600000000", "CNY", "exact", None, None),
    (7, "101个", "101", "count", "exact", None, None),
]


@pytest.mark.parametrize(
    ("index", "raw", "base", "unit", "comparator", "date", "commitment"), PLEDGES
)
def test_numeric_pledge(
    index: int,
    raw: str,
    base: str | tuple[str, str],
    unit: str,
    comparator: str,
    date: str | None,
    commitment: str | None,
) -> None:
    target = _find(seed_article().statements[index], raw)
    quantity = target.quantity
    if isinstance(base, tuple):
        assert (quantity.base_low, quantity.base_high) == (Decimal(base[0]), Decimal(base[1]))
        assert quantity.base_value is None
    else:
        assert quantity.base_value == Decimal(base)
    assert quantity.base_unit == unit
    assert target.comparator.value == comparator
    assert (
        target.deadline.date.isoformat() if target.deadline and target.deadline.date else None
    ) == date
    assert (target.commitment.value if target.commitment else None) == commitment
    assert target.status.value == "pledge"
    start, end = target.span
    assert seed_article().text[start:end] == target.text.zh


NOT_QUANTITIES = [
    "1253",
    "2+4",
    "530",
    "1+5+1",
    "5+3",
    "10+6",
    "365",
    "5A",
    "二十大",
    "500强",
    "2023",
]


@pytest.mark.parametrize("label", NOT_QUANTITIES)
def test_labels_and_dates_are_not_quantities(label: str) -> None:
    raws = [t.quantity.raw for t in seed_article().targets]
    assert not [raw for raw in raws if label in raw]


def test_milestones() -> None:
    milestones = [
        (m.text.zh, m.deadline.date.isoformat() if m.deadline.date else None)
        for s in seed_article().statements
        for m in s.milestones
    ]
    for expected in [
        ("八角湾创新科技职业学院9月启用", "2023-09-30"),
        ("2月中旬集中开工", "2023-02-20"),
        ("力争上半年通过验收", "2023-06-30"),
        ("下半年投入使用", "2023-12-31"),
    ]:
        assert expected in milestones
    assert any(text.endswith("9月建成") for text, _ in milestones)
