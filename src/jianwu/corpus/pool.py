"""Run tasks in worker processes so that a worker that dies costs only its own task.

A C library (a PDF or Word reader) can kill the process that calls it; with
``concurrent.futures`` every task in flight then fails with ``BrokenProcessPool``
and nobody knows which one did it.  ``run_isolated`` restarts the pool, re-queues
the tasks that were in flight as suspects, and runs the suspects one at a time in
a one-worker pool: a suspect that breaks that pool is the culprit and is reported
to ``on_crash``; every other task runs normally.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable, Iterable

# forkserver: workers are forked from a clean server process, never from the main
# process while it runs threads (rich's progress refresh), and start quickly.
_PRELOAD = ["jianwu.corpus.tasks"]


def _context() -> Any:
    try:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(_PRELOAD)
        return ctx
    except ValueError:  # platforms without forkserver
        return multiprocessing.get_context("spawn")


def run_isolated(
    fn: Callable[[Any], Any],
    items: Iterable[Any],
    jobs: int,
    on_result: Callable[[Any, Any], None],
    on_crash: Callable[[Any, str], None],
) -> None:
    """Call ``fn(item)`` in worker processes; ``on_result(item, result)`` in the main process, as results arrive."""
    pending: deque[Any] = deque(items)
    suspects: deque[Any] = deque()
    ctx = _context()
    window = max(1, jobs) * 2
    pool = ProcessPoolExecutor(max_workers=max(1, jobs), mp_context=ctx)
    try:
        while pending:
            running: dict[Future[Any], Any] = {}
            broken = False
            while (pending or running) and not broken:
                while pending and len(running) < window:
                    item = pending.popleft()
                    running[pool.submit(fn, item)] = item
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    item = running.pop(future)
                    try:
                        result = future.result()
                    except BrokenProcessPool:
                        broken = True
                        suspects.append(item)
                        continue
                    on_result(item, result)
            if broken:
                for future, item in running.items():
                    try:
                        on_result(item, future.result(timeout=0))
                    except Exception:
                        suspects.append(item)
                pool.shutdown(wait=True, cancel_futures=True)
                pool = ProcessPoolExecutor(max_workers=max(1, jobs), mp_context=ctx)
        pool.shutdown(wait=True)
        # Suspects one at a time: a pool that breaks now was broken by this item.
        while suspects:
            item = suspects.popleft()
            pool = ProcessPoolExecutor(max_workers=1, mp_context=ctx)
            try:
                result = pool.submit(fn, item).result()
            except BrokenProcessPool:
                on_crash(item, "the worker process died while reading it (a crash in a reader library?)")
            else:
                on_result(item, result)
            finally:
                pool.shutdown(wait=True)
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
