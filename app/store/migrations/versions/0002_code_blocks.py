"""Dossier number blocks (code_blocks): portal-reserved and per-device ranges per unit and day.

Revision ID: 0002
Revises: 0001
Create Date: 2025-11-24

Runs inside the single upgrade transaction opened by app/store/migrate.py; SQLite DDL is
transactional, so a failure here leaves the store exactly as it was.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "code_blocks",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("unit_code", sa.String(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("next_value", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("source IN ('portal', 'device')", name="ck_code_blocks_source"),
        sa.CheckConstraint('start >= 1 AND start <= "end"', name="ck_code_blocks_range"),
        sa.CheckConstraint('next_value >= start AND next_value <= "end" + 1',
                           name="ck_code_blocks_next_value"),
        sa.PrimaryKeyConstraint("id", name="pk_code_blocks"),
        sa.UniqueConstraint("unit_code", "day", "start", name="uq_code_blocks_unit_code_day_start"),
    )


def downgrade() -> None:
    op.drop_table("code_blocks")
