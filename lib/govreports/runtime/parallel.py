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
the call), any other the local cores. Results are identical whichever way they are computed. Worker processes are
started with ``spawn``: each imports govreports afresh, with no state shared with the caller.

On a cluster of several machines, the workers read the report files and write the caches (``cache_dir``) by the
paths the caller gives: both must be on a file system that every machine sees at the same path.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import TypeVar

from govreports.runtime.progress import progress

__all__ = ["map_batches", "workers"]

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
    batches = [list(items[i : i + batch_size]) for i in range(0, len(items), batch_size)]
    if executor is None and workers(n_jobs) == 1:
        yield from (func(batch) for batch in progress(batches, total=len(batches), desc=desc, enabled=progress_bar))
        return
    own = executor is None
    pool = executor or ProcessPoolExecutor(max_workers=workers(n_jobs), mp_context=multiprocessing.get_context("spawn"))
    window = in_flight or 2 * (workers(n_jobs) if own else _slots(pool))
    try:
        pending: deque = deque()
        queue = iter(batches)
        for _ in progress(range(len(batches)), total=len(batches), desc=desc, enabled=progress_bar):
            while len(pending) < window:
                nxt = next(queue, None)
                if nxt is None:
                    break
                pending.append(pool.submit(func, nxt))
            yield pending.popleft().result()
    finally:
        if own:
            pool.shutdown(cancel_futures=True)


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
