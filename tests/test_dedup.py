"""One event, many reports: mentions of one real-world event across articles link into one
event with its mentions, articles and sources; distinct events stay distinct; the rule's
thresholds are settings.

The summit is made up for this test (Lula and Macron in Brasília on Wednesday 11 March 2026)
and so are its reports; they go through the real Coder."""

from __future__ import annotations

import datetime as dt

import pytest

from dotterel.config import ConfigError, load_config
from dotterel.document import Document
from dotterel.store import Store
from dotterel.store.linkrule import LinkSettings, compatible_places
from tests.storekit import city, coded, country, event

# published, source, url, text
SUMMIT_REPORTS = [
    ("2026-03-09", "Rio Wire", None,
     "Brazilian President Luiz Inácio Lula da Silva will meet French President Emmanuel Macron "
     "in Brasília on Wednesday, officials said. The two leaders are expected to discuss trade "
     "and the protection of the Amazon."),
    ("2026-03-11", "Agence Lumière", None,
     "Lula and Macron met in Brasília on Wednesday to discuss trade and the Amazon rainforest."),
    ("2026-03-12", "Southern Cross Post", None,
     "French President Emmanuel Macron held talks with Brazil's president Lula on Wednesday in "
     "the Brazilian capital."),
    ("2026-03-11", None, "https://www.example-news.org/2026/03/11/macron-lula",
     "Emmanuel Macron met President Lula in Brasília on Wednesday, the French presidency said."),
    ("2026-03-12", "Rio Wire", None,
     "The French and Brazilian presidents held a summit in Brasília yesterday."),
]  # fmt: skip

OTHER_EVENTS = [  # the same day, the same city or the same pair, and still other events
    ("2026-03-11", "Agence Lumière", None,
     "Lula met Argentine President Javier Milei in Brasília on Wednesday."),
    ("2026-03-11", "Southern Cross Post", None,
     "Macron criticised Lula on Wednesday over the trade deal."),
    ("2026-04-15", "Rio Wire", None, "Lula met Macron again in Paris on Wednesday."),
]  # fmt: skip


def _documents(reports, prefix):
    return [
        Document(text, id=f"{prefix}{i}", source=source, url=url,
                 published=dt.date.fromisoformat(published))
        for i, (published, source, url, text) in enumerate(reports)
    ]  # fmt: skip


def _parties(record) -> set[str]:
    return {a["country"] for a in record["actor"] + record["recipient"]}


@pytest.fixture(scope="module")
def coded_reports(coder):
    summit = list(coder.code(_documents(SUMMIT_REPORTS, "summit-")))
    others = list(coder.code(_documents(OTHER_EVENTS, "other-")))
    return summit, others


def test_reports_of_one_summit_become_one_event_with_every_mention(coded_reports, store_url):
    summit, others = coded_reports
    meetings = [
        e.event_id
        for c in summit
        for e in c.events
        if e.event_type == "CONSULT" and _parties(e.to_record()) <= {"BRA", "FRA"}
    ]
    # Each report gave the coder the meeting (else this test would prove nothing).
    assert {i.split("-")[1] for i in meetings} == {str(i) for i in range(len(SUMMIT_REPORTS))}
    with Store(store_url) as store:
        for c in [*summit, *others]:
            store.save(c)
        reader = store.reader()
        ids = {reader.event(i)["linked_event"]["linked_id"] for i in meetings}
        assert len(ids) == 1, ids
        [linked_id] = ids
        linked = reader.linked_event(linked_id)
        assert sorted(m["event_id"] for m in linked["events"]) == sorted(meetings)
        assert linked["mentions"] == len(meetings)
        assert linked["articles"] == len(SUMMIT_REPORTS)
        assert linked["sources"] == 4  # Rio Wire twice; one report known by its web host only
        assert (linked["event_type"], linked["date"], linked["status"]) == (
            "CONSULT",
            "2026-03-11",
            "reported",
        )
        assert set(linked["actors"]) | set(linked["recipients"]) == {"BRA", "FRA"}
        assert "5 article(s)" in linked["why"] and "CONSULT" in linked["why"]
        for m in linked["events"]:
            assert m["linked_event"]["mentions"] == len(meetings)

        # The other meeting that day, the criticism, the next month's meeting: each its own.
        other_ids = [
            {reader.event(e.event_id)["linked_event"]["linked_id"] for e in c.events}
            for c in others
        ]
        assert all(len(s) == 1 for s in other_ids), other_ids
        other_ids = [s.pop() for s in other_ids]
        assert len(set(other_ids)) == len(OTHER_EVENTS) and linked_id not in other_ids

        # Storing the reports again changes nothing.
        before = store.count("linked_events"), reader.linked_event(linked_id)["mentions"]
        for c in summit:
            store.save(c)
        assert (store.count("linked_events"), reader.linked_event(linked_id)["mentions"]) == before


# -- the rule, on events made by hand ------------------------------------------------------------


def _linked(store, doc_ids):
    reader = store.reader()
    out = []
    for doc_id in doc_ids:
        found = {e["linked_event"]["linked_id"] for e in reader.document(doc_id)["events"]}
        assert len(found) == 1
        out.append(found.pop())
    return out


def _store(tmp_path, **settings):
    return Store(tmp_path / "s.db", link=LinkSettings(**settings))


def test_two_meetings_on_one_day_between_different_pairs_stay_two(tmp_path):
    with _store(tmp_path) as store:
        store.save(coded("a", [event("a", 0, "040", ["RUSGOV"], ["TURGOV"])]))
        store.save(coded("b", [event("b", 0, "040", ["RUSGOV"], ["CHNGOV"])]))
        store.save(coded("c", [event("c", 0, "040", ["TURGOV"], ["RUSGOV"])]))  # swapped: same
        a, b, c = _linked(store, "abc")
        assert a != b and a == c


def test_the_same_pair_with_another_type_or_direction_stays_apart(tmp_path):
    with _store(tmp_path) as store:
        store.save(coded("a", [event("a", 0, "040", ["FRAGOV"], ["BRAGOV"])]))
        store.save(coded("b", [event("b", 0, "111", ["FRAGOV"], ["BRAGOV"])]))
        store.save(coded("c", [event("c", 0, "111", ["BRAGOV"], ["FRAGOV"])]))  # directed type
        store.save(coded("d", [event("d", 0, "111", ["FRA"], ["BRA"])]))  # same countries
        a, b, c, d = _linked(store, "abcd")
        assert len({a, b, c}) == 3 and d == b


def test_dates_must_fit_every_report_within_the_window(tmp_path):
    with _store(tmp_path, window_days=1) as store:
        for doc_id, day in (("a", "2026-03-11"), ("b", "2026-03-12"), ("c", "2026-03-13")):
            store.save(coded(doc_id, [event(doc_id, 0, "190", ["RUSMIL"], ["UKR"], day)]))
        a, b, c = _linked(store, "abc")
        # 12 fits 11; 13 fits 12 but not 11, so a chain of reports cannot drift
        assert a == b and c != a
        store.link_settings = LinkSettings(window_days=2)
        store.relink()
        assert len(set(_linked(store, "abc"))) == 1


def test_a_month_and_a_publication_date_are_the_days_they_can_mean(tmp_path):
    with _store(tmp_path) as store:
        store.save(coded("a", [event("a", 0, "057", ["RUSGOV"], ["UKRGOV"], "2026-03-20")]))
        store.save(coded("b", [event("b", 0, "057", ["RUSGOV"], ["UKRGOV"], "2026-03",
                                     precision="month")]))  # fmt: skip
        store.save(coded("c", [event("c", 0, "057", ["RUSGOV"], ["UKRGOV"], "2026-03-22",
                                     precision="publication")], "2026-03-22"))  # fmt: skip
        store.save(coded("d", [event("d", 0, "057", ["RUSGOV"], ["UKRGOV"], "2026-03-30",
                                     precision="publication")], "2026-03-30"))  # fmt: skip
        a, b, c, d = _linked(store, "abcd")
        assert a == b == c and d != a


def test_places_must_be_compatible_when_both_reports_have_one(tmp_path):
    istanbul = city("Istanbul", "TUR", "Istanbul", 745044)
    ankara = city("Ankara", "TUR", "Ankara", 323786)
    with _store(tmp_path) as store:
        store.save(coded("a", [event("a", 0, "040", ["RUSGOV"], ["UKRGOV"], place=istanbul)]))
        store.save(coded("b", [event("b", 0, "040", ["UKRGOV"], ["RUSGOV"],
                                     place=country("Turkey", "TUR"))]))  # fmt: skip
        store.save(coded("c", [event("c", 0, "040", ["RUSGOV"], ["UKRGOV"])]))  # no place
        store.save(coded("d", [event("d", 0, "040", ["RUSGOV"], ["UKRGOV"], place=ankara)]))
        a, b, c, d = _linked(store, "abcd")
        assert a == b == c and d != a


def test_place_compatibility():
    istanbul = city("Istanbul", "TUR", "Istanbul").to_record()
    assert compatible_places(istanbul, country("Turkey", "TUR").to_record())
    assert not compatible_places(istanbul, country("Greece", "GRC").to_record())
    assert not compatible_places(istanbul, city("Ankara", "TUR", "Ankara").to_record())
    region = {"name": "Istanbul", "country": "TUR", "admin1": None, "precision": "admin1"}
    assert compatible_places(istanbul, region)


def test_a_report_naming_fewer_parties_joins_only_an_event_it_alone_fits(tmp_path):
    with _store(tmp_path) as store:
        store.save(coded("a", [event("a", 0, "190", ["RUSMIL"], ["UKR"])]))
        store.save(coded("b", [event("b", 0, "190", ["RUSMIL"], [])]))  # attacked... whom?
        a, b = _linked(store, "ab")
        assert a == b
        store.save(coded("c", [event("c", 0, "190", ["RUSMIL"], ["GEO"])]))
        store.save(coded("d", [event("d", 0, "190", ["RUSMIL"], [])]))  # now it could be either
        c, d = _linked(store, "cd")
        assert c != a and d not in (a, c)
        assert "kept apart" in store.reader().document("d")["events"][0]["linked_event"]["why"]


def test_parties_by_code_keep_government_and_military_apart(tmp_path):
    with _store(tmp_path, match="code") as store:
        store.save(coded("a", [event("a", 0, "190", ["RUSMIL"], ["UKR"])]))
        store.save(coded("b", [event("b", 0, "190", ["RUSGOV"], ["UKR"])]))
        a, b = _linked(store, "ab")
        assert a != b


def test_linking_can_be_switched_off(tmp_path):
    with _store(tmp_path, enabled=False) as store:
        store.save(coded("a", [event("a", 0, "190", ["RUSMIL"], ["UKR"])]))
        assert store.count("linked_events") == 0
        assert store.reader().document("a")["events"][0]["linked_event"] is None


def test_link_settings_come_from_dotterel_toml(tmp_path, monkeypatch):
    toml = tmp_path / "dotterel.toml"
    toml.write_text('[link]\nwindow_days = 3\nmatch = "code"\nsymmetric_types = ["consult"]\n')
    monkeypatch.setenv("DOTTEREL_CONFIG", str(toml))
    settings = load_config().link_settings()
    assert (settings.window_days, settings.match, settings.symmetric_types) == (
        3, "code", ("CONSULT",)
    )  # fmt: skip
    with Store(tmp_path / "s.db") as store:
        assert store.link_settings == settings
    toml.write_text("[link]\nwindow_days = -1\n")
    with pytest.raises(ConfigError, match="window_days"):
        load_config()
    toml.write_text("[link]\nwindow = 1\n")
    with pytest.raises(ConfigError, match="unknown link settings"):
        load_config()
