"""The seed article's structured English, checked by hand (translation/english.py and the glossary).

Each row below was read against the Chinese of ``seeds/000_bad21ed3cf753cea.txt`` and written as the
English an analyst should see; it is not a snapshot of what the code printed. Where the parser hands
over a metric that is not what the article says (a parser matter, not an English one), the row gives
the right English for what the parser gives and says so in a comment:

* ``“重中之重”项目重点`` — a stray 重点 (from 重点突破) is glued to the metric: no English, the summary
  shows the Chinese (the workbook gives it in English and pinyin); 各 makes it 30 in each of 5 areas;
* ``专班“10+6”工作体系`` — the metric runs on past 专班 into the name of the work system;
* ``产业`` — the article says 重点培育的6个产业 ("six industries prioritised for development").

``test_seed_targets_are_the_reviewed_ones`` fails when the parser's output changes, so that the table
is reviewed again rather than silently matched against new rows.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import yantai_pledges
from yantai_pledges.models import Article, Target

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_bad21ed3cf753cea.txt"
YEDA = "Yantai Economic and Technological Development Area"
YANTAI_STANDING = "Member of the Standing Committee of the CPC Yantai Municipal Committee"


@pytest.fixture(scope="module")
def article() -> Article:
    return yantai_pledges.parse(SEED.read_bytes(), translator=None)


# (statement, name zh, name en, positions en, jurisdiction en)
SPEAKERS = [
    (0, "牟树青", "Mou Shuqing",
     [YANTAI_STANDING, "Vice Mayor of Yantai",
      f"Secretary of the CPC Working Committee of the {YEDA}",
      f"Director of the Management Committee of the {YEDA}"],
     YEDA),
    (1, "包华", "Bao Hua",
     [YANTAI_STANDING, "Secretary of the CPC Qixia Municipal Committee"], "Qixia City"),
    (2, "李良", "Li Liang", ["Secretary of the CPC Zhifu District Committee"], "Zhifu District"),
    (3, "罗建", "Luo Jian", ["Secretary of the CPC Laishan District Committee"], "Laishan District"),
    (4, "于锋", "Yu Feng",
     [YANTAI_STANDING, "Secretary-General of the CPC Yantai Municipal Committee",
      "Secretary of the CPC Working Committee of the Changdao Comprehensive Pilot Zone",
      "Director of the Management Committee of the Changdao Comprehensive Pilot Zone"],
     "Changdao Comprehensive Pilot Zone"),
    (5, "王克文", "Wang Kewen",
     ["Secretary of the CPC Working Committee of the Yantai Comprehensive Bonded Zone",
      "Director of the Management Committee of the Yantai Comprehensive Bonded Zone"],
     "Yantai Comprehensive Bonded Zone"),
    (6, "李金涛", "Li Jintao", ["Secretary of the CPC Fushan District Committee"], "Fushan District"),
    (7, "殷锡瑞", "Yin Xirui", ["Secretary of the CPC Muping District Committee"], "Muping District"),
]  # fmt: skip
# Reporters credited at the end of each statement (整理).
COMPILED_BY = ["Tong Jiayi", "Zhao Weiwei", "Zhong Jialin", "Xu Rui", "Miao Chunlei", "Xin Zhaohong",
               "Zou Chunxia", "Quan Baihui"]  # fmt: skip


@pytest.mark.parametrize(("index", "name_zh", "name_en", "positions", "jurisdiction"), SPEAKERS)
def test_seed_speaker_english(
    article: Article,
    index: int,
    name_zh: str,
    name_en: str,
    positions: list[str],
    jurisdiction: str,
) -> None:
    speaker = article.statements[index].speaker
    assert speaker is not None
    assert speaker.name.zh == name_zh
    assert speaker.name.en == name_en
    assert [position.en for position in speaker.positions] == positions
    assert speaker.jurisdiction is not None
    assert speaker.jurisdiction.name.en == jurisdiction


def test_seed_compiled_by_english(article: Article) -> None:
    names = [s.compiled_by.en if s.compiled_by else None for s in article.statements]
    assert names == COMPILED_BY


# (statement, metric zh, quantity as written, metric en, unit en, deadline en, summary en)
TARGETS: list[tuple[int, str, str, str | None, str, str | None, str]] = [
    (
        0,
        "新增规上工业企业",
        "30家",
        "new industrial enterprises above designated size",
        "",
        "within 2023",
        "Pledge: 30 new industrial enterprises above designated size within 2023.",
    ),
    (
        0,
        "新增产值过10亿元企业",
        "3家",
        "new enterprises with output value over 1 billion yuan",
        "",
        "within 2023",
        "Pledge: 3 new enterprises with output value over 1 billion yuan within 2023.",
    ),
    (
        0,
        "新增上市公司",
        "2—3家",
        "new listed companies",
        "",
        "within 2023",
        "Pledge: 2–3 new listed companies within 2023.",
    ),
    (
        0,
        "主要经济指标增速均高于全市平均",
        "1—2个百分点",
        "growth of main economic indicators above the city average",
        "percentage points",
        "within 2023",
        "Strive for growth of main economic indicators 1–2 percentage points above the city average within 2023.",
    ),
    (
        0,
        "生产总值对全市增长的贡献度",
        "25%左右",
        "contribution of gross regional product to the city's growth",
        "%",
        "within 2023",
        "Strive for contribution of gross regional product to the city's growth of about 25% within 2023.",
    ),
    (
        0,
        "领域“三重”工作指挥部",
        "10个",
        '"Three Priorities" work command headquarters in sectors',
        "",
        None,
        'Pledge: "Three Priorities" work command headquarters in 10 sectors.',
    ),
    (
        0,
        "攻坚专班",
        "28个",
        "task forces",
        "",
        None,
        "Pledge: 28 task forces.",
    ),
    (
        0,
        "产业项目总投资",
        "1850亿元",
        "total investment in industrial projects",
        "100 million yuan",
        None,
        "Pledge: total investment in industrial projects of 185 billion yuan.",
    ),
    (
        0,
        "产业项目",
        "340个",
        "industrial projects",
        "",
        None,
        "Pledge: 340 industrial projects.",
    ),
    (
        0,
        "开工新项目",
        "53个",
        "new projects starting construction",
        "",
        "by the end of March 2023",
        "Ensure 53 new projects start construction by the end of March 2023.",
    ),
    (
        0,
        "新开工项目",
        "130个以上",
        "new projects starting construction",
        "",
        "in 2023",
        "Ensure at least 130 new projects start construction in 2023.",
    ),
    (
        0,
        "前两批专精特新产业园全部开工",
        "20个",
        "industrial parks for specialized and sophisticated enterprises in the first two batches "
        "all starting construction",
        "",
        "within 2023",
        "Pledge: 20 industrial parks for specialized and sophisticated enterprises in the first two "
        "batches all starting construction within 2023.",
    ),
    (
        0,
        "总投资",
        "2000亿元",
        "total investment",
        "100 million yuan",
        None,
        "Pledge: total investment of 200 billion yuan.",
    ),
    (
        0,
        "产值",
        "4000亿元",
        "output value",
        "100 million yuan",
        None,
        "Pledge: output value of 400 billion yuan.",
    ),
    (
        0,
        "集聚本专科生",
        "1万人以上",
        "undergraduate and junior-college students attracted",
        "10,000 people",
        "within 2023",
        "Ensure at least 10,000 undergraduate and junior-college students are attracted within 2023.",
    ),
    (
        0,
        "集聚研究生及以上人才",
        "2000人以上",
        "postgraduate-level talents attracted",
        "people",
        "within 2023",
        "Ensure at least 2,000 postgraduate-level talents are attracted within 2023.",
    ),
    (
        0,
        "高新技术企业",
        "600家",
        "high-tech enterprises",
        "",
        "within 2023",
        "Pledge: 600 high-tech enterprises within 2023.",
    ),
    (
        0,
        "科技型中小企业",
        "1000家",
        "technology-based small and medium-sized enterprises",
        "",
        "within 2023",
        "Pledge: 1,000 technology-based small and medium-sized enterprises within 2023.",
    ),
    (
        0,
        "引进重大项目",
        "60个以上",
        "major projects attracted",
        "",
        "in 2023",
        "Ensure at least 60 major projects are attracted in 2023.",
    ),
    (
        0,
        "实际使用外资",
        "突破10亿美元",
        "actual use of foreign investment",
        "US$100 million",
        "in 2023",
        "Ensure actual use of foreign investment of more than US$1 billion in 2023.",
    ),
    (
        1,
        "重点项目总投资",
        "224.2亿元",
        "total investment in key projects",
        "100 million yuan",
        None,
        "Pledge: total investment in key projects of 22.42 billion yuan.",
    ),
    (
        1,
        "重点项目",
        "90个",
        "key projects",
        "",
        None,
        "Pledge: 90 key projects.",
    ),
    (
        1,
        "完成投资",
        "107.9亿元",
        "investment completed",
        "100 million yuan",
        "within 2023",
        "Ensure investment of 10.79 billion yuan is completed within 2023.",
    ),
    (
        1,
        "固定资产投资增长",
        "7%以上",
        "fixed-asset investment growth",
        "%",
        "within 2023",
        "Ensure fixed-asset investment growth of at least 7% within 2023.",
    ),
    (
        1,
        "地区生产总值增长",
        "5.5%以上",
        "gross regional product growth",
        "%",
        "within 2023",
        "Ensure gross regional product growth of at least 5.5% within 2023.",
    ),
    (
        1,
        "地区生产总值",
        "突破300亿元",
        "gross regional product",
        "100 million yuan",
        "within 2023",
        "Ensure gross regional product of more than 30 billion yuan within 2023.",
    ),
    (
        1,
        "一般公共预算收入增长",
        "8%以上",
        "general public budget revenue growth",
        "%",
        "within 2023",
        "Ensure general public budget revenue growth of at least 8% within 2023.",
    ),
    (
        1,
        "一般公共预算收入",
        "突破15亿元",
        "general public budget revenue",
        "100 million yuan",
        "within 2023",
        "Ensure general public budget revenue of more than 1.5 billion yuan within 2023.",
    ),
    (
        1,
        "产业",
        "6个",
        "industries",
        "",
        "in 2023",
        "Pledge: 6 industries in 2023.",
    ),
    (
        1,
        "引进项目",
        "10个以上",
        "projects attracted",
        "",
        "within 2023",
        "Ensure at least 10 projects are attracted within 2023.",
    ),
    (
        1,
        "指挥部",
        "10个",
        "command headquarters",
        "",
        None,
        "Pledge: 10 command headquarters.",
    ),
    (
        1,
        "专班“10+6”工作体系",
        "6个",
        'task forces of the "10+6" work system',
        "",
        None,
        'Pledge: 6 task forces of the "10+6" work system.',
    ),
    (
        2,
        "“重中之重”项目",
        "73个",
        "top-priority projects",
        "",
        None,
        "Pledge: 73 top-priority projects.",
    ),
    (
        2,
        "总投资",
        "1000亿元",
        "total investment",
        "100 million yuan",
        None,
        "Pledge: total investment of 100 billion yuan.",
    ),
    (
        2,
        "年度投资",
        "300亿元",
        "annual investment",
        "100 million yuan",
        None,
        "Pledge: annual investment of 30 billion yuan.",
    ),
    (
        2,
        "驻点城市招商中心",
        "4个",
        "investment promotion centres stationed in other cities",
        "",
        None,
        "Pledge: 4 investment promotion centres stationed in other cities.",
    ),
    (
        2,
        "产业招商专班",
        "8个",
        "industry-focused investment promotion task forces",
        "",
        None,
        "Pledge: 8 industry-focused investment promotion task forces.",
    ),
    (
        2,
        "引进过10亿元项目",
        "30个以上",
        "projects worth over 1 billion yuan attracted",
        "",
        "within 2023",
        "Ensure at least 30 projects worth over 1 billion yuan are attracted within 2023.",
    ),
    (
        2,
        "体制机制改革",
        "17项",
        "institutional reforms",
        "",
        None,
        "Pledge: 17 institutional reforms.",
    ),
    (
        2,
        "攻坚工程",
        "13项",
        "critical campaigns",
        "",
        None,
        "Pledge: 13 critical campaigns.",
    ),
    (
        3,
        "地区生产总值",
        "过万亿元",
        "gross regional product",
        "1 trillion yuan",
        "in 2023",
        "Strive for gross regional product of more than 1 trillion yuan in 2023.",
    ),
    (
        3,
        "区级重点项目总投资",
        "1819亿元",
        "total investment in district-level key projects",
        "100 million yuan",
        None,
        "Pledge: total investment in district-level key projects of 181.9 billion yuan.",
    ),
    (
        3,
        "区级重点项目",
        "205个",
        "district-level key projects",
        "",
        None,
        "Pledge: 205 district-level key projects.",
    ),
    (
        3,
        "“重中之重”项目重点",
        "30个",
        None,
        "",
        None,
        "Pledge: 30 (“重中之重”项目重点) in each of 5.",  # 5大方面各精选30个: 30 in each area
    ),
    (
        4,
        "地区生产总值",
        "过万亿元",
        "gross regional product",
        "1 trillion yuan",
        "in 2023",
        "Pledge: gross regional product of more than 1 trillion yuan in 2023.",
    ),
    (
        5,
        "引进项目",
        "30个以上",
        "projects attracted",
        "",
        "in 2023",
        "Ensure at least 30 projects are attracted in 2023.",
    ),
    (
        6,
        "省市区级重点项目总投资",
        "过千亿元",
        "total investment in provincial, municipal and district-level key projects",
        "100 million yuan",
        None,
        "Pledge: total investment in provincial, municipal and district-level key projects of more "
        "than 100 billion yuan.",
    ),
    (
        6,
        "省市区级重点项目",
        "117个",
        "provincial, municipal and district-level key projects",
        "",
        None,
        "Pledge: 117 provincial, municipal and district-level key projects.",
    ),
    (
        6,
        "省级园区",
        "2个",
        "provincial-level parks",
        "",
        None,
        "Pledge: 2 provincial-level parks.",
    ),
    (
        7,
        "",
        "两天半",
        None,
        "days",
        None,
        "Background: 2.5 days.",
    ),
    (
        7,
        "省市区三级重点项目总投资",
        "776亿元",
        "total investment in provincial, municipal and district-level key projects",
        "100 million yuan",
        None,
        "Pledge: total investment in provincial, municipal and district-level key projects of 77.6 billion yuan.",
    ),
    (
        7,
        "省市区三级重点项目",
        "101个",
        "provincial, municipal and district-level key projects",
        "",
        None,
        "Pledge: 101 provincial, municipal and district-level key projects.",
    ),
]
# (statement, milestone zh, deadline en, summary en)
MILESTONES = [
    (0, "确保烟台大学科教园区、山东建筑大学产学研基地9月建成", "in September 2023",
     "Ensure completion (烟台大学科教园区 山东建筑大学产学研基地) in September 2023."),
    (0, "八角湾创新科技职业学院9月启用", "in September 2023",
     "Ensure opening (八角湾创新科技职业学院) in September 2023."),
    (1, "2月中旬集中开工", "by mid-February 2023",
     "Pledge: a collective start of construction by mid-February 2023."),
    (5, "力争上半年通过验收", "in the first half of 2023",
     "Strive for passing acceptance inspection in the first half of 2023."),
    (5, "下半年投入使用", "in the second half of 2023",
     "Strive for entry into use in the second half of 2023."),
]  # fmt: skip


def _key(index: int, target: Target) -> tuple[int, str, str]:
    return (index, target.metric.zh, target.quantity.raw)


def _targets(article: Article) -> dict[tuple[int, str, str], Target]:
    return {
        _key(index, target): target
        for index, statement in enumerate(article.statements)
        for target in statement.targets
    }


def test_seed_targets_are_the_reviewed_ones(article: Article) -> None:
    parsed = [
        _key(index, target)
        for index, statement in enumerate(article.statements)
        for target in statement.targets
    ]
    assert parsed == [row[:3] for row in TARGETS], "the parser changed: review the table again"


@pytest.mark.parametrize(
    ("index", "metric_zh", "raw", "metric_en", "unit_en", "deadline_en", "summary_en"), TARGETS
)
def test_seed_target_english(
    article: Article,
    index: int,
    metric_zh: str,
    raw: str,
    metric_en: str | None,
    unit_en: str,
    deadline_en: str | None,
    summary_en: str,
) -> None:
    target = _targets(article).get((index, metric_zh, raw))
    if target is None:
        pytest.fail("the parser no longer gives this target: review the table")
    assert target.metric.en == metric_en
    assert target.quantity.unit.en == unit_en
    assert (target.deadline.text.en if target.deadline else None) == deadline_en
    assert target.summary is not None
    assert target.summary.en == summary_en


@pytest.mark.parametrize(("index", "text_zh", "deadline_en", "summary_en"), MILESTONES)
def test_seed_milestone_english(
    article: Article, index: int, text_zh: str, deadline_en: str, summary_en: str
) -> None:
    milestones = {m.text.zh: m for m in article.statements[index].milestones}
    milestone = milestones.get(text_zh)
    if milestone is None:
        pytest.fail("the parser no longer gives this milestone: review the table")
    assert milestone.deadline.text.en == deadline_en
    assert milestone.summary is not None
    assert milestone.summary.en == summary_en


def test_seed_summaries_are_clean_sentences(article: Article) -> None:
    for statement in article.statements:
        for target in statement.targets:
            assert target.summary is not None
            summary = target.summary.en
            assert summary is not None
            english, _, chinese = summary.partition(" (")
            assert english.replace("–", "-").isascii(), summary
            assert summary.endswith(".")
            assert summary[0].isupper()
            assert "  " not in summary
            assert "None" not in summary
            assert not chinese or target.metric.en is None
