"""New candidate actors: people named with a title and a country that the knowledge base lacks.

While coding, `DocumentActors.candidates` collects them ("Chilean Foreign Minister Ana Morales":
CHLGOV, foreign minister) with the sentence that names them. This module stores them in the
SQLite event store, in a `candidates` table of its own, and lists them for review
(`dotterel actors candidates --db PATH`). A reviewer adds the right ones to a user KB file
(`--kb`), or to `people.tsv` through `scripts/build_actors.py`.

A database written before candidates were stored has no such table; its candidates are then read
from the stored events: actors with a name, a country and a role but no knowledge base entry.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from dotterel.actors.coref import Candidate, as_candidate
from dotterel.actors.kb import KnowledgeBase, words
from dotterel.records import Event

SCHEMA = """
CREATE TABLE IF NOT EXISTS candidates (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    code TEXT NOT NULL,
    country TEXT,
    role TEXT,
    text TEXT NOT NULL,
    sentence INTEGER NOT NULL,
    evidence TEXT NOT NULL,
    date TEXT,
    PRIMARY KEY (doc_id, name, code)
);
CREATE INDEX IF NOT EXISTS candidates_name ON candidates(name, code);
"""


def ensure_table(db: sqlite3.Connection) -> None:
    """Create the candidates table if the database has none."""
    db.executescript(SCHEMA)


def save_candidates(db: sqlite3.Connection, doc_id: str, candidates: Iterable[Candidate]) -> None:
    """Store a document's candidates, replacing what was stored for it. Call it inside the
    transaction that stores the document (the table refers to `documents`); the store creates
    the table when it opens (executescript would end that transaction)."""
    db.execute("DELETE FROM candidates WHERE doc_id = ?", (doc_id,))
    db.executemany(
        "INSERT OR REPLACE INTO candidates"
        " (doc_id, name, code, country, role, text, sentence, evidence, date)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (doc_id, c.name, c.code, c.country, c.role, c.text, c.sentence, c.evidence,
             c.date.isoformat() if c.date else None)
            for c in candidates
        ],
    )  # fmt: skip


PRONOUNS = ("he", "she", "him", "his", "her", "I", "we", "they")


def candidates_from_events(events: Iterable[Event], kb: KnowledgeBase | None = None) -> list:
    """Candidates among the actors of coded events (when the document's own list is not at hand):
    a name, a country and a role, no KB id, and a name the knowledge base does not hold."""
    known = _known_names(kb)
    out: dict[tuple[str, str], Candidate] = {}
    for e in events:
        for a in [*e.actor, *e.recipient]:
            if (a.name, a.code) in out or a.text in PRONOUNS:
                continue
            found = as_candidate(a, known, e.sentence, e.text)
            if found is not None:
                out[(a.name, a.code)] = found
    return list(out.values())


@dataclass
class Listed:
    """One candidate over the whole database."""

    name: str
    code: str
    country: str | None
    role: str | None
    documents: int
    first_date: str | None
    doc_id: str
    evidence: str

    def to_record(self) -> dict:
        return {
            "name": self.name,
            "code": self.code,
            "country": self.country,
            "role": self.role,
            "documents": self.documents,
            "first_date": self.first_date,
            "doc_id": self.doc_id,
            "evidence": self.evidence,
        }


def list_candidates(db: sqlite3.Connection, kb: KnowledgeBase | None = None) -> list[Listed]:
    """Every candidate in the database, most documents first, with its earliest evidence.
    Names that the knowledge base (`kb`, default: the shipped one) now holds are left out."""
    if _has_table(db, "candidates"):
        rows = db.execute(
            "SELECT name, code, country, role, doc_id, evidence, date FROM candidates"
            " ORDER BY date, doc_id, sentence"
        ).fetchall()
    elif _has_table(db, "events"):
        rows = _rows_from_events(db)
    else:
        return []
    return merge_candidates(rows, kb)


def merge_candidates(rows: Iterable[tuple], kb: KnowledgeBase | None = None) -> list[Listed]:
    """Candidates over the whole database from rows of (name, code, country, role, doc_id,
    evidence, date), earliest first (`Store.candidate_rows()` gives them from any back end)."""
    known = _known_names(kb)
    merged: dict[tuple[str, str], Listed] = {}
    docs: dict[tuple[str, str], set[str]] = {}
    for name, code, country, role, doc_id, evidence, date in rows:
        if words(name) in known:
            continue
        key = (name, code)
        docs.setdefault(key, set()).add(doc_id)
        if key not in merged:
            merged[key] = Listed(name, code, country, role, 0, date, doc_id, evidence)
    for key, listed in merged.items():
        listed.documents = len(docs[key])
    return sorted(merged.values(), key=lambda c: (-c.documents, c.name))


def _rows_from_events(db: sqlite3.Connection) -> list[tuple]:
    rows = []
    query = "SELECT doc_id, record, date FROM events ORDER BY date, doc_id, sentence"
    for doc_id, record, date in db.execute(query):
        try:
            rec = json.loads(record)
        except (TypeError, ValueError):
            continue
        for a in [*rec.get("actor", []), *rec.get("recipient", [])]:
            if a.get("kb_id") or not a.get("name") or not a.get("country") or not a.get("role"):
                continue
            rows.append(
                (a["name"], a["code"], a["country"], a["role"], doc_id, rec.get("text", ""), date)
            )
    return rows


def _has_table(db: sqlite3.Connection, name: str) -> bool:
    row = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,))
    return row.fetchone() is not None


def _known_names(kb: KnowledgeBase | None) -> set[tuple[str, ...]]:
    return (kb or KnowledgeBase.load()).person_names()
