"""Reserved dossier-number blocks per unit and day (docs/sync-protocol.md §7).

A block starts right after the highest block of that unit and day. Concurrent requests for one
unit and day queue on a named lock (PostgreSQL; SQLite has one writer anyway). The unique
constraint on (unit, day, start) is the backstop: should two ever compute the same start, one
insert fails and the idempotency loop retries it, starting after the winner's block.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import VIETNAM
from app.codes import MAX_PORTAL_NUMBER
from portal.db import lock_name
from portal.devices import AuthenticatedDevice
from portal.errors import PortalError, forbidden, validation
from portal.models import CodeBlock, utcnow
from portal.validation import check_code_block

MAX_BLOCK = 1000
DAYS_AHEAD = 31


def vietnam_today() -> date:
    return datetime.now(VIETNAM).date()


def reserve_block(session: Session, device: AuthenticatedDevice,
                  body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    """An idempotency effect: the next free range of numbers for `day` of the device's unit, or of
    `unit_code` when given (a unit a post-office or community-team device was granted)."""
    request = check_code_block(body)
    day, count = request.day, request.count
    unit = request.unit_code or device.unit_code
    if not device.may_file_for(unit):
        raise forbidden(f"Thiết bị không được cấp số hồ sơ của đơn vị {unit}",
                        f"This device may not take dossier numbers of unit {unit}", field="unit_code")
    today = vietnam_today()
    if not today - timedelta(days=1) <= day <= today + timedelta(days=DAYS_AHEAD):
        raise validation("day", f"phải từ hôm qua đến {DAYS_AHEAD} ngày tới",
                         f"must be from yesterday to {DAYS_AHEAD} days ahead")
    lock_name(session, f"code-blocks {unit} {day.isoformat()}")
    highest = session.scalar(select(func.max(CodeBlock.end)).where(
        CodeBlock.unit_code == unit, CodeBlock.day == day)) or 0
    if highest >= MAX_PORTAL_NUMBER:
        raise PortalError(409, "codes_exhausted",
                          f"Đã hết số hồ sơ của đơn vị {unit} ngày {day:%d/%m/%Y}",
                          f"No dossier numbers left for {unit} on {day.isoformat()}",
                          details={"unit_code": unit, "day": day.isoformat()})
    start, end = highest + 1, min(highest + count, MAX_PORTAL_NUMBER)
    expires = datetime.combine(day, time(23, 59, 59), tzinfo=VIETNAM)
    session.add(CodeBlock(unit_code=unit, day=day, start=start, end=end, device_id=device.device_id,
                          expires_at=expires.astimezone(timezone.utc), created_at=utcnow()))
    session.flush()  # a concurrent block with the same start fails here (unique constraint)
    return 201, {"unit_code": unit, "day": day.isoformat(), "start": start, "end": end,
                 "expires_at": expires.isoformat()}
