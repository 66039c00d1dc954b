"""The web UI in a real browser: headless Chromium from Debian (/usr/bin/chromium) driven by
playwright, against `dotterel serve`'s app on a free local port over articles written for the
tests and coded by the real Coder. Screenshots go to test-artifacts/ (DOTTEREL_SCREENSHOTS=1
also refreshes the two the README shows, under docs/)."""

from __future__ import annotations

import pytest

from dotterel.serve.app import create_app
from dotterel.store import Store
from tests.webkit import (
    ARTICLES,
    LiveServer,
    chromium,
    coded_database,
    copy_to_docs,
    local_only,
    shot,
)

PAGES = ["/", "/events", "/documents/talks-offer", "/dyads/RUS-UKR", "/planned", "/actors/RUS"]


@pytest.fixture(scope="module")
def db(tmp_path_factory, coder):
    return coded_database(tmp_path_factory, coder, ARTICLES)


@pytest.fixture(scope="module")
def site(db):
    server = LiveServer(create_app(str(db))).start()
    yield server.url
    server.stop()


@pytest.fixture(scope="module")
def browser():
    playwright, browser = chromium()
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.refused = local_only(page)
    yield page
    context.close()


def test_each_page_loads_from_local_assets_only(site, page):
    for path in PAGES:
        response = page.goto(site + path)
        assert response.status == 200, path
        assert page.locator("h1").first.is_visible(), path
        # the stylesheet applied: the header is laid out as a flex row
        assert page.eval_on_selector("header.top", "e => getComputedStyle(e).display") == "flex"
        name = path.strip("/").replace("/", "-") or "overview"
        shot(page, f"page-{name}")
    page.goto(site + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=15_000)  # Swagger UI drew the API
    assert page.locator(".opblock-summary-path", has_text="/api/events").count() >= 1
    shot(page, "page-docs")
    assert page.errors == []
    assert page.refused == []  # nothing from a CDN or anywhere else


def test_filter_the_events_and_click_through_to_the_article(site, page, db):
    page.goto(site + "/events")
    everything = int(page.inner_text("#total"))
    page.select_option("select[name=type]", "ASSAULT")
    page.fill("input[name=actor]", "RUS")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/events?*type=ASSAULT*")
    shown = int(page.inner_text("#total"))
    with Store(db) as store:
        from dotterel.store.query import EventFilter

        expected = store.reader().events(EventFilter(event_type="ASSAULT", actor="RUS")).total
    assert 0 < shown == expected < everything
    types = page.locator("table.events tbody tr td:nth-child(2)").all_inner_texts()
    assert types and set(types) == {"ASSAULT"}
    shot(page, "events-filtered")

    link = page.locator("a.evidence-link").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url("**/documents/**")
    assert page.url.endswith(href)
    event_id = href.split("#ev-")[1]
    # the script marks the event's card and its words in the text
    assert "active" in page.get_attribute(f"#ev-{event_id}", "class")
    active = page.locator("mark.active")
    assert active.count() >= 1
    assert page.locator("mark.hl-trigger.active").count() == 1
    assert page.errors == []


def test_the_article_page_marks_what_was_found(site, page, db):
    page.goto(site + "/documents/talks-offer")
    with Store(db) as store:
        stored = store.reader().document("talks-offer")
    # marking never changes the text: the article reads exactly as stored
    assert page.text_content("#article") == stored["text"]
    for kind in ("trigger", "actor", "time", "place", "quote"):
        assert page.locator(f"#article mark.hl-{kind}").count() >= 1, kind
    triggers = page.locator("#article mark.hl-trigger").all_inner_texts()
    assert set(triggers) == {e["trigger"]["text"] for e in stored["events"]}
    assert "Istanbul" in page.locator("#article mark.hl-place").all_inner_texts()
    assert page.locator(".event-card").count() == len(stored["events"])
    # hovering an event lights its words
    card = page.locator(".event-card").first
    card.hover()
    event_id = card.get_attribute("data-event")
    lit = page.locator("#article mark.active")
    assert lit.count() >= 1
    assert all(event_id in m.get_attribute("data-events").split() for m in lit.all())
    path = shot(page, "article")
    copy_to_docs(path, "article-page.png")
    assert page.errors == []


def test_the_dyad_chart_draws(site, page, db):
    page.goto(site + "/dyads/RUS-UKR")
    chart = page.locator("svg.timeline")
    assert chart.count() == 1
    box = chart.bounding_box()
    assert box["width"] > 300 and box["height"] > 100
    with Store(db) as store:
        from dotterel.store.query import EventFilter

        periods = store.reader().timeline(EventFilter(dyad=("RUS", "UKR")))
    nonzero = sum(1 for p in periods for n in p["quad_class"].values() if n)
    assert nonzero >= 2
    bars = page.locator("svg.timeline rect.bar")
    assert bars.count() == nonzero
    assert all(float(b.get_attribute("height")) > 0 for b in bars.all())
    assert page.locator("svg.timeline rect.bar.q3, svg.timeline rect.bar.q4").count() >= 1
    assert page.locator("svg.timeline polyline.goldstein").count() == 1
    path = shot(page, "dyad")
    copy_to_docs(path, "dyad-page.png")
    assert page.errors == []
