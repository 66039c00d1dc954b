"""The event store: documents, sentences, events, their actors, new actor candidates, and the
real-world events that link reports of one event across articles.

    with Store("dotterel.db") as store:              # or Store("postgresql://...")
        store.save(coded)                            # a CodedDocument, stored whole
        store.has_document(doc_id), store.document_ids(), store.count("events")
        store.events(limit=10)                       # the stored event records
        store.reader()                               # filters, pages, timelines (store/query.py)

A document is stored once under its id (given, or a hash of its normalised text); saving it
again replaces what was stored for it, in one transaction, so re-running a job never duplicates
events and a crash never leaves half a document. Writers take the database's write lock (see
store/engine.py), so two `dotterel code` runs into one database lose and duplicate nothing.
The schema is upgraded when the store opens (store/migrate.py).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa

from dotterel.pipeline import CodedDocument
from dotterel.store import linking, migrate
from dotterel.store.engine import (
    StoreError,
    database_url,
    describe,
    make_engine,
    reading,
    writing,
)
from dotterel.store.linkrule import LinkSettings, interval
from dotterel.store.tables import (
    TABLES,
    candidates,
    documents,
    event_actors,
    events,
    sentences,
)

OPEN_ATTEMPTS = 6  # about 8 s of waiting in all before a locked database is an error


class Store:
    def __init__(
        self, target: str | Path, *, link: LinkSettings | None = None, upgrade: bool = True
    ):
        self.url = database_url(target)
        self.name = describe(self.url)
        self.link_settings = link if link is not None else _configured_link_settings()
        for attempt in range(OPEN_ATTEMPTS):
            engine = None
            try:
                engine = self.engine = make_engine(self.url)
                if upgrade and migrate.ensure_current(self.engine) and self.has_unlinked():
                    self.relink()  # events stored before linking existed
                return
            except sa.exc.SQLAlchemyError as exc:
                if engine is not None:
                    engine.dispose()  # no connection left open, whether we try again or not
                # Two processes creating one new SQLite file can meet while it turns to WAL
                # mode, where SQLite answers "locked" at once instead of waiting: try again.
                locked = isinstance(exc, sa.exc.OperationalError) and "locked" in str(exc)
                if not locked or attempt == OPEN_ATTEMPTS - 1:
                    reason = _reason(exc)
                    raise StoreError(f"{self.name}: cannot open the database ({reason})") from None
                time.sleep(0.25 * 2**attempt)

    @property
    def path(self) -> str:
        """The SQLite file, or the URL (without password) of another database."""
        return self.name

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    # -- writing ---------------------------------------------------------------------------

    def save(self, coded: CodedDocument) -> None:
        """Store one coded document, replacing whatever was stored under its id, and link its
        events to the real-world events other reports describe."""
        self.save_many([coded])

    def save_many(self, batch: Iterable[CodedDocument]) -> None:
        """Store several coded documents in one transaction: all of them or, on a crash, none.
        Why: a commit waits for the disk, and for a small document that wait can cost more
        than storing it; a caller that stores a stream commits every few documents."""
        with writing(self.engine) as conn:
            for coded in batch:
                self._save(conn, coded)

    def _save(self, conn: sa.Connection, coded: CodedDocument) -> None:
        doc = coded.document
        record = coded.to_record()  # once: the events' records and the page's annotations
        published = record["published"]
        records = _unique(record["events"])
        touched = linking.unlink_document(conn, doc.id)
        conn.execute(documents.delete().where(documents.c.doc_id == doc.id))
        for linked_id in touched:
            linking.refresh(conn, linked_id, self.link_settings)
        conn.execute(
            documents.insert(),
            {
                "doc_id": doc.id,
                "title": doc.title,
                "url": doc.url,
                "source": doc.source,
                "published": published,
                "text": doc.text,
                "coded_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "annotations": json.dumps(annotations(record), ensure_ascii=False),
            },
        )
        if coded.sentences:
            starts = sentence_starts(doc.text, coded.sentences)
            conn.execute(
                sentences.insert(),
                [
                    {"doc_id": doc.id, "idx": i, "text": t, "start": start}
                    for i, (t, start) in enumerate(zip(coded.sentences, starts, strict=True))
                ],
            )
        if records:
            conn.execute(events.insert(), [_event_row(doc.id, r) for r in records])
            actor_rows = [row for r in records for row in _actor_rows(r)]
            if actor_rows:
                conn.execute(event_actors.insert(), actor_rows)
        found = _candidate_rows(doc.id, coded.candidates)
        if found:
            conn.execute(candidates.insert(), found)
        source = linking.source_of(doc.source, doc.url)
        linking.link(conn, records, published, self.link_settings, source)

    def relink(self) -> int:
        """Link every stored event again under the current settings; the number of events."""
        with writing(self.engine) as conn:
            return linking.relink(conn, self.link_settings)

    # -- reading ---------------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        """Whether a document is stored under this id (a resumed run skips it)."""
        query = sa.select(documents.c.doc_id).where(documents.c.doc_id == doc_id)
        with reading(self.engine) as conn:
            return conn.execute(query).first() is not None

    def document_ids(self) -> set[str]:
        """The ids of every stored document."""
        with reading(self.engine) as conn:
            return set(conn.execute(sa.select(documents.c.doc_id)).scalars())

    def count(self, table: str) -> int:
        if table not in TABLES:
            raise ValueError(f"no table {table!r}")
        query = sa.select(sa.func.count()).select_from(sa.table(table))
        with reading(self.engine) as conn:
            return conn.execute(query).scalar_one()

    def events(self, limit: int | None = None) -> Iterator[dict]:
        """Stored event records, in document and sentence order."""
        query = sa.select(events.c.record).order_by(
            events.c.doc_id, events.c.sentence, events.c.event_id
        )
        if limit is not None:
            query = query.limit(limit)
        with reading(self.engine) as conn:
            rows = conn.execute(query).scalars().all()
        for record in rows:
            yield json.loads(record)

    def candidate_rows(self) -> list[tuple]:
        """New actor candidates as (name, code, country, role, doc_id, evidence, date), earliest
        first, for `dotterel.actors.candidates.merge_candidates`."""
        c = candidates.c
        query = sa.select(c.name, c.code, c.country, c.role, c.doc_id, c.evidence, c.date)
        query = query.order_by(c.date.is_(None), c.date, c.doc_id, c.sentence)
        with reading(self.engine) as conn:
            return [tuple(row) for row in conn.execute(query)]

    def reader(self):
        """The query layer over this store (filters, paging, timelines; store/query.py)."""
        from dotterel.store.query import Reader

        return Reader(self.engine)

    def has_unlinked(self) -> bool:
        """Whether some event was stored before linking existed (never considered for a link)."""
        query = sa.select(events.c.event_id).where(events.c.link_why.is_(None)).limit(1)
        with reading(self.engine) as conn:
            return conn.execute(query).first() is not None

    def revision(self) -> str | None:
        with reading(self.engine) as conn:
            return migrate.current(conn)


ANNOTATIONS = ("times", "places", "quotes", "entities", "errors")


def annotations(record: dict) -> dict:
    """What a document's page shows besides its events, as `--format documents` writes it,
    from the coded document's record."""
    return {key: record.get(key) or [] for key in ANNOTATIONS}


def sentence_starts(text: str, found: list[str]) -> list[int | None]:
    """Where each sentence starts in the text (sentences are in order and, from spaCy, exact
    slices of it); None for one that cannot be found."""
    starts, pos = [], 0
    for sentence in found:
        at = text.find(sentence, pos)
        starts.append(at if at >= 0 else None)
        if at >= 0:
            pos = at + len(sentence)
    return starts


def _configured_link_settings() -> LinkSettings:
    from dotterel.config import load_config

    return load_config().link_settings()


def _unique(records) -> list[dict]:
    # One row per event id, the last one winning (as the former INSERT OR REPLACE did).
    return list({r["event_id"]: r for r in records}.values())


def _event_row(doc_id: str, r: dict) -> dict:
    lo, hi = interval(r.get("date"), r.get("date_end"))
    return {
        "event_id": r["event_id"],
        "doc_id": doc_id,
        "sentence": r["sentence"],
        "event_type": r["event_type"],
        "cameo": r["cameo"],
        "cameo_root": r["cameo_root"],
        "quad_class": r["quad_class"],
        "goldstein": r["goldstein"],
        "status": r["status"],
        "date": r["date"],
        "date_end": r.get("date_end"),
        "date_lo": lo.isoformat() if lo else None,
        "date_hi": hi.isoformat() if hi else None,
        "confidence": r["confidence"],
        "text": r["text"],
        "condition": r.get("condition"),
        "record": json.dumps(r, ensure_ascii=False),
    }


def _actor_rows(r: dict) -> list[dict]:
    return [
        {
            "event_id": r["event_id"],
            "role": role,
            "position": i,
            "code": a["code"],
            "country": a["country"],
            "name": a["name"],
            "text": a["text"],
            "kb_id": a["kb_id"],
        }
        for role in ("actor", "recipient")
        for i, a in enumerate(r[role])
    ]


def _candidate_rows(doc_id: str, found) -> list[dict]:
    rows = {
        (c.name, c.code): {
            "doc_id": doc_id,
            "name": c.name,
            "code": c.code,
            "country": c.country,
            "role": c.role,
            "text": c.text,
            "sentence": c.sentence,
            "evidence": c.evidence,
            "date": c.date.isoformat() if c.date else None,
        }
        for c in found
    }
    return list(rows.values())


def _reason(exc: Exception) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
