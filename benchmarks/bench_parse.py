"""Parse speed: median time per seed article, and MB/s on a 100× concatenation.

Run: ``python benchmarks/bench_parse.py``. Each seed timing is the median of 100 parses in a fresh
process, taken in five processes with hash seeds 0–4; the line shows the median and all five.
Translation is off (``translator=None``) so the numbers
measure parsing plus the deterministic English of structured fields. Targets (docs/performance.md):
under 5 ms per seed article on a 2-core machine, and time linear in input size.

Parsing one article again and again would time the package's bounded caches, so the seed is
timed three ways (data tables and compiled patterns stay loaded in all three, as they do after
the first parse of a session):

- new text (the target's measure): the caches keyed on an article's own text — speaker lines,
  credit lines, metric phrases — are emptied before each parse. Caches of vocabulary that
  recurs in any corpus (person and place names, positions, units, deadline words, numerals)
  stay warm, as they are a few articles into a run.
- cold: every bounded cache emptied, as for the first article of a session.
- warm: nothing emptied, the seed parsed again and again.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yantai_pledges

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_bad21ed3cf753cea.txt"


# The caches keyed on an article's own text (see the module docstring).
_TEXT_CACHES = (
    "yantai_pledges.layout.speakers._line_speaker_and_headline",
    "yantai_pledges.layout.assembly._standalone",
    "yantai_pledges.layout.credits._parse_credit",
    "yantai_pledges.layout.places.masthead_city",
    "yantai_pledges.translation.english_metrics._default_metric",
)


def _bounded_caches() -> dict[str, Callable[[], None]]:
    """Every bounded ``functools.lru_cache`` of the package, by dotted name: its clear method."""
    caches: dict[str, Callable[[], None]] = {}
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] != "yantai_pledges":
            continue
        for attribute, value in vars(module).items():
            info: Callable[[], object] | None = getattr(value, "cache_info", None)
            if info is not None and getattr(info(), "maxsize", None) is not None:
                caches[f"{name}.{attribute}"] = value.cache_clear
    return caches


def _clear(mode: str) -> None:
    """Empty the caches the timing ``mode`` ("new text", "cold" or "warm") starts without."""
    caches = _bounded_caches()
    missing = [name for name in _TEXT_CACHES if name not in caches]
    if missing:
        raise SystemExit(f"bench_parse: caches renamed or gone, update _TEXT_CACHES: {missing}")
    for name, clear in caches.items():
        if mode == "cold" or (mode == "new text" and name in _TEXT_CACHES):
            clear()


def _median_seconds(text: str, repeats: int, *, mode: str = "new text") -> float:
    timings = []
    for _ in range(repeats):
        _clear(mode)
        started = time.perf_counter()
        yantai_pledges.parse(text, translator=None)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


# Python randomises string hashing per process, and the seed's time moves with it by up to ±5%
# (dict and set lookups, memory layout). The headline is the median over this many processes,
# each with its own fixed hash seed, so that no lucky or unlucky process decides it.
_PROCESSES = 5


def _process_medians(mode: str) -> list[float]:
    """The median time of the seed in ``mode``, in fresh processes with hash seeds 0, 1, …"""
    medians = []
    for hash_seed in range(_PROCESSES):
        environment = {**os.environ, "PYTHONHASHSEED": str(hash_seed)}
        command = [sys.executable, str(Path(__file__).resolve()), "--one", mode]
        output = subprocess.run(
            command, env=environment, capture_output=True, text=True, check=True
        ).stdout
        medians.append(float(output))
    return medians


def _one(mode: str) -> None:
    """Print the median seconds of the seed in ``mode`` (run in a child process)."""
    seed = SEED.read_text(encoding="utf-8")
    yantai_pledges.parse(seed, translator=None)  # warm caches (data tables, regexes)
    print(_median_seconds(seed, 100, mode=mode))


def main() -> None:
    if sys.argv[1:2] == ["--one"]:
        _one(sys.argv[2])
        return
    seed = SEED.read_text(encoding="utf-8")
    for mode in ("new text", "cold", "warm"):
        medians = sorted(1000 * seconds for seconds in _process_medians(mode))
        print(
            f"seed article ({len(seed)} chars), {mode}: median {statistics.median(medians):.2f} ms"
            f" per parse ({_PROCESSES} processes: {', '.join(f'{m:.2f}' for m in medians)})"
        )
    yantai_pledges.parse(seed, translator=None)
    for copies in (10, 100):
        text = "\n\n".join([seed] * copies)
        seconds = _median_seconds(text, 3)
        megabytes = len(text.encode("utf-8")) / 1e6
        print(
            f"{copies}x concatenation ({megabytes:.2f} MB): {seconds:.3f} s, "
            f"{megabytes / seconds:.2f} MB/s, {seconds / copies * 1000:.2f} ms per copy"
        )
    for copies in (7_000, 70_000):  # one line, no sentence end, a figure every 16 characters
        line = "确保全年新开工项目130个以上，" * copies
        seconds = _median_seconds(line, 1)
        print(f"one {len(line):,}-character line with {copies:,} figures: {seconds:.2f} s")


if __name__ == "__main__":
    main()
