"""Runs many documents in a process pool; results come back in input order, one for every file.

A worker that dies (the out-of-memory killer, a crash in a native library) breaks the whole pool,
and every file still waiting fails with BrokenProcessPool, so which one killed it is unknown.  The
files without a result then run again one at a time in a fresh pool: the one whose run breaks that
pool is reported as the error, and the rest get their findings.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Callable

from ..findings.report import DocumentResult
from .config import Settings


def _warm_up() -> None:
    # Each worker pays spaCy's load once, before its first document, not inside the first task.
    from ..nlp.pipeline import load

    load()


def _lint_one(args: tuple[Path, Settings, bool]) -> DocumentResult:
    from .single import lint_bounded

    path, settings, keep = args
    return lint_bounded(path, settings, keep)


def run_parallel(per_file: list[tuple[Path, Settings]], jobs: int, keep_documents: bool = False,
                 on_done: Callable[[DocumentResult], None] | None = None) -> list[DocumentResult]:
    tasks = [(path, settings, keep_documents) for path, settings in per_file]
    # Largest documents first, so that no worker is left with a long one while the other idles at
    # the end; results still come back in input order.
    order = sorted(range(len(tasks)), key=lambda i: -_size(tasks[i][0]))
    results: list[DocumentResult | None] = [None] * len(tasks)

    def done(index: int, result: DocumentResult) -> None:
        results[index] = result
        if on_done:
            on_done(result)

    left = _run_pool(tasks, order, jobs, done)
    for index in left:  # the pool broke: one at a time, so that a death names its file
        if _run_pool(tasks, [index], 1, done):
            path = tasks[index][0]
            done(index, _dead(path))
    return results  # every slot is filled by now


def _run_pool(tasks: list, order: list[int], jobs: int, done: Callable[[int, DocumentResult], None]) -> list[int]:
    """Run ``order``'s tasks; the indexes left without a result because a worker died."""
    broken: list[int] = []
    with ProcessPoolExecutor(max_workers=jobs, initializer=_warm_up) as pool:
        futures = {}
        for i in order:
            try:
                futures[pool.submit(_lint_one, tasks[i])] = i
            except BrokenProcessPool:  # a worker died already (its start-up, or an early task)
                broken.append(i)
        for future in as_completed(futures):
            index = futures[future]
            try:
                done(index, future.result())
            except BrokenProcessPool:
                broken.append(index)
            except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be pickled: that file's error
                from .single import _failed, _internal

                done(index, _failed(tasks[index][0], _internal(tasks[index][0], exc)))
    return sorted(broken, key=order.index)


def _dead(path: Path) -> DocumentResult:
    from .single import _failed

    return _failed(path, f"{path}: the process checking it died (out of memory, or a crash in a reader)")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
