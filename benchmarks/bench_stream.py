"""End to end, A against B: the CLI's workbook and JSON Lines runs, and ``parse_many``'s scaling.

    python benchmarks/bench_stream.py --a /work/main/src --b src [--count 1000] [--rounds 3]

A and B are two source trees of the package (``src`` folders), e.g. main and a branch. Each
measure runs in a fresh process (``PYTHONPATH`` set to the tree), the variants interleaved
round by round so that a neighbour's load falls on both alike; the table gives the median of
the rounds: wall seconds, CPU seconds (the process and its workers, from ``wait4``) and peak
resident set (the largest of the process and its workers).

The corpus: the development sample's real articles (tests/fixtures/real/dev), their numbers
varied per copy (deterministically) so that every file is distinct, up to ``--count`` files.
Measures: ``jsonl`` = ``parse DIR --jsonl OUT --workers 2``; ``xlsx`` = ``parse DIR -o
OUT.xlsx --workers 2``; ``xlsx100`` the same on the first 100 files (memory flat in the
number of articles: its peak against ``xlsx``'s); ``many1``/``many2``/``many-default`` iterate
``parse_many`` with 1, 2 and the default number of workers, models and all.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import regex

DEV = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "real" / "dev"

# A whole number (not part of a longer one): the values a copy edits.
_NUMBER = regex.compile(
    r"""
    (?<![\d.])\d+(?![\d.])  # digits not inside a decimal or longer number
    """,
    regex.VERBOSE,
)

_PARSE_MANY = """
import sys
from pathlib import Path
from yantai_pledges.corpus import parse_many
from yantai_pledges.models import Article
paths = sorted(Path(sys.argv[1]).iterdir())
workers = None if sys.argv[2] == "default" else int(sys.argv[2])
targets = 0
for result in parse_many(paths, workers=workers, translator=None):
    if isinstance(result, Article):
        targets += len(result.targets)
print(targets)
"""


def make_corpus(folder: Path, count: int) -> list[Path]:
    """``count`` distinct files made from the development sample; return their paths."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(DEV.glob("*.txt"))]
    rng = random.Random(17)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    seen: set[str] = set()
    for number in range(count):
        text = texts[number % len(texts)]
        if number >= len(texts):  # the first copy of each is the article as it is

            def vary(match: regex.Match[str]) -> str:
                value = int(match.group())
                return str(max(1, value + rng.randint(-value // 4 - 1, value // 4 + 1)))

            text = _NUMBER.sub(vary, text)
            if text in seen:  # an article without numbers: a last line tells the copies apart
                text += f"\n\n（第{number}份）\n"
        seen.add(text)
        path = folder / f"a{number:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _run(command: Sequence[str], tree: str) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MiB) of one command, with ``tree`` first."""
    env = {**os.environ, "PYTHONPATH": tree}
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):  # 1: some input failed, which a corpus may have
        raise SystemExit(f"{command} failed with {process.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def _commands(name: str, corpus: Path, small: Path, out: Path) -> list[str]:
    cli = [sys.executable, "-c", "from yantai_pledges.cli import main; raise SystemExit(main())"]
    common = ["--translator", "none", "--quiet", "--force"]
    if name == "jsonl":
        return [*cli, "parse", str(corpus), "--jsonl", str(out / "o.jsonl"), "--workers", "2",
                *common]  # fmt: skip
    if name == "jsonl1":
        return [*cli, "parse", str(corpus), "--jsonl", str(out / "o.jsonl"), "--workers", "1",
                *common]  # fmt: skip
    if name == "xlsx":
        return [*cli, "parse", str(corpus), "-o", str(out / "o.xlsx"), "--workers", "2", *common]
    if name == "xlsx100":
        return [*cli, "parse", str(small), "-o", str(out / "s.xlsx"), "--workers", "2", *common]
    workers = name.removeprefix("many").removeprefix("-")
    return [sys.executable, "-c", _PARSE_MANY, str(corpus), workers]


MEASURES = ("jsonl", "jsonl1", "xlsx", "xlsx100", "many1", "many2", "many-default")


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--a", required=True, help="source tree A (a src folder)")
    options.add_argument("--b", required=True, help="source tree B (a src folder)")
    options.add_argument("--count", type=int, default=1000)
    options.add_argument("--rounds", type=int, default=3)
    options.add_argument("--only", nargs="+", choices=MEASURES, default=list(MEASURES))
    args = options.parse_args()
    trees = {"A": str(Path(args.a).resolve()), "B": str(Path(args.b).resolve())}
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        paths = make_corpus(folder / "corpus", args.count)
        small = folder / "small"
        small.mkdir()
        for path in paths[:100]:
            (small / path.name).write_bytes(path.read_bytes())
        size = sum(path.stat().st_size for path in paths) / 1e6
        print(f"corpus: {len(paths)} files, {size:.1f} MB; {os.cpu_count()} CPUs")
        results: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
        for round_number in range(args.rounds):
            for name in args.only:
                order = ("A", "B") if round_number % 2 == 0 else ("B", "A")
                for variant in order:
                    command = _commands(name, folder / "corpus", small, folder)
                    results.setdefault((name, variant), []).append(_run(command, trees[variant]))
        print(f"{'measure':<13} {'':1} {'wall s':>7} {'CPU s':>7} {'peak MiB':>9} {'files/s':>8}")
        for name in args.only:
            for variant in ("A", "B"):
                runs = results[(name, variant)]
                wall, cpu, rss = (statistics.median(column) for column in zip(*runs, strict=True))
                files = 100 if name == "xlsx100" else len(paths)
                print(
                    f"{name:<13} {variant:1} {wall:>7.2f} {cpu:>7.2f} {rss:>9.0f} "
                    f"{files / wall:>8.0f}"
                )


if __name__ == "__main__":
    main()
