"""Runs a function in a forked helper process while this one gets on with something else.

A one-document run spends ~0.5 s importing spaCy and ~0.3 s loading the rule pack and reading the
file; neither needs the other, so on a machine with two cores the command line forks, loads the
rules and reads the document in the child, and imports spaCy in the parent meanwhile.

Only where ``os.fork`` is safe and cheap (Linux, a single thread), only when the caller asks (the
command line does; the Python API does not, as a host program may not expect a child process), and
never when SOWLINT_NO_FORK is set.  When the helper cannot start, or dies without a whole answer,
the work is simply done here instead.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
from typing import Any, Callable


def available() -> bool:
    """Linux, one thread (a fork copies only the calling thread), and not switched off."""
    return (sys.platform.startswith("linux") and hasattr(os, "fork") and threading.active_count() == 1
            and not os.environ.get("SOWLINT_NO_FORK"))


class Pending:
    """The answer of ``fn(*args)`` from a helper process; ``result()`` waits for it."""

    def __init__(self, fn: Callable, args: tuple, pid: int | None = None, fd: int | None = None) -> None:
        self.fn, self.args, self.pid, self.fd = fn, args, pid, fd

    def result(self) -> Any:
        if self.pid is None:
            return self.fn(*self.args)
        with os.fdopen(self.fd, "rb") as pipe:
            data = pipe.read()
        os.waitpid(self.pid, 0)
        try:
            ok, value = pickle.loads(data)
        except Exception:  # noqa: BLE001 - no answer, or half of one: the helper was killed (out of memory)
            return self.fn(*self.args)
        if ok:
            return value
        raise value


def start(fn: Callable, *args: Any) -> Pending:
    """Start ``fn(*args)`` in a forked child when available(), else defer it to ``result()``."""
    if not available():
        return Pending(fn, args)
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return Pending(fn, args)
    if pid:
        os.close(write_end)
        return Pending(fn, args, pid, read_end)
    try:  # the child: answer through the pipe, then leave without running the parent's exit handlers
        os.close(read_end)
        try:
            answer = (True, fn(*args))
        except BaseException as exc:  # noqa: BLE001 - handed to the parent, which raises it
            answer = (False, exc)
        try:
            data = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001 - an unpicklable answer: say what it was
            data = pickle.dumps((False, RuntimeError(f"helper process: {exc}")))
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(data)
    finally:
        os._exit(0)
