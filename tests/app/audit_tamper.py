"""Test helper: change a closed store's audit log behind the application's back, as someone with
the data key and a SQLCipher shell could (drop the append-only triggers, edit rows, recompute)."""

from __future__ import annotations

import json

from app.paths import DataPaths
from app.store.audit import GENESIS_HASH, event_hash
from app.store.database import raw_connect
from app.store.keys import KeyFile


def tamper_audit(paths: DataPaths, username: str, password: str, *statements: str,
                 recompute: bool = False) -> None:
    """Run `statements` on the audit table; with `recompute`, renumber the rows from 1 and
    recompute every hash so the chain walk passes again."""
    key, _ = KeyFile.load(paths.keys).unlock_user(username, password)
    assert key is not None
    conn = raw_connect(paths.store, key)
    try:
        conn.execute("DROP TRIGGER audit_events_no_update")
        conn.execute("DROP TRIGGER audit_events_no_delete")
        for statement in statements:
            conn.execute(statement)
        if recompute:
            _recompute_chain(conn)
    finally:
        conn.close()


def _recompute_chain(conn) -> None:  # type: ignore[no-untyped-def]
    prev = GENESIS_HASH
    rows = conn.execute("SELECT seq, id, at, username, action, object_type, object_id, details "
                        "FROM audit_events ORDER BY seq").fetchall()
    for new_seq, (seq, ident, at, user, action, otype, oid, details) in enumerate(rows, start=1):
        fields = {"seq": new_seq, "id": ident, "at": at, "username": user, "action": action,
                  "object_type": otype, "object_id": oid, "details": json.loads(details or "{}")}
        digest = event_hash(prev, fields)
        conn.execute("UPDATE audit_events SET seq = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                     (new_seq, prev, digest, seq))
        prev = digest
