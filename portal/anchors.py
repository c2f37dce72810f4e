"""Audit anchors: the newest head of each desk's audit chain (docs/sync-protocol.md §11).

A desk sends (seq, hash, at) of its last audit event with every sync pass. The portal keeps the
newest per device and refuses one that goes backwards — a lower seq, or the same seq with another
hash — with 409 `anchor_conflict`: the desk's log lost its tail or was rewritten since, and that
is a tamper warning to show, not a request to retry. The desk reads its own anchor back for
`motcua check`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from portal.db import as_utc, lock_name, read_session, write_session
from portal.devices import AuthenticatedDevice
from app.wire import AuditAnchorBody, parse
from portal.errors import PortalError, not_found, wire_checked
from portal.models import AuditAnchor, utcnow

MAX_AT_CHARS = 40


def _parse(body: object) -> tuple[int, str, str]:
    """The anchor body checked against the wire schema (app/wire.py): 422 naming the field."""
    with wire_checked():
        anchor = parse(AuditAnchorBody, body)
    return anchor.seq, anchor.hash, anchor.at


def _as_dict(row: AuditAnchor) -> dict[str, Any]:
    return {"seq": row.seq, "hash": row.hash, "at": row.at, "received_at": as_utc(row.received_at).isoformat()}


def put_anchor(engine: Engine, device: AuthenticatedDevice, body: object) -> dict[str, Any]:
    """Keep `body` as the device's newest anchor; 409 when it goes backwards."""
    seq, digest, at = _parse(body)
    with write_session(engine) as session:
        lock_name(session, f"audit-anchor:{device.device_id}")  # first anchor of a device: no race
        row = session.get(AuditAnchor, device.device_id)
        if row is not None and (seq < row.seq or (seq == row.seq and digest != row.hash)):
            kept = f"seq {row.seq} ({row.at[:MAX_AT_CHARS]})"
            raise PortalError(409, "anchor_conflict",
                              f"Nhật ký kiểm tra của máy đã bị cắt bớt hoặc viết lại: cổng đã giữ {kept}, "
                              f"máy gửi seq {seq}",
                              f"The desk's audit log lost events or was rewritten: the portal holds {kept}, "
                              f"the desk sent seq {seq}",
                              details={"kept": {"seq": row.seq, "hash": row.hash, "at": row.at}})
        if row is None:
            row = AuditAnchor(device_id=device.device_id)
            session.add(row)
        row.seq, row.hash, row.at = seq, digest, at
        row.acting_user, row.received_at = device.acting_user, utcnow()
        session.flush()
        return _as_dict(row)


def get_anchor(engine: Engine, device: AuthenticatedDevice) -> dict[str, Any]:
    """The device's own newest anchor; 404 before its first."""
    with read_session(engine) as session:
        row = session.get(AuditAnchor, device.device_id)
        if row is None:
            raise not_found("mốc nhật ký kiểm tra của thiết bị", "audit anchor for device", device.device_id)
        return _as_dict(row)


def reset_anchor(engine: Engine, device_id: str) -> dict[str, Any] | None:
    """Forget a device's anchor (the portal admin acknowledging a restore from an older backup,
    whose lost audit events are known and recorded elsewhere); returns the anchor forgotten.
    The desk's next sync pass anchors its current head afresh."""
    with write_session(engine) as session:
        row = session.get(AuditAnchor, device_id) if len(device_id) <= 36 else None
        if row is None:
            return None
        forgotten = _as_dict(row)
        session.delete(row)
        return forgotten
