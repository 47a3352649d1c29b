"""Pledge → outcome tracking and target inflation (yantai_pledges.tracking)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

import yantai_pledges
from benchmark_modules import load_benchmark
from yantai_pledges.models import (
    Article,
    Bilingual,
    Commitment,
    Comparator,
    IndicatorRef,
    Jurisdiction,
    Period,
    PeriodKind,
    Quantity,
    Source,
    Statement,
    Status,
    Target,
)
from yantai_pledges.tracking import Attainment, Tolerance, track

YEAR_END = dt.date(2023, 12, 31)


def _place(zh: str, code: str | None = None, parent: str | None = None) -> Jurisdiction:
    """A jurisdiction with a code, as the division tables give it."""
    level = "prefecture" if code and code.endswith("00") else "county"
    return Jurisdiction(name=Bilingual(zh=zh), code=code, parent=parent, level=level)


def _target(
    value: str | tuple[str, str],
    *,
    status: Status = Status.PLEDGE,
    comparator: Comparator = Comparator.EXACT,
    unit: str = "percent",
    indicator: str = "gdp_growth",
    commitment: Commitment | None = None,
) -> Target:
    low, high = (value, value) if isinstance(value, str) else value
    single = low == high
    return Target(
        text={"zh": f"地区生产总值增长{low}%"},
        span=(0, 8),
        metric={"zh": "地区生产总值增长"},
        quantity=Quantity(
            raw=f"{low}%",
            value=Decimal(low) if single else None,
            unit={"zh": "%"},
            base_value=Decimal(low) if single else None,
            base_low=None if single else Decimal(low),
            base_high=None if single else Decimal(high),
            base_unit=unit,
        ),
        comparator=comparator,
        period=Period(kind=PeriodKind.YEAR, start=dt.date(2023, 1, 1), end=YEAR_END),
        commitment=commitment,
        status=status,
        indicator=IndicatorRef(id=indicator, name={"zh": indicator}),
    )


def _article(place: str, *targets: Target, published: dt.date | None = None) -> Article:
    return Article(
        text="…",
        year=2023,
        published=published,
        jurisdiction=Jurisdiction(name=Bilingual(zh=place)),
        source=Source(path=f"{place}.txt", sha256=place),
        statements=[Statement(span=(0, 1), targets=list(targets))],
    )


# --- the attainment rule table (docs/tracking.md) ---------------------------------------------

ATTAINMENT_ROWS = [
    # (comparator, target, outcome, attainment, gap)
    (Comparator.AT_LEAST, "6", "6.3", Attainment.MET, "0.3"),
    (Comparator.AT_LEAST, "6", "5.8", Attainment.MISSED, "-0.2"),
    (Comparator.MORE_THAN, "6", "6", Attainment.MET, "0"),
    (Comparator.EXACT, "6", "6.1", Attainment.MET, "0.1"),
    (Comparator.EXACT, "6", "5.9", Attainment.MISSED, "-0.1"),
    (Comparator.AT_MOST, "3", "2.5", Attainment.MET, "-0.5"),
    (Comparator.LESS_THAN, "3", "3.2", Attainment.MISSED, "0.2"),
    (Comparator.ABOUT, "6", "5.6", Attainment.MET, "-0.4"),  # within 0.5 point
    (Comparator.ABOUT, "6", "5.4", Attainment.MISSED, "-0.6"),
    (Comparator.ABOUT, "6", "9.8", Attainment.MET, "3.8"),  # a floor: beating it meets it
    (Comparator.RANGE, ("6", "6.5"), "6.2", Attainment.MET, "0"),
    (Comparator.RANGE, ("6", "6.5"), "5.5", Attainment.MISSED, "-0.5"),
    (Comparator.RANGE, ("6", "6.5"), "7", Attainment.MISSED, "0.5"),
]


@pytest.mark.parametrize(("comparator", "target", "outcome", "expected", "gap"), ATTAINMENT_ROWS)
def test_attainment_rules(
    comparator: Comparator,
    target: str | tuple[str, str],
    outcome: str,
    expected: Attainment,
    gap: str,
) -> None:
    pledge = _article("济南市", _target(target, comparator=comparator))
    result = _article("济南市", _target(outcome, status=Status.ACHIEVED))
    (link,) = track([pledge, result]).links
    assert link.attainment is expected
    assert link.gap == Decimal(gap)
    assert link.gap_unit == "percentage_point"


LOWER_IS_BETTER_ROWS = [
    # (comparator, CPI target, outcome, attainment): a ceiling, with the tolerance above it
    (Comparator.ABOUT, "3", "3.4", Attainment.MET),
    (Comparator.ABOUT, "3", "1.8", Attainment.MET),
    (Comparator.ABOUT, "3", "3.6", Attainment.MISSED),
    (Comparator.EXACT, "3", "2.5", Attainment.MET),
    (Comparator.EXACT, "3", "3.1", Attainment.MISSED),
    (Comparator.AT_LEAST, "3", "2.5", Attainment.MISSED),  # the words win over the direction
]


@pytest.mark.parametrize(("comparator", "target", "outcome", "expected"), LOWER_IS_BETTER_ROWS)
def test_where_lower_is_better_about_and_exact_are_ceilings(
    comparator: Comparator, target: str, outcome: str, expected: Attainment
) -> None:
    pledge = _article("济南市", _target(target, comparator=comparator, indicator="cpi"))
    result = _article("济南市", _target(outcome, status=Status.ACHIEVED, indicator="cpi"))
    (link,) = track([pledge, result]).links
    assert link.attainment is expected


def test_about_a_level_uses_a_share_of_the_target_and_can_be_overridden() -> None:
    pledge = _article("济南市", _target("100", comparator=Comparator.ABOUT, unit="CNY"))
    result = _article("济南市", _target("98.5", status=Status.ACHIEVED, unit="CNY"))
    (link,) = track([pledge, result]).links
    assert (link.attainment, link.gap_unit) == (Attainment.MET, "CNY")  # within 2 %
    strict = track([pledge, result], tolerance=Tolerance(level_share=Decimal("0.01"))).links[0]
    assert strict.attainment is Attainment.MISSED


def test_no_outcome_other_place_other_indicator_or_the_same_article() -> None:
    pledge = _article("济南市", _target("6"), _target("5", status=Status.ACHIEVED))
    elsewhere = _article("青岛市", _target("7", status=Status.ACHIEVED))
    other = _article("济南市", _target("7", status=Status.ACHIEVED, indicator="cpi"))
    (link,) = track([pledge, elsewhere, other]).links
    assert link.attainment is Attainment.NO_OUTCOME
    assert link.outcomes == ()
    assert link.gap is None


def test_several_outcomes_the_latest_final_one_decides_and_the_revision_shows() -> None:
    pledge = _article("济南市", _target("6", comparator=Comparator.AT_LEAST))
    estimate = _article(
        "济南市",
        _target("6.5", status=Status.ACHIEVED, commitment=Commitment.PLAN),  # 预计: an estimate
        published=dt.date(2024, 1, 10),
    )
    final = _article(
        "济南市", _target("5.9", status=Status.ACHIEVED), published=dt.date(2024, 3, 1)
    )
    (link,) = track([pledge, final, estimate]).links
    assert [o.target.quantity.raw for o in link.outcomes] == ["6.5%", "5.9%"]
    assert link.outcome is not None
    assert not link.outcome.is_estimate
    assert (link.attainment, link.revised) == (Attainment.MISSED, True)


def test_two_pledges_of_one_article_for_one_key_are_both_linked_and_flagged() -> None:
    pledge = _article("济南市", _target("6"), _target("6.5"))
    result = _article("济南市", _target("6.2", status=Status.ACHIEVED))
    links = track([pledge, result]).links
    assert [(link.attainment, link.ambiguous) for link in links] == [
        (Attainment.MET, True),
        (Attainment.MISSED, True),
    ]


def test_codes_key_places_so_a_renamed_place_still_links() -> None:
    """蓬莱市 became 蓬莱区 (2020): the code stays, the name changed."""
    pledge = _article("蓬莱市", _target("6"))
    result = _article("蓬莱区", _target("6.4", status=Status.ACHIEVED))
    pledge.jurisdiction = _place("蓬莱市", "370684")
    result.jurisdiction = _place("蓬莱区", "370684")
    (link,) = track([pledge, result]).links
    assert link.attainment is Attainment.MET
    by_name = track([_article("蓬莱市", _target("6")), _article("蓬莱区", _target("6.4"))])
    assert by_name.links[0].attainment is Attainment.NO_OUTCOME  # names alone differ


# --- inflation across levels -----------------------------------------------------------------


def test_inflation_pairs_a_place_with_its_parent() -> None:
    city = _article("烟台市", _target("6"))
    district = _article("芝罘区", _target("7"))
    city.jurisdiction = _place("烟台市", "370600")
    district.jurisdiction = _place("芝罘区", "370602", parent="370600")
    tracking = track([city, district])
    (pair,) = tracking.inflation
    assert (pair.upper.place.zh, pair.lower.place.zh) == ("烟台市", "芝罘区")
    assert (pair.difference, pair.difference_unit) == (Decimal(1), "percentage_point")
    (group,) = tracking.inflation_summary()
    assert (group["upper_level"], group["lower_level"], group["pairs"]) == (
        "prefecture",
        "county",
        1,
    )


def test_inflation_of_levels_is_a_ratio_and_names_alone_pair_nothing() -> None:
    city = _article("烟台市", _target("100", unit="CNY"))
    district = _article("芝罘区", _target("15", unit="CNY"))
    assert track([city, district]).inflation == ()  # no codes: no parent known
    city.jurisdiction = _place("烟台市", "370600")
    district.jurisdiction = _place("芝罘区", "370602", parent="370600")
    (pair,) = track([city, district]).inflation
    assert (pair.difference, pair.difference_unit) == (Decimal("0.15"), "ratio")


# --- rows and JSON -----------------------------------------------------------------------------


def test_rows_and_json_hold_both_sides_with_their_sources(tmp_path: object) -> None:
    pledge = _article("济南市", _target("6", comparator=Comparator.AT_LEAST))
    result = _article("济南市", _target("6.3", status=Status.ACHIEVED))
    tracking = track([pledge, result])
    (row,) = tracking.link_rows()
    assert row["indicator_id"] == "gdp_growth"
    assert row["jurisdiction_zh"] == "济南市"
    assert row["period_end"] == YEAR_END
    assert (row["pledge_value"], row["outcome_value"]) == (Decimal(6), Decimal("6.3"))
    assert (row["pledge_path"], row["outcome_path"]) == ("济南市.txt", "济南市.txt")
    assert row["attainment"] == "met"
    assert all(key.isascii() for key in row)
    data = json.loads(tracking.to_json())
    assert data["links"][0]["gap"] == "0.3"
    assert set(data) == {"links", "inflation", "inflation_summary"}


def test_parsed_report_and_communique_link_end_to_end() -> None:
    report = yantai_pledges.parse(
        "2023年济南市政府工作报告\n济南市人民政府\n"
        "今年全市主要预期目标是：地区生产总值增长6%以上，一般公共预算收入增长5%左右。",
        year=2023,
        translator=None,
    )
    communique = yantai_pledges.parse(
        "2023年济南市国民经济和社会发展统计公报\n"
        "初步核算，全年地区生产总值比上年增长6.3%。一般公共预算收入增长4.2%。",
        translator=None,
    )
    rows = track([report, communique]).link_rows()
    assert [(r["indicator_id"], r["attainment"], r["gap"]) for r in rows] == [
        ("gdp_growth", "met", Decimal("0.3")),
        ("general_public_budget_revenue_growth", "missed", Decimal("-0.8")),
    ]


def test_tracking_reads_a_database_and_writes_its_tables_into_it(tmp_path: Path) -> None:
    pledge = _article("济南市", _target("6", comparator=Comparator.AT_LEAST))
    result = _article("济南市", _target("6.3", status=Status.ACHIEVED))
    result.source = Source(path="结果.txt", sha256="b" * 64)
    database = yantai_pledges.to_sqlite([pledge, result], tmp_path / "p.sqlite")
    tracking = track(database)
    assert tracking.link_rows() == track([pledge, result]).link_rows()
    tracking.to_sqlite(database)
    with contextlib.closing(sqlite3.connect(database)) as db:
        stored = db.execute("SELECT attainment, gap, outcome_path FROM tracking_links").fetchall()
        assert stored == [("met", 0.3, "结果.txt")]
        assert db.execute("SELECT COUNT(*) FROM articles").fetchone() == (2,)
    with pytest.raises(yantai_pledges.InputError, match="not an SQLite database"):
        track(tmp_path / "missing.sqlite")


SELF_REPORTED = [
    # (text of a pledge's statement, reported_raw, reported_share, attainment)
    (
        "今年全市固定资产投资完成200亿元，截至6月底已完成全年目标的52.1%。",
        "52.1%",
        Decimal("52.1"),
        "no_outcome",
    ),
    (
        "计划完成固定资产投资200亿元，已完成固定资产投资120亿元，完成全年目标的60%。",
        "120亿元；60%",
        Decimal(60),
        "no_outcome",
    ),
    (
        "今年固定资产投资完成200亿元，一般公共预算收入增长5%，完成年度计划的52%。",
        None,
        None,
        "no_outcome",
    ),
]


@pytest.mark.parametrize(("text", "raw", "share", "verdict"), SELF_REPORTED)
def test_a_pledge_is_linked_to_what_its_own_text_reports_without_deciding(
    text: str, raw: str | None, share: Decimal | None, verdict: str
) -> None:
    article = yantai_pledges.parse("2023年济南市政府工作报告\n" + text, year=2023, translator=None)
    article.jurisdiction = _place("济南市", "370100")
    (row, *_) = track([article]).link_rows()
    assert (row["reported_raw"], row["reported_share"], row["attainment"]) == (raw, share, verdict)


def test_junk_articles_give_no_links() -> None:
    assert track([]).links == ()
    empty = yantai_pledges.parse("没有数字的文章。", translator=None)
    assert track([empty, empty]).link_rows() == []


def test_an_outcome_in_another_unit_is_kept_but_not_compared() -> None:
    pledge = _article("济南市", _target("6"))
    result = _article("济南市", _target("600", status=Status.ACHIEVED, unit="CNY"))
    (link,) = track([pledge, result]).links
    assert (link.attainment, link.gap, len(link.outcomes)) == (Attainment.NOT_COMPARABLE, None, 1)


# --- the real pairs of tests/fixtures/tracking/ (benchmarks/eval_tracking.py) ---------------


def test_links_on_real_pairs_stay_above_their_floors() -> None:
    """Floors a little under docs/accuracy.md ("Tracking on real pairs")."""
    scores = load_benchmark("eval_tracking").score()
    found, labelled = map(int, str(scores["found (recall)"]).split(" / "))
    right, predicted = map(int, str(scores["right (precision)"]).split(" / "))
    assert found / labelled >= 0.55
    assert right / predicted >= 0.95


def test_tracking_fixtures_are_short_excerpts_with_their_source() -> None:
    from pathlib import Path

    folder = Path(__file__).resolve().parent / "fixtures" / "tracking"
    readme = (folder / "README.md").read_text(encoding="utf-8")
    texts = sorted(folder.glob("*.txt"))
    assert len(texts) >= 20
    for path in texts:
        assert len(path.read_text(encoding="utf-8")) <= 2000, path.name
        row = next((line for line in readme.splitlines() if f"| {path.stem} |" in line), "")
        assert "http" in row, f"{path.stem}: no source URL in tests/fixtures/tracking/README.md"


# --- the tracking workbook (export/tracking_excel.py) ---------------------------------------


def _real_pairs_tracking() -> yantai_pledges.Tracking:
    folder = Path(__file__).parent / "fixtures" / "tracking"
    articles = [
        yantai_pledges.parse(p.read_bytes(), translator=None) for p in sorted(folder.glob("*.txt"))
    ]
    return track(articles)


def test_the_workbook_holds_the_rows_key_columns_first_and_a_chart(tmp_path: Path) -> None:
    import openpyxl

    tracking = _real_pairs_tracking()
    path = tracking.to_excel(tmp_path / "tracking.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["README", "Tracking", "Inflation", "Chart"]
    sheet = book["Tracking"]
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["jurisdiction_zh", "indicator_id", "period_end"]
    assert sorted(header) == sorted(tracking.link_rows()[0])  # the same row spec, reordered
    assert sheet.max_row == len(tracking.links) + 1
    assert sheet.print_area is not None  # the key columns only
    attainment = header.index("attainment")
    assert {row[attainment] for row in sheet.iter_rows(min_row=2, values_only=True)} <= {
        "met",
        "missed",
        "no_outcome",
        "not_comparable",
    }
    chart_sheet = book["Chart"]
    (chart,) = chart_sheet._charts
    compared = [r for r in tracking.link_rows() if r["pledge_value"] and r["outcome_value"]]
    assert 2 <= chart_sheet.max_row <= len(compared) + 1
    assert chart.title is not None


def test_the_workbook_is_the_same_bytes_for_the_same_input(tmp_path: Path) -> None:
    tracking = _real_pairs_tracking()
    first = tracking.to_excel(tmp_path / "a.xlsx").read_bytes()
    assert tracking.to_excel(tmp_path / "b.xlsx").read_bytes() == first


def test_an_empty_tracking_gives_a_workbook_that_says_so(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.load_workbook(track([]).to_excel(tmp_path / "empty.xlsx"))
    assert book["Tracking"]["A1"].value == "(none found)"
    notes = [row[1] for row in book["Chart"].iter_rows(min_row=2, values_only=True)]
    assert any(note and "nothing to chart" in note for note in notes)
