"""Read-only views of received dossiers: everything a printed form or a listing shows.

`load_dossier_view` gathers one dossier from the rows `confirm_reception` writes (dossier,
applicant, documents, pages, procedure version, unit, official) into a frozen `DossierView`, so
form templates never touch the ORM and can be rendered outside any session. `list_dossiers`
serves the dossier list and `motcua dossiers list`.

Values not kept in columns (representative, number of sets, fee lines, delivery address, …)
come from `dossiers.data`; docs/receipt.md lists the source of every printed value.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, literal_column, select
from sqlalchemy.orm import Session

from app.catalog.fees import format_vnd
from app.catalog.model import ProcedureVersionData
from app.codes import parse_dossier_code
from app.deadlines import TimeRule
from app.errors import InputError, NotFoundError
from app.forms.legal_text import form_name, status_name
from app.store.models import Applicant, Document, Dossier, Page, ProcedureVersion, StatusEvent, Unit, User
from app.text import collapse_spaces, nfc

MAX_LIST_LIMIT = 1000


@dataclass(frozen=True)
class UnitRef:
    code: str
    name: str


@dataclass(frozen=True)
class ProcedureRef:
    """The procedure version the dossier was received under (never the current one)."""

    code: str
    name: str
    valid_from: date
    legal_days: str  # TimeRule.legal_days(), e.g. "05"; "" when unknown
    time_rule: TimeRule | None = None


@dataclass(frozen=True)
class ApplicantView:
    full_name: str
    id_number: str = ""
    birth_date: date | None = None
    sex: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class RepresentativeView:
    full_name: str
    id_number: str = ""
    phone: str = ""
    authorisation: str = ""


@dataclass(frozen=True)
class DocumentLine:
    name: str
    form: str  # original | certified_copy | copy
    copies: int
    pages: int
    received: bool
    required: bool = True
    kind: str = "submit"  # "present": shown to the official (xuất trình), not kept


@dataclass(frozen=True)
class FeeLineView:
    label: str
    quantity: int
    unit_vnd: int
    amount_vnd: int


@dataclass(frozen=True)
class DossierView:
    """One dossier as printed forms and the detail screen show it."""

    dossier_id: str
    code: str
    unit: UnitRef
    procedure: ProcedureRef
    applicant: ApplicantView
    representative: RepresentativeView | None
    documents: tuple[DocumentLine, ...]
    sets: int
    received_at: datetime
    due_at: datetime | None
    fee_vnd: int
    fee_lines: tuple[FeeLineView, ...]
    fee_note: str
    payment_method: str  # cash | transfer | exempt
    exempt_reason: str
    delivery: str  # desk | post
    delivery_address: str
    channel: str  # desk | post_office | community
    destination_unit: str
    visit_place: str
    received_by: str  # the official's full name
    register_book: int  # "Quyển số": the year of receipt
    register_seq: int  # "Số thứ tự": the number of the dossier code
    status: str
    note: str
    missing_reason: str = ""
    # Years whose estimated (unconfirmed) calendar the due time was counted over, at reception.
    calendar_estimated: tuple[int, ...] = ()
    lookup_secret: str = ""  # "" for dossiers received before receipts carried one

    @property
    def submitted_by(self) -> str:
        """Who signs as NGƯỜI NỘP HỒ SƠ: the representative when one submitted for the applicant."""
        return self.representative.full_name if self.representative else self.applicant.full_name

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (dates as ISO text)."""
        return _jsonable(asdict(self)) | {"status_label": status_name(self.status)}

    def describe(self) -> str:
        """A few lines for `motcua dossiers show`, in the wording of the printed forms."""
        due = f"{self.due_at:%H:%M %d/%m/%Y}" if self.due_at else "chưa xác định"
        docs = "\n".join(f"  {n}. {d.name} — {form_name(d.form)}, {d.copies} bản, {d.pages} trang"
                         + ("" if d.received else " (chưa nộp)")
                         for n, d in enumerate(self.documents, 1))
        return (f"{self.code}  [{status_name(self.status)}]\n"
                f"Thủ tục: {self.procedure.name} ({self.procedure.code})\n"
                f"Người nộp: {self.applicant.full_name}\n"
                f"Tiếp nhận: {self.received_at:%H:%M %d/%m/%Y} bởi {self.received_by}\n"
                f"Hẹn trả: {due}\n"
                f"Phí, lệ phí: {format_vnd(self.fee_vnd)}\n"
                f"Thành phần hồ sơ:\n{docs}")


@dataclass(frozen=True)
class DossierSummary:
    """One row of the dossier list."""

    code: str
    received_at: datetime
    due_at: datetime | None
    status: str
    applicant_name: str
    procedure_code: str
    procedure_name: str
    fee_vnd: int
    dossier_id: str  # for screens that look up more about the row (its sync state)

    def to_dict(self) -> dict[str, Any]:
        return _jsonable(asdict(self))


@dataclass(frozen=True)
class StatusStep:
    """One step of a dossier's timeline: a local action or a status sent back by the portal."""

    status: str
    at: datetime
    by: str
    note: str
    action: str = ""  # the lifecycle action (app/lifecycle); "" for reception and older rows
    details: Mapping[str, Any] | None = None  # the action's data; {"refused": True, …} for a
    # portal change the lifecycle machine did not apply

    @property
    def refused(self) -> bool:
        return bool(self.details and self.details.get("refused"))


def status_history(session: Session, dossier_id: str) -> list[StatusStep]:
    """The dossier's timeline, oldest first (ids, time-ordered, break ties of one moment)."""
    rows = session.execute(select(StatusEvent.status, StatusEvent.at, StatusEvent.by_user, StatusEvent.note,
                                  StatusEvent.action, StatusEvent.details)
                           .where(StatusEvent.dossier_id == dossier_id)
                           .order_by(StatusEvent.at, StatusEvent.id)).all()
    return [StatusStep(status, at, by or "", note or "", action or "", details)
            for status, at, by, note, action, details in rows]


def load_dossier_view(session: Session, code: str) -> DossierView:
    """The dossier with this code; NotFoundError when the store has none."""
    if not isinstance(code, str) or not code.strip():
        raise InputError("dossier code: empty; give a code like 000.00.06.H56-251124-0001",
                         kind="dossiers.code_empty")
    code = code.strip()
    dossier = session.scalar(select(Dossier).where(Dossier.code == code))
    if dossier is None:
        raise NotFoundError(f"dossier code: no dossier {code} in this store", kind="dossiers.not_found",
                            params={"code": code[:40]})
    data: Mapping[str, Any] = dossier.data or {}
    applicant = session.get(Applicant, dossier.applicant_id)
    official = session.get(User, dossier.received_by)
    _, _, number = parse_dossier_code(dossier.code)
    return DossierView(
        dossier_id=dossier.id, code=dossier.code,
        unit=_unit(session, dossier.unit_code),
        procedure=_procedure(session, dossier.procedure_version_id),
        applicant=_applicant(applicant, data),
        representative=_representative(data.get("representative")),
        documents=_documents(session, dossier.id),
        sets=_int(data.get("sets"), 1),
        received_at=dossier.received_at, due_at=dossier.due_at,
        fee_vnd=dossier.fee_vnd or 0,
        fee_lines=_fee_lines(data), fee_note=_text(_fee(data).get("note")),
        payment_method=dossier.payment_method or _text(data.get("payment_method")) or "cash",
        exempt_reason=_text(data.get("exempt_reason")),
        delivery=dossier.delivery or "desk", delivery_address=_text(data.get("delivery_address")),
        channel=dossier.channel, destination_unit=_text(data.get("destination_unit")),
        visit_place=_text(data.get("visit_place")),
        received_by=official.full_name if official else "",
        register_book=dossier.received_at.year, register_seq=number,
        status=dossier.status, note=_text(data.get("note")),
        missing_reason=_text(data.get("missing_reason")),
        calendar_estimated=_years(data.get("calendar_estimated")),
        lookup_secret=_text(data.get("lookup_secret")),
    )


def _years(value: Any) -> tuple[int, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(year for year in value if isinstance(year, int) and not isinstance(year, bool))


def list_dossiers(session: Session, *, search: str = "", limit: int = 50,
                  offset: int = 0) -> list[DossierSummary]:
    """Newest first; `search` matches the code, the ID number, (accent-insensitively) the name,
    or words on the dossier's scanned pages (app/reception/listing.py `find_search`)."""
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIST_LIMIT:
        raise InputError(f"limit: {limit!r} must be a whole number from 1 to {MAX_LIST_LIMIT}")
    if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        raise InputError(f"offset: {offset!r} must be a whole number, 0 or more")
    query = (select(Dossier.code, Dossier.received_at, Dossier.due_at, Dossier.status,
                    Applicant.full_name, ProcedureVersion.code, ProcedureVersion.name, Dossier.fee_vnd,
                    Dossier.id)
             .join(Applicant, Applicant.id == Dossier.applicant_id)
             .join(ProcedureVersion, ProcedureVersion.id == Dossier.procedure_version_id)
             .order_by(Dossier.received_at.desc(), Dossier.code.desc())
             .limit(limit).offset(offset))
    term = collapse_spaces(nfc(search or ""))
    if term:
        from app.reception.listing import find_search

        found = find_search(session, term)
        if found is None:
            return []
        query = query.where(found.condition())
    return [DossierSummary(*row) for row in session.execute(query)]


def _unit(session: Session, unit_code: str) -> UnitRef:
    name = session.scalar(select(Unit.name).where(Unit.code == unit_code)
                          .order_by(Unit.valid_from.desc()).limit(1))
    return UnitRef(code=unit_code, name=name or unit_code)


def _procedure(session: Session, version_id: str) -> ProcedureRef:
    row = session.get(ProcedureVersion, version_id)
    if row is None:  # a foreign key makes this a damaged store, not bad input
        raise NotFoundError(f"procedure version {version_id} of the dossier is missing from the store")
    version = ProcedureVersionData.from_json(
        row.data, where=f"stored procedure {row.code} valid from {row.valid_from.isoformat()}")
    rule = version.time_rule
    return ProcedureRef(code=row.code, name=row.name, valid_from=row.valid_from,
                        legal_days=rule.legal_days() if rule else "", time_rule=rule)


def _applicant(row: Applicant | None, data: Mapping[str, Any]) -> ApplicantView:
    # The dossier keeps a copy of the applicant as received: the shared applicant row may be
    # updated by a later reception, but a reprinted receipt must show what was agreed then.
    snapshot = data.get("applicant")
    if isinstance(snapshot, Mapping) and snapshot.get("full_name"):
        return ApplicantView(full_name=_text(snapshot.get("full_name")),
                             id_number=_text(snapshot.get("id_number")),
                             birth_date=_date(snapshot.get("birth_date")), sex=_text(snapshot.get("sex")),
                             address=_text(snapshot.get("address")), phone=_text(snapshot.get("phone")),
                             email=_text(snapshot.get("email")))
    if row is None:
        return ApplicantView(full_name="")
    return ApplicantView(full_name=row.full_name, id_number=row.id_number or "", birth_date=row.birth_date,
                         sex=row.sex or "", address=row.address or "", phone=row.phone or "",
                         email=row.email or "")


def _representative(value: Any) -> RepresentativeView | None:
    if not isinstance(value, Mapping) or not _text(value.get("full_name")):
        return None
    return RepresentativeView(full_name=_text(value.get("full_name")), id_number=_text(value.get("id_number")),
                              phone=_text(value.get("phone")), authorisation=_text(value.get("authorisation")))


def _documents(session: Session, dossier_id: str) -> tuple[DocumentLine, ...]:
    pages = (select(Page.document_id, func.count().label("n")).group_by(Page.document_id).subquery())
    rows = session.execute(
        select(Document, func.coalesce(pages.c.n, 0))
        .outerjoin(pages, pages.c.document_id == Document.id)
        .where(Document.dossier_id == dossier_id)
        # seq is the checklist order; rowid (insertion order) breaks ties for rows from before it.
        .order_by(Document.seq, literal_column("documents.rowid"))).all()
    return tuple(DocumentLine(name=doc.name, form=doc.form, copies=doc.copies, pages=int(count),
                              received=bool(doc.received), required=bool(doc.required),
                              kind=doc.kind or "submit")
                 for doc, count in rows)


def _fee(data: Mapping[str, Any]) -> Mapping[str, Any]:
    fee = data.get("fee")
    return fee if isinstance(fee, Mapping) else {}


def _fee_lines(data: Mapping[str, Any]) -> tuple[FeeLineView, ...]:
    lines = _fee(data).get("lines", data.get("fee_lines"))
    if not isinstance(lines, list):
        return ()
    return tuple(FeeLineView(label=_text(line.get("label")), quantity=_int(line.get("quantity"), 1),
                             unit_vnd=_int(line.get("unit_vnd"), 0), amount_vnd=_int(line.get("amount_vnd"), 0))
                 for line in lines if isinstance(line, Mapping))


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _int(value: Any, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(item) for item in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value
