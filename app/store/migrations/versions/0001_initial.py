"""Initial schema: units, users, catalogue versions, dossiers and their parts, outbox, audit log.

Revision ID: 0001
Revises:
Create Date: 2025-11-24

Runs inside the single upgrade transaction opened by app/store/migrate.py; SQLite DDL is
transactional, so a failure here leaves the store exactly as it was.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def _id() -> sa.Column:
    return sa.Column("id", sa.String(), nullable=False)


def upgrade() -> None:
    op.create_table(
        "units", _id(),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_units"),
        sa.UniqueConstraint("code", name="uq_units_code"),
    )
    op.create_table(
        "users", _id(),
        sa.Column("username", sa.String(), nullable=False),
        sa.Column("full_name", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("username", name="uq_users_username"),
    )
    op.create_table(
        "procedure_versions", _id(),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("field", sa.String(), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("catalog_version", sa.String(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_procedure_versions"),
        sa.UniqueConstraint("code", "valid_from", name="uq_procedure_versions_code_valid_from"),
    )
    op.create_index("ix_procedure_versions_code", "procedure_versions", ["code"])
    op.create_table(
        "applicants", _id(),
        sa.Column("id_number", sa.String(), nullable=True),
        sa.Column("full_name", sa.String(), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("sex", sa.String(), nullable=True),
        sa.Column("address", sa.String(), nullable=True),
        sa.Column("phone", sa.String(), nullable=True),
        sa.Column("email", sa.String(), nullable=True),
        sa.Column("old_id_number", sa.String(), nullable=True),
        sa.Column("id_issue_date", sa.Date(), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_applicants"),
    )
    op.create_index("ix_applicants_id_number", "applicants", ["id_number"])
    _create_dossier_tables()
    _create_queue_and_log_tables()
    _create_reference_tables()


def _create_dossier_tables() -> None:
    op.create_table(
        "dossiers", _id(),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("unit_code", sa.String(), nullable=False),
        sa.Column("procedure_version_id", sa.String(), nullable=False),
        sa.Column("applicant_id", sa.String(), nullable=False),
        sa.Column("channel", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=True),
        sa.Column("received_by", sa.String(), nullable=False),
        sa.Column("fee_vnd", sa.Integer(), nullable=False),
        sa.Column("payment_method", sa.String(), nullable=True),
        sa.Column("delivery", sa.String(), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["procedure_version_id"], ["procedure_versions.id"],
                                name="fk_dossiers_procedure_version_id_procedure_versions"),
        sa.ForeignKeyConstraint(["applicant_id"], ["applicants.id"],
                                name="fk_dossiers_applicant_id_applicants"),
        sa.ForeignKeyConstraint(["received_by"], ["users.id"], name="fk_dossiers_received_by_users"),
        sa.PrimaryKeyConstraint("id", name="pk_dossiers"),
        sa.UniqueConstraint("code", name="uq_dossiers_code"),
    )
    op.create_index("ix_dossiers_applicant_id", "dossiers", ["applicant_id"])
    op.create_index("ix_dossiers_received_at", "dossiers", ["received_at"])
    op.create_index("ix_dossiers_status_due_at", "dossiers", ["status", "due_at"])
    op.create_index("ix_dossiers_due_at", "dossiers", ["due_at"])
    op.create_table(
        "documents", _id(),
        sa.Column("dossier_id", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("form", sa.String(), nullable=False),
        sa.Column("copies", sa.Integer(), nullable=False),
        sa.Column("received", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossiers.id"], name="fk_documents_dossier_id_dossiers"),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
    )
    op.create_index("ix_documents_dossier_id", "documents", ["dossier_id"])
    op.create_table(
        "pages", _id(),
        sa.Column("document_id", sa.String(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("mime", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name="fk_pages_document_id_documents"),
        sa.PrimaryKeyConstraint("id", name="pk_pages"),
    )
    op.create_index("ix_pages_document_id", "pages", ["document_id"])
    op.create_index("ix_pages_sha256", "pages", ["sha256"])
    op.create_table(
        "status_events", _id(),
        sa.Column("dossier_id", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by_user", sa.String(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossiers.id"],
                                name="fk_status_events_dossier_id_dossiers"),
        sa.PrimaryKeyConstraint("id", name="pk_status_events"),
    )
    op.create_index("ix_status_events_dossier_id", "status_events", ["dossier_id"])


def _create_queue_and_log_tables() -> None:
    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("dossier_id", sa.String(), nullable=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("state IN ('pending', 'sent', 'quarantined')", name="ck_outbox_state"),
        sa.PrimaryKeyConstraint("seq", name="pk_outbox"),
        sa.UniqueConstraint("id", name="uq_outbox_id"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_outbox_dossier_id", "outbox", ["dossier_id"])
    op.create_index("ix_outbox_state_seq", "outbox", ["state", "seq"])
    op.create_table(
        "audit_events",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("at", sa.String(), nullable=False),
        sa.Column("username", sa.String(), nullable=True),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("object_type", sa.String(), nullable=False),
        sa.Column("object_id", sa.String(), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_audit_events"),
        sa.UniqueConstraint("id", name="uq_audit_events_id"),
    )
    # Append-only: the application never updates or deletes audit rows, and SQL cannot either.
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER audit_events_no_{verb.lower()} BEFORE {verb} ON audit_events "
            f"BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END")


def _create_reference_tables() -> None:
    op.create_table(
        "settings",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("key", name="pk_settings"),
    )
    op.create_table(
        "holidays",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.CheckConstraint("kind IN ('non_working', 'extra_working')", name="ck_holidays_kind"),
        sa.CheckConstraint("source IN ('seed', 'admin')", name="ck_holidays_source"),
        sa.PrimaryKeyConstraint("day", name="pk_holidays"),
    )


def downgrade() -> None:
    for table in ("holidays", "settings", "audit_events", "outbox", "status_events", "pages",
                  "documents", "dossiers", "applicants", "procedure_versions", "users", "units"):
        op.drop_table(table)
