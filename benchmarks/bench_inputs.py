"""What the command line does before parsing costs: expanding inputs, checking outputs, and
finding repeated inputs (the same file twice, copies with the same SHA-256).

    python benchmarks/bench_inputs.py [--count 10000]

Two corpora of ``--count`` small files (the seed, cut to varied lengths) plus 1 % exact copies:
"varied sizes" (as a crawl is: almost every size unique, so almost nothing is hashed) and
"shared sizes" (only 100 distinct sizes: every file is hashed, the worst case). Prints the
seconds of each step and how many files were hashed, to compare with the parse itself (about
9.5 ms per article on one worker, docs/performance.md).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from yantai_pledges.corpus import distinct_inputs, expand_inputs
from yantai_pledges.corpus import inputs as inputs_module
from yantai_pledges.export.preflight import KINDS, PlannedOutput, check_outputs

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_bad21ed3cf753cea.txt"


def _write_corpus(root: Path, count: int, distinct_sizes: int) -> None:
    head = SEED.read_text(encoding="utf-8")[:1000]  # about 3 KB
    for number in range(count):
        padding = "。" * (number % distinct_sizes)  # 3 bytes each: the size says which
        # The number at the end (zero-padded: the same length) makes every file distinct.
        text = f"{head}{padding}{number:06d}"
        (root / f"{number:06d}.txt").write_text(text, encoding="utf-8")
    for number in range(count // 100):
        (root / f"copy{number:06d}.txt").write_bytes((root / f"{number:06d}.txt").read_bytes())


def _measure(root: Path, label: str) -> None:
    hashed: list[Path] = []
    real_sha256 = inputs_module._sha256

    def counting_sha256(path: Path) -> str | None:
        hashed.append(path)
        return real_sha256(path)

    inputs_module._sha256 = counting_sha256
    try:
        start = time.perf_counter()
        paths = expand_inputs([str(root)])
        expanded = time.perf_counter()
        outputs = [
            PlannedOutput("--jsonl", root.parent / "out.jsonl", KINDS["jsonl"]),
            PlannedOutput("-o", root.parent / "report.xlsx", KINDS["workbook"]),
        ]
        check_outputs(outputs, paths)
        checked = time.perf_counter()
        kept, repeats = distinct_inputs(paths)
        done = time.perf_counter()
    finally:
        inputs_module._sha256 = real_sha256
    print(
        f"{label:>14}: {len(paths)} inputs; expand {expanded - start:.3f} s, check outputs "
        f"{checked - expanded:.3f} s, repeats {done - checked:.3f} s ({len(hashed)} hashed, "
        f"{len(repeats)} repeats, {len(kept)} kept); "
        f"{1e6 * (done - start) / len(paths):.0f} µs per input"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for label, distinct_sizes in (("varied sizes", args.count), ("shared sizes", 100)):
            root = Path(folder) / label.replace(" ", "_")
            root.mkdir()
            _write_corpus(root, args.count, distinct_sizes)
            _measure(root, label)


if __name__ == "__main__":
    main()
