"""ORM models of the local store: the one description of every table the desk keeps.

Time convention (one rule, so nobody has to guess):
- bookkeeping instants (`created_at`, `updated_at`, `imported_at`, outbox times, audit `at`) are
  naive UTC, from `utcnow()`;
- business times of a dossier (`received_at`, `due_at`, `StatusEvent.at`) are the unit's
  wall-clock time, because that is what is printed on receipts and what deadlines count in.

Ids are client-generated UUIDv7 text (`app.ids.new_id`), so rows made offline on several desks
never collide. The schema itself is created and changed only by the Alembic revisions in
`app/store/migrations/versions`; a test checks those revisions and these classes agree.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import (JSON, Boolean, CheckConstraint, Date, DateTime, ForeignKey, Index, Integer,
                        MetaData, String, Text, UniqueConstraint, text)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.ids import new_id

# Stable constraint names keep Alembic batch operations on SQLite predictable.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

OUTBOX_STATES = ("pending", "sent", "quarantined")
HOLIDAY_KINDS = ("non_working", "extra_working")
HOLIDAY_SOURCES = ("seed", "admin")
CODE_BLOCK_SOURCES = ("portal", "device")
CALENDAR_ORIGINS = ("desk", "portal")


def utcnow() -> datetime:
    """Now as naive UTC, the form bookkeeping columns hold."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, str: String}


class Unit(Base):
    """The administrative unit this desk serves (its electronic identifier prints in dossier codes)."""

    __tablename__ = "units"
    id: Mapped[str] = mapped_column(primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(unique=True)
    name: Mapped[str]
    valid_from: Mapped[date] = mapped_column(Date)


class User(Base):
    """An official's account; the password itself lives only in the key file (as a wrapped key)."""

    __tablename__ = "users"
    id: Mapped[str] = mapped_column(primary_key=True, default=new_id)
    username: Mapped[str] = mapped_column(unique=True)
    full_name: Mapped[str]
    role: Mapped[str]
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ProcedureVersion(Base):
    """One effective-dated version of an administrative procedure (TTHC) from the catalogue."""

    __tablename__ = "procedure_versions"
    __table_args__ = (UniqueConstraint("code", "valid_from"),)
    id: Mapped[str] = mapped_column(primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(index=True)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)
    name: Mapped[str]
    field: Mapped[str | None]
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    catalog_version: Mapped[str]
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Applicant(Base):
    """A citizen or organisation a dossier is received for. Personal data: purged after return."""

    __tablename__ = "applicants"
    id: Mapped[str] = mapped_column(primary_key=True, default=new_id)
    id_number: Mapped[str | None] = mapped_column(index=True)
    full_name: Mapped[str]
    birth_date: Mapped[date | None] = mapped_column(Date)
    sex: Mapped[str | None]
    address: Mapped[str | None]
    phone: Mapped[str | None]
    email: Mapped[str | None]
    old_id_number: Mapped[str | None]
    id_issue_date: Mapped[date | None] = mapped_column(Date)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Dossier(Base):
    """A received dossier (hồ sơ); `code` is printed on the receipt and never changes."""

    __tablename__ = "dossiers"
    __table_args__ = (
        Index("ix_dossiers_received_at", "received_at"),
        Index("ix_dossiers_status_due_at", "status", "due_at"),
        Index("ix_dossiers_due_at", "due_at"),
        # Revision 0006: one index per list filter, each carrying the default sort (newest first).
        Index("ix_dossiers_status_received_at", "status", "received_at"),
        Index("ix_dossiers_channel_received_at", "channel", "received_at"),
        Index("ix_dossiers_procedure_version_id_received_at", "procedure_version_id", "received_at"),
        Index("ix_dossiers_received_by_received_at", "received_by", "received_at"),
        # A unique index rather than a UNIQUE column: SQLite cannot add the latter to a table.
        Index("ix_dossiers_draft_id", "draft_id", unique=True),
        # Revision 0009: sorting the list by applicant or procedure walks these; the report
        # finds the results returned in a period from returned_at.
        Index("ix_dossiers_applicant_key", "applicant_key"),
        Index("ix_dossiers_procedure_key", "procedure_key"),
        Index("ix_dossiers_returned_at", "returned_at"),
    )
    id: Mapped[str] = mapped_column(primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(unique=True)
    unit_code: Mapped[str]
    procedure_version_id: Mapped[str] = mapped_column(ForeignKey("procedure_versions.id"))
    applicant_id: Mapped[str] = mapped_column(ForeignKey("applicants.id"), index=True)
    channel: Mapped[str]
    status: Mapped[str]
    received_at: Mapped[datetime] = mapped_column(DateTime)
    due_at: Mapped[datetime | None] = mapped_column(DateTime)
    received_by: Mapped[str] = mapped_column(ForeignKey("users.id"))
    # The reception draft this dossier was confirmed from (revision 0003): UNIQUE, so confirming
    # the same draft twice, even from two desks at once, can only ever make one dossier.
    draft_id: Mapped[str | None]
    fee_vnd: Mapped[int] = mapped_column(Integer, default=0)
    payment_method: Mapped[str | None]
    delivery: Mapped[str | None]
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    # Revision 0005 (lifecycle), business wall-clock times like due_at: the first appointment,
    # kept once an apology or a supplement moves due_at; set while the clock is stopped for
    # supplements; when the result was handed over; when personal data was removed.
    due_original: Mapped[datetime | None] = mapped_column(DateTime)
    paused_at: Mapped[datetime | None] = mapped_column(DateTime)
    returned_at: Mapped[datetime | None] = mapped_column(DateTime)
    purged_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Revision 0007: SHA-256 of the procedure version's catalogue entry at reception
    # (app.catalog.storage.version_hash), the version this dossier keeps whatever arrives later.
    procedure_hash: Mapped[str | None] = mapped_column(String(64))
    # Revision 0009: sort keys (app/collation.py) of the applicant's name and the procedure's
    # name, written by the store's triggers, never by this code: derived data for the list.
    applicant_key: Mapped[str | None]
    procedure_key: Mapped[str | None]


class Document(Base):
    """One item of the procedure's checklist as received (original, certified copy or copy)."""

    __tablename__ = "documents"
    id: Mapped[str] = mapped_column(primary_key=True, default=new_id)
    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id"), index=True)
    name: Mapped[str]
    form: Mapped[str]
    copies: Mapped[int] = mapped_column(Integer, default=1)
    received: Mapped[bool] = mapped_column(Boolean, default=True)
    # Added in revision 0003: checklist order and the checklist item's nature, so a receipt can
    # list documents in order and tell a missing required item from an optional one.
    seq: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    required: Mapped[bool] = mapped_column(Boolean, default=True, server_default=text("1"))
    kind: Mapped[str] = mapped_column(default="submit", server_default="submit")


class Page(Base):
    """A scanned page; `sha256` addresses its file in the blob folder."""

    __tablename__ = "pages"
    id: Mapped[str] = mapped_column(primary_key=True, default=new_id)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    mime: Mapped[str]


class StatusEvent(Base):
    """One step of a dossier's timeline (local action or a status pulled from the portal)."""

    __tablename__ = "status_events"
    # Revision 0009: reports find the events of a period (returns) by their time.
    __table_args__ = (Index("ix_status_events_at", "at"),)
    id: Mapped[str] = mapped_column(primary_key=True, default=new_id)
    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id"), index=True)
    status: Mapped[str]
    at: Mapped[datetime] = mapped_column(DateTime)
    by_user: Mapped[str | None]
    note: Mapped[str | None] = mapped_column(Text)
    # Revision 0005: the lifecycle action that made the event (app/lifecycle; NULL before 0005 =
    # reception or portal) and its data, keys by action as docs/lifecycle.md lists them.
    action: Mapped[str | None]
    details: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class OutboxItem(Base):
    """A change waiting for the portal, written in the same transaction as the change itself.

    `seq` (never reused, thanks to AUTOINCREMENT) is the delivery order; `id` is the idempotency key.
    """

    __tablename__ = "outbox"
    __table_args__ = (
        CheckConstraint(_in("state", OUTBOX_STATES), name="state"),
        Index("ix_outbox_state_seq", "state", "seq"),
        {"sqlite_autoincrement": True},
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(unique=True, default=new_id)
    dossier_id: Mapped[str | None] = mapped_column(index=True)
    kind: Mapped[str]
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    state: Mapped[str] = mapped_column(default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime)


class AuditEvent(Base):
    """One link of the append-only, hash-chained audit log (see app/store/audit.py).

    `at` is ISO-8601 UTC text rather than a DateTime so the hashed form never depends on how
    a driver round-trips timestamps.
    """

    __tablename__ = "audit_events"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    id: Mapped[str] = mapped_column(unique=True, default=new_id)
    at: Mapped[str]
    username: Mapped[str | None]
    action: Mapped[str]
    object_type: Mapped[str]
    object_id: Mapped[str | None]
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class Setting(Base):
    """A unit-wide setting stored with the data (e.g. `codes.device_slot`)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(primary_key=True)
    value: Mapped[Any] = mapped_column(JSON, nullable=True)


class Holiday(Base):
    """A non-working date or an extra working date (làm bù) for deadline computation."""

    __tablename__ = "holidays"
    __table_args__ = (
        CheckConstraint(_in("kind", HOLIDAY_KINDS), name="kind"),
        CheckConstraint(_in("source", HOLIDAY_SOURCES), name="source"),
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    name: Mapped[str]
    kind: Mapped[str]
    source: Mapped[str]


class CalendarYear(Base):
    """A year whose holiday table was confirmed (revision 0007); a year without a row is estimated.

    `origin` says who confirmed it: the portal (through the change feed) or this desk's admin;
    `confirmed_at` is naive UTC bookkeeping time.
    """

    __tablename__ = "calendar_years"
    __table_args__ = (CheckConstraint(_in("origin", CALENDAR_ORIGINS), name="origin"),)
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    decision: Mapped[str]
    source: Mapped[str | None] = mapped_column(Text)
    confirmed_by: Mapped[str]
    origin: Mapped[str]
    confirmed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class CodeBlock(Base):
    """A range of dossier numbers for one unit and day (see app/codes.py); added in revision 0002."""

    __tablename__ = "code_blocks"
    __table_args__ = (
        UniqueConstraint("unit_code", "day", "start"),
        CheckConstraint(_in("source", CODE_BLOCK_SOURCES), name="source"),
        CheckConstraint('start >= 1 AND start <= "end"', name="range"),
        CheckConstraint('next_value >= start AND next_value <= "end" + 1', name="next_value"),
    )
    id: Mapped[str] = mapped_column(primary_key=True, default=new_id)
    unit_code: Mapped[str]
    day: Mapped[date] = mapped_column(Date)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    next_value: Mapped[int] = mapped_column(Integer)
    source: Mapped[str]
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Draft(Base):
    """An unfinished reception (revision 0003), kept so it survives a crash or a closed window.

    `data` is `ReceptionRequest.to_json()`: personal data, hence here in the encrypted store
    rather than in a file; deleted in the transaction that confirms it.
    """

    __tablename__ = "drafts"
    id: Mapped[str] = mapped_column(primary_key=True, default=new_id)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class PageText(Base):
    """OCR text of one scanned page of a dossier (revision 0004), for searching the dossier list.

    `page_sha256` names the page's blob, so text survives reordering of pages and is found again
    for the same scan; `folded` is `app.text.fold(text)` (accents stripped, case-folded), the
    form searches compare. The full-text index over `folded` is derived data kept by
    `app/capture/text_index.py`.
    """

    __tablename__ = "page_texts"
    __table_args__ = (UniqueConstraint("dossier_id", "page_sha256"),)
    id: Mapped[str] = mapped_column(primary_key=True, default=new_id)
    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id"), index=True)
    document_id: Mapped[str | None] = mapped_column(ForeignKey("documents.id"), index=True)
    page_sha256: Mapped[str] = mapped_column(String(64), index=True)
    text: Mapped[str] = mapped_column(Text)
    folded: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(default="vie")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SurveyAnswer(Base):
    """A citizen's satisfaction answer for a dossier (revision 0008), from the portal's survey
    page through the change feed; a newer answer replaces it. Times on the unit's wall clock."""

    __tablename__ = "survey_answers"
    __table_args__ = (Index("ix_survey_answers_answered_at", "answered_at"),)
    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id"), primary_key=True)
    ratings: Mapped[dict[str, Any]] = mapped_column(JSON)
    comment: Mapped[str] = mapped_column(Text, default="")
    first_at: Mapped[datetime] = mapped_column(DateTime)
    answered_at: Mapped[datetime] = mapped_column(DateTime)
