"""A time budget for one document, so a pathological input is skipped instead of hanging a run.

The budget is enforced with a real-time interval timer (SIGALRM): when it runs out, the code in
progress is interrupted with `OverBudget`, which the Coder reports as a one-line problem for that
document. Signals reach only the main thread, so elsewhere (a thread of a server, say) the
budget is not enforced and the document is coded to the end; the command line, its worker
processes and Ray's workers all code in a main thread.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# A 600-word article takes well under a second; a minute means something is wrong with it.
DEFAULT_SECONDS = 60.0
ENV = "DOTTEREL_TIME_BUDGET"  # the command line's default, when set (0: no limit)


class OverBudget(Exception):
    """Coding one document (or one batch) took longer than its budget."""

    def __init__(self, seconds: float):
        super().__init__(f"took longer than {seconds:g} s")
        self.seconds = seconds


def enforceable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise OverBudget in the block if it runs longer than `seconds` (None: no limit)."""
    if not seconds or not enforceable():
        yield
        return

    def expire(signum, frame):
        raise OverBudget(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
