"""A progress bar for long runs (count, rate, time left) on a terminal; nothing when piped.

The number of documents is estimated before the run, cheaply: a text or HTML file is one
document, a JSON Lines file one per line (its newlines are counted, not parsed). A feed or
standard input cannot be counted without reading it, so then the bar shows the count and the
rate without a time left.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from dotterel.ingest.detect import HEAD_BYTES, detect, is_binary_name

_CHUNK = 1 << 20


def estimate_total(inputs: list[str], input_format: str | None = None) -> int | None:
    """How many documents the inputs hold, or None when that cannot be told cheaply."""
    total = 0
    for name in inputs:
        count = _count(os.fspath(name), input_format)
        if count is None:
            return None
        total += count
    return total


def _count(path: str, kind: str | None) -> int | None:
    if path == "-":
        return None
    if os.path.isdir(path):
        total = 0
        for top, dirs, files in os.walk(path):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in files:
                if name.startswith(".") or is_binary_name(name):
                    continue
                count = _count_file(os.path.join(top, name), kind)
                if count is None:
                    return None
                total += count
        return total
    return _count_file(path, kind)


def _count_file(path: str, kind: str | None) -> int | None:
    try:
        with open(path, "rb") as stream:
            head = stream.read(HEAD_BYTES)
            kind = kind or detect(path, head)
            if kind == "feed":
                return None
            if kind != "jsonl":
                return 1
            lines, last = head.count(b"\n"), head[-1:]
            while chunk := stream.read(_CHUNK):
                lines += chunk.count(b"\n")
                last = chunk[-1:]
            return lines + (last not in (b"", b"\n"))
    except OSError:
        return 0  # ingest reports it; it is no document


class Progress:
    """Counts documents done; draws a bar on standard error when it is a terminal."""

    def __init__(self, total: int | None, enabled: bool):
        self.total = total
        self.done = 0
        self._bar = None
        if enabled:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.progress import (
                Progress as RichProgress,
            )

            columns = [TextColumn("coding"), BarColumn(), MofNCompleteColumn()]
            if total is None:
                columns = [TextColumn("coding"), TextColumn("{task.completed} documents")]
            columns += [
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                *([TextColumn("left"), TimeRemainingColumn()] if total is not None else []),
            ]
            self._bar = RichProgress(*columns, console=Console(stderr=True), transient=False)
            self._task = self._bar.add_task("coding", total=total, rate="")

    def advance(self, n: int = 1) -> None:
        self.done += n
        if self._bar is not None:
            speed = self._bar.tasks[0].speed
            rate = f"{speed:.1f} docs/s" if speed else ""
            self._bar.update(self._task, advance=n, rate=rate)

    def __enter__(self) -> Progress:
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.stop()


@contextmanager
def progress_for(
    inputs: list[str], input_format: str | None, enabled: bool | None = None
) -> Iterator[Progress]:
    """A Progress for coding `inputs`: drawn when standard error is a terminal."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    total = estimate_total(inputs, input_format) if enabled else None
    with Progress(total, enabled) as progress:
        yield progress
