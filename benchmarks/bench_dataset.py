"""Time and peak memory of the dataset writers: ``to_sqlite``, ``to_parquet``, ``to_csv``.

Run: ``python benchmarks/bench_dataset.py [--count 1000] [--kind factory seed]``. Articles are
made lazily, each a shallow copy of one template with its own source (path and digest, so the
database holds them all), so the numbers are the writers' own: ``factory`` is
the test factory's article (2 statements, 9 targets, 2 milestones), ``seed`` the seed article
parsed once (8 statements, 52 targets) and copied. Each writer runs in a fresh process: time
without tracemalloc, then peak Python memory with it (tracemalloc does not see SQLite's or
Arrow's own C allocations), and the process's peak resident set (``ru_maxrss``) against the
same process before writing. ``sqlite again`` writes the same articles into the existing
database (every article replaced, the row counts unchanged).
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import yantai_pledges
from factories import make_article
from yantai_pledges.export import to_csv, to_parquet, to_sqlite
from yantai_pledges.models import Article, Source

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_bad21ed3cf753cea.txt"
WRITERS: dict[str, Callable[[Iterator[Article], Path], Path]] = {
    "sqlite": to_sqlite,
    "sqlite again": to_sqlite,
    "parquet": to_parquet,
    "csv": to_csv,
}
SUFFIX = {"sqlite": ".sqlite", "sqlite again": ".sqlite", "parquet": ".parquet", "csv": ".csv"}


def _template(kind: str) -> Article:
    if kind == "seed":
        return yantai_pledges.parse(SEED.read_bytes(), translator="glossary")
    return make_article()


def articles(kind: str, count: int) -> Iterator[Article]:
    template = _template(kind)
    for number in range(1, count + 1):
        digest = hashlib.sha256(f"{kind} {number}".encode()).hexdigest()
        source = Source(path=f"{kind}/{number:05d}.txt", encoding="utf-8", sha256=digest)
        yield template.model_copy(update={"source": source})  # shallow: the writers only read


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(writer: str, kind: str, count: int, folder: Path) -> str:
    """One writer in this process: seconds, tracemalloc peak, RSS growth, file size."""
    target = folder / f"bench{SUFFIX[writer]}"
    write = WRITERS[writer]
    write(articles(kind, 1), folder / f"warm{SUFFIX[writer]}")  # imports, first-use caches
    if writer == "sqlite again":
        write(articles(kind, count), target)
    before = _rss_mib()
    started = time.perf_counter()
    write(articles(kind, count), target)
    seconds = time.perf_counter() - started
    rss = _rss_mib() - before
    # Traced once more: into a new file, or again into the full database (the same work).
    traced = target if writer == "sqlite again" else folder / f"traced{SUFFIX[writer]}"
    tracemalloc.start()
    write(articles(kind, count), traced)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rows = sum(len(s.targets) + len(s.milestones) for a in articles(kind, 1) for s in a.statements)
    return (
        f"{writer:>12}  {kind:>7}  {count:>8}  {rows * count:>7}  {seconds:>7.2f}  "
        f"{1000 * seconds / count:>10.2f}  {peak / 2**20:>8.1f}  {rss:>7.1f}  "
        f"{target.stat().st_size / 2**20:>8.1f}"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--count", type=int, nargs="+", default=[1000])
    parser.add_argument("--kind", nargs="+", default=["factory", "seed"])
    parser.add_argument(
        "--one", nargs=3, metavar=("WRITER", "KIND", "COUNT"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.one:
        with tempfile.TemporaryDirectory() as folder:
            print(measure(args.one[0], args.one[1], int(args.one[2]), Path(folder)))
        return 0
    print(
        f"{'writer':>12}  {'kind':>7}  {'articles':>8}  {'rows':>7}  {'seconds':>7}  "
        f"{'ms/article':>10}  {'peak MiB':>8}  {'RSS +MiB':>7}  {'file MiB':>8}"
    )
    for kind in args.kind:
        for count in args.count:
            for writer in WRITERS:
                one = [sys.executable, __file__, "--one", writer, kind, str(count)]
                print(
                    subprocess.run(one, capture_output=True, text=True, check=True).stdout, end=""
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
