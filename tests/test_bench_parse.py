"""The parse benchmark empties the caches it says it empties (docs/performance.md)."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import yantai_pledges
from benchmark_modules import load_benchmark

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_parse.py"


def _bench() -> ModuleType:
    return load_benchmark("bench_parse")


def test_text_caches_exist_and_are_emptied() -> None:
    bench = _bench()
    seed = bench.SEED.read_text(encoding="utf-8")
    yantai_pledges.parse(seed, translator=None)
    caches = bench._bounded_caches()
    assert set(bench._TEXT_CACHES) <= set(caches)
    bench._clear("new text")
    for name in bench._TEXT_CACHES:
        module_name, _, attribute = name.rpartition(".")
        cached = getattr(sys.modules[module_name], attribute)
        assert cached.cache_info().currsize == 0, name
    # Vocabulary caches stay warm in this mode: person names were filled by the parse above.
    names = sys.modules["yantai_pledges.translation.names"].person_name_english
    assert names.cache_info().currsize > 0
