"""What the UI shows about sync: a `SyncStatus` snapshot, the outbox items, and "retry now"."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import InputError, NotFoundError
from app.store.models import Dossier, OutboxItem, StatusEvent, User, utcnow
from sync import state
from sync.problems import SyncProblem
from sync.progress import ProgressSnapshot

if TYPE_CHECKING:  # the store imports much of app/; only the type is needed here
    from app.store.service import Store


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    online: bool | None  # None: no pass has run yet
    waiting: int
    uploading: int
    quarantined: int
    oldest_waiting_age_s: float | None
    last_success: str | None
    last_error: SyncProblem | None
    auth_failed: SyncProblem | None  # the portal's words when it refused this desk
    metered: bool

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def sync_status(store: Store, *, progress: ProgressSnapshot | None = None,
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
                      last_error=SyncProblem.load(values[state.LAST_ERROR]),
                      auth_failed=SyncProblem.load(values[state.AUTH_FAILED]),
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
    last_error: SyncProblem | None  # why it waits or was refused (the portal's words, both languages)
    next_attempt_at: datetime | None
    created_at: datetime

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def outbox_entries(store: Store, *, states: tuple[str, ...] = ("pending", "quarantined"),
                   limit: int = 500, dossier_id: str | None = None) -> list[OutboxEntry]:
    """Items not yet accepted (for the Đồng bộ page), oldest first, with their dossier codes;
    with `dossier_id`, that dossier's items only."""
    query = (select(OutboxItem, Dossier.code).outerjoin(Dossier, Dossier.id == OutboxItem.dossier_id)
             .where(OutboxItem.state.in_(states)).order_by(OutboxItem.seq).limit(limit))
    if dossier_id is not None:
        query = query.where(OutboxItem.dossier_id == dossier_id)
    with store.read_session() as session:
        rows = session.execute(query).all()
    return [OutboxEntry(r.id, r.seq, r.dossier_id, code, r.kind, r.state, r.attempts, SyncProblem.load(r.last_error),
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
    # Not applied by the lifecycle machine (app/lifecycle/portal.py): the status the dossier had,
    # from which this change was not allowed; None for an applied change.
    refused_from: str | None = None


def recent_status_changes(store: Store, *, limit: int = 20) -> list[StatusChange]:
    """Status changes the portal sent back (newest first): "where is my dossier?" at a glance;
    a change the desk refused carries the reason."""
    with store.read_session() as session:
        rows = session.execute(select(Dossier.code, StatusEvent.status, StatusEvent.at, StatusEvent.note,
                                      StatusEvent.details)
                               .join(Dossier, Dossier.id == StatusEvent.dossier_id)
                               # Events written by no official of this desk came from the feed.
                               .where(StatusEvent.by_user.notin_(select(User.username)))
                               .order_by(StatusEvent.at.desc()).limit(limit)).all()
    return [StatusChange(code, status, at, note,
                         str(details.get("status_from")) if details and details.get("refused") else None)
            for code, status, at, note, details in rows]


def requeue(store: Store, outbox_id: str) -> None:
    """"Retry now" for a quarantined (or waiting) item: pending, due at once."""
    with store.session() as session:
        row = session.scalar(select(OutboxItem).where(OutboxItem.id == outbox_id))
        if row is None:
            raise NotFoundError(f"outbox item: no item {outbox_id!r}", kind="sync.outbox_item_missing")
        if row.state == "sent":
            raise InputError(f"outbox item {outbox_id}: already accepted by the portal; nothing to retry",
                             kind="sync.outbox_item_already_sent")
        row.state, row.next_attempt_at = "pending", None
        store.record_audit(session, action="sync.requeued", object_type="outbox", object_id=row.id)


def set_metered(store: Store, metered: bool) -> None:
    """Metered link: send dossier metadata only, keep scans until the link is not metered."""
    store.set_setting(state.METERED, bool(metered))
