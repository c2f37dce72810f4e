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
from portal.errors import PortalError, validation
from portal.models import CodeBlock, utcnow
from portal.validation import check_code_block

MAX_BLOCK = 1000
DAYS_AHEAD = 31


def vietnam_today() -> date:
    return datetime.now(VIETNAM).date()


def reserve_block(session: Session, device: AuthenticatedDevice,
                  body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    """An idempotency effect: the next free range of numbers for the device's unit and `day`."""
    request = check_code_block(body)
    day, count = request.day, request.count
    today = vietnam_today()
    if not today - timedelta(days=1) <= day <= today + timedelta(days=DAYS_AHEAD):
        raise validation("day", f"phải từ hôm qua đến {DAYS_AHEAD} ngày tới",
                         f"must be from yesterday to {DAYS_AHEAD} days ahead")
    lock_name(session, f"code-blocks {device.unit_code} {day.isoformat()}")
    highest = session.scalar(select(func.max(CodeBlock.end)).where(
        CodeBlock.unit_code == device.unit_code, CodeBlock.day == day)) or 0
    if highest >= MAX_PORTAL_NUMBER:
        raise PortalError(409, "codes_exhausted",
                          f"Đã hết số hồ sơ của đơn vị {device.unit_code} ngày {day:%d/%m/%Y}",
                          f"No dossier numbers left for {device.unit_code} on {day.isoformat()}",
                          details={"unit_code": device.unit_code, "day": day.isoformat()})
    start, end = highest + 1, min(highest + count, MAX_PORTAL_NUMBER)
    expires = datetime.combine(day, time(23, 59, 59), tzinfo=VIETNAM)
    session.add(CodeBlock(unit_code=device.unit_code, day=day, start=start, end=end,
                          device_id=device.device_id,
                          expires_at=expires.astimezone(timezone.utc), created_at=utcnow()))
    session.flush()  # a concurrent block with the same start fails here (unique constraint)
    return 201, {"unit_code": device.unit_code, "day": day.isoformat(), "start": start, "end": end,
                 "expires_at": expires.isoformat()}
