"""Checks that decide whether an input, or a document made from it, can be coded.

Each check returns a one-line reason, or None when the input passes. They never raise: a
reason becomes a `Problem`, so one bad input is reported and the run goes on.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from dotterel.document import Document, Problem

# A news article is a few thousand characters; a million means a whole corpus in one document,
# which the NLP stage would hold in memory at once.
MAX_DOCUMENT_CHARS = 1_000_000
# Inputs read whole (text, HTML, feeds) are refused above this size without being read.
# JSONL is streamed line by line, so this bounds a single line there instead.
MAX_INPUT_BYTES = 50_000_000

UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

# How much of an input the byte-level binary check looks at.
_SNIFF_BYTES = 8192
# Bytes that never occur in text: C0 controls other than tab, newline, form feed, return,
# plus DEL. ESC (0x1b) is left out: terminal colour codes are text, if ugly.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27)) + b"\x7f"
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_BINARY_SHARE = 0.10

# The not-English heuristic: English prose is about 40% these words, other languages written
# in the Latin alphabet a few percent (they share "a", "in", "on" and little else).
# fmt: off
ENGLISH_FUNCTION_WORDS = frozenset((
    "a", "about", "after", "against", "also", "an", "and", "are", "as", "at", "be", "been",
    "but", "by", "can", "could", "for", "from", "had", "has", "have", "he", "her", "his", "if",
    "in", "into", "is", "it", "its", "more", "not", "of", "on", "or", "our", "over", "said",
    "says", "she", "than", "that", "the", "their", "them", "there", "they", "this", "those",
    "to", "under", "was", "we", "were", "which", "while", "who", "will", "with", "would",
))
# fmt: on
MIN_ENGLISH_SHARE = 0.10
# Texts shorter than this are passed: a headline or a two-line brief is too small to judge.
MIN_WORDS_FOR_LANGUAGE = 20
# Enough of a text to judge its language; the rest is not needed.
_LANGUAGE_SAMPLE_CHARS = 20_000
_WORD = re.compile(r"[^\W\d_]+")


def check_raw(data: bytes) -> str | None:
    """Why the bytes of a whole input cannot be read as text, or None."""
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM) :]
    if not data.strip():
        return "empty input"
    return check_binary(data)


def check_binary(data: bytes) -> str | None:
    """Why these bytes look like a binary file rather than text, or None.

    Looks at the start only (plus a NUL test on all of it), which is enough to tell an image,
    an archive or a database from text.
    """
    if data.startswith(_UTF16_BOMS):
        # UTF-16 text is full of NUL bytes; say what it is rather than "binary".
        return "not UTF-8 text (UTF-16 byte order mark); save it as UTF-8"
    if b"\x00" in data:
        return "binary data, not text (contains NUL bytes)"
    sample = data[:_SNIFF_BYTES]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if sample and controls / len(sample) > _BINARY_SHARE:
        return f"binary data, not text ({controls / len(sample):.0%} control bytes)"
    return None


def decode_utf8(data: bytes) -> tuple[str | None, str | None]:
    """(text, None), or (None, reason) when the bytes are not UTF-8. A leading BOM is dropped.

    No other encoding is guessed: a wrong guess gives wrong text silently, a reason tells the
    user what to fix.
    """
    skip = len(UTF8_BOM) if data.startswith(UTF8_BOM) else 0
    try:
        return data[skip:].decode("utf-8"), None
    except UnicodeDecodeError as e:
        return None, not_utf8_reason(data, e.start + skip)


def not_utf8_reason(data: bytes, offset: int) -> str:
    return f"not UTF-8 text (byte 0x{data[offset]:02X} at offset {offset})"


def check_text(text: str) -> str | None:
    """Why a document's text cannot be coded, or None."""
    if not text.strip():
        return "empty text"
    if len(text) > MAX_DOCUMENT_CHARS:
        return (
            f"too large: {len(text):,} characters (limit {MAX_DOCUMENT_CHARS:,}); "
            "split it into articles"
        )
    if "\x00" in text:
        return "binary data, not text (contains NUL characters)"
    sample = text[:_SNIFF_BYTES]
    controls = len(_CONTROL_CHARS.findall(sample))
    if controls / len(sample) > _BINARY_SHARE:
        return f"binary data, not text ({controls / len(sample):.0%} control characters)"
    return check_english(text)


def check_english(text: str) -> str | None:
    """Why a text is not English, or None. Short texts pass: too little to judge."""
    sample = text[:_LANGUAGE_SAMPLE_CHARS]
    letters = [c for c in sample if c.isalpha()]
    if len(letters) >= 50:
        # Chinese, Arabic, Cyrillic...: few word breaks, so count the script, not words.
        latin = sum(1 for c in letters if c < "\u0250")
        if latin / len(letters) < 0.5:
            return f"not English ({1 - latin / len(letters):.0%} of letters are not Latin script)"
    words = _WORD.findall(sample.lower())
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return None
    common = sum(1 for w in words if w in ENGLISH_FUNCTION_WORDS)
    share = common / len(words)
    if share < MIN_ENGLISH_SHARE:
        return (
            f"not English ({share:.0%} of {len(words)} words are common English words; "
            f"English text has at least {MIN_ENGLISH_SHARE:.0%})"
        )
    return None


def finish(doc: Document, default_date: date | None) -> Document | Problem:
    """The document with `default_date` filled in, or a Problem if it fails the checks."""
    why = check_text(doc.text)
    if why:
        return Problem(doc.origin, why)
    if doc.published is None:
        doc.published = default_date
    return doc


def parse_date(value: str) -> date:
    """A date from "YYYY-MM-DD" or a full ISO 8601 datetime; ValueError otherwise.

    A datetime keeps its own calendar date (not converted to UTC): the date the source gave.
    """
    return datetime.fromisoformat(value.strip()).date()
