"""Runs a generator in a forked helper process, handing each value it yields to this process.

A one-document run spends ~0.5 s importing spaCy and ~0.4 s loading the rule pack, reading the file
and searching it with the rules' regexes; none of that needs spaCy, so on a machine with two cores
the command line forks: the child does it and the parent imports spaCy meanwhile.  The child answers
in stages (the document first, the regex matches later), so the parent's spaCy pass over the text
runs while the child is still searching.

Only where ``os.fork`` is safe and cheap (Linux, a single thread), only when the caller asks (the
command line does; the Python API does not, as a host program may not expect a child process), and
never when SOWLINT_NO_FORK is set.  When the helper cannot start, or dies before an answer is whole,
the generator is run here instead and the answers already received are skipped: it must give the
same answers wherever it runs.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
from typing import Any, Callable, Iterator


def available() -> bool:
    """Linux, one thread (a fork copies only the calling thread), and not switched off."""
    return (sys.platform.startswith("linux") and hasattr(os, "fork") and threading.active_count() == 1
            and not os.environ.get("SOWLINT_NO_FORK"))


def start(fn: Callable[..., Iterator], *args: Any) -> Iterator:
    """The values ``fn(*args)`` yields, computed in a forked child when available()."""
    if not available():
        return fn(*args)
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return fn(*args)
    if pid == 0:
        _child(fn, args, write_end, read_end)
    os.close(write_end)
    return _answers(fn, args, pid, read_end)


def _child(fn: Callable, args: tuple, write_end: int, read_end: int) -> None:
    """Send each value (or the exception that ended the generator) as a length-prefixed pickle,
    then leave without running the parent's exit handlers."""
    try:
        os.close(read_end)
        with os.fdopen(write_end, "wb") as pipe:
            try:
                for value in fn(*args):
                    _send(pipe, (True, value))
                _send(pipe, (None, None))  # done: nothing is missing
            except BaseException as exc:  # noqa: BLE001 - handed to the parent, which raises it
                _send(pipe, (False, exc))
    finally:
        os._exit(0)


def _send(pipe, answer: tuple) -> None:
    """One frame: 8 bytes of length, then the pickle of (True, value), (False, exception) or
    (None, None) for the end."""
    try:
        data = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as exc:  # noqa: BLE001 - an unpicklable value: say what it was
        data = pickle.dumps((False, RuntimeError(f"helper process: {exc}")))
    pipe.write(len(data).to_bytes(8, "little") + data)
    pipe.flush()


def _answers(fn: Callable, args: tuple, pid: int, fd: int) -> Iterator:
    received = 0
    try:
        with os.fdopen(fd, "rb") as pipe:
            while True:
                size = pipe.read(8)
                data = pipe.read(int.from_bytes(size, "little")) if len(size) == 8 else b""
                try:
                    ok, value = pickle.loads(data)
                except Exception:  # noqa: BLE001 - a helper killed before or while answering (out of memory)
                    break
                if ok is None:
                    return
                if not ok:
                    raise value
                received += 1
                yield value
    finally:
        os.waitpid(pid, 0)
    # The helper died: whatever it did not send is worked out here.
    local = fn(*args)
    for _ in range(received):
        next(local, None)
    yield from local
