"""What readers filter on, and one event for many reports.

Events gain the columns the query layer filters on (CAMEO root, the sentence, the condition,
the first and last day the date can mean, the end of a window) and a link to the real-world
event they report; `linked_events` holds those. Existing events are filled in from their
stored records, and linked when the store next opens (store/migrate.py).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

import calendar
import json

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

NEW_EVENT_COLUMNS = (
    "cameo_root", "date_end", "date_lo", "date_hi", "text", "condition", "link_why",
)  # fmt: skip


def upgrade() -> None:
    for name in NEW_EVENT_COLUMNS:
        op.add_column("events", sa.Column(name, sa.Text))
    op.add_column("events", sa.Column("linked_id", sa.Integer))
    op.create_table(
        "linked_events",
        sa.Column("linked_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_type", sa.Text, nullable=False),
        sa.Column("cameo", sa.Text),
        sa.Column("quad_class", sa.Integer),
        sa.Column("goldstein", sa.Float),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("date", sa.Text),
        sa.Column("date_lo", sa.Text),
        sa.Column("date_hi", sa.Text),
        sa.Column("actors", sa.Text, nullable=False),
        sa.Column("recipients", sa.Text, nullable=False),
        sa.Column("places", sa.Text, nullable=False),
        sa.Column("mentions", sa.Integer, nullable=False),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.Column("sources", sa.Integer, nullable=False),
        sa.Column("first_event_id", sa.Text, nullable=False),
        sa.Column("why", sa.Text, nullable=False),
    )
    op.create_index("linked_events_type", "linked_events", ["event_type", "date_lo"])
    op.create_index("events_linked", "events", ["linked_id"])
    op.create_index("events_dates", "events", ["date_lo", "date_hi"])
    op.create_index("events_status", "events", ["status"])
    op.create_index("event_actors_country", "event_actors", ["country"])
    _fill_from_records()


def _fill_from_records() -> None:
    bind = op.get_bind()
    events = sa.table(
        "events",
        sa.column("event_id"),
        sa.column("record"),
        *(sa.column(name) for name in NEW_EVENT_COLUMNS),
    )
    rows = bind.execute(sa.select(events.c.event_id, events.c.record)).fetchall()
    updates = []
    for event_id, record in rows:
        try:
            rec = json.loads(record)
        except (TypeError, ValueError):
            continue
        lo, hi = _interval(rec.get("date"), rec.get("date_end"))
        cameo = rec.get("cameo")
        updates.append(
            {
                "id": event_id,
                "cameo_root": cameo[:2] if cameo else None,
                "date_end": rec.get("date_end"),
                "date_lo": lo,
                "date_hi": hi,
                "text": rec.get("text"),
                "condition": rec.get("condition"),
            }
        )
    if updates:
        bind.execute(
            events.update()
            .where(events.c.event_id == sa.bindparam("id"))
            .values(
                cameo_root=sa.bindparam("cameo_root"),
                date_end=sa.bindparam("date_end"),
                date_lo=sa.bindparam("date_lo"),
                date_hi=sa.bindparam("date_hi"),
                text=sa.bindparam("text"),
                condition=sa.bindparam("condition"),
            ),
            updates,
        )


def _interval(date, date_end):
    # Frozen here as it was at this revision: first and last day an ISO date can mean.
    if not isinstance(date, str) or len(date) < 4 or not date[:4].isdigit():
        return None, None
    if len(date) >= 10:
        lo = hi = date[:10]
    elif len(date) >= 7:
        year, month = int(date[:4]), int(date[5:7])
        last = calendar.monthrange(year, month)[1]
        lo, hi = f"{date[:7]}-01", f"{date[:7]}-{last:02d}"
    else:
        lo, hi = f"{date[:4]}-01-01", f"{date[:4]}-12-31"
    if isinstance(date_end, str) and len(date_end) >= 10 and date_end[:10] > hi:
        hi = date_end[:10]
    return lo, hi


def downgrade() -> None:
    op.drop_index("event_actors_country", "event_actors")
    op.drop_index("events_status", "events")
    op.drop_index("events_dates", "events")
    op.drop_index("events_linked", "events")
    op.drop_index("linked_events_type", "linked_events")
    op.drop_table("linked_events")
    for name in (*NEW_EVENT_COLUMNS, "linked_id"):
        op.drop_column("events", name)  # not a batch copy: see 0003's downgrade
