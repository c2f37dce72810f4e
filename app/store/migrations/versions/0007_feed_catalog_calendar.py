"""Catalogue and calendar from the portal: dossiers.procedure_hash and the calendar_years table.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07

Runs inside the single upgrade transaction opened by app/store/migrate.py.

`dossiers.procedure_hash` is the SHA-256 of the procedure version's catalogue entry
(`app.catalog.storage.version_hash`) as it stood when the dossier was received, so the version a
dossier keeps can be checked against the row it points at even after newer catalogues arrived.
It is added in place (no rebuild: the table carries the search triggers of 0006); rows received
before this revision are filled from the row they point at, which could not change since
(app/catalog/storage.py refuses to rewrite a version dossiers were received under).

`calendar_years` holds one row per year whose holiday table was confirmed (by the portal or a
desk administrator, with the decision's number); a year without a row is estimated.
"""

from __future__ import annotations

import hashlib
import json

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | None = None
depends_on: str | None = None


def _hash(data: object) -> str:
    # The same canonical form as app.catalog.storage.version_hash (a revision never imports app
    # code that may change later).
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def upgrade() -> None:
    op.add_column("dossiers", sa.Column("procedure_hash", sa.String(64), nullable=True))
    op.create_table(
        "calendar_years",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("decision", sa.String(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("confirmed_by", sa.String(), nullable=False),
        sa.Column("origin", sa.String(), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("origin IN ('desk', 'portal')", name=op.f("ck_calendar_years_origin")),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_calendar_years")),
    )
    connection = op.get_bind()
    rows = connection.execute(sa.text(
        "SELECT d.id, p.data FROM dossiers AS d JOIN procedure_versions AS p "
        "ON p.id = d.procedure_version_id")).all()
    for dossier_id, data in rows:
        value = json.loads(data) if isinstance(data, str) else data
        connection.execute(sa.text("UPDATE dossiers SET procedure_hash = :h WHERE id = :i"),
                           {"h": _hash(value), "i": dossier_id})


def downgrade() -> None:
    op.drop_table("calendar_years")
    with op.batch_alter_table("dossiers") as batch:
        batch.drop_column("procedure_hash")
