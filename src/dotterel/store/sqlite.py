"""The SQLite event store: documents, sentences, events and their actors.

A document is stored once under its id (given, or a hash of its normalised text); coding it
again replaces what was stored for it, so re-running a job never duplicates events.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from dotterel.actors.candidates import SCHEMA as CANDIDATES_SCHEMA
from dotterel.actors.candidates import save_candidates
from dotterel.pipeline import CodedDocument

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    title TEXT,
    url TEXT,
    source TEXT,
    published TEXT,
    text TEXT NOT NULL,
    coded_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sentences (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
);
CREATE TABLE IF NOT EXISTS events (
    event_id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    sentence INTEGER NOT NULL,
    event_type TEXT NOT NULL,
    cameo TEXT,
    quad_class INTEGER,
    goldstein REAL,
    status TEXT NOT NULL,
    date TEXT,
    confidence REAL,
    record TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS event_actors (
    event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    country TEXT,
    name TEXT,
    text TEXT NOT NULL,
    kb_id TEXT,
    PRIMARY KEY (event_id, role, position)
);
CREATE INDEX IF NOT EXISTS events_doc ON events(doc_id);
CREATE INDEX IF NOT EXISTS events_type ON events(event_type, date);
CREATE INDEX IF NOT EXISTS event_actors_code ON event_actors(code);
"""


class Store:
    def __init__(self, path: str | Path):
        self.path = str(path)
        self.db = sqlite3.connect(self.path, timeout=30)
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.executescript(SCHEMA)
        self.db.executescript(CANDIDATES_SCHEMA)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def save(self, coded: CodedDocument) -> None:
        """Store one coded document, replacing whatever was stored under its id."""
        doc = coded.document
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self.db:  # one transaction: a document is stored whole or not at all
            self.db.execute("DELETE FROM documents WHERE doc_id = ?", (doc.id,))
            self.db.execute(
                "INSERT INTO documents (doc_id, title, url, source, published, text, coded_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    doc.id,
                    doc.title,
                    doc.url,
                    doc.source,
                    doc.published.isoformat() if doc.published else None,
                    doc.text,
                    now,
                ),
            )
            self.db.executemany(
                "INSERT INTO sentences (doc_id, idx, text) VALUES (?, ?, ?)",
                [(doc.id, i, text) for i, text in enumerate(coded.sentences)],
            )
            for event in coded.events:
                record = event.to_record()
                self.db.execute(
                    "INSERT OR REPLACE INTO events (event_id, doc_id, sentence, event_type, cameo,"
                    " quad_class, goldstein, status, date, confidence, record)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        record["event_id"],
                        doc.id,
                        record["sentence"],
                        record["event_type"],
                        record["cameo"],
                        record["quad_class"],
                        record["goldstein"],
                        record["status"],
                        record["date"],
                        record["confidence"],
                        json.dumps(record, ensure_ascii=False),
                    ),
                )
                self.db.executemany(
                    "INSERT OR REPLACE INTO event_actors"
                    " (event_id, role, position, code, country, name, text, kb_id)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        (record["event_id"], role, i, a["code"], a["country"], a["name"],
                         a["text"], a["kb_id"])
                        for role in ("actor", "recipient")
                        for i, a in enumerate(record[role])
                    ],
                )  # fmt: skip
            save_candidates(self.db, doc.id, coded.candidates)

    def has_document(self, doc_id: str) -> bool:
        """Whether a document is stored under this id (a resumed run skips it)."""
        row = self.db.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,))
        return row.fetchone() is not None

    def document_ids(self) -> set[str]:
        """The ids of every stored document."""
        return {doc_id for (doc_id,) in self.db.execute("SELECT doc_id FROM documents")}

    def count(self, table: str) -> int:
        if table not in ("documents", "sentences", "events", "event_actors"):
            raise ValueError(f"no table {table!r}")
        return self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def events(self, limit: int | None = None) -> Iterator[dict]:
        """Stored event records, in document and sentence order."""
        sql = "SELECT record FROM events ORDER BY doc_id, sentence, event_id"
        params: tuple = ()
        if limit is not None:
            sql += " LIMIT ?"
            params = (limit,)
        for (record,) in self.db.execute(sql, params):
            yield json.loads(record)
