"""Article text and titles are hostile input, and so is every query parameter.

- An article holding <script>, <img onerror> and a javascript: link, in its text, its title,
  its source and its URL, is coded by the real Coder; every page shows it escaped, and in
  Chromium none of it runs (the flag a script would set stays unset, no dialog opens).
- Injection strings go through every filter, sort, page and path parameter of the API and the
  pages, on both store back ends: the answer is 200 with no rows, 400, 404 or 422, never 500,
  and the store is unchanged after.
"""

from __future__ import annotations

import re
import warnings
from urllib.parse import quote

import pytest

from dotterel.serve.app import create_app
from dotterel.store import Store
from tests.test_api import fill
from tests.webkit import ARTICLES, HOSTILE, LiveServer, chromium, coded_database, shot

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

RAW = ("<script>window.__pwned", "<img src=x onerror", 'href="javascript:', "<b>Evil</b>")
PAGES = ["/", "/index.json", "/events", "/events?q=threatened", "/documents/hostile",
         "/dyads/RUS-UKR", "/actors/RUS", "/actors/UKR", "/planned?from=2025-05-01"]  # fmt: skip


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory, coder):
    return coded_database(tmp_path_factory, coder, [*ARTICLES, HOSTILE])


def test_the_hostile_article_was_coded_and_its_events_are_shown(hostile_db):
    with Store(hostile_db) as store:
        doc = store.reader().document("hostile")
    assert doc["title"] == HOSTILE["title"] and doc["text"] == HOSTILE["text"]  # stored as is
    assert doc["events"], "the test needs events from the hostile article on every page"


def test_every_page_escapes_the_hostile_text(hostile_db):
    c = TestClient(create_app(str(hostile_db)), raise_server_exceptions=False)
    for path in PAGES:
        response = c.get(path)
        assert response.status_code == 200, path
        if path.endswith(".json") or ".json?" in path:
            continue
        for raw in RAW:
            assert raw not in response.text, (path, raw)
    # the marks may cut the text anywhere (the quote finder takes "javascript:..." for a
    # quotation); what lies between them must be the escaped text
    page = re.sub(r'<mark class="[^"]*" data-events="[^"]*" title="[^"]*">|</mark>', "",
                  c.get("/documents/hostile").text)  # fmt: skip
    assert "&lt;script&gt;window.__pwned = &#39;text&#39;&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&#34;window.__pwned=2;alert(1)&#34;&gt;" in page
    assert "&lt;a href=&#34;javascript:window.__pwned=3&#34;&gt;" in page
    assert "&lt;script&gt;window.__pwned = &#34;title&#34;&lt;/script&gt;" in page
    assert "&lt;b&gt;Evil&lt;/b&gt; Wire" in page
    assert "javascript:window.__pwned=&#39;url&#39;" in page  # shown as text, not a link
    events = c.get("/events?q=threatened").text
    assert "&lt;script&gt;window.__pwned" in events  # the evidence sentence, escaped
    # the JSON twin gives the text back as it was stored, not mangled
    assert c.get("/documents/hostile.json").json()["text"] == HOSTILE["text"]


def test_the_hostile_text_never_runs_in_the_browser(hostile_db):
    server = LiveServer(create_app(str(hostile_db))).start()
    playwright, browser = chromium()
    try:
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in PAGES:
            if ".json" in path:
                continue
            page.goto(server.url + path)
            page.wait_for_load_state("load")
            page.wait_for_timeout(150)  # a broken image's onerror would have fired by now
            assert page.evaluate("typeof window.__pwned") == "undefined", path
            assert page.locator("a[href^='javascript:' i]").count() == 0, path
            assert page.locator("main script, main img, main [onerror]").count() == 0, path
        page.goto(server.url + "/documents/hostile")
        article = page.text_content("#article")
        assert "<script>window.__pwned = 'text'</script>" in article  # shown, as text
        assert page.text_content("h1") == HOSTILE["title"]
        # clicking the words of the link does nothing either
        page.get_by_text("click here").first.click()
        page.wait_for_timeout(100)
        assert page.evaluate("typeof window.__pwned") == "undefined"
        shot(page, "hostile-article")
        assert dialogs == []
    finally:
        browser.close()
        playwright.stop()
        server.stop()


INJECTIONS = [
    "' OR '1'='1",
    "'; DROP TABLE events; --",
    '" OR ""="',
    "RUS') UNION SELECT record FROM events --",
    "1; DELETE FROM documents",
    "2026-03-10' OR '1'='1",
    "%",
    "_",
    "\\",
    "\x00",
    "<script>alert(1)</script>",
    "😀" * 70,
    "a" * 5_000,
    "-1",
    "99999999999999999999",
]
API_FILTERS = ["actor", "role", "dyad", "directed", "type", "root", "quad_class", "status",
               "from", "to", "q", "doc_id", "source"]  # fmt: skip
LIST_ENDPOINTS = {
    "/api/events": [*API_FILTERS, "sort", "page", "per_page"],
    "/api/documents": ["q", "source", "from", "to", "sort", "page", "per_page"],
    "/api/actors": [*API_FILTERS, "prefix", "sort", "page", "per_page"],
    "/api/timeline": [*API_FILTERS, "by", "count"],
    "/api/planned": [*API_FILTERS, "limit"],
    "/api/linked-events": [*API_FILTERS, "min_mentions", "sort", "page", "per_page"],
    "/events": [*API_FILTERS, "sort", "page", "per_page"],
    "/planned": ["from", "to", "actor"],
    "/dyads/RUS-UKR": ["by", "from", "to", "type"],
}
PATHS = ["/api/documents/{}", "/api/events/{}", "/api/actors/{}", "/api/linked-events/{}",
         "/documents/{}", "/dyads/{}", "/dyads/RUS-{}", "/actors/{}"]  # fmt: skip
ALLOWED = {200, 400, 404, 422}


def test_injection_strings_through_every_filter(store_url):
    with Store(store_url) as store:
        fill(store)
        before = (store.count("events"), store.count("documents"))
    c = TestClient(create_app(store_url), raise_server_exceptions=False)
    for endpoint, names in LIST_ENDPOINTS.items():
        for name in names:
            for value in INJECTIONS:
                response = c.get(endpoint, params={name: value})
                assert response.status_code in ALLOWED, (endpoint, name, value[:40])
                if endpoint == "/api/events" and name in API_FILTERS and response.is_success:
                    # a hostile value is a value: it matches nothing, it does not widen
                    assert response.json()["total"] == 0, (name, value[:40])
    for template in PATHS:
        for value in INJECTIONS:
            response = c.get(template.format(quote(value, safe="")))
            assert response.status_code in ALLOWED, (template, value[:40])
    with Store(store_url) as store:
        assert (store.count("events"), store.count("documents")) == before
    assert c.get("/api/events").json()["total"] == before[0]
