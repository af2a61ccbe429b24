"""Runs a generator in a forked helper process, handing each value it yields to this process.

A one-document run spends ~0.5 s importing spaCy and ~0.4 s loading the rule pack, reading the file
and searching it with the rules' regexes; none of that needs spaCy, so on a machine with two cores
the command line forks: the child does it and the parent imports spaCy meanwhile.  The child answers
in stages (the document first, the regex matches later), so the parent's spaCy pass over the text
runs while the child is still searching.

The helper is also the resource boundary of one document (bounds.py): given ``Limits`` it runs
under an address-space limit (RLIMIT_AS), and this process kills it when the wall-clock limit
passes, whether it is busy, blocked or stopped (SIGSTOP does not stop SIGKILL).  It dies with this
process (PR_SET_PDEATHSIG), so an internal error here leaves no orphan behind.

Only where ``os.fork`` is safe and cheap (Linux, a single thread), only when the caller asks (the
command line does; the Python API does not, as a host program may not expect a child process), and
never when SOWLINT_NO_FORK is set.  When the helper cannot start, the generator is run here instead.
Without limits, a helper that dies before an answer is whole leaves the rest to this process (it
must give the same answers wherever it runs); with limits, its death is the document's error.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import sys
import threading
import time
from typing import Any, Callable, Iterator

from .bounds import LimitError, Limits

_pipe = None  # in the child: the pipe to the parent, for adjust()
_base = 0  # in the child: its address space when it forked


def available() -> bool:
    """Linux, one thread (a fork copies only the calling thread), and not switched off."""
    return (sys.platform.startswith("linux") and hasattr(os, "fork") and threading.active_count() == 1
            and not os.environ.get("SOWLINT_NO_FORK"))


def start(fn: Callable[..., Iterator], *args: Any, limits: Limits | None = None) -> Iterator:
    """The values ``fn(*args)`` yields, computed in a forked child when available()."""
    if not available():
        return fn(*args)
    read_end, write_end = os.pipe()
    parent = os.getpid()
    base = _address_space()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return fn(*args)
    if pid == 0:
        _child(fn, args, write_end, read_end, parent, limits, base)
    os.close(write_end)
    return _answers(fn, args, pid, read_end, limits)


def adjust(limits: Limits) -> None:
    """In a helper: apply ``limits`` (read from the document's config) and tell the parent the new
    wall-clock limit.  Anywhere else: nothing."""
    if _pipe is None:
        return
    _set_memory(limits.max_memory, _base)
    _send(_pipe, (2, limits))


def _child(fn: Callable, args: tuple, write_end: int, read_end: int, parent: int, limits: Limits | None,
           base: int) -> None:
    """Send each value (or the exception that ended the generator) as a length-prefixed pickle,
    then leave without running the parent's exit handlers."""
    global _pipe, _base
    try:
        _base = base
        os.close(read_end)
        _die_with_parent(parent)
        if limits is not None:
            _set_memory(limits.max_memory, base)
        with os.fdopen(write_end, "wb") as pipe:
            _pipe = pipe
            try:
                for value in fn(*args):
                    _send(pipe, (True, value))
                _send(pipe, (None, None))  # done: nothing is missing
            except BaseException as exc:  # noqa: BLE001 - handed to the parent, which raises it
                _send(pipe, (False, exc))
    finally:
        os._exit(0)


def _die_with_parent(parent: int) -> None:
    """SIGKILL this helper when the parent exits, however it exits (Linux prctl)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - not glibc: the parent still kills it on the way out
        return
    if os.getppid() != parent:  # the parent died before the prctl took hold
        os._exit(0)


def _address_space() -> int:
    """This process's virtual size in bytes (0 when unknown)."""
    try:
        with open("/proc/self/statm", "rb") as handle:
            return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _set_memory(max_memory: int, base: int) -> None:
    """RLIMIT_AS: what the helper had when it forked, plus ``max_memory``."""
    try:
        import resource

        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        want = base + max_memory
        if hard != resource.RLIM_INFINITY:
            want = min(want, hard)
        resource.setrlimit(resource.RLIMIT_AS, (want, hard))
    except (ImportError, ValueError, OSError):  # pragma: no cover - no rlimits here: README says so
        return


def _send(pipe, answer: tuple) -> None:
    """One frame: 8 bytes of length, then the pickle of (True, value), (False, exception),
    (2, Limits) for new limits, or (None, None) for the end."""
    try:
        data = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as exc:  # noqa: BLE001 - an unpicklable value: say what it was
        data = pickle.dumps((False, RuntimeError(f"helper process: {exc}")))
    pipe.write(len(data).to_bytes(8, "little") + data)
    pipe.flush()


class _Timeout(Exception):
    pass


def _read(fd: int, size: int, deadline: float | None) -> bytes:
    """``size`` bytes from the pipe, fewer at its end; _Timeout once ``deadline`` passes."""
    chunks, got = [], 0
    while got < size:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise _Timeout
        chunk = os.read(fd, min(size - got, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def _answers(fn: Callable, args: tuple, pid: int, fd: int, limits: Limits | None) -> Iterator:
    received = 0
    reaped = False
    deadline = time.monotonic() + limits.timeout if limits else None
    try:
        while True:
            try:
                size = _read(fd, 8, deadline)
                data = _read(fd, int.from_bytes(size, "little"), deadline) if len(size) == 8 else b""
            except _Timeout:
                raise LimitError(limits.over_time(received)) from None
            try:
                ok, value = pickle.loads(data)
            except Exception:  # noqa: BLE001 - a helper killed before or while answering (out of memory)
                break
            if ok is None:
                return
            if ok == 2:  # the document's config set its own limits
                if deadline is not None:
                    deadline += value.timeout - limits.timeout
                limits = value
                continue
            if not ok:
                if isinstance(value, MemoryError) and limits is not None:
                    raise LimitError(limits.out_of_memory(received)) from None
                raise value
            received += 1
            yield value
        _pid, status = os.waitpid(pid, 0)
        reaped = True
        if limits is not None:
            raise LimitError(limits.died(status, received))
    finally:
        os.close(fd)
        if not reaped:
            try:
                os.kill(pid, signal.SIGKILL)  # a no-op when it has finished; SIGKILL also ends a stopped one
            except ProcessLookupError:
                pass
            os.waitpid(pid, 0)
    # The helper died: whatever it did not send is worked out here.
    local = fn(*args)
    for _ in range(received):
        next(local, None)
    yield from local
