"""How many labelled targets get a canonical indicator (``lexicon.indicators.indicator_for``).

Run: ``PYTHONPATH=src python benchmarks/indicator_coverage.py`` (``--dir`` for another labelled set,
``--sample 40`` to print that many matches, spread evenly, for reading their precision by hand).

Two measures, per form group (work reports, communiqués, news-type pages) and overall:

- labels: ``indicator_for(metric_contains, base_unit)`` of every labelled target. A label's
  ``metric_contains`` is only the part of the metric its labeller needed to recognise it, often a
  fragment (增长, 总值增长, 算收入增长), so this is a floor.
- parser: the same for the metric and base unit the parser gives the target paired with the label
  (pairing as in ``eval_targets.py``); an unpaired label counts as not covered. This is what a user
  of the library sees.
"""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import eval_targets  # benchmarks/ is on sys.path when this file is run as a script

import yantai_pledges
from yantai_pledges.lexicon.indicators import indicator_for

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "real" / "dev"


@dataclass(frozen=True)
class Row:
    """One labelled target: its label's metric, and the parser's (None when unpaired)."""

    article: str
    form: str
    label_metric: str
    label_unit: str
    parsed_metric: str | None
    parsed_unit: str | None


def rows(directory: Path = DEFAULT_DIR) -> list[Row]:
    """Every labelled target of ``directory`` with the metric the parser gave it."""
    found = []
    for case in eval_targets.load_cases(directory):
        article = yantai_pledges.parse(case.text, translator=None)
        pairs = eval_targets._pair(case.targets, eval_targets._predictions(article))
        for index, label in enumerate(case.targets):
            paired = pairs.get(index)
            found.append(
                Row(
                    case.name,
                    case.form or "other",
                    label.fields.get("metric") or "",
                    label.fields.get("unit") or "",
                    paired.target.metric.zh if paired else None,
                    paired.target.quantity.base_unit if paired else None,
                )
            )
    return found


def _group(form: str) -> str:
    return {"work_report": "work reports", "communique": "communiqués"}.get(form, "news and other")


def _covered(metric: str | None, unit: str | None) -> bool:
    return metric is not None and unit is not None and indicator_for(metric, unit) is not None


GROUPS = ("work reports", "communiqués", "news and other", "all")


def shares(found: list[Row]) -> dict[str, tuple[int, float, float]]:
    """Group → (labelled targets, share covered by their labels, share covered by the parser's)."""
    total: Counter[str] = Counter()
    by_label: Counter[str] = Counter()
    by_parser: Counter[str] = Counter()
    for row in found:
        for group in (_group(row.form), "all"):
            total[group] += 1
            by_label[group] += _covered(row.label_metric, row.label_unit)
            by_parser[group] += _covered(row.parsed_metric, row.parsed_unit)
    return {
        group: (total[group], by_label[group] / total[group], by_parser[group] / total[group])
        for group in GROUPS
        if total[group]
    }


def report(found: list[Row], sample: int = 0) -> str:
    """The coverage table and, with ``sample``, that many parser matches to read."""
    lines = [f"{'group':16} {'targets':>7} {'labels':>8} {'parser':>8}"]
    lines.extend(
        f"{group:16} {count:7} {labels:8.1%} {parsed:8.1%}"
        for group, (count, labels, parsed) in shares(found).items()
    )
    matches = [row for row in found if _covered(row.parsed_metric, row.parsed_unit)]
    if sample and matches:
        lines += ["", f"{sample} of {len(matches)} parser matches, evenly spread:"]
        step = max(1, len(matches) // sample)
        for row in matches[::step][:sample]:
            assert row.parsed_metric is not None
            assert row.parsed_unit is not None
            indicator = indicator_for(row.parsed_metric, row.parsed_unit)
            assert indicator is not None
            lines.append(
                f"  {row.article[:3]}  {row.parsed_metric} [{row.parsed_unit}] → "
                f"{indicator.id} ({indicator.en})"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="labelled articles")
    parser.add_argument("--sample", type=int, default=0, help="print this many matches")
    arguments = parser.parse_args(argv)
    print(report(rows(arguments.dir), arguments.sample))


if __name__ == "__main__":
    main()
