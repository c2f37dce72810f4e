"""Searching dossiers by the text OCR found on their scanned pages.

`page_texts` (Alembic revision 0004) is the canonical store: one row per dossier page, keyed
by (dossier, page SHA-256), with the text as read and its accent-folded form
(`app.text.fold`: "Nguyễn Văn Đức" → "nguyen van duc"). Searches fold the query the same way,
so "nguyen van duc", "NGUYỄN văn đức" and "Nguyen Van Duc" all find the same dossier.

Speed comes from an SQLite FTS5 table, `page_text_fts`, holding the folded text. It is DERIVED
data: created and filled from `page_texts` on first use, rebuilt by `rebuild_text_index`, and
deliberately not part of the Alembic schema (a virtual table brings shadow tables that are not
models). Where FTS5 is missing from the SQLite build, searches fall back to LIKE on
`page_texts.folded`: substrings instead of word starts, and slower on very large stores.

A search matches dossiers having ONE page that contains every query word; the last word may be
unfinished ("nguyen van d" finds "Nguyễn Văn Đức") because the list searches as one types.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sqlalchemy import text as sql
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app.errors import InputError
from app.errors import NotFoundError
from app.store.models import Document
from app.store.models import Dossier
from app.store.models import PageText
from app.store.models import utcnow
from app.text import fold
from app.text import nfc

if TYPE_CHECKING:  # the store imports much of app/; only the type is needed here
    from app.store.service import Store

FTS_TABLE = "page_text_fts"
MAX_LIMIT = 1000
MAX_QUERY_WORDS = 16  # a pasted paragraph is not a search; keep the FTS query small
_SHA256 = re.compile(r"[0-9a-f]{64}")
_WORD = re.compile(r"\w+")

_fts_state: dict[str, bool] = {}  # "available": whether this SQLite build has FTS5 (per process)


def index_page_text(store: Store, dossier_id: str, page_sha256: str, text: str, *,
                    document_id: str | None = None, language: str = "vie") -> str:
    """Record the OCR text of one page of a dossier (replacing earlier text of that page).

    Returns the page_texts row id. Raises NotFoundError for an unknown dossier or document and
    InputError for a malformed hash or text.
    """
    with store.session() as session:
        return index_in_session(session, dossier_id, page_sha256, text,
                                document_id=document_id, language=language)


def index_in_session(session: Session, dossier_id: str, page_sha256: str, text: str, *,
                     document_id: str | None = None, language: str = "vie") -> str:
    """`index_page_text` inside a write transaction the caller already holds."""
    _check_page(session, dossier_id, page_sha256, text, document_id)
    text = nfc(text)
    row = session.query(PageText).filter_by(dossier_id=dossier_id, page_sha256=page_sha256).one_or_none()
    if row is None:
        row = PageText(dossier_id=dossier_id, page_sha256=page_sha256, text=text, folded=fold(text),
                       language=language, document_id=document_id)
        session.add(row)
    else:
        row.text, row.folded, row.language = text, fold(text), language
        row.document_id = document_id or row.document_id
        row.created_at = utcnow()
    session.flush()
    if _ensure_fts(session):
        session.execute(sql(f"DELETE FROM {FTS_TABLE} WHERE page_id = :id"), {"id": row.id})
        session.execute(sql(f"INSERT INTO {FTS_TABLE} (page_id, dossier_id, folded) "
                            "VALUES (:id, :dossier, :folded)"),
                        {"id": row.id, "dossier": dossier_id, "folded": row.folded})
    return row.id


def forget_dossier_text(session: Session, dossier_id: str) -> int:
    """Remove every page text of a dossier and its full-text entries (purge of personal data,
    app/lifecycle/purge.py), inside the caller's write transaction; returns the rows removed."""
    ids = list(session.scalars(sql("SELECT id FROM page_texts WHERE dossier_id = :d"), {"d": dossier_id}))
    if ids and _fts_ready(session):
        session.execute(sql(f"DELETE FROM {FTS_TABLE} WHERE dossier_id = :d"), {"d": dossier_id})
    session.execute(sql("DELETE FROM page_texts WHERE dossier_id = :d"), {"d": dossier_id})
    return len(ids)


def search_dossiers_by_text(store: Store, query: str, limit: int = 50) -> list[str]:
    """Ids of dossiers whose scanned text matches `query`, best match first, at most `limit`."""
    with store.read_session() as session:
        return search_in_session(session, query, limit)


def search_in_session(session: Session, query: str, limit: int = 50) -> list[str]:
    """`search_dossiers_by_text` in a session the caller holds (read or write)."""
    if not isinstance(query, str):
        raise InputError("search text must be text")
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise InputError(f"search limit must be a whole number from 1 to {MAX_LIMIT}, got {limit!r}")
    words = _WORD.findall(fold(query))[:MAX_QUERY_WORDS]
    if not words:
        return []
    if _fts_ready(session):
        match = " ".join(f'"{word}"' for word in words[:-1]) + f' "{words[-1]}"*'
        rows = session.execute(sql(
            f"SELECT dossier_id FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :match "
            "GROUP BY dossier_id ORDER BY min(rank) LIMIT :limit"),
            {"match": match.strip(), "limit": limit})
        return [row[0] for row in rows]
    return _search_like(session, words, limit)


def rebuild_text_index(store: Store) -> int:
    """Drop and refill the full-text index from `page_texts`; returns the number of pages indexed."""
    with store.session() as session:
        session.execute(sql(f"DROP TABLE IF EXISTS {FTS_TABLE}"))
        if not _ensure_fts(session):
            return 0
        return int(session.execute(sql(f"SELECT count(*) FROM {FTS_TABLE}")).scalar() or 0)


def _check_page(session: Session, dossier_id: str, page_sha256: str, text: str,
                document_id: str | None) -> None:
    if not isinstance(page_sha256, str) or _SHA256.fullmatch(page_sha256) is None:
        raise InputError("page_sha256 must be 64 lower-case hexadecimal characters")
    if not isinstance(text, str):
        raise InputError(f"OCR text of page {page_sha256[:12]}… must be text")
    if not isinstance(dossier_id, str) or session.get(Dossier, dossier_id) is None:
        raise NotFoundError(f"dossier {dossier_id!r} does not exist")
    if document_id is not None:
        document = session.get(Document, document_id)
        if document is None or document.dossier_id != dossier_id:
            raise NotFoundError(f"document {document_id!r} is not a document of dossier {dossier_id!r}")


def _fts_ready(session: Session) -> bool:
    """True when the FTS table exists (a read session must not create it)."""
    if not _fts_state.get("available", True):
        return False
    found = session.execute(sql("SELECT 1 FROM sqlite_master WHERE name = :name"),
                            {"name": FTS_TABLE}).first()
    return found is not None


def _ensure_fts(session: Session) -> bool:
    """Create and fill the FTS table if missing (write session); False without FTS5."""
    if _fts_ready(session):
        return True
    if not _fts_state.get("available", True):
        return False
    try:
        with session.begin_nested():  # a failure must not spoil the caller's transaction
            session.execute(sql(
                f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(page_id UNINDEXED, "
                "dossier_id UNINDEXED, folded, tokenize = 'unicode61 remove_diacritics 2')"))
    except OperationalError as error:
        if "fts5" not in str(error).lower():
            raise
        _fts_state["available"] = False
        return False
    session.execute(sql(f"INSERT INTO {FTS_TABLE} (page_id, dossier_id, folded) "
                        "SELECT id, dossier_id, folded FROM page_texts"))
    return True


def _search_like(session: Session, words: list[str], limit: int) -> list[str]:
    # Substring match on the folded text: accent-insensitive like the FTS path, no index.
    clauses = " AND ".join(f"folded LIKE :w{i} ESCAPE '\\'" for i in range(len(words)))
    params: dict[str, object] = {f"w{i}": "%" + _escape_like(w) + "%" for i, w in enumerate(words)}
    params["limit"] = limit
    rows = session.execute(sql(
        f"SELECT dossier_id FROM page_texts WHERE {clauses} "
        "GROUP BY dossier_id ORDER BY max(created_at) DESC LIMIT :limit"), params)
    return [row[0] for row in rows]


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
