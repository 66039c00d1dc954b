"""Hostile input: random bytes, text, HTML, feeds and JSON Lines never crash ingest or the coder.

Property-based (hypothesis), kept small (few examples, no deadline) so the suite stays fast.
Each input must give Documents or one-line Problems, never an exception.
"""

from __future__ import annotations

import io
import itertools
import json
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dotterel.document import Document, Problem
from dotterel.ingest import read_inputs
from dotterel.sentence_cap import MAX_SENTENCE_TOKENS, cap_sentences

FUZZ = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
CODER_FUZZ = settings(FUZZ, max_examples=12)

_NEWS = (
    "Russia Ukraine Kenya the president minister said on Monday will meet accused sanctions "
    "ceasefire in Geneva police arrested protesters not if would talks he she they it "
    '" “ ” ( ) , . ; - 30 days next week 2026 NATO EU Erdogan Putin'
)
NEWS_WORDS = _NEWS.split(" ")
news_text = st.lists(st.sampled_from(NEWS_WORDS), max_size=120).map(" ".join)
any_text = st.one_of(st.text(max_size=600), news_text)


def ingest(data: bytes, kind: str | None) -> list:
    items = list(read_inputs(["-"], kind, stdin=io.BytesIO(data)))
    for item in items:
        assert isinstance(item, Document | Problem)
        if isinstance(item, Problem):
            assert "\n" not in str(item)  # one line
    return items


@FUZZ
@given(st.binary(max_size=3000), st.sampled_from([None, "text", "html", "jsonl", "feed"]))
def test_random_bytes_never_crash_ingest(data, kind):
    ingest(data, kind)


@FUZZ
@given(any_text, st.sampled_from([None, "text", "html", "jsonl", "feed"]))
def test_random_text_never_crashes_ingest(text, kind):
    ingest(text.encode("utf-8"), kind)


tags = st.sampled_from(["p", "div", "article", "script", "b", "title", "table", "td", "meta"])
html_piece = st.one_of(
    any_text.map(escape),
    tags.map(lambda t: f"<{t}>"),
    tags.map(lambda t: f"</{t}>"),
    st.just("<!--"),
    st.just("&amp;&#x41;&bogus;"),
    st.just('<meta charset="latin-1">'),
)


@FUZZ
@given(st.lists(html_piece, max_size=40).map("".join))
def test_random_html_never_crashes_ingest(body):
    ingest(f"<html><body>{body}</body></html>".encode(), "html")


feed_entry = st.tuples(any_text, any_text, st.sampled_from(["", "Mon, 02 Mar 2026", "garbage"]))


@FUZZ
@given(st.lists(feed_entry, max_size=8), st.booleans())
def test_random_feeds_never_crash_ingest(entries, truncate):
    items = "".join(
        f"<item><title>{escape(t)}</title><description>{escape(d)}</description>"
        f"<pubDate>{p}</pubDate></item>"
        for t, d, p in entries
    )
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'.encode()
    ingest(feed[: len(feed) // 2] if truncate else feed, "feed")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | any_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
json_line = st.one_of(
    json_values.map(json.dumps),
    st.fixed_dictionaries(
        {"text": json_values, "id": json_values}, optional={"date": json_values}
    ).map(json.dumps),
    st.fixed_dictionaries({"text": news_text, "id": st.text(max_size=10)}).map(json.dumps),
    any_text.map(lambda t: t.replace("\n", " ")),
)


@FUZZ
@given(st.lists(json_line, max_size=12))
def test_random_json_lines_never_crash_ingest(lines):
    items = ingest("\n".join(lines).encode("utf-8"), "jsonl")
    assert len(items) >= 1  # at least "empty input"


@CODER_FUZZ
@given(any_text)
def test_random_text_never_crashes_the_coder(coder, text):
    problems = []
    coded = list(coder.code([Document(text, id="fuzz")], on_problem=problems.append))
    assert len(coded) + len(problems) == 1
    for c in coded:
        for event in c.events:
            assert 0 <= event.sentence < len(c.sentences)


def test_an_overlong_sentence_is_split_before_the_parser(nlp):
    doc = cap_sentences(nlp.make_doc(" ".join(["word"] * 100_000)))
    starts = [t.i for t in doc if t.is_sent_start]
    gaps = [b - a for a, b in itertools.pairwise([0, *starts, len(doc)])]
    assert max(gaps) <= MAX_SENTENCE_TOKENS
    # Ordinary sentences are left to the parser.
    ordinary = cap_sentences(nlp.make_doc("Kenya and Ethiopia agreed to talks. " * 200))
    assert not any(t.is_sent_start for t in ordinary if t.i > 0)


def test_a_hundred_thousand_word_sentence_is_coded_or_reported(coder):
    text = " ".join(itertools.islice(itertools.cycle(NEWS_WORDS[:20]), 100_000))
    problems = []
    saved = coder.time_budget
    coder.time_budget = 5.0  # the default is a minute; the outcome, not the time, is tested
    try:
        coded = list(coder.code([Document(text, id="long")], on_problem=problems.append))
    finally:
        coder.time_budget = saved
    assert len(coded) + len(problems) == 1
    if problems:
        assert problems[0].why.startswith(("could not be parsed", "could not be coded"))
        assert "time budget" in problems[0].why


class LazyLines(io.RawIOBase):
    """A stream of a million JSON lines, made as they are read; counts the bytes handed out."""

    def __init__(self, lines: int):
        self.records = (
            json.dumps({"id": f"n{i}", "text": f"Kenya and Ethiopia met on day {i}."}) + "\n"
            for i in range(lines)
        )
        self.given = 0
        self.pending = b""

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        while len(self.pending) < n:
            line = next(self.records, None)
            if line is None:
                break
            self.pending += line.encode()
        out, self.pending = self.pending[:n], self.pending[n:]
        self.given += len(out)
        return out


def test_a_million_line_input_is_streamed_not_read_whole():
    stream = LazyLines(1_000_000)  # about 60 MB if read whole
    items = read_inputs(["-"], "jsonl", stdin=stream)
    first = list(itertools.islice(items, 10))
    assert [d.id for d in first] == [f"n{i}" for i in range(10)]
    assert stream.given < 5_000_000  # only a few chunks were read to give ten documents


RSS_ITEM = (
    "<item><title>Story {i}</title><link>http://example.org/{i}</link><guid>g{i}</guid>"
    "<pubDate>Mon, 02 Mar 2026 22:00:00 -0500</pubDate><description>&lt;p&gt;Kenya and "
    "Ethiopia agreed on talks on day {i}.&lt;/p&gt;&lt;p&gt;More.&lt;/p&gt;</description></item>\n"
)
ATOM_ENTRY = (
    '<entry><title type="html">Story &amp;lt;b&amp;gt;{i}</title>'
    '<link href="http://example.org/a{i}"/><id>urn:a{i}</id><updated>2026-03-02T10:00:00Z'
    '</updated><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Serbia '
    "rejected the criticism on day {i}.</p></div></content><author><name>A. Writer</name>"
    "</author></entry>\n"
)


def _feeds(n: int) -> list[bytes]:
    rss = "".join(RSS_ITEM.format(i=i) for i in range(n))
    atom = "".join(ATOM_ENTRY.format(i=i) for i in range(n))
    return [
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{rss}'
        "</channel></rss>".encode(),
        f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Atom wire</title>{atom}</feed>".encode(),
    ]


def test_a_streamed_feed_gives_what_feedparser_gives():
    from dotterel.ingest.feed import read_feed
    from dotterel.ingest.feed_stream import stream_feed

    fields = ("id", "title", "url", "source", "published", "text", "origin")
    for data in _feeds(3):
        whole = [tuple(getattr(d, f) for f in fields) for d in read_feed(data, "f.xml")]
        chunks = (data[i : i + 50] for i in range(0, len(data), 50))
        streamed = [tuple(getattr(d, f) for f in fields) for d in stream_feed(chunks, "f.xml")]
        assert len(whole) == 3 and streamed == whole
    broken = _feeds(2)[0][:-10]  # cut in the closing tags: both entries are whole
    items = list(stream_feed([broken], "f.xml"))
    assert [type(i).__name__ for i in items] == ["Document", "Document", "Problem"]


class LazyFeed(LazyLines):
    """A feed of about a million lines, made as it is read."""

    def __init__(self, entries: int):
        head = '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>\n'
        items = (RSS_ITEM.format(i=i).replace("><", ">\n<") for i in range(entries))
        self.records = itertools.chain([head], items, ["</channel></rss>\n"])
        self.given = 0
        self.pending = b""


def test_a_million_line_feed_is_streamed_not_read_whole():
    from dotterel.ingest.feed_stream import STREAM_ABOVE_BYTES

    stream = LazyFeed(170_000)  # seven lines an entry: about 1.2 million lines, 50 MB
    items = read_inputs(["-"], "feed", stdin=stream)
    first = list(itertools.islice(items, 10))
    assert [d.id for d in first] == [f"g{i}" for i in range(10)]
    assert first[0].source == "Wire" and first[0].published.isoformat() == "2026-03-02"
    assert stream.given < STREAM_ABOVE_BYTES + 3_000_000  # the sniffed start, then a chunk
