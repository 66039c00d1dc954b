"""What a document's page shows besides its events: its time expressions, places, quotes and
entities (`documents.annotations`, JSON), and where each sentence starts in the text.

Documents stored before this revision have neither; coding them again fills them in.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("annotations", sa.Text))
    op.add_column("sentences", sa.Column("start", sa.Integer))


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+): a batch copy of `documents` would drop the table, and
    # with it, through ON DELETE CASCADE, every event.
    op.drop_column("sentences", "start")
    op.drop_column("documents", "annotations")
