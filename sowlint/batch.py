"""Runs many documents in a process pool; results come back in input order."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable

from .config import Settings
from .report import DocumentResult


def _warm_up() -> None:
    # Each worker pays spaCy's load once, before its first document, not inside the first task.
    from .nlp.pipeline import load

    load()


def _lint_one(args: tuple[Path, Settings, bool]) -> DocumentResult:
    from .api import lint_file

    path, settings, keep = args
    return lint_file(path, settings, keep)


def run_parallel(per_file: list[tuple[Path, Settings]], jobs: int, keep_documents: bool = False,
                 on_done: Callable[[DocumentResult], None] | None = None) -> list[DocumentResult]:
    tasks = [(path, settings, keep_documents) for path, settings in per_file]
    results: list[DocumentResult] = []
    with ProcessPoolExecutor(max_workers=jobs, initializer=_warm_up) as pool:
        # chunksize 1: documents differ a lot in size, so hand them out one at a time.
        for result in pool.map(_lint_one, tasks, chunksize=1):
            results.append(result)
            if on_done:
                on_done(result)
    return results
