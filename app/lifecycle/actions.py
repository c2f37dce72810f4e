"""Taking a lifecycle action: ONE write transaction per action.

`act` locks the store (BEGIN IMMEDIATE), reads the dossier, asks the machine (`step`) whether
the signed-in official may take the action now, and writes in the same transaction:
- the dossier's new state (status, appointment, clock pause, return time);
- a StatusEvent with the action and its details (the data the action's form prints);
- an outbox row `dossier.event` (POST /v1/dossiers/{id}/events with action and details);
- an audit event `dossier.<action>` (codes, statuses and dates only: no personal data).
A refusal raises before anything is written; any failure rolls all of it back.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import options
from app.calendar_store import load_calendar
from app.catalog.model import ProcedureVersionData
from app.clock import local_now
from app.errors import NotFoundError
from app.ids import new_id
from app.lifecycle.errors import LifecycleError
from app.lifecycle.machine import (CLI_NAMES, ActionInput, Context, DossierState, action_named,
                                   allowed_actions, step)
from app.store.models import Document, Dossier, OutboxItem, ProcedureVersion, Setting, StatusEvent, utcnow
from app.text import excerpt
from app.wire import OutboxKind

if TYPE_CHECKING:  # the type only: importing the store here is not needed
    from app.store.service import Store

APOLOGY_WINDOW_KEY = options.APOLOGY_WINDOW_DAYS.key
DEFAULT_APOLOGY_WINDOW = 2
# Details that may name a person: kept on the event (printed on forms, sent to the portal) but
# never copied into the audit chain.
PERSONAL_DETAILS = frozenset({"name", "id_number", "tracking", "items", "reason", "note", "to_body",
                              "from_body"})


@dataclass(frozen=True)
class ActResult:
    """What an action did: the event it wrote, the status before and after, the appointment and
    the form to print (None when the action has none)."""

    dossier_id: str
    code: str
    action: str
    event_id: str
    status_from: str
    status: str
    due_at: datetime | None
    due_original: datetime | None
    form: str | None
    details: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"dossier_id": self.dossier_id, "code": self.code, "action": CLI_NAMES[self.action],
                "event_id": self.event_id, "status_from": self.status_from, "status": self.status,
                "due_at": self.due_at.isoformat() if self.due_at else None,
                "due_original": self.due_original.isoformat() if self.due_original else None,
                "form": self.form, "details": self.details}


def find_dossier(session: Session, code: str) -> Dossier:
    """The dossier with this code (surrounding spaces ignored); NotFoundError otherwise."""
    text = code.strip() if isinstance(code, str) else ""
    if not text:
        raise NotFoundError("dossier code: empty; give a code like 000.00.06.H56-251124-0001")
    row = session.scalar(select(Dossier).where(Dossier.code == text))
    if row is None:
        raise NotFoundError(f"dossier code: no dossier {excerpt(text)} in this store",
                            kind="lifecycle.no_dossier", params={"code": excerpt(text, 60)})
    return row


def int_setting(session: Session, key: str, default: int) -> int:
    row = session.get(Setting, key)
    value = row.value if row is not None else None
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else default


def fee_due_vnd(dossier: Dossier) -> int:
    """The fee still to collect: nothing when exempt, else the amount less what was collected
    (reception records no payment today, so the whole fee is due until the return)."""
    if dossier.payment_method == "exempt":
        return 0
    fee = (dossier.data or {}).get("fee")
    collected = fee.get("collected_vnd", 0) if isinstance(fee, dict) else 0
    collected = collected if isinstance(collected, int) and not isinstance(collected, bool) else 0
    return max(0, (dossier.fee_vnd or 0) - collected)


def state_of(session: Session, dossier: Dossier) -> DossierState:
    apologised = session.scalar(select(StatusEvent.id).where(StatusEvent.dossier_id == dossier.id,
                                                             StatusEvent.action == "apologise").limit(1))
    return DossierState(status=dossier.status, received_at=dossier.received_at, due_at=dossier.due_at,
                        due_original=dossier.due_original, paused_at=dossier.paused_at,
                        returned_at=dossier.returned_at, apologised=apologised is not None)


def context_for(session: Session, dossier: Dossier, now: datetime, *, role: str, username: str) -> Context:
    row = session.get(ProcedureVersion, dossier.procedure_version_id)
    rule = None
    if row is not None:
        rule = ProcedureVersionData.from_json(row.data, where=f"stored procedure {row.code}").time_rule
    data = dossier.data or {}
    snapshot: dict[str, Any] = data["applicant"] if isinstance(data.get("applicant"), dict) else {}
    documents = session.scalar(select(func.count()).select_from(Document)
                               .where(Document.dossier_id == dossier.id, Document.received.is_(True)))
    handover = session.scalar(select(StatusEvent.details).where(StatusEvent.dossier_id == dossier.id,
                                                                StatusEvent.action == "handover")
                              .order_by(StatusEvent.at.desc()).limit(1))
    return Context(role=role, username=username, now=now,
                   calendar=load_calendar(session), rule=rule,
                   applicant_name=str(snapshot.get("full_name") or ""), documents_received=int(documents or 0),
                   fee_due_vnd=fee_due_vnd(dossier),
                   last_handover_body=str((handover or {}).get("to_body") or ""),
                   apology_window_days=int_setting(session, APOLOGY_WINDOW_KEY, DEFAULT_APOLOGY_WINDOW))


def act(store: Store, code: str, action: str, data: ActionInput | None = None, *,
        now: datetime | None = None) -> ActResult:
    """Take `action` on dossier `code` as the signed-in official; see the module docstring."""
    spec = action_named(action)  # an unknown action is refused before the store is locked
    moment = (now or local_now()).replace(microsecond=0)
    with store.session() as session:
        dossier = find_dossier(session, code)
        return apply_action(session, store, dossier, spec.name, data or ActionInput(), now=moment)


def apply_action(session: Session, store: Store, dossier: Dossier, action: str, data: ActionInput, *,
                 now: datetime, as_reception: bool = False) -> ActResult:
    """The action inside the caller's write transaction (`act`, or reception's own for a dossier
    received incomplete, `as_reception`: then the receiving official's role is not asked again)."""
    if dossier.purged_at is not None:
        raise LifecycleError("purged", f"{dossier.code}: personal data was purged; the dossier is "
                             "closed", code=dossier.code)
    context = context_for(session, dossier, now, role=store.user.role, username=store.user.username)
    if as_reception:
        context = replace(context, check_role=False)
    before = state_of(session, dossier)
    after, details = step(before, action, data, context)
    dossier.status, dossier.due_at, dossier.due_original = after.status, after.due_at, after.due_original
    dossier.paused_at, dossier.returned_at = after.paused_at, after.returned_at
    if action == "return":
        fee = dict((dossier.data or {}).get("fee") or {})
        fee["collected_vnd"] = int(fee.get("collected_vnd") or 0) + details["fee_collected_vnd"]
        dossier.data = {**(dossier.data or {}), "fee": fee}
    note = (data.note or "").strip() or None
    event = StatusEvent(id=new_id(), dossier_id=dossier.id, status=after.status, at=now,
                        by_user=store.user.username, note=note, action=action, details=details)
    session.add(event)
    session.flush()
    payload = {"event_id": event.id, "status": after.status, "at": now.isoformat(), "note": note,
               "action": action, "details": details}
    session.add(OutboxItem(id=new_id(), dossier_id=dossier.id, kind=OutboxKind.DOSSIER_EVENT.value,
                           payload=payload, created_at=utcnow(), state="pending", attempts=0))
    session.flush()
    audit = {"code": dossier.code, "event_id": event.id, "status_from": before.status,
             "status_to": after.status}
    audit.update({k: v for k, v in details.items() if k not in PERSONAL_DETAILS})
    store.record_audit(session, action=f"dossier.{action}", object_type="dossier", object_id=dossier.id,
                       details=audit)
    return ActResult(dossier_id=dossier.id, code=dossier.code, action=action, event_id=event.id,
                     status_from=before.status, status=after.status, due_at=after.due_at,
                     due_original=after.due_original, form=action_named(action).form, details=details)


def actions_for(store: Store, session: Session, dossier: Dossier) -> list[str]:
    """What the signed-in official may do with this dossier now (for the detail screen)."""
    if dossier.purged_at is not None:
        return []
    return allowed_actions(dossier.status, store.user.role)
