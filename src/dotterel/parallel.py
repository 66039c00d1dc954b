"""Coding on several cores of one machine: worker processes that each load the Coder once.

`code_documents` is what `dotterel code --processes N` runs. With one process it is the Coder
itself, in this process. With more, documents go to N worker processes in small batches; each
worker builds its Coder once (the spaCy model, the knowledge base, the lexicons) when it starts,
and results come back in input order, so the caller (which alone writes to the database) sees
the same stream as from one process.

Why processes and not threads: spaCy and the coder's own stages hold the GIL for most of their
work, so threads would share one core. Why a bounded number of batches in flight: the input may
be a stream of any length, and only the batches being coded should be held in memory.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from dotterel.budget import DEFAULT_SECONDS
from dotterel.document import Document, Problem
from dotterel.pipeline import CodedDocument, ProblemHandler

# Documents a worker codes per task: large enough that pickling and the pipe cost little next
# to the parse, small enough that the workers share the tail of a run evenly.
TASK_SIZE = 8
# Tasks waiting per worker beyond the one it is coding, so a worker never idles for input.
QUEUED_PER_WORKER = 2


@dataclass(frozen=True)
class CoderSettings:
    """How to build a Coder: what a worker process needs to make its own."""

    model: str | None = None
    kb_files: tuple[Path, ...] = ()
    classifier: bool = True
    time_budget: float | None = DEFAULT_SECONDS
    batch_size: int = TASK_SIZE
    extra: dict = field(default_factory=dict)  # further keyword arguments for the Coder

    def build(self):
        from dotterel.pipeline import Coder

        return Coder(
            model=self.model,
            kb_files=list(self.kb_files) or None,
            classifier=self.classifier,
            time_budget=self.time_budget,
            batch_size=self.batch_size,
            **self.extra,
        )


def default_processes() -> int:
    """The cores this process may use (its CPU affinity), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def code_documents(
    documents: Iterable[Document],
    settings: CoderSettings,
    processes: int,
    on_problem: ProblemHandler,
    coder=None,
) -> Iterator[CodedDocument]:
    """Coded documents in input order, coded by `processes` processes (1: this one).

    Problems (a document that cannot be parsed or coded, one over its time budget) go to
    `on_problem`, in this process, as they would from the Coder itself. `coder` is used when
    `processes` is 1 and one is already built.
    """
    if processes <= 1:
        coder = coder or settings.build()
        yield from coder.code(documents, on_problem=on_problem)
        return
    yield from _Pool(settings, processes, on_problem).code(documents)


# -- the worker side ---------------------------------------------------------------------------

_worker_coder = None


def _start_worker(settings: CoderSettings) -> None:
    global _worker_coder
    _worker_coder = settings.build()


def _code_task(documents: list[Document]) -> list[CodedDocument | Problem]:
    """Code one task's documents in a worker; problems come back in the results."""
    problems: list[Problem] = []
    coded = list(_worker_coder.code(documents, on_problem=problems.append))
    return [*problems, *coded]


# -- the parent side ---------------------------------------------------------------------------


class _Pool:
    def __init__(self, settings: CoderSettings, processes: int, on_problem: ProblemHandler):
        self.settings = settings
        self.processes = processes
        self.report = on_problem
        self.delivered = False  # whether any task came back: the workers can start
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        # spawn, not fork: the parent may run a progress thread, and a forked child would
        # inherit its locks; spawned workers import afresh and load the model once each.
        return ProcessPoolExecutor(
            max_workers=self.processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(self.settings,),
        )

    def code(self, documents: Iterable[Document]) -> Iterator[CodedDocument]:
        in_flight: deque[tuple[list[Document], Future]] = deque()
        limit = self.processes * (1 + QUEUED_PER_WORKER)
        try:
            for task in _tasks(documents, TASK_SIZE):
                in_flight.append((task, self.executor.submit(_code_task, task)))
                while len(in_flight) >= limit:
                    yield from self._finish(in_flight)
            while in_flight:
                yield from self._finish(in_flight)
        finally:
            for _, future in in_flight:
                future.cancel()
            self.executor.shutdown(wait=True, cancel_futures=True)

    def _finish(self, in_flight: deque) -> Iterator[CodedDocument]:
        """The results of the oldest task, so the order of the input is kept."""
        task, future = in_flight.popleft()
        try:
            results = future.result()
        except BrokenProcessPool:
            # A worker died (killed, out of memory, a crash in native code). Every task in
            # flight is lost with it: code them again one document a task, so the one that
            # kills a worker is found and skipped and the others are kept.
            retry = [task, *(t for t, _ in in_flight)]
            in_flight.clear()
            yield from self._one_by_one([d for t in retry for d in t])
            return
        yield from self._deliver(results)

    def _one_by_one(self, documents: list[Document]) -> Iterator[CodedDocument]:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()
        for document in documents:
            try:
                results = self.executor.submit(_code_task, [document]).result()
            except BrokenProcessPool:
                if not self.delivered:
                    # Not one result yet: the workers cannot start (no model, no memory).
                    raise RuntimeError("the worker processes could not start") from None
                self.report(Problem(document.origin, "the worker process coding it died"))
                self.executor.shutdown(wait=False, cancel_futures=True)
                self.executor = self._start()
                continue
            yield from self._deliver(results)

    def _deliver(self, results: list[CodedDocument | Problem]) -> Iterator[CodedDocument]:
        self.delivered = True
        for item in results:
            if isinstance(item, Problem):
                self.report(item)
            else:
                yield item


def _tasks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    task: list[Document] = []
    for document in documents:
        task.append(document)
        if len(task) == size:
            yield task
            task = []
    if task:
        yield task


# Below this many documents a second process does not pay for loading its own model.
MIN_DOCUMENTS_PER_PROCESS = 25


def choose_processes(requested: int | None, total: int | None) -> int:
    """`requested`, else the cores, but no more than a known `total` of documents keeps busy."""
    if requested is not None:
        return max(1, requested)
    processes = default_processes()
    if total is not None:
        processes = min(processes, max(1, total // MIN_DOCUMENTS_PER_PROCESS))
    return processes
