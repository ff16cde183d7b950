"""Shared timing for the bench scripts: best of N runs, in seconds."""

from __future__ import annotations

import time
from typing import Callable


def best_of(repeat: int, fn: Callable[[], object], clock: Callable[[], float] = time.perf_counter) -> float:
    """The fastest of ``repeat`` runs of ``fn``: the least disturbed by the rest of the machine.

    ``clock=time.process_time`` counts this process's CPU time only: on a machine shared with
    other jobs it moves much less than the wall clock.
    """
    best = float("inf")
    for _ in range(repeat):
        start = clock()
        fn()
        best = min(best, clock() - start)
    return best
