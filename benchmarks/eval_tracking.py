"""Link precision and recall of yantai_pledges.track on the real pairs of tests/fixtures/tracking/.

Run: ``python benchmarks/eval_tracking.py [--show]``. Every file is parsed as a corpus user would
(no year hint, no translation); the labelled links (``LINKS.json``) are matched to the predicted
ones by file and raw quantity (one raw contained in the other: 5%左右 / 5%). Precision counts the
predicted links with an outcome between two labelled files; recall the labelled time links found.
Level pairs are scored the same way on ``Tracking.inflation``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import yantai_pledges
from yantai_pledges.text import normalize_characters
from yantai_pledges.tracking import Tracking

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "tracking"


def _same(raw: str | None, label: str) -> bool:
    if not raw:
        return False
    raw, label = raw.replace(" ", ""), normalize_characters(label).replace(" ", "")
    return raw in label or label in raw


def score(show: bool = False) -> dict[str, object]:
    paths = sorted(FIXTURES.glob("*.txt"))
    articles = [yantai_pledges.parse(path.read_bytes(), translator=None) for path in paths]
    stems = [path.stem for path in paths]
    tracking: Tracking = yantai_pledges.track(articles)
    labels = json.loads((FIXTURES / "LINKS.json").read_text(encoding="utf-8"))
    time_labels = [label for label in labels if label["kind"] == "time"]
    level_labels = [label for label in labels if label["kind"] == "level"]
    predicted = [
        (stems[link.pledge.article - 1], link.pledge.target.quantity.raw,
         stems[link.outcome.article - 1], link.outcome.target.quantity.raw, link)
        for link in tracking.links if link.outcome is not None
    ]  # fmt: skip
    labelled_files = {(label["target_file"], label["outcome_file"]) for label in time_labels}
    candidates = [p for p in predicted if (p[0], p[2]) in labelled_files]

    def matches(p: tuple[object, ...], label: dict[str, str]) -> bool:
        return (
            p[0] == label["target_file"] and p[2] == label["outcome_file"]
            and _same(str(p[1]), label["target_raw"]) and _same(str(p[3]), label["outcome_raw"])
        )  # fmt: skip

    found = [label for label in time_labels if any(matches(p, label) for p in predicted)]
    right = [p for p in candidates if any(matches(p, label) for label in time_labels)]
    pairs = [
        (stems[pair.upper.article - 1], pair.upper.target.quantity.raw,
         stems[pair.lower.article - 1], pair.lower.target.quantity.raw)
        for pair in tracking.inflation
    ]  # fmt: skip
    level_found = [
        label for label in level_labels
        if any(p[0] == label["upper_file"] and p[2] == label["lower_file"]
               and _same(p[1], label["upper_raw"]) and _same(p[3], label["lower_raw"]) for p in pairs)
    ]  # fmt: skip
    agree = [
        p for p in right
        for label in time_labels
        if matches(p, label) and (p[4].attainment.value == "met") == bool(label["met"])
    ]  # fmt: skip
    if show:
        for label in time_labels:
            if label not in found:
                print(
                    "missed:",
                    label["pair"],
                    label["indicator"],
                    label["target_raw"],
                    label["outcome_raw"],
                )
        for p in candidates:
            if p not in right:
                print("wrong:", p[0], p[1], p[2], p[3])
    return {
        "time links labelled": len(time_labels),
        "found (recall)": f"{len(found)} / {len(time_labels)}",
        "predicted between labelled files": len(candidates),
        "right (precision)": f"{len(right)} / {len(candidates)}",
        "attainment agrees with the label": f"{len(agree)} / {len(right)}",
        "level links found": f"{len(level_found)} / {len(level_labels)}",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", action="store_true", help="list misses and wrong links")
    for key, value in score(parser.parse_args().show).items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
