"""Linear time on hostile input (issue 15): each family of ``benchmarks/bench_adversarial.py`` at
two sizes, ten times apart; the time per byte of the large one stays under 2.5 times the small one's.
Linear work keeps the ratio near 1 (0.4–1.2 measured here), quadratic work makes it grow with the
sizes: the old HTML reader on unfinished tags gave 4.5, the old turn finder on officials taking
turns 3.2 (the parse of the rest dilutes both at these sizes; larger ones give more). Both timings
are taken in the same test, in turn, each the fastest of five runs, in CPU time of the process,
so a busy machine disturbs both alike (with wall time, the fastest of three and a bound of 2, a
loaded machine once gave 2.1 and 2.3 on families whose ratio is about 1.1 on a quiet one)."""

from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Sequence

import pytest

import yantai_pledges
from benchmark_modules import load_benchmark
from yantai_pledges.layout.places import masthead_city

BENCH = load_benchmark("bench_adversarial")

SMALL, LARGE = 20_000, 200_000  # bytes of UTF-8
BOUND = 2.5
REPEATS = 5


@pytest.mark.slow
@pytest.mark.parametrize("family", BENCH.FAMILIES, ids=[f.name for f in BENCH.FAMILIES])
def test_time_per_byte_does_not_grow_with_the_size(family: object) -> None:
    small, large = family.generate(SMALL), family.generate(LARGE)  # type: ignore[attr-defined]
    BENCH.run(family, small)  # data tables and patterns loaded before timing
    # CPU time of this process, small and large in turn, the fastest of each: a burst of load
    # from elsewhere slows one run of both, not all runs of one.
    best = [float("inf"), float("inf")]
    for _ in range(REPEATS):
        for index, text in enumerate((small, large)):
            seconds = BENCH.seconds(family, text, clock=time.process_time)
            best[index] = min(best[index], seconds / BENCH.utf8_size(text))
    assert best[1] / best[0] < BOUND, f"{best[1] / best[0]:.1f}× per byte"


@pytest.mark.parametrize("family", BENCH.FAMILIES, ids=[f.name for f in BENCH.FAMILIES])
def test_generators_make_files_of_the_size_asked(family: object) -> None:
    for size in (1_000, 30_000):
        text = family.generate(size)  # type: ignore[attr-defined]
        assert size <= BENCH.utf8_size(text) < size * 1.1 + 2_000  # a unit is a paragraph at most
        assert family.generate(size) == text  # type: ignore[attr-defined]  # deterministic


GC_ROWS = [
    # (collector on before, text): the parse pauses the collector and leaves it as it found it
    pytest.param(True, "确保全年新开工项目130个以上。", id="on-parsed"),
    pytest.param(False, "确保全年新开工项目130个以上。", id="off-parsed"),
    pytest.param(True, "   ", id="on-error"),
    pytest.param(False, "   ", id="off-error"),
]


class _CollectorWatcher:
    """A translator that notes whether the cyclic collector runs while it is called."""

    name = "collector-watcher"

    def __init__(self) -> None:
        self.seen: list[bool] = []

    def translate_batch(self, texts: Sequence[str]) -> list[str | None]:
        self.seen.append(gc.isenabled())
        return [None for _ in texts]


@pytest.mark.parametrize(("enabled", "text"), GC_ROWS)
def test_parse_leaves_the_collector_as_it_found_it(enabled: bool, text: str) -> None:
    watcher = _CollectorWatcher()
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with contextlib.suppress(yantai_pledges.EmptyInputError):
            yantai_pledges.parse(text, translator=watcher)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
    # Paused while the article was built and translated (an empty text never gets that far).
    assert watcher.seen == ([False] if text.strip() else [])


def test_the_masthead_is_read_once_per_article_not_once_per_statement() -> None:
    # An operation count: the whole-article read behind a place taken from the masthead.
    text = BENCH.text_masthead_posts(20_000)
    masthead_city.cache_clear()
    article = yantai_pledges.parse(text, translator=None)
    assert len(article.statements) > 100
    places = {
        s.speaker.jurisdiction.name.zh
        for s in article.statements
        if s.speaker is not None and s.speaker.jurisdiction is not None
    }
    assert places == {"株洲市"}
    assert all(s.speaker is not None and s.speaker.jurisdiction for s in article.statements)
    assert masthead_city.cache_info().misses == 1
