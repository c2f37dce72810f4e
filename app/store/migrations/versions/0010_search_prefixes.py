"""Prefix indexes of the dossier search for words of three to six characters.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07

Runs inside the single upgrade transaction opened by app/store/migrate.py.

The last word typed in the search box is matched as a prefix ("hoa" finds Hoa, Hòa, Hoài,
Hoàng). FTS5 answers a prefix query from a prefix index of that length when the table has one;
without it, it reads and merges the postings of every word that starts so, which for "hoa" or
"ngoc" costs 5-10 ms of a search at 500,000 dossiers (bench.list_search). Revision 0006 indexed
prefixes of 1 and 2 characters; this one indexes 1 to 6: a Vietnamese syllable has at most
seven letters, and ID numbers are usually typed or read out in groups of up to six digits.
Longer prefixes match few words and stay quick without an index. The search index grows from
about 30 to 53 MB at 500,000 dossiers.

FTS5 cannot add prefix indexes to an existing table, so `dossier_search` is made again and
filled from the dossiers. Its triggers (0006) are on `dossiers` and `applicants` and name the
table only in their bodies: they stay, and write to the new table from the next change on.
"""

from __future__ import annotations

import importlib

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | None = None
depends_on: str | None = None

# The words each dossier is found by, as revision 0006 defines them.
_words = importlib.import_module("app.store.migrations.versions.0006_dossier_list")._words
_TOKENIZE = "tokenize = 'unicode61 remove_diacritics 2'"


def _remake(prefixes: str) -> None:
    op.execute("DROP TABLE dossier_search")
    op.execute(f"CREATE VIRTUAL TABLE dossier_search USING fts5(words, prefix = '{prefixes}', {_TOKENIZE})")
    op.execute("INSERT INTO dossier_search (rowid, words) SELECT d.rowid, "
               f"{_words('d.code', 'a.id_number', 'a.full_name')} "
               "FROM dossiers AS d LEFT JOIN applicants AS a ON a.id = d.applicant_id")


def upgrade() -> None:
    _remake("1 2 3 4 5 6")


def downgrade() -> None:
    _remake("1 2")
