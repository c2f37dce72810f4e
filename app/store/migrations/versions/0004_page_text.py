"""Page text: OCR text per scanned dossier page, searchable by its accent-folded form.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24

Runs inside the single upgrade transaction opened by app/store/migrate.py. Only the canonical
table lives here. The SQLite FTS5 index over `folded` is derived data that
app/capture/text_index.py creates and refills from this table on first use: a virtual table
brings five shadow tables that are not ORM models, and the index can always be rebuilt.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "page_texts",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("dossier_id", sa.String(), nullable=False),
        sa.Column("document_id", sa.String(), nullable=True),
        sa.Column("page_sha256", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("folded", sa.Text(), nullable=False),
        sa.Column("language", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossiers.id"],
                                name="fk_page_texts_dossier_id_dossiers"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"],
                                name="fk_page_texts_document_id_documents"),
        sa.PrimaryKeyConstraint("id", name="pk_page_texts"),
        sa.UniqueConstraint("dossier_id", "page_sha256", name="uq_page_texts_dossier_id_page_sha256"),
    )
    op.create_index("ix_page_texts_dossier_id", "page_texts", ["dossier_id"], unique=False)
    op.create_index("ix_page_texts_document_id", "page_texts", ["document_id"], unique=False)
    op.create_index("ix_page_texts_page_sha256", "page_texts", ["page_sha256"], unique=False)


def downgrade() -> None:
    # The derived full-text index goes with its source table.
    op.execute("DROP TABLE IF EXISTS page_text_fts")
    op.drop_index("ix_page_texts_page_sha256", table_name="page_texts")
    op.drop_index("ix_page_texts_document_id", table_name="page_texts")
    op.drop_index("ix_page_texts_dossier_id", table_name="page_texts")
    op.drop_table("page_texts")
