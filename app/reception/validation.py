"""The one set of reception rules, shared by the screen's live preview, confirm and intake.

`check_request` never raises for bad input: it returns every problem at once as `FieldProblem`s
with field paths ("applicant.id_number", "documents[1].received", "fee_pages"), plus what could
be worked out (procedure version, appointment time, fee, cleaned applicant). It only reads.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.calendar_store import load_calendar
from app.catalog.fees import FeeLine, FeeQuote, compute_fee
from app.catalog.model import ProcedureVersionData
from app.capture.page_files import PAGE_TYPES, identify
from app.catalog.search import CatalogIndex
from app.codes import UNIT_CODE_RE, offline_range_for
from app.deadlines import compute_due
from app.errors import InputError
from app.identity.cccd import CccdParseError, check_id_number
from app.identity.contact import email_problem, normalise_email, normalise_phone, phone_problem
from app.identity.provinces import is_province_code
from app.limits import Limits
from app.reception.model import (APPLICANT_SOURCES, CHANNELS, DELIVERY, DOCUMENT_FORMS, DOCUMENT_KINDS,
                                 FEE_CHANNEL, PAYMENT_METHODS, ApplicantInput, DocumentInput,
                                 FieldProblem, PageInput, ReceptionRequest,
                                 RepresentativeInput)
from app.store.limits import desk_limits
from app.store.models import ProcedureVersion, Unit
from app.text import clip, collapse_spaces, describe_char, excerpt, fold, nfc, unsafe_char

# A reception may be entered a little after the clock it states (clocks of two desks differ).
FUTURE_SLACK = timedelta(minutes=5)
ENTERED_FEE_LABEL = "Phí, lệ phí (số tiền nhập tại quầy)"
Add = Callable[[str, str], None]  # records one problem: (field path, message)


class Problems(list[FieldProblem]):
    """The problems found so far, in the order of the form."""

    def add(self, field: str, message: str) -> None:
        self.append(FieldProblem(field, message))


@dataclass(frozen=True)
class CheckedRequest:
    """What `check_request` found: problems, and the values derived from a valid request."""

    request: ReceptionRequest  # cleaned: NFC text, normalised phone/e-mail, page MIME types
    received_at: datetime
    version: ProcedureVersionData | None
    due_at: datetime | None
    fee: FeeQuote | None
    missing: list[str]  # names of required documents not received
    problems: list[FieldProblem]
    limits: Limits  # the portal's published limits the request was checked against

    @property
    def needs_supplements(self) -> bool:
        """A required document is missing and the official recorded no reason to accept it
        anyway: the dossier is received waiting for supplements (form 02), with no appointment
        until they arrive (app/lifecycle, docs/lifecycle.md)."""
        return bool(self.missing) and not clean_text(self.request.missing_reason)


_SHA256 = re.compile(r"[0-9a-f]{64}")


def clean_text(text: str) -> str:
    return collapse_spaces(nfc(text or ""))


def version_in_force(session: Session, code: str, day: date) -> ProcedureVersionData | None:
    """The version of procedure `code` in force on `day` (CatalogIndex rules, one code's rows)."""
    rows = session.scalars(select(ProcedureVersion.data).where(ProcedureVersion.code == code.strip()))
    versions = [ProcedureVersionData.from_json(data, where=f"stored procedure {code}") for data in rows]
    return CatalogIndex(versions).get(code, at=day) if versions else None


def check_request(session: Session, request: ReceptionRequest, *, now: datetime) -> CheckedRequest:
    """Check `request` against the catalogue and calendar in `session`; see the module docstring."""
    problems = Problems()
    add = problems.add
    limits = desk_limits(session)
    _check_texts(request, limits, add)
    _check_counts(request, limits, add)
    received_at = (request.received_at or now).replace(microsecond=0)
    if request.received_at is not None and request.received_at > now + FUTURE_SLACK:
        add("received_at", f"{request.received_at:%H:%M %d/%m/%Y} is in the future")
    applicant = _check_applicant(request.applicant, add, today=now.date())
    representative = _check_representative(request.representative, add)
    version = _check_procedure(session, request.procedure_code, received_at.date(), add)
    documents, missing = _check_documents(request, version, add, limits)
    _check_channel(request, version, add)
    _check_issuer(session, request, problems)
    _check_delivery(request, applicant, add)
    fee = _check_fee(request, version, add)
    due_at = None
    if version is not None and version.time_rule is not None:
        try:
            due_at = compute_due(received_at, version.time_rule, load_calendar(session))
        except InputError as error:
            add("received_at", error.message)
    cleaned = replace(request, applicant=applicant, representative=representative, documents=documents,
                      received_at=received_at)
    return CheckedRequest(_cleaned(cleaned), received_at, version, due_at, fee, missing, problems, limits)


# --- text and size limits (before anything else looks at a value) ------------------------------

NAME, TEXT, ID = "name", "text", "id"  # which limit bounds a field's length


def _texts(request: ReceptionRequest) -> Iterator[tuple[str, str, str, bool]]:
    """Every free text of a request: (field path, value, which limit, multi-line?)."""
    a, rep = request.applicant, request.representative
    yield "procedure_code", request.procedure_code, ID, False
    yield "draft_id", request.draft_id, ID, False
    for key, kind in (("full_name", NAME), ("id_number", ID), ("old_id_number", ID), ("sex", NAME),
                      ("address", TEXT), ("phone", ID), ("email", TEXT)):
        yield f"applicant.{key}", getattr(a, key), kind, False
    if rep is not None:
        for key, kind in (("full_name", NAME), ("id_number", ID), ("phone", ID), ("authorisation", TEXT)):
            yield f"representative.{key}", getattr(rep, key), kind, False
    for i, doc in enumerate(request.documents):
        yield f"documents[{i}].name", doc.name, NAME, False
        for j, page in enumerate(doc.pages):
            yield f"documents[{i}].pages[{j}].path", "" if page.blob else str(page.path), TEXT, False
    for key in ("missing_reason", "visit_place", "exempt_reason", "delivery_address"):
        yield key, getattr(request, key), TEXT, False
    yield "destination_unit", request.destination_unit, ID, False
    yield "note", request.note, TEXT, True  # the one multi-line field (a note may have lines)


def _check_texts(request: ReceptionRequest, limits: Limits, add: Add) -> None:
    """Refuse over-long texts and characters no form field holds: controls (ESC sequences,
    line breaks in a one-line field), bidi overrides and isolates, zero-width characters, lone
    surrogates. They reorder or hide what the receipt and the portal show, or drive a terminal."""
    most = {NAME: limits.max_name_chars, TEXT: limits.max_text_chars, ID: limits.max_id_chars}
    for field, value, kind, multiline in _texts(request):
        if not isinstance(value, str):
            add(field, f"expected text, got {excerpt(value)}")
            continue
        if len(value) > most[kind]:
            add(field, f"{len(value):,} characters is longer than the {most[kind]:,} allowed")
            continue
        found = unsafe_char(value, multiline=multiline)
        if found is not None:
            index, ch = found
            add(field, f"character {index + 1} is {describe_char(ch)}, which a form field may not "
                       "hold (control, direction-override or invisible character); retype the text")


def _check_counts(request: ReceptionRequest, limits: Limits, add: Add) -> None:
    sets = request.sets
    if isinstance(sets, bool) or not isinstance(sets, int) or not 1 <= sets <= limits.max_sets:
        add("sets", f"the number of dossier sets is a whole number from 1 to {limits.max_sets}, "
                    f"got {excerpt(sets)}")
    if len(request.documents) > limits.max_documents:
        add("documents", f"{len(request.documents):,} documents is more than the "
                         f"{limits.max_documents:,} a dossier may have")
    pages = sum(len(doc.pages) for doc in request.documents)
    if pages > limits.max_pages:
        add("documents", f"{pages:,} page files is more than the {limits.max_pages:,} a dossier may have")


def _cleaned(request: ReceptionRequest) -> ReceptionRequest:
    """Free texts in NFC with single spaces; the post address defaults to the applicant's."""
    by_post = request.delivery == "post"
    return replace(request, missing_reason=clean_text(request.missing_reason),
                   exempt_reason=clean_text(request.exempt_reason),
                   destination_unit=request.destination_unit.strip(),
                   visit_place=clean_text(request.visit_place),
                   delivery_address=clean_text(request.delivery_address)
                   or (request.applicant.address if by_post else ""),
                   note=nfc(request.note or "").strip())


# --- applicant and representative ------------------------------------------------------------


def _check_applicant(a: ApplicantInput, add: Add, *, today: date) -> ApplicantInput:
    name = clean_text(a.full_name)
    if not name:
        add("applicant.full_name", "the applicant's full name is required")
    id_number = "".join((a.id_number or "").split())
    id_ok = _check_id_digits(id_number, "applicant.id_number", add, required=True)
    old_id = "".join((a.old_id_number or "").split())
    if old_id and not (old_id.isascii() and old_id.isdigit() and len(old_id) in (9, 12)):
        add("applicant.old_id_number", "the old ID number must be 9 or 12 digits")
    sex = clean_text(a.sex)
    if sex and sex.casefold() not in ("nam", "nữ"):
        add("applicant.sex", f"{excerpt(sex)} is not Nam or Nữ")
    sex = {"nam": "Nam", "nữ": "Nữ"}.get(sex.casefold(), sex)
    birth_ok = True
    if a.birth_date is not None and a.birth_date > today:
        add("applicant.birth_date", f"{a.birth_date:%d/%m/%Y} is in the future")
        birth_ok = False
    if a.id_issue_date is not None:
        if a.id_issue_date > today:
            add("applicant.id_issue_date", f"{a.id_issue_date:%d/%m/%Y} is in the future")
        elif a.birth_date is not None and a.id_issue_date <= a.birth_date:
            add("applicant.id_issue_date", "the ID card's issue date is not after the birth date")
    if id_ok and birth_ok and a.birth_date is not None and sex in ("Nam", "Nữ"):
        _check_id_against(id_number, a.birth_date, sex, add)
    phone = _contact(a.phone, "applicant.phone", phone_problem, normalise_phone, add)
    email = _contact(a.email, "applicant.email", email_problem, normalise_email, add)
    if a.source not in APPLICANT_SOURCES:
        add("applicant.source", f"{excerpt(a.source)} is not one of {', '.join(APPLICANT_SOURCES)}")
    return replace(a, full_name=name, id_number=id_number, old_id_number=old_id, sex=sex,
                   address=clean_text(a.address), phone=phone, email=email)


def _check_id_digits(number: str, field: str, add: Add, *, required: bool) -> bool:
    if not number:
        if required:
            add(field, "the personal ID number (12 digits) is required")
        return False
    if not (number.isascii() and number.isdigit() and len(number) == 12):
        add(field, f"a personal ID number has 12 digits, got {len(number)} characters")
        return False
    if not is_province_code(number[:3]):
        add(field, f"the first 3 digits ({number[:3]}) are not a province code")
        return False
    return True


def _check_id_against(number: str, birth: date, sex: str, add: Add) -> None:
    try:
        check_id_number(number, birth_date=birth, sex=sex)
    except CccdParseError as error:
        if error.field == "birth_date":
            add("applicant.birth_date", "is outside the years an ID number can encode (1900–2399)")
        else:
            add("applicant.id_number", f"digits 4–6 do not match the birth date {birth:%d/%m/%Y} "
                                       f"and sex {sex} (they encode century, sex and birth year)")


def _contact(value: str, field: str, problem_of: Callable[[str], str | None],
             normalise: Callable[[str], str], add: Add) -> str:
    text = (value or "").strip()
    if not text:
        return ""
    problem = problem_of(text)
    if problem:
        add(field, problem)
        return text
    return normalise(text)


def _check_representative(rep: RepresentativeInput | None, add: Add) -> RepresentativeInput | None:
    if rep is None:
        return None
    name = clean_text(rep.full_name)
    if not name:
        if any((rep.id_number.strip(), rep.phone.strip(), rep.authorisation.strip())):
            add("representative.full_name", "the representative's full name is required")
        else:
            return None  # an untouched representative section means "no representative"
    id_number = "".join((rep.id_number or "").split())
    _check_id_digits(id_number, "representative.id_number", add, required=False)
    phone = _contact(rep.phone, "representative.phone", phone_problem, normalise_phone, add)
    return RepresentativeInput(full_name=name, id_number=id_number, phone=phone,
                               authorisation=clean_text(rep.authorisation))


# --- procedure, documents, channel, delivery, fee ------------------------------------------------


def _check_procedure(session: Session, code: str, day: date, add: Add) -> ProcedureVersionData | None:
    code = (code or "").strip()
    if not code:
        add("procedure_code", "choose the procedure")
        return None
    version = version_in_force(session, code, day)
    if version is None:
        add("procedure_code", f"no procedure {clip(code)} is in force on {day:%d/%m/%Y} in the local catalogue")
        return None
    if version.time_rule is None:
        add("procedure_code", f"procedure {code} has no time limit in the catalogue, so no "
                              "appointment can be given; ask the administrator to complete it")
    return version


def _check_documents(request: ReceptionRequest, version: ProcedureVersionData | None,
                     add: Add, limits: Limits) -> tuple[list, list[str]]:
    cleaned: list[DocumentInput] = []
    missing: list[str] = []
    for i, doc in enumerate(request.documents):
        where = f"documents[{i}]"
        name = clean_text(doc.name)
        if not name:
            add(f"{where}.name", "the document's name is required")
        if doc.form not in DOCUMENT_FORMS:
            add(f"{where}.form", f"{excerpt(doc.form)} is not one of {', '.join(DOCUMENT_FORMS)}")
        if doc.kind not in DOCUMENT_KINDS:
            add(f"{where}.kind", f"{excerpt(doc.kind)} is not one of {', '.join(DOCUMENT_KINDS)}")
        if isinstance(doc.copies, bool) or not isinstance(doc.copies, int) or doc.copies < 1:
            add(f"{where}.copies", f"the number of copies must be at least 1, got {excerpt(doc.copies)}")
        if doc.pages and not doc.received:
            add(f"{where}.received", "pages are attached to a document marked as not received")
        pages = [_check_page(page, f"{where}.pages[{j}]", add, limits) for j, page in enumerate(doc.pages)]
        if doc.required and doc.kind == "submit" and not doc.received:
            # Not a problem: without a recorded reason the dossier takes the supplements path
            # (CheckedRequest.needs_supplements).
            missing.append(name)
        cleaned.append(replace(doc, name=name, pages=pages))
    if version is not None:
        listed = [fold(d.name) for d in cleaned if d.name]
        for item in version.documents:
            if item.required and item.kind == "submit" and not _listed(fold(item.name), listed):
                missing.append(item.name)
    return cleaned, missing


def _listed(item: str, listed: list[str]) -> bool:
    """True if a request document names this checklist item, in full or by its leading words
    ("Giấy chứng sinh" for "Giấy chứng sinh; nếu không có: …"), as intake files and officials do."""
    for name in listed:
        if item == name or (item.startswith(name) and not item[len(name)].isalnum()):
            return True
    return False


def _check_page(page: PageInput, where: str, add: Add, limits: Limits) -> PageInput:
    if page.blob:  # sealed already; confirm checks the blob store holds it
        if not _SHA256.fullmatch(page.blob):
            add(f"{where}.blob", f"{excerpt(page.blob)} is not a page address (64 lower-case hex digits)")
        if page.mime not in PAGE_TYPES:
            add(f"{where}.mime", f"{excerpt(page.mime) if page.mime else 'unknown type'} is not a PDF or an image")
        return page
    named = excerpt(str(page.path), 120)
    if not page.path.is_file():
        add(f"{where}.path", f"the file {named} does not exist")
    elif not os.access(page.path, os.R_OK):
        add(f"{where}.path", f"the file {named} cannot be read (permissions)")
    elif page.path.stat().st_size == 0:
        add(f"{where}.path", f"the file {named} is empty")
    elif page.path.stat().st_size > limits.max_blob_bytes:
        add(f"{where}.path", f"the file {named} has {page.path.stat().st_size:,} bytes, more than the "
                             f"{limits.max_blob_bytes:,} a page file may have")
    else:
        # The content decides what a file is, never its name or a declared type.
        try:
            return replace(page, mime=identify(page.path, max_pixels=limits.max_page_pixels))
        except InputError as error:
            add(f"{where}.path", error.message)
        except OSError as error:
            add(f"{where}.path", f"the file {named} cannot be read ({error.strerror or error})")
    return page


def _check_channel(request: ReceptionRequest, version: ProcedureVersionData | None, add: Add) -> None:
    if request.channel not in CHANNELS:
        add("channel", f"{excerpt(request.channel)} is not one of {', '.join(CHANNELS)}")
        return
    if version is not None and FEE_CHANNEL[request.channel] not in version.channels:
        add("channel", f"procedure {version.code} cannot be submitted through this channel")
    destination = request.destination_unit.strip()
    if destination and request.channel != "post_office":
        add("destination_unit", "a destination unit is chosen only by a post-office agent")
    elif destination and not UNIT_CODE_RE.fullmatch(destination):
        add("destination_unit", f"{excerpt(destination)} is not an agency identifier like 000.00.06.H56")
    if request.channel == "community" and not clean_text(request.visit_place):
        add("visit_place", "say where the community team received the dossier")


def dossier_unit(session: Session, request: ReceptionRequest) -> str:
    """The unit whose dossier this is: the post-office agent's chosen unit, else the desk's own."""
    destination = request.destination_unit.strip()
    if request.channel == "post_office" and destination:
        return destination
    return own_unit_code(session)


def own_unit_code(session: Session) -> str:
    return str(session.scalar(select(Unit.code).order_by(Unit.valid_from.desc()).limit(1)) or "")


def not_authorised_for(unit: str) -> FieldProblem:
    return FieldProblem("destination_unit", f"this desk is not authorised to receive dossiers for unit {unit}; "
                        "the portal administrator must grant it that unit, then synchronise",
                        kind="reception.not_authorised_for_unit", params={"unit": unit})


def _check_issuer(session: Session, request: ReceptionRequest, problems: Problems) -> None:
    """This desk must hold a number range of the dossier's unit: without one the portal has not
    authorised it to file for that unit, and would refuse the dossier after its receipt is printed."""
    unit = dossier_unit(session, request)
    if not UNIT_CODE_RE.fullmatch(unit):
        return  # already reported as a bad destination unit
    if offline_range_for(session, unit, own_unit_code(session)) is None:
        problems.append(not_authorised_for(unit))


def _check_delivery(request: ReceptionRequest, applicant: ApplicantInput, add: Add) -> None:
    if request.delivery not in DELIVERY:
        add("delivery", f"{excerpt(request.delivery)} is not one of {', '.join(DELIVERY)}")
    elif request.delivery == "post" and not (clean_text(request.delivery_address) or applicant.address):
        add("delivery_address", "the result goes by post: give the address to send it to")


def _check_fee(request: ReceptionRequest, version: ProcedureVersionData | None, add: Add) -> FeeQuote | None:
    if request.payment_method not in PAYMENT_METHODS:
        add("payment_method", f"{excerpt(request.payment_method)} is not one of {', '.join(PAYMENT_METHODS)}")
        return None
    exempt = request.payment_method == "exempt"
    if exempt and not clean_text(request.exempt_reason):
        add("exempt_reason", "say why the fee is waived (e.g. hộ nghèo, người khuyết tật)")
        return None
    if version is None or request.channel not in CHANNELS:
        return None
    for name, value in (("fee_copies", request.fee_copies), ("fee_pages", request.fee_pages)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
            add(name, f"must be a whole number of at least 1, got {excerpt(value)}")
            return None
    try:
        quote = compute_fee(version.fee, channel=FEE_CHANNEL[request.channel], pages=request.fee_pages,
                            copies=request.fee_copies,
                            exempt_reason=clean_text(request.exempt_reason) if exempt else None)
    except InputError as error:
        field = "fee_pages" if error.message.startswith("pages") else "fee_copies"
        add(field, error.message.split(": ", 1)[-1])
        return None
    return _entered_fee(request, quote, add)


def _entered_fee(request: ReceptionRequest, quote: FeeQuote, add: Add) -> FeeQuote | None:
    amount = request.fee_amount
    if amount is not None and (isinstance(amount, bool) or not isinstance(amount, int) or amount < 0):
        add("fee_amount", f"must be a whole number of đồng, 0 or more, got {excerpt(amount)}")
        return None
    if not quote.needs_entry:
        if amount is not None and amount != quote.amount_vnd:
            add("fee_amount", f"the fee follows the catalogue rule ({quote.amount_vnd:,} đ); "
                              "leave the amount empty")
        return quote
    if amount is None:
        add("fee_amount", quote.note or "enter the fee amount")
        return quote
    return FeeQuote(amount, [FeeLine(ENTERED_FEE_LABEL, 1, amount, amount)], quote.note)
