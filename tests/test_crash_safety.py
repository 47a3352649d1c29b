"""A corpus run killed with SIGKILL: no worker outlives it, its records stay valid,
``--resume`` finishes the job with every input recorded exactly once, and the temporary files
of its half-written tables are removed by the next run.

The CLI runs as a real subprocess (nothing of the test process is shared with it) on a corpus
big enough to be killed mid-run; the kill points are line counts drawn from a seeded generator,
so they do not depend on the machine's speed.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import yantai_pledges
from test_corpus import _article_text
from yantai_pledges.export import to_csv
from yantai_pledges.export._atomic import remove_stale_temporaries

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads the process tree from /proc"
)

CORPUS_SIZE = 360
KILL_POINTS = sorted(random.Random(15).sample(range(10, CORPUS_SIZE - 30), 3))
_CLI = "import sys; from yantai_pledges.cli import main; sys.exit(main())"
_SOURCE = str(Path(yantai_pledges.__file__).resolve().parents[1])  # this checkout's code


def _corpus(root: Path) -> list[Path]:
    """Articles with a few bad files among them (their error records must survive too)."""
    root.mkdir()
    paths = []
    for number in range(CORPUS_SIZE):
        path = root / f"a{number:04d}.txt"
        if number % 97 == 13:
            path.write_bytes(b"\x80\xff\xfe" * number)  # not text (and no two alike): an error
        else:
            path.write_text(_article_text(number), encoding="utf-8")
        paths.append(path)
    return paths


def _command(root: Path, out: Path, *extra: str) -> list[str]:
    options = ["--jsonl", str(out), "--workers", "2", "-q", "--translator", "none", *extra]
    return [sys.executable, "-c", _CLI, "parse", str(root), *options]


def _environment() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": _SOURCE, "PYTHONHASHSEED": "0"}


def _descendants(pid: int) -> set[int]:
    """Every process below ``pid`` (workers, and a fork server's workers), from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue  # gone meanwhile
            parents[int(entry.name)] = int(stat.rpartition(")")[2].split()[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _running(pid: int) -> bool:
    """Whether ``pid`` is a live process (a zombie waiting for init to reap it is dead)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] not in {"Z", "X"}


def _line_count(path: Path) -> int:
    try:
        with path.open("rb") as stream:
            return sum(block.count(b"\n") for block in iter(lambda: stream.read(1 << 16), b""))
    except FileNotFoundError:
        return 0


def _kill_when(process: subprocess.Popen[bytes], out: Path, lines: int) -> set[int]:
    """SIGKILL the run once ``out`` has ``lines`` lines; return the processes it had started."""
    deadline = time.monotonic() + 60
    while _line_count(out) < lines:
        assert process.poll() is None, "the run finished before the kill point: a bigger corpus"
        assert time.monotonic() < deadline, "the run made no progress"
        time.sleep(0.005)
    workers = _descendants(process.pid)
    process.send_signal(signal.SIGKILL)
    process.wait()
    return workers


def _assert_complete_lines_valid(out: Path) -> None:
    *complete, _partial = out.read_bytes().split(b"\n")  # after the last newline: maybe half a line
    for line in complete:
        record = json.loads(line)
        assert record["type"] in {"article", "error"}


def test_kill_9_at_random_points_leaves_no_process_and_resume_completes(tmp_path: Path) -> None:
    paths = _corpus(tmp_path / "corpus")
    out = tmp_path / "killed.jsonl"
    for number, point in enumerate(KILL_POINTS):
        extra = ("--resume",) if number else ()
        process = subprocess.Popen(_command(tmp_path / "corpus", out, *extra), env=_environment())
        workers = _kill_when(process, out, point)
        assert len(workers) >= 2, "killed before the workers started"
        deadline = time.monotonic() + 10
        while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        survivors = [pid for pid in workers if _running(pid)]
        for pid in survivors:  # a failing run must not leave them behind either
            os.kill(pid, signal.SIGKILL)
        assert not survivors, "workers outlived their parent"
        _assert_complete_lines_valid(out)

    finish = subprocess.run(
        _command(tmp_path / "corpus", out, "--resume"), env=_environment(), check=False
    )
    assert finish.returncode == 1  # the undecodable files are recorded as failed
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [record["path"] for record in records] == [str(path) for path in paths]

    # The killed-and-resumed output is the very output of a run that was never interrupted,
    # with another number of workers and another hash seed.
    whole = tmp_path / "whole.jsonl"
    command = [*_command(tmp_path / "corpus", whole), "--workers", "3"]
    subprocess.run(command, env={**_environment(), "PYTHONHASHSEED": "1"}, check=False)
    assert out.read_bytes() == whole.read_bytes()


# -- temporary files of a killed write ---------------------------------------------------------

# (file beside targets.csv, removed by the next write of targets.csv)
NEIGHBOURS = [
    (".targets.csv.k3j_x9a0.tmp", True),  # a dead writer's temporary file
    (".targets.csv.0000abcd.tmp", True),
    (".pledges.db.0000abcd.tmp-journal", False),  # another target's
    (".targets.csv.0000abcd.tmp.bak", False),  # not what a writer makes
    (".targets.csv.toolong99.tmp", False),
    ("targets.csv.0000abcd.tmp", False),  # not hidden: not ours
    (".targets.csv.notes", False),
]


def test_stale_temporary_files_are_removed_and_nothing_else(tmp_path: Path) -> None:
    for name, _ in NEIGHBOURS:
        (tmp_path / name).write_bytes(b"half a table")
    to_csv([], tmp_path / "targets.csv")
    left = {path.name for path in tmp_path.iterdir()}
    assert left == {"targets.csv"} | {name for name, removed in NEIGHBOURS if not removed}


def test_a_journal_goes_with_its_dead_database_and_stays_with_a_live_one(tmp_path: Path) -> None:
    import fcntl

    dead, live = tmp_path / ".p.db.deadbeef.tmp", tmp_path / ".p.db.a1ive000.tmp"
    for path in (dead, live):
        path.write_bytes(b"")
        path.with_name(path.name + "-journal").write_bytes(b"")
    orphan = tmp_path / ".p.db.nobody00.tmp-wal"  # its database file is already gone
    orphan.write_bytes(b"")
    with live.open("rb") as holder:  # a writer still at work holds its lock
        fcntl.flock(holder, fcntl.LOCK_EX)
        removed = remove_stale_temporaries(tmp_path / "p.db")
    assert sorted(path.name for path in removed) == sorted(
        [dead.name, dead.name + "-journal", orphan.name]
    )
    assert live.exists()
    assert live.with_name(live.name + "-journal").exists()


def test_a_killed_run_leaves_temporary_files_the_next_run_removes(tmp_path: Path) -> None:
    _corpus(tmp_path / "corpus")
    table, out = tmp_path / "targets.csv", tmp_path / "out.jsonl"
    command = _command(tmp_path / "corpus", out, "--csv", str(table))
    process = subprocess.Popen(command, env=_environment())
    _kill_when(process, out, 20)  # mid-run: the table is being written to its temporary file
    assert [path.name for path in tmp_path.glob(".targets.csv.*.tmp")]
    subprocess.run(command, env=_environment(), check=False)
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "corpus",
        "out.jsonl",
        "targets.csv",
    ]
