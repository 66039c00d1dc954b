"""JSON Lines: one document per line, `{"id", "text", "date"?, "title"?, "url"?, "source"?}`.

The file is streamed line by line, so a corpus of any size is read in bounded memory, and a
bad line is reported (`path:lineno`) while the rest goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date

from dotterel.document import Document, Problem
from dotterel.ingest.checks import (
    MAX_INPUT_BYTES,
    UTF8_BOM,
    check_binary,
    finish,
    not_utf8_reason,
    parse_date,
)

_OPTIONAL_STRINGS = ("title", "url", "source")
_KNOWN = frozenset(("id", "text", "date", *_OPTIONAL_STRINGS))


def read_jsonl(
    chunks: Iterable[bytes],
    where: str,
    default_date: date | None = None,
    max_line_bytes: int = MAX_INPUT_BYTES,
) -> Iterator[Document | Problem]:
    seen_any = False
    for lineno, line in iter_lines(chunks, max_line_bytes):
        at = f"{where}:{lineno}"
        if line is None:
            yield Problem(at, f"line too large: more than {max_line_bytes:,} bytes")
            seen_any = True
            continue
        if lineno == 1 and line.startswith(UTF8_BOM):
            line = line[len(UTF8_BOM) :]
        if not line.strip():
            continue
        seen_any = True
        try:
            yield parse_line(line, at, default_date)
        except Exception as e:  # one odd line must not end the file
            yield Problem(at, f"could not read line: {e}")
    if not seen_any:
        yield Problem(where, "empty input")


def iter_lines(chunks: Iterable[bytes], max_line_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line without its newline) for each line; None for a line over the limit.

    A line over the limit is skipped without being held in memory.
    """
    lineno = 0
    buf = bytearray()  # the current line so far; bytearray so appending is not quadratic
    skipping = False  # inside a line already reported as too large
    for chunk in chunks:
        pos = 0
        while (nl := chunk.find(b"\n", pos)) >= 0:
            lineno += 1
            if skipping:
                skipping = False
            else:
                buf += chunk[pos:nl]
                if len(buf) > max_line_bytes:
                    yield lineno, None
                else:
                    yield lineno, bytes(buf).removesuffix(b"\r")
            buf.clear()
            pos = nl + 1
        if not skipping:
            buf += chunk[pos:]
            if len(buf) > max_line_bytes:
                yield lineno + 1, None
                skipping = True
                buf.clear()
    if buf:
        yield lineno + 1, bytes(buf).removesuffix(b"\r")


def parse_line(line: bytes, at: str, default_date: date | None = None) -> Document | Problem:
    """One JSONL line as a Document, or a Problem that says what is wrong with it."""
    why = check_binary(line)
    if why:
        return Problem(at, why)
    try:
        text_line = line.decode("utf-8")
    except UnicodeDecodeError as e:
        return Problem(at, not_utf8_reason(line, e.start))
    try:
        # strict=False: raw tabs and newlines inside strings are common and harmless.
        obj = json.loads(text_line, strict=False)
    except json.JSONDecodeError as e:
        return Problem(at, f"not valid JSON: {e.msg} (column {e.colno})")
    if not isinstance(obj, dict):
        return Problem(at, f"not a JSON object but {_json_type(obj)}")

    if "text" not in obj:
        return Problem(at, 'no "text" field')
    text = obj["text"]
    if not isinstance(text, str):
        return Problem(at, f'"text" must be a string, not {_json_type(text)}')
    if not text.strip():
        return Problem(at, '"text" is empty')

    doc_id = obj.get("id")
    if doc_id is None or doc_id == "":
        doc_id = ""  # Document makes one from the text
    elif isinstance(doc_id, bool) or not isinstance(doc_id, str | int | float):
        return Problem(at, f'"id" must be a string or a number, not {_json_type(doc_id)}')
    else:
        doc_id = str(doc_id)

    published = None
    raw_date = obj.get("date")
    if raw_date is not None and raw_date != "":
        if not isinstance(raw_date, str):
            return Problem(at, f'"date" must be a string "YYYY-MM-DD", not {_json_type(raw_date)}')
        try:
            published = parse_date(raw_date)
        except ValueError:
            return Problem(at, f'bad "date" {raw_date!r}: expected YYYY-MM-DD')

    fields: dict[str, str | None] = {}
    for key in _OPTIONAL_STRINGS:
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            return Problem(at, f'"{key}" must be a string, not {_json_type(value)}')
        fields[key] = (value or "").strip() or None

    # Fields this reader does not know are kept, not dropped: a later stage may want them.
    meta = {"format": "jsonl", **{k: v for k, v in obj.items() if k not in _KNOWN}}
    doc = Document(text=text, id=doc_id, published=published, origin=at, meta=meta, **fields)
    return finish(doc, default_date)


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"
