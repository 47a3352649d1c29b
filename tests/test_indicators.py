"""Canonical indicators (data/indicators.tsv, lexicon/indicators.py): the table and the matcher.

Rows are (metric, base unit, expected indicator id or None), grouped by where the metric came from.
A wrong indicator is worse than none, so every group holds rows that must stay None.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

from benchmark_modules import load_benchmark
from yantai_pledges._data import load_table
from yantai_pledges.errors import DataFileError
from yantai_pledges.lexicon import indicators as module
from yantai_pledges.lexicon.indicators import (
    MEASURES,
    SOURCES,
    Indicator,
    indicator_for,
    indicators,
)
from yantai_pledges.lexicon.units import units

ROOT = Path(__file__).resolve().parents[1]

Row = tuple[str, str, str | None]

# The labels of tests/fixtures/real/dev (metric_contains, base_unit): a label is only the part of
# the metric its labeller needed, so fragments (增长, 总值增长) and growth figures without a growth
# word (地区生产总值 in percent, from a 分别增长 list) have no indicator.
REAL_DEV_LABELS: list[Row] = [
    ("地区生产总值增长", "percent", "gdp_growth"),  # r01
    ("城镇新增就业", "person", "new_urban_jobs"),  # r01
    ("城镇调查失业率", "percent", "surveyed_unemployment_rate"),  # r01
    ("居民消费价格涨幅", "percent", "cpi"),  # r01
    ("GDP增长", "percent", "gdp_growth"),  # r02
    ("人均地区生产总值", "USD", "gdp_per_capita"),  # r03
    ("新增铁路里程", "metre", "new_railway_length"),  # r03
    ("实际利用外资增长", "percent", "foreign_capital_used_growth"),  # r04
    ("到位资金增长", "percent", "funds_in_place_growth"),  # r04
    ("一般公共预算收入增长", "percent", "general_public_budget_revenue_growth"),  # r05
    ("全员劳动生产率", "CNY", "labour_productivity"),  # r06
    ("金融机构贷款余额增长", "percent", "loans_balance_growth"),  # r06
    ("城镇登记失业率", "percent", "registered_unemployment_rate"),  # r06
    ("新增国家高新技术企业", "count", "new_high_tech_enterprises"),  # r08
    ("全社会固定资产投资", "CNY", "total_fixed_asset_investment"),  # r08
    ("地方一般公共预算收入增长", "percent", "general_public_budget_revenue_growth"),  # r09
    ("农村居民人均可支配收入", "CNY", "per_capita_disposable_income_rural"),  # r10
    ("存贷款余额", "CNY", "deposits_and_loans_balance"),  # r11
    ("全年税收收入", "CNY", "tax_revenue"),  # r12
    ("村集体经营性收入", "CNY", "village_collective_operating_income"),  # r12
    ("四好农村路", "metre", "rural_roads"),  # r13
    ("民间投资增长", "percent", "private_investment_growth"),  # r17
    ("战新产业产值增长", "percent", "strategic_emerging_industries_output_growth"),  # r17
    ("粮食种植面积", "square_metre", "grain_sown_area"),  # r19, in hectares
    ("猪牛羊禽肉产量", "tonne", "meat_output"),  # r19
    ("人口自然增长率", "percent", "natural_growth_rate"),  # r20
    ("2021年全县生产总值", "CNY", "gdp"),  # r20
    ("规模工业增加值增长", "percent", "value_added_industry_above_size_growth"),  # w04
    ("新增规模工业企业", "count", "new_enterprises_above_designated_size"),  # w04
    ("居民收入增长", "percent", "personal_income_growth"),  # w05
    ("减少农村贫困人口", "person", "rural_poor_lifted"),  # w07
    ("贫困村出列", "count", "poor_villages_lifted"),  # w07
    ("GDP总量", "CNY", "gdp"),  # c07
    ("科技型中小微企业", "count", "tech_smes"),  # c09
    ("十亿级以上项目", "count", "projects_over_1bn_yuan"),  # c11
    ("经济总量年均增速", "percent", "gdp_growth"),  # n08
    ("集中开工重点项目", "count", "projects_started"),  # n10
    ("新竣工", "count", "projects_completed"),  # n11
    ("低效用地再开发", "mu", "industrial_land_redeveloped"),  # n15
    ("空气质量优良天数比例", "percent", "good_air_quality_days_share"),  # n20
    # no indicator
    ("增长", "percent", None),  # r04 … a fragment
    ("总值增长", "percent", None),  # n13, a fragment of 地区生产总值增长
    ("地区生产总值", "percent", None),  # c01: a growth figure, but no growth word
    ("规模以上工业增加值", "percent", None),  # r10
    ("地区生产总值", "times", None),  # c04: a multiple
    ("可支配收入", "CNY", None),  # r07: 城乡居民人均可支配收入, two indicators
    ("比上年增加", "CNY", None),  # r06: a change of per capita GDP
    ("总投资", "CNY", None),  # c12: whose projects?
    ("占比", "percent", None),  # r12
    ("先进制造业增加值占GDP比重", "percent", None),  # r08
    ("园区规模以上工业总产值占全省比重", "percent", None),  # r03
    ("第二产业占比提高", "percentage_point", None),  # r08
    ("新增规上企业", "percent", None),  # not a growth figure of anything we list
    ("数字经济", "percent", None),  # c07: 经济 inside another word
    ("天津大桥税收", "CNY", None),  # c06: one company's tax
    ("老旧小区", "count", None),  # n18: the compounds, renovated or not
    ("四好农村路", "count", None),  # r13: roads counted, not measured
    ("教育示范学校", "count", None),  # r03
    ("无新增本土病例", "day", None),  # r02
    ("居民消费价格总指数", "percent", None),  # r18: an index value, no rise or fall
    ("二氧化碳排放降低", "percent", None),  # w05: per unit of what?
]

# The metric the parser gives labelled targets of tests/fixtures/real/dev (what a user sees):
# headline bars, bullets, ordinals, asides and growth words around the wording.
REAL_DEV_PARSED: list[Row] = [
    ("——全市生产总值增长", "percent", "gdp_growth"),  # w05
    ("地区生产总值同比(下同)增长", "percent", "gdp_growth"),  # r09
    ("地区生产总值(GDP)同比增长", "percent", "gdp_growth"),
    ("生产总值目标增长", "percent", "gdp_growth"),  # w05
    ("地区生产总值同比下降", "percent", "gdp_growth"),  # r10: a negative growth rate
    ("区属地区生产总值增长", "percent", "gdp_growth"),  # w03
    ("一般公共预算收入同口径增长", "percent", "general_public_budget_revenue_growth"),  # w03
    ("完成地方一般公共预算收入同比增长", "percent", "general_public_budget_revenue_growth"),
    ("二是税收收入同比增长", "percent", "tax_revenue_growth"),  # r12
    ("• 新增铁路里程", "metre", "new_railway_length"),  # r03
    ("固定资产投资(含制造业)", "CNY", "fixed_asset_investment"),  # r12
    ("按常住人口计算人均地区生产总值", "CNY", "gdp_per_capita"),  # r20
    ("全员劳动生产率每人", "CNY", "labour_productivity"),  # r06
    ("单位生产总值二氧化碳排放降低", "percent", "co2_per_unit_gdp_reduction"),  # w05
    ("规模以上工业产品产销率", "percent", "industrial_product_sales_ratio"),  # r06
    ("第一产业增加值占地区生产总值的比重", "percent", "value_added_primary_industry_share"),
    ("工业增加值占GDP比重", "percent", "value_added_industry_share"),  # c02
    ("集中开工的重点项目", "count", "projects_started"),  # w12
    ("GDP有望", "CNY", "gdp"),  # c02: 有望突破…
    # no indicator
    # r01: a division before the wording is read as the place
    ("四川省政府工作报告丨四川地区生产总值增长", "percent", "gdp_growth"),
    (
        "2022全国地方两会|广西GDP增长",
        "percent",
        "gdp_growth",
    ),  # a division before the wording  # r02
    ("城乡居民人均可支配收入分别增长", "percent", None),  # r04: urban and rural
    ("城、乡居民人均可支配收入分别增长", "percent", None),  # w03: a list
    ("人均地区生产总值比上年增加", "CNY", None),  # r06: a change, not the level
    ("亿元投资GDP产出", "CNY", None),  # r06
    ("规模以上工业产品产销率比上年提高", "percentage_point", None),  # r06
    ("新增国家高新技术企业增长", "percent", None),  # r08: growth of what, exactly?
    ("金融机构人民币存贷款余额增长", "percent", "deposits_and_loans_balance_growth"),  # r11
    ("省亿元以上重点项目完成投资", "CNY", None),  # r17
    ("工业投资", "percent", None),  # c02: 工业投资占全市固定投资比重, the 占 lost
    ("接待游客人次", "percent", None),  # r06: from a 分别增长 list, no growth word
    ("(非税占比", "percent", None),  # r10
    ("数字经济规上工业增加值", "percent", None),  # c07
    ("8全年居民消费价格总水平比上年上涨", "percent", None),  # r19: a stray digit
]

# The labels of the invented evaluation sets, tests/fixtures/eval*/ (metric_contains, base_unit).
EVAL_LABELS: list[Row] = [
    ("新开工", "count", "projects_started"),  # eval/01
    ("规上工业企业", "count", "enterprises_above_designated_size"),  # eval/01
    ("专精特新", "count", "srdi_smes"),  # eval/01
    ("企业开办时间", "day", "business_startup_time"),  # eval/01
    ("新增市场主体", "count", "new_market_entities"),  # eval/01
    ("新增城镇就业", "person", "new_urban_jobs"),  # eval/01
    ("清洁取暖改造", "count", "clean_heating_conversions"),  # eval/01
    ("集装箱吞吐量", "TEU", "container_throughput"),  # eval/02
    ("光伏装机容量", "watt", "solar_capacity"),  # eval/02
    ("实际使用外资", "USD", "foreign_capital_used"),  # eval/02
    ("旅游收入增长", "percent", "tourism_revenue_growth"),  # eval/02
    ("高标准农田", "mu", "high_standard_farmland"),  # eval/02
    ("人均可支配收入增长", "percent", "per_capita_disposable_income_all_growth"),  # eval/02
    ("竣工投产项目", "count", "projects_completed"),  # eval/03
    ("到位内资", "CNY", "domestic_capital_used"),  # eval/03
    ("区级重点项目", "count", "key_projects"),  # eval/04
    ("研发经费投入强度", "percent", "rd_intensity"),  # eval/04
    ("进出口总额", "CNY", "imports_exports"),  # eval/04
    ("实际到账外资增长", "percent", "foreign_capital_used_growth"),  # eval/05
    ("中欧班列", "count", "china_europe_trains"),  # eval/06
    ("网络零售额", "CNY", "online_retail_sales"),  # eval/06
    ("货物吞吐量", "tonne", "cargo_throughput"),  # eval/11
    ("新能源装机容量", "watt", "renewable_capacity"),  # eval/11
    ("户厕改造", "count", "rural_toilets_upgraded"),  # eval2/03
    ("规上工业总产值增长", "percent", "gross_industrial_output_above_size_growth"),  # eval2/04
    ("外贸出口", "CNY", "exports"),  # eval3/a1
    ("养老床位", "count", "elderly_care_beds"),  # eval3/a1
    ("老旧小区改造", "count", "old_residential_communities_renovated"),  # eval3/a1
    ("城中村改造", "count", "urban_villages_redeveloped"),  # eval3/a1
    ("省外资金", "CNY", "funds_in_place"),  # eval3/a2
    ("托位", "count", "childcare_places"),  # eval3/a3
    ("合同引资", "CNY", "contracted_investment"),  # eval3/b2
    ("进出口总额", "USD", "imports_exports"),  # eval3/c2: any currency
    ("续建项目", "count", "continuing_projects"),  # eval4/d2
    ("工业增加值增长", "percent", "value_added_industry_growth"),  # eval4/d1
    # no indicator
    ("总投资", "USD", None),
    ("能耗下降", "percent", None),  # whose energy use?
    ("农村危房", "count", None),  # the houses, renovated or not
    ("重点项目投资", "CNY", None),  # planned or completed?
    ("规上服务业企业", "count", None),
    ("亩均效益增长", "percent", None),
    ("城镇化率", "percentage_point", None),  # a change of the rate
    ("研发投入强度", "percentage_point", None),
    ("工业投资占比", "percent", None),
    ("储能装机", "watt", None),
]

# The rules, one row each: growth or level, prefixes, lists, junk around the wording.
RULES: list[Row] = [
    ("地区生产总值增长", "percent", "gdp_growth"),
    ("地区生产总值", "CNY", "gdp"),
    ("地区生产总值突破", "CNY", "gdp"),
    ("全市地区生产总值增长", "percent", "gdp_growth"),
    ("我市经济增长", "percent", "gdp_growth"),
    ("本区生产总值年均增长", "percent", "gdp_growth"),
    ("全镇规上工业增加值增长", "percent", "value_added_industry_above_size_growth"),
    ("全街道固定资产投资", "CNY", "fixed_asset_investment"),
    ("一季度社会消费品零售总额同比增长", "percent", "retail_sales_growth"),
    ("城镇调查失业率控制在", "percent", "surveyed_unemployment_rate"),
    ("常住人口城镇化率提高到", "percent", "urbanisation_rate"),
    ("单位GDP能耗下降", "percent", "energy_per_unit_gdp_reduction"),
    ("单位ＧＤＰ能耗下降", "percent", "energy_per_unit_gdp_reduction"),  # full-width letters
    ("研究与试验发展(R&D)经费投入强度", "percent", "rd_intensity"),
    ("专精特新“小巨人”企业", "count", "little_giants"),
    ("新增规上工业企业", "count", "new_enterprises_above_designated_size"),
    ("规上工业企业", "count", "enterprises_above_designated_size"),
    ("实际使用外资", "CNY", "foreign_capital_used"),  # money in any currency
    ("造林", "square_metre", "afforestation"),  # area in hectares or mu
    ("地区生产总值", "USD", "gdp"),
    ("工业、农业稳步发展,地区生产总值增长", "percent", "gdp_growth"),  # a list in an earlier clause
    # no indicator
    ("数字经济增长", "percent", None),  # 经济 inside another word
    ("县域经济增长", "percent", None),
    ("四川地区生产总值增长", "percent", "gdp_growth"),  # a division is read as the place
    ("地区生产总值", "percent", None),  # per cent without a growth word
    ("城镇调查失业率下降", "percent", None),  # a rate does not grow by per cent
    ("地区生产总值增加", "CNY", None),  # a change of the level
    ("地区生产总值和固定资产投资", "percent", None),  # two indicators
    ("地区生产总值、固定资产投资分别增长", "percent", None),
    ("单位GDP能耗增长", "percent", None),  # the indicator is a reduction
    ("户籍人口城镇化率", "percent", None),  # not the urbanisation rate of residents
    ("地区生产总值", "tonne", None),  # no such unit for it
    ("地区生产总值", "no_such_unit", None),
    ("培育高新技术企业", "count", None),  # new or all? (新增… is new)
    ("高新技术企业", "percent", None),
]

ALL_ROWS = [
    *(pytest.param(*row, id=f"real-label-{row[0]}") for row in REAL_DEV_LABELS),
    *(pytest.param(*row, id=f"real-parsed-{row[0]}") for row in REAL_DEV_PARSED),
    *(pytest.param(*row, id=f"eval-{row[0]}") for row in EVAL_LABELS),
    *(pytest.param(*row, id=f"rule-{row[0]}-{row[1]}") for row in RULES),
]


@pytest.mark.parametrize(("metric", "base_unit", "expected"), ALL_ROWS)
def test_indicator_for(metric: str, base_unit: str, expected: str | None) -> None:
    found = indicator_for(metric, base_unit)
    assert (found.id if found is not None else None) == expected


def test_growth_and_level_are_different_indicators() -> None:
    growth = indicator_for("地区生产总值增长", "percent")
    level = indicator_for("地区生产总值突破", "CNY")
    assert growth is not None
    assert level is not None
    assert (growth.measure, growth.base_unit) == ("growth_rate", "percent")
    assert (level.measure, level.base_unit) == ("level", "CNY")
    assert growth.en == "GDP growth"
    assert level.en == "gross regional product"


# -- the table -------------------------------------------------------------------------------


def test_table_integrity() -> None:
    rows = load_table("indicators")
    table = indicators()
    assert len(table) == len(rows) >= 80
    assert len({row["id"] for row in rows}) == len(rows)  # ids unique
    base_units = {unit.base_unit for unit in units().values()}
    for indicator in table.values():
        assert isinstance(indicator, Indicator)
        assert indicator.en.strip(), indicator.id
        assert indicator.zh.strip(), indicator.id
        assert indicator.source.strip(), indicator.id
        assert indicator.measure in MEASURES, indicator.id
        assert indicator.base_unit in base_units, indicator.id
        if indicator.measure == "growth_rate":
            assert indicator.base_unit == "percent", indicator.id
        for tag in indicator.source.split(","):
            assert tag == "house" or tag.removesuffix("+house") in SOURCES, indicator.id


def test_every_level_with_a_growth_row_shares_its_wordings() -> None:
    rows = {row["id"]: row for row in load_table("indicators")}
    for name, row in rows.items():
        for item in row["wordings"].split("|"):
            if item.startswith("="):
                assert item[1:] in rows, name
                assert row["measure"] == "growth_rate", name


def test_every_wording_finds_its_own_indicator() -> None:
    """Each wording alone, with a growth word for a growth rate, names its row."""
    rows = {row["id"]: row for row in load_table("indicators")}
    for name, indicator in indicators().items():
        items = rows[name]["wordings"].split("|")
        wordings = [w for item in items for w in _expand(item, rows)]
        suffix = {"growth_rate": "增长"}.get(indicator.measure, "")
        if indicator.measure == "change" and indicator.base_unit == "percent":
            suffix = "下降"
        for wording in wordings:
            found = indicator_for(wording + suffix, indicator.base_unit)
            assert found is indicator, (wording, name, found)


def _expand(item: str, rows: dict[str, dict[str, str]]) -> list[str]:
    return rows[item[1:]]["wordings"].split("|") if item.startswith("=") else [item]


@pytest.fixture
def table_rows(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[dict[str, str]]]:
    """Replace the bundled table with rows a test writes; the caches are reset around it."""
    rows: list[dict[str, str]] = []
    monkeypatch.setattr(module, "load_table", lambda name: tuple(rows))
    module._table.cache_clear()
    indicators.cache_clear()
    yield rows
    module._table.cache_clear()
    indicators.cache_clear()


def _row(name: str, wordings: str, **fields: str) -> dict[str, str]:
    row = {
        "id": name,
        "zh": "某",
        "wordings": wordings,
        "measure": "level",
        "base_unit": "CNY",
        "en": "something",
        "source": "house",
        "better": "higher",
    }
    return row | fields


@pytest.mark.parametrize(
    "bad",
    [
        [_row("a", "甲"), _row("a", "乙")],  # repeated id
        [_row("a", "甲"), _row("b", "甲", base_unit="USD")],  # one wording, one unit group
        [_row("a", "甲", measure="amount")],
        [_row("a", "甲", measure="growth_rate")],  # a growth rate in CNY
        [_row("a", "甲", en=" ")],
        [_row("a", "甲", source="Wikipedia")],
        [_row("a", "甲", better="more")],
        [_row("Bad-Id", "甲")],
        [_row("a", "甲||乙")],
        [_row("a", "甲、乙")],
        [_row("a", "=missing")],
    ],
)
def test_a_bad_table_is_refused(
    table_rows: list[dict[str, str]], bad: list[dict[str, str]]
) -> None:
    table_rows.extend(bad)
    with pytest.raises(DataFileError):
        indicators()


def test_one_wording_may_name_a_level_and_its_growth(table_rows: list[dict[str, str]]) -> None:
    table_rows.extend(
        [_row("a", "甲"), _row("a_growth", "=a", measure="growth_rate", base_unit="percent")]
    )
    assert {i.id for i in indicators().values()} == {"a", "a_growth"}
    growth = indicator_for("甲增长", "percent")
    assert growth is not None
    assert growth.id == "a_growth"


# -- junk ------------------------------------------------------------------------------------

JUNK = [
    "",
    " ",
    "\n\t",
    "增长",
    "GDP GDP GDP",
    "gross domestic product",
    "12345",
    "%%%",
    "🙂🙂",
    "\x00\x01",
    "()（）【】",
    "地区生产总值" * 10,
    "经济" * 500,
    "a" * 100_000,
    "地区生产总值增长" + "，" * 50_000 + "增长",
    "，" * 100_000 + "地区生产总值增长",  # a long prefix does not hide the last clause
]


@pytest.mark.parametrize("junk", JUNK, ids=range(len(JUNK)))
@pytest.mark.parametrize("base_unit", ["percent", "CNY", "", "?"])
def test_junk_is_quick_and_harmless(junk: str, base_unit: str) -> None:
    started = time.perf_counter()
    found = indicator_for(junk, base_unit)
    assert time.perf_counter() - started < 0.05
    if not junk.endswith("地区生产总值增长") or base_unit != "percent":
        assert found is None


@pytest.mark.parametrize("value", [None, 42, b"GDP", ["地区生产总值"]])
def test_non_text_gives_none(value: object) -> None:
    assert indicator_for(value, "percent") is None  # type: ignore[arg-type]
    assert indicator_for("地区生产总值", value) is None  # type: ignore[arg-type]


def test_calls_are_cheap() -> None:
    indicator_for("地区生产总值增长", "percent")  # the table is read once, here
    started = time.perf_counter()
    for _ in range(2000):
        indicator_for("全市规模以上工业增加值同比增长", "percent")
    assert (time.perf_counter() - started) / 2000 < 0.000_5


# -- coverage on the real pages --------------------------------------------------------------


@cache
def _coverage_module() -> ModuleType:
    load_benchmark("eval_targets")  # indicator_coverage imports eval_targets by name
    return load_benchmark("indicator_coverage")


def test_coverage_of_real_dev_does_not_fall() -> None:
    """Floors: the shares measured when the table was made (docs/data-model.md), minus 3 points."""
    shares = _coverage_module().shares(_coverage_module().rows())
    _, work_labels, work_parsed = shares["work reports"]
    _, _, all_parsed = shares["all"]
    assert work_parsed >= 0.53
    assert work_labels >= 0.36
    assert all_parsed >= 0.42
