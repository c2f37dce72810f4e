"""Reception: drafts table, dossiers.draft_id (unique), documents.seq/required/kind.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24

Runs inside the single upgrade transaction opened by app/store/migrate.py. Columns are added in
place (no table rebuild: dossiers and documents are referenced by foreign keys); the uniqueness
of draft_id is a unique index because SQLite cannot add a UNIQUE column.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "drafts",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("user_id", sa.String(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_drafts_user_id_users"),
        sa.PrimaryKeyConstraint("id", name="pk_drafts"),
    )
    op.create_index("ix_drafts_user_id", "drafts", ["user_id"], unique=False)
    op.add_column("dossiers", sa.Column("draft_id", sa.String(), nullable=True))
    op.create_index("ix_dossiers_draft_id", "dossiers", ["draft_id"], unique=True)
    op.add_column("documents", sa.Column("seq", sa.Integer(), server_default="0", nullable=False))
    op.add_column("documents", sa.Column("required", sa.Boolean(), server_default=sa.text("1"),
                                         nullable=False))
    op.add_column("documents", sa.Column("kind", sa.String(), server_default="submit", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("kind")
        batch.drop_column("required")
        batch.drop_column("seq")
    op.drop_index("ix_dossiers_draft_id", table_name="dossiers")
    with op.batch_alter_table("dossiers") as batch:
        batch.drop_column("draft_id")
    op.drop_index("ix_drafts_user_id", table_name="drafts")
    op.drop_table("drafts")
