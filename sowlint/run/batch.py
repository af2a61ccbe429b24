"""Runs many documents in a process pool; results come back in input order."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor, as_completed
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
    with ProcessPoolExecutor(max_workers=jobs, initializer=_warm_up) as pool:
        futures = {pool.submit(_lint_one, tasks[i]): i for i in order}
        for future in as_completed(futures):
            result = future.result()
            results[futures[future]] = result
            if on_done:
                on_done(result)
    return results  # every slot is filled by now


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
