"""HTML pages: the article text and metadata, without navigation, ads and footers."""

from __future__ import annotations

import codecs
import html as stdlib_html
import re
from collections.abc import Iterator
from datetime import date

from dotterel.document import Document, Problem
from dotterel.ingest.checks import decode_utf8, finish, parse_date

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*\sencoding\s*=\s*["']([a-zA-Z0-9_.:-]+)["']""")


def read_html(
    data: bytes, where: str, default_date: date | None = None
) -> Iterator[Document | Problem]:
    text, why = decode_utf8(data)
    if text is None:
        text = _decode_declared(
            data, _META_CHARSET.search(data[:4096]) or _XML_ENCODING.search(data)
        )
        if text is None:
            yield Problem(where, why or "not UTF-8 text")
            return

    import trafilatura  # slow to import; only paid when HTML is read

    found = trafilatura.bare_extraction(
        text, with_metadata=True, include_comments=False, include_tables=True
    )
    body = (found.text or "").strip() if found is not None else ""
    if not body:
        yield Problem(where, "no article text found in the HTML")
        return
    published = None
    if found.date:
        try:
            published = parse_date(found.date)
        except ValueError:
            published = None  # a date trafilatura could not normalise is no date
    meta = {"format": "html"}
    if found.author:
        meta["author"] = found.author
    doc = Document(
        text=body,
        title=_clean(found.title),
        url=_clean(found.url),
        source=_clean(found.sitename),
        published=published,
        origin=where,
        meta=meta,
    )
    yield finish(doc, default_date)


def _decode_declared(data: bytes, match: re.Match[bytes] | None) -> str | None:
    """The page decoded with the charset it declares itself (not guessed), or None."""
    if match is None:
        return None
    label = match.group(1).decode("ascii")
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name == "utf-8":
        return None  # it claims UTF-8 and is not: report that
    try:
        return data.decode(name)
    except UnicodeDecodeError:
        return None


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


# fmt: off
_BLOCK_TAGS = frozenset((
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "th", "thead", "tr", "ul",
))
# fmt: on
_TAG = re.compile(r"<[^>]*>")


def html_to_text(fragment: str) -> str:
    """Plain text from an HTML fragment (a feed summary, say): tags gone, paragraphs kept."""
    if "<" not in fragment and "&" not in fragment:
        return _tidy(fragment)
    try:
        import lxml.etree
        import lxml.html

        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
        lxml.etree.strip_elements(root, "script", "style", lxml.etree.Comment, with_tail=False)
        for el in root.iter():
            if isinstance(el.tag, str) and el.tag.lower() in _BLOCK_TAGS:
                el.tail = "\n" + (el.tail or "")
        return _tidy(root.text_content())
    except Exception:
        # lxml rejects a few odd fragments; a crude strip is better than losing the entry.
        return _tidy(stdlib_html.unescape(_TAG.sub(" ", fragment)))


def _tidy(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)
