"""RSS and Atom feeds: each entry is one document."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from dotterel.document import Document, Problem
from dotterel.ingest.checks import decode_utf8, finish
from dotterel.ingest.html import html_to_text

_XML_ENCODING = re.compile(
    rb"""^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*\sencoding\s*=\s*["']([^"']+)["']"""
)


def read_feed(
    data: bytes, where: str, default_date: date | None = None
) -> Iterator[Document | Problem]:
    text, why = decode_utf8(data)
    if text is None and not _declares_other_encoding(data):
        # feedparser would fall back to guessing windows-1252; say what is wrong instead.
        yield Problem(where, why or "not UTF-8 text")
        return

    import feedparser  # only paid for when a feed is read

    # A stream, not bytes or str: given a str, feedparser would treat it as a URL or a path.
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            reason = _bozo_reason(parsed.get("bozo_exception"))
            yield Problem(where, f"not a readable RSS/Atom feed: {reason}")
        elif not parsed.get("version"):
            yield Problem(where, "not a readable RSS/Atom feed: no RSS or Atom elements found")
        else:
            yield Problem(where, "feed has no entries")
        return

    feed_info = parsed.get("feed") or {}
    source = _detail_text(feed_info, "title")
    for n, entry in enumerate(entries, start=1):
        at = f"{where}#entry{n}"
        try:
            yield _entry_document(entry, at, source, default_date)
        except Exception as e:  # one odd entry must not lose the others
            yield Problem(at, f"could not read entry: {e}")


def _bozo_reason(exc: Exception | None) -> str:
    if exc is None:
        return "malformed XML"
    if hasattr(exc, "getLineNumber"):  # xml.sax's SAXParseException: where, without "<unknown>"
        return f"{exc.getMessage()} at line {exc.getLineNumber()}, column {exc.getColumnNumber()}"
    return " ".join(str(exc).split()) or type(exc).__name__


def _entry_document(entry, at: str, source: str | None, default_date: date | None):
    text = _entry_text(entry)
    if not text:
        return Problem(at, "entry has no text (no content or summary)")
    meta = {"format": "feed"}
    if entry.get("author"):
        meta["author"] = entry["author"]
    doc = Document(
        text=text,
        id=(entry.get("id") or "").strip(),
        title=_detail_text(entry, "title"),
        url=(entry.get("link") or "").strip() or None,
        source=source,
        published=_entry_date(entry),
        origin=at,
        meta=meta,
    )
    return finish(doc, default_date)


def _entry_text(entry) -> str:
    """The fullest text an entry has: its content, else its summary, as plain text."""
    candidates = [(c.get("value") or "", c.get("type") or "") for c in entry.get("content") or []]
    if entry.get("summary"):
        detail = entry.get("summary_detail") or {}
        candidates.append((entry["summary"], detail.get("type") or "text/html"))
    for value, mime in candidates:
        text = _as_text(value, mime)
        if text:
            return text
    return ""


def _detail_text(obj, key: str) -> str | None:
    value = obj.get(key)
    if not value:
        return None
    mime = (obj.get(f"{key}_detail") or {}).get("type") or "text/plain"
    return _as_text(value, mime) or None


def _as_text(value: str, mime: str) -> str:
    if "html" in mime or "xml" in mime:
        return html_to_text(value)
    return value.strip()


def _entry_date(entry) -> date | None:
    """The entry's publication (else update) date, as the date the feed wrote.

    The raw string is read first: feedparser's *_parsed fields are converted to UTC, which moves
    an evening story in the Americas to the next day.
    """
    for key in ("published", "updated"):
        raw = entry.get(key)
        if raw:
            local = _parse_feed_date(raw)
            if local:
                return local
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            try:
                return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            except (ValueError, AttributeError):
                pass
    return None


def _parse_feed_date(raw: str) -> date | None:
    raw = raw.strip()
    try:
        return datetime.fromisoformat(raw).date()  # Atom: RFC 3339
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(raw).date()  # RSS: RFC 822
    except (TypeError, ValueError, IndexError):
        return None


def _declares_other_encoding(data: bytes) -> bool:
    """Whether the XML declaration names an encoding other than UTF-8 (feedparser honours it)."""
    match = _XML_ENCODING.match(data)
    if not match:
        return False
    label = match.group(1).decode("ascii", "replace").lower().replace("_", "-")
    return label not in ("utf-8", "utf8")
