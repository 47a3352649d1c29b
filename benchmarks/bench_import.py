"""How long ``import yantai_pledges`` takes, and whether it drags in heavy optional modules.

Run: ``python benchmarks/bench_import.py [--runs N]``. Prints the cumulative import time
reported by ``python -X importtime`` (the package and its slowest imports), the median
wall-clock time of a fresh interpreter importing the package minus a bare interpreter, and
the heavy modules found in ``sys.modules`` (there should be none). Target: < 300 ms.
Exit status 1 when the target is missed or a heavy module is imported.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

TARGET_MS = 300.0
HEAVY_MODULES = (
    "torch",
    "ctranslate2",
    "argostranslate",
    "sentencepiece",
    "stanza",
    "pypinyin",
    "lxml",
)
_PROBE = (
    f"import sys, yantai_pledges; print(','.join(m for m in {HEAVY_MODULES!r} if m in sys.modules))"
)


def importtime_report(package: str = "yantai_pledges") -> list[tuple[int, str]]:
    """``(cumulative microseconds, module)`` for every module ``-X importtime`` lists."""
    completed = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {package}"],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = []
    for line in completed.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _self_us, cumulative_us, name = line.removeprefix("import time:").split("|")
        rows.append((int(cumulative_us), name.strip()))
    return rows


def wall_clock_ms(code: str, runs: int) -> float:
    """Median wall-clock milliseconds of ``python -c code`` over ``runs`` fresh processes."""
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def heavy_modules_imported() -> list[str]:
    """Heavy optional modules present after ``import yantai_pledges``."""
    completed = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True
    )
    return [name for name in completed.stdout.strip().split(",") if name]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=7, help="fresh interpreters to time")
    arguments = parser.parse_args(argv)

    rows = importtime_report()
    package_us = next((cumulative for cumulative, name in rows if name == "yantai_pledges"), 0)
    print(f"-X importtime, yantai_pledges cumulative: {package_us / 1000:.1f} ms")
    print("slowest imports (cumulative):")
    for cumulative, name in sorted(rows, reverse=True)[:8]:
        print(f"  {cumulative / 1000:8.1f} ms  {name}")

    bare = wall_clock_ms("pass", arguments.runs)
    with_package = wall_clock_ms("import yantai_pledges", arguments.runs)
    print(
        f"wall clock, median of {arguments.runs}: {with_package:.1f} ms "
        f"(bare interpreter {bare:.1f} ms, import alone {with_package - bare:.1f} ms)"
    )
    heavy = heavy_modules_imported()
    print(f"heavy modules imported: {', '.join(heavy) if heavy else 'none'}")
    ok = package_us / 1000 < TARGET_MS and not heavy
    print(f"target < {TARGET_MS:.0f} ms and no heavy modules: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
