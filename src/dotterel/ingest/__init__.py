"""Ingest: every kind of input becomes `Document`s; bad input becomes `Problem`s.

`read_inputs` is the one entry point. Nothing in it raises for bad data: a missing file, an
unreadable directory, a malformed line or a binary blob is yielded as a Problem, and the
inputs after it are still read.
"""

from __future__ import annotations

import datetime
import os
import stat
import sys
import typing
from collections.abc import Iterator

from dotterel.document import Document, Problem
from dotterel.ingest.checks import MAX_INPUT_BYTES, check_binary, check_raw
from dotterel.ingest.detect import HEAD_BYTES, detect, extension, is_binary_name
from dotterel.ingest.feed import read_feed
from dotterel.ingest.feed_stream import STREAM_ABOVE_BYTES, stream_feed
from dotterel.ingest.html import read_html
from dotterel.ingest.jsonl import read_jsonl
from dotterel.ingest.text import read_text

FORMATS = ("text", "html", "jsonl", "feed")
STDIN = "-"
STDIN_WHERE = "<stdin>"

_READERS = {"text": read_text, "html": read_html, "feed": read_feed}
_CHUNK_BYTES = 1 << 20

__all__ = ["FORMATS", "read_inputs"]


def read_inputs(
    inputs: list[str],
    input_format: str | None = None,
    default_date: datetime.date | None = None,
    stdin: typing.BinaryIO | None = None,
) -> Iterator[Document | Problem]:
    """Documents (and Problems) from files, directories and `-` (standard input), in order.

    Directories are read recursively in sorted order, skipping hidden entries and files that
    are clearly not text (images, archives, PDFs...). Each file's kind comes from its
    extension, else its content; `input_format` forces one kind for all. `default_date` is
    the `published` date of documents whose input gives none.
    """
    if input_format is not None and input_format not in FORMATS:
        # A caller's mistake, not bad data: say so at once rather than once per input.
        raise ValueError(f"unknown input format {input_format!r}; expected one of {FORMATS}")
    return _read_all(list(inputs), input_format, default_date, stdin)


def _read_all(inputs, kind, default_date, stdin) -> Iterator[Document | Problem]:
    for name in inputs:
        name = os.fspath(name)
        if name == STDIN:
            yield from _guard(STDIN_WHERE, _read_stdin(stdin, kind, default_date))
        else:
            yield from _guard(name, _read_path(name, kind, default_date))


def _guard(where: str, items: Iterator[Document | Problem]) -> Iterator[Document | Problem]:
    """The items, ending in a Problem (not an exception) if reading them fails."""
    try:
        yield from items
    except OSError as e:
        yield Problem(where, _os_reason(e))
    except Exception as e:
        yield Problem(where, f"could not read: {_message(e)}")


def _read_stdin(stdin, kind, default_date) -> Iterator[Document | Problem]:
    if stdin is None:
        if sys.stdin is None:
            yield Problem(STDIN_WHERE, "no standard input")
            return
        stdin = getattr(sys.stdin, "buffer", sys.stdin)
    yield from _read_stream(stdin, STDIN_WHERE, None, None, kind, default_date)


def _read_path(path: str, kind, default_date) -> Iterator[Document | Problem]:
    try:
        info = os.stat(path)
    except OSError as e:
        yield Problem(path, _os_reason(e))
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _walk(path, kind, default_date, {os.path.realpath(path)})
    else:
        yield from _read_file(path, info, kind, default_date)


def _walk(top: str, kind, default_date, seen: set[str]) -> Iterator[Document | Problem]:
    try:
        with os.scandir(top) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as e:
        yield Problem(top, f"cannot read directory: {_os_reason(e)}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue  # .git, .DS_Store, editor backups: never inputs
        path = os.path.join(top, entry.name)
        try:
            is_dir = entry.is_dir()
            is_file = entry.is_file()
        except OSError:
            is_dir = is_file = False
        if is_dir:
            real = os.path.realpath(path)
            if real in seen:
                continue  # a symlink loop, or a directory already read
            seen.add(real)
            yield from _guard(path, _walk(path, kind, default_date, seen))
        elif is_binary_name(entry.name):
            continue
        elif not is_file:
            # A FIFO or socket in a tree would block the run; a broken link is worth a word.
            why = "no such file (broken link)" if entry.is_symlink() else "not a regular file"
            yield Problem(path, why)
        else:
            yield from _guard(path, _read_path(path, kind, default_date))


def _read_file(path: str, info: os.stat_result, kind, default_date) -> Iterator[Document | Problem]:
    if is_binary_name(path):
        yield Problem(
            path,
            f"not a text input ({extension(path)} file); "
            "convert it to text, HTML, JSONL or an RSS/Atom feed first",
        )
        return
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed by the with below, after the checks
    except OSError as e:
        yield Problem(path, _os_reason(e))
        return
    # Regular files have a size worth checking; pipes and devices (e.g. <(cmd)) do not.
    size = info.st_size if stat.S_ISREG(info.st_mode) else None
    with stream:
        yield from _read_stream(stream, path, path, size, kind, default_date)


def _read_stream(
    stream, where: str, name, size, kind, default_date
) -> Iterator[Document | Problem]:
    """Documents from one input stream: sniff its kind, check its bytes, hand it to a reader."""
    head = _read_up_to(stream, HEAD_BYTES)
    kind = kind or detect(name, head)
    # A binary file is refused whole, before anything else is read. For JSONL only the first
    # line decides: a stray NUL further down is one bad line, reported as such.
    why = check_binary(head.split(b"\n", 1)[0] if kind == "jsonl" else head)
    if why:
        yield Problem(where, why)
        return
    if kind == "jsonl":
        yield from read_jsonl(_chunks(head, stream), where, default_date)
        return
    if kind == "feed":
        prefix = head + _read_up_to(stream, STREAM_ABOVE_BYTES + 1 - len(head))
        if len(prefix) > STREAM_ABOVE_BYTES:
            # A large feed is streamed entry by entry rather than read whole (feed_stream.py).
            yield from stream_feed(_chunks(prefix, stream), where, default_date)
            return
        head = prefix  # an ordinary feed, all read: feedparser takes it below
    # The other kinds are read whole; refuse a huge file before reading it into memory.
    if size is not None and size > MAX_INPUT_BYTES:
        yield Problem(where, _too_large(f"{size:,} bytes"))
        return
    data = head + _read_up_to(stream, MAX_INPUT_BYTES + 1 - len(head))
    if len(data) > MAX_INPUT_BYTES:
        yield Problem(where, _too_large(f"more than {MAX_INPUT_BYTES:,} bytes"))
        return
    why = check_raw(data)
    if why:
        yield Problem(where, why)
        return
    yield from _READERS[kind](data, where, default_date)


def _too_large(amount: str) -> str:
    return f"too large: {amount} (limit {MAX_INPUT_BYTES:,}); split it into articles"


def _read_up_to(stream, n: int) -> bytes:
    """Up to n bytes; loops because pipes and some streams return short reads."""
    parts = []
    while n > 0:
        part = stream.read(min(n, _CHUNK_BYTES))
        if not part:
            break
        if isinstance(part, str):  # a text stream passed by mistake
            part = part.encode("utf-8")
        parts.append(part)
        n -= len(part)
    return b"".join(parts)


def _chunks(head: bytes, stream) -> Iterator[bytes]:
    yield head
    while part := _read_up_to(stream, _CHUNK_BYTES):
        yield part


def _os_reason(e: OSError) -> str:
    if isinstance(e, FileNotFoundError):
        return "no such file"
    if isinstance(e, PermissionError):
        return "permission denied"
    return f"cannot read: {e.strerror or _message(e)}"


def _message(e: BaseException) -> str:
    return " ".join(str(e).split()) or type(e).__name__
