"""Ingest: files, directories and stdin in; Documents and Problems out, never an exception."""

from __future__ import annotations

import io
import json
import os
from datetime import date
from pathlib import Path

import pytest

import dotterel.ingest as ingest
from dotterel.document import Document, Problem, text_id
from dotterel.ingest import FORMATS, read_inputs
from dotterel.ingest.checks import MAX_DOCUMENT_CHARS, check_english, check_text
from dotterel.ingest.detect import detect, sniff
from dotterel.ingest.html import html_to_text
from dotterel.ingest.jsonl import iter_lines, read_jsonl

FIX = Path(__file__).parent / "fixtures" / "ingest"

ENGLISH = (
    "The interior minister of Norland said on Tuesday that the government would send more "
    "police to the border after a week of clashes between protesters and security forces."
)


def read(*inputs, **kwargs) -> list[Document | Problem]:
    return list(read_inputs([str(i) for i in inputs], **kwargs))


def docs(results) -> list[Document]:
    return [r for r in results if isinstance(r, Document)]


def problems(results) -> list[tuple[str, str]]:
    return [(p.where, p.why) for p in results if isinstance(p, Problem)]


def only_problem(results) -> Problem:
    assert len(results) == 1 and isinstance(results[0], Problem), results
    return results[0]


def write(path: Path, content: str | bytes) -> Path:
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


# --- the API ---------------------------------------------------------------------------------


def test_formats_and_bad_format():
    assert FORMATS == ("text", "html", "jsonl", "feed")
    with pytest.raises(ValueError, match="unknown input format 'csv'"):
        read_inputs(["x"], input_format="csv")


def test_no_inputs_gives_nothing():
    assert read() == []


# --- text --------------------------------------------------------------------------------------


def test_text_file_is_one_document():
    path = FIX / "article.txt"
    [doc] = read(path)
    text = path.read_text(encoding="utf-8")
    assert doc.text == text
    assert doc.text.startswith("Valdoria recalls ambassador from Kestrel\n\nThe government")
    assert doc.id == text_id(text)
    assert doc.title is None and doc.url is None and doc.published is None
    assert doc.origin == str(path)


def test_default_date_fills_published_only_where_missing():
    results = read(FIX / "article.txt", FIX / "wire.jsonl", default_date=date(2024, 6, 1))
    by_origin = {d.origin: d.published for d in docs(results)}
    assert by_origin[str(FIX / "article.txt")] == date(2024, 6, 1)
    assert by_origin[f"{FIX / 'wire.jsonl'}:1"] == date(2024, 3, 1)  # its own date wins
    assert by_origin[f"{FIX / 'wire.jsonl'}:8"] == date(2024, 6, 1)


def test_utf8_bom_is_dropped(tmp_path):
    [doc] = read(write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + ENGLISH.encode()))
    assert doc.text == ENGLISH


def test_short_text_is_not_language_checked(tmp_path):
    [doc] = read(write(tmp_path / "brief.txt", "Le président a démissionné."))
    assert doc.text == "Le président a démissionné."


# --- problems with whole inputs ------------------------------------------------------------------


def test_missing_file():
    assert problems(read("no/such/file.txt")) == [("no/such/file.txt", "no such file")]


def test_empty_and_whitespace_files(tmp_path):
    assert only_problem(read(FIX / "empty.txt")).why == "empty input"
    assert only_problem(read(write(tmp_path / "blank.txt", " \n\t\n"))).why == "empty input"
    assert only_problem(read(write(tmp_path / "bom.txt", b"\xef\xbb\xbf\n"))).why == "empty input"


def test_binary_file_by_content():
    problem = only_problem(read(FIX / "blob.dat"))
    assert problem.where == str(FIX / "blob.dat")
    assert problem.why == "binary data, not text (contains NUL bytes)"


def test_binary_file_by_control_bytes(tmp_path):
    problem = only_problem(read(write(tmp_path / "noise", bytes(range(1, 32)) * 10)))
    assert problem.why.startswith("binary data, not text (") and "control bytes" in problem.why


def test_binary_extension_named_explicitly():
    problem = only_problem(read(FIX / "corpus" / "2024" / "chart.png"))
    assert problem.why == (
        "not a text input (.png file); convert it to text, HTML, JSONL or an RSS/Atom feed first"
    )


def test_latin1_file_is_not_utf8():
    problem = only_problem(read(FIX / "latin1.txt"))
    # "The minister met protesters outside the caf" is 43 bytes; then Latin-1 "é".
    assert problem.why == "not UTF-8 text (byte 0xE9 at offset 43)"


def test_utf16_file_is_named_as_such(tmp_path):
    path = write(tmp_path / "wide.txt", ENGLISH.encode("utf-16"))
    assert only_problem(read(path)).why == (
        "not UTF-8 text (UTF-16 byte order mark); save it as UTF-8"
    )


@pytest.mark.parametrize("name, share", [("french.txt", "7% of 44"), ("german.txt", "6% of 35")])
def test_french_and_german_are_not_english(name, share):
    problem = only_problem(read(FIX / name))
    assert problem.where == str(FIX / name)
    assert problem.why == (
        f"not English ({share} words are common English words; English text has at least 10%)"
    )


def test_non_latin_script_is_not_english():
    text = "瓦尔多利亚和凯斯特雷尔两国外长周四同意就有争议的边界展开谈判，两国首都官员表示。" * 3
    assert check_english(text) == "not English (100% of letters are not Latin script)"
    assert check_english(ENGLISH) is None


def test_too_many_characters(tmp_path):
    text = "word " * (MAX_DOCUMENT_CHARS // 5) + "x"  # one character over
    problem = only_problem(read(write(tmp_path / "huge.txt", text)))
    assert problem.why == (
        "too large: 1,000,001 characters (limit 1,000,000); split it into articles"
    )


def test_too_many_bytes_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_INPUT_BYTES", 1000)
    path = write(tmp_path / "big.txt", ENGLISH * 20)
    size = path.stat().st_size
    assert only_problem(read(path)).why == (
        f"too large: {size:,} bytes (limit 1,000); split it into articles"
    )
    # Standard input has no size to look at; it is read up to the limit and no further.
    stream = io.BytesIO((ENGLISH * 20).encode())
    assert only_problem(read("-", stdin=stream)).why == (
        "too large: more than 1,000 bytes (limit 1,000); split it into articles"
    )


def test_binary_characters_inside_a_document():
    assert check_text("abc\x00def") == "binary data, not text (contains NUL characters)"
    assert check_text("\x01\x02\x03 a") == "binary data, not text (60% control characters)"


# --- directories ---------------------------------------------------------------------------------


def test_directory_is_walked_sorted_skipping_hidden_and_binary():
    corpus = FIX / "corpus"
    results = read(corpus)
    assert problems(results) == []
    assert [d.origin for d in results] == [
        f"{corpus}/01_strike.txt",
        f"{corpus}/2024/03_talks.md",
        f"{corpus}/2024/april/05_vote.txt",
        f"{corpus}/wire:1",  # no extension: sniffed as JSONL
        f"{corpus}/wire:2",
    ]
    assert [d.id for d in results[3:]] == ["w-1", "w-2"]
    assert results[1].text.startswith("# Talks resume\n\nNegotiators from Norland")
    assert all("hidden" not in d.text for d in results)


def test_unreadable_directory_is_a_problem(tmp_path, monkeypatch):
    write(tmp_path / "a.txt", ENGLISH)
    (tmp_path / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    results = read(tmp_path)
    assert docs(results)[0].origin == str(tmp_path / "a.txt")
    assert problems(results) == [
        (str(tmp_path / "locked"), "cannot read directory: permission denied")
    ]


def test_special_files_in_a_directory_are_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    os.symlink(tmp_path, tmp_path / "loop")  # must not recurse forever
    write(tmp_path / "story.txt", ENGLISH)
    assert problems(read(tmp_path)) == [
        (str(tmp_path / "dangling.txt"), "no such file (broken link)"),
        (str(tmp_path / "pipe"), "not a regular file"),
    ]
    assert [d.origin for d in docs(read(tmp_path))] == [str(tmp_path / "story.txt")]


def test_permission_error_on_a_file(tmp_path, monkeypatch):
    path = write(tmp_path / "secret.txt", ENGLISH)

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    # Running as root ignores file modes, so the refusal is simulated.
    monkeypatch.setattr(ingest, "open", denied, raising=False)
    assert problems(read(path)) == [(str(path), "permission denied")]


def test_one_broken_input_does_not_stop_the_others(tmp_path, monkeypatch):
    first = write(tmp_path / "a.txt", ENGLISH)
    second = write(tmp_path / "b.txt", ENGLISH + " Again.")
    real = ingest._READERS["text"]

    def flaky(data, where, default_date):
        if where.endswith("a.txt"):
            raise RuntimeError("reader exploded\nwith a second line")
        return real(data, where, default_date)

    monkeypatch.setitem(ingest._READERS, "text", flaky)
    results = read(first, "missing.txt", second)
    assert problems(results) == [
        (str(first), "could not read: reader exploded with a second line"),
        ("missing.txt", "no such file"),
    ]
    assert [d.origin for d in docs(results)] == [str(second)]


# --- HTML ---------------------------------------------------------------------------------------


def test_html_page_gives_article_text_and_metadata():
    [doc] = read(FIX / "page.html")
    assert doc.title == "Norland opposition leader detained"
    assert doc.published == date(2024, 4, 18)
    assert doc.url == "https://courier.example.org/politics/opposition-leader-detained"
    assert doc.source == "The Lisca Courier"
    assert doc.origin == str(FIX / "page.html")
    assert "detained the opposition leader Anna Varo at her home in Lisca" in doc.text
    assert "respect the right to peaceful assembly." in doc.text
    for boilerplate in ("Subscribe now", "cookies", "Privacy policy", "All rights reserved"):
        assert boilerplate not in doc.text


def test_html_with_declared_charset_is_decoded(tmp_path):
    page = (
        '<html><head><meta charset="iso-8859-1"><title>Caf\xe9 talks</title></head><body>'
        f"<p>{ENGLISH} The talks were held in a caf\xe9 near the harbour.</p></body></html>"
    )
    [doc] = read(write(tmp_path / "latin.html", page.encode("latin-1")))
    assert doc.title == "Café talks"
    assert "held in a café near the harbour" in doc.text


def test_html_without_declared_charset_must_be_utf8(tmp_path):
    page = f"<html><body><p>{ENGLISH} caf\xe9</p></body></html>".encode("latin-1")
    problem = only_problem(read(write(tmp_path / "bad.html", page)))
    assert problem.why.startswith("not UTF-8 text (byte 0xE9 at offset ")


def test_html_without_text(tmp_path):
    path = write(
        tmp_path / "blank.html", "<html><head><title>Nothing</title></head><body></body></html>"
    )
    assert only_problem(read(path)).why == "no article text found in the HTML"


def test_html_to_text_keeps_paragraphs_and_drops_scripts():
    fragment = (
        "<p>One &amp; two</p><script>x()</script><!-- c --><ul><li>three</li><li>four</li></ul>"
    )
    assert html_to_text(fragment) == "One & two\nthree\nfour"
    assert html_to_text("  plain   text ") == "plain text"


# --- JSONL --------------------------------------------------------------------------------------


def test_jsonl_good_and_bad_lines():
    path = FIX / "wire.jsonl"
    results = read(path)
    good = docs(results)
    assert [d.id for d in good] == ["kx-101", "102", text_id(good[2].text)]
    first = good[0]
    assert first.text.startswith("The prime minister of Kestrel met union leaders in Sarn")
    assert first.title == "Kestrel PM meets unions"
    assert first.url == "https://wire.example.org/kx-101"
    assert first.source == "Example Wire"
    assert first.published == date(2024, 3, 1)
    assert first.origin == f"{path}:1"
    # A full datetime keeps the date it was written with, not the UTC one (2024-03-03).
    assert good[1].published == date(2024, 3, 2)
    assert good[1].meta == {"format": "jsonl", "lang": "en"}  # unknown fields are kept
    assert good[2].origin == f"{path}:8" and good[2].published is None
    assert problems(results) == [
        (f"{path}:4", "not valid JSON: Unterminated string starting at (column 26)"),
        (f"{path}:5", 'no "text" field'),
        (f"{path}:6", "bad \"date\" '14/03/2024': expected YYYY-MM-DD"),
        (f"{path}:7", "not a JSON object but an array"),
    ]


@pytest.mark.parametrize(
    "line, why",
    [
        ('{"id": 1, "text": 5}', '"text" must be a string, not a number'),
        ('{"id": 1, "text": "  "}', '"text" is empty'),
        ('{"id": [1], "text": "x"}', '"id" must be a string or a number, not an array'),
        ('{"id": true, "text": "x"}', '"id" must be a string or a number, not true/false'),
        ('{"text": "x", "date": 20240301}', '"date" must be a string "YYYY-MM-DD", not a number'),
        ('{"text": "x", "date": "2024-02-30"}', "bad \"date\" '2024-02-30': expected YYYY-MM-DD"),
        ('{"text": "x", "title": ["a"]}', '"title" must be a string, not an array'),
        ('"just a string"', "not a JSON object but a string"),
        ('{"text": "a\\u0000b"}', "binary data, not text (contains NUL characters)"),
    ],
)
def test_jsonl_line_problems(tmp_path, line, why):
    path = write(tmp_path / "x.jsonl", line + "\n")
    assert problems(read(path)) == [(f"{path}:1", why)]


def test_jsonl_bytes_problems(tmp_path):
    data = b'{"text": "caf\xe9"}\n{"text": "\x00"}\n'
    path = write(tmp_path / "x.jsonl", data)
    assert problems(read(path)) == [
        (f"{path}:1", "not UTF-8 text (byte 0xE9 at offset 13)"),
        (f"{path}:2", "binary data, not text (contains NUL bytes)"),
    ]


def test_jsonl_bom_crlf_datetimes_and_default_date(tmp_path):
    lines = [
        {"id": "a", "text": ENGLISH, "date": "2024-03-01T23:10:00Z"},
        {"id": "b", "text": ENGLISH + " More.", "date": None},
        {"id": "c", "text": ENGLISH + " Even more.", "date": ""},
    ]
    data = b"\xef\xbb\xbf" + b"\r\n".join(json.dumps(x).encode() for x in lines) + b"\r\n"
    results = read(write(tmp_path / "x.ndjson", data), default_date=date(2020, 1, 1))
    assert [(d.id, d.published) for d in results] == [
        ("a", date(2024, 3, 1)),
        ("b", date(2020, 1, 1)),
        ("c", date(2020, 1, 1)),
    ]


def test_empty_jsonl(tmp_path):
    path = write(tmp_path / "x.jsonl", "\n\n")
    assert problems(read(path)) == [(str(path), "empty input")]


def test_jsonl_line_too_long_is_skipped_not_held():
    chunks = [b'{"text": "a"}\n', b"x" * 30, b"x" * 30, b'\n{"text": "b"}']
    assert list(iter_lines(chunks, 40)) == [(1, b'{"text": "a"}'), (2, None), (3, b'{"text": "b"}')]
    results = list(read_jsonl(chunks, "big.jsonl", max_line_bytes=40))
    assert problems(results) == [("big.jsonl:2", "line too large: more than 40 bytes")]
    assert [d.text for d in docs(results)] == ["a", "b"]


# --- feeds --------------------------------------------------------------------------------------


def test_rss_feed():
    path = FIX / "news.rss"
    results = read(path)
    first, second = docs(results)
    assert first.id == "post-2024-0314-budget"
    assert first.title == "Norland cabinet approves new budget"
    assert first.url == "https://post.example.org/2024/03/14/budget"
    assert first.source == "Lisca Evening Post"
    # 21:30 at UTC-5 is already 15 March in UTC; the feed's own date is kept.
    assert first.published == date(2024, 3, 14)
    assert first.text == (
        "The Norland cabinet approved a new budget on Thursday that raises spending on "
        "defence & schools, the finance minister said.\n"
        "The opposition said it would vote against the plan in parliament."
    )
    assert first.origin == f"{path}#entry1"
    assert second.id == text_id(second.text)  # no guid: the id comes from the text
    assert second.published == date(2024, 3, 15)
    assert problems(results) == [(f"{path}#entry3", "entry has no text (no content or summary)")]


def test_atom_feed():
    path = FIX / "news.atom"
    first, second = read(path)
    assert first.id == "urn:example:ksr:2024-0320-expel"
    assert first.title == "Kestrel expels two diplomats"  # HTML title, tags stripped
    assert first.url == "https://radio.example.org/news/expel"
    assert first.source == "Kestrel State Radio"
    assert first.published == date(2024, 3, 20)
    assert first.text == (
        "Kestrel expelled two Valdorian diplomats on Wednesday, accusing them of spying.\n"
        "Valdoria said it would respond in kind."
    )
    assert second.published == date(2024, 3, 21)  # only <updated>: used instead
    assert second.text.startswith("The constitutional court of Kestrel upheld the result")
    assert second.origin == f"{path}#entry2"


def test_broken_feed():
    path = FIX / "broken.xml"
    assert problems(read(path)) == [
        (str(path), "not a readable RSS/Atom feed: unclosed token at line 4, column 25")
    ]


def test_xml_that_is_not_a_feed_and_a_feed_without_entries(tmp_path):
    sitemap = write(tmp_path / "sitemap.xml", '<?xml version="1.0"?><urlset><url>x</url></urlset>')
    empty = write(
        tmp_path / "empty.rss",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>',
    )
    assert problems(read(sitemap, empty)) == [
        (str(sitemap), "not a readable RSS/Atom feed: no RSS or Atom elements found"),
        (str(empty), "feed has no entries"),
    ]


def test_feed_encodings(tmp_path):
    body = (
        '<rss version="2.0"><channel><title>Caf\xe9 Post</title><item><guid>1</guid>'
        f"<description>{ENGLISH}</description></item></channel></rss>"
    )
    declared = write(
        tmp_path / "latin.rss",
        ('<?xml version="1.0" encoding="ISO-8859-1"?>' + body).encode("latin-1"),
    )
    [doc] = read(declared)
    assert doc.source == "Café Post" and doc.text == ENGLISH
    undeclared = write(tmp_path / "bad.rss", ('<?xml version="1.0"?>' + body).encode("latin-1"))
    assert only_problem(read(undeclared)).why.startswith("not UTF-8 text (byte 0xE9 at offset")


# --- stdin, detection and forced formats ------------------------------------------------------


def test_stdin_text_and_jsonl():
    [doc] = read("-", stdin=io.BytesIO(ENGLISH.encode()))
    assert doc.text == ENGLISH and doc.origin == "<stdin>"
    lines = b'{"id": "s1", "text": "%s"}\n{"id": "s2"}\n' % ENGLISH.encode()
    results = read("-", stdin=io.BytesIO(lines))
    assert [(d.id, d.origin) for d in docs(results)] == [("s1", "<stdin>:1")]
    assert problems(results) == [("<stdin>:2", 'no "text" field')]


def test_stdin_feed_and_empty():
    data = (FIX / "news.atom").read_bytes()
    assert [r.origin for r in read("-", stdin=io.BytesIO(data))] == [
        "<stdin>#entry1",
        "<stdin>#entry2",
    ]
    assert problems(read("-", stdin=io.BytesIO(b""))) == [("<stdin>", "empty input")]


def test_forced_input_format(tmp_path):
    lines = write(tmp_path / "wire.txt", f'{{"id": "f1", "text": "{ENGLISH}"}}\n')
    [as_text] = read(lines)
    assert as_text.text.startswith('{"id": "f1"')  # the extension says text
    [as_jsonl] = read(lines, input_format="jsonl")
    assert (as_jsonl.id, as_jsonl.text) == ("f1", ENGLISH)

    page = write(tmp_path / "page.txt", f"<html><body><p>{ENGLISH}</p></body></html>")
    [as_html] = read(page, input_format="html")
    assert as_html.text == ENGLISH


@pytest.mark.parametrize(
    "head, kind",
    [
        (b'<?xml version="1.0"?>\n<rss version="2.0">', "feed"),
        (b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">', "feed"),
        (b'<rss version="2.0"><channel>', "feed"),
        (b'<?xml version="1.0"?><!DOCTYPE html><html xmlns="x">', "html"),
        (b"\xef\xbb\xbf  <!DOCTYPE HTML>\n<html>", "html"),
        (b"<!-- saved page -->\n<html lang=en>", "html"),
        (b'\n{"id": 1, "text": "x"}\n{"id": 2', "jsonl"),
        (b'{"id": 1, "body": "x"}\n', "text"),
        (b"{not json at all}\n", "text"),
        (b"Plain words about <b>bold</b> things.", "text"),
        (b"", "text"),
    ],
)
def test_sniff(head, kind):
    assert sniff(head) == kind


def test_detect_prefers_extension():
    assert detect("a.HTM", b"plain") == "html"
    assert detect("a.atom", b"") == "feed"
    assert detect("a.ndjson", b"") == "jsonl"
    assert detect("a.md", b"<html>") == "text"
    assert detect("a.log", b"<html>") == "html"
    assert detect(None, b'{"text": "x"}') == "jsonl"
