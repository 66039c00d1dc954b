"""Plain text: the whole input is one document."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from dotterel.document import Document, Problem
from dotterel.ingest.checks import decode_utf8, finish


def read_text(
    data: bytes, where: str, default_date: date | None = None
) -> Iterator[Document | Problem]:
    text, why = decode_utf8(data)
    if text is None:
        yield Problem(where, why or "not UTF-8 text")
        return
    # The text is kept exactly as given (no title guessed, no newlines rewritten), so character
    # offsets found later point into the file the user has.
    yield finish(Document(text=text, origin=where, meta={"format": "text"}), default_date)
