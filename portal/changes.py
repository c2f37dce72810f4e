"""The change feed (docs/sync-protocol.md §6): emitting changes and reading them with a cursor.

Emitters take the feed lock (portal.db.lock_feed) so seq order equals commit order: a desk
that stored cursor N can never later miss a change numbered below N.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, and_, or_, select
from sqlalchemy.orm import Session

from portal.db import as_utc, lock_feed, read_session, write_session
from portal.errors import validation
from portal.models import Change, utcnow

if TYPE_CHECKING:  # devices imports this module (grants announce themselves in the feed)
    from portal.devices import AuthenticatedDevice

KINDS = ("dossier.status", "catalog.version", "holidays", "bundle.delivered", "device.units",
         "catalog.document", "calendar.confirmed", "survey.answer")
MAX_LIMIT = 1000


def emit(session: Session, kind: str, payload: dict[str, Any], *, unit_code: str | None = None,
         alt_unit_code: str | None = None, device_id: str | None = None) -> int:
    """Append a change inside the caller's transaction; returns its seq."""
    if kind not in KINDS:
        raise ValueError(f"unknown change kind {kind!r}")
    lock_feed(session)
    change = Change(kind=kind, unit_code=unit_code, alt_unit_code=alt_unit_code, device_id=device_id,
                    payload=payload, created_at=utcnow())
    session.add(change)
    session.flush()
    return change.seq


def _visible_to(device: AuthenticatedDevice) -> Any:
    unit_ok = or_(Change.unit_code.is_(None), Change.unit_code == device.unit_code,
                  Change.alt_unit_code == device.unit_code)
    device_ok = or_(Change.device_id.is_(None), Change.device_id == device.device_id)
    return and_(unit_ok, device_ok)


def read_changes(engine: Engine, device: AuthenticatedDevice, after: int, limit: int) -> dict[str, Any]:
    """One page of the feed after `after`; `next` is the cursor to store once it is applied."""
    if after < 0:
        raise validation("after", "không được âm", "must not be negative")
    if not 1 <= limit <= MAX_LIMIT:
        raise validation("limit", f"phải từ 1 đến {MAX_LIMIT}", f"must be from 1 to {MAX_LIMIT}")
    with read_session(engine) as session:
        rows = session.scalars(select(Change).where(Change.seq > after, _visible_to(device))
                               .order_by(Change.seq).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    changes = [{"seq": row.seq, "kind": row.kind, "at": as_utc(row.created_at).isoformat(), **row.payload}
               for row in rows]
    return {"changes": changes, "next": rows[-1].seq if rows else after, "more": more}


def publish_catalog_version(engine: Engine, version: str, *, url: str = "", note: str = "") -> int:
    """Tell every desk a new catalogue version exists (where to fetch it is the payload's `url`)."""
    if not version.strip():
        raise validation("version", "bị thiếu", "is missing")
    with write_session(engine) as session:
        return emit(session, "catalog.version", {"version": version, "url": url, "note": note})


def publish_holidays(engine: Engine, year: int, days: list[dict[str, str]],
                     extra_working_days: list[str] | None = None) -> int:
    """Send a year's non-working dates ({day, name}) and make-up working dates to every desk;
    a desk replaces its table for that year."""
    listed = [{"day": str(d["day"]), "name": str(d.get("name", ""))} for d in days]
    with write_session(engine) as session:
        return emit(session, "holidays", {"year": year, "days": listed,
                                          "extra_working_days": extra_working_days or []})
