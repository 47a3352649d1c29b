"""Parsing many inputs in input order: in this process, or in a pool of worker processes.

Workers read and parse (the CPU-bound part) without machine translation and ship each article
back as its JSON; results come back in input order through a bounded window of inputs in
flight, so memory stays flat however large the corpus. A file that cannot be read or parsed —
or that crashes the parser, kills its worker process, or takes longer than the time limit —
becomes a :class:`~yantai_pledges.models.FileError` in its place, and the run goes on.

The pool is this module's own, not :class:`concurrent.futures.ProcessPoolExecutor`, for three
things an executor cannot give: the parent knows which input each worker is on and since when
(so a hung worker is killed and replaced after ``timeout`` seconds, and a crash is pinned on
its input without re-running anything), and workers exit when the parent dies, even by
``kill -9`` (a Linux parent-death signal, and on every system a thread that watches the
parent's sentinel).
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import queue
import signal
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Iterable, Iterator, Sized
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import InputError, YantaiPledgesError
from ..models import Article, FileError
from ..sources import read_source

__all__ = [
    "DEFAULT_TIMEOUT",
    "Item",
    "Result",
    "ShippedArticle",
    "parse_in_order",
    "parse_item",
    "unship",
]

Item = str | bytes | Path
Result = Article | FileError

DEFAULT_TIMEOUT = 120.0  # seconds one input may take in a worker (``--timeout``)
_QUEUED_PER_WORKER = 2  # inputs sent to a worker ahead: the next one is there when it finishes
_WINDOW_PER_WORKER = 8  # inputs in flight per worker, finished or not: bounds the reorder buffer
_STOP_GRACE = 2.0  # seconds a worker has to exit after its task pipe is closed


def _label(item: Item, position: int) -> str:
    """How an input is named in records: its path, or its position for in-memory text."""
    if isinstance(item, Path):
        return str(item)
    return f"<input {position}>"


# -- one item (runs in a worker) ---------------------------------------------------------------


def parse_item(item: Item, label: str, year: int | None) -> Result:
    """Read (for a path) and parse one input without machine translation; never raises."""
    try:
        from ..pipeline import parse  # noqa: PLC0415 - imported in the worker, where it is used

        if isinstance(item, Path):
            text, source = read_source(item)
            return parse(text, year=year, translator=None, source=source)
        return parse(item, year=year, translator=None)
    except YantaiPledgesError as error:
        return FileError(path=label, error=type(error).__name__, message=str(error))
    except Exception as error:  # any parser bug must become a record, not stop the run
        return FileError(path=label, error=type(error).__name__, message=_unexpected(error))


def _unexpected(error: Exception) -> str:
    frames = traceback.extract_tb(error.__traceback__)
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    return f"{error} (unexpected error{where}; please report it with this input)"


# What a worker sends back: an article as its JSON text (cheaper to make and to read back than a
# pickle of the model tree: measured 0.6 + 1.2 ms against 2.1 + 2.8 ms for the seed), or an error.
class ShippedArticle(NamedTuple):
    """An article as a worker sends it back: its JSON (cheaper to move between processes than
    a pickled model) and what the main process needs to know without validating that JSON."""

    json: str
    targets: int
    label: str
    path: str | None
    sha256: str | None


_Shipped = ShippedArticle | FileError


def _ship(result: Result, label: str) -> _Shipped:
    if isinstance(result, FileError):
        return result
    source = result.source
    return ShippedArticle(
        result.model_dump_json(),
        len(result.targets),
        label,
        source.path if source is not None else None,
        source.sha256 if source is not None else None,
    )


def unship(shipped: Result | ShippedArticle) -> Result:
    """The model of a shipped article (a result parsed here is returned as it is)."""
    if not isinstance(shipped, ShippedArticle):
        return shipped
    try:
        return Article.model_validate_json(shipped.json)
    except ValueError as error:  # the parser built an article its own model rejects: a bug
        return FileError(path=shipped.label, error=type(error).__name__, message=_unexpected(error))


def crashed_error(label: str) -> FileError:
    """The record of an input whose worker process died while parsing it."""
    return FileError(
        path=label,
        error="WorkerCrashed",
        message="the parser process died on this input (killed or crashed); "
        "please report it with this input",
    )


def timeout_error(label: str, timeout: float) -> FileError:
    """The record of an input that took longer than the per-file time limit."""
    return FileError(
        path=label,
        error="Timeout",
        message=f"parsing took longer than the time limit ({timeout:g} s); the worker was "
        "stopped and replaced; raise the limit with --timeout, or report the input if it is "
        "not unusually large",
    )


# -- the worker process ------------------------------------------------------------------------

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _die_with_parent(use_death_signal: bool) -> None:
    """Make this worker exit when its parent process dies, however the parent died.

    On Linux the kernel sends SIGKILL when the parent exits (``PR_SET_PDEATHSIG``): that works
    even while the worker is stuck in C code. The signal follows the *thread* that started the
    worker, so the parent asks for it only when that thread is one that lives as long as the
    process. Everywhere, a daemon thread also waits on the parent's sentinel (a pipe, or a
    process handle on Windows, that becomes ready when the parent is gone) and exits then.
    """
    if use_death_signal and sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return
    sentinel = parent.sentinel

    def watch() -> None:
        wait([sentinel])
        os._exit(1)  # the parent is gone: nobody will read a result; no cleanup to do

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _serve(tasks: Connection, results: Connection, year: int | None, death_signal: bool) -> None:
    """A worker: parse the inputs that arrive on ``tasks``, send each result on ``results``."""
    _die_with_parent(death_signal)
    # Ctrl-C reaches the whole process group; the parent decides what happens, and stops us.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    inbox: queue.SimpleQueue[tuple[int, Item, str] | None] = queue.SimpleQueue()

    def read_tasks() -> None:
        # Tasks are read as they arrive, so the parent never blocks sending one while this
        # process is blocked sending it a (large) result.
        try:
            while (task := tasks.recv()) is not None:
                inbox.put(task)
        except (EOFError, OSError):
            pass
        inbox.put(None)

    threading.Thread(target=read_tasks, name="task-reader", daemon=True).start()
    results.send(None)  # ready: the parent starts the first input's clock now
    while (task := inbox.get()) is not None:
        position, item, label = task
        results.send((position, _ship(parse_item(item, label, year), label)))


def _mp_context() -> multiprocessing.context.BaseContext:
    """How to start workers: fork when it is safe, else a fork server, else spawn.

    Forking is fast and, unlike the other two, does not re-import the caller's ``__main__`` in
    every worker (a script without an ``if __name__ == "__main__"`` guard just works). It is
    unsafe when other threads run (a lock held by one stays held in the child), so a process
    with threads gets a fork server, or spawn where there is none (Windows, macOS).
    """
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        # Workers fork from a server that has already imported the parser: fast start-up.
        context.set_forkserver_preload(["yantai_pledges.pipeline", "yantai_pledges.corpus"])
        return context
    return multiprocessing.get_context("spawn")


# -- many items --------------------------------------------------------------------------------


def parse_in_order(
    items: Iterable[Item],
    workers: int | None,
    year: int | None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Iterator[Result | ShippedArticle]:
    """Parse in this process (``workers=1``) or in worker processes, in input order; articles
    from workers stay shipped until the caller needs them as models. ``timeout`` is the time
    limit per input in a worker (``None``: none); in this process nothing can enforce one."""
    worker_count = workers if workers is not None else (os.cpu_count() or 1)
    if worker_count < 1:
        raise InputError(f"workers must be at least 1, not {worker_count}")
    if timeout is not None and not timeout > 0:
        raise InputError(f"timeout must be a positive number of seconds, not {timeout}")
    pool_size = worker_count
    if worker_count > 1 and isinstance(items, Sized):
        # No more workers than inputs: a worker started for nothing costs a start-up (and the
        # parser's first call) and a share of the cores. One input still gets a worker of its
        # own (the time limit, and a crash that cannot take this process with it).
        pool_size = min(worker_count, len(items))
    labelled = ((item, _label(item, position)) for position, item in enumerate(items))
    if worker_count == 1 or pool_size == 0:
        return (parse_item(item, label, year) for item, label in labelled)
    return _OrderedPool(pool_size, year, timeout).run(labelled)


_Task = tuple[int, Item, str]  # position, input, label


class _Worker:
    """One worker process, its two pipes, and the inputs sent to it, oldest (the one it is
    parsing) first."""

    def __init__(self, context: Any, year: int | None) -> None:
        task_reader, self.tasks = multiprocessing.Pipe(duplex=False)
        self.results, result_writer = multiprocessing.Pipe(duplex=False)
        # The parent-death signal follows the thread that forks; a fork server's is its main.
        death_signal = (
            context.get_start_method() == "forkserver"
            or threading.current_thread() is threading.main_thread()
        )
        self.process: BaseProcess = context.Process(
            target=_serve,
            args=(task_reader, result_writer, year, death_signal),
            name="yantai-pledges-worker",
            daemon=True,
        )
        self.process.start()
        task_reader.close()  # the worker's ends: closed here, so EOF means what it says
        result_writer.close()
        self.queued: deque[_Task] = deque()
        self.ready = False
        self.dead = False
        self.started = time.monotonic()  # when the oldest queued input began (once ready)

    def send(self, task: _Task) -> bool:
        """Send an input; ``False`` if the worker is gone (the input is not queued then)."""
        try:
            self.tasks.send(task)
        except OSError:  # a broken pipe: it died; _collect replaces it
            self.dead = True
            return False
        if not self.queued:
            self.started = time.monotonic()
        self.queued.append(task)
        return True

    def finished_one(self) -> _Task:
        self.started = time.monotonic()
        return self.queued.popleft()

    def stop(self, *, kill: bool) -> None:
        # A message, not just closing the pipe: a worker forked later holds a copy of this end.
        with contextlib.suppress(OSError):
            if not kill:
                self.tasks.send(None)
            self.tasks.close()
        if not kill:
            self.process.join(_STOP_GRACE)
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.results.close()
        self.process.close()


class _OrderedPool:
    """Worker processes fed inputs one by one, yielding results in input order.

    Each worker has a few inputs queued; the parent knows which one it is on (the oldest
    unanswered) and since when. A worker that dies, or overruns the time limit on its input
    (it is then killed), is replaced; that input becomes a ``WorkerCrashed`` or ``Timeout``
    error and the inputs queued behind it are sent again.
    """

    def __init__(self, workers: int, year: int | None, timeout: float | None) -> None:
        self.size = workers
        self.year = year
        self.timeout = timeout
        self.context = _mp_context()
        self.workers: list[_Worker] = []
        self.done: dict[int, Result | ShippedArticle] = {}
        self.retry: deque[_Task] = deque()
        self.handles: dict[Any, _Worker] | None = None  # what _collect waits on

    def run(self, labelled: Iterator[tuple[Item, str]]) -> Iterator[Result | ShippedArticle]:
        window = self.size * _WINDOW_PER_WORKER
        tasks = ((position, item, label) for position, (item, label) in enumerate(labelled))
        next_position = 0  # the next input to yield
        issued = 0  # inputs taken from ``tasks``
        exhausted = False
        clean = False
        try:
            self.workers = [_Worker(self.context, self.year) for _ in range(self.size)]
            while True:
                # Hand out inputs: retries first, then new ones while the window has room.
                for worker in self.workers:
                    while not worker.dead and len(worker.queued) < _QUEUED_PER_WORKER:
                        task: _Task | None = None
                        if self.retry:
                            task = self.retry.popleft()
                        elif not exhausted and issued - next_position < window:
                            task = next(tasks, None)
                            exhausted = task is None
                            issued += not exhausted
                        if task is None:
                            break
                        if not worker.send(task):
                            self.retry.appendleft(task)
                while next_position in self.done:
                    yield self.done.pop(next_position)
                    next_position += 1
                if exhausted and next_position == issued:
                    clean = True
                    return
                self._collect()
        finally:
            for worker in self.workers:
                worker.stop(kill=not clean)
            self.workers = []

    def _collect(self) -> None:
        """Wait for results (or a death, or a deadline) and take in whatever happened."""
        if self.handles is None:  # rebuilt only when a worker is replaced
            self.handles = {}
            for worker in self.workers:
                self.handles[worker.results] = worker
                self.handles[worker.process.sentinel] = worker
        for handle in wait(list(self.handles), timeout=self._seconds_to_deadline()):
            worker = self.handles[handle]
            self._receive(worker)
            if handle == worker.process.sentinel:  # it exited: take what it sent before
                self._receive(worker)
                worker.dead = True
        now = time.monotonic()
        for worker in list(self.workers):
            if worker.dead:
                self._replace(worker, None)
            elif self._overdue(worker, now):
                self._replace(worker, timeout_error(worker.queued[0][2], self.timeout or 0))

    def _receive(self, worker: _Worker) -> None:
        """Take every result the worker has sent so far; note its death if its pipe is closed."""
        try:
            while worker.results.poll():
                message = worker.results.recv()
                if message is None:
                    worker.ready = True
                    worker.started = time.monotonic()
                    continue
                position, shipped = message
                worker.finished_one()
                self.done[position] = shipped
        except (EOFError, OSError):
            worker.dead = True

    def _overdue(self, worker: _Worker, now: float) -> bool:
        return (
            self.timeout is not None
            and worker.ready
            and bool(worker.queued)
            and now - worker.started > self.timeout
        )

    def _seconds_to_deadline(self) -> float | None:
        if self.timeout is None:
            return None
        busy = [worker.started for worker in self.workers if worker.ready and worker.queued]
        if not busy:
            return self.timeout
        return max(0.0, min(busy) + self.timeout - time.monotonic())

    def _replace(self, worker: _Worker, error: FileError | None) -> None:
        """Stop a dead or overdue worker; record its input; requeue the rest; start another."""
        worker.stop(kill=True)
        queued = list(worker.queued)
        if queued:
            position, _, label = queued[0]
            self.done[position] = error if error is not None else crashed_error(label)
            self.retry.extendleft(reversed(queued[1:]))
        self.workers[self.workers.index(worker)] = _Worker(self.context, self.year)
        self.handles = None
