"""The terminal display of a long one-document run: pages read, rule patterns searched, rules run."""

from __future__ import annotations

import time

LABELS = {"pages": "reading pages", "patterns": "searching the text", "rules": "running rules"}


class StageDisplay:
    """A progress listener (see sowlint/progress.py) that draws a transient rich bar on stderr per stage.

    A bar appears only once its stage has run ``delay`` seconds, so a short document shows nothing,
    and it is drawn without rich's refresh thread (the run may fork a helper afterwards, and a fork
    copies only the calling thread).  A stage ends, and its bar is erased, at done == total or when
    another stage reports."""

    def __init__(self, console=None, delay: float = 1.0, min_interval: float = 0.1) -> None:
        self.console = console
        self.delay = delay
        self.min_interval = min_interval
        self.stage: str | None = None
        self.started = 0.0
        self.drawn = 0.0
        self.bar = None
        self.task = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if stage != self.stage:
            self.close()
            self.stage, self.started = stage, now
        if done >= total:
            self.close()
            return
        if self.bar is None:
            if now - self.started < self.delay:
                return
            self._open(stage, total)
        self.bar.update(self.task, completed=done, total=total)
        if now - self.drawn >= self.min_interval:
            self.bar.refresh()
            self.drawn = now

    def _open(self, stage: str, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.bar = Progress(TextColumn(LABELS.get(stage, stage)), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), console=self.console or Console(stderr=True),
                            transient=True, auto_refresh=False)
        self.task = self.bar.add_task(stage, total=total)
        self.bar.start()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
        self.bar = self.task = None
        self.stage = None
