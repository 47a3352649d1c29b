"""The hand-labelled evaluation set: scores must not fall below the measured floors.

The floors are the numbers measured when the set was made (docs/accuracy.md) minus about three
points, so a regression in quantities, deadlines, statuses or layout fails here. Raise a floor when
the parser gets better; never lower one to make a change pass without saying why in accuracy.md.
The scorer itself is checked on a tiny labelled article so that it can be seen to fail.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from benchmark_modules import load_benchmark

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT / "benchmarks" / "eval_targets.py"
EVAL_DIR = ROOT / "tests" / "fixtures" / "eval"


@cache
def scorer() -> ModuleType:
    return load_benchmark("eval_targets")


@cache
def scores() -> Any:
    return scorer().evaluate(EVAL_DIR)


# (measure, floor): the numbers in docs/accuracy.md ("after fixes") minus about 3 points, so a
# regression fails while a label-level disagreement or two does not.
FLOORS = [
    ("precision", 0.97),
    ("recall", 0.97),
    ("value", 0.97),
    ("unit", 0.97),
    ("comparator", 0.96),
    ("deadline", 0.96),
    ("commitment", 0.97),
    ("status", 0.95),
    ("metric", 0.96),
    ("speaker", 0.9),
    ("jurisdiction", 0.9),
]


def _measure(result: Any, name: str) -> float:
    if name in ("precision", "recall"):
        return float(getattr(result, name))
    if name in ("speaker", "jurisdiction"):
        return float(getattr(result, name).rate)
    return float(result.accuracy(name))


@pytest.mark.parametrize(("name", "floor"), FLOORS, ids=[name for name, _ in FLOORS])
def test_score_stays_above_floor(name: str, floor: float) -> None:
    assert _measure(scores(), name) >= floor, scorer().format_report(scores())


def test_every_article_has_labels_and_fits_the_genre_length() -> None:
    articles = sorted(EVAL_DIR.glob("*.txt"))
    assert len(articles) >= 12
    for path in articles:
        assert path.with_suffix(".json").exists(), path.name
        assert 750 <= len(path.read_text(encoding="utf-8")) <= 2500, path.name


def test_every_labelled_raw_occurs_in_its_cleaned_article() -> None:
    import yantai_pledges

    for case in scorer().load_cases(EVAL_DIR):
        text = yantai_pledges.parse(case.text, year=case.year, translator=None).text
        for label in case.targets:
            assert label.raw in text, (case.name, label.raw)


# --- the scorer on a tiny article ----------------------------------------------------------------

_TINY_TEXT = "确保全年新开工项目130个以上，实际使用外资突破10亿美元。"


def _tiny_case(tmp_path: Path, targets: list[dict[str, Any]]) -> Path:
    (tmp_path / "tiny.txt").write_text(_TINY_TEXT, encoding="utf-8")
    labels = {
        "year": 2024,
        "statements": [{"speaker": None, "jurisdiction": None}],
        "targets": targets,
    }
    (tmp_path / "tiny.json").write_text(json.dumps(labels, ensure_ascii=False), encoding="utf-8")
    return tmp_path


RIGHT = {
    "raw": "130个以上",
    "base_value": "130",
    "base_unit": "count",
    "comparator": "at_least",
    "deadline_date": "2024-12-31",
    "period_end": "2024-12-31",
    "commitment": "ensure",
    "status": "pledge",
    "metric_contains": "新开工项目",
}
# (label changes, field expected to be reported as a mismatch)
WRONG_LABELS = [
    ({"base_value": "131"}, "value"),
    ({"base_unit": "person"}, "unit"),
    ({"comparator": "exact"}, "comparator"),
    ({"deadline_date": "2024-06-30"}, "deadline"),
    ({"period_end": "2024-06-30"}, "period"),
    ({"commitment": "strive"}, "commitment"),
    ({"status": "achieved"}, "status"),
    ({"metric_contains": "外资"}, "metric"),
]


def test_scorer_counts_a_right_label_as_right(tmp_path: Path) -> None:
    result = scorer().evaluate(_tiny_case(tmp_path, [RIGHT]))
    assert (result.labelled, result.matched) == (1, 1)
    assert [item.field for item in result.mismatches] == ["extra"]  # 突破10亿美元 is unlabelled
    assert all(tally.correct == tally.total == 1 for tally in result.fields.values())


@pytest.mark.parametrize(("change", "field"), WRONG_LABELS, ids=[f for _, f in WRONG_LABELS])
def test_scorer_reports_a_wrong_field(tmp_path: Path, change: dict[str, str], field: str) -> None:
    result = scorer().evaluate(_tiny_case(tmp_path, [RIGHT | change]))
    assert field in [item.field for item in result.mismatches]
    assert result.accuracy(field) == 0.0


def test_scorer_matches_raw_that_differs_only_by_comparator_words(tmp_path: Path) -> None:
    label = {"raw": "10亿美元", "base_value": "1000000000", "base_unit": "USD"}
    result = scorer().evaluate(_tiny_case(tmp_path, [RIGHT, label]))
    assert result.matched == 2
    assert result.precision == 1.0


def test_scorer_on_real_pages_scores_the_year_it_was_not_given(tmp_path: Path) -> None:
    # No year in the text and none passed: the article's year is unknown, and that is a miss.
    result = scorer().evaluate(_tiny_case(tmp_path, [RIGHT]), real=True)
    assert (result.year.correct, result.year.total) == (0, 1)
    assert ("year", "2024") in [(item.field, item.expected) for item in result.mismatches]


def test_scorer_on_real_pages_counts_only_named_speakers(tmp_path: Path) -> None:
    assert scorer().evaluate(_tiny_case(tmp_path, [RIGHT]), real=True).speaker.total == 0
    assert scorer().evaluate(_tiny_case(tmp_path, [RIGHT])).speaker.total == 1


def test_scorer_reports_a_missing_target(tmp_path: Path) -> None:
    result = scorer().evaluate(_tiny_case(tmp_path, [RIGHT, {"raw": "3家"}]))
    assert result.recall == 0.5
    assert ("3家", "missing") in [(item.raw, item.field) for item in result.mismatches]


# The blind sets, labelled by people who had not read the parser (docs/accuracy.md has their
# blind numbers and the fixes after them): eval2 after the parser was tuned on the first set,
# eval3 by three writers on other provinces and layouts, eval4 by three more after eval3's fixes.
# Floors are about three points under the numbers after the fixes.
BLIND_FLOORS = [
    ("eval2", "precision", 0.95),
    ("eval2", "recall", 0.97),
    ("eval2", "commitment", 0.94),
    ("eval2", "status", 0.97),
    ("eval3", "precision", 0.96),
    ("eval3", "recall", 0.97),
    ("eval3", "deadline", 0.95),
    ("eval3", "commitment", 0.97),
    ("eval3", "status", 0.95),
    ("eval3", "metric", 0.96),
    ("eval3", "speaker", 0.88),
    # 9 of 12: a2 has no jurisdiction label (its speaker's post names no place), which scores as
    # null, while the article's own 许昌市 (masthead, 全市) is now found (docs/jurisdictions.md)
    ("eval3", "jurisdiction", 0.75),
    ("eval4", "precision", 0.96),
    ("eval4", "recall", 0.97),
    ("eval4", "deadline", 0.96),
    ("eval4", "commitment", 0.97),
    ("eval4", "status", 0.95),
    ("eval4", "metric", 0.96),
    ("eval4", "speaker", 0.9),
    ("eval4", "jurisdiction", 0.8),
    # The real corpus (tests/fixtures/real/, parsed with no year hint), about three points under
    # docs/accuracy.md ("After session 7's fixes": dev 64 texts, blind 24 texts).
    ("real/dev", "precision", 0.93),
    ("real/dev", "recall", 0.93),
    ("real/dev", "status", 0.84),
    ("real/dev", "period", 0.74),
    ("real/dev", "deadline", 0.87),
    ("real/dev", "commitment", 0.9),
    ("real/dev", "metric", 0.91),
    ("real/dev", "speaker", 0.72),
    ("real/dev", "jurisdiction", 0.84),
    ("real/blind", "precision", 0.93),
    ("real/blind", "recall", 0.92),
    ("real/blind", "status", 0.75),
    ("real/blind", "period", 0.76),
    ("real/blind", "metric", 0.86),
]


@cache
def blind_scores(folder: str) -> Any:
    real = folder.startswith("real/")  # real pages are parsed as a corpus user would
    return scorer().evaluate(ROOT / "tests" / "fixtures" / folder, real=real)


@pytest.mark.parametrize(
    ("folder", "name", "floor"), BLIND_FLOORS, ids=[f"{f}-{n}" for f, n, _ in BLIND_FLOORS]
)
def test_blind_set_stays_above_floor(folder: str, name: str, floor: float) -> None:
    result = blind_scores(folder)
    assert _measure(result, name) >= floor, scorer().format_report(result)


@pytest.mark.parametrize("folder", ["eval3", "eval4"])
def test_later_blind_sets_have_labels_and_fit_the_genre_length(folder: str) -> None:
    articles = sorted((ROOT / "tests" / "fixtures" / folder).glob("*.txt"))
    assert len(articles) >= 9
    for path in articles:
        assert path.with_suffix(".json").exists(), path.name
        assert 750 <= len(path.read_text(encoding="utf-8")) <= 2500, path.name


# --- the real corpus (tests/fixtures/real/: excerpts of public pages, see its README) ------------

REAL_DIR = ROOT / "tests" / "fixtures" / "real"
REAL_TEXTS = sorted(REAL_DIR.rglob("*.txt"))
_REAL_EXCERPT_MAX = 2000  # characters: a short excerpt of a page's beginning, never the page


def test_real_corpus_has_a_blind_split() -> None:
    # Issue 11 asks for at least 60 texts, at least 20 of them blind.
    assert len(list((REAL_DIR / "blind").glob("*.txt"))) >= 20
    assert len(REAL_TEXTS) >= 60


@pytest.mark.parametrize("path", REAL_TEXTS, ids=[p.stem for p in REAL_TEXTS])
def test_real_text_is_a_short_excerpt_with_its_source(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8")) <= _REAL_EXCERPT_MAX
    readme = (REAL_DIR / "README.md").read_text(encoding="utf-8")
    row = next((line for line in readme.splitlines() if f"`{path.stem}`" in line), "")
    assert "http" in row, f"{path.stem}: no source URL in tests/fixtures/real/README.md"


REAL_LABELLED = [path for path in REAL_TEXTS if path.with_suffix(".json").exists()]


@pytest.mark.parametrize("path", REAL_LABELLED, ids=[p.stem for p in REAL_LABELLED])
def test_real_labels_name_raws_of_the_cleaned_text(path: Path) -> None:
    import yantai_pledges

    case = scorer().load_case(path)
    text = yantai_pledges.parse(case.text, translator=None).text
    missing = [label.raw for label in case.targets if label.raw not in text]
    assert not missing, (case.name, missing)
