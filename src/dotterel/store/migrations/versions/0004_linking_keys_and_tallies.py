"""Linking that costs the same whatever the size of the database.

`linked_keys` holds each linked event's parties with its type and days, so that a new report is
compared only with the events that share a party and a day (before, it was compared with every
event of its type whose days it overlaps, and those grow with the database). `linked_tallies`
holds what a linked event's shown values are counted from, so that a new report updates them
without reading the event's other reports again.

Existing linked events get their keys here, from their own rows; their tallies are counted from
their reports the next time one is added (store/linking.py), so nothing about them changes.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

import json
from datetime import date

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

REACHES = (8, 40, 400)  # frozen here as at this revision: see linking.REACHES


def upgrade() -> None:
    op.create_table(
        "linked_keys",
        sa.Column("linked_id", sa.Integer, primary_key=True),
        sa.Column("role", sa.Text, primary_key=True),
        sa.Column("party", sa.Text, primary_key=True),
        sa.Column("event_type", sa.Text, nullable=False),
        sa.Column("reach", sa.Integer),
        sa.Column("date_lo", sa.Text, nullable=False),
        sa.Column("date_hi", sa.Text, nullable=False),
        sa.Column("party_count", sa.Integer, nullable=False),
        sa.Column("recipient_count", sa.Integer, nullable=False),
        sa.ForeignKeyConstraint(["linked_id"], ["linked_events.linked_id"], ondelete="CASCADE"),
    )
    op.create_index(
        "linked_keys_find", "linked_keys", ["event_type", "party", "role", "reach", "date_lo"]
    )
    op.create_table(
        "linked_tallies",
        sa.Column("linked_id", sa.Integer, primary_key=True),
        sa.Column("tally", sa.Text, nullable=False),
        sa.ForeignKeyConstraint(["linked_id"], ["linked_events.linked_id"], ondelete="CASCADE"),
    )
    _keys_from_linked_events()


def _keys_from_linked_events() -> None:
    bind = op.get_bind()
    linked = sa.table(
        "linked_events",
        *(sa.column(name) for name in
          ("linked_id", "event_type", "date_lo", "date_hi", "actors", "recipients")),
    )  # fmt: skip
    keys = sa.table(
        "linked_keys",
        *(sa.column(name) for name in
          ("linked_id", "role", "party", "event_type", "reach", "date_lo", "date_hi",
           "party_count", "recipient_count")),
    )  # fmt: skip
    query = sa.select(linked).where(linked.c.date_lo.is_not(None), linked.c.date_hi.is_not(None))
    rows = []
    for row in bind.execute(query).mappings():
        span = (date.fromisoformat(row["date_hi"]) - date.fromisoformat(row["date_lo"])).days
        reach = next((r for r in REACHES if span <= r), None)
        named = {"actor": set(json.loads(row["actors"])),
                 "recipient": set(json.loads(row["recipients"]))}  # fmt: skip
        counts = {"party_count": len(named["actor"] | named["recipient"]),
                  "recipient_count": len(named["recipient"])}  # fmt: skip
        for role, parties in named.items():
            for party in sorted(parties):
                rows.append(
                    {"linked_id": row["linked_id"], "role": role, "party": party,
                     "event_type": row["event_type"], "reach": reach,
                     "date_lo": row["date_lo"], "date_hi": row["date_hi"], **counts}
                )  # fmt: skip
    if rows:
        bind.execute(keys.insert(), rows)


def downgrade() -> None:
    op.drop_table("linked_tallies")
    op.drop_index("linked_keys_find", "linked_keys")
    op.drop_table("linked_keys")
