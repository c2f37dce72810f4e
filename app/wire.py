"""The sync protocol's wire format as one typed schema, shared by the desk and the portal.

Every request body of docs/sync-protocol.md (dossier PUT, status event, number block, blobs
missing, enrolment, bundle operation), the portal answers the desk reads (enrolment, number
block, change feed) and the desk's outbox kinds are declared here once, on pydantic models. The
portal validates requests with them and publishes them in /openapi.json; the desk builds its
requests and reads the portal's answers through them, so both sides hold the same contract.

Parsing is two steps. `load_json` turns raw bytes into Python values under the rules every body
obeys (UTF-8, nesting at most `max_json_depth`, no duplicate keys, no NaN/Infinity, no lone
surrogate or NUL in any string or key, extra fields included); `parse` then checks one model.
Unknown fields of a dossier are kept exactly as sent (the protocol stores them), but every field
the schema names is checked: type, range, length, format, NFC text.

A failure is a `WireProblem`: the field path (`dossier.documents[1].pages[0].sha256`), a problem
kind and its parameters, never display text; the portal and the desk word it themselves.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date, datetime, timezone
from enum import StrEnum
from itertools import accumulate
from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias, TypeVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError
from pydantic_core import PydanticCustomError

from app.citizen import MAX_COMMENT_CHARS, QUESTION_KEYS
from app.citizen import SECRET_RE as LOOKUP_SECRET_RE
from app.clock import VIETNAM
from app.codes import MAX_PORTAL_NUMBER, UNIT_CODE_RE, parse_dossier_code
from app.errors import InputError
from app.limits import DEFAULT_LIMITS as L
from app.statuses import INITIAL_STATUS, STATUSES

M = TypeVar("M", bound=BaseModel)
ID_RE = re.compile(rf"^[0-9A-Za-z][0-9A-Za-z._:-]{{0,{L.max_id_chars - 1}}}$")
KEY_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._:-]{7,63}$")  # idempotency keys
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
SECRET_RE = re.compile(r"^[A-Za-z0-9_-]{43,128}$")
_DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A JSON string, escapes included, for the nesting pre-scan. Possessive, and an unterminated
# string runs to the end: a match never fails after a quote, so the scan stays linear even on
# a megabyte of quotes and backslashes.
_JSON_STRING = re.compile(rb'"[^"\\]*+(?:\\.[^"\\]*+)*+(?:"|\\?\Z)', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_NESTING = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}
SHOWN_CHARS = 40  # at most this much of a sent value is quoted back in a problem


class OutboxKind(StrEnum):
    """What a desk's outbox row asks of the portal; `outbox_request` turns it into a request."""

    DOSSIER_CREATE = "dossier.create"
    DOSSIER_UPDATE = "dossier.update"
    DOSSIER_EVENT = "dossier.event"
    DOSSIER_STATUS = "dossier.status"


KINDS = frozenset({
    "missing", "type", "too_long", "empty", "too_small", "too_large", "too_many", "not_id", "not_key",
    "not_sha256", "not_secret", "not_unit_code", "not_dossier_code", "not_time", "not_day", "time_range",
    "unknown_value", "mismatch", "not_nfc", "nul_char", "lone_surrogate", "duplicate_key", "not_finite",
    "too_deep", "not_json", "not_utf8", "invalid"})


class WireProblem(ValueError):
    """A body that breaks the wire format: where (`field`), what (`kind`, one of KINDS) and its
    `params` (expected, min, max, value, other, key, earliest, latest: bounded, safe to show)."""

    def __init__(self, field: str, kind: str, params: dict[str, Any] | None = None) -> None:
        self.field, self.kind, self.params = field or "body", kind, dict(params or {})
        super().__init__(f"{self.field}: {kind}" + (f" {self.params}" if self.params else ""))


def shown(value: object) -> str:
    """A sent value fit to quote in a message: unprintable characters escaped, at most
    SHOWN_CHARS characters (a hostile body must not make the answer huge or unencodable)."""
    text = value if isinstance(value, str) else repr(value)
    safe = "".join(c if c.isprintable() and not 0xD800 <= ord(c) <= 0xDFFF else f"\\u{ord(c):04x}"
                   for c in text[:SHOWN_CHARS + 1])
    return safe[:SHOWN_CHARS] + "…" if len(safe) > SHOWN_CHARS else safe


def field_path(parts: tuple[str | int, ...], at: str = "") -> str:
    """`("documents", 1, "pages")` under `dossier` → `dossier.documents[1].pages`."""
    out = at or ("body" if parts and isinstance(parts[0], int) else "")
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{shown(part)}" if out else shown(part))
    return out or "body"


# -- the JSON every body obeys -------------------------------------------------------------------

class _Duplicated(dict):  # type: ignore[type-arg]
    """An object that repeated a key: refused by `check_tree`, which knows where it is."""

    duplicate: str = ""


class _NonFinite:
    """NaN or ±Infinity, which JSON does not have: refused by `check_tree`."""


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    marked, seen = _Duplicated(result), set()
    for key, _ in pairs:
        if key in seen:
            marked.duplicate = key
            break
        seen.add(key)
    return marked


def _finite(text: str) -> float | _NonFinite:
    number = float(text)
    return number if number not in (float("inf"), float("-inf")) else _NonFinite()


def _check_depth(raw: bytes, max_depth: int) -> None:
    """Refuse nesting deeper than `max_depth` before parsing (the parser would recurse)."""
    brackets = _JSON_STRING.sub(b"", raw).translate(None, _NOT_BRACKETS)
    if max(accumulate(map(_NESTING.__getitem__, brackets)), default=0) > max_depth:
        raise WireProblem("body", "too_deep", {"max": max_depth})


def read_json(raw: bytes, *, max_depth: int) -> Any:
    """JSON parsed WITHOUT the checks of `check_tree`, which the caller runs on each part it uses
    (a USB bundle judges each operation on its own); duplicate keys and non-finite numbers are
    left as markers that `check_tree` refuses."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise WireProblem("body", "not_utf8") from None
    _check_depth(raw, max_depth)
    try:
        return json.loads(text or "null", object_pairs_hook=_pairs, parse_float=_finite,
                          parse_constant=lambda _: _NonFinite())
    except (ValueError, RecursionError):
        raise WireProblem("body", "not_json") from None


def load_json(raw: bytes, *, max_depth: int = L.max_json_depth) -> Any:
    """The value of a JSON body, refusing what any body must not hold (see the module docstring).

    Duplicate keys are refused rather than resolved: parsers disagree on which copy wins, so a
    body with two `status` keys could mean one thing to a proxy and another to the portal.
    """
    value = read_json(raw, max_depth=max_depth)
    check_tree(value, max_depth=max_depth)
    return value


def _text_problem(text: str) -> str | None:
    if "\x00" in text:
        return "nul_char"
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return "lone_surrogate"
    return None


def check_tree(value: Any, *, max_depth: int = L.max_json_depth, at: str = "") -> None:
    """Refuse a parsed value nested too deep or holding a duplicate key, a non-finite number, or
    a string or key with NUL or a lone surrogate (neither can be stored or answered in UTF-8)."""
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(value, ())]
    while stack:
        item, path = stack.pop()
        if isinstance(item, (dict, list)) and len(path) >= max_depth:
            raise WireProblem(field_path(path, at), "too_deep", {"max": max_depth})
        if isinstance(item, dict):
            if isinstance(item, _Duplicated):
                raise WireProblem(field_path(path, at), "duplicate_key", {"key": shown(item.duplicate)})
            for key, child in item.items():
                if (kind := _text_problem(key)) is not None:
                    raise WireProblem(field_path((*path, key), at), kind)
                stack.append((child, (*path, key)))
        elif isinstance(item, list):
            stack.extend((child, (*path, i)) for i, child in enumerate(item))
        elif isinstance(item, str) and (kind := _text_problem(item)) is not None:
            raise WireProblem(field_path(path, at), kind)
        elif isinstance(item, _NonFinite):
            raise WireProblem(field_path(path, at), "not_finite")


# -- field types -----------------------------------------------------------------------------------

def _fail(kind: str, **params: Any) -> PydanticCustomError:
    return PydanticCustomError(kind, kind, params)


def _clean_text(value: str) -> str:
    if (kind := _text_problem(value)) is not None:
        raise _fail(kind)
    if not value.isascii() and unicodedata.normalize("NFC", value) != value:
        raise _fail("not_nfc")
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise _fail("empty")
    return value


def _text(max_chars: int, *, required: bool = False) -> Any:
    """Text of at most `max_chars` characters, NFC, no NUL; `required`: not blank."""
    checks = (AfterValidator(_clean_text), *((AfterValidator(_not_blank),) if required else ()))
    return Annotated[str, Field(strict=True, max_length=max_chars), *checks]


def _matching(pattern: re.Pattern[str], kind: str, max_chars: int) -> Any:
    def check(value: str) -> str:
        if not pattern.fullmatch(value):
            raise _fail(kind, value=shown(value))
        return value
    # The pattern is published in the schema but checked here, to report our own `kind`.
    published = Field(strict=True, max_length=max_chars, json_schema_extra={"pattern": pattern.pattern})
    return Annotated[str, published, AfterValidator(check)]


def _whole(low: int, high: int) -> Any:
    """A JSON integer from `low` to `high` (no float, no boolean, no text)."""
    return Annotated[int, Field(strict=True, ge=low, le=high)]


def _time(value: object) -> datetime:
    """An ISO time; without an offset it is Vietnam time. In UTC, within the limits' years."""
    if not isinstance(value, str) or len(value) > 40:
        raise _fail("not_time")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise _fail("not_time", value=shown(value)) from None
    out_of_range = _fail("time_range", earliest=L.earliest_year, latest=L.latest_year)
    try:
        moment = (moment if moment.tzinfo else moment.replace(tzinfo=VIETNAM)).astimezone(timezone.utc)
    except OverflowError:  # e.g. 9999-12-31T23:59:59-23:59 falls in year 10000 in UTC
        raise out_of_range from None
    if not L.earliest_year <= moment.year <= L.latest_year:
        raise out_of_range
    return moment


def _day(value: object) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):  # built in Python, not parsed
        return value
    if not isinstance(value, str) or not _DAY_RE.fullmatch(value):
        raise _fail("not_day", value=shown(value))
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _fail("not_day", value=shown(value)) from None


def _dossier_code(value: str) -> str:
    try:
        parse_dossier_code(value)
    except InputError:
        raise _fail("not_dossier_code", value=shown(value)) from None
    return value


if TYPE_CHECKING:  # to a type checker these are what they hold; pydantic sees the checks below
    Id: TypeAlias = str
    Key: TypeAlias = str
    Sha256: TypeAlias = str
    Secret: TypeAlias = str
    LookupSecret: TypeAlias = str
    UnitCode: TypeAlias = str
    DossierCode: TypeAlias = str
    Name: TypeAlias = str
    Note: TypeAlias = str
    Word: TypeAlias = str
    User: TypeAlias = str
    Status: TypeAlias = str
    Time: TypeAlias = datetime
    Day: TypeAlias = date
else:
    Id = _matching(ID_RE, "not_id", L.max_id_chars)
    Key = _matching(KEY_RE, "not_key", 64)
    Sha256 = _matching(SHA256_RE, "not_sha256", 64)
    Secret = _matching(SECRET_RE, "not_secret", 128)
    LookupSecret = _matching(LOOKUP_SECRET_RE, "invalid", 10)
    UnitCode = _matching(UNIT_CODE_RE, "not_unit_code", 32)
    DossierCode = Annotated[str, Field(strict=True, max_length=40), AfterValidator(_dossier_code)]
    Time = Annotated[datetime, BeforeValidator(_time)]
    Day = Annotated[date, BeforeValidator(_day)]
    Status = Literal[tuple(STATUSES)]  # type: ignore[valid-type]
    Name = _text(L.max_name_chars)
    Note = _text(L.max_text_chars)
    Word = _text(40)  # short codes: channel, form, kind, MIME type, sex, delivery method
    User = _text(L.max_user_chars, required=True)


class _Open(BaseModel):
    """Part of the wire format: unknown fields are kept as sent, known ones are checked."""

    model_config = ConfigDict(extra="allow", frozen=True)


# -- requests --------------------------------------------------------------------------------------

class Page(_Open):
    id: Id | None = None
    seq: _whole(0, L.max_pages) | None = None  # type: ignore[valid-type]
    sha256: Sha256
    size: _whole(0, L.max_blob_bytes)  # type: ignore[valid-type]
    mime: Word | None = None


class Document(_Open):
    id: Id | None = None
    seq: _whole(0, L.max_documents) | None = None  # type: ignore[valid-type]
    name: Name | None = None
    form: Word | None = None
    kind: Word | None = None
    pages: list[Page] = Field(default_factory=list, max_length=L.max_pages)


class Procedure(_Open):
    code: _text(40, required=True)  # type: ignore[valid-type]
    name: Name | None = None
    valid_from: Day | None = None


class Person(_Open):
    full_name: _text(L.max_name_chars, required=True)  # type: ignore[valid-type]
    id_number: Word | None = None
    birth_date: Day | None = None
    address: Note | None = None
    phone: Word | None = None
    email: Name | None = None


class Representative(_Open):
    full_name: Name | None = None
    id_number: Word | None = None
    phone: Word | None = None
    authorisation: Note | None = None


class DossierPayload(_Open):
    """The desk's outbox payload of a dossier (`_outbox_payload` in app/reception/service.py)."""

    dossier_id: Id | None = None
    code: DossierCode
    unit_code: UnitCode
    receiving_unit: UnitCode | None = None
    status: Status | None = None  # type: ignore[valid-type]
    channel: Word | None = None
    received_at: Time
    due_at: Time | None = None
    received_by: _text(L.max_user_chars) | None = None  # type: ignore[valid-type]
    procedure: Procedure
    applicant: Person
    representative: Representative | None = None
    documents: list[Document] = Field(default_factory=list, max_length=L.max_documents)
    documents_missing: list[Name] = Field(default_factory=list, max_length=L.max_documents)  # type: ignore[valid-type]
    missing_reason: Note | None = None
    destination_unit: Word | None = None
    visit_place: Note | None = None
    note: Note | None = None
    sets: _whole(0, L.max_sets) | None = None  # type: ignore[valid-type]
    # Made at the desk at reception; opens the citizen's pages (app/citizen.py).
    lookup_secret: LookupSecret | None = None

    @property
    def hashes(self) -> list[str]:
        """Every page's SHA-256, sorted and de-duplicated."""
        return sorted({page.sha256 for doc in self.documents for page in doc.pages})


class DossierPut(_Open):
    """`PUT /v1/dossiers/{dossier_id}` (protocol §4.1)."""

    version: _whole(1, L.max_version)  # type: ignore[valid-type]
    dossier: DossierPayload

    @property
    def status(self) -> str:
        return self.dossier.status or INITIAL_STATUS

    @property
    def receiving_unit(self) -> str:
        return self.dossier.receiving_unit or self.dossier.unit_code


LIFECYCLE_ACTIONS = ("receive", "handover", "receive_back", "request_supplement", "supplement_received",
                     "refuse", "apologise", "stop", "result_ready", "return", "withdraw", "portal")


class EventDetails(_Open):
    """The data of a lifecycle action (app/lifecycle, docs/lifecycle.md): what its form prints.
    Every key is optional here; which ones an action carries is the desk's rule."""

    items: list[Name] | None = Field(default=None, max_length=L.max_documents)  # type: ignore[valid-type]
    reason: Note | None = None
    note: Note | None = None
    to_body: Name | None = None
    from_body: Name | None = None
    documents: _whole(0, L.max_documents) | None = None  # type: ignore[valid-type]
    to: Literal["applicant", "representative", "post"] | None = None
    name: Name | None = None
    id_number: Word | None = None
    tracking: Word | None = None
    fee_collected_vnd: _whole(0, 10**12) | None = None  # type: ignore[valid-type]
    old_due: Time | None = None
    new_due: Time | None = None
    paused_at: Time | None = None
    resumed_at: Time | None = None
    paused_working_minutes: _whole(0, 10**9) | None = None  # type: ignore[valid-type]


class EventBody(_Open):
    """`POST /v1/dossiers/{dossier_id}/events` (protocol §4.2); `action` and `details` name the
    lifecycle action that made the event and its data (absent from desks before lifecycle)."""

    event_id: Id
    status: Status  # type: ignore[valid-type]
    at: Time
    note: Note | None = None
    action: Literal[LIFECYCLE_ACTIONS] | None = None  # type: ignore[valid-type]
    details: EventDetails | None = None


class CodeBlockRequest(_Open):
    """`POST /v1/code-blocks` (protocol §7); `unit_code` None means the device's own unit."""

    day: Day
    count: _whole(1, L.max_block)  # type: ignore[valid-type]
    unit_code: UnitCode | None = None


class MissingRequest(_Open):
    """`POST /v1/blobs/missing` (protocol §5)."""

    hashes: list[Sha256] = Field(max_length=L.max_missing_query)  # type: ignore[valid-type]


class EnrolRequest(_Open):
    """`POST /v1/enrol` (protocol §2)."""

    token: _text(200, required=True)  # type: ignore[valid-type]
    device_name: _text(L.max_name_chars, required=True)  # type: ignore[valid-type]
    device_secret: Secret | None = None


class AuditAnchorBody(_Open):
    """`PUT /v1/audit-anchor` (protocol §11): the head of the desk's audit chain."""

    seq: _whole(1, 2**62)  # type: ignore[valid-type]
    hash: Sha256
    at: _text(40, required=True)  # type: ignore[valid-type]


class ChangesQuery(BaseModel):
    """The query of `GET /v1/changes` (protocol §6)."""

    after: int = Field(0, ge=0, le=L.max_seq)
    limit: int = Field(100, ge=1, le=L.max_feed_page)


class BundleOperation(_Open):
    """One entry of a bundle's operations.json (protocol §8)."""

    key: Key
    method: Literal["PUT", "POST"]
    path: _text(200, required=True)  # type: ignore[valid-type]
    acting_user: User
    body: dict[str, Any]


# -- answers the desk reads ------------------------------------------------------------------------

class UnitRange(_Open):
    """A unit the device may file for, with its own offline number range there (protocol §2.1)."""

    unit_code: UnitCode
    role: Literal["own", "granted"]
    range_start: _whole(10000, 99999)  # type: ignore[valid-type]
    range_end: _whole(10000, 99999)  # type: ignore[valid-type]


class EnrolAnswer(_Open):
    device_id: Id
    device_secret: _text(200) | None = None  # type: ignore[valid-type]
    unit_code: UnitCode
    # The device's number in its unit (1, 2, …, never reused); its codes come from `units`.
    device_slot: _whole(1, 1_000_000)  # type: ignore[valid-type]
    kind: _text(20) | None = None  # type: ignore[valid-type]
    units: list[UnitRange] | None = Field(None, max_length=1000)


class CodeBlockAnswer(_Open):
    unit_code: UnitCode
    day: Day
    start: _whole(1, MAX_PORTAL_NUMBER)  # type: ignore[valid-type]
    end: _whole(1, MAX_PORTAL_NUMBER)  # type: ignore[valid-type]


class MissingAnswer(_Open):
    missing: list[Sha256] = Field(max_length=L.max_missing_query)  # type: ignore[valid-type]
    offsets: dict[str, _whole(0, L.max_blob_bytes)] | None = None  # type: ignore[valid-type]


class BlobOffsetAnswer(_Open):
    offset: _whole(0, L.max_blob_bytes) = 0  # type: ignore[valid-type]
    complete: bool = Field(False, strict=True)


def upload_offset(value: object) -> int:
    """An `Upload-Offset` header the portal sent (a whole number within the blob limit)."""
    if not isinstance(value, str) or not value.isascii() or not value.isdigit() or len(value) > 19 \
            or int(value) > L.max_blob_bytes:
        raise WireProblem("Upload-Offset", "invalid", {"value": shown(value)})
    return int(value)


class ChangesPage(_Open):
    changes: list[dict[str, Any]] = Field(max_length=L.max_feed_page)
    next: _whole(0, L.max_seq)  # type: ignore[valid-type]
    more: bool = Field(strict=True)


class StatusChange(_Open):
    dossier_id: Id
    event_id: Id
    status: Status  # type: ignore[valid-type]
    status_at: Time | None = None
    note: Note | None = None
    by: _text(80) | None = None  # type: ignore[valid-type]


class Holiday(_Open):
    day: Day
    name: Name | None = None


class HolidaysChange(_Open):
    year: _whole(1900, 9999)  # type: ignore[valid-type]
    days: list[Holiday] = Field(default_factory=list, max_length=366)
    extra_working_days: list[Day] = Field(default_factory=list, max_length=366)  # type: ignore[valid-type]


class CatalogChange(_Open):
    version: _text(100, required=True)  # type: ignore[valid-type]
    url: _text(2000) | None = None  # type: ignore[valid-type]
    note: Note | None = None


class CalendarConfirmed(_Open):
    """A year's calendar the province confirmed: the year's whole table (protocol §6)."""

    year: _whole(2000, 2199)  # type: ignore[valid-type]
    decision: _text(200, required=True)  # type: ignore[valid-type]
    source: _text(1000) | None = None  # type: ignore[valid-type]
    by: _text(80) | None = None  # type: ignore[valid-type]
    days: list[Holiday] = Field(default_factory=list, max_length=366)
    extra_working_days: list[Holiday] = Field(default_factory=list, max_length=366)


class CatalogVersionRef(_Open):
    code: _text(64, required=True)  # type: ignore[valid-type]
    valid_from: Day
    valid_until: Day | None = None


class CatalogDocumentChange(_Open):
    """A catalogue document to fetch from `GET /v1/catalog/{sha256}` (protocol §6)."""

    catalog_version: _text(100, required=True)  # type: ignore[valid-type]
    sha256: Sha256
    format: Literal["yaml", "json"]
    size: _whole(0, 2**31) | None = None  # type: ignore[valid-type]
    versions: list[CatalogVersionRef] = Field(default_factory=list, max_length=100_000)


class BundleResult(_Open):
    key: _text(64) | None = None  # type: ignore[valid-type]
    status: _whole(100, 599)  # type: ignore[valid-type]
    body: Any = None


class BundleDelivered(_Open):
    bundle_id: Id
    results: list[BundleResult] = Field(max_length=100_000)


class DeviceUnitsChange(_Open):
    """The units this device may file for and its ranges, a replacement (protocol §2.1)."""

    device_id: Id
    units: list[UnitRange] = Field(min_length=1, max_length=1000)


class SurveyChange(_Open):
    """A citizen's satisfaction answer for one of the unit's dossiers (docs/citizen-pages.md);
    the newest answer of a dossier replaces the one before."""

    dossier_id: Id
    code: DossierCode
    ratings: dict[Literal[QUESTION_KEYS], _whole(1, 5)] = Field(min_length=1)  # type: ignore[valid-type]
    comment: _text(MAX_COMMENT_CHARS) | None = None  # type: ignore[valid-type]
    first_at: Time
    answered_at: Time


CHANGE_KINDS: dict[str, type[_Open]] = {"dossier.status": StatusChange, "holidays": HolidaysChange,
                                        "catalog.version": CatalogChange,
                                        "bundle.delivered": BundleDelivered, "device.units": DeviceUnitsChange,
                                        "catalog.document": CatalogDocumentChange,
                                        "calendar.confirmed": CalendarConfirmed,
                                        "survey.answer": SurveyChange}
REQUEST_MODELS: tuple[type[BaseModel], ...] = (DossierPut, EventBody, CodeBlockRequest, MissingRequest,
                                               EnrolRequest, AuditAnchorBody)


# -- parsing ---------------------------------------------------------------------------------------

_TYPE_NAMES = {"dict_type": "object", "model_type": "object", "model_attributes_type": "object",
               "list_type": "list", "string_type": "text", "int_type": "integer", "bool_type": "boolean",
               "date_type": "day", "datetime_type": "time"}


_BOUNDS = {"string_too_long": ("too_long", "max", "max_length"),
           "too_long": ("too_many", "max", "max_length"),
           "greater_than_equal": ("too_small", "min", "ge"),
           "less_than_equal": ("too_large", "max", "le")}


def problem_of(error: Mapping[str, Any], at: str = "") -> WireProblem:
    """One pydantic error (also FastAPI's, for query parameters) as a WireProblem."""
    where = field_path(tuple(error.get("loc", ())), at)
    kind, ctx = str(error.get("type", "invalid")), dict(error.get("ctx") or {})
    if kind in _TYPE_NAMES:
        return WireProblem(where, "type", {"expected": _TYPE_NAMES[kind]})
    if kind in ("int_parsing", "int_from_float"):
        return WireProblem(where, "type", {"expected": "integer"})
    if kind in _BOUNDS:
        name, param, bound = _BOUNDS[kind]
        return WireProblem(where, name, {param: ctx.get(bound)})
    if kind in ("literal_error", "string_pattern_mismatch"):
        return WireProblem(where, "unknown_value" if kind == "literal_error" else "invalid",
                           {"value": shown(error.get("input"))})
    if kind == "string_too_short":
        return WireProblem(where, "empty")
    if kind == "string_unicode":
        return WireProblem(where, "lone_surrogate")
    return WireProblem(where, kind if kind in KINDS else "invalid", ctx if kind in KINDS else {})


def parse(model: type[M], data: object, *, at: str = "") -> M:
    """`data` checked against `model`; WireProblem naming the first faulty field (under `at`)."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise problem_of(error.errors()[0], at) from None


def check_id(value: object, field: str) -> str:
    """A path or body identifier (dossier, event, device id)."""
    if not isinstance(value, str) or not ID_RE.fullmatch(value):
        raise WireProblem(field, "not_id", {"value": shown(value)})
    return value


def check_dossier_code(value: object, field: str) -> str:
    """A dossier code given on its own (the `code` query of GET /v1/dossiers)."""
    if not isinstance(value, str) or len(value) > 40 or _text_problem(value):
        raise WireProblem(field, "not_dossier_code", {"value": shown(value)})
    try:
        return _dossier_code(value)
    except PydanticCustomError:
        raise WireProblem(field, "not_dossier_code", {"value": shown(value)}) from None


def parse_dossier_put(dossier_id: str, body: object) -> DossierPut:
    """The PUT body for `dossier_id`: the schema plus the rules tying its fields together."""
    check_id(dossier_id, "dossier_id")
    put = parse(DossierPut, body)
    dossier = put.dossier
    if dossier.dossier_id is not None and dossier.dossier_id != dossier_id:
        raise WireProblem("dossier.dossier_id", "mismatch", {"other": "dossier_id"})
    code_unit = parse_dossier_code(dossier.code)[0]
    if code_unit != dossier.unit_code:
        raise WireProblem("dossier.code", "mismatch", {"other": "dossier.unit_code"})
    if sum(len(doc.pages) for doc in dossier.documents) > L.max_pages:
        raise WireProblem("dossier.documents", "too_many", {"max": L.max_pages})
    return put


def parse_change(change: object) -> tuple[str, _Open | None]:
    """(kind, typed change) of a change-feed entry; None for a kind this desk does not know."""
    if not isinstance(change, dict):
        raise WireProblem("change", "type", {"expected": "object"})
    kind = change.get("kind")
    model = CHANGE_KINDS.get(kind) if isinstance(kind, str) else None
    return (kind if isinstance(kind, str) else ""), (parse(model, change) if model else None)


def outbox_request(kind: str, dossier_id: str | None, payload: dict[str, Any]) -> tuple[str, str, Any] | None:
    """(method, path, body) of an outbox row, checked against the schema; None for an unknown
    kind. The body is the payload as stored, so a re-send hashes the same as the first."""
    try:
        known = OutboxKind(kind)
    except ValueError:
        return None
    check_tree(payload)
    if known is OutboxKind.DOSSIER_CREATE:
        body = {"version": payload.get("version", 1), "dossier": payload}
    else:
        body = payload
    path = f"/v1/dossiers/{check_id(dossier_id, 'dossier_id')}"
    if known in (OutboxKind.DOSSIER_CREATE, OutboxKind.DOSSIER_UPDATE):
        parse_dossier_put(str(dossier_id), body)
        return "PUT", path, body
    parse(EventBody, body)
    return "POST", f"{path}/events", body
