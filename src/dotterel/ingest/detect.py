"""Which kind of input a file is: by its extension, else by its first bytes."""

from __future__ import annotations

import json
import os
import re

from dotterel.ingest.checks import UTF8_BOM

EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}

# Files that are clearly not text: skipped in directory walks, refused when named explicitly.
# fmt: off
BINARY_EXTENSIONS = frozenset((
    ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".ico", ".heic", ".psd",
    ".mp3", ".wav", ".ogg", ".flac", ".m4a", ".aac", ".mp4", ".m4v", ".mov", ".avi", ".mkv",
    ".webm", ".zip", ".gz", ".tgz", ".bz2", ".xz", ".zst", ".7z", ".rar", ".tar", ".lz4",
    ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp", ".epub",
    ".rtf", ".db", ".sqlite", ".sqlite3", ".duckdb", ".parquet", ".feather", ".arrow", ".pkl",
    ".pickle", ".npy", ".npz", ".h5", ".hdf5", ".exe", ".dll", ".so", ".dylib", ".o", ".a",
    ".bin", ".class", ".jar", ".whl", ".pyc", ".pyo", ".ttf", ".otf", ".woff", ".woff2",
    ".iso", ".dmg",
))
# fmt: on

# How many bytes of an input detection looks at.
HEAD_BYTES = 65536

_COMMENT = re.compile(rb"<!--.*?-->", re.S)


def extension(name: str) -> str:
    return os.path.splitext(name)[1].lower()


def is_binary_name(name: str) -> bool:
    return extension(name) in BINARY_EXTENSIONS


def detect(name: str | None, head: bytes) -> str:
    """The kind of an input ("text", "html", "jsonl" or "feed") from its name and first bytes."""
    if name is not None:
        kind = EXTENSIONS.get(extension(name))
        if kind:
            return kind
    return sniff(head)


def sniff(head: bytes) -> str:
    """The kind of an input from its first bytes alone."""
    if head.startswith(UTF8_BOM):
        head = head[len(UTF8_BOM) :]
    start = _COMMENT.sub(b"", head[:4096].lstrip().lower(), count=5).lstrip()
    if start.startswith(b"<?xml"):
        # XHTML is HTML; any other XML is read as a feed, which says clearly if it is not one.
        return "html" if b"<html" in start and not _is_feed(start) else "feed"
    if start.startswith((b"<rss", b"<feed", b"<rdf")):
        return "feed"
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<body")):
        return "html"
    if _first_line_is_jsonl(head):
        return "jsonl"
    return "text"


def _is_feed(start: bytes) -> bool:
    return any(tag in start for tag in (b"<rss", b"<feed", b"<rdf"))


def _first_line_is_jsonl(head: bytes) -> bool:
    lines = head.split(b"\n")
    for i, line in enumerate(lines):
        line = line.strip()
        if not line:
            continue
        if not line.startswith(b"{"):
            return False
        complete = i < len(lines) - 1 or len(head) < HEAD_BYTES
        if not complete:
            # A first line longer than the head: judge by how it starts, not by parsing.
            return b'"text"' in line
        try:
            obj = json.loads(line, strict=False)
        except ValueError:
            return False
        return isinstance(obj, dict) and "text" in obj
    return False
