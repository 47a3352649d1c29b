"""Score target extraction against the hand-labelled evaluation set in ``tests/fixtures/eval/``.

Run: ``python benchmarks/eval_targets.py`` (add ``--dir PATH`` for another labelled set). Each
``NAME.txt`` article is parsed with ``yantai_pledges.parse(text, year=<label year>, translator=None)``
and compared with ``NAME.json`` (format and labelling rules: ``tests/fixtures/eval/README.md``).

Matching. A labelled target is paired with a predicted one whose ``quantity.raw`` is the same string
(preferring the same statement, then a metric that contains ``metric_contains``, then text order).
Left-over labels are then paired with left-over predictions of the same statement whose raw strings
differ only by comparator words (突破, 以上, 约 …) and whose base value(s) and unit agree. Unpaired
predictions count against precision, unpaired labels against recall.

Fields. For each pair every labelled field is compared: ``value`` (base value, or base low/high of a
range), ``unit`` (base unit), ``comparator``, ``deadline`` (ISO date), ``commitment``, ``status`` and
``metric`` (the label's ``metric_contains`` is a substring of ``metric.zh``). A field missing from a
label is not scored (used where the reading is genuinely ambiguous). Speaker and jurisdiction are
scored per labelled statement. The output is deterministic: same parser, same report.

Real pages (``tests/fixtures/real/``, ``--real``). Such a set is parsed as a corpus user would, with
no year hint: the label's ``year`` is then scored as the article's year. Two more fields are scored
where labelled: ``period`` (``period_end``: the last day of the period a figure is about — for a
pledge when it falls due, for a result the period it reports; read from the target's ``period``
when the model has one, else from its deadline's date) and the statement's jurisdiction falls back
on the article's own (``Article.jurisdiction``, when the model has one). ``speaker`` counts only
statements whose label names a speaker, so an article without a speaker does not inflate it. Each
article's ``form`` puts it in a group (news-type pages or reports) with precision and recall of its
own.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yantai_pledges
from yantai_pledges.models import Article, Target

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "eval"

# Target fields scored for each matched pair, in report order.
FIELDS = (
    "value",
    "unit",
    "comparator",
    "deadline",
    "period",
    "commitment",
    "status",
    "metric",
)

# A labelled article's ``form`` → the group it is scored in on real pages.
FORM_GROUPS = {
    "press_conference": "news",
    "interview": "news",
    "meeting_report": "news",
    "event_report": "news",
    "column": "news",
    "other": "news",
    "work_report": "report",
    "review": "report",
    "communique": "report",
}

# Words that may or may not be included in ``raw`` around the number; longest first.
_COMPARATOR_WORDS = (
    "不少于",
    "不低于",
    "不超过",
    "不高于",
    "控制在",
    "达到",
    "突破",
    "超过",
    "以上",
    "以内",
    "以下",
    "左右",
    "不到",
    "低于",
    "少于",
    "逾",
    "近",
    "约",
    "过",
    "超",
    "多",
    "余",
)


@dataclass(frozen=True)
class Mismatch:
    """One disagreement between the labels and the parser."""

    article: str
    raw: str
    field: str
    expected: str
    got: str


@dataclass(frozen=True)
class LabelledTarget:
    """One hand-labelled target; ``fields`` holds only the keys present in the label."""

    statement: int
    raw: str
    fields: dict[str, str | None]


@dataclass(frozen=True)
class LabelledStatement:
    speaker: str | None
    jurisdiction: str | None


@dataclass(frozen=True)
class Case:
    """One article of the evaluation set with its labels."""

    name: str
    text: str
    year: int | None  # null on a real page that prints no year: the parser should find none
    statements: tuple[LabelledStatement, ...]
    targets: tuple[LabelledTarget, ...]
    form: str | None = None


@dataclass
class Tally:
    """Correct out of scored."""

    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.correct += int(ok)
        self.total += 1

    @property
    def rate(self) -> float:
        return self.correct / self.total if self.total else 1.0


@dataclass
class ArticleScore:
    name: str
    labelled: int = 0
    predicted: int = 0
    matched: int = 0
    group: str | None = None


@dataclass
class Scores:
    """Everything the report prints; ``tests/test_eval.py`` asserts floors on these."""

    labelled: int = 0
    predicted: int = 0
    matched: int = 0
    fields: dict[str, Tally] = field(default_factory=lambda: {name: Tally() for name in FIELDS})
    speaker: Tally = field(default_factory=Tally)
    jurisdiction: Tally = field(default_factory=Tally)
    year: Tally = field(default_factory=Tally)
    articles: list[ArticleScore] = field(default_factory=list)
    mismatches: list[Mismatch] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.labelled if self.labelled else 1.0

    def accuracy(self, name: str) -> float:
        """Share of matched targets whose field ``name`` (one of :data:`FIELDS`) is right."""
        return self.fields[name].rate

    def group(self, name: str) -> tuple[float, float]:
        """Precision and recall over the articles of one :data:`FORM_GROUPS` group."""
        rows = [row for row in self.articles if row.group == name]
        predicted = sum(row.predicted for row in rows)
        labelled = sum(row.labelled for row in rows)
        matched = sum(row.matched for row in rows)
        return (
            matched / predicted if predicted else 1.0,
            matched / labelled if labelled else 1.0,
        )


# --- loading -------------------------------------------------------------------------------------


def _label_fields(row: dict[str, Any]) -> dict[str, str | None]:
    """The scored fields present in a label row, as comparable strings."""
    fields: dict[str, str | None] = {}
    value_keys = ("base_value", "base_low", "base_high")
    if any(key in row for key in value_keys):
        fields["value"] = _value_text(*(row.get(key) for key in value_keys))
    simple = {
        "unit": "base_unit",
        "comparator": "comparator",
        "deadline": "deadline_date",
        "period": "period_end",
        "commitment": "commitment",
        "status": "status",
        "metric": "metric_contains",
    }
    for name, key in simple.items():
        if key in row:
            fields[name] = row[key]
    return fields


def load_case(text_path: Path) -> Case:
    """Read ``NAME.txt`` and its labels ``NAME.json``."""
    labels = json.loads(text_path.with_suffix(".json").read_text(encoding="utf-8"))
    statements = tuple(
        LabelledStatement(row.get("speaker"), row.get("jurisdiction"))
        for row in labels["statements"]
    )
    targets = tuple(
        LabelledTarget(int(row.get("statement", 0)), row["raw"], _label_fields(row))
        for row in labels["targets"]
    )
    return Case(
        name=text_path.stem,
        text=text_path.read_text(encoding="utf-8"),
        year=None if labels["year"] is None else int(labels["year"]),
        statements=statements,
        targets=targets,
        form=labels.get("form"),
    )


def load_cases(directory: Path = DEFAULT_DIR) -> list[Case]:
    """All labelled articles of ``directory`` and its subfolders, by path."""
    return [load_case(path) for path in sorted(directory.rglob("*.txt"))]


# --- comparing -----------------------------------------------------------------------------------


def _number_text(value: object) -> str | None:
    if value is None:
        return None
    return format(Decimal(str(value)).normalize(), "f")


def _value_text(value: object, low: object, high: object) -> str | None:
    """A value or a low–high range as one comparable string."""
    if low is not None or high is not None:
        return f"{_number_text(low)}–{_number_text(high)}"
    return _number_text(value)


def _iso(date: object) -> str | None:
    return date.isoformat() if isinstance(date, dt.date) else None


def _period_end(target: Target) -> str | None:
    """The end of the period a target is about: its ``period`` once the model has one."""
    period = getattr(target, "period", None)
    if period is not None:
        return _iso(period.end)
    return _iso(target.deadline.date) if target.deadline is not None else None


def _predicted_fields(target: Target) -> dict[str, str | None]:
    quantity = target.quantity
    return {
        "value": _value_text(quantity.base_value, quantity.base_low, quantity.base_high),
        "unit": quantity.base_unit,
        "comparator": target.comparator.value,
        "deadline": (
            target.deadline.date.isoformat()
            if target.deadline is not None and target.deadline.date is not None
            else None
        ),
        "period": _period_end(target),
        "commitment": target.commitment.value if target.commitment is not None else None,
        "status": target.status.value,
        "metric": target.metric.zh,
    }


def _field_agrees(name: str, expected: str | None, got: str | None) -> bool:
    if name == "metric":
        return expected is not None and got is not None and expected in got
    return expected == got


def _core(raw: str) -> str:
    """``raw`` without comparator words: 突破10亿美元 and 10亿美元以上 both give 10亿美元."""
    for word in _COMPARATOR_WORDS:
        raw = raw.replace(word, "")
    return raw


@dataclass(frozen=True)
class _Predicted:
    statement: int
    order: int
    target: Target
    fields: dict[str, str | None]


def _predictions(article: Article) -> list[_Predicted]:
    rows = [
        _Predicted(statement_index, 0, target, _predicted_fields(target))
        for statement_index, statement in enumerate(article.statements)
        for target in statement.targets
    ]
    rows.sort(key=lambda row: row.target.span)
    return [
        _Predicted(row.statement, order, row.target, row.fields) for order, row in enumerate(rows)
    ]


def _metric_hit(label: LabelledTarget, predicted: _Predicted) -> bool:
    wanted = label.fields.get("metric")
    return wanted is not None and _field_agrees("metric", wanted, predicted.fields["metric"])


def _pair(labels: tuple[LabelledTarget, ...], predicted: list[_Predicted]) -> dict[int, _Predicted]:
    """Label index → its predicted target (see the module docstring for the rules)."""
    pairs: dict[int, _Predicted] = {}
    free = list(predicted)
    for index, label in enumerate(labels):
        candidates = [row for row in free if row.target.quantity.raw == label.raw]
        if candidates:
            best = min(
                candidates,
                key=lambda row: (
                    row.statement != label.statement,
                    not _metric_hit(label, row),
                    row.order,
                ),
            )
            pairs[index] = best
            free.remove(best)
    for index, label in enumerate(labels):
        if index in pairs:
            continue
        for row in free:
            same_value = "value" not in label.fields or (
                label.fields["value"] == row.fields["value"]
                and label.fields.get("unit", row.fields["unit"]) == row.fields["unit"]
            )
            if (
                row.statement == label.statement
                and same_value
                and _core(row.target.quantity.raw) == _core(label.raw)
            ):
                pairs[index] = row
                free.remove(row)
                break
    return pairs


def _statement_map(
    case: Case, pairs: dict[int, _Predicted], statement_count: int
) -> dict[int, int | None]:
    """Labelled statement → predicted statement: where most of its matched targets went."""
    mapping: dict[int, int | None] = {}
    for index in range(len(case.statements)):
        votes = Counter(
            pairs[label_index].statement
            for label_index, label in enumerate(case.targets)
            if label.statement == index and label_index in pairs
        )
        if votes:
            mapping[index] = min(votes, key=lambda key: (-votes[key], key))
        else:
            mapping[index] = index if index < statement_count else None
    return mapping


def _show(value: str | None) -> str:
    return "null" if value is None else value


def score_case(case: Case, article: Article, scores: Scores, *, real: bool = False) -> None:
    """Add one article's comparison to ``scores`` (``real``: see the module docstring)."""
    predicted = _predictions(article)
    pairs = _pair(case.targets, predicted)
    group = FORM_GROUPS.get(case.form) if case.form is not None else None
    result = ArticleScore(case.name, len(case.targets), len(predicted), len(pairs), group)
    scores.articles.append(result)
    scores.labelled += result.labelled
    scores.predicted += result.predicted
    scores.matched += result.matched
    for index, label in enumerate(case.targets):
        row = pairs.get(index)
        if row is None:
            scores.mismatches.append(Mismatch(case.name, label.raw, "missing", "target", "-"))
            continue
        for name in FIELDS:
            if name not in label.fields:
                continue
            expected, got = label.fields[name], row.fields[name]
            ok = _field_agrees(name, expected, got)
            scores.fields[name].add(ok)
            if not ok:
                scores.mismatches.append(
                    Mismatch(case.name, label.raw, name, _show(expected), _show(got))
                )
    paired = {id(row) for row in pairs.values()}
    for row in predicted:
        if id(row) not in paired:
            scores.mismatches.append(
                Mismatch(case.name, row.target.quantity.raw, "extra", "-", row.target.metric.zh)
            )
    _score_statements(case, article, pairs, scores, real=real)
    if real:
        scores.year.add(article.year == case.year)
        if article.year != case.year:
            scores.mismatches.append(
                Mismatch(case.name, "-", "year", str(case.year), _show(str(article.year)))
            )


def _score_statements(
    case: Case, article: Article, pairs: dict[int, _Predicted], scores: Scores, *, real: bool
) -> None:
    if len(article.statements) != len(case.statements):
        scores.mismatches.append(
            Mismatch(
                case.name,
                "-",
                "statements",
                str(len(case.statements)),
                str(len(article.statements)),
            )
        )
    mapping = _statement_map(case, pairs, len(article.statements))
    own = getattr(article, "jurisdiction", None)  # the article's own government, once modelled
    own_place = own.name.zh if own is not None else None
    for index, labelled in enumerate(case.statements):
        position = mapping[index]
        speaker = article.statements[position].speaker if position is not None else None
        got_name = speaker.name.zh.replace(" ", "").replace("\u3000", "") if speaker else None
        got_place = speaker.jurisdiction.name.zh if speaker and speaker.jurisdiction else own_place
        name_ok = got_name == labelled.speaker
        place_ok = (
            got_place is None
            if labelled.jurisdiction is None
            else got_place is not None and labelled.jurisdiction in got_place
        )
        if labelled.speaker is not None or not real:
            scores.speaker.add(name_ok)
        scores.jurisdiction.add(place_ok)
        where = f"statement {index}"
        if not name_ok:
            scores.mismatches.append(
                Mismatch(case.name, where, "speaker", _show(labelled.speaker), _show(got_name))
            )
        if not place_ok:
            scores.mismatches.append(
                Mismatch(
                    case.name, where, "jurisdiction", _show(labelled.jurisdiction), _show(got_place)
                )
            )


def evaluate(directory: Path = DEFAULT_DIR, *, real: bool = False) -> Scores:
    """Parse every labelled article of ``directory`` and score it.

    ``real``: parse with no year hint, as a corpus user would, and score the article's year.
    """
    scores = Scores()
    for case in load_cases(directory):
        year = None if real else case.year
        article = yantai_pledges.parse(case.text, year=year, translator=None)
        score_case(case, article, scores, real=real)
    return scores


# --- report --------------------------------------------------------------------------------------


def _percent(rate: float) -> str:
    return f"{rate * 100:5.1f}%"


def format_report(scores: Scores) -> str:
    """The printed report: totals, per-field accuracy, per-article counts, every mismatch."""
    lines = [
        f"targets: {scores.labelled} labelled, {scores.predicted} predicted, "
        f"{scores.matched} matched",
        f"precision {_percent(scores.precision)}   recall {_percent(scores.recall)}",
        "",
        "field accuracy on matched targets:",
    ]
    for name in FIELDS:
        tally = scores.fields[name]
        lines.append(f"  {name:<12} {_percent(tally.rate)}  ({tally.correct}/{tally.total})")
    tallies: list[tuple[str, Tally]] = [
        ("speaker", scores.speaker),
        ("jurisdiction", scores.jurisdiction),
    ]
    if scores.year.total:
        tallies.append(("year", scores.year))
    for label, tally in tallies:
        lines.append(f"  {label:<12} {_percent(tally.rate)}  ({tally.correct}/{tally.total})")
    for group in sorted({row.group for row in scores.articles if row.group is not None}):
        precision, recall = scores.group(group)
        lines.append(
            f"  {group + ' pages':<12} precision {_percent(precision)}  recall {_percent(recall)}"
        )
    lines += ["", f"{'article':<36} {'labelled':>8} {'predicted':>9} {'matched':>7}"]
    for result in scores.articles:
        lines.append(
            f"{result.name:<36} {result.labelled:>8} {result.predicted:>9} {result.matched:>7}"
        )
    lines += ["", f"mismatches ({len(scores.mismatches)}): article | raw | field | expected | got"]
    for item in scores.mismatches:
        lines.append(f"  {item.article} | {item.raw} | {item.field} | {item.expected} | {item.got}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="labelled articles")
    parser.add_argument(
        "--real", action="store_true", help="real pages: no year hint, the year scored"
    )
    arguments = parser.parse_args(argv)
    print(format_report(evaluate(arguments.dir, real=arguments.real)))


if __name__ == "__main__":
    main()
