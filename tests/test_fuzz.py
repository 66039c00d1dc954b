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
