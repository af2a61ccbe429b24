"""Growth checks instead of wall-clock budgets: doubling the input must not much more than double the time.

A fixed budget ("under 0.15 s") fails on a loaded machine; a ratio of two timings taken side by side in
one process does not, because the load falls on both.  Absolute figures live in benchmarks/.
"""

from __future__ import annotations

import time
from typing import Callable


def best_time(fn: Callable[[], object], repeat: int = 3) -> float:
    """The fastest of ``repeat`` runs: the figure least disturbed by other work on the machine."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def growth(make: Callable[[int], Callable[[], object]], size: int, factor: int = 2, repeat: int = 3) -> float:
    """Time at ``factor * size`` over time at ``size``; ``make(n)`` returns the work for an input of size n.
    The sizes are timed alternately, so a burst of load falls on both."""
    small, large = make(size), make(size * factor)
    small()  # imports and first-use caches are not part of the figure
    large()
    t_small = t_large = float("inf")
    for _ in range(repeat):
        t_small = min(t_small, best_time(small, 1))
        t_large = min(t_large, best_time(large, 1))
    return t_large / max(t_small, 1e-6)
