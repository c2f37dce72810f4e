"""Unfinished receptions kept in the encrypted store, per official, until confirmed or discarded.

A draft is `ReceptionRequest.to_json()` in the `drafts` table (it holds personal data, so it
never goes to a plain file). The screen saves as the official types; after a crash or a closed
window `list_drafts` offers them again. Confirming deletes the draft in the same transaction,
and saving a draft that was already confirmed does nothing, so a late autosave cannot bring a
received dossier back as a draft.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from app.errors import InputError, NotFoundError
from app.ids import new_id
from app.reception.model import ReceptionRequest, request_from_dict
from app.store.models import Dossier, Draft, ProcedureVersion, utcnow


@dataclass(frozen=True)
class DraftInfo:
    """One line of the "unfinished receptions" list."""

    id: str
    user_id: str
    updated_at: datetime  # naive UTC (bookkeeping time)
    summary: str  # "1.001193 Đăng ký khai sinh – Nguyễn Thị Lan"


def save_draft(session: Session, user_id: str, request: ReceptionRequest) -> str:
    """Insert or update the draft `request.draft_id` (a new id when empty); returns the id."""
    draft_id = request.draft_id or new_id()
    if session.scalar(select(exists().where(Dossier.draft_id == draft_id))):
        return draft_id  # already received: nothing left to draft
    data = ReceptionRequest.to_json(request)
    data["draft_id"] = draft_id
    row = session.get(Draft, draft_id)
    if row is None:
        session.add(Draft(id=draft_id, user_id=user_id, updated_at=utcnow(), data=data))
    else:
        row.user_id, row.updated_at, row.data = user_id, utcnow(), data
    session.flush()
    return draft_id


def list_drafts(session: Session, user_id: str | None = None) -> list[DraftInfo]:
    """Drafts, most recently saved first; only `user_id`'s when given."""
    query = select(Draft).order_by(Draft.updated_at.desc())
    if user_id is not None:
        query = query.where(Draft.user_id == user_id)
    rows = list(session.scalars(query))
    codes = {str((row.data or {}).get("procedure_code") or "") for row in rows}
    names = dict(session.execute(select(ProcedureVersion.code, ProcedureVersion.name)
                                 .where(ProcedureVersion.code.in_(codes))).all()) if codes else {}
    return [DraftInfo(id=row.id, user_id=row.user_id, updated_at=row.updated_at,
                      summary=_summary(row.data or {}, names)) for row in rows]


def _summary(data: dict, names: dict[str, str]) -> str:
    code = str(data.get("procedure_code") or "")
    applicant = data.get("applicant") or {}
    person = str(applicant.get("full_name") or "").strip() if isinstance(applicant, dict) else ""
    procedure = f"{code} {names.get(code, '')}".strip() or "(chưa chọn thủ tục)"
    return f"{procedure} – {person}" if person else procedure


def load_draft(session: Session, draft_id: str) -> ReceptionRequest:
    """The request saved as `draft_id`; NotFoundError if there is none."""
    row = session.get(Draft, draft_id)
    if row is None:
        raise NotFoundError(f"draft: no unfinished reception {draft_id!r}", kind="reception.draft_missing")
    try:
        request = request_from_dict(row.data)
    except InputError as error:
        raise InputError(f"draft {draft_id}: {error.message}", kind="reception.draft_damaged") from None
    request.draft_id = row.id
    return request


def discard_draft(session: Session, draft_id: str) -> None:
    """Forget a draft; discarding one that is gone already is not an error."""
    session.execute(delete(Draft).where(Draft.id == draft_id))
