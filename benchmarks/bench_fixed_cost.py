"""The fixed cost of an article and the growth on one big input (issue 17's rows).

Run: ``python benchmarks/bench_fixed_cost.py [--against OTHER/src] [--rounds N]``.

In a fresh process per tree (this one, and ``--against``'s copy of the package, interleaved when
given twice with ``--repeat``), all warm (every article parsed once first), translation off:

- **typical**: the real dev articles of 500–900 characters (``tests/fixtures/real/dev``, 59
  pages, 708 characters on average), ms per article, the best of ``--rounds`` rounds;
- **seed / regex pass**: the seed's warm parse against one pass of a figure-and-unit pattern over
  the same text (``_FIGURES``: what a minimal money or quantity extractor does), as a ratio;
- **big input**: the seed's paragraphs repeated to 300 KB and to 3 MB (UTF-8) as one article,
  the time per character of the larger over the smaller's, with the collector's default
  settings (``parse`` pauses it while it builds an article).

Targets (issue 17): typical ≤ 0.5 ms, seed ≤ 8× the regex pass, big input ≤ ×1.15.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"

_PROBE = r"""
import json, pathlib, re, sys, time
import yantai_pledges

root, rounds = pathlib.Path(sys.argv[1]), int(sys.argv[2])
parse = yantai_pledges.parse
texts = [p.read_text(encoding="utf-8") for p in sorted((root / "tests/fixtures/real/dev").glob("*.txt"))]
typical = [t for t in texts if 500 <= len(t) <= 900]
seed = (root / "seeds/000_bad21ed3cf753cea.txt").read_text(encoding="utf-8")
for text in typical + [seed]:
    parse(text, translator=None)

def best(function, rounds):
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        function()
        timings.append(time.perf_counter() - started)
    return min(timings)

typical_s = best(lambda: [parse(t, translator=None) for t in typical], rounds) / len(typical)
FIGURES = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?\s*(?:[万亿]?(?:元|个|家|户|人|吨|亩|公里|平方米|千瓦)|%|％)")
seed_s = best(lambda: parse(seed, translator=None), rounds * 5)
regex_s = best(lambda: sum(1 for _ in FIGURES.finditer(seed)), rounds * 50)

paragraphs = seed.split("\n\n")
def article(size):
    out, length = [], 0
    while length < size:
        for p in paragraphs:
            out.append(p)
            length += len(p.encode("utf-8")) + 2
            if length >= size:
                break
    return "\n\n".join(out)
small, large = article(300_000), article(3_000_000)
small_s = best(lambda: parse(small, translator=None), 3)
large_s = best(lambda: parse(large, translator=None), 2)
print(json.dumps({
    "typical_ms": typical_s * 1000, "typical_n": len(typical),
    "typical_chars": sum(map(len, typical)) / len(typical),
    "seed_ms": seed_s * 1000, "regex_ms": regex_s * 1000, "seed_over_regex": seed_s / regex_s,
    "big_ratio": (large_s / len(large)) / (small_s / len(small)),
    "small_us_per_kchar": small_s / len(small) * 1e6 * 1000,
}))
"""


def probe(src: Path, rounds: int) -> dict[str, float]:
    environment = dict(os.environ, PYTHONPATH=str(src))
    completed = subprocess.run(
        [sys.executable, "-c", _PROBE, str(ROOT), str(rounds)],
        capture_output=True,
        text=True,
        check=True,
        env=environment,
    )
    result: dict[str, float] = json.loads(completed.stdout)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--against", type=Path, help="another tree's src/ to compare with")
    parser.add_argument("--rounds", type=int, default=10, help="rounds per timing (best kept)")
    parser.add_argument("--repeat", type=int, default=1, help="processes per tree, interleaved")
    arguments = parser.parse_args(argv)
    trees = {"this": SRC.resolve()}
    if arguments.against is not None:
        trees = {"other": arguments.against.resolve(), **trees}
    results: dict[str, list[dict[str, float]]] = {label: [] for label in trees}
    for _ in range(arguments.repeat):
        for label, src in trees.items():
            results[label].append(probe(src, arguments.rounds))
    rows = (
        ("typical_ms", "typical real article, ms (warm)", "{:.3f}"),
        ("seed_ms", "seed, warm, ms", "{:.2f}"),
        ("regex_ms", "one regex pass over the seed, ms", "{:.3f}"),
        ("seed_over_regex", "seed / regex pass", "{:.1f}×"),
        ("big_ratio", "3 MB / 300 KB, time per character", "×{:.2f}"),
    )
    print("| measure | " + " | ".join(str(src) for src in trees.values()) + " |")
    print("|---|" + "---|" * len(trees))
    for key, what, form in rows:
        cells = [" / ".join(form.format(r[key]) for r in results[label]) for label in trees]
        print(f"| {what} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
