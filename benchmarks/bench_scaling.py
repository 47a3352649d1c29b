"""The numbers behind docs/scaling.md: throughput per core, the parent's cost per file, the output
per article, and the same corpus on a Dask LocalCluster.

    python benchmarks/bench_scaling.py [--count 600] [--no-dask]

CPU seconds, not only wall time, are reported: on a shared machine wall time says how busy the
neighbours were; the CPU a file costs is what extrapolates to N cores.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

from bench_corpus import make_corpus  # benchmarks/ is on sys.path when this file is run

from yantai_pledges.corpus import run_corpus


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def bench_serial(paths: list[Path], megabytes: float, folder: Path) -> None:
    """One process parses and writes JSON Lines: the rate of one core."""
    out = folder / "serial.jsonl"
    started, cpu = time.perf_counter(), time.process_time()
    summary = run_corpus(paths, jsonl=out, workers=1, translator=None, progress=False)
    wall, used = time.perf_counter() - started, time.process_time() - cpu
    count = len(paths)
    print(
        f"one core: {count} files in {wall:.2f} s wall, {used:.2f} s CPU = "
        f"{count / used:.0f} files per CPU-second ({megabytes / used:.2f} MB/s); "
        f"{summary.targets / count:.1f} targets per file"
    )
    size = out.stat().st_size
    print(f"  JSON Lines output: {size / count / 1024:.1f} KiB per file ({size / 2**20:.1f} MiB)")


def bench_pool(paths: list[Path], workers: int, folder: Path) -> None:
    """The CLI's JSON Lines run with worker processes: what the parent spends per file."""
    out = folder / f"pool-{workers}.jsonl"
    children, started, cpu = _children_cpu(), time.perf_counter(), time.process_time()
    run_corpus(paths, jsonl=out, workers=workers, translator=None, progress=False)
    wall, parent = time.perf_counter() - started, time.process_time() - cpu
    worker_cpu = _children_cpu() - children
    count = len(paths)
    print(
        f"workers={workers}: {wall:.2f} s wall = {count / wall:.0f} files/s; CPU: workers "
        f"{worker_cpu:.2f} s ({count / worker_cpu:.0f} files per CPU-second), parent "
        f"{parent:.2f} s ({parent / count * 1000:.2f} ms per file: one parent feeds at most "
        f"{worker_cpu / parent:.0f} busy workers)"
    )


def bench_bag(paths: list[Path], workers: int, folder: Path) -> None:
    """parse_bag on a LocalCluster of worker processes, written as partitioned JSON Lines."""
    import distributed  # noqa: PLC0415 - optional

    import yantai_pledges  # noqa: PLC0415

    started = time.perf_counter()
    with (
        distributed.LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),  # type: ignore[no-untyped-call]
    ):
        ready = time.perf_counter()
        bag = yantai_pledges.parse_bag(paths, translator=None, partition_size=100)
        lines = bag.map(json.dumps, ensure_ascii=False)  # type: ignore[no-untyped-call]
        lines.to_textfiles(str(folder / "bag" / "part-*.jsonl"))
        done = time.perf_counter()
    count = len(paths)
    print(
        f"Dask LocalCluster, {workers} processes: start {ready - started:.2f} s, parse and "
        f"write {done - ready:.2f} s = {count / (done - ready):.0f} files/s "
        f"({bag.npartitions} partitions of 100 files)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=600)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-dask", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        (folder / "corpus").mkdir()
        paths = make_corpus(folder / "corpus", args.count)
        megabytes = sum(path.stat().st_size for path in paths) / 1e6
        print(f"corpus: {len(paths)} files, {megabytes:.1f} MB")
        bench_serial(paths, megabytes, folder)
        bench_pool(paths, args.workers, folder)
        if not args.no_dask:
            bench_bag(paths, args.workers, folder)


if __name__ == "__main__":
    main()
