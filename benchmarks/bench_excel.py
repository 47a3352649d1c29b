"""Time and peak memory of ``to_excel`` for 1, 100 and 1,000 articles.

Run: ``.venv/bin/python benchmarks/bench_excel.py [counts...]``. Articles come from the test
factory (two statements, nine targets, two milestones, six paragraphs each) and are generated
lazily, so the peak measures the writer, not a list of inputs. Time is measured without
tracemalloc (which slows Python down), peak memory in a second run with it.

``--seed [RUNS]``: the seed article's workbook as the CLI writes it (parsed once without machine
translation, then written RUNS times, default 30): the median and the fastest ms per workbook.
"""

from __future__ import annotations

import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from factories import make_article
from yantai_pledges.export import to_excel
from yantai_pledges.models import Article

DEFAULT_COUNTS = (1, 100, 1000)


def _articles(count: int) -> Iterator[Article]:
    template = make_article()
    for number in range(1, count + 1):
        article = template.model_copy(deep=True)
        if article.title is not None:
            article.title.zh = f"{article.title.zh}（{number}）"
        yield article


def _run(count: int, folder: Path) -> tuple[float, float, int]:
    """Seconds, peak MiB under tracemalloc, and file size in bytes for ``count`` articles."""
    target = folder / f"bench-{count}.xlsx"
    started = time.perf_counter()
    to_excel(_articles(count), target)
    seconds = time.perf_counter() - started
    tracemalloc.start()
    to_excel(_articles(count), target)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak / 2**20, target.stat().st_size


SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_bad21ed3cf753cea.txt"


def seed_times(runs: int) -> list[float]:
    """Seconds of each of ``runs`` writes of the seed article's workbook (after one warm-up)."""
    import yantai_pledges  # noqa: PLC0415 - only this mode parses

    article = yantai_pledges.parse(SEED.read_bytes(), translator=None)
    times = []
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "seed.xlsx"
        to_excel(article, target)
        for _ in range(runs):
            started = time.perf_counter()
            to_excel(article, target)
            times.append(time.perf_counter() - started)
    return times


def main(argv: list[str]) -> int:
    if argv[:1] == ["--seed"]:
        times = sorted(seed_times(int(argv[1]) if len(argv) > 1 else 30))
        median = times[len(times) // 2]
        print(f"seed workbook: median {1000 * median:.1f} ms, fastest {1000 * times[0]:.1f} ms")
        return 0
    counts = [int(arg) for arg in argv] or list(DEFAULT_COUNTS)
    to_excel(_articles(1), Path(tempfile.gettempdir()) / "bench-warmup.xlsx")  # imports, glossary
    print(f"{'articles':>8}  {'seconds':>8}  {'ms/article':>10}  {'peak MiB':>8}  {'file KiB':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for count in counts:
            seconds, peak, size = _run(count, Path(folder))
            print(
                f"{count:>8}  {seconds:>8.2f}  {1000 * seconds / count:>10.1f}  "
                f"{peak:>8.1f}  {size / 1024:>8.0f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
