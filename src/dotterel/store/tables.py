"""The store's tables at the newest schema revision, as SQLAlchemy Core objects.

The migrations (`store/migrations/versions/`) are what create and change a real database; this
module describes where they end, for the statements the store builds. Both must change together:
`tests/test_store_migrations.py` checks that a migrated database has exactly these columns.

Dates are ISO strings ("2025-05-15", or "2025-05" when only the month is known), as in the event
record. `date_lo`/`date_hi` are the first and last day an event's date can mean (the whole month
for "2025-05", through `date_end` for a window), so that date filters and the linking of reports
compare days, never strings of different precision.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("doc_id", sa.Text, primary_key=True),
    sa.Column("title", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("published", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("coded_at", sa.Text, nullable=False),
    # Added by revision 0003: the document's times, places, quotes and entities (JSON).
    sa.Column("annotations", sa.Text),
)

sentences = sa.Table(
    "sentences",
    metadata,
    sa.Column(
        "doc_id",
        sa.Text,
        sa.ForeignKey("documents.doc_id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("idx", sa.Integer, primary_key=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer),  # revision 0003: its offset in the document's text
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("event_id", sa.Text, primary_key=True),
    sa.Column(
        "doc_id", sa.Text, sa.ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("sentence", sa.Integer, nullable=False),
    sa.Column("event_type", sa.Text, nullable=False),
    sa.Column("cameo", sa.Text),
    sa.Column("quad_class", sa.Integer),
    sa.Column("goldstein", sa.Float),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("date", sa.Text),
    sa.Column("confidence", sa.Float),
    sa.Column("record", sa.Text, nullable=False),
    # Added by revision 0002: what readers filter on, and the link to the real-world event.
    sa.Column("cameo_root", sa.Text),
    sa.Column("date_end", sa.Text),
    sa.Column("date_lo", sa.Text),
    sa.Column("date_hi", sa.Text),
    sa.Column("text", sa.Text),
    sa.Column("condition", sa.Text),
    sa.Column("link_why", sa.Text),
    sa.Column("linked_id", sa.Integer),
)

event_actors = sa.Table(
    "event_actors",
    metadata,
    sa.Column(
        "event_id",
        sa.Text,
        sa.ForeignKey("events.event_id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("role", sa.Text, primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("code", sa.Text, nullable=False),
    sa.Column("country", sa.Text),
    sa.Column("name", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("kb_id", sa.Text),
)

candidates = sa.Table(
    "candidates",
    metadata,
    sa.Column(
        "doc_id",
        sa.Text,
        sa.ForeignKey("documents.doc_id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("name", sa.Text, primary_key=True),
    sa.Column("code", sa.Text, primary_key=True),
    sa.Column("country", sa.Text),
    sa.Column("role", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("sentence", sa.Integer, nullable=False),
    sa.Column("evidence", sa.Text, nullable=False),
    sa.Column("date", sa.Text),
)

# One real-world event and what its reports have in common (see store/linkrule.py).
linked_events = sa.Table(
    "linked_events",
    metadata,
    sa.Column("linked_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_type", sa.Text, nullable=False),
    sa.Column("cameo", sa.Text),
    sa.Column("quad_class", sa.Integer),
    sa.Column("goldstein", sa.Float),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("date", sa.Text),
    sa.Column("date_lo", sa.Text),
    sa.Column("date_hi", sa.Text),
    sa.Column("actors", sa.Text, nullable=False),  # JSON: sorted party keys
    sa.Column("recipients", sa.Text, nullable=False),
    sa.Column("places", sa.Text, nullable=False),  # JSON: the distinct places reported
    sa.Column("mentions", sa.Integer, nullable=False),
    sa.Column("articles", sa.Integer, nullable=False),
    sa.Column("sources", sa.Integer, nullable=False),
    sa.Column("first_event_id", sa.Text, nullable=False),
    sa.Column("why", sa.Text, nullable=False),
)

# Added by revision 0004: the store's own bookkeeping for linking, never shown to readers.
# Each linked event's parties, one row a party, with its type and the days its reports allow,
# so that a new report is compared only with events that share a party and a day (an index
# lookup, whatever the size of the database). `reach` is the smallest of linking.REACHES that
# the span date_hi - date_lo fits in, NULL when it fits none: for events whose span is at most
# `reach`, the days overlapping a report's start no more than `reach` days before it.
linked_keys = sa.Table(
    "linked_keys",
    metadata,
    sa.Column(
        "linked_id",
        sa.Integer,
        sa.ForeignKey("linked_events.linked_id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("role", sa.Text, primary_key=True),  # actor or recipient
    sa.Column("party", sa.Text, primary_key=True),
    sa.Column("event_type", sa.Text, nullable=False),
    sa.Column("reach", sa.Integer),
    sa.Column("date_lo", sa.Text, nullable=False),
    sa.Column("date_hi", sa.Text, nullable=False),
    # How many distinct parties, and recipient parties, the event has: what rule 2 needs to
    # know besides the shared parties (linking._find_statement).
    sa.Column("party_count", sa.Integer, nullable=False),
    sa.Column("recipient_count", sa.Integer, nullable=False),
    sa.Index("linked_keys_find", "event_type", "party", "role", "reach", "date_lo"),
)

# What a linked event's shown values are counted from (JSON, store/linktally.py), so that a new
# report updates them without reading the others again. A linked event without a row (stored
# before revision 0004) is counted from all its reports the next time one is added.
linked_tallies = sa.Table(
    "linked_tallies",
    metadata,
    sa.Column(
        "linked_id",
        sa.Integer,
        sa.ForeignKey("linked_events.linked_id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("tally", sa.Text, nullable=False),
)

TABLES = (
    "documents",
    "sentences",
    "events",
    "event_actors",
    "candidates",
    "linked_events",
    "linked_keys",
    "linked_tallies",
)
