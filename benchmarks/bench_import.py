"""A fresh process: ``import yantai_pledges``, its first ``parse`` and a warm one (issue 17).

Run: ``python benchmarks/bench_import.py [--runs N] [--against OTHER/src]``.

Prints the cumulative import time reported by ``python -X importtime`` (the package and its
slowest imports), then, over ``--runs`` fresh interpreters, the medians of

- ``import yantai_pledges`` (wall clock inside the process, the interpreter's start excluded);
- the first ``parse`` of the seed in that process (data files read, patterns compiled, the
  translation modules imported), and the second one (warm), and their ratio;
- the whole ``python -c 'import yantai_pledges; parse(seed)'`` against a bare ``python -c pass``;

and the heavy modules found in ``sys.modules`` after the import (there should be none).

Bytecode. A package installed by pip has its ``.pyc`` files; a source tree run with
``PYTHONDONTWRITEBYTECODE`` (as on the development machine) compiles every module on every import,
which doubles the import time. So each measured process gets a private ``PYTHONPYCACHEPREFIX``,
written once by an unmeasured run.

``--against OTHER/src``: also time another copy of the package (e.g. main's) and interleave the
runs (other, this, other, this …), so that both see the same load of a shared machine; the table
then has a column each. Targets (issue 17): import ≤ 150 ms, first parse ≤ 5× a warm one.
Exit status 1 when the import target (< 300 ms, this tree) is missed or a heavy module is imported.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

TARGET_MS = 300.0
HEAVY_MODULES = (
    "torch",
    "ctranslate2",
    "argostranslate",
    "sentencepiece",
    "stanza",
    "pypinyin",
    "lxml",
    "openpyxl",
)
SRC = Path(__file__).resolve().parent.parent / "src"
SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_bad21ed3cf753cea.txt"

# Run in the measured process: one JSON line of milliseconds and module names.
_PROBE = f"""
import json, sys, time
started = time.perf_counter()
import yantai_pledges
imported = time.perf_counter()
heavy = [m for m in {HEAVY_MODULES!r} if m in sys.modules]
text = open(sys.argv[1], encoding="utf-8").read()
timings = []
for _ in range(3):
    before = time.perf_counter()
    yantai_pledges.parse(text, translator=None)
    timings.append((time.perf_counter() - before) * 1000)
print(json.dumps({{"import": (imported - started) * 1000, "first": timings[0],
                  "warm": min(timings[1:]), "heavy": heavy}}))
"""


def _environment(src: Path, cache: Path) -> dict[str, str]:
    environment = dict(os.environ, PYTHONPATH=str(src), PYTHONPYCACHEPREFIX=str(cache))
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    return environment


def importtime_report(src: Path, cache: Path) -> list[tuple[int, str]]:
    """``(cumulative microseconds, module)`` for every module ``-X importtime`` lists."""
    completed = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import yantai_pledges"],
        capture_output=True,
        text=True,
        check=True,
        env=_environment(src, cache),
    )
    rows = []
    for line in completed.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _self_us, cumulative_us, name = line.removeprefix("import time:").split("|")
        rows.append((int(cumulative_us), name.strip()))
    return rows


def probe(src: Path, cache: Path) -> dict[str, object]:
    """One fresh process: import, first and warm parse of the seed (ms), heavy modules."""
    completed = subprocess.run(
        [sys.executable, "-c", _PROBE, str(SEED)],
        capture_output=True,
        text=True,
        check=True,
        env=_environment(src, cache),
    )
    result: dict[str, object] = json.loads(completed.stdout)
    return result


def process_ms(code: str, src: Path, cache: Path) -> float:
    """Wall-clock milliseconds of one ``python -c code``, interpreter start included."""
    import time  # noqa: PLC0415 - only here

    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", code, str(SEED)],
        check=True,
        capture_output=True,
        env=_environment(src, cache),
    )
    return (time.perf_counter() - started) * 1000


_WHOLE = (
    "import sys, yantai_pledges; "
    "yantai_pledges.parse(open(sys.argv[1], encoding='utf-8').read(), translator=None)"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=9, help="fresh interpreters per tree")
    parser.add_argument("--against", type=Path, help="another tree's src/ to compare with")
    arguments = parser.parse_args(argv)

    trees = {"this": SRC.resolve()}
    if arguments.against is not None:
        trees = {"other": arguments.against.resolve(), **trees}
    with tempfile.TemporaryDirectory(prefix="bench_import_") as scratch:
        caches = {label: Path(scratch) / label for label in trees}
        for label, src in trees.items():  # unmeasured: writes the bytecode caches
            probe(src, caches[label])

        rows = importtime_report(trees["this"], caches["this"])
        package_us = next((cumulative for cumulative, name in rows if name == "yantai_pledges"), 0)
        print(f"-X importtime, yantai_pledges cumulative: {package_us / 1000:.1f} ms")
        print("slowest imports (cumulative):")
        for cumulative, name in sorted(rows, reverse=True)[:8]:
            print(f"  {cumulative / 1000:8.1f} ms  {name}")

        samples: dict[str, dict[str, list[float]]] = {
            label: {"import": [], "first": [], "warm": [], "ratio": [], "whole": [], "bare": []}
            for label in trees
        }
        heavy: dict[str, list[str]] = {}
        for _ in range(arguments.runs):
            for label, src in trees.items():  # interleaved: both trees see the same load
                measured = probe(src, caches[label])
                for key in ("import", "first", "warm"):
                    samples[label][key].append(float(measured[key]))  # type: ignore[arg-type]
                first, warm = float(measured["first"]), float(measured["warm"])  # type: ignore[arg-type]
                samples[label]["ratio"].append(first / warm)
                heavy[label] = list(measured["heavy"])  # type: ignore[call-overload]
                samples[label]["bare"].append(process_ms("pass", src, caches[label]))
                samples[label]["whole"].append(process_ms(_WHOLE, src, caches[label]))

    print(
        f"\nmedians of {arguments.runs} fresh processes (ms){', interleaved' if len(trees) > 1 else ''}:"
    )
    print("| measure | " + " | ".join(str(src) for src in trees.values()) + " |")
    print("|---|" + "---|" * len(trees))
    for key, what in (
        ("import", "import yantai_pledges"),
        ("first", "first parse of the seed"),
        ("warm", "warm parse of the seed"),
        ("ratio", "first / warm"),
        ("whole", "python -c 'import; parse(seed)'"),
        ("bare", "python -c pass"),
    ):
        cells = []
        for label in trees:
            value = statistics.median(samples[label][key])
            cells.append(f"{value:.2f}×" if key == "ratio" else f"{value:.1f}")
        print(f"| {what} | " + " | ".join(cells) + " |")
    this_heavy = heavy["this"]
    print(f"heavy modules imported: {', '.join(this_heavy) if this_heavy else 'none'}")
    ok = package_us / 1000 < TARGET_MS and not this_heavy
    print(f"target < {TARGET_MS:.0f} ms and no heavy modules: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
