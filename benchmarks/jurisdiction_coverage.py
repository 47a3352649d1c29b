"""Share of statements and articles whose jurisdiction gets a division code, on labelled real pages.

Usage: ``python benchmarks/jurisdiction_coverage.py [--dir tests/fixtures/real/dev] [--list]``.

A statement's jurisdiction is its speaker's (``Speaker.jurisdiction``), else its article's own
(``Article.jurisdiction``), as in ``benchmarks/eval_targets.py``. Counted over the parser's
statements, and over the statements whose label names a jurisdiction (``NAME.json``: labels give
names as written, never codes; a labelled statement the parser did not split off is paired with
the article's own jurisdiction). Zones mostly have no code at all (docs/jurisdictions.md), so the
count without them is printed too. ``--list`` prints every article with its codes, to read them.
The labelled sample of expected codes is in ``tests/test_jurisdictions.py``.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

import yantai_pledges
from yantai_pledges.models import Article, Jurisdiction, Statement

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Share:
    coded: int = 0
    total: int = 0

    def add(self, coded: bool) -> None:
        self.coded += coded
        self.total += 1

    def __str__(self) -> str:
        share = self.coded / self.total if self.total else 0.0
        return f"{self.coded}/{self.total} = {share:.1%}"


def statement_jurisdiction(article: Article, statement: Statement) -> Jurisdiction | None:
    """The speaker's jurisdiction, else the article's own."""
    speaker = statement.speaker
    if speaker is not None and speaker.jurisdiction is not None:
        return speaker.jurisdiction
    return article.jurisdiction


def _show(place: Jurisdiction | None) -> str:
    if place is None:
        return "-"
    return f"{place.name.zh} {place.code or 'null'} {place.level or '?'} ^{place.parent or '-'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=ROOT / "tests" / "fixtures" / "real" / "dev")
    parser.add_argument("--list", action="store_true", help="print every article's codes")
    options = parser.parse_args()
    statements, labelled, articles, labelled_articles = Share(), Share(), Share(), Share()
    without_zones = Share()
    for path in sorted(options.dir.glob("*.txt")):
        article = yantai_pledges.parse(path.read_bytes(), translator=None)
        label = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        own = article.jurisdiction
        articles.add(own is not None and own.code is not None)
        if label.get("jurisdiction"):
            labelled_articles.add(own is not None and own.code is not None)
        places = [statement_jurisdiction(article, s) for s in article.statements]
        for place in places:
            statements.add(place is not None and place.code is not None)
        for index, row in enumerate(label.get("statements", [])):
            if row.get("jurisdiction"):
                place = places[index] if index < len(places) else own  # unsplit: the article's
                labelled.add(place is not None and place.code is not None)
                if place is None or place.level != "zone":
                    without_zones.add(place is not None and place.code is not None)
        if options.list:
            shown = "; ".join(_show(place) for place in places)
            print(f"{path.stem[:34]:34} article: {_show(own)} | statements: {shown}")
    print(f"statements with a code: {statements}")
    print(f"labelled statements (label names a place) with a code: {labelled}")
    print(f"labelled statements, zones left out: {without_zones}")
    print(f"articles with a code: {articles}")
    print(f"labelled articles with a code: {labelled_articles}")


if __name__ == "__main__":
    main()
