"""Time and peak memory of ``to_excel`` for 1, 100 and 1,000 articles.

Run: ``.venv/bin/python benchmarks/bench_excel.py [counts...]``. Articles come from the test
factory (two statements, nine targets, two milestones, six paragraphs each) and are generated
lazily, so the peak measures the writer, not a list of inputs. Time is measured without
tracemalloc (which slows Python down), peak memory in a second run with it.
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


def main(argv: list[str]) -> int:
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
