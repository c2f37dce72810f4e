"""The plain data of one reception: what the screen, drafts and intake files fill in.

Everything here is a dataclass without behaviour beyond a JSON round trip, so a draft saved
halfway through a reception (or an intake file) comes back as exactly the same request. The
JSON form is the one documented in docs/intake-format.md; `request_from_dict` is its one strict
reader, used both for stored drafts and for intake files, and it names the JSON path of any bad
value ("documents[1].form: 'photo' is not one of original, certified_copy, copy").
"""

from __future__ import annotations

from collections.abc import Mapping
import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.catalog.fees import FeeQuote
from app.catalog.model import ProcedureVersionData
from app.errors import InputError, MotcuaError
from app.text import clip, excerpt

CHANNELS = ("desk", "post_office", "community")
# The fee rule's channel for each reception channel: a post-office agent submits by post.
FEE_CHANNEL = {"desk": "truc_tiep", "post_office": "buu_chinh", "community": "truc_tiep"}
DOCUMENT_FORMS = ("original", "certified_copy", "copy")  # bản chính / bản sao chứng thực / bản chụp
DOCUMENT_KINDS = ("submit", "present")
PAYMENT_METHODS = ("cash", "transfer", "exempt")
DELIVERY = ("desk", "post")
APPLICANT_SOURCES = ("manual", "qr")


@dataclass
class ApplicantInput:
    full_name: str = ""
    id_number: str = ""
    old_id_number: str = ""
    birth_date: date | None = None
    sex: str = ""
    address: str = ""
    id_issue_date: date | None = None
    phone: str = ""
    email: str = ""
    source: str = "manual"  # "qr" when filled from a chip-ID QR


@dataclass
class RepresentativeInput:
    full_name: str = ""
    id_number: str = ""
    phone: str = ""
    authorisation: str = ""  # e.g. "Văn bản ủy quyền số 12/2026"


@dataclass
class PageInput:
    path: Path  # an image/PDF on disk; copied into the encrypted blob store at confirm
    mime: str = ""  # guessed from the suffix when empty
    # A page already sealed in this desk's encrypted blob store (its SHA-256): captured pages go
    # there at once, so they never sit on disk in the clear; `path` is then unused.
    blob: str = ""


@dataclass
class DocumentInput:
    name: str
    required: bool = True
    kind: str = "submit"
    received: bool = False
    form: str = "copy"
    copies: int = 1
    pages: list[PageInput] = field(default_factory=list)


@dataclass
class ReceptionRequest:
    procedure_code: str = ""
    applicant: ApplicantInput = field(default_factory=ApplicantInput)
    representative: RepresentativeInput | None = None
    documents: list[DocumentInput] = field(default_factory=list)
    missing_reason: str = ""  # required to confirm when a required document is not received
    channel: str = "desk"
    destination_unit: str = ""
    visit_place: str = ""
    payment_method: str = "cash"
    exempt_reason: str = ""
    fee_pages: int | None = None
    fee_copies: int = 1
    fee_amount: int | None = None  # entered by the official when the fee rule is "unknown"
    delivery: str = "desk"
    delivery_address: str = ""
    sets: int = 1  # "Số lượng hồ sơ: … (bộ)"
    received_at: datetime | None = None  # None = now (local wall clock, naive)
    draft_id: str = ""  # confirming the same draft twice yields ONE dossier
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        """JSON-safe form (ISO dates, page paths as text); `from_json` reads it back."""
        return _request_json(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any], *, base: Path | None = None) -> ReceptionRequest:
        return request_from_dict(data, base=base)


@dataclass(frozen=True)
class FieldProblem:
    """One thing wrong with a request; `field` is a path such as "documents[1].received"."""

    field: str
    message: str  # English, for logs and `motcua intake`
    kind: str = ""  # the problem for a screen to word (ui/problems.py); "" = worded by field only
    params: dict[str, Any] = dataclasses.field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"

    @classmethod
    def of_error(cls, field: str, error: MotcuaError) -> FieldProblem:
        """The problem an error raised for `field` stands for, keeping its kind and parameters."""
        return cls(field, error.message, error.kind, dict(error.params))


class ReceptionInvalid(InputError):
    """Every problem of a request at once (the screen marks each field)."""

    code = "reception_invalid"
    title = "Reception incomplete"

    def __init__(self, problems: list[FieldProblem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = list(problems)


@dataclass(frozen=True)
class ReceptionQuote:
    """Live preview for the screen; computing it never writes."""

    procedure: ProcedureVersionData | None
    due_at: datetime | None
    fee: FeeQuote | None
    problems: list[FieldProblem]
    received_at: datetime
    needs_supplements: bool = False  # a required document missing, no reason: form 02, no appointment
    # Years of the estimated (unconfirmed) calendar the appointment was counted over (flagged "*").
    due_estimated: tuple[int, ...] = ()


@dataclass(frozen=True)
class ReceptionResult:
    dossier_id: str
    code: str
    received_at: datetime
    due_at: datetime | None  # None: received incomplete, no appointment until supplements arrive
    fee_vnd: int
    already_confirmed: bool
    needs_supplements: bool = False  # received incomplete: form 02, not the receipt, is printed


# --- JSON writing -----------------------------------------------------------------------------


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _applicant_json(a: ApplicantInput) -> dict[str, Any]:
    return {"full_name": a.full_name, "id_number": a.id_number, "old_id_number": a.old_id_number,
            "birth_date": _iso(a.birth_date), "sex": a.sex, "address": a.address,
            "id_issue_date": _iso(a.id_issue_date), "phone": a.phone, "email": a.email,
            "source": a.source}


def _document_json(d: DocumentInput) -> dict[str, Any]:
    return {"name": d.name, "required": d.required, "kind": d.kind, "received": d.received,
            "form": d.form, "copies": d.copies,
            "pages": [{"blob": p.blob, "mime": p.mime} if p.blob else {"path": str(p.path), "mime": p.mime}
                      for p in d.pages]}


def _request_json(r: ReceptionRequest) -> dict[str, Any]:
    rep = r.representative
    return {
        "procedure_code": r.procedure_code,
        "applicant": _applicant_json(r.applicant),
        "representative": None if rep is None else {
            "full_name": rep.full_name, "id_number": rep.id_number, "phone": rep.phone,
            "authorisation": rep.authorisation},
        "documents": [_document_json(d) for d in r.documents],
        "missing_reason": r.missing_reason, "channel": r.channel,
        "destination_unit": r.destination_unit, "visit_place": r.visit_place,
        "payment_method": r.payment_method, "exempt_reason": r.exempt_reason,
        "fee_pages": r.fee_pages, "fee_copies": r.fee_copies, "fee_amount": r.fee_amount,
        "delivery": r.delivery, "delivery_address": r.delivery_address, "sets": r.sets,
        "received_at": _iso(r.received_at), "draft_id": r.draft_id, "note": r.note,
    }


# --- JSON reading (strict: types and known keys; the business rules live in validation.py) ------


class _Reader:
    """Typed access to one JSON object, naming `path.key` in every error."""

    def __init__(self, data: Any, path: str, known: tuple[str, ...]) -> None:
        if not isinstance(data, Mapping):
            raise InputError(f"{path or 'top level'}: expected an object, got {type(data).__name__}")
        unknown = sorted(set(data) - set(known))
        if unknown:
            raise InputError(f"{self._at(path, clip(str(unknown[0])))}: unknown key (expected one of "
                             f"{', '.join(known)})")
        self.data, self.path = data, path

    @staticmethod
    def _at(path: str, key: str) -> str:
        return f"{path}.{key}" if path else key

    def where(self, key: str) -> str:
        return self._at(self.path, key)

    def text(self, key: str, default: str = "") -> str:
        value = self.data.get(key, default)
        if value is None:
            return default
        if not isinstance(value, str):
            raise InputError(f"{self.where(key)}: expected text, got {excerpt(value)}")
        return value

    def choice(self, key: str, options: tuple[str, ...], default: str) -> str:
        value = self.text(key, default)
        if value not in options:
            raise InputError(f"{self.where(key)}: {excerpt(value)} is not one of {', '.join(options)}")
        return value

    def boolean(self, key: str, default: bool) -> bool:
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            raise InputError(f"{self.where(key)}: expected true or false, got {excerpt(value)}")
        return value

    def integer(self, key: str, default: int | None) -> int | None:
        value = self.data.get(key, default)
        if value is None:
            return default
        # bool is an int subclass; `true` as a count is a typo, not 1.
        if isinstance(value, bool) or not isinstance(value, int):
            raise InputError(f"{self.where(key)}: expected a whole number, got {excerpt(value)}")
        return value

    def day(self, key: str) -> date | None:
        value = self.text(key)
        if not value:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise InputError(f"{self.where(key)}: {excerpt(value)} is not a date like 2026-11-24") from None

    def moment(self, key: str) -> datetime | None:
        value = self.text(key)
        if not value:
            return None
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise InputError(f"{self.where(key)}: {excerpt(value)} is not a date and time like "
                             "2026-11-24T08:30") from None
        if moment.tzinfo is not None:
            raise InputError(f"{self.where(key)}: give the unit's local time without a time zone, "
                             f"got {excerpt(value)}")
        return moment

    def items(self, key: str) -> list[Any]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise InputError(f"{self.where(key)}: expected a list, got {type(value).__name__}")
        return value


_APPLICANT_KEYS = ("full_name", "id_number", "old_id_number", "birth_date", "sex", "address",
                   "id_issue_date", "phone", "email", "source")
_REPRESENTATIVE_KEYS = ("full_name", "id_number", "phone", "authorisation")
_DOCUMENT_KEYS = ("name", "required", "kind", "received", "form", "copies", "pages")
_PAGE_KEYS = ("path", "mime", "blob")
_REQUEST_KEYS = ("procedure_code", "applicant", "representative", "documents", "missing_reason",
                 "channel", "destination_unit", "visit_place", "payment_method", "exempt_reason",
                 "fee_pages", "fee_copies", "fee_amount", "delivery", "delivery_address", "sets",
                 "received_at", "draft_id", "note")


def _applicant(data: Any, path: str) -> ApplicantInput:
    r = _Reader(data if data is not None else {}, path, _APPLICANT_KEYS)
    return ApplicantInput(
        full_name=r.text("full_name"), id_number=r.text("id_number"),
        old_id_number=r.text("old_id_number"), birth_date=r.day("birth_date"), sex=r.text("sex"),
        address=r.text("address"), id_issue_date=r.day("id_issue_date"), phone=r.text("phone"),
        email=r.text("email"), source=r.choice("source", APPLICANT_SOURCES, "manual"))


def _representative(data: Any, path: str) -> RepresentativeInput | None:
    if data is None:
        return None
    r = _Reader(data, path, _REPRESENTATIVE_KEYS)
    return RepresentativeInput(full_name=r.text("full_name"), id_number=r.text("id_number"),
                               phone=r.text("phone"), authorisation=r.text("authorisation"))


def _page(data: Any, path: str, base: Path | None) -> PageInput:
    if isinstance(data, str):  # shorthand: just the file name
        data = {"path": data}
    r = _Reader(data, path, _PAGE_KEYS)
    blob = r.text("blob").strip()
    if blob:
        return PageInput(path=Path(), mime=r.text("mime"), blob=blob)
    text = r.text("path")
    if not text.strip():
        raise InputError(f"{r.where('path')}: missing the page file's path")
    page_path = Path(text).expanduser()
    if base is not None and not page_path.is_absolute():
        page_path = base / page_path  # relative to the file that names it, not to the caller's cwd
    return PageInput(path=page_path, mime=r.text("mime"))


def _document(data: Any, path: str, base: Path | None) -> DocumentInput:
    r = _Reader(data, path, _DOCUMENT_KEYS)
    name = r.text("name")
    if not name.strip():
        raise InputError(f"{r.where('name')}: missing the document's name")
    pages = [_page(item, f"{r.where('pages')}[{i}]", base) for i, item in enumerate(r.items("pages"))]
    return DocumentInput(
        name=name, required=r.boolean("required", True), kind=r.choice("kind", DOCUMENT_KINDS, "submit"),
        received=r.boolean("received", bool(pages)), form=r.choice("form", DOCUMENT_FORMS, "copy"),
        copies=r.integer("copies", 1) or 0, pages=pages)


def request_from_dict(data: Any, *, base: Path | None = None, path: str = "") -> ReceptionRequest:
    """Read the JSON form of a request; relative page paths are taken from `base` (if given).

    Only shapes and types are checked here; rules such as "birth date not in the future" are
    `app.reception.validation`'s, so the screen, drafts and intake share them.
    """
    r = _Reader(data, path, _REQUEST_KEYS)
    documents = [_document(item, f"{r.where('documents')}[{i}]", base)
                 for i, item in enumerate(r.items("documents"))]
    return ReceptionRequest(
        procedure_code=r.text("procedure_code"),
        applicant=_applicant(r.data.get("applicant"), r.where("applicant")),
        representative=_representative(r.data.get("representative"), r.where("representative")),
        documents=documents, missing_reason=r.text("missing_reason"),
        channel=r.choice("channel", CHANNELS, "desk"), destination_unit=r.text("destination_unit"),
        visit_place=r.text("visit_place"),
        payment_method=r.choice("payment_method", PAYMENT_METHODS, "cash"),
        exempt_reason=r.text("exempt_reason"), fee_pages=r.integer("fee_pages", None),
        fee_copies=r.integer("fee_copies", 1) or 0, fee_amount=r.integer("fee_amount", None),
        delivery=r.choice("delivery", DELIVERY, "desk"), delivery_address=r.text("delivery_address"),
        sets=r.integer("sets", 1) or 0, received_at=r.moment("received_at"),
        draft_id=r.text("draft_id"), note=r.text("note"))
