"""Parse speed: median time per seed article, and MB/s on a 100× concatenation.

Run: ``python benchmarks/bench_parse.py``. Translation is off (``translator=None``) so the numbers
measure parsing plus the deterministic English of structured fields. Targets (docs/performance.md):
under 5 ms per seed article on a 2-core machine, and time linear in input size.

The seed is timed cold: before each parse the bounded per-line and per-word caches (speaker lines,
credits, numerals, metric phrases) are emptied, so repeating one article does not time a cache.
Data tables and compiled patterns stay loaded, as they do after the first parse of a session.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yantai_pledges

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_bad21ed3cf753cea.txt"


def _clear_text_caches() -> None:
    """Empty every bounded ``functools.lru_cache`` of the package (the per-text caches)."""
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] != "yantai_pledges":
            continue
        for value in vars(module).values():
            info: Callable[[], object] | None = getattr(value, "cache_info", None)
            if info is not None and getattr(info(), "maxsize", None) is not None:
                value.cache_clear()


def _median_seconds(text: str, repeats: int, *, cold: bool = True) -> float:
    timings = []
    for _ in range(repeats):
        if cold:
            _clear_text_caches()
        started = time.perf_counter()
        yantai_pledges.parse(text, translator=None)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def main() -> None:
    seed = SEED.read_text(encoding="utf-8")
    yantai_pledges.parse(seed, translator=None)  # warm caches (data tables, regexes)
    per_article = _median_seconds(seed, 100)
    print(f"seed article ({len(seed)} chars): median {per_article * 1000:.2f} ms per parse (cold)")
    warm = _median_seconds(seed, 100, cold=False)
    print(f"seed article, per-text caches warm: median {warm * 1000:.2f} ms per parse")
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
