"""Linking whose cost does not grow with the database: a new report is compared only with the
linked events that share a party and a day (`linked_keys`), and the event it joins is updated
from that report alone (`linked_tallies`). What the store shows must be exactly what counting
every report again gives, in whatever order the reports arrive, on both back ends."""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import command

from dotterel.store import Store, linking, migrate
from dotterel.store.linkrule import LinkSettings
from dotterel.store.tables import linked_events, linked_keys, linked_tallies
from tests.storekit import city, coded, country, event

ISTANBUL = city("Istanbul", "TUR", "Istanbul", 745044)
TURKEY = country("Turkey", "TUR")


def _rows(conn) -> list[dict]:
    query = sa.select(linked_events).order_by(linked_events.c.linked_id)
    return [dict(r) for r in conn.execute(query).mappings()]


def _keys(conn) -> list[tuple]:
    k = linked_keys.c
    query = sa.select(k.linked_id, k.role, k.party, k.event_type, k.reach, k.date_lo, k.date_hi)
    return sorted(tuple(r) for r in conn.execute(query))


def _shown(store) -> tuple[list[dict], list[tuple]]:
    """The linked events and their keys as stored."""
    with store.engine.connect() as conn:
        return _rows(conn), _keys(conn)


def _recounted(store) -> tuple[list[dict], list[tuple]]:
    """The linked events and their keys as counting every report again makes them; rolled
    back, so that the store goes on from what it had counted itself."""
    with store.engine.connect() as conn:
        with conn.begin() as transaction:
            for linked_id in conn.execute(sa.select(linked_events.c.linked_id)).scalars().all():
                linking.refresh(conn, linked_id, store.link_settings)
            found = _rows(conn), _keys(conn)
            transaction.rollback()
        return found


# Reports of one meeting (symmetric type, so every order of the two parties links), stored in an
# order that is not the order they were published in; the undated one comes first in report
# order. They disagree on the CAMEO code, the date, the place and the outlet's spelling.
REPORTS = [
    coded("c", [event("c", 0, "040", ["RUSGOV"], ["TURGOV"], "2026-03-12", place=ISTANBUL)],
          "2026-03-12", source="Wire One"),
    coded("e", [event("e", 2, "036", ["RUSGOV"], ["TURGOV"], "2026-03-12", place=ISTANBUL)],
          "2026-03-13", url="https://www.example-news.org/x"),
    coded("d", [event("d", 0, "040", ["TURGOV"], ["RUSGOV"], "2026-03-12", place=TURKEY)],
          "2026-03-12", source="Third Post"),
    coded("a", [event("a", 0, "036", ["TURGOV"], ["RUSGOV"], "2026-03-11", place=TURKEY),
                event("a", 1, "040", ["RUSGOV"], ["TURGOV"], "2026-03-12")],
          "2026-03-10", source="wire  one"),
    coded("b", [event("b", 0, "036", ["RUSGOV"], ["TURGOV"], "2026-03", precision="month",
                      status="planned")], None),
]  # fmt: skip


def test_each_report_updates_its_event_exactly_as_counting_all_reports_again(store_url):
    with Store(store_url, link=LinkSettings()) as store:
        for report in REPORTS:
            store.save(report)
            shown, keys = _shown(store)
            assert (shown, keys) == _recounted(store), report.document.id
        [meeting] = shown
        assert meeting["mentions"] == 6 and meeting["articles"] == 5
        assert meeting["sources"] == 3  # "Wire One" twice, a web host, "Third Post"
        # 036 and 040 are three reports each: the tie goes to the code of the first report in
        # report order (the undated "b", stored last), not to the first one stored ("c").
        assert meeting["cameo"] == "036" and meeting["first_event_id"].startswith("b-")
        # Places in report order: Turkey (in "a", published first, though "d" gave it first),
        # then Istanbul (stored first, in "c").
        assert [p["name"] for p in json.loads(meeting["places"])] == ["Turkey", "Istanbul"]
        # One report says planned, the others reported: it happened. Most reports give the 12th.
        assert meeting["status"] == "reported" and meeting["date"] == "2026-03-12"
        assert {k[2] for k in keys} == {"RUS", "TUR"}

        # Replacing a document, and relinking, still agree with counting again.
        store.save(coded("a", [event("a", 0, "040", ["TURGOV"], ["RUSGOV"], "2026-03-12")],
                         "2026-03-10", source="wire one"))  # fmt: skip
        assert _shown(store) == _recounted(store)
        assert store.relink() == 1
        assert _shown(store) == _recounted(store)


def test_events_whose_days_span_a_month_a_year_or_more_are_still_found(tmp_path):
    wide = [  # (doc, parties, date, precision, date_end): one per class of span
        ("m", ["RUSGOV", "UKRGOV"], "2026-03", "month", None),
        ("y", ["FRAGOV", "DEUGOV"], "2026", "year", None),
        ("w", ["CHNGOV", "JPNGOV"], "2026-01-01", "day", "2028-12-31"),
        ("d", ["TURGOV", "GRCGOV"], "2026-06-10", "day", None),
    ]
    with Store(tmp_path / "s.db", link=LinkSettings()) as store:
        for doc, (a, b), day, precision, end in wide:
            store.save(coded(doc, [event(doc, 0, "057", [a], [b], day, precision=precision,
                                         date_end=end)], "2026-06-10"))  # fmt: skip
        reach = {party: r for _, _, party, _, r, _, _ in _shown(store)[1]}
        assert (reach["RUS"], reach["FRA"], reach["CHN"], reach["TUR"]) == (40, 400, None, 8)
        inside = [("m2", "RUSGOV", "UKRGOV", "2026-03-30"), ("y2", "DEUGOV", "FRAGOV",
                  "2026-11-02"), ("w2", "JPNGOV", "CHNGOV", "2027-05-05"), ("d2", "GRCGOV",
                  "TURGOV", "2026-06-11")]  # fmt: skip
        outside = [("m3", "RUSGOV", "UKRGOV", "2026-04-02"), ("d3", "TURGOV", "GRCGOV",
                   "2026-06-13")]  # fmt: skip
        for doc, a, b, day in inside + outside:
            store.save(coded(doc, [event(doc, 0, "057", [a], [b], day)], day))
        reader = store.reader()

        def linked(doc):
            return reader.document(doc)["events"][0]["linked_event"]["linked_id"]

        for doc, *_ in inside:
            assert linked(doc) == linked(doc[0]), doc
        for doc, *_ in outside:
            assert linked(doc) != linked(doc[0]), doc


def test_a_database_from_before_the_keys_gets_them_and_counts_its_events_again(store_url):
    with Store(store_url, link=LinkSettings()) as store:
        for report in REPORTS[:3]:
            store.save(report)
        keys = _shown(store)[1]
        with store.engine.begin() as conn:
            command.downgrade(migrate._config(conn), "0003")
        assert "linked_keys" not in sa.inspect(store.engine).get_table_names()
    with Store(store_url, link=LinkSettings()) as store:  # upgraded on opening
        assert _shown(store)[1] == keys and store.count("linked_tallies") == 0
        for report in REPORTS[3:]:
            store.save(report)  # joins an event without a tally: counted from all its reports
        assert store.count("linked_tallies") == 1
        assert _shown(store) == _recounted(store)
        with store.engine.connect() as conn:
            assert conn.execute(sa.select(sa.func.count()).select_from(linked_tallies)).scalar()
