"""The glossary (translation/glossary.py) and data/glossary.tsv."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from yantai_pledges._data import load_table
from yantai_pledges.errors import DataFileError
from yantai_pledges.translation.glossary import Glossary, GlossaryEntry, TermMatch, load_glossary

# Terms of the seed article and of government work reports with their official English.
LOOKUPS = [
    ("规上工业企业", "industrial enterprises above designated size"),
    ("一般公共预算收入", "general public budget revenue"),
    ("固定资产投资", "fixed-asset investment"),
    ("地区生产总值", "gross regional product"),
    ("实际使用外资", "actual use of foreign investment"),
    ("招商引资", "investment promotion"),
    ("双招双引", "attracting investment and talent"),
    ("链长制", "industrial chain chief system"),
    ("高质量发展", "high-quality development"),
    ("城镇调查失业率", "surveyed urban unemployment rate"),
    ("社会消费品零售总额", "total retail sales of consumer goods"),
    (" 营商环境 ", "business environment"),
    ("省市区级重点项目", "provincial, municipal and district-level key projects"),
    ("体制机制改革", "institutional reforms"),
    ("“重中之重”项目", "top-priority projects"),
    ("驻点城市招商中心", "investment promotion centres stationed in other cities"),
    ("研究生及以上人才", "postgraduate-level talents"),
    ("专项债券", "special-purpose bonds"),
    ("老旧小区改造", "renovation of old residential compounds"),
    ("不存在的词", None),
    ("", None),
]


@pytest.mark.parametrize(("zh", "en"), LOOKUPS)
def test_lookup(zh: str, en: str | None) -> None:
    assert load_glossary().lookup(zh) == en


FIND = [
    ("确保固定资产投资增长7%以上", [("固定资产投资", 2, 8), ("增长", 8, 10)]),
    ("新增规上工业企业30家", [("规上工业企业", 2, 8)]),
    ("规模以上工业增加值", [("规模以上工业增加值", 0, 9)]),
    ("", []),
    ("abc🙂\x00", []),
]


@pytest.mark.parametrize(("text", "expected"), FIND)
def test_find_terms_longest_first(text: str, expected: list[tuple[str, int, int]]) -> None:
    matches = load_glossary().find_terms(text)
    assert [(m.zh, m.start, m.end) for m in matches] == expected
    for match in matches:
        assert text[match.start : match.end] == match.zh


@pytest.mark.parametrize(
    ("text", "covered"),
    [
        ("固定资产投资增长", True),  # two terms end to end
        ("确保固定资产投资增长", False),  # 确保 is no term
        ("固定资产投资增长率x", False),  # an uncovered last character
        ("", True),
    ],
)
def test_covering_terms_is_find_terms_when_every_character_is_covered(
    text: str, covered: bool
) -> None:
    glossary = load_glossary()
    expected = glossary.find_terms(text) if covered else None
    assert glossary.covering_terms(text) == expected


def test_find_terms_non_overlapping_and_leftmost() -> None:
    glossary = Glossary(
        [GlossaryEntry("ab", "AB"), GlossaryEntry("bc", "BC"), GlossaryEntry("abc", "ABC")]
    )
    assert glossary.find_terms("xabcbc") == [
        TermMatch(1, 4, "abc", "ABC", "user"),
        TermMatch(4, 6, "bc", "BC", "user"),
    ]


def test_find_terms_linear_time() -> None:
    text = "项目投资增长" * 170_000  # about 1,000,000 characters
    started = time.perf_counter()
    matches = load_glossary().find_terms(text)
    assert time.perf_counter() - started < 5
    assert len(matches) >= 170_000


def test_user_mapping_overrides() -> None:
    glossary = load_glossary({"招商引资": "attracting investment", "比项目": "project contest"})
    assert glossary.lookup("招商引资") == "attracting investment"
    assert glossary.lookup("比项目") == "project contest"
    assert load_glossary().lookup("招商引资") == "investment promotion"  # the default is untouched
    assert len(glossary) == len(load_glossary()) + 1


def test_user_tsv_overrides(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text(
        "# my terms\nzh\ten\n开门红\ta flying start\n新词\tnew word\n", encoding="utf-8"
    )
    glossary = load_glossary(path)
    assert glossary.lookup("开门红") == "a flying start"
    assert glossary.lookup("新词") == "new word"
    assert load_glossary(str(path)).lookup("新词") == "new word"


@pytest.mark.parametrize(
    "content", ["zh\tfoo\n开门红\tx\n", "zh\ten\n开门红\t\n", "zh\ten\n开门红\n"]
)
def test_bad_user_tsv(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError):
        load_glossary(path)


def test_missing_user_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot read"):
        load_glossary(tmp_path / "missing.tsv")


@pytest.mark.parametrize("mapping", [{"": "x"}, {"词": " "}])
def test_bad_user_mapping(mapping: dict[str, str]) -> None:
    with pytest.raises(DataFileError):
        load_glossary(mapping)


def test_default_is_cached() -> None:
    assert load_glossary() is load_glossary(None)


def test_glossary_table_integrity() -> None:
    rows = load_table("glossary")
    assert list(rows[0]) == ["zh", "en", "kind", "source", "confidence"]
    assert len(rows) >= 400
    keys = [row["zh"] for row in rows]
    assert len(keys) == len(set(keys))
    kinds = {"indicator", "policy", "programme", "organisation", "title", "industry", "project",
             "general", "slogan"}  # fmt: skip
    for row in rows:
        assert row["zh"].strip() == row["zh"], row
        assert row["en"], row
        assert row["en"].strip() == row["en"], row
        assert row["source"].strip(), row
        assert row["kind"] in kinds, row
        assert row["confidence"] in {"high", "medium", "low"}, row
        assert not (row["source"] == "ours" and row["confidence"] == "high"), row
        assert not any("\u4e00" <= char <= "\u9fff" for char in row["en"]), row


def test_every_seed_metric_term_is_covered() -> None:
    glossary = load_glossary()
    terms = ["上市公司", "高新技术企业", "科技型中小企业", "本专科生", "研究生及以上人才",
             "总投资", "产业项目", "重大项目", "主要经济指标增速", "省市区级重点项目",
             "省市区三级重点项目", "体制机制改革", "攻坚工程", "驻点城市招商中心", "专精特新产业园",
             "区级重点项目", "省级园区", "攻坚专班"]  # fmt: skip
    for zh in terms:
        assert glossary.lookup(zh), zh
