"""A time budget for one document, so a pathological input is skipped instead of hanging a run.

When the budget runs out, the code in progress is interrupted with `OverBudget`, which the Coder
reports as a one-line problem for that document. In a main thread (the command line and its
worker processes) a real-time interval timer (SIGALRM) does it. Signals reach only the main
thread, so in any other thread (Ray Data runs a worker's batches in one) a timer thread raises
the exception in the coding thread instead (CPython's PyThreadState_SetAsyncExc). Either way the
exception arrives between two Python bytecodes: a long stretch inside native code (one spaCy
component on one huge document) is interrupted only when it returns, which is why overlong
sentences are also split before the parser (dotterel.sentence_cap).
"""

from __future__ import annotations

import ctypes
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


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise OverBudget in the block if it runs longer than `seconds` (None: no limit)."""
    if not seconds:
        yield
    elif threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds):
            yield
    else:
        with _thread_timer(seconds):
            yield


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def expire(signum, frame):
        raise OverBudget(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _thread_timer(seconds: float) -> Iterator[None]:
    target = ctypes.c_ulong(threading.get_ident())
    # An exception class, since that is what the C call takes; it carries the budget.
    expired = type("OverBudget", (OverBudget,), {"__init__": lambda self: super(expired, self)
                   .__init__(seconds)})  # fmt: skip
    lock = threading.Lock()
    state = {"inside": True, "fired": False}

    def expire() -> None:
        with lock:
            if state["inside"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, ctypes.py_object(expired))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["inside"] = False
            if state["fired"]:
                # Fired as the block ended: an exception not raised yet must not escape it.
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, None)
        timer.cancel()
