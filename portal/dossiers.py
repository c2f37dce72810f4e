"""Dossiers at the portal: upsert by version, status events, reading, and admin status changes.

`put_dossier` and `add_event` are idempotency effects (portal.idempotency.Effect): they run
inside the request's transaction and raise PortalError to refuse, which rolls everything back.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import Engine, or_, select
from sqlalchemy.orm import Session

from app.errors import InputError, NotFoundError
from app.ids import new_id
from app.statuses import check_transition
from app.statuses import status as status_info
from portal.blobs import verified_hashes
from portal.changes import emit
from portal.db import as_utc, read_session, write_session
from portal.devices import AuthenticatedDevice
from portal.errors import PortalError, forbidden, not_found, validation
from portal.models import Dossier, DossierBlob, DossierEvent, utcnow
from portal.validation import CheckedDossier, check_dossier, check_event


def _body_hash(data: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def _summary(row: Dossier, *, applied: bool) -> dict[str, Any]:
    return {"dossier_id": row.id, "code": row.code, "version": row.version, "applied": applied,
            "status": row.status, "received_at_portal": as_utc(row.created_at).isoformat()}


def _check_blobs(session: Session, checked: CheckedDossier) -> None:
    missing = sorted(set(checked.hashes) - verified_hashes(session, checked.hashes))
    if missing:
        raise PortalError(409, "missing_blobs",
                          f"Hồ sơ {checked.code}: thiếu {len(missing)} tệp quét trên cổng",
                          f"Dossier {checked.code}: {len(missing)} scanned file(s) missing on the portal",
                          details={"hashes": missing})


def _check_code_free(session: Session, checked: CheckedDossier, dossier_id: str) -> None:
    holder = session.scalar(select(Dossier.id).where(Dossier.code == checked.code))
    if holder is not None and holder != dossier_id:
        # Which dossier holds it is not said: it may be another desk's, seen by nobody else here.
        raise PortalError(409, "code_conflict", f"Mã hồ sơ {checked.code} đã được dùng cho hồ sơ khác",
                          f"Dossier code {checked.code} is already used by another dossier",
                          field="dossier.code", details={"code": checked.code})


def _authorise(device: AuthenticatedDevice, checked: CheckedDossier) -> None:
    """A device files only for the units it may (its own, plus those granted to an agent device),
    and only as their receiving unit itself; anything else is 403, by HTTP and bundle alike."""
    if not device.may_file_for(checked.unit_code):
        raise forbidden(f"Thiết bị của đơn vị {device.unit_code} không được tiếp nhận hồ sơ cho đơn vị "
                        f"{checked.unit_code}", f"This device of {device.unit_code} may not file dossiers "
                        f"of unit {checked.unit_code}", field="dossier.unit_code")
    if checked.receiving_unit != device.unit_code:
        raise forbidden(f"Đơn vị tiếp nhận phải là đơn vị của thiết bị ({device.unit_code})",
                        f"The receiving unit must be this device's unit ({device.unit_code})",
                        field="dossier.receiving_unit")


def put_dossier(session: Session, device: AuthenticatedDevice, dossier_id: str,
                body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    """Create or update a dossier under the version rules of docs/sync-protocol.md §4.1."""
    checked = check_dossier(dossier_id, body)
    _authorise(device, checked)
    digest = _body_hash(checked.data)
    row = session.get(Dossier, dossier_id, with_for_update=True)
    if row is not None:
        if not device.may_file_for(row.unit_code):
            raise not_found("hồ sơ", "dossier", dossier_id)
        if row.unit_code != checked.unit_code:
            raise validation("dossier.unit_code", "không được đổi đơn vị của hồ sơ đã gửi",
                             "a dossier's unit cannot change once sent")
        if row.code != checked.code:
            raise validation("dossier.code", f"mã hồ sơ {row.code} không được thay đổi",
                             f"the dossier code {row.code} cannot change")
        if checked.version < row.version or (checked.version == row.version and digest == row.body_hash):
            return 200, _summary(row, applied=False)
        if checked.version == row.version:
            raise PortalError(409, "version_conflict",
                              f"Hồ sơ {row.code}: phiên bản {row.version} đã có nội dung khác trên cổng",
                              f"Dossier {row.code}: version {row.version} already holds different content",
                              field="version", details={"version": row.version})
    _check_code_free(session, checked, dossier_id)
    _check_blobs(session, checked)
    now = utcnow()
    created = row is None
    if row is None:
        row = Dossier(id=dossier_id, code=checked.code, unit_code=checked.unit_code,
                      receiving_unit=checked.receiving_unit, status=checked.status, created_at=now,
                      device_id=device.device_id)
        session.add(row)
    row.code, row.version, row.received_at = checked.code, checked.version, checked.received_at
    row.body_hash, row.data, row.acting_user, row.updated_at = digest, checked.data, device.acting_user, now
    session.flush()
    _link_blobs(session, dossier_id, checked.hashes)
    return (201 if created else 200), _summary(row, applied=True)


def _link_blobs(session: Session, dossier_id: str, hashes: list[str]) -> None:
    have = set(session.scalars(select(DossierBlob.sha256).where(DossierBlob.dossier_id == dossier_id)))
    session.add_all(DossierBlob(dossier_id=dossier_id, sha256=h) for h in hashes if h not in have)
    session.flush()


def _event_json(event: DossierEvent, row: Dossier, seq: int | None) -> dict[str, Any]:
    return {"event_id": event.id, "dossier_id": row.id, "code": row.code, "status": event.status,
            "at": as_utc(event.at).isoformat(), "note": event.note, "by": event.by, "seq": seq,
            "action": event.action, "details": event.details}


def _record_status(session: Session, row: Dossier, *, event_id: str, status: str, at: Any,
                   note: str | None, by: str, device_id: str | None, action: str | None = None,
                   details: dict[str, Any] | None = None) -> dict[str, Any]:
    """Apply a checked transition, store the event and announce it in the feed."""
    check_transition(row.status, status)
    event = DossierEvent(id=event_id, dossier_id=row.id, status=status, at=at, note=note, by=by,
                         device_id=device_id, recorded_at=utcnow(), action=action, details=details)
    session.add(event)
    row.status, row.updated_at = status, utcnow()
    session.flush()
    payload = {"dossier_id": row.id, "code": row.code, "event_id": event.id, "status": status,
               "status_at": as_utc(at).isoformat(), "note": note, "by": by}
    seq = emit(session, "dossier.status", payload, unit_code=row.unit_code, alt_unit_code=row.receiving_unit)
    return _event_json(event, row, seq)


def _visible_dossier(session: Session, device: AuthenticatedDevice, dossier_id: str, *,
                     lock: bool, asked: str | None = None) -> Dossier:
    """The dossier if the device may see it: one of its units', or one it received itself.
    Otherwise 404 naming only what the caller asked for (`asked`), never another unit's id."""
    row = session.get(Dossier, dossier_id, with_for_update=lock)
    if row is None or not (device.may_file_for(row.unit_code) or row.receiving_unit == device.unit_code):
        raise not_found("hồ sơ", "dossier", asked if asked is not None else dossier_id)
    return row


def add_event(session: Session, device: AuthenticatedDevice, dossier_id: str,
              body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    """A status event from a desk (docs/sync-protocol.md §4.2)."""
    event = check_event(dossier_id, body)
    event_id, status, at, note = event.event_id, event.status, event.at, event.note
    row = _visible_dossier(session, device, dossier_id, lock=True)
    existing = session.get(DossierEvent, event_id)
    if existing is not None:
        return 200, _event_json(existing, row, None)
    details = event.details.model_dump(mode="json", exclude_none=True) if event.details else None
    try:
        out = _record_status(session, row, event_id=event_id, status=status, at=at, note=note,
                             by=device.acting_user, device_id=device.device_id, action=event.action,
                             details=details)
    except InputError as error:
        raise validation("status", f"không chuyển được từ {row.status} sang {status}",
                         f"{error.message}") from None
    return 201, out


def dossier_json(session: Session, row: Dossier, events: list[DossierEvent] | None = None) -> dict[str, Any]:
    if events is None:
        events = list(session.scalars(select(DossierEvent).where(DossierEvent.dossier_id == row.id)
                                      .order_by(DossierEvent.recorded_at)))
    return {"dossier_id": row.id, "code": row.code, "unit_code": row.unit_code,
            "receiving_unit": row.receiving_unit, "version": row.version, "status": row.status,
            "received_at": as_utc(row.received_at).isoformat(), "acting_user": row.acting_user,
            "events": [_event_json(e, row, None) for e in events], "dossier": row.data}


def get_dossier(engine: Engine, device: AuthenticatedDevice, *, dossier_id: str | None = None,
                code: str | None = None) -> dict[str, Any]:
    with read_session(engine) as session:
        asked = dossier_id if dossier_id is not None else str(code)
        if dossier_id is None:
            dossier_id = session.scalar(select(Dossier.id).where(Dossier.code == code)) or ""
        return dossier_json(session, _visible_dossier(session, device, dossier_id, lock=False, asked=asked))


def list_dossiers(engine: Engine, *, unit_code: str | None = None) -> list[dict[str, Any]]:
    """Every dossier (or a unit's), oldest received first, with its events."""
    with read_session(engine) as session:
        query = select(Dossier).order_by(Dossier.received_at, Dossier.code)
        if unit_code:
            query = query.where(or_(Dossier.unit_code == unit_code, Dossier.receiving_unit == unit_code))
        rows = list(session.scalars(query))
        # One query for all events rather than one per dossier: listings run to thousands of rows.
        events: dict[str, list[DossierEvent]] = {row.id: [] for row in rows}
        for event in session.scalars(select(DossierEvent).order_by(DossierEvent.recorded_at)):
            if event.dossier_id in events:
                events[event.dossier_id].append(event)
        return [dossier_json(session, row, events[row.id]) for row in rows]


def set_status(engine: Engine, code: str, status: str, note: str | None = None, *,
               by: str = "portal") -> dict[str, Any]:
    """A status change made at the portal, as the processing body would; emits `dossier.status`."""
    status_info(status)  # an unknown status name is reported before looking for the dossier
    with write_session(engine) as session:
        row = session.scalar(select(Dossier).where(Dossier.code == code).with_for_update())
        if row is None:
            raise NotFoundError(f"dossier code: no dossier {code!r} on the portal")
        return _record_status(session, row, event_id=new_id(), status=status, at=utcnow(),
                              note=note or None, by=by, device_id=None)
