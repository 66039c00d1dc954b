"""The event store on both back ends: what it keeps, replacing a document, the interface other
stages rely on, and bad databases named clearly."""

from __future__ import annotations

import json
import sqlite3

import pytest

from dotterel.actors.coref import Candidate
from dotterel.schema import event_errors
from dotterel.store import Store
from dotterel.store.engine import StoreError
from tests.storekit import coded, event


def test_has_document_and_document_ids(store_url):
    with Store(store_url) as store:
        assert store.document_ids() == set() and not store.has_document("a")
        for doc_id in ("a", "b"):
            store.save(coded(doc_id))
        assert store.has_document("a") and not store.has_document("c")
        assert store.document_ids() == {"a", "b"}


def test_a_document_is_stored_whole_and_replaced_not_doubled(store_url):
    doc = coded("d1", [event("d1", 0, "040", ["RUSGOV"], ["UKRGOV"]),
                       event("d1", 1, "111", ["UKRGOV"], ["RUSMIL"], start=40)])  # fmt: skip
    doc.candidates = [Candidate("Ana Morales", "CHLGOV", "CHL", "foreign minister",
                                "Ana Morales", 0, "Ana Morales spoke.")]  # fmt: skip
    with Store(store_url) as store:
        store.save(doc)
        store.save(doc)
        counts = {t: store.count(t) for t in ("documents", "sentences", "events", "event_actors")}
        assert counts == {"documents": 1, "sentences": 2, "events": 2, "event_actors": 4}
        assert store.count("candidates") == 1
        records = list(store.events())
        assert [r["event_id"] for r in records] == [e.event_id for e in doc.events]
        assert records == [e.to_record() for e in doc.events]
        assert all(event_errors(r) == [] for r in records)
        # Coded again with fewer events: the old ones go, with their actors and links.
        store.save(coded("d1", [doc.events[0]]))
        assert (store.count("events"), store.count("event_actors")) == (1, 2)
        assert store.count("candidates") == 0 and store.count("linked_events") == 1
        assert len(list(store.events(limit=0))) == 0


def test_an_event_twice_in_one_document_is_kept_once(store_url):
    e = event("d1", 0, "040", ["RUSGOV"], ["UKRGOV"])
    with Store(store_url) as store:
        store.save(coded("d1", [e, e]))
        assert store.count("events") == 1 and store.count("event_actors") == 2


def test_count_refuses_unknown_tables(tmp_path):
    with Store(tmp_path / "s.db") as store, pytest.raises(ValueError):
        store.count("events; DROP TABLE events")


def test_bad_databases_are_named_in_one_line(tmp_path):
    with pytest.raises(StoreError, match="unsupported database 'mysql'"):
        Store("mysql://u:secret@host/db")
    with pytest.raises(StoreError, match="folder does not exist"):
        Store(tmp_path / "missing" / "s.db")
    with pytest.raises(StoreError) as found:
        Store("postgresql://u:secret@127.0.0.1:1/none")
    assert "secret" not in str(found.value) and "cannot open" in str(found.value)
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="garbage.db: cannot open"):
        Store(garbage)


def test_the_old_import_path_still_works(tmp_path):
    from dotterel.store.sqlite import Store as OldStore

    assert OldStore is Store


def test_stored_rows_carry_the_columns_readers_filter_on(tmp_path):
    e = event("d1", 0, "040", ["RUSGOV"], ["UKRGOV"], "2026-03", precision="month",
              date_end="2026-04-15", condition="if the talks go well")  # fmt: skip
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.save(coded("d1", [e]))
    with sqlite3.connect(path) as db:
        row = db.execute(
            "SELECT cameo_root, date_lo, date_hi, date_end, condition, text, linked_id, record"
            " FROM events"
        ).fetchone()
    assert row[:6] == ("04", "2026-03-01", "2026-04-15", "2026-04-15", "if the talks go well",
                       "A sentence about an event.")  # fmt: skip
    assert row[6] is not None and json.loads(row[7])["event_id"] == e.event_id


def test_candidates_are_listed_from_either_back_end(store_url, capsys):
    from dotterel.actors.candidates import merge_candidates
    from dotterel.cli import main

    found = Candidate("Ana Morales", "CHLGOV", "CHL", "foreign minister", "Ana Morales", 0,
                      "Chilean Foreign Minister Ana Morales met Macron.")  # fmt: skip
    with Store(store_url) as store:
        for doc_id in ("d1", "d2"):
            doc = coded(doc_id)
            doc.candidates = [found]
            store.save(doc)
        [listed] = merge_candidates(store.candidate_rows())
    assert (listed.name, listed.code, listed.documents) == ("Ana Morales", "CHLGOV", 2)
    assert main(["actors", "candidates", "--db", store_url, "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["documents"] == 2 and "1 candidate(s)" in err
    assert "dotterel:dotterel@" not in err  # no password in messages


def test_opening_retries_while_the_new_file_is_locked_and_closes_what_failed(tmp_path, monkeypatch):
    import sqlalchemy as sa

    from dotterel.store import database

    made, failures = [], iter([True, True, False])
    real = database.make_engine

    class Watched:
        """An engine that says whether it was disposed, failing its first use when told to."""

        def __init__(self, url):
            self.engine, self.disposed, self.fail = real(url), False, next(failures)
            made.append(self)

        def connect(self):
            if self.fail:
                raise sa.exc.OperationalError("PRAGMA", {}, Exception("database is locked"))
            return self.engine.connect()

        def dispose(self):
            self.disposed = True
            self.engine.dispose()

        def __getattr__(self, name):
            return getattr(self.engine, name)

    monkeypatch.setattr(database, "make_engine", Watched)
    monkeypatch.setattr(database.time, "sleep", lambda s: None)

    def ensure_current(engine):
        engine.connect().close()
        return False

    monkeypatch.setattr(database.migrate, "ensure_current", ensure_current)
    with Store(tmp_path / "new.db") as store:
        assert store.engine is made[-1]
    assert len(made) == 3 and made[0].disposed and made[1].disposed

    failures = iter([True] * database.OPEN_ATTEMPTS)
    made.clear()
    with pytest.raises(StoreError, match="locked"):
        Store(tmp_path / "other.db")
    assert len(made) == database.OPEN_ATTEMPTS and all(m.disposed for m in made)
