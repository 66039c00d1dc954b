"""Keeping `linked_events` up to date as documents are stored, replaced and relinked.

The rule itself is in store/linkrule.py; this module only reads and writes the tables. It runs
inside the store's write transaction, which holds the database's write lock, so no two writers
link at once (two could otherwise each start the same real-world event).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from urllib.parse import urlsplit

import sqlalchemy as sa

from dotterel.store.linkrule import (
    LinkSettings,
    Match,
    Mention,
    Profile,
    choose,
    compare,
    mention,
)
from dotterel.store.tables import documents, events, linked_events

STATUS_ORDER = ("reported", "planned", "proposed", "denied")
PRECISION_ORDER = ("day", "month", "year", "publication")
RELINK_BATCH = 500


def link(conn: sa.Connection, records: Iterable[dict], published: str | None, s: LinkSettings):
    """Link each of a document's event records to the real-world event it reports."""
    for record in records:
        linked_id, why = _place(conn, record, published, s)
        conn.execute(
            events.update()
            .where(events.c.event_id == record["event_id"])
            .values(linked_id=linked_id, link_why=why)
        )
        if linked_id is not None:
            refresh(conn, linked_id, s)


def _place(conn, record: dict, published: str | None, s: LinkSettings):
    if not s.enabled:
        return None, "linking is off (link.enabled = false)"
    if float(record.get("confidence") or 0.0) < s.min_confidence:
        return None, f"confidence below link.min_confidence {s.min_confidence}"
    m = mention(record, published, s)
    if m.lo is None:
        matches, why = [], "no date to compare with other reports"
    else:
        matches = list(_matches(conn, m, s))
        why = None
    linked_id, chosen = choose(matches)
    if linked_id is None:
        linked_id = _new(conn, m)
        return linked_id, f"new event {linked_id}: {why or chosen}"
    return linked_id, chosen


def _matches(conn, m: Mention, s: LinkSettings) -> Iterable[tuple[int, Match]]:
    le = linked_events.c
    query = sa.select(linked_events).where(
        le.event_type == m.event_type,
        le.date_lo.is_not(None),
        le.date_lo <= m.hi.isoformat(),
        le.date_hi >= m.lo.isoformat(),
    )
    for row in conn.execute(query).mappings():
        found = compare(m, _profile(row), s)
        if found is not None:
            yield row["linked_id"], found


def _profile(row) -> Profile:
    from datetime import date

    return Profile(
        event_type=row["event_type"],
        actors=set(json.loads(row["actors"])),
        recipients=set(json.loads(row["recipients"])),
        lo=date.fromisoformat(row["date_lo"]) if row["date_lo"] else None,
        hi=date.fromisoformat(row["date_hi"]) if row["date_hi"] else None,
        places=json.loads(row["places"]),
    )


def _new(conn, m: Mention) -> int:
    values = {
        "event_type": m.event_type,
        "status": m.status,
        "actors": "[]",
        "recipients": "[]",
        "places": "[]",
        "mentions": 0,
        "articles": 0,
        "sources": 0,
        "first_event_id": m.event_id,
        "why": "",
    }
    result = conn.execute(linked_events.insert().values(**values))
    return result.inserted_primary_key[0]


def refresh(conn: sa.Connection, linked_id: int, s: LinkSettings) -> None:
    """Recompute a linked event from its mentions; delete it when none is left."""
    query = (
        sa.select(events.c.record, documents.c.published, documents.c.source, documents.c.url)
        .join(documents, documents.c.doc_id == events.c.doc_id)
        .where(events.c.linked_id == linked_id)
        .order_by(documents.c.published, events.c.doc_id, events.c.sentence, events.c.event_id)
    )
    rows = conn.execute(query).fetchall()
    if not rows:
        conn.execute(linked_events.delete().where(linked_events.c.linked_id == linked_id))
        return
    records = [json.loads(r.record) for r in rows]
    mentions = [mention(rec, r.published, s) for rec, r in zip(records, rows, strict=True)]
    profile = Profile.of(mentions)
    articles = len({m.doc_id for m in mentions})
    sources = len({src for r in rows if (src := source_of(r.source, r.url))})
    cameo, quad, goldstein = _coding(records)
    values = {
        "cameo": cameo,
        "quad_class": quad,
        "goldstein": goldstein,
        "status": next(
            (x for x in STATUS_ORDER if any(m.status == x for m in mentions)), "reported"
        ),
        "date": _date(mentions),
        "date_lo": profile.lo.isoformat() if profile.lo else None,
        "date_hi": profile.hi.isoformat() if profile.hi else None,
        "actors": json.dumps(sorted(profile.actors)),
        "recipients": json.dumps(sorted(profile.recipients)),
        "places": json.dumps(profile.places, ensure_ascii=False),
        "mentions": len(mentions),
        "articles": articles,
        "sources": sources,
        "first_event_id": mentions[0].event_id,
        "why": _why(profile, len(mentions), articles, sources, s),
    }
    conn.execute(
        linked_events.update().where(linked_events.c.linked_id == linked_id).values(**values)
    )


def source_of(source: str | None, url: str | None) -> str | None:
    """An outlet's identity for counting distinct sources: its name, else its web host."""
    if source and source.strip():
        return " ".join(source.casefold().split())
    if url:
        host = urlsplit(url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def _coding(records: list[dict]):
    cameos = Counter(r.get("cameo") for r in records if r.get("cameo"))
    if not cameos:
        return None, records[0].get("quad_class"), records[0].get("goldstein")
    cameo = cameos.most_common(1)[0][0]
    first = next(r for r in records if r.get("cameo") == cameo)
    return cameo, first.get("quad_class"), first.get("goldstein")


def _date(mentions: list[Mention]) -> str | None:
    # The date most reports give, preferring the most precise kind of date there is.
    for precision in PRECISION_ORDER:
        dates = Counter(m.date for m in mentions if m.date and m.date_precision == precision)
        if dates:
            return dates.most_common(1)[0][0]
    return None


def _why(p: Profile, mentions: int, articles: int, sources: int, s: LinkSettings) -> str:
    parts = [
        f"{mentions} mention(s) in {articles} article(s) from {sources} known source(s)",
        f"type {p.event_type}",
        f"actors {'+'.join(sorted(p.actors)) or '-'}",
        f"recipients {'+'.join(sorted(p.recipients)) or '-'}",
    ]
    if p.lo and p.hi:
        parts.append(f"days every report allows, stretched by the window: {p.lo}..{p.hi}")
    if p.places:
        parts.append("places " + ", ".join(str(x.get("name")) for x in p.places))
    parts.append(f"rule: window {s.window_days} day(s), parties by {s.match}")
    return "; ".join(parts)


def unlink_document(conn: sa.Connection, doc_id: str) -> list[int]:
    """The linked events a document's mentions belong to (to refresh once they are gone)."""
    query = (
        sa.select(events.c.linked_id)
        .where(events.c.doc_id == doc_id, events.c.linked_id.is_not(None))
        .distinct()
    )
    return [row[0] for row in conn.execute(query)]


def relink(conn: sa.Connection, s: LinkSettings) -> int:
    """Forget every link and link all stored events again, earliest first; returns the number
    of linked events. For changed settings, or a database coded before linking existed."""
    conn.execute(events.update().values(linked_id=None, link_why=None))
    conn.execute(linked_events.delete())
    order = (
        sa.select(events.c.event_id, documents.c.published)
        .join(documents, documents.c.doc_id == events.c.doc_id)
        .order_by(events.c.date_lo, documents.c.published, events.c.doc_id, events.c.sentence)
    )
    todo = conn.execute(order).fetchall()  # ids only: records are read a batch at a time
    for start in range(0, len(todo), RELINK_BATCH):
        batch = todo[start : start + RELINK_BATCH]
        found = sa.select(events.c.event_id, events.c.record).where(
            events.c.event_id.in_([row.event_id for row in batch])
        )
        records = {r.event_id: json.loads(r.record) for r in conn.execute(found)}
        for row in batch:
            link(conn, [records[row.event_id]], row.published, s)
    return conn.execute(sa.select(sa.func.count()).select_from(linked_events)).scalar_one()
