"""Receiving a dossier: checklist, applicant look-up, live preview, and the confirm transaction.

`confirm_reception` is the one way a dossier comes into the store (screen and `motcua intake`):
1. the request is checked by `app.reception.validation` (every problem at once);
2. page files are encrypted into the blob store and fsynced, OUTSIDE the write lock;
3. ONE write transaction: applicant (reused by ID number, "provide once"), dossier code, dossier,
   documents, pages, status event DA_TIEP_NHAN, outbox row "dossier.create", audit event, and
   the draft deleted. Any failure rolls all of it back, including the code number; the page
   files left behind are orphans that `sweep_unused_pages` removes a day later (at sign-in).

`dossiers.draft_id` is UNIQUE and re-read under the write lock, so confirming the same draft
twice (a double key press, or two officials at once) returns the first dossier.

What a dossier row's `data` holds (read by app/reception/views.py and the receipt):
procedure {code, name, valid_from}, applicant (snapshot as received, so a reprint never shows a
later address), representative, documents_missing, missing_reason, destination_unit,
visit_place, fee {amount_vnd, lines, note, channel, pages, copies, entered}, exempt_reason,
delivery_address, sets, note.
"""

from __future__ import annotations

from dataclasses import asdict, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from app.citizen import new_lookup_secret
from app.capture.page_files import CheckedPage, check_page_file, file_params
from app.catalog.fees import FeeQuote
from app.catalog.model import ProcedureVersionData
from app.calendar_years import estimated_years
from app.catalog.storage import version_hash, version_row_id
from app.clock import local_now
from app.codes import allocate_dossier_code, offline_range_for
from app.errors import InputError, MotcuaError, StoreError
from app.identity.cccd import CccdRecord
from app.ids import new_id
from app.lifecycle.actions import apply_action
from app.lifecycle.machine import ActionInput
from app.limits import Limits
from app.reception.model import (FEE_CHANNEL, ApplicantInput, DocumentInput, FieldProblem, PageInput,
                                 ReceptionInvalid, ReceptionQuote, ReceptionRequest, ReceptionResult)
from app.reception.validation import CheckedRequest, check_request, dossier_unit, not_authorised_for
from app.statuses import INITIAL_STATUS
from app.store.blobs import BlobStore
from app.store.models import Applicant, Document, Dossier, Draft, OutboxItem, Page, StatusEvent, utcnow
from app.wire import OutboxKind

if TYPE_CHECKING:  # the store imports much of app/; only the type is needed here
    from app.store.service import Store

OUTBOX_KIND = OutboxKind.DOSSIER_CREATE.value
# The reason printed on form 02 when the desk itself finds a required document missing.
SUPPLEMENT_AT_RECEPTION = "Thiếu thành phần hồ sơ bắt buộc khi tiếp nhận"
AUDIT_ACTION = "dossier.received"
StoredPage = tuple[str, int, str]  # (sha256, size, mime)


def checklist_for(version: ProcedureVersionData) -> list[DocumentInput]:
    """The procedure's documents, ready to tick; items shown, not kept, and items the catalogue
    asks for as originals only (bản chính, no bản sao) default to "original"."""
    return [DocumentInput(name=item.name, required=item.required, kind=item.kind, received=False,
                          form="original" if item.kind == "present" or (item.originals and not item.copies)
                          else "copy", copies=1)
            for item in version.documents]


def applicant_from_cccd(record: CccdRecord) -> ApplicantInput:
    """An applicant filled from a chip-ID QR; marked source "qr" so its values are kept as read."""
    return ApplicantInput(full_name=record.full_name, id_number=record.id_number,
                          old_id_number=record.old_id_number or "", birth_date=record.birth_date,
                          sex=record.sex, address=record.address, id_issue_date=record.issue_date,
                          source="qr")


def _applicant_row(session: Session, id_number: str) -> Applicant | None:
    number = "".join((id_number or "").split())
    if not number:
        return None
    return session.scalar(select(Applicant).where(Applicant.id_number == number)
                          .order_by(Applicant.created_at.desc()).limit(1))


def find_applicant(session: Session, id_number: str) -> ApplicantInput | None:
    """"Provide once": what the store already knows about the holder of `id_number`, or None."""
    row = _applicant_row(session, id_number)
    if row is None:
        return None
    return ApplicantInput(full_name=row.full_name, id_number=row.id_number or "",
                          old_id_number=row.old_id_number or "", birth_date=row.birth_date,
                          sex=row.sex or "", address=row.address or "", id_issue_date=row.id_issue_date,
                          phone=row.phone or "", email=row.email or "")


def fill_from_known(current: ApplicantInput, known: ApplicantInput | None) -> ApplicantInput:
    """Complete `current` with what the store knows (phone, e-mail…), never overwriting a value
    already there: a QR-filled applicant keeps what the card says, the store adds the rest."""
    if known is None:
        return current
    filled = {name: getattr(known, name) for name in _KNOWN_FIELDS
              if not getattr(current, name) and getattr(known, name)}
    return replace(current, **filled)


_KNOWN_FIELDS = ("full_name", "old_id_number", "birth_date", "sex", "address", "id_issue_date", "phone",
                 "email")


def preview_reception(session: Session, request: ReceptionRequest, *,
                      now: datetime | None = None) -> ReceptionQuote:
    """Procedure, appointment time, fee and problems for the screen; never writes."""
    checked = check_request(session, request, now=now or local_now())
    due_at = None if checked.needs_supplements else checked.due_at  # no appointment until complete
    return ReceptionQuote(procedure=checked.version, due_at=due_at, fee=checked.fee,
                          problems=checked.problems, received_at=checked.received_at,
                          needs_supplements=checked.needs_supplements,
                          due_estimated=tuple(estimated_years(session, checked.received_at, due_at)))


def confirm_reception(store: Store, request: ReceptionRequest, *,
                      now: datetime | None = None) -> ReceptionResult:
    """Receive the dossier described by `request`; see the module docstring.

    Raises ReceptionInvalid (every problem), StoreError (busy, disk full; nothing saved).
    """
    now = now or local_now()
    with store.read_session() as session:
        earlier = _confirmed_before(session, request.draft_id)
        if earlier is not None:
            return earlier
        checked = check_request(session, request, now=now)
    if checked.problems:
        raise ReceptionInvalid(checked.problems)
    pages = _store_pages(store.blobs, checked.request, checked.limits)
    try:
        with store.session() as session:
            earlier = _confirmed_before(session, request.draft_id)
            if earlier is not None:
                return earlier
            return _write(store, session, checked, pages)
    except IntegrityError:
        # Only a concurrent confirm of the same draft can collide (draft_id is UNIQUE).
        with store.read_session() as session:
            earlier = _confirmed_before(session, request.draft_id)
        if earlier is None:
            raise
        return earlier
    except OperationalError as error:
        raise _store_problem(store, error) from error


def _store_problem(store: Store, error: OperationalError) -> StoreError:
    text = str(getattr(error, "orig", error)).lower()
    if "full" in text:
        return StoreError(f"the disk holding {store.paths.store} is full; nothing was saved. Free some "
                          "space and confirm again")
    return StoreError(f"the store {store.paths.store} could not save the dossier ({text}); nothing "
                      "was saved, try again")


def _confirmed_before(session: Session, draft_id: str) -> ReceptionResult | None:
    if not draft_id:
        return None
    row = session.scalar(select(Dossier).where(Dossier.draft_id == draft_id))
    if row is None:
        return None
    return ReceptionResult(dossier_id=row.id, code=row.code, received_at=row.received_at,
                           due_at=row.due_at, fee_vnd=row.fee_vnd, already_confirmed=True,
                           needs_supplements=_received_incomplete(session, row.id))


def _store_pages(blobs: BlobStore, request: ReceptionRequest, limits: Limits) -> list[list[StoredPage]]:
    """Encrypt every page into the blob store (durable before the commit that references it).

    Every page is checked in full first (app/capture/page_files.py: decoded, a PDF rebuilt), so
    a bad one is refused before any page file is written."""
    checked: list[list[CheckedPage | StoredPage]] = []
    problems: list[FieldProblem] = []
    for i, doc in enumerate(request.documents):
        checked.append([])
        for j, page in enumerate(doc.pages):
            try:
                checked[-1].append(_sealed(blobs, page) if page.blob else
                                   check_page_file(page.path, title=doc.name, limits=limits))
            except InputError as error:  # damaged inside, or vanished since the check
                problems.append(FieldProblem.of_error(f"documents[{i}].pages[{j}].path", error))
            except OSError as error:
                problems.append(FieldProblem(f"documents[{i}].pages[{j}].path",
                                             f"cannot be read ({error.strerror or error})",
                                             "capture.file_unreadable", file_params(page.path)))
    if problems:
        raise ReceptionInvalid(problems)
    return [[page.seal(blobs) if isinstance(page, CheckedPage) else page for page in pages]
            for pages in checked]


def _sealed(blobs: BlobStore, page: PageInput) -> StoredPage:
    """A page captured straight into the blob store: it must be there and decrypt intact."""
    try:
        return page.blob, len(blobs.get(page.blob)), page.mime
    except MotcuaError as error:
        raise InputError(f"scanned page {page.blob[:12]}… is missing or damaged ({error.message}); "
                         "capture it again", kind="reception.scanned_page_lost") from None


def _write(store: Store, session: Session, checked: CheckedRequest,
           pages: list[list[StoredPage]]) -> ReceptionResult:
    request, version = checked.request, checked.version
    assert version is not None and checked.due_at is not None and checked.fee is not None
    applicant = _upsert_applicant(session, request.applicant)
    session.flush()
    unit_code = dossier_unit(session, request)
    offline_range = offline_range_for(session, unit_code, store.unit.code)
    if offline_range is None:  # checked by check_request; a grant withdrawn between check and write
        raise ReceptionInvalid([not_authorised_for(unit_code)])
    code = allocate_dossier_code(session, unit_code=unit_code, day=checked.received_at.date(),
                                 offline_range=offline_range)
    fee = checked.fee
    data = _dossier_data(checked, fee)
    # Incomplete without a recorded reason: no appointment until the supplements arrive.
    due_at = None if checked.needs_supplements else checked.due_at
    # Counted over days of a year not yet confirmed: the desk's copy of the receipt says so.
    if estimated := estimated_years(session, checked.received_at, due_at):
        data["calendar_estimated"] = estimated
    dossier = Dossier(id=new_id(), code=code, unit_code=unit_code,
                      procedure_version_id=version_row_id(session, version.code, version.valid_from),
                      procedure_hash=data["procedure"]["version_hash"],
                      applicant_id=applicant.id, channel=request.channel, status=INITIAL_STATUS,
                      received_at=checked.received_at, due_at=due_at,
                      received_by=store.user.id, draft_id=request.draft_id or None,
                      fee_vnd=fee.amount_vnd or 0, payment_method=request.payment_method,
                      delivery=request.delivery, data=data)
    session.add(dossier)
    session.flush()  # no ORM relationships: parents must be inserted before their children
    documents = _add_documents(session, dossier.id, request, pages)
    session.add(StatusEvent(id=new_id(), dossier_id=dossier.id, status=INITIAL_STATUS,
                            at=checked.received_at, by_user=store.user.username, note=None))
    session.flush()
    payload = _outbox_payload(store, dossier, request, documents, data)
    session.add(OutboxItem(id=new_id(), dossier_id=dossier.id, kind=OUTBOX_KIND, payload=payload,
                           created_at=utcnow(), state="pending", attempts=0))
    session.flush()
    store.record_audit(session, action=AUDIT_ACTION, object_type="dossier", object_id=dossier.id,
                       details=_audit_details(code, version, data))
    if checked.needs_supplements:
        # The supplements path, in this same transaction: the dossier waits for the missing
        # documents (clock stopped from the reception moment) and form 02 is printed.
        apply_action(session, store, dossier, "request_supplement",
                     ActionInput(items=tuple(checked.missing), reason=SUPPLEMENT_AT_RECEPTION),
                     now=checked.received_at, as_reception=True)
    if request.draft_id:
        session.execute(delete(Draft).where(Draft.id == request.draft_id))
    return ReceptionResult(dossier_id=dossier.id, code=code, received_at=checked.received_at,
                           due_at=dossier.due_at, fee_vnd=dossier.fee_vnd, already_confirmed=False,
                           needs_supplements=checked.needs_supplements)


def _received_incomplete(session: Session, dossier_id: str) -> bool:
    """True when the dossier went to the supplements path at reception (its first request)."""
    first = session.scalar(select(StatusEvent.action).where(StatusEvent.dossier_id == dossier_id,
                                                            StatusEvent.action.is_not(None))
                           .order_by(StatusEvent.at, StatusEvent.id).limit(1))
    return first == "request_supplement"


def _upsert_applicant(session: Session, a: ApplicantInput) -> Applicant:
    """Reuse the stored applicant with this ID number, updating what the official entered."""
    row = _applicant_row(session, a.id_number)
    if row is None:
        row = Applicant(id=new_id(), id_number=a.id_number, full_name=a.full_name, created_at=utcnow(),
                        data={})
        session.add(row)
    row.full_name = a.full_name or row.full_name
    # Empty means "not given this time": a returning applicant keeps what they provided before.
    for name in ("birth_date", "sex", "address", "phone", "email", "old_id_number", "id_issue_date"):
        value = getattr(a, name)
        if value:
            setattr(row, name, value)
    row.data = {**(row.data or {}), "source": a.source}
    return row


def _add_documents(session: Session, dossier_id: str, request: ReceptionRequest,
                   pages: list[list[StoredPage]]) -> list[dict[str, Any]]:
    """Document and page rows; returns their outbox form."""
    out: list[dict[str, Any]] = []
    for seq, (doc, stored) in enumerate(zip(request.documents, pages)):
        row = Document(id=new_id(), dossier_id=dossier_id, name=doc.name, form=doc.form,
                       copies=doc.copies, received=doc.received, seq=seq, required=doc.required,
                       kind=doc.kind)
        session.add(row)
        session.flush()
        page_rows = [Page(id=new_id(), document_id=row.id, seq=n, sha256=sha, size=size, mime=mime)
                     for n, (sha, size, mime) in enumerate(stored, start=1)]
        session.add_all(page_rows)
        out.append({"id": row.id, "seq": seq, "name": doc.name, "form": doc.form, "copies": doc.copies,
                    "received": doc.received, "required": doc.required, "kind": doc.kind,
                    "pages": [{"id": p.id, "seq": p.seq, "sha256": p.sha256, "size": p.size,
                               "mime": p.mime} for p in page_rows]})
    return out


def _fee_json(fee: FeeQuote) -> list[dict[str, Any]]:
    return [asdict(line) for line in fee.lines]


def _dossier_data(checked: CheckedRequest, fee: FeeQuote) -> dict[str, Any]:
    request, version = checked.request, checked.version
    assert version is not None
    applicant = request.to_json()["applicant"]
    return {
        "procedure": {"code": version.code, "name": version.name,
                      "valid_from": version.valid_from.isoformat(),
                      "version_hash": version_hash(version.to_json())},
        "applicant": applicant,
        "representative": request.to_json()["representative"],
        "documents_missing": checked.missing,
        "missing_reason": request.missing_reason if checked.missing else "",
        "destination_unit": request.destination_unit, "visit_place": request.visit_place,
        "fee": {"amount_vnd": fee.amount_vnd or 0, "lines": _fee_json(fee), "note": fee.note,
                "channel": FEE_CHANNEL[request.channel], "pages": request.fee_pages,
                "copies": request.fee_copies, "entered": request.fee_amount is not None},
        "exempt_reason": request.exempt_reason if request.payment_method == "exempt" else "",
        "delivery_address": request.delivery_address if request.delivery == "post" else "",
        "sets": request.sets, "note": request.note,
        # Printed on the receipt and carried by its QR codes: opens the citizen's pages.
        "lookup_secret": new_lookup_secret(),
    }


def _outbox_payload(store: Store, dossier: Dossier, request: ReceptionRequest,
                    documents: list[dict[str, Any]], data: dict[str, Any]) -> dict[str, Any]:
    """The dossier as the portal needs it: JSON-serialisable, dates and times ISO."""
    return {
        "dossier_id": dossier.id, "code": dossier.code, "unit_code": dossier.unit_code,
        "receiving_unit": store.unit.code, "procedure": data["procedure"],
        "status": dossier.status, "channel": dossier.channel,
        "received_at": dossier.received_at.isoformat(),
        "due_at": dossier.due_at.isoformat() if dossier.due_at else None,
        "received_by": store.user.username, "applicant": data["applicant"],
        "representative": data["representative"], "documents": documents,
        "documents_missing": data["documents_missing"], "missing_reason": data["missing_reason"],
        "fee": {**data["fee"], "payment_method": dossier.payment_method,
                "exempt_reason": data["exempt_reason"]},
        "delivery": {"method": dossier.delivery, "address": data["delivery_address"]},
        "destination_unit": data["destination_unit"], "visit_place": data["visit_place"],
        "sets": data["sets"], "note": data["note"], "lookup_secret": data["lookup_secret"],
    }


def _audit_details(code: str, version: ProcedureVersionData, data: dict[str, Any]) -> dict[str, Any]:
    """No personal data in the audit chain: codes, counts, and the official's missing reason."""
    details: dict[str, Any] = {"code": code, "procedure_code": version.code,
                               "fee_vnd": data["fee"]["amount_vnd"]}
    if data["documents_missing"]:
        details["documents_missing"] = data["documents_missing"]
        details["missing_reason"] = data["missing_reason"]
    return details
