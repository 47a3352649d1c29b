"""Corpus throughput: articles/s and MB/s with 1 and 2 workers, peak memory, progress-bar cost.

    python benchmarks/bench_corpus.py [--count 1000] [--workers 1 2]

The corpus is the seed article with its numbers and names varied (deterministically), written
to a temporary folder in the encodings and formats a real archive mixes. Memory: the parent's
Python allocations (tracemalloc peak) and every worker's peak resident set (``VmHWM`` sampled
from /proc: workers are forked by a fork server, so they are not the parent's children and
``RUSAGE_CHILDREN`` would not see them; ``ru_maxrss`` of the parent is printed as well).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import resource
import tempfile
import threading
import time
import tracemalloc
from pathlib import Path

import regex
from tqdm import tqdm

from yantai_pledges.corpus import parse_many, run_corpus
from yantai_pledges.models import Article

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_bad21ed3cf753cea.txt"
NAMES = ["牟树青", "包华", "王建华", "李晓明", "张立新", "陈红", "刘志强", "赵丽", "孙伟", "周敏"]
STORAGE = ["utf-8", "utf-8", "gb18030", "utf-8-sig", "html"]

# A whole number (not part of a longer one): the values a variant edits.
_NUMBER = regex.compile(
    r"""
    (?<![\d.])\d+(?![\d.])  # digits not inside a decimal or longer number
    """,
    regex.VERBOSE,
)


def make_corpus(folder: Path, count: int) -> list[Path]:
    """Write ``count`` variants of the seed article; return their paths."""
    seed = SEED.read_text(encoding="utf-8")
    rng = random.Random(2023)
    paths = []
    for number in range(count):

        def vary(match: regex.Match[str]) -> str:
            value = int(match.group())
            return str(max(1, value + rng.randint(-value // 4 - 1, value // 4 + 1)))

        text = _NUMBER.sub(vary, seed)
        text = text.replace("牟树青", NAMES[number % len(NAMES)])
        text = text.replace("包华", NAMES[(number + 3) % len(NAMES)])
        storage = STORAGE[number % len(STORAGE)]
        if storage == "html":
            body = "".join(f"<p>{paragraph}</p>\n" for paragraph in text.split("\n\n"))
            path = folder / f"a{number:05d}.html"
            path.write_text(f"<html><body><nav>首页</nav>{body}</body></html>", "utf-8")
        else:
            path = folder / f"a{number:05d}.txt"
            path.write_bytes(text.encode(storage))
        paths.append(path)
    return paths


class _WorkerMemory:
    """Samples the peak resident set (VmHWM) of this process's descendants until stopped."""

    def __init__(self) -> None:
        self.peak_kib = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> _WorkerMemory:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.wait(0.05):
            for pid in _descendants(os.getpid()):
                self.peak_kib = max(self.peak_kib, _vm_hwm_kib(pid))


def _parents() -> dict[int, int]:
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
    return parents


def _descendants(root: int) -> list[int]:
    parents = _parents()
    found = []
    for pid in parents:
        ancestor = parents.get(pid)
        while ancestor is not None and ancestor > 1:
            if ancestor == root:
                found.append(pid)
                break
            ancestor = parents.get(ancestor)
    return found


def _vm_hwm_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return 0
    return 0


def bench_workers(paths: list[Path], workers: int, megabytes: float) -> float:
    """Parse the corpus; print the numbers; return articles per second.

    Timing and memory are two passes: tracemalloc slows allocation-heavy code several times,
    and with one worker the parsing runs in the traced process.
    """
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    children_cpu_started = children.ru_utime + children.ru_stime
    started = time.perf_counter()
    cpu_started = time.process_time()
    articles = targets = errors = 0
    for result in parse_many(paths, workers=workers, translator=None):
        if isinstance(result, Article):
            articles += 1
            targets += len(result.targets)
        else:
            errors += 1
    elapsed = time.perf_counter() - started
    parent_cpu = time.process_time() - cpu_started
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # forked workers, reaped at the end
    worker_cpu = children.ru_utime + children.ru_stime - children_cpu_started
    rate = len(paths) / elapsed
    print(
        f"workers={workers}: {len(paths)} files in {elapsed:.2f} s = {rate:.1f} articles/s, "
        f"{megabytes / elapsed:.2f} MB/s; {articles} articles, {targets} targets, {errors} errors; "
        f"CPU: parent {parent_cpu:.2f} s, workers {worker_cpu:.2f} s"
    )
    # On a busy machine wall time says little; this is the rate if each process had a core.
    busiest = max(parent_cpu, worker_cpu / workers) if workers > 1 else parent_cpu
    print(f"  CPU-bound rate (a core per process): {len(paths) / busiest:.1f} articles/s")
    sample = paths[: min(200, len(paths))]
    tracemalloc.start()
    with _WorkerMemory() as memory:
        for _ in parse_many(sample, workers=workers, translator=None):
            pass
    _, parent_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    worker_peak = f"{memory.peak_kib / 1024:.0f} MiB" if memory.peak_kib else "n/a (in-process)"
    print(
        f"  memory ({len(sample)} files): parent Python peak {parent_peak / 2**20:.1f} MiB "
        f"(tracemalloc), parent max RSS "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB, "
        f"worker peak RSS {worker_peak} (/proc VmHWM), children ru_maxrss "
        f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MiB"
    )
    return rate


def bench_jsonl(paths: list[Path], workers: int, megabytes: float, folder: Path) -> float:
    """The CLI's corpus run to JSON Lines (``yantai-pledges parse DIR --jsonl OUT``); articles/s."""
    out = folder / f"out-{workers}.jsonl"
    started = time.perf_counter()
    summary = run_corpus(paths, jsonl=out, workers=workers, translator=None, progress=False)
    elapsed = time.perf_counter() - started
    rate = len(paths) / elapsed
    print(
        f"JSON Lines run, workers={workers}: {elapsed:.2f} s = {rate:.1f} articles/s, "
        f"{megabytes / elapsed:.2f} MB/s; {summary.articles} articles, {summary.targets} targets"
    )
    return rate


def bench_progress(paths: list[Path]) -> None:
    """The cost of the progress bar: the same in-process run with and without it."""
    timings = {}
    for shown in (False, True):
        started = time.perf_counter()
        run_corpus(paths, workers=1, translator=None, progress=shown, progress_stream=io.StringIO())
        timings[shown] = time.perf_counter() - started
    overhead = timings[True] - timings[False]
    print(
        f"progress bar: {timings[False]:.2f} s without, {timings[True]:.2f} s with "
        f"({overhead * 1000 / len(paths):+.3f} ms per file, noise included)"
    )
    bar = tqdm(total=100_000, file=io.StringIO())
    started = time.perf_counter()
    for count in range(100_000):
        bar.update(1)
        bar.set_postfix_str(f"{count} targets, 0 errors", refresh=False)
    bar.close()
    per_update = (time.perf_counter() - started) / 100_000
    print(f"  tqdm update + postfix alone: {per_update * 1e6:.1f} µs per file")


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--count", type=int, default=1000)
    options.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = options.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        paths = make_corpus(Path(folder), args.count)
        megabytes = sum(path.stat().st_size for path in paths) / 1e6
        print(f"corpus: {len(paths)} files, {megabytes:.1f} MB; {os.cpu_count()} CPUs")
        for path in paths[:20]:  # warm the parser's lazy tables once, as a long run would
            parse_many([path], workers=1, translator=None).__next__()
        rates = {workers: bench_workers(paths, workers, megabytes) for workers in args.workers}
        if 1 in rates:
            for workers, rate in rates.items():
                if workers != 1:
                    print(f"speed-up with {workers} workers: {rate / rates[1]:.2f}×")
        jsonl_rates = {
            workers: bench_jsonl(paths, workers, megabytes, Path(folder))
            for workers in args.workers
        }
        if 1 in jsonl_rates:
            for workers, rate in jsonl_rates.items():
                if workers != 1:
                    print(
                        f"JSON Lines run, speed-up with {workers} workers: {rate / jsonl_rates[1]:.2f}×"
                    )
        bench_progress(paths[: min(200, len(paths))])


if __name__ == "__main__":
    main()
