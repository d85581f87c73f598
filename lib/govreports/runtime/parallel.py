"""Run per-document work serially, in a local process pool, or on any ``concurrent.futures.Executor``.

Every corpus function that works report by report (loading, segmentation, indicator extraction) takes
``n_jobs`` and ``executor``:

- ``n_jobs=1`` (default) runs in this process; ``n_jobs=N`` starts a pool of N worker processes (``-1``: one per
  core) for the call and closes it afterwards;
- ``executor=`` takes any executor with ``submit`` (``concurrent.futures.ProcessPoolExecutor``, a
  ``dask.distributed.Client().get_executor()``, a Ray executor ...), left open for the caller to reuse.

Work is sent in batches of items; at most two batches per worker are in flight, so results stream back in
input order without holding the whole corpus in memory. The workers of an executor are counted as it tells: a
``ProcessPoolExecutor`` its ``max_workers``, a dask executor the threads of its cluster's workers (at the start of
the call), any other the local cores. Results are identical whichever way they are computed.

Worker processes (:func:`process_pool`) are forked from a fork server (``forkserver``: a process started once, at
the first pool, that has imported the modules of the work sent to workers, :data:`WORKER_MODULES`, and nothing
else), or started with ``spawn`` where there is no fork server (Windows). A worker forked from the server starts
with those modules imported (a spawned one imports them itself: 0.7 s per worker on this project's machine) and
shares no other state with the caller; each gets the caller's environment variables as they are when its pool
starts (``GOVREPORTS_RULES`` set after the fork server started still reaches the workers). Forking from the server
rather than from the caller means a new worker never shares, even for the moment before it starts Python, the
memory of a caller that holds a corpus, nor any thread the caller started.

On a cluster of several machines, the workers read the report files and write the caches (``cache_dir``) by the
paths the caller gives: both must be on a file system that every machine sees at the same path.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import suppress
from typing import TYPE_CHECKING, TypeVar, overload

from govreports.runtime.progress import progress

if TYPE_CHECKING:  # numpy and pandas are imported where used: a command starts its pool before importing them
    import numpy as np
    import pandas as pd

__all__ = ["WORKER_MODULES", "TableRows", "map_batches", "process_pool", "workers"]

#: Imported once by the fork server, so that every worker starts with them: the modules whose functions run in
#: worker processes (:mod:`govreports.worker_start`).
WORKER_MODULES = ("govreports.worker_start",)

T = TypeVar("T")
R = TypeVar("R")


def workers(n_jobs: int) -> int:
    """Number of processes for ``n_jobs`` (``-1`` or ``0``: every core)."""
    return (os.cpu_count() or 1) if n_jobs in (-1, 0) else max(1, n_jobs)


def map_batches(func: Callable[[list[T]], R], items: Sequence[T], *, batch_size: int, n_jobs: int = 1,
                executor: Executor | None = None, desc: str = "", progress_bar: bool | None = None,
                in_flight: int | None = None) -> Iterator[R]:
    """Apply ``func`` to consecutive batches of ``items`` and yield its results in order.

    Args:
        func: a picklable function of a list of items (a module-level function or a ``functools.partial``).
        items: the work, e.g. document rows.
        batch_size: items per call of ``func``.
        n_jobs, executor: where to run (see the module docstring); ``executor`` wins over ``n_jobs``.
        desc, progress_bar: the progress bar (counts batches).
        in_flight: batches submitted ahead of the one being yielded; default two per worker (for an executor, see
            the module docstring).
    """
    starts = range(0, len(items), batch_size)
    batches = (list(items[i : i + batch_size]) for i in starts)  # each made when it is sent (see TableRows)
    if executor is None and workers(n_jobs) == 1:
        yield from (func(batch) for batch in progress(batches, total=len(starts), desc=desc, enabled=progress_bar))
        return
    own = executor is None
    if own:
        _release_memory()
    pool = executor or process_pool(workers(n_jobs))
    window = in_flight or 2 * (workers(n_jobs) if own else _slots(pool))
    try:
        pending: deque = deque()
        queue = iter(batches)
        for _ in progress(starts, total=len(starts), desc=desc, enabled=progress_bar):
            while len(pending) < window:
                nxt = next(queue, None)
                if nxt is None:
                    break
                pending.append(pool.submit(func, nxt))
            yield pending.popleft().result()
    finally:
        if own:
            pool.shutdown(cancel_futures=True)


class TableRows(Sequence[tuple]):
    """Rows of some columns of a table as tuples (what ``itertuples(index=False, name=None)`` yields), made when they
    are asked for: :func:`map_batches` takes them a batch at a time, so the Python strings of a corpus's texts are
    never all made at once.

    Args:
        table: the table (not copied: do not change it while its rows are used).
        columns: the columns, in tuple order.
        positions: which rows, in which order (default: all, in table order).
    """

    def __init__(self, table: pd.DataFrame, columns: Sequence[str], positions: np.ndarray | None = None) -> None:
        import numpy as np

        self.table, self.columns = table, list(columns)
        self.positions = np.arange(len(table)) if positions is None else np.asarray(positions, dtype=np.int64)

    @classmethod
    def sorted_by(cls, table: pd.DataFrame, columns: Sequence[str], key: str) -> TableRows:
        """The rows in order of ``key`` (stable: ties keep table order), as ``sort_values(key, kind="stable")``."""
        if table[key].is_monotonic_increasing:
            return cls(table, columns)
        keys = table[[key]].reset_index(drop=True)
        return cls(table, columns, keys.sort_values(key, kind="stable").index.to_numpy())

    def take(self, positions: np.ndarray) -> TableRows:
        """The rows at ``positions`` of this sequence."""
        return TableRows(self.table, self.columns, self.positions[positions])

    def __len__(self) -> int:
        return len(self.positions)

    @overload
    def __getitem__(self, index: int) -> tuple: ...

    @overload
    def __getitem__(self, index: slice) -> list[tuple]: ...

    def __getitem__(self, index: int | slice) -> tuple | list[tuple]:
        if isinstance(index, slice):
            chunk = self.table[self.columns].iloc[self.positions[index]]
            return list(chunk.itertuples(index=False, name=None))
        return self[index : index + 1 if index != -1 else None][0]

    def __iter__(self) -> Iterator[tuple]:
        for start in range(0, len(self), 256):
            yield from self[start : start + 256]


def _slots(executor: Executor) -> int:
    """How many batches ``executor`` runs at once: a ``concurrent.futures`` pool's ``max_workers``; for a dask
    ``ClientExecutor`` (``Client.get_executor()``, which keeps its client as ``_client``) the threads of the
    cluster's workers now; else the local cores."""
    known = getattr(executor, "_max_workers", None)
    if known:
        return int(known)
    nthreads = getattr(getattr(executor, "_client", None), "nthreads", None)
    if callable(nthreads):
        return max(1, sum(nthreads().values()))
    return os.cpu_count() or 2


def process_pool(n_workers: int, *, warm: Callable[[], object] | None = None) -> ProcessPoolExecutor:
    """A pool of ``n_workers`` worker processes, forked from the fork server (see the module docstring).

    Args:
        n_workers: the number of processes.
        warm: a picklable function without arguments, submitted once per worker at once: the processes start now,
            not at the first task, and get ready (build the gazetteer ...) while the caller imports what it needs
            itself. It must be safe to run twice in one worker (a worker may take two of the calls). The calls are
            submitted from a thread, so that this call returns at once: starting a worker waits for the fork server
            to import :data:`WORKER_MODULES` (0.5 s when it starts), which the caller spends on its own imports
            instead. A failing call is not reported here: the same failure comes back from the work that needs it.
    """
    pool = ProcessPoolExecutor(max_workers=n_workers, mp_context=_start_method(), initializer=_adopt_environment,
                               initargs=(dict(os.environ),))
    if warm is not None:
        threading.Thread(target=_start_workers, args=(pool, n_workers, warm), name="govreports-pool-start",
                         daemon=True).start()
    return pool


def _start_workers(pool: ProcessPoolExecutor, n_workers: int, warm: Callable[[], object]) -> None:
    """Thread of :func:`process_pool`: submit ``warm`` once per worker (which starts the workers), unless the pool
    was shut down meanwhile."""
    with suppress(RuntimeError):  # shut down already: nothing to start
        for _ in range(n_workers):
            pool.submit(warm)


def _start_method() -> multiprocessing.context.BaseContext:
    """A fork server that imports :data:`WORKER_MODULES`, where the platform has one; else spawn."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(list(WORKER_MODULES))  # when the server starts (the first pool); not after
        return context
    return multiprocessing.get_context("spawn")


def _adopt_environment(environment: dict[str, str]) -> None:
    """Worker: take the caller's environment variables (a fork server has those of the moment it started)."""
    os.environ.clear()
    os.environ.update(environment)


def _release_memory() -> None:
    """Give back to the system the memory that the allocators keep after tables are freed, before starting worker
    processes, whose memory adds to this process's: Arrow's pool (tables of sentences, tokens read back ...) and the
    C library's heap (the Python strings and lists of a table built and freed: the main process went from 1,028 to
    720 MiB this way after the sentences table of 10,000 bootstrap reports was freed). The C library's part is done where it is glibc (Linux);
    Arrow's where this process imported pyarrow."""
    arrow = sys.modules.get("pyarrow")
    if arrow is not None:
        arrow.default_memory_pool().release_unused()
    if sys.platform.startswith("linux"):
        import ctypes

        with suppress(OSError, AttributeError):  # another C library (musl): nothing to trim this way
            ctypes.CDLL("libc.so.6").malloc_trim(0)
