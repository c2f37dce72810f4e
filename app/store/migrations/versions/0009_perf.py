"""Sorting the list by applicant and procedure from indexes; period indexes for the report.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07

Runs inside the single upgrade transaction opened by app/store/migrate.py.

`dossiers.applicant_key` and `dossiers.procedure_key` hold the Vietnamese sort keys
(app/collation.py) of the applicant's full name and of the procedure's name, each with an
index, so a header click on "Người nộp" or "Thủ tục" walks an index instead of sorting every
dossier. Triggers keep them in step in the same transaction as any change: a new dossier, a
dossier moved to another applicant or procedure version, an applicant renamed (a purge blanks
the name, and the key with it), a procedure version renamed. The keys are computed by the SQL
functions `motcua_name_key` and `motcua_sort_key` that app/store/database.py registers on every
connection; a tool that opens the store without them can read it but not write dossiers.

`ix_status_events_at` lets the report read the events of its period (results returned) instead
of every event of the store, and `ix_dossiers_returned_at` does the same for the returned time
kept on the dossier. Like 0006's search triggers, these triggers are derived data the models do
not describe; a later revision that rebuilds `dossiers`, `applicants` or `procedure_versions`
(batch mode) drops them and must create them again (tests/app/test_store_migrations.py counts
them).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | None = None
depends_on: str | None = None

_APPLICANT_KEY = "motcua_name_key((SELECT full_name FROM applicants WHERE id = new.applicant_id))"
_PROCEDURE_KEY = "motcua_sort_key((SELECT name FROM procedure_versions WHERE id = new.procedure_version_id))"
_SET_KEYS = (f"UPDATE dossiers SET applicant_key = {_APPLICANT_KEY}, procedure_key = {_PROCEDURE_KEY} "
             "WHERE rowid = new.rowid;")
# A writer may give the keys itself (bench/synthetic.py does, to fill large stores quickly):
# they are checked, and rewritten only when missing or wrong, so they always equal the names'.
_KEYS_WRONG = f"WHEN new.applicant_key IS NOT {_APPLICANT_KEY} OR new.procedure_key IS NOT {_PROCEDURE_KEY}"
TRIGGERS = {
    "dossier_keys_insert": f"AFTER INSERT ON dossiers {_KEYS_WRONG} BEGIN {_SET_KEYS} END",
    # Also when the keys themselves are written: a wrong key put there by hand is put right.
    "dossier_keys_update": (f"AFTER UPDATE OF applicant_id, procedure_version_id, applicant_key, procedure_key "
                            f"ON dossiers {_KEYS_WRONG} BEGIN {_SET_KEYS} END"),
    "dossier_keys_applicant": ("AFTER UPDATE OF full_name ON applicants BEGIN "
                               "UPDATE dossiers SET applicant_key = motcua_name_key(new.full_name) "
                               "WHERE applicant_id = new.id; END"),
    "dossier_keys_procedure": ("AFTER UPDATE OF name ON procedure_versions BEGIN "
                               "UPDATE dossiers SET procedure_key = motcua_sort_key(new.name) "
                               "WHERE procedure_version_id = new.id; END"),
}
INDEXES = (
    ("dossiers", "ix_dossiers_applicant_key", ["applicant_key"]),
    ("dossiers", "ix_dossiers_procedure_key", ["procedure_key"]),
    ("dossiers", "ix_dossiers_returned_at", ["returned_at"]),
    ("status_events", "ix_status_events_at", ["at"]),
)


def upgrade() -> None:
    op.add_column("dossiers", sa.Column("applicant_key", sa.String(), nullable=True))
    op.add_column("dossiers", sa.Column("procedure_key", sa.String(), nullable=True))
    # Keys of the dossiers already stored, before the indexes (filling an index row by row is
    # slower than building it once).
    op.execute("UPDATE dossiers SET "
               "applicant_key = motcua_name_key((SELECT full_name FROM applicants AS a "
               "WHERE a.id = dossiers.applicant_id)), "
               "procedure_key = motcua_sort_key((SELECT name FROM procedure_versions AS p "
               "WHERE p.id = dossiers.procedure_version_id))")
    for table, name, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in reversed(list(TRIGGERS)):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table, name, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
    with op.batch_alter_table("dossiers") as batch:
        batch.drop_column("procedure_key")
        batch.drop_column("applicant_key")
