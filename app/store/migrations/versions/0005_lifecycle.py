"""Lifecycle: status_events.action/details, dossiers.due_original/paused_at/returned_at/purged_at.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25

Runs inside the single upgrade transaction opened by app/store/migrate.py. Every column is
nullable and added in place (no table rebuild: both tables are referenced by foreign keys).
Rows written before this revision keep NULL: an event without an action was a reception or a
status pulled from the portal, and a dossier without due_original never had its due time moved.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.add_column("status_events", sa.Column("action", sa.String(), nullable=True))
    op.add_column("status_events", sa.Column("details", sa.JSON(), nullable=True))
    op.add_column("dossiers", sa.Column("due_original", sa.DateTime(), nullable=True))
    op.add_column("dossiers", sa.Column("paused_at", sa.DateTime(), nullable=True))
    op.add_column("dossiers", sa.Column("returned_at", sa.DateTime(), nullable=True))
    op.add_column("dossiers", sa.Column("purged_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("dossiers") as batch:
        batch.drop_column("purged_at")
        batch.drop_column("returned_at")
        batch.drop_column("paused_at")
        batch.drop_column("due_original")
    with op.batch_alter_table("status_events") as batch:
        batch.drop_column("details")
        batch.drop_column("action")
