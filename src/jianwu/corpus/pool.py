"""Run tasks in worker processes so that a worker that dies costs only its own task.

A C library (a PDF or Word reader) can kill the process that calls it; with
``concurrent.futures`` every task in flight then fails with ``BrokenProcessPool``
and nobody knows which one did it.  ``run_isolated`` restarts the pool, re-queues
the tasks that were in flight as suspects, and runs the suspects one at a time in
a one-worker pool: a suspect that breaks that pool is the culprit and is reported
to ``on_crash``; every other task runs normally.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING, Any, Callable, Iterable

if TYPE_CHECKING:  # imported where a pool is made: ``default_jobs`` and the lock's file set are asked without one
    from concurrent.futures import Future, ProcessPoolExecutor



def _context() -> Any:
    """``fork`` where there is one: workers start at once, inherit the imported library, and never
    re-import the caller's ``__main__`` (a notebook or a script without a main guard must work)."""
    import multiprocessing

    try:
        return multiprocessing.get_context("fork")
    except ValueError:  # Windows
        return multiprocessing.get_context("spawn")


def default_jobs() -> int:
    """Worker processes by default: the cores this process may run on."""
    import os

    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


# File descriptors a worker must not keep open (the index lock): set by ``store.IndexLock``.
INHERITED_FDS: set[int] = set()
ORPHAN_CHECK_SECONDS = 1.0


def _worker_init(parent: int) -> None:
    """In each worker: drop the inherited lock, and exit when the main process is gone.

    A forked worker shares the main process's open files; holding the index lock
    it would keep the database locked after the main process is killed, and an
    orphaned worker would wait for work forever.
    """
    import os
    import threading
    import time

    for fd in INHERITED_FDS:
        try:
            os.close(fd)
        except OSError:
            pass

    def watch() -> None:
        while True:
            time.sleep(ORPHAN_CHECK_SECONDS)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, daemon=True, name="jianwu-orphan-watch").start()


def _pool(jobs: int, ctx: Any) -> ProcessPoolExecutor:
    import os
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_worker_init, initargs=(os.getpid(),))


def run_isolated(
    fn: Callable[[Any], Any],
    items: Iterable[Any],
    jobs: int,
    on_result: Callable[[Any, Any], None],
    on_crash: Callable[[Any, str], None],
) -> None:
    """Call ``fn(item)`` in worker processes; ``on_result(item, result)`` in the main process, as results arrive."""
    from concurrent.futures import FIRST_COMPLETED, wait
    from concurrent.futures.process import BrokenProcessPool

    pending: deque[Any] = deque(items)
    suspects: deque[Any] = deque()
    ctx = _context()
    window = max(1, jobs) * 2
    pool = _pool(max(1, jobs), ctx)
    try:
        while pending:
            running: dict[Future[Any], Any] = {}
            broken = False
            while (pending or running) and not broken:
                while pending and len(running) < window:
                    item = pending.popleft()
                    try:
                        running[pool.submit(fn, item)] = item
                    except BrokenProcessPool:  # a worker died since the last wait: restart below
                        pending.appendleft(item)
                        broken = True
                        break
                if broken:
                    break
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
                pool = _pool(max(1, jobs), ctx)
        pool.shutdown(wait=True)
        # Suspects one at a time: a pool that breaks now was broken by this item.
        while suspects:
            item = suspects.popleft()
            pool = _pool(1, ctx)
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
