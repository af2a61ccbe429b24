"""How far a long one-document run has got: stages report (stage, done, total), a listener hears it.

The command line sets the listener (a display on the terminal, see commands/progress.py); with none
set, which is the Python API's case, a report costs one global lookup.  A forked helper process
inherits the listener, so the pages it reads are shown from there.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterator

Listener = Callable[[str, int, int], None]
_listener: Listener | None = None


def report(stage: str, done: int, total: int) -> None:
    """``done`` of ``total`` units of ``stage`` ("pages", "rules") are finished; done == total ends it."""
    if _listener is not None:
        _listener(stage, done, total)


@contextmanager
def listening(listener: Listener | None) -> Iterator[None]:
    """Send the reports made inside the block to ``listener``."""
    global _listener
    saved, _listener = _listener, listener
    try:
        yield
    finally:
        _listener = saved
