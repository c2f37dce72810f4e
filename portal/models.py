"""Tables of the portal database (SQLite or PostgreSQL, same schema).

Every guarantee of docs/sync-protocol.md that must hold across several portal processes is a
constraint here, not a check in Python: one idempotency row per (device, key), one dossier per
code, disjoint number blocks by (unit, day, start), one device per (unit, slot).
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# BIGINT on PostgreSQL, INTEGER on SQLite (only INTEGER PRIMARY KEY autoincrements there).
BigId = BigInteger().with_variant(Integer(), "sqlite")


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    type_annotation_map = {datetime: DateTime(timezone=True), dict[str, Any]: JSON, date: Date}


class EnrolmentToken(Base):
    """A one-time token; only its SHA-256 is kept."""

    __tablename__ = "enrolment_tokens"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    used_by_device: Mapped[str | None] = mapped_column(String(36))
    # What the enrolled device will be, and the units it will file for besides its own.
    kind: Mapped[str] = mapped_column(String(20), default="desk", server_default="desk")
    grant_units: Mapped[list[str] | None] = mapped_column(JSON, nullable=True)


class Device(Base):
    """An enrolled desk. `secret_hash` authenticates; the bundle keys open its USB bundles."""

    __tablename__ = "devices"
    __table_args__ = (UniqueConstraint("unit_code", "slot", name="uq_devices_unit_slot"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(32))
    slot: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    bundle_enc_key: Mapped[bytes] = mapped_column(LargeBinary)
    bundle_mac_key: Mapped[bytes] = mapped_column(LargeBinary)
    enrolled_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    # desk | post_office | community_team: only the last two may be granted other units.
    kind: Mapped[str] = mapped_column(String(20), default="desk", server_default="desk")


class DeviceUnit(Base):
    """A unit a device may file dossiers for, with the device's own offline number range in it.

    `role` is `own` (the device's unit, from enrolment) or `granted` (another unit a post-office
    or community-team device receives for). Rows are never deleted: a withdrawn grant or a
    revoked device keeps its row, so the unique range start means a range is never given twice.
    """

    __tablename__ = "device_units"
    __table_args__ = (UniqueConstraint("unit_code", "range_start", name="uq_device_units_range"),
                      UniqueConstraint("device_id", "unit_code", name="uq_device_units_device_unit"))
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    device_id: Mapped[str] = mapped_column(String(36), ForeignKey("devices.id"), index=True)
    unit_code: Mapped[str] = mapped_column(String(32))
    role: Mapped[str] = mapped_column(String(10))
    range_start: Mapped[int] = mapped_column(Integer)
    range_end: Mapped[int] = mapped_column(Integer)
    granted_at: Mapped[datetime]
    granted_by: Mapped[str] = mapped_column(String(80))
    revoked_at: Mapped[datetime | None]


class IdempotencyRecord(Base):
    """The stored outcome of one key: inserted before the effect, completed in the same transaction."""

    __tablename__ = "idempotency"
    device_id: Mapped[str] = mapped_column(String(36), ForeignKey("devices.id"), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    status: Mapped[int] = mapped_column(Integer)
    body: Mapped[dict[str, Any]]
    acting_user: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]


class Dossier(Base):
    __tablename__ = "dossiers"
    __table_args__ = (Index("ix_portal_dossiers_unit", "unit_code"),
                      Index("ix_portal_dossiers_receiving_unit", "receiving_unit"))
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    # Dossier codes embed the unit, so a globally unique code is "unique per unit".
    code: Mapped[str] = mapped_column(String(40), unique=True)
    unit_code: Mapped[str] = mapped_column(String(32))
    receiving_unit: Mapped[str] = mapped_column(String(32))
    version: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20))
    received_at: Mapped[datetime]
    body_hash: Mapped[str] = mapped_column(String(64))
    data: Mapped[dict[str, Any]]
    device_id: Mapped[str] = mapped_column(String(36), ForeignKey("devices.id"))
    acting_user: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class DossierEvent(Base):
    """A status step, from a desk (`device_id` set) or made at the portal (`device_id` NULL)."""

    __tablename__ = "dossier_events"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    dossier_id: Mapped[str] = mapped_column(String(36), ForeignKey("dossiers.id"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime]
    note: Mapped[str | None] = mapped_column(Text)
    by: Mapped[str] = mapped_column(String(80))
    device_id: Mapped[str | None] = mapped_column(String(36))
    recorded_at: Mapped[datetime]
    # The desk's lifecycle action and its data (what the action's form printed); NULL for
    # events from older desks and for changes made at the portal.
    action: Mapped[str | None] = mapped_column(String(32), nullable=True)
    details: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)


class DossierBlob(Base):
    """Which verified blobs a dossier references (for the admin and the purge later)."""

    __tablename__ = "dossier_blobs"
    dossier_id: Mapped[str] = mapped_column(String(36), ForeignKey("dossiers.id"), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)


class Blob(Base):
    """Upload state of a content-addressed blob; `complete` means hash-verified and in place."""

    __tablename__ = "blobs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    length: Mapped[int | None] = mapped_column(BigInteger)
    offset: Mapped[int] = mapped_column(BigInteger, default=0)
    complete: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime]
    completed_at: Mapped[datetime | None]


class CodeBlock(Base):
    """A range of dossier numbers reserved for one device; the unique start makes blocks disjoint."""

    __tablename__ = "code_blocks"
    __table_args__ = (UniqueConstraint("unit_code", "day", "start", name="uq_code_blocks_start"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    unit_code: Mapped[str] = mapped_column(String(32))
    day: Mapped[date]
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    device_id: Mapped[str] = mapped_column(String(36), ForeignKey("devices.id"))
    expires_at: Mapped[datetime]
    created_at: Mapped[datetime]


class Change(Base):
    """One entry of the change feed. NULL `unit_code`/`device_id` means "for everyone"."""

    __tablename__ = "changes"
    __table_args__ = {"sqlite_autoincrement": True}
    seq: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(40))
    unit_code: Mapped[str | None] = mapped_column(String(32))
    alt_unit_code: Mapped[str | None] = mapped_column(String(32))
    device_id: Mapped[str | None] = mapped_column(String(36))
    payload: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]


class ImportedBundle(Base):
    """A USB bundle already applied; importing it again reports this instead of re-applying."""

    __tablename__ = "imported_bundles"
    bundle_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36), ForeignKey("devices.id"))
    imported_at: Mapped[datetime]
    summary: Mapped[dict[str, Any]]


class AuditAnchor(Base):
    """The newest audit-chain head each device reported (docs/sync-protocol.md §11): a desk
    whose log later turns out shorter, or different at this seq, has been tampered with."""

    __tablename__ = "audit_anchors"
    device_id: Mapped[str] = mapped_column(String(36), ForeignKey("devices.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    hash: Mapped[str] = mapped_column(String(64))
    at: Mapped[str] = mapped_column(String(40))  # the desk's own time text, kept as sent
    acting_user: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime]


class BundleProgress(Base):
    """The outcome of one operation of a bundle whose import has not finished yet, so an import
    cut short (a crash, the database gone) resumes after the last recorded operation."""

    __tablename__ = "bundle_progress"
    bundle_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    result: Mapped[dict[str, Any]]


class CatalogDocument(Base):
    """A province catalogue document as imported (`motcua portal catalog import`), kept byte for
    byte so desks load it with their own loader, whatever the format has grown since."""

    __tablename__ = "catalog_documents"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    catalog_version: Mapped[str] = mapped_column(String(100))
    format: Mapped[str] = mapped_column(String(8))  # "yaml" | "json": how the desk must read it
    content: Mapped[bytes] = mapped_column(LargeBinary)
    procedures: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[datetime]


class CalendarConfirmation(Base):
    """A year's calendar as the portal admin confirmed it; the newest confirmation of a year wins."""

    __tablename__ = "calendar_confirmations"
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    decision: Mapped[str] = mapped_column(String(200))
    source: Mapped[str | None] = mapped_column(Text)
    days: Mapped[dict[str, Any]]  # {"days": [{day, name}], "extra_working_days": [{day, name}]}
    confirmed_by: Mapped[str] = mapped_column(String(64))
    confirmed_at: Mapped[datetime]


class SurveyAnswer(Base):
    """A citizen's satisfaction answer for one dossier (portal/citizen.py): one row per dossier,
    replaced by a later answer within the week after `first_at`."""

    __tablename__ = "survey_answers"
    dossier_id: Mapped[str] = mapped_column(String(36), ForeignKey("dossiers.id"), primary_key=True)
    ratings: Mapped[dict[str, Any]]
    comment: Mapped[str] = mapped_column(Text, default="")
    first_at: Mapped[datetime]
    answered_at: Mapped[datetime]
    answers: Mapped[int] = mapped_column(Integer, default=1)
