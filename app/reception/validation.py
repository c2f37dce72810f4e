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
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.calendar_store import load_calendar
from app.catalog.fees import FeeLine, FeeQuote, compute_fee, format_vnd
from app.catalog.model import ProcedureVersionData
from app.capture.page_files import PAGE_TYPES, file_label, identify
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
# Records one problem: add(field path, English message, kind="reception.…", params={…}).
Add = Callable[..., None]


class Problems(list[FieldProblem]):
    """The problems found so far, in the order of the form."""

    def add(self, field: str, message: str, *, kind: str, params: dict[str, Any] | None = None) -> None:
        self.append(FieldProblem(field, message, kind, dict(params or {})))


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
        add("received_at", f"{request.received_at:%H:%M %d/%m/%Y} is in the future",
            kind="reception.received_in_future", params={"moment": f"{request.received_at:%H:%M %d/%m/%Y}"})
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
        except InputError as error:  # a due date beyond the working calendar
            add("received_at", error.message, kind="reception.due_outside_calendar")
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
            add(field, f"expected text, got {excerpt(value)}", kind="reception.not_text")
            continue
        if len(value) > most[kind]:
            add(field, f"{len(value):,} characters is longer than the {most[kind]:,} allowed",
                kind="reception.text_too_long", params={"count": len(value), "max": most[kind]})
            continue
        found = unsafe_char(value, multiline=multiline)
        if found is not None:
            index, ch = found
            add(field, f"character {index + 1} is {describe_char(ch)}, which a form field may not "
                       "hold (control, direction-override or invisible character); retype the text",
                kind="reception.text_bad_character", params={"position": index + 1, "code": f"U+{ord(ch):04X}"})


def _check_counts(request: ReceptionRequest, limits: Limits, add: Add) -> None:
    sets = request.sets
    if isinstance(sets, bool) or not isinstance(sets, int) or not 1 <= sets <= limits.max_sets:
        add("sets", f"the number of dossier sets is a whole number from 1 to {limits.max_sets}, "
                    f"got {excerpt(sets)}", kind="reception.sets_out_of_range", params={"max": limits.max_sets})
    if len(request.documents) > limits.max_documents:
        add("documents", f"{len(request.documents):,} documents is more than the "
                         f"{limits.max_documents:,} a dossier may have", kind="reception.too_many_documents",
            params={"count": len(request.documents), "max": limits.max_documents})
    pages = sum(len(doc.pages) for doc in request.documents)
    if pages > limits.max_pages:
        add("documents", f"{pages:,} page files is more than the {limits.max_pages:,} a dossier may have",
            kind="reception.too_many_pages", params={"count": pages, "max": limits.max_pages})


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
        add("applicant.full_name", "the applicant's full name is required", kind="reception.name_required")
    id_number = "".join((a.id_number or "").split())
    id_ok = _check_id_digits(id_number, "applicant.id_number", add, required=True)
    old_id = "".join((a.old_id_number or "").split())
    if old_id and not (old_id.isascii() and old_id.isdigit() and len(old_id) in (9, 12)):
        add("applicant.old_id_number", "the old ID number must be 9 or 12 digits", kind="reception.old_id_bad")
    sex = clean_text(a.sex)
    if sex and sex.casefold() not in ("nam", "nữ"):
        add("applicant.sex", f"{excerpt(sex)} is not Nam or Nữ", kind="reception.sex_bad")
    sex = {"nam": "Nam", "nữ": "Nữ"}.get(sex.casefold(), sex)
    birth_ok = True
    if a.birth_date is not None and a.birth_date > today:
        add("applicant.birth_date", f"{a.birth_date:%d/%m/%Y} is in the future",
            kind="reception.birth_date_in_future", params={"date": f"{a.birth_date:%d/%m/%Y}"})
        birth_ok = False
    if a.id_issue_date is not None:
        if a.id_issue_date > today:
            add("applicant.id_issue_date", f"{a.id_issue_date:%d/%m/%Y} is in the future",
                kind="reception.issue_date_in_future", params={"date": f"{a.id_issue_date:%d/%m/%Y}"})
        elif a.birth_date is not None and a.id_issue_date <= a.birth_date:
            add("applicant.id_issue_date", "the ID card's issue date is not after the birth date",
                kind="reception.issue_date_before_birth")
    if id_ok and birth_ok and a.birth_date is not None and sex in ("Nam", "Nữ"):
        _check_id_against(id_number, a.birth_date, sex, add)
    phone = _contact(a.phone, "applicant.phone", phone_problem, normalise_phone, add, kind="reception.phone_bad")
    email = _contact(a.email, "applicant.email", email_problem, normalise_email, add, kind="reception.email_bad")
    if a.source not in APPLICANT_SOURCES:
        add("applicant.source", f"{excerpt(a.source)} is not one of {', '.join(APPLICANT_SOURCES)}",
            kind="reception.value_not_allowed", params={"value": excerpt(a.source)})
    return replace(a, full_name=name, id_number=id_number, old_id_number=old_id, sex=sex,
                   address=clean_text(a.address), phone=phone, email=email)


def _check_id_digits(number: str, field: str, add: Add, *, required: bool) -> bool:
    if not number:
        if required:
            add(field, "the personal ID number (12 digits) is required", kind="reception.id_required")
        return False
    if not (number.isascii() and number.isdigit() and len(number) == 12):
        add(field, f"a personal ID number has 12 digits, got {len(number)} characters",
            kind="reception.id_length", params={"count": len(number)})
        return False
    if not is_province_code(number[:3]):
        add(field, f"the first 3 digits ({number[:3]}) are not a province code",
            kind="reception.id_province", params={"prefix": number[:3]})
        return False
    return True


def _check_id_against(number: str, birth: date, sex: str, add: Add) -> None:
    try:
        check_id_number(number, birth_date=birth, sex=sex)
    except CccdParseError as error:
        if error.field == "birth_date":
            add("applicant.birth_date", "is outside the years an ID number can encode (1900–2399)",
                kind="reception.birth_year_out_of_range")
        else:
            add("applicant.id_number", f"digits 4–6 do not match the birth date {birth:%d/%m/%Y} "
                                       f"and sex {sex} (they encode century, sex and birth year)",
                kind="reception.id_mismatch", params={"date": f"{birth:%d/%m/%Y}", "sex": sex})


def _contact(value: str, field: str, problem_of: Callable[[str], str | None],
             normalise: Callable[[str], str], add: Add, *, kind: str) -> str:
    text = (value or "").strip()
    if not text:
        return ""
    problem = problem_of(text)
    if problem:
        add(field, problem, kind=kind)
        return text
    return normalise(text)


def _check_representative(rep: RepresentativeInput | None, add: Add) -> RepresentativeInput | None:
    if rep is None:
        return None
    name = clean_text(rep.full_name)
    if not name:
        if any((rep.id_number.strip(), rep.phone.strip(), rep.authorisation.strip())):
            add("representative.full_name", "the representative's full name is required",
                kind="reception.representative_name_required")
        else:
            return None  # an untouched representative section means "no representative"
    id_number = "".join((rep.id_number or "").split())
    _check_id_digits(id_number, "representative.id_number", add, required=False)
    phone = _contact(rep.phone, "representative.phone", phone_problem, normalise_phone, add,
                     kind="reception.phone_bad")
    return RepresentativeInput(full_name=name, id_number=id_number, phone=phone,
                               authorisation=clean_text(rep.authorisation))


# --- procedure, documents, channel, delivery, fee ------------------------------------------------


def _check_procedure(session: Session, code: str, day: date, add: Add) -> ProcedureVersionData | None:
    code = (code or "").strip()
    if not code:
        add("procedure_code", "choose the procedure", kind="reception.procedure_required")
        return None
    version = version_in_force(session, code, day)
    if version is None:
        add("procedure_code", f"no procedure {clip(code)} is in force on {day:%d/%m/%Y} in the local catalogue",
            kind="reception.procedure_not_in_force", params={"code": clip(code), "date": f"{day:%d/%m/%Y}"})
        return None
    if version.time_rule is None:
        add("procedure_code", f"procedure {code} has no time limit in the catalogue, so no "
                              "appointment can be given; ask the administrator to complete it",
            kind="reception.procedure_without_time_limit", params={"code": code})
    return version


def _check_documents(request: ReceptionRequest, version: ProcedureVersionData | None,
                     add: Add, limits: Limits) -> tuple[list, list[str]]:
    cleaned: list[DocumentInput] = []
    missing: list[str] = []
    for i, doc in enumerate(request.documents):
        where = f"documents[{i}]"
        name = clean_text(doc.name)
        if not name:
            add(f"{where}.name", "the document's name is required", kind="reception.document_name_required",
                params={"number": i + 1})
        if doc.form not in DOCUMENT_FORMS:
            add(f"{where}.form", f"{excerpt(doc.form)} is not one of {', '.join(DOCUMENT_FORMS)}",
                kind="reception.value_not_allowed", params={"value": excerpt(doc.form)})
        if doc.kind not in DOCUMENT_KINDS:
            add(f"{where}.kind", f"{excerpt(doc.kind)} is not one of {', '.join(DOCUMENT_KINDS)}",
                kind="reception.value_not_allowed", params={"value": excerpt(doc.kind)})
        if isinstance(doc.copies, bool) or not isinstance(doc.copies, int) or doc.copies < 1:
            add(f"{where}.copies", f"the number of copies must be at least 1, got {excerpt(doc.copies)}",
                kind="reception.copies_too_few", params={"name": name})
        if doc.pages and not doc.received:
            add(f"{where}.received", "pages are attached to a document marked as not received",
                kind="reception.pages_of_unreceived_document", params={"name": name})
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
            add(f"{where}.blob", f"{excerpt(page.blob)} is not a page address (64 lower-case hex digits)",
                kind="reception.page_address_bad")
        if page.mime not in PAGE_TYPES:
            add(f"{where}.mime", f"{excerpt(page.mime) if page.mime else 'unknown type'} is not a PDF or an image",
                kind="capture.file_not_page", params={"file": excerpt(page.mime) if page.mime else "?"})
        return page
    named = excerpt(str(page.path), 120)
    file = {"file": file_label(page.path)}
    if not page.path.is_file():
        add(f"{where}.path", f"the file {named} does not exist", kind="capture.file_missing", params=file)
    elif not os.access(page.path, os.R_OK):
        add(f"{where}.path", f"the file {named} cannot be read (permissions)", kind="capture.file_unreadable",
            params=file)
    elif page.path.stat().st_size == 0:
        add(f"{where}.path", f"the file {named} is empty", kind="capture.file_empty", params=file)
    elif page.path.stat().st_size > limits.max_blob_bytes:
        add(f"{where}.path", f"the file {named} has {page.path.stat().st_size:,} bytes, more than the "
                             f"{limits.max_blob_bytes:,} a page file may have", kind="capture.file_too_big",
            params={**file, "megabytes": limits.max_blob_bytes // 2**20})
    else:
        # The content decides what a file is, never its name or a declared type.
        try:
            return replace(page, mime=identify(page.path, max_pixels=limits.max_page_pixels))
        except InputError as error:
            add(f"{where}.path", error.message, kind=error.kind, params=error.params)
        except OSError as error:
            add(f"{where}.path", f"the file {named} cannot be read ({error.strerror or error})",
                kind="capture.file_unreadable", params=file)
    return page


def _check_channel(request: ReceptionRequest, version: ProcedureVersionData | None, add: Add) -> None:
    if request.channel not in CHANNELS:
        add("channel", f"{excerpt(request.channel)} is not one of {', '.join(CHANNELS)}",
            kind="reception.value_not_allowed", params={"value": excerpt(request.channel)})
        return
    if version is not None and FEE_CHANNEL[request.channel] not in version.channels:
        add("channel", f"procedure {version.code} cannot be submitted through this channel",
            kind="reception.channel_not_offered", params={"code": version.code})
    destination = request.destination_unit.strip()
    if destination and request.channel != "post_office":
        add("destination_unit", "a destination unit is chosen only by a post-office agent",
            kind="reception.destination_only_by_post")
    elif destination and not UNIT_CODE_RE.fullmatch(destination):
        add("destination_unit", f"{excerpt(destination)} is not an agency identifier like 000.00.06.H56",
            kind="reception.destination_unit_bad", params={"unit": excerpt(destination)})
    if request.channel == "community" and not clean_text(request.visit_place):
        add("visit_place", "say where the community team received the dossier",
            kind="reception.visit_place_required")


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
        add("delivery", f"{excerpt(request.delivery)} is not one of {', '.join(DELIVERY)}",
            kind="reception.value_not_allowed", params={"value": excerpt(request.delivery)})
    elif request.delivery == "post" and not (clean_text(request.delivery_address) or applicant.address):
        add("delivery_address", "the result goes by post: give the address to send it to",
            kind="reception.delivery_address_required")


def _check_fee(request: ReceptionRequest, version: ProcedureVersionData | None, add: Add) -> FeeQuote | None:
    if request.payment_method not in PAYMENT_METHODS:
        add("payment_method", f"{excerpt(request.payment_method)} is not one of {', '.join(PAYMENT_METHODS)}",
            kind="reception.value_not_allowed", params={"value": excerpt(request.payment_method)})
        return None
    exempt = request.payment_method == "exempt"
    if exempt and not clean_text(request.exempt_reason):
        add("exempt_reason", "say why the fee is waived (e.g. hộ nghèo, người khuyết tật)",
            kind="reception.exempt_reason_required")
        return None
    if version is None or request.channel not in CHANNELS:
        return None
    for name, value in (("fee_copies", request.fee_copies), ("fee_pages", request.fee_pages)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
            add(name, f"must be a whole number of at least 1, got {excerpt(value)}",
                kind="reception.count_too_small")
            return None
    try:
        quote = compute_fee(version.fee, channel=FEE_CHANNEL[request.channel], pages=request.fee_pages,
                            copies=request.fee_copies,
                            exempt_reason=clean_text(request.exempt_reason) if exempt else None)
    except InputError as error:
        # The counts were checked above: what is left is a per-page fee without its page count.
        add("fee_pages", error.message.split(": ", 1)[-1], kind="reception.fee_pages_required")
        return None
    return _entered_fee(request, quote, add)


def _entered_fee(request: ReceptionRequest, quote: FeeQuote, add: Add) -> FeeQuote | None:
    amount = request.fee_amount
    if amount is not None and (isinstance(amount, bool) or not isinstance(amount, int) or amount < 0):
        add("fee_amount", f"must be a whole number of đồng, 0 or more, got {excerpt(amount)}",
            kind="reception.fee_amount_bad")
        return None
    if not quote.needs_entry:
        if amount is not None and amount != quote.amount_vnd:
            add("fee_amount", f"the fee follows the catalogue rule ({quote.amount_vnd:,} đ); "
                              "leave the amount empty", kind="reception.fee_amount_fixed",
                params={"amount": format_vnd(quote.amount_vnd or 0)})
        return quote
    if amount is None:
        # The note is the catalogue's own (Vietnamese) wording of how the fee is set: data to quote.
        if quote.note:
            add("fee_amount", quote.note, kind="reception.fee_amount_as_noted", params={"note": quote.note})
        else:
            add("fee_amount", "enter the fee amount", kind="reception.fee_amount_required")
        return quote
    return FeeQuote(amount, [FeeLine(ENTERED_FEE_LABEL, 1, amount, amount)], quote.note)
