"""Which units a device may file dossiers for, and its own offline number range in each.

Every device files for its own unit. A post-office or community-team device may also be granted
other units (at enrolment, from its token, or later by the portal admin). For each unit a device
may file for, the portal gives it a range of 5-digit dossier numbers of its own: `R000–R999` for
R in 10–99, ninety ranges per unit, used offline when no portal-reserved number is left. Ranges
are disjoint across every device that may issue a unit's codes and are never given twice (rows
are kept after a grant is withdrawn or a device revoked), so two desks working offline on the same
day can never print the same code, whichever unit they belong to.

A change of a device's units is announced to that device in the change feed (`device.units`), so
a grant made at the portal reaches the desk with its next sync pass.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.codes import OFFLINE_RANGE_SIZE, OFFLINE_RANGE_STARTS, check_unit_code
from app.errors import InputError
from portal.changes import emit
from portal.db import as_utc, lock_name
from portal.errors import PortalError, validation
from portal.models import Device, DeviceUnit, utcnow

DEVICE_KINDS = ("desk", "post_office", "community_team")
# Kinds that receive dossiers on behalf of other units (product.md §1).
AGENT_KINDS = ("post_office", "community_team")


def check_kind(kind: object, field: str = "kind") -> str:
    if kind not in DEVICE_KINDS:
        raise validation(field, f"phải là một trong {', '.join(DEVICE_KINDS)}",
                         f"must be one of {', '.join(DEVICE_KINDS)}")
    return str(kind)


def check_grants(kind: str, units: list[str], own_unit: str) -> list[str]:
    """The other units a device of `kind` may be granted; refused for a unit's own desks."""
    cleaned = list(dict.fromkeys(units))
    for unit in cleaned:
        try:
            check_unit_code(unit, field="unit")
        except InputError:  # re-raised in the portal's two languages, the value cut short
            raise validation("unit", f"'{unit[:40]}' không phải mã định danh đơn vị",
                             f"'{unit[:40]}' is not an agency identifier") from None
    if cleaned and kind not in AGENT_KINDS:
        raise validation("kind", "chỉ thiết bị bưu điện hoặc tổ công nghệ số cộng đồng được tiếp nhận "
                         "hồ sơ cho đơn vị khác",
                         "only a post-office or community-team device may receive for other units")
    return [unit for unit in cleaned if unit != own_unit]


def _free_range(session: Session, unit_code: str) -> tuple[int, int]:
    """The lowest range of `unit_code` that overlaps no range ever given (legacy ranges of the
    first desks cover ten of these at once)."""
    lock_name(session, f"ranges {unit_code}")  # PostgreSQL: one assigner per unit at a time
    taken = session.execute(select(DeviceUnit.range_start, DeviceUnit.range_end)
                            .where(DeviceUnit.unit_code == unit_code)).all()
    for start in OFFLINE_RANGE_STARTS:
        end = start + OFFLINE_RANGE_SIZE - 1
        if all(end < low or high < start for low, high in taken):
            return start, end
    raise PortalError(409, "codes_exhausted",
                      f"Đơn vị {unit_code} đã dùng hết {len(OFFLINE_RANGE_STARTS)} dải số hồ sơ ngoại tuyến",
                      f"Unit {unit_code} has used all {len(OFFLINE_RANGE_STARTS)} offline number ranges",
                      details={"unit_code": unit_code})


def add_unit(session: Session, device: Device, unit_code: str, *, role: str, by: str) -> DeviceUnit:
    """Let `device` file for `unit_code` (again): a new range, or its old one when re-granted."""
    row = session.scalar(select(DeviceUnit).where(DeviceUnit.device_id == device.id,
                                                  DeviceUnit.unit_code == unit_code))
    if row is not None:
        row.revoked_at = None
        return row
    start, end = _free_range(session, unit_code)
    row = DeviceUnit(device_id=device.id, unit_code=unit_code, role=role, range_start=start, range_end=end,
                     granted_at=utcnow(), granted_by=by[:80], revoked_at=None)
    session.add(row)
    session.flush()  # a concurrent assignment of the same range fails here (unique constraint)
    return row


def withdraw_unit(session: Session, device: Device, unit_code: str) -> bool:
    """Stop `device` filing for a granted unit; its range stays recorded, never given again."""
    row = session.scalar(select(DeviceUnit).where(DeviceUnit.device_id == device.id,
                                                  DeviceUnit.unit_code == unit_code))
    if row is None or row.revoked_at is not None:
        return False
    if row.role == "own":
        raise validation("unit", "không thu hồi được đơn vị của chính thiết bị; hãy thu hồi thiết bị",
                         "a device's own unit cannot be withdrawn; revoke the device instead")
    row.revoked_at = utcnow()
    return True


def active_units(session: Session, device_id: str) -> frozenset[str]:
    return frozenset(session.scalars(select(DeviceUnit.unit_code).where(
        DeviceUnit.device_id == device_id, DeviceUnit.revoked_at.is_(None))))


def units_json(session: Session, device_id: str) -> list[dict[str, Any]]:
    """The device's units with their ranges, as enrolment, `GET /v1/device` and the feed give them."""
    rows = session.scalars(select(DeviceUnit).where(DeviceUnit.device_id == device_id,
                                                    DeviceUnit.revoked_at.is_(None))
                           .order_by(DeviceUnit.role.desc(), DeviceUnit.unit_code))
    return [{"unit_code": row.unit_code, "role": row.role, "range_start": row.range_start,
             "range_end": row.range_end} for row in rows]


def announce(session: Session, device: Device) -> int:
    """Tell `device` (only it) its current units through the change feed."""
    return emit(session, "device.units", {"device_id": device.id, "units": units_json(session, device.id)},
                device_id=device.id)


def profile(session: Session, device: Device) -> dict[str, Any]:
    """What the portal knows of a device, for `GET /v1/device` and `motcua portal devices list`."""
    return {"device_id": device.id, "unit_code": device.unit_code, "kind": device.kind, "name": device.name,
            "slot": device.slot, "enrolled_at": as_utc(device.enrolled_at).isoformat(),
            "revoked_at": as_utc(device.revoked_at).isoformat() if device.revoked_at else None,
            "units": units_json(session, device.id)}
