"""The limits of one document's run (memory, wall clock) and the one-line errors for going past them."""

from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass

from ..errors import ReadError

DEFAULT_MEMORY_MB = 1024
DEFAULT_TIMEOUT = 60.0


class LimitError(ReadError):
    """A document went past its memory or time limit: that file's error, and the batch goes on."""


@dataclass(frozen=True)
class Limits:
    max_memory: int  # bytes of address space the helper may add to what it had when it forked
    timeout: float  # seconds of wall clock for the whole document
    path: str = ""
    stages: tuple[str, ...] = ("reading it",)  # what the helper is doing before its 1st, 2nd ... answer

    def stage(self, received: int) -> str:
        return self.stages[min(received, len(self.stages) - 1)]

    def over_time(self, received: int) -> str:
        return f"{self.path}: exceeded the {self.timeout:g} s limit {self.stage(received)}"

    def out_of_memory(self, received: int) -> str:
        return f"{self.path}: exceeded the {memory_text(self.max_memory)} memory limit {self.stage(received)}"

    def died(self, status: int, received: int) -> str:
        import os

        if not os.WIFSIGNALED(status):  # it left without a word: not a limit, a fault
            return f"{self.path}: the reader stopped {self.stage(received)} (exit status {os.waitstatus_to_exitcode(status)})"
        # A failed allocation under RLIMIT_AS ends native readers with SIGABRT or SIGSEGV; the
        # kernel's out-of-memory killer sends SIGKILL.
        name = signal.Signals(os.WTERMSIG(status)).name
        return (f"{self.path}: exceeded the {memory_text(self.max_memory)} memory limit {self.stage(received)} "
                f"(the reader stopped with signal {name})")


def memory_text(size: int) -> str:
    return f"{size / (1 << 30):g} GiB" if size >= 1 << 30 else f"{size / (1 << 20):g} MiB"


def limits_of(settings, path: str = "", stages: tuple[str, ...] = ("reading it",)) -> Limits:
    return Limits(int(settings.max_memory_mb) * (1 << 20), float(settings.timeout), str(path), stages)


@contextmanager
def deadline(limits: Limits | None, started: float, what: str):
    """Raise LimitError here when the wall clock passes ``started + limits.timeout`` (SIGALRM; only in
    the main thread, and only when limits were asked for)."""
    if limits is None or threading.current_thread() is not threading.main_thread():
        yield
        return
    left = started + limits.timeout - time.monotonic()
    if left <= 0:
        raise LimitError(f"{limits.path}: exceeded the {limits.timeout:g} s limit {what}")

    def _ring(_signum, _frame):
        raise LimitError(f"{limits.path}: exceeded the {limits.timeout:g} s limit {what}")

    previous = signal.signal(signal.SIGALRM, _ring)
    signal.setitimer(signal.ITIMER_REAL, left)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
