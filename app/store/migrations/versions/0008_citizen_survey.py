"""Citizen satisfaction answers received from the portal's survey page (docs/citizen-pages.md).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07

One row per dossier: the newest answer the change feed brought (`survey.answer`), which replaces
the one before. Times are the unit's wall clock, like the dossier's business times, so the
report's periods count them the same way. The lookup secret itself needs no column: it is part
of the dossier's `data` (app/reception/service.py), synced with it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "survey_answers",
        sa.Column("dossier_id", sa.String(), nullable=False),
        sa.Column("ratings", sa.JSON(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("first_at", sa.DateTime(), nullable=False),
        sa.Column("answered_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossiers.id"], name="fk_survey_answers_dossier_id_dossiers"),
        sa.PrimaryKeyConstraint("dossier_id", name="pk_survey_answers"),
    )
    op.create_index("ix_survey_answers_answered_at", "survey_answers", ["answered_at"])


def downgrade() -> None:
    op.drop_index("ix_survey_answers_answered_at", table_name="survey_answers")
    op.drop_table("survey_answers")
