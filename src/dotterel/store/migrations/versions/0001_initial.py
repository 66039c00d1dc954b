"""The schema of the store before migrations: documents, sentences, events, actors, candidates.

A database written by an older dotterel already has these tables (it made them itself with
CREATE TABLE IF NOT EXISTS); this revision then creates only what is missing, and the database
carries on from here with its data untouched.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    if "documents" not in existing:
        op.create_table(
            "documents",
            sa.Column("doc_id", sa.Text, primary_key=True),
            sa.Column("title", sa.Text),
            sa.Column("url", sa.Text),
            sa.Column("source", sa.Text),
            sa.Column("published", sa.Text),
            sa.Column("text", sa.Text, nullable=False),
            sa.Column("coded_at", sa.Text, nullable=False),
        )
    if "sentences" not in existing:
        op.create_table(
            "sentences",
            sa.Column("doc_id", sa.Text, nullable=False),
            sa.Column("idx", sa.Integer, nullable=False),
            sa.Column("text", sa.Text, nullable=False),
            sa.PrimaryKeyConstraint("doc_id", "idx"),
            sa.ForeignKeyConstraint(["doc_id"], ["documents.doc_id"], ondelete="CASCADE"),
        )
    if "events" not in existing:
        op.create_table(
            "events",
            sa.Column("event_id", sa.Text, primary_key=True),
            sa.Column("doc_id", sa.Text, nullable=False),
            sa.Column("sentence", sa.Integer, nullable=False),
            sa.Column("event_type", sa.Text, nullable=False),
            sa.Column("cameo", sa.Text),
            sa.Column("quad_class", sa.Integer),
            sa.Column("goldstein", sa.Float),
            sa.Column("status", sa.Text, nullable=False),
            sa.Column("date", sa.Text),
            sa.Column("confidence", sa.Float),
            sa.Column("record", sa.Text, nullable=False),
            sa.ForeignKeyConstraint(["doc_id"], ["documents.doc_id"], ondelete="CASCADE"),
        )
        op.create_index("events_doc", "events", ["doc_id"])
        op.create_index("events_type", "events", ["event_type", "date"])
    if "event_actors" not in existing:
        op.create_table(
            "event_actors",
            sa.Column("event_id", sa.Text, nullable=False),
            sa.Column("role", sa.Text, nullable=False),
            sa.Column("position", sa.Integer, nullable=False),
            sa.Column("code", sa.Text, nullable=False),
            sa.Column("country", sa.Text),
            sa.Column("name", sa.Text),
            sa.Column("text", sa.Text, nullable=False),
            sa.Column("kb_id", sa.Text),
            sa.PrimaryKeyConstraint("event_id", "role", "position"),
            sa.ForeignKeyConstraint(["event_id"], ["events.event_id"], ondelete="CASCADE"),
            sa.CheckConstraint("role IN ('actor', 'recipient')", name="event_actors_role"),
        )
        op.create_index("event_actors_code", "event_actors", ["code"])
    if "candidates" not in existing:
        op.create_table(
            "candidates",
            sa.Column("doc_id", sa.Text, nullable=False),
            sa.Column("name", sa.Text, nullable=False),
            sa.Column("code", sa.Text, nullable=False),
            sa.Column("country", sa.Text),
            sa.Column("role", sa.Text),
            sa.Column("text", sa.Text, nullable=False),
            sa.Column("sentence", sa.Integer, nullable=False),
            sa.Column("evidence", sa.Text, nullable=False),
            sa.Column("date", sa.Text),
            sa.PrimaryKeyConstraint("doc_id", "name", "code"),
            sa.ForeignKeyConstraint(["doc_id"], ["documents.doc_id"], ondelete="CASCADE"),
        )
        op.create_index("candidates_name", "candidates", ["name", "code"])


def downgrade() -> None:
    for table in ("candidates", "event_actors", "events", "sentences", "documents"):
        op.drop_table(table)
