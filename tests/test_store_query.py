"""The query layer for readers: filters, paging, sorting, documents, actors, timelines, linked
events; and every filter fed hostile strings, which must stay values, never SQL."""

from __future__ import annotations

import datetime as dt

import pytest

from dotterel.store import Store
from dotterel.store.query import MAX_PAGE, EventFilter, QueryError
from tests.storekit import city, coded, event

D = dt.date


@pytest.fixture()
def store(store_url):
    with Store(store_url) as store:
        store.save(coded("a", [
            event("a", 0, "040", ["RUSGOV"], ["UKRGOV"], "2026-03-09", text="Putin met Zelenskyy."),
            event("a", 1, "190", ["RUSMIL"], ["UKR"], "2026-03-10", start=30,
                  text="Russian forces shelled Kharkiv.", place=city("Kharkiv", "UKR")),
        ], "2026-03-10", source="Wire One", title="Talks and shelling"))  # fmt: skip
        store.save(coded("b", [
            event("b", 0, "111", ["UKRGOV"], ["RUSGOV"], "2026-03-10",
                  text="Kyiv ACCUSED Moscow of 100% bad faith."),
            event("b", 1, "040", ["USAGOV"], ["UKRGOV"], "2026-03-16", status="planned",
                  start=50, text="The US envoy will visit Kyiv next week."),
        ], "2026-03-11", source="Wire Two", title="Accusations"))  # fmt: skip
        store.save(coded("c", [
            event("c", 0, "040", ["RUSGOV", "TURGOV"], [], "2026-03", precision="month",
                  text="Russia and Turkey held talks in March."),
            event("c", 1, "190", ["RUSMIL"], ["UKR"], "2026-03-10", start=40,
                  text="Shelling hit Kharkiv again.", place=city("Kharkiv", "UKR")),
        ], "2026-03-12", source="Wire One", title="More shelling"))  # fmt: skip
        yield store


def _ids(page) -> list[str]:
    return sorted(f"{e['doc_id']}{e['sentence']}" for e in page.items)


def test_event_filters(store):
    r = store.reader()

    def ids(**kw):
        return _ids(r.events(EventFilter(**kw), per_page=MAX_PAGE))

    assert ids() == ["a0", "a1", "b0", "b1", "c0", "c1"]
    assert ids(actor="RUS") == ["a0", "a1", "b0", "c0", "c1"]  # a country, either side
    assert ids(actor="rusmil") == ["a1", "c1"]  # a code, any case
    assert ids(actor="RUS", role="recipient") == ["b0"]
    assert ids(dyad=("RUS", "UKR")) == ["a0", "a1", "b0", "c1"]
    assert ids(dyad=("RUS", "UKR"), directed=True) == ["a0", "a1", "c1"]
    assert ids(dyad=("RUS", "TUR")) == ["c0"]  # both act, no recipient: a meeting of the two
    assert ids(event_type="consult") == ["a0", "b1", "c0"]
    assert ids(cameo_root="19") == ids(quad_class=4) == ["a1", "c1"]
    assert ids(status="planned") == ["b1"]
    assert ids(date_from=D(2026, 3, 10), date_to=D(2026, 3, 10)) == ["a1", "b0", "c0", "c1"]
    assert ids(date_from=D(2026, 3, 14)) == ["b1", "c0"]  # "March" reaches the 14th
    assert ids(text="accused moscow") == ["b0"]  # any case
    assert ids(text="100%") == ["b0"] and ids(text="%") == ["b0"]  # % is itself
    assert ids(text="_") == []  # _ is itself, not any character
    assert ids(doc_id="a") == ["a0", "a1"] and ids(source="Wire One") == ["a0", "a1", "c0", "c1"]
    [shelling] = [e for e in r.events(EventFilter(doc_id="c")).items if e["sentence"] == 1]
    linked_id = shelling["linked_event"]["linked_id"]
    assert ids(linked_id=linked_id) == ["a1", "c1"]  # two reports of one shelling


def test_event_views_carry_their_document_and_link(store):
    [view] = store.reader().events(EventFilter(doc_id="b", status="planned")).items
    assert view["document"] == {"title": "Accusations", "url": None, "source": "Wire Two",
                                "published": "2026-03-11"}  # fmt: skip
    assert view["linked_event"]["mentions"] == 1 and "new event" in view["linked_event"]["why"]
    assert store.reader().event(view["event_id"]) == view
    assert store.reader().event("no-such-event") is None


def test_paging_and_sorting(store):
    r = store.reader()
    first = r.events(sort="date", per_page=4)
    second = r.events(sort="date", page=2, per_page=4)
    assert (first.total, first.pages, len(first.items), len(second.items)) == (6, 2, 4, 2)
    ordered = [e["date"] for e in first.items + second.items]
    assert ordered[0] == "2026-03" and ordered[-1] == "2026-03-16"  # by first day: 1 March
    newest = r.events(sort="-date", per_page=1).items[0]
    assert newest["date"] == "2026-03-16"
    assert [e["goldstein"] for e in r.events(sort="goldstein", per_page=2).items] == [-10, -10]
    assert r.events(sort="-published").items[0]["doc_id"] == "c"
    assert first.to_record()["pages"] == 2 and first.to_record()["sort"] == "date"
    for bad in ({"sort": "record"}, {"sort": "date; DROP TABLE events"}, {"per_page": 0},
                {"per_page": MAX_PAGE + 1}, {"page": 0}, {"page": "x"}):  # fmt: skip
        with pytest.raises(QueryError):
            r.events(**bad)


def test_filters_from_parameters():
    f = EventFilter.parse({"type": "assault", "root": "4", "from": "2026-03-01", "q": "x",
                           "dyad": "RUS–UKR", "directed": "true", "quad_class": "4"})  # fmt: skip
    assert (f.event_type, f.cameo_root, f.date_from, f.text, f.dyad, f.directed, f.quad_class) == (
        "ASSAULT", "04", D(2026, 3, 1), "x", ("RUS", "UKR"), True, 4
    )  # fmt: skip
    assert f.to_record()["dyad"] == "RUS-UKR"
    for bad in ({"colour": "red"}, {"quad_class": "5"}, {"quad_class": "1.5"},
                {"from": "yesterday"}, {"dyad": "RUS"}, {"role": "victim"},
                {"from": "2026-03-02", "to": "2026-03-01"}, {"directed": "maybe"},
                {"actor": "R" * 65}, {"q": "x" * 201}):  # fmt: skip
        with pytest.raises(QueryError):
            EventFilter.parse(bad)


def test_documents_and_a_document(store):
    r = store.reader()
    page = r.documents()
    assert [d["doc_id"] for d in page.items] == ["c", "b", "a"]  # newest first
    assert [d["events"] for d in page.items] == [2, 2, 2]
    assert [d["doc_id"] for d in r.documents(text="shelling").items] == ["a", "c"][::-1]
    assert [d["doc_id"] for d in r.documents(source="Wire Two").items] == ["b"]
    assert r.documents(date_to=D(2026, 3, 10)).total == 1
    doc = r.document("a")
    assert doc["title"] == "Talks and shelling" and doc["text"].startswith("The text of a")
    start = doc["text"].index("It has")
    assert doc["sentences"][1] == {"text": "It has two sentences.", "start": start}
    assert [e["sentence"] for e in doc["events"]] == [0, 1]
    assert set(doc) >= {"times", "places", "quotes", "entities", "candidates"}
    assert r.document("zzz") is None


def test_actors_and_an_actor(store):
    r = store.reader()
    page = r.actors()
    assert [(i["code"], i["events"]) for i in page.items[:3]] == [
        ("RUSGOV", 3), ("UKRGOV", 3), ("RUSMIL", 2)
    ]  # most events first, then by code  # fmt: skip
    assert {i["code"] for i in r.actors(prefix="rus").items} == {"RUSGOV", "RUSMIL"}
    assert [i["code"] for i in r.actors(sort="code").items][:2] == ["RUSGOV", "RUSMIL"]
    assert r.actors(EventFilter(event_type="ASSAULT")).total == 2  # RUSMIL, UKR
    rus = r.actor("rusgov")
    assert (rus["events"], rus["as_actor"], rus["as_recipient"], rus["country"]) == (3, 2, 1, "RUS")
    assert {p["code"] for p in rus["partners"]} == {"UKRGOV", "TURGOV"}
    assert r.actor("NOBODY") is None
    with pytest.raises(QueryError):
        r.actors(sort="names")


def test_timelines(store):
    r = store.reader()
    days = r.timeline(EventFilter(dyad=("RUS", "UKR")))
    assert [d["period"] for d in days] == ["2026-03-09", "2026-03-10"]
    assert days[1]["events"] == 3 and days[1]["quad_class"] == {"1": 0, "2": 0, "3": 1, "4": 2}
    assert days[1]["goldstein"] == -22.0
    weeks = r.timeline(by="week")
    assert [w["period"] for w in weeks] == ["2026-03-09", "2026-03-16"]  # Mondays
    assert [w["events"] for w in weeks] == [4, 1]  # "March" is not dated to a day
    linked = r.timeline(EventFilter(event_type="ASSAULT"), count="linked")
    assert [(d["period"], d["events"]) for d in linked] == [("2026-03-10", 1)]
    assert r.timeline(EventFilter(actor="CHN")) == []
    with pytest.raises(QueryError):
        r.timeline(by="month")


def test_linked_events(store):
    r = store.reader()
    page = r.linked_events()
    assert page.items[0]["mentions"] == 2 and page.items[0]["event_type"] == "ASSAULT"
    assert r.linked_events(min_mentions=2).total == 1
    assert r.linked_events(EventFilter(actor="USA")).total == 1
    one = r.linked_event(page.items[0]["linked_id"])
    assert [e["doc_id"] for e in one["events"]] == ["a", "c"]
    assert one["places"][0]["name"] == "Kharkiv"
    assert r.linked_event(10**9) is None
    with pytest.raises(QueryError):
        r.linked_event("1 OR 1=1")


INJECTIONS = [
    "' OR '1'='1",
    "RUS' OR 1=1 --",
    "x'; DROP TABLE events; --",
    '" OR ""="',
    "1; DELETE FROM documents",
    "') OR ('a'='a",
    "RUS%",
    "1 UNION SELECT record FROM events --",
    "\\",
    "\x00",
]


def test_injection_strings_through_every_filter_stay_values(store):
    r = store.reader()
    before = {t: store.count(t) for t in ("documents", "events", "event_actors", "linked_events")}
    fields = ["actor", "role", "dyad", "directed", "type", "root", "quad_class", "status",
              "from", "to", "q", "doc_id", "source", "linked_id"]  # fmt: skip
    assert set(fields) <= set(EventFilter.FIELDS)
    answered = 0
    for payload in INJECTIONS:
        for name in fields:
            value = f"{payload}-{payload}" if name == "dyad" else payload
            try:
                f = EventFilter.parse({name: value})
            except QueryError:
                continue  # refused as a bad value: also safe
            for ask in (
                lambda f=f: r.events(f).items,
                lambda f=f: r.actors(f).items,
                lambda f=f: r.timeline(f),
                lambda f=f: r.linked_events(f).items,
                lambda f=f: r.planned(f=f),
            ):
                assert ask() == [], (name, payload)
                answered += 1
        for ask in (
            lambda p=payload: r.documents(text=p, source=p).items,
            lambda p=payload: r.actors(prefix=p).items,
            lambda p=payload: r.actor(p),
            lambda p=payload: r.document(p),
            lambda p=payload: r.event(p),
        ):
            try:
                assert ask() in ([], None), payload
                answered += 1
            except QueryError:
                pass
        for ask in (lambda p=payload: r.events(sort=p), lambda p=payload: r.timeline(by=p)):
            with pytest.raises(QueryError):
                ask()
    assert answered > 300  # most reached the database as values and matched nothing
    after = {t: store.count(t) for t in before}
    assert after == before and r.events().total == 6
