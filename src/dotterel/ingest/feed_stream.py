"""Large RSS/Atom feeds, streamed: one entry in memory at a time, whatever the feed's size.

feedparser (ingest/feed.py) reads a feed whole and is the more forgiving reader, so it keeps
the feeds of ordinary size. A feed above STREAM_ABOVE_BYTES (a million-line archive, a dump)
is read here instead: lxml's pull parser is fed the bytes a chunk at a time, each finished
<item> or <entry> becomes a Document (through the same entry rules as feed.py), and the
element is then dropped, so memory holds one entry, not the feed. Malformed XML ends the feed
with a Problem that says where; the entries before it are kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from dotterel.document import Document, Problem
from dotterel.ingest.feed import _entry_document

# Feeds up to this size go to feedparser; a news feed is a few hundred kilobytes.
STREAM_ABOVE_BYTES = 8_000_000

_ENTRY_TAGS = frozenset(("item", "entry"))
_CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
_DC_NS = "http://purl.org/dc/elements/1.1/"


def stream_feed(
    chunks: Iterable[bytes], where: str, default_date: date | None = None
) -> Iterator[Document | Problem]:
    from lxml import etree

    # No entities resolved and nothing fetched: a feed is untrusted input.
    parser = etree.XMLPullParser(events=("end",), resolve_entities=False, no_network=True)
    source: str | None = None
    count = 0
    try:
        for chunk in chunks:
            parser.feed(chunk)
            for _, element in parser.read_events():
                name = _local(element.tag)
                parent = element.getparent()
                if name == "title" and parent is not None and _local(parent.tag) in (
                    "channel", "feed",
                ):  # fmt: skip
                    source = " ".join((element.text or "").split()) or None
                elif name in _ENTRY_TAGS:
                    count += 1
                    at = f"{where}#entry{count}"
                    try:
                        yield _entry_document(_as_entry(element), at, source, default_date)
                    except Exception as e:  # one odd entry must not lose the others
                        yield Problem(at, f"could not read entry: {e}")
                    _drop(element)
        parser.close()
    except etree.XMLSyntaxError as e:
        yield Problem(where, f"not a readable RSS/Atom feed after entry {count}: {e}")
        return
    if count == 0:
        yield Problem(where, "feed has no entries")


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _drop(element) -> None:
    """Forget an entry once read, and the siblings before it, so the tree stays small."""
    element.clear()
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def _as_entry(element) -> dict:
    """An entry in the shape feedparser gives, so feed.py's rules read it."""
    from lxml import etree

    entry: dict = {}
    content = []
    for child in element:
        if not isinstance(child.tag, str):
            continue
        name, ns = _local(child.tag), child.tag[1:].split("}", 1)[0] if "}" in child.tag else ""
        mime = (child.get("type") or "").lower()
        if mime == "xhtml":
            text = "".join(etree.tostring(c, encoding="unicode", method="html") for c in child)
            mime = "text/html"
        else:
            text = child.text or ""
        if name == "encoded" and ns == _CONTENT_NS or name == "content":
            content.append({"value": text, "type": mime or "text/html"})
        elif name in ("description", "summary"):
            entry["summary"] = text
            entry["summary_detail"] = {"type": mime or "text/html"}
        elif name == "title":
            entry["title"] = text
            entry["title_detail"] = {"type": "text/html" if mime == "html" else "text/plain"}
        elif name == "link":
            entry.setdefault("link", child.get("href") or text)
        elif name in ("guid", "id"):
            entry["id"] = text
        elif name in ("pubDate", "published") or (name == "date" and ns == _DC_NS):
            entry["published"] = text
        elif name == "updated":
            entry["updated"] = text
        elif name in ("author", "creator"):
            entry["author"] = " ".join(child.itertext()).strip()
    if content:
        entry["content"] = content
    return entry
