"""The append-only, hash-chained audit log.

Each event's hash is sha256(prev_hash || canonical JSON of the event), with `seq` counting up
from 1 and the first `prev_hash` being 64 zeros; changing, removing or reordering any row breaks
every hash after it. SQL triggers (revision 0001) refuse UPDATE and DELETE on the table, so the
chain can only be broken by someone who goes around the application, and `verify_chain` then
names the first broken link.

The log never holds personal data or secrets: details are checked against a deny-list of keys.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.ids import new_id
from app.store.models import AuditEvent

GENESIS_HASH = "0" * 64
# Keys that would carry citizens' personal data or secrets; callers log ids, codes, counts.
FORBIDDEN_DETAIL_KEYS = frozenset({
    "password", "new_password", "old_password", "recovery_key", "key", "data_key", "token",
    "id_number", "full_name", "birth_date", "address", "phone", "email",
})


@dataclass(frozen=True)
class ChainReport:
    events: int
    first_broken_seq: int | None

    @property
    def ok(self) -> bool:
        return self.first_broken_seq is None


def now_text() -> str:
    """Audit timestamps: ISO-8601 UTC with microseconds, the exact text that is hashed."""
    return datetime.now(timezone.utc).isoformat(timespec="microseconds").replace("+00:00", "Z")


def canonical(event: dict[str, Any]) -> bytes:
    return json.dumps(event, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def event_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + canonical(fields)).hexdigest()


def _hashed_fields(row: AuditEvent) -> dict[str, Any]:
    return {"seq": row.seq, "id": row.id, "at": row.at, "username": row.username,
            "action": row.action, "object_type": row.object_type, "object_id": row.object_id,
            "details": row.details or {}}


def _check_details(details: dict[str, Any]) -> None:
    bad = sorted(FORBIDDEN_DETAIL_KEYS.intersection(details))
    if bad:
        # A programming error, not user input: the caller tried to log personal data.
        raise ValueError(f"audit details must not contain personal data or secrets: {', '.join(bad)}")


def append_event(session: Session, *, username: str | None, action: str, object_type: str,
                 object_id: str | None, details: dict[str, Any] | None = None,
                 at: str | None = None) -> AuditEvent:
    """Append one event inside the caller's write transaction (BEGIN IMMEDIATE serialises seq)."""
    details = dict(details or {})
    _check_details(details)
    last = session.execute(
        select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)).first()
    seq, prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS_HASH)
    row = AuditEvent(seq=seq, id=new_id(), at=at or now_text(), username=username, action=action,
                     object_type=object_type, object_id=object_id, details=details,
                     prev_hash=prev_hash, hash="")
    row.hash = event_hash(prev_hash, _hashed_fields(row))
    session.add(row)
    session.flush()
    return row


def verify_chain(session: Session, *, batch: int = 2000) -> ChainReport:
    """Walk the whole log in seq order and report the first link that does not verify."""
    expected_prev, expected_seq, count = GENESIS_HASH, 1, 0
    rows = session.execute(select(AuditEvent).order_by(AuditEvent.seq).execution_options(
        yield_per=batch)).scalars()
    for row in rows:
        count += 1
        fields_ok = row.seq == expected_seq and row.prev_hash == expected_prev
        if not fields_ok or event_hash(row.prev_hash, _hashed_fields(row)) != row.hash:
            return ChainReport(events=_total(session), first_broken_seq=row.seq)
        expected_prev, expected_seq = row.hash, row.seq + 1
    return ChainReport(events=count, first_broken_seq=None)


def _total(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(AuditEvent)) or 0)


@dataclass(frozen=True)
class AuditRow:
    """One audit event as the supervisor's viewer lists it (`at` is the hashed UTC text)."""

    seq: int
    at: str
    username: str
    action: str
    object_type: str
    object_id: str
    code: str  # the dossier code, for dossier events that name one


def find_events(session: Session, *, dossier_id: str | None = None, username: str | None = None,
                since: datetime | None = None, until: datetime | None = None,
                limit: int = 1000) -> list[AuditRow]:
    """Audit events, newest first, filtered by dossier (its id), official and UTC time range
    (`since` inclusive, `until` exclusive). The log is read, never changed."""
    query = select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(max(1, min(limit, 10_000)))
    if dossier_id:
        query = query.where(AuditEvent.object_type == "dossier", AuditEvent.object_id == dossier_id)
    if username:
        query = query.where(AuditEvent.username == username)
    # `at` is ISO-8601 UTC text of one fixed width, so text order is time order.
    if since is not None:
        query = query.where(AuditEvent.at >= _at_text(since))
    if until is not None:
        query = query.where(AuditEvent.at < _at_text(until))
    return [AuditRow(row.seq, row.at, row.username or "", row.action, row.object_type, row.object_id or "",
                     str((row.details or {}).get("code") or "")) for row in session.scalars(query)]


def _at_text(moment: datetime) -> str:
    aware = moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    return aware.astimezone(timezone.utc).isoformat(timespec="microseconds").replace("+00:00", "Z")
