"""Keeping `linked_events` up to date as documents are stored, replaced and relinked.

The rule itself is in store/linkrule.py; this module only reads and writes the tables. It runs
inside the store's write transaction, which holds the database's write lock, so no two writers
link at once (two could otherwise each start the same real-world event).

Why storing a report costs the same in a database of a thousand articles or a million: a new
report is compared only with the linked events that share one of its parties and one of its
days (`linked_keys`, an index lookup), and the event it joins is updated from that report alone
(its parties and days from the event's row, its counts from `linked_tallies`), never from all
the event's earlier reports. `refresh` and `relink` still recompute from every report.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from functools import lru_cache
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
from dotterel.store.linktally import Tally, report_key
from dotterel.store.tables import documents, events, linked_events, linked_keys, linked_tallies

RELINK_BATCH = 500
# Classes of how many days a linked event's dates span (see tables.linked_keys): a day or a few
# (a dated report, a publication date), about a month, a year. Longer spans are rare and are
# found by a scan of their own class.
REACHES = (8, 40, 400)


def link(
    conn: sa.Connection,
    records: Iterable[dict],
    published: str | None,
    s: LinkSettings,
    source: str | None = None,
    linked_docs: set[tuple[str, int]] | None = None,
) -> None:
    """Link each of a document's event records to the real-world event it reports.

    `source` is the document's outlet as `source_of` names it. `linked_docs` holds (doc_id,
    linked_id) for every report linked so far in this transaction, to count an event's articles
    without asking the database; the caller passes one set for all its calls (a document's
    other reports are either linked in this call or, in a relink, in an earlier one)."""
    linked_docs = set() if linked_docs is None else linked_docs
    links: list[dict] = []
    for record in records:
        m, found, why = _place(conn, record, published, s)
        if m is None:
            links.append(_link_row(record, None, why))
            continue
        key = report_key(published, record)
        if found is None:
            linked_id = _start(conn, m, record, key, source, s)
            why = f"new event {linked_id}: {why}"
        else:
            linked_id = found["linked_id"]
        links.append(_link_row(record, linked_id, why))
        new_article = (m.doc_id, linked_id) not in linked_docs
        linked_docs.add((m.doc_id, linked_id))
        if found is not None:
            tally = conn.execute(_TALLY, {"linked_id": linked_id}).scalar_one_or_none()
            if tally is None:  # an event from before tallies: count all its reports
                conn.execute(_SET_LINK, links)
                links = []
                refresh(conn, linked_id, s)
            else:
                _join(conn, found, Tally.loads(tally), m, record, key, source, new_article, s)
    if links:
        conn.execute(_SET_LINK, links)


# Statements built once: building and caching a statement costs more than running it.
_SET_LINK = (
    events.update()
    .where(events.c.event_id == sa.bindparam("b_event_id"))
    .values(linked_id=sa.bindparam("b_linked_id"), link_why=sa.bindparam("b_why"))
)


def _link_row(record: dict, linked_id: int | None, why: str) -> dict:
    return {"b_event_id": record["event_id"], "b_linked_id": linked_id, "b_why": why}


def _place(conn, record: dict, published: str | None, s: LinkSettings):
    """(the rule's view of the record or None when it is not linked, the linked event it joins
    or None for a new one, why)."""
    if not s.enabled:
        return None, None, "linking is off (link.enabled = false)"
    if float(record.get("confidence") or 0.0) < s.min_confidence:
        return None, None, f"confidence below link.min_confidence {s.min_confidence}"
    m = mention(record, published, s)
    if m.lo is None:
        return m, None, "no date to compare with other reports"
    rows = {}
    matches = []
    for row, found in _matches(conn, m, s):
        rows[row["linked_id"]] = row
        matches.append((row["linked_id"], found))
    linked_id, chosen = choose(matches)
    return m, rows.get(linked_id), chosen


def _find_statement(symmetric: bool):
    """The ids of the linked events that can fit a mention, by the parties the rule needs them
    to share (rule 2 in linkrule.py): for a symmetric type, two of the mention's parties, or
    all of the event's when it has fewer; for a directed type, an actor, and a recipient when
    both name one. compare() checks all of the rule again on the few rows this leaves."""
    k = linked_keys.c
    shared = (
        k.event_type == sa.bindparam("event_type"),
        k.party.in_(sa.bindparam("parties", expanding=True)),
        k.role.in_(sa.bindparam("roles", expanding=True)),
        k.date_lo <= sa.bindparam("hi"),
        k.date_hi >= sa.bindparam("lo"),
    )
    columns = (k.linked_id, k.role, k.party, k.party_count, k.recipient_count)
    # An event spanning at most `reach` days that overlaps the mention starts at most `reach`
    # days before it: each class is one bounded range of the index.
    within = [
        sa.select(*columns).where(
            *shared, k.reach == reach, k.date_lo >= sa.bindparam(f"from_{reach}")
        )
        for reach in REACHES
    ]
    found = sa.union_all(*within, sa.select(*columns).where(*shared, k.reach.is_(None)))
    found = found.subquery()
    f = found.c
    if symmetric:
        need = sa.bindparam("need")  # two, or one for a mention with one party
        most = sa.func.max(f.party_count)
        fits = sa.func.count(sa.distinct(f.party)) >= sa.case((most < need, most), else_=need)
    else:

        def named(role, parties):
            hit = sa.and_(f.role == role, f.party.in_(sa.bindparam(parties, expanding=True)))
            return sa.func.sum(sa.case((hit, 1), else_=0)) > 0

        fits = sa.and_(
            named("actor", "actors"),
            sa.or_(
                sa.bindparam("recipients_named") == 0,
                sa.func.max(f.recipient_count) == 0,
                named("recipient", "recipients"),
            ),
        )
    ids = sa.select(f.linked_id).group_by(f.linked_id).having(fits)
    le = linked_events.c
    return (
        sa.select(
            le.linked_id, le.event_type, le.actors, le.recipients, le.date_lo, le.date_hi,
            le.places, le.mentions, le.articles,
        )
        .where(le.linked_id.in_(ids))
        .order_by(le.date_lo, le.linked_id)
    )  # fmt: skip


_FIND = {True: _find_statement(True), False: _find_statement(False)}
_TALLY = sa.select(linked_tallies.c.tally).where(
    linked_tallies.c.linked_id == sa.bindparam("linked_id")
)


def _matches(conn, m: Mention, s: LinkSettings) -> Iterable[tuple[Mapping, Match]]:
    """The linked events the mention fits. Only events sharing the parties the rule compares
    and a day can fit, and only those are read."""
    symmetric = m.event_type in s.symmetric_types
    if not (m.parties if symmetric else m.actors):
        return
    params = {
        "event_type": m.event_type,
        "lo": m.lo.isoformat(),
        "hi": m.hi.isoformat(),
        **{f"from_{reach}": _days_before(m.lo, reach).isoformat() for reach in REACHES},
    }
    if symmetric:
        params |= {
            "parties": sorted(m.parties),
            "roles": ["actor", "recipient"],
            "need": min(2, len(m.parties)),
        }
    else:
        params |= {
            "parties": sorted(m.actors | m.recipients),
            "roles": ["actor", "recipient"] if m.recipients else ["actor"],
            "actors": sorted(m.actors),
            "recipients": sorted(m.recipients),
            "recipients_named": len(m.recipients),
        }
    for row in conn.execute(_FIND[symmetric], params).mappings():
        found = compare(m, _profile(row), s)
        if found is not None:
            yield row, found


def _days_before(day: date, days: int) -> date:
    try:
        return day - timedelta(days=days)
    except OverflowError:  # a date in the first days of year 1
        return date.min


def _profile(row) -> Profile:
    return Profile(
        event_type=row["event_type"],
        actors=set(_parsed(row["actors"])),
        recipients=set(_parsed(row["recipients"])),
        lo=date.fromisoformat(row["date_lo"]) if row["date_lo"] else None,
        hi=date.fromisoformat(row["date_hi"]) if row["date_hi"] else None,
        places=list(_parsed(row["places"])),
    )


@lru_cache(maxsize=4096)
def _parsed(text: str) -> tuple:
    # A mention is compared with a dozen events, and their parties and places are the same
    # few JSON lists again and again: parse each once. A tuple, so no caller changes it.
    return tuple(json.loads(text))


_NEW_EVENT = linked_events.insert()
_UPDATE_EVENT = linked_events.update().where(
    linked_events.c.linked_id == sa.bindparam("b_linked_id")
)
_NEW_TALLY = linked_tallies.insert()
_UPDATE_TALLY = (
    linked_tallies.update()
    .where(linked_tallies.c.linked_id == sa.bindparam("b_linked_id"))
    .values(tally=sa.bindparam("b_tally"))
)
_NEW_KEYS = linked_keys.insert()
_DROP_KEYS = linked_keys.delete().where(linked_keys.c.linked_id == sa.bindparam("b_linked_id"))


def _start(conn, m: Mention, record: dict, key, source, s: LinkSettings) -> int:
    """A new linked event with this one report; its id."""
    tally = Tally()
    tally.add(m, record, key, source)
    profile = Profile(m.event_type)
    profile.add(m)
    values = _values(profile, tally, mentions=1, articles=1, s=s)
    linked_id = conn.execute(_NEW_EVENT, values).inserted_primary_key[0]
    conn.execute(_NEW_TALLY, {"linked_id": linked_id, "tally": tally.dumps()})
    _put_keys(conn, linked_id, profile)
    return linked_id


def _join(conn, row: Mapping, tally: Tally, m: Mention, record, key, source, new_article, s):
    """Add one report to a linked event, from the event's row and tally alone."""
    linked_id = row["linked_id"]
    tally.add(m, record, key, source)
    profile = _profile(row)
    before = (profile.actors.copy(), profile.recipients.copy(), profile.lo, profile.hi)
    profile.add(m)
    values = _values(profile, tally, row["mentions"] + 1, row["articles"] + int(new_article), s=s)
    conn.execute(_UPDATE_EVENT, {**values, "b_linked_id": linked_id})
    conn.execute(_UPDATE_TALLY, {"b_linked_id": linked_id, "b_tally": tally.dumps()})
    if (profile.actors, profile.recipients, profile.lo, profile.hi) != before:
        conn.execute(_DROP_KEYS, {"b_linked_id": linked_id})
        _put_keys(conn, linked_id, profile)


def _put_keys(conn, linked_id: int, p: Profile) -> None:
    if p.lo is None or p.hi is None:
        return  # no day to compare with: no report can join it
    span = (p.hi - p.lo).days
    reach = next((r for r in REACHES if span <= r), None)
    rows = [
        {
            "linked_id": linked_id,
            "role": role,
            "party": party,
            "event_type": p.event_type,
            "reach": reach,
            "date_lo": p.lo.isoformat(),
            "date_hi": p.hi.isoformat(),
            "party_count": len(p.parties),
            "recipient_count": len(p.recipients),
        }
        for role, parties in (("actor", p.actors), ("recipient", p.recipients))
        for party in sorted(parties)
    ]
    if rows:
        conn.execute(_NEW_KEYS, rows)


def _values(profile: Profile, tally: Tally, mentions: int, articles: int, s: LinkSettings):
    profile.places = tally.place_list()
    cameo, quad, goldstein = tally.coding()
    sources = len(tally.sources)
    return {
        "event_type": profile.event_type,
        "cameo": cameo,
        "quad_class": quad,
        "goldstein": goldstein,
        "status": tally.status(),
        "date": tally.date(),
        "date_lo": profile.lo.isoformat() if profile.lo else None,
        "date_hi": profile.hi.isoformat() if profile.hi else None,
        "actors": json.dumps(sorted(profile.actors)),
        "recipients": json.dumps(sorted(profile.recipients)),
        "places": json.dumps(profile.places, ensure_ascii=False),
        "mentions": mentions,
        "articles": articles,
        "sources": sources,
        "first_event_id": tally.first_event_id(),
        "why": _why(profile, mentions, articles, sources, s),
    }


def refresh(conn: sa.Connection, linked_id: int, s: LinkSettings) -> None:
    """Recompute a linked event from all its reports; delete it when none is left."""
    query = (
        sa.select(events.c.record, documents.c.published, documents.c.source, documents.c.url)
        .join(documents, documents.c.doc_id == events.c.doc_id)
        .where(events.c.linked_id == linked_id)
    )
    rows = conn.execute(query).fetchall()
    conn.execute(linked_keys.delete().where(linked_keys.c.linked_id == linked_id))
    conn.execute(linked_tallies.delete().where(linked_tallies.c.linked_id == linked_id))
    if not rows:
        conn.execute(linked_events.delete().where(linked_events.c.linked_id == linked_id))
        return
    # Sorted here, not by the database, so that both back ends (and the tally's keys) agree
    # on report order whatever their collation and wherever they put a missing date.
    reports = sorted(
        ((report_key(r.published, rec), rec, r) for r in rows for rec in [json.loads(r.record)]),
        key=lambda item: item[0],
    )
    tally = Tally()
    profile = None
    for key, record, r in reports:
        m = mention(record, r.published, s)
        tally.add(m, record, key, source_of(r.source, r.url))
        profile = profile or Profile(m.event_type)
        profile.add(m)
    articles = len({record["doc_id"] for _, record, _ in reports})
    values = _values(profile, tally, len(reports), articles, s)
    conn.execute(
        linked_events.update().where(linked_events.c.linked_id == linked_id).values(**values)
    )
    conn.execute(linked_tallies.insert().values(linked_id=linked_id, tally=tally.dumps()))
    _put_keys(conn, linked_id, profile)


def source_of(source: str | None, url: str | None) -> str | None:
    """An outlet's identity for counting distinct sources: its name, else its web host."""
    if source and source.strip():
        return " ".join(source.casefold().split())
    if url:
        host = urlsplit(url).hostname or ""
        return host.removeprefix("www.") or None
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
    """Forget every link and link all stored events again, earliest first, then recompute each
    linked event from all its reports; returns the number of linked events. For changed
    settings, or a database coded before linking existed."""
    conn.execute(events.update().values(linked_id=None, link_why=None))
    conn.execute(linked_keys.delete())
    conn.execute(linked_tallies.delete())
    conn.execute(linked_events.delete())
    d = documents.c
    order = (
        sa.select(events.c.event_id, d.published, d.source, d.url)
        .join(documents, d.doc_id == events.c.doc_id)
        .order_by(events.c.date_lo, d.published, events.c.doc_id, events.c.sentence)
    )
    todo = conn.execute(order).fetchall()  # ids only: records are read a batch at a time
    linked_docs: set[tuple[str, int]] = set()
    for start in range(0, len(todo), RELINK_BATCH):
        batch = todo[start : start + RELINK_BATCH]
        found = sa.select(events.c.event_id, events.c.record).where(
            events.c.event_id.in_([row.event_id for row in batch])
        )
        records = {r.event_id: json.loads(r.record) for r in conn.execute(found)}
        for row in batch:
            source = source_of(row.source, row.url)
            link(conn, [records[row.event_id]], row.published, s, source, linked_docs)
    ids = conn.execute(sa.select(linked_events.c.linked_id)).scalars().all()
    for linked_id in ids:
        refresh(conn, linked_id, s)
    return len(ids)
