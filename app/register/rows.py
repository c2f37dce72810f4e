"""Reading the register of a period from the store: one row per dossier received in it.

Everything is read in a handful of queries whatever the number of dossiers (a month at a busy
desk is about 5,000): the dossiers with their applicants, the procedure versions and officials
they refer to, and all their status events at once. Rows carry plain values (dates as datetime,
counts as int), so every writer formats them its own way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import local_now
from app.forms.settings import receipt_settings
from app.register.layout import RegisterLayout, layout_for
from app.reports.milestones import Event, Milestones, milestones
from app.reports.period import Period
from app.store.models import Applicant, Dossier, ProcedureVersion, StatusEvent, Unit, User
from app.text import nfc, remove_unsafe


@dataclass(frozen=True)
class RegisterRow:
    """One dossier in the register."""

    seq: int  # STT, from 1 in order of reception
    code: str
    procedure_code: str
    procedure_name: str
    sets: int
    applicant_name: str
    address: str
    phone: str
    processing_body: str
    received_at: datetime
    due_at: datetime | None
    handed_over_at: datetime | None
    received_back_at: datetime | None
    returned_at: datetime | None
    received_by: str  # the official who received the dossier
    returned_to: str  # who took the result (name, representative, or post and tracking number)
    status: str  # internal status code (app/statuses.py)
    note: str

    def value(self, key: str) -> Any:
        """The value of column `key` (app/register/layout.py)."""
        if key == "address_phone":
            return "; ".join(part for part in (self.address, self.phone) if part)
        return getattr(self, key)


@dataclass(frozen=True)
class Register:
    """The register of one period, ready for any writer."""

    unit_code: str
    unit_name: str
    parent_agency: str
    period: Period
    layout: RegisterLayout
    rows: tuple[RegisterRow, ...]
    made_at: datetime
    training: bool = False  # from a training store: the printed register carries the mark


def load_register(session: Session, period: Period, *, now: datetime | None = None) -> Register:
    """The register of the dossiers received from `period.start` to `period.end`."""
    settings = receipt_settings(session)
    unit = session.execute(select(Unit.code, Unit.name).order_by(Unit.valid_from.desc()).limit(1)).first()
    dossiers = session.execute(
        select(Dossier.id, Dossier.code, Dossier.procedure_version_id, Dossier.channel, Dossier.status,
               Dossier.received_at, Dossier.due_at, Dossier.due_original, Dossier.returned_at,
               Dossier.purged_at, Dossier.received_by, Dossier.data, Applicant.full_name,
               Applicant.address, Applicant.phone)
        .outerjoin(Applicant, Applicant.id == Dossier.applicant_id)
        .where(Dossier.received_at >= period.begins, Dossier.received_at < period.ends)
        .order_by(Dossier.received_at, Dossier.code)).all()
    events = _events(session, period)
    procedures = _procedures(session, {row.procedure_version_id for row in dossiers})
    officials = dict(session.execute(select(User.id, User.full_name)).all())
    rows = tuple(_row(seq, row, procedures, officials, events.get(row.id, []))
                 for seq, row in enumerate(dossiers, 1))
    return Register(unit_code=unit.code if unit else "", unit_name=unit.name if unit else "",
                    parent_agency=settings.parent_agency, period=period, layout=layout_for(period.end),
                    rows=rows, made_at=now or local_now(),
                    training=settings.training)


def _events(session: Session, period: Period) -> dict[str, list[Event]]:
    """Every status event of the period's dossiers, by dossier id."""
    in_period = (select(Dossier.id)
                 .where(Dossier.received_at >= period.begins, Dossier.received_at < period.ends))
    found: dict[str, list[Event]] = defaultdict(list)
    for dossier_id, status, at, action, details in session.execute(
            select(StatusEvent.dossier_id, StatusEvent.status, StatusEvent.at, StatusEvent.action,
                   StatusEvent.details).where(StatusEvent.dossier_id.in_(in_period))):
        found[dossier_id].append(Event(status, at, action, details if isinstance(details, Mapping) else None))
    return found


def _procedures(session: Session, ids: set[str]) -> dict[str, tuple[str, str, str]]:
    """Version id -> (code, name, authority). The authority is read inside SQLite so the whole
    procedure description (checklist, fees, sources) is not parsed for every version."""
    if not ids:
        return {}
    authority = func.json_extract(ProcedureVersion.data, "$.authority")
    rows = session.execute(select(ProcedureVersion.id, ProcedureVersion.code, ProcedureVersion.name,
                                  authority)
                           .where(ProcedureVersion.id.in_(ids)))
    return {row[0]: (row[1], row[2], row[3] if isinstance(row[3], str) else "") for row in rows}


def _row(seq: int, row: Any, procedures: Mapping[str, tuple[str, str, str]], officials: Mapping[str, str],
         events: list[Event]) -> RegisterRow:
    data: Mapping[str, Any] = row.data if isinstance(row.data, Mapping) else {}
    applicant = data.get("applicant")
    snapshot: Mapping[str, Any] = applicant if isinstance(applicant, Mapping) else {}
    code, name, authority = procedures.get(row.procedure_version_id, ("", "", ""))
    marks = milestones(events, returned_at=row.returned_at)
    sets = data.get("sets")
    return RegisterRow(
        seq=seq, code=row.code, procedure_code=code, procedure_name=name,
        sets=sets if isinstance(sets, int) and not isinstance(sets, bool) and sets > 0 else 1,
        # The dossier's own copy of the applicant, as received (a later reception may update the
        # shared applicant row); the row itself for dossiers written without one.
        applicant_name=_text(snapshot.get("full_name")) or _text(row.full_name),
        address=_text(snapshot.get("address")) or _text(row.address),
        phone=_text(snapshot.get("phone")) or _text(row.phone),
        processing_body=marks.handed_to or authority,
        received_at=row.received_at, due_at=row.due_at,
        handed_over_at=marks.handed_over_at, received_back_at=marks.received_back_at,
        returned_at=marks.returned_at,
        received_by=officials.get(row.received_by, ""),
        returned_to=returned_to(marks),
        status=row.status,
        note=note_for(row.status, row.channel, marks, due_original=row.due_original,
                      purged=row.purged_at is not None),
    )


# --- printed wording (the register is an official Vietnamese form, like the receipt) ---------

STATUS_NOTES = {
    "TU_CHOI": "Từ chối tiếp nhận",
    "CHO_BO_SUNG": "Chờ bổ sung hồ sơ",
    "CHO_NVTC": "Chờ thực hiện nghĩa vụ tài chính",
    "RUT": "Rút hồ sơ theo yêu cầu",
    "DUNG": "Dừng giải quyết",
}
REASON_OF_STATUS = {"TU_CHOI": "refuse", "RUT": "withdraw", "DUNG": "stop"}
CHANNEL_NOTES = {"post_office": "Nhận qua điểm bưu điện", "community": "Nhận qua Tổ công nghệ số cộng đồng"}
RECIPIENTS = {"representative": "người được ủy quyền", "post": "bưu chính"}
MAX_NOTE_CHARS = 300


def returned_to(marks: Milestones) -> str:
    """Who took the result: 'Nguyễn Văn A', 'Trần B (người được ủy quyền)', 'Bưu chính: EMS…'."""
    details = marks.returned
    name = _text(details.get("name"))
    how = details.get("to")
    if how == "post":
        tracking = _text(details.get("tracking"))
        return "Bưu chính" + (f": {tracking}" if tracking else "") + (f" ({name})" if name else "")
    if how == "representative":
        label = RECIPIENTS["representative"]
        return f"{name} ({label})" if name else label.capitalize()
    return name


def note_for(status: str, channel: str, marks: Milestones, *, due_original: datetime | None,
             purged: bool) -> str:
    """The Ghi chú column: how the dossier left the normal path, moved appointments, the channel."""
    parts: list[str] = []
    if status in STATUS_NOTES:
        reason = marks.reasons.get(REASON_OF_STATUS.get(status, ""), "")
        parts.append(STATUS_NOTES[status] + (f": {reason}" if reason else ""))
    for apology in marks.apologies:
        new_due = _moment(apology.get("new_due"))
        if new_due:
            parts.append(f"Xin lỗi, hẹn lại {new_due:%d/%m/%Y %H:%M}")
    if due_original is not None and marks.apologies:
        parts.append(f"Hẹn lần đầu {due_original:%d/%m/%Y %H:%M}")
    if channel in CHANNEL_NOTES:
        parts.append(CHANNEL_NOTES[channel])
    if purged:
        parts.append("Đã xóa dữ liệu cá nhân sau thời hạn lưu")
    text = "; ".join(parts)
    return text if len(text) <= MAX_NOTE_CHARS else text[:MAX_NOTE_CHARS - 1] + "…"


def _moment(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


def _text(value: Any) -> str:
    """One line of clean text: a cell holds no line breaks, control or invisible characters
    (data pulled from elsewhere is not checked like typed input, and a lone surrogate would
    stop the UTF-8 writers)."""
    if not isinstance(value, str):
        return ""
    return nfc(remove_unsafe(" ".join(value.split())))
