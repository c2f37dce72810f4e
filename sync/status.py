"""What the UI shows about sync: a `SyncStatus` snapshot, the outbox items, and "retry now"."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import InputError, NotFoundError
from app.store.models import Dossier, OutboxItem, StatusEvent, User, utcnow
from sync import state
from sync.progress import ProgressSnapshot


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    online: bool | None  # None: no pass has run yet
    waiting: int
    uploading: int
    quarantined: int
    oldest_waiting_age_s: float | None
    last_success: str | None
    last_error: str | None
    auth_failed: str | None
    metered: bool

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def sync_status(store: Any, *, progress: ProgressSnapshot | None = None,
                now: datetime | None = None) -> SyncStatus:
    stats = store.outbox_stats()
    with store.read_session() as session:
        values = {key: state.get(session, key) for key in (
            state.DEVICE_SECRET, state.ONLINE, state.LAST_SUCCESS, state.LAST_ERROR, state.AUTH_FAILED,
            state.METERED)}
    age = None
    if stats.oldest_created_at is not None:
        age = max(0.0, ((now or utcnow()) - stats.oldest_created_at).total_seconds())
    uploading = 0
    if progress is not None and progress.phase in ("uploading", "sending"):
        uploading = max(0, progress.items_total - progress.items_done)
    return SyncStatus(enrolled=bool(values[state.DEVICE_SECRET]), online=values[state.ONLINE],
                      waiting=stats.waiting, uploading=uploading, quarantined=stats.quarantined,
                      oldest_waiting_age_s=age, last_success=values[state.LAST_SUCCESS],
                      last_error=values[state.LAST_ERROR], auth_failed=values[state.AUTH_FAILED],
                      metered=bool(values[state.METERED]))


@dataclass(frozen=True)
class OutboxEntry:
    id: str
    seq: int
    dossier_id: str | None
    code: str | None
    kind: str
    state: str
    attempts: int
    last_error: str | None
    next_attempt_at: datetime | None
    created_at: datetime

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def outbox_entries(store: Any, *, states: tuple[str, ...] = ("pending", "quarantined"),
                   limit: int = 500, dossier_id: str | None = None) -> list[OutboxEntry]:
    """Items not yet accepted (for the Đồng bộ page), oldest first, with their dossier codes;
    with `dossier_id`, that dossier's items only."""
    query = (select(OutboxItem, Dossier.code).outerjoin(Dossier, Dossier.id == OutboxItem.dossier_id)
             .where(OutboxItem.state.in_(states)).order_by(OutboxItem.seq).limit(limit))
    if dossier_id is not None:
        query = query.where(OutboxItem.dossier_id == dossier_id)
    with store.read_session() as session:
        rows = session.execute(query).all()
    return [OutboxEntry(r.id, r.seq, r.dossier_id, code, r.kind, r.state, r.attempts, r.last_error,
                        r.next_attempt_at, r.created_at) for r, code in rows]


def dossier_sync_states(session: Session, dossier_ids: list[str]) -> dict[str, str]:
    """Per dossier: "sent" (all accepted), "waiting" or "quarantined" (any item refused), or
    "local" (nothing queued); the dossier list's rule (app/reception/listing.py)."""
    from app.reception.listing import sync_states

    return sync_states(session, dossier_ids)


@dataclass(frozen=True)
class StatusChange:
    code: str
    status: str
    at: datetime
    note: str | None


def recent_status_changes(store: Any, *, limit: int = 20) -> list[StatusChange]:
    """Status changes the portal sent back (newest first): "where is my dossier?" at a glance."""
    with store.read_session() as session:
        rows = session.execute(select(Dossier.code, StatusEvent.status, StatusEvent.at, StatusEvent.note)
                               .join(Dossier, Dossier.id == StatusEvent.dossier_id)
                               # Events written by no official of this desk came from the feed.
                               .where(StatusEvent.by_user.notin_(select(User.username)))
                               .order_by(StatusEvent.at.desc()).limit(limit)).all()
    return [StatusChange(*row) for row in rows]


def requeue(store: Any, outbox_id: str) -> None:
    """"Retry now" for a quarantined (or waiting) item: pending, due at once."""
    with store.session() as session:
        row = session.scalar(select(OutboxItem).where(OutboxItem.id == outbox_id))
        if row is None:
            raise NotFoundError(f"outbox item: no item {outbox_id!r}")
        if row.state == "sent":
            raise InputError(f"outbox item {outbox_id}: already accepted by the portal; nothing to retry")
        row.state, row.next_attempt_at = "pending", None
        store.record_audit(session, action="sync.requeued", object_type="outbox", object_id=row.id)


def set_metered(store: Any, metered: bool) -> None:
    """Metered link: send dossier metadata only, keep scans until the link is not metered."""
    store.set_setting(state.METERED, bool(metered))
