"""Schema migrations: a new database, a database from before migrations, one newer than this
dotterel, and the `dotterel db` commands."""

from __future__ import annotations

import json
import sqlite3

import pytest
import sqlalchemy as sa
from alembic import command

from dotterel.cli import main
from dotterel.store import Store, migrate
from dotterel.store.engine import StoreError
from dotterel.store.tables import metadata
from tests.storekit import coded, event

# What dotterel 0.1's store made by itself (CREATE TABLE IF NOT EXISTS), before migrations.
OLD_SCHEMA = """
CREATE TABLE documents (doc_id TEXT PRIMARY KEY, title TEXT, url TEXT, source TEXT,
    published TEXT, text TEXT NOT NULL, coded_at TEXT NOT NULL);
CREATE TABLE sentences (doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY (doc_id, idx));
CREATE TABLE events (event_id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    sentence INTEGER NOT NULL, event_type TEXT NOT NULL, cameo TEXT, quad_class INTEGER,
    goldstein REAL, status TEXT NOT NULL, date TEXT, confidence REAL, record TEXT NOT NULL);
CREATE TABLE event_actors (event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('actor', 'recipient')), position INTEGER NOT NULL,
    code TEXT NOT NULL, country TEXT, name TEXT, text TEXT NOT NULL, kb_id TEXT,
    PRIMARY KEY (event_id, role, position));
CREATE INDEX events_doc ON events(doc_id);
CREATE INDEX events_type ON events(event_type, date);
CREATE INDEX event_actors_code ON event_actors(code);
"""


def test_a_new_database_has_exactly_the_schema_the_store_writes(store_url):
    with Store(store_url) as store:
        assert store.revision() == migrate.head()
        inspector = sa.inspect(store.engine)
        for table in metadata.sorted_tables:
            found = [c["name"] for c in inspector.get_columns(table.name)]
            assert found == [c.name for c in table.columns], table.name


def test_down_and_up_again(store_url):
    with Store(store_url) as store:
        store.save(coded("a", [event("a", 0, "040", ["RUSGOV"], ["UKRGOV"])]))
        with store.engine.begin() as conn:
            config = migrate._config(conn)
            command.downgrade(config, "0001")
            assert migrate.current(conn) == "0001"
        assert "linked_events" not in sa.inspect(store.engine).get_table_names()
    with Store(store_url) as store:  # opening upgrades, and links what is not linked
        assert store.revision() == migrate.head()
        assert store.count("events") == 1 and store.count("linked_events") == 1


def _old_database(path, record: dict) -> None:
    with sqlite3.connect(path) as db:
        db.executescript(OLD_SCHEMA)
        db.execute(
            "INSERT INTO documents VALUES ('a', NULL, NULL, NULL, '2026-03-11', 'Text.', 'now')"
        )
        db.execute(
            "INSERT INTO events VALUES (?, 'a', 0, ?, ?, ?, ?, ?, ?, ?, ?)",
            (record["event_id"], record["event_type"], record["cameo"], record["quad_class"],
             record["goldstein"], record["status"], record["date"], record["confidence"],
             json.dumps(record)),
        )  # fmt: skip


def test_a_database_from_before_migrations_is_upgraded_with_its_data(tmp_path):
    record = event("a", 0, "040", ["RUSGOV"], ["UKRGOV"], "2026-03", precision="month")
    record = record.to_record()
    path = tmp_path / "old.db"
    _old_database(path, record)
    with Store(path) as store:
        assert store.revision() == migrate.head()
        assert [r["event_id"] for r in store.events()] == [record["event_id"]]
        assert store.count("linked_events") == 1 and store.count("candidates") == 0
        [view] = store.reader().events().items
        assert view["linked_event"]["mentions"] == 1
    with sqlite3.connect(path) as db:
        row = db.execute("SELECT cameo_root, date_lo, date_hi, text FROM events").fetchone()
    assert row == ("04", "2026-03-01", "2026-03-31", record["text"])


def test_a_database_newer_than_this_dotterel_is_refused_untouched(tmp_path):
    path = tmp_path / "new.db"
    with Store(path):
        pass
    with sqlite3.connect(path) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(StoreError, match="revision 9999, newer than this dotterel"):
        Store(path)
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == ("9999",)


def test_db_commands(tmp_path, capsys):
    path = tmp_path / "old.db"
    _old_database(path, event("a", 0, "111", ["RUSGOV"], ["UKRGOV"]).to_record())
    assert main(["db", "current", "--db", str(path)]) == 0
    assert f"{path}: schema revision None" in capsys.readouterr().out
    assert main(["db", "upgrade", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"upgraded from nothing to {migrate.head()}" in out and "linked 1 event(s)" in out
    assert main(["db", "upgrade", "--db", str(path)]) == 0
    assert "already at schema revision" in capsys.readouterr().out
    assert main(["db", "relink", "--db", str(path)]) == 0
    assert "1 mention(s) in 1 event(s)" in capsys.readouterr().out
    assert main(["db", "relink", "--db", str(tmp_path / "none.db")]) == 2
    assert "no database at" in capsys.readouterr().err
    assert main(["db", "upgrade", "--db", "mysql://x@y/z"]) == 2
    assert "unsupported database" in capsys.readouterr().err
