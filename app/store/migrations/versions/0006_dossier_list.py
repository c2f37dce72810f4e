"""Dossier list at scale: indexes for every list filter, and the search index over code, ID, name.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25

Runs inside the single upgrade transaction opened by app/store/migrate.py.

Each list filter (status, channel, procedure version, receiving official) gets an index that
also carries `received_at`, so a filtered list sorted newest first, and its count, are read from
one index range instead of the table (hundreds of thousands of rows on a desk after a few years).

`dossier_search` is an SQLite FTS5 table with one row per dossier (rowid = the dossier's rowid,
which `VACUUM INTO` backups keep) holding the words a search box matches: the dossier code after
the unit's code ("000.00.06.H56-251124-0001" gives 251124 and 0001: the unit's part is the same
for every dossier and only slowed searches down), the applicant's ID number and name. The
tokenizer folds case and accents; "đ" is not an accented "d" to Unicode, so it is mapped here.
Prefix indexes for one and two characters keep a search whose last word is a single letter
("le van h") quick. Triggers keep it in step inside every transaction that inserts, changes or deletes
a dossier or changes an applicant's name or ID number, so a purge that blanks an applicant
removes their words from the index in the same transaction. It is derived data that the models
do not describe (app/store/migrate.py `include_name` keeps it out of model comparisons). A later
revision that rebuilds `dossiers` or `applicants` (batch mode) drops these triggers and must
create them again (tests/app/test_store_migrations.py counts them).
"""

from __future__ import annotations

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None

INDEXES = (
    ("ix_dossiers_status_received_at", ["status", "received_at"]),
    ("ix_dossiers_channel_received_at", ["channel", "received_at"]),
    ("ix_dossiers_procedure_version_id_received_at", ["procedure_version_id", "received_at"]),
    ("ix_dossiers_received_by_received_at", ["received_by", "received_at"]),
)


def _words(code: str, id_number: str, name: str) -> str:
    return (f"substr({code}, instr({code}, '-') + 1) || ' ' || coalesce({id_number}, '') || ' ' || "
            f"replace(replace(coalesce({name}, ''), 'đ', 'd'), 'Đ', 'D')")


def _applicant(column: str, dossier: str) -> str:
    return f"(SELECT {column} FROM applicants WHERE id = {dossier}.applicant_id)"


def upgrade() -> None:
    for name, columns in INDEXES:
        op.create_index(name, "dossiers", columns, unique=False)
    op.execute("CREATE VIRTUAL TABLE dossier_search USING fts5("
               "words, prefix = '1 2', tokenize = 'unicode61 remove_diacritics 2')")
    new_words = _words("new.code", _applicant("id_number", "new"), _applicant("full_name", "new"))
    op.execute("CREATE TRIGGER dossier_search_insert AFTER INSERT ON dossiers BEGIN "
               f"INSERT INTO dossier_search (rowid, words) VALUES (new.rowid, {new_words}); END")
    op.execute("CREATE TRIGGER dossier_search_delete AFTER DELETE ON dossiers BEGIN "
               "DELETE FROM dossier_search WHERE rowid = old.rowid; END")
    op.execute("CREATE TRIGGER dossier_search_update AFTER UPDATE OF code, applicant_id ON dossiers BEGIN "
               "DELETE FROM dossier_search WHERE rowid = old.rowid; "
               f"INSERT INTO dossier_search (rowid, words) VALUES (new.rowid, {new_words}); END")
    op.execute("CREATE TRIGGER dossier_search_applicant AFTER UPDATE OF full_name, id_number ON applicants "
               "BEGIN "
               "DELETE FROM dossier_search WHERE rowid IN "
               "(SELECT rowid FROM dossiers WHERE applicant_id = new.id); "
               "INSERT INTO dossier_search (rowid, words) SELECT d.rowid, "
               f"{_words('d.code', 'new.id_number', 'new.full_name')} "
               "FROM dossiers AS d WHERE d.applicant_id = new.id; END")
    op.execute("INSERT INTO dossier_search (rowid, words) SELECT d.rowid, "
               f"{_words('d.code', 'a.id_number', 'a.full_name')} "
               "FROM dossiers AS d LEFT JOIN applicants AS a ON a.id = d.applicant_id")


def downgrade() -> None:
    for trigger in ("dossier_search_applicant", "dossier_search_update", "dossier_search_delete",
                    "dossier_search_insert"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS dossier_search")
    for name, _ in reversed(INDEXES):
        op.drop_index(name, table_name="dossiers")
