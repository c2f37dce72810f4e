"""Status changes pulled from the portal go through the lifecycle machine.

A change the machine allows is applied like a local step (the clock stops or restarts, a return
is dated) and kept as a StatusEvent with action "portal". A change it does not allow (DA_TRA →
DANG_XU_LY, anything after a final status) is NOT applied: it is kept, under the portal's
event id, as a flagged StatusEvent (action "portal", details {"refused": true, "reason",
"status_from"}) so applying the feed again skips it, the dossier timeline and the Sync page
show it with the reason, and the caller adds a problem to the pull report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from app.errors import InputError
from app.lifecycle.actions import context_for, state_of
from app.lifecycle.machine import enter_status
from app.statuses import STATUSES
from app.store.models import Dossier, StatusEvent

PORTAL_ACTION = "portal"


@dataclass(frozen=True)
class PortalOutcome:
    applied: bool
    reason: str = ""  # why it was refused (English, for the pull report and the log)
    params: dict[str, Any] | None = None  # problem kind "lifecycle.portal_status_refused"


def apply_portal_status(session: Session, dossier: Dossier, *, event_id: str, status: str,
                        at: datetime, note: str | None, by: str) -> PortalOutcome:
    """Apply (or refuse and record) one status change from the feed; see the module docstring."""
    current = dossier.status
    at = at.replace(microsecond=0)  # business times are kept to the second, like local actions
    state = state_of(session, dossier)
    context = context_for(session, dossier, at, role=PORTAL_ACTION, username=by)
    try:
        if status not in STATUSES:
            raise InputError(f"status {status!r} is unknown")
        after, extra = enter_status(state, status, at, context)
    except InputError as error:
        reason = f"{dossier.code}: the portal's change {current} → {status} is not allowed ({error.message})"
        session.add(StatusEvent(id=event_id, dossier_id=dossier.id, status=status, at=at, by_user=by,
                                note=note, action=PORTAL_ACTION,
                                details={"refused": True, "status_from": current, "reason": reason}))
        return PortalOutcome(False, reason, {"code": dossier.code, "from": current, "to": status})
    dossier.status, dossier.due_at, dossier.due_original = after.status, after.due_at, after.due_original
    dossier.paused_at, dossier.returned_at = after.paused_at, after.returned_at
    session.add(StatusEvent(id=event_id, dossier_id=dossier.id, status=status, at=at, by_user=by,
                            note=note, action=PORTAL_ACTION, details=extra or None))
    return PortalOutcome(True)
