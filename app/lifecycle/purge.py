"""Purge: a returned dossier's personal data leaves this computer once it is safely on the portal.

Law 91/2025/QH15 (domain.md §11): keep personal data only as long as the purpose needs. A
dossier qualifies when ALL hold:
1. it is returned (status DA_TRA, `returned_at` set);
2. the portal confirmed it: every outbox row of the dossier is `sent` (acknowledged);
3. the retention period passed: `returned_at` + setting "lifecycle.retention_days" (default 90)
   is at or before now (`older_than_days` overrides the setting for one run).

Purging one dossier is one write transaction that leaves a non-personal stub (code, unit,
procedure, channel, dates, status, fee amount, the checklist's document names) and removes:
the applicant's fields (the row is wiped unless another dossier not yet purged still uses it),
the applicant/representative/addresses/notes in `dossiers.data`, page rows and OCR text (and
its full-text entries), personal details and notes of status events, the payloads of the
dossier's (sent) outbox rows; then `purged_at` is set and an audit event `dossier.purged`
records counts. After the commit the page files no other page row references are deleted.
SQLite's secure_delete is switched on for the transaction so freed pages are zeroed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app import options
from app.capture.text_index import forget_dossier_text
from app.clock import local_now
from app.lifecycle.actions import find_dossier, int_setting
from app.lifecycle.errors import LifecycleError
from app.store.blobs import referenced_addresses
from app.store.models import Applicant, Document, Dossier, OutboxItem, Page, StatusEvent

if TYPE_CHECKING:  # the type only: importing the store here is not needed
    from app.store.service import Store

log = logging.getLogger(__name__)
RETENTION_KEY = options.RETENTION_DAYS.key
DEFAULT_RETENTION_DAYS = 90
# What a purged dossier keeps of `dossiers.data`: nothing that names or locates a person.
KEPT_DATA = ("procedure", "documents_missing", "sets", "destination_unit")
KEPT_FEE = ("amount_vnd", "lines", "channel", "collected_vnd")
PERSONAL_EVENT_DETAILS = ("name", "id_number", "tracking", "note")


@dataclass
class PurgeReport:
    """What a run did (or, with dry_run, would do): codes purged, and codes left with why."""

    purged: list[str] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)  # {code, kind, reason}
    pages_removed: int = 0
    files_removed: int = 0
    dry_run: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"purged": self.purged, "skipped": self.skipped, "pages_removed": self.pages_removed,
                "files_removed": self.files_removed, "dry_run": self.dry_run}


def _unconfirmed(session: Session, dossier_id: str) -> int:
    return int(session.scalar(select(func.count()).select_from(OutboxItem).where(
        OutboxItem.dossier_id == dossier_id, OutboxItem.state != "sent")) or 0)


def why_not(session: Session, dossier: Dossier, now: datetime, days: int) -> LifecycleError | None:
    """The refusal for purging `dossier` now, or None when it qualifies."""
    code = dossier.code
    if dossier.purged_at is not None:
        return LifecycleError("purged", f"{code}: already purged", code=code)
    if dossier.status != "DA_TRA" or dossier.returned_at is None:
        return LifecycleError("purge_not_returned", f"purge {code}: the result is not returned yet "
                              f"(status {dossier.status})", code=code, status=dossier.status)
    waiting = _unconfirmed(session, dossier.id)
    if waiting:
        return LifecycleError("purge_not_confirmed", f"purge {code}: the portal has not confirmed "
                              f"{waiting} change(s) of this dossier yet; synchronise first",
                              code=code, waiting=waiting)
    until = dossier.returned_at + timedelta(days=days)
    if until > now:
        return LifecycleError("purge_too_early", f"purge {code}: kept until {until:%d/%m/%Y} "
                              f"({days} days after the return)", code=code, until=f"{until:%d/%m/%Y}",
                              days=days)
    return None


def purge(store: Store, *, codes: list[str] | tuple[str, ...] = (), older_than_days: int | None = None,
          dry_run: bool = False, now: datetime | None = None) -> PurgeReport:
    """Purge the named dossiers (each must qualify, else LifecycleError before anything is
    removed), or without `codes` every returned dossier that qualifies (the others are listed
    in `skipped`). `dry_run` reports without removing anything."""
    moment = now or local_now()
    report = PurgeReport(dry_run=dry_run)
    with store.read_session() as session:
        days = older_than_days if older_than_days is not None else int_setting(
            session, RETENTION_KEY, DEFAULT_RETENTION_DAYS)
        if isinstance(days, bool) or not isinstance(days, int) or days < 0:
            raise LifecycleError("bad_value", f"--older-than-days: {days!r} must be 0 or more",
                                 field="older_than_days")
        if codes:
            targets = [find_dossier(session, code) for code in codes]
            for dossier in targets:
                refusal = why_not(session, dossier, moment, days)
                if refusal is not None:
                    raise refusal
        else:
            targets = list(session.scalars(select(Dossier).where(Dossier.status == "DA_TRA",
                                                                 Dossier.purged_at.is_(None))
                                           .order_by(Dossier.returned_at)))
        chosen: list[str] = []
        for dossier in targets:
            refusal = why_not(session, dossier, moment, days)
            if refusal is None:
                chosen.append(dossier.id)
            else:
                report.skipped.append({"code": dossier.code, "kind": refusal.kind, "reason": refusal.message})
    for dossier_id in chosen:
        _purge_one(store, dossier_id, moment, days, report)
    return report


def _purge_one(store: Store, dossier_id: str, now: datetime, days: int, report: PurgeReport) -> None:
    with store.session() as session:
        dossier = session.get(Dossier, dossier_id)
        assert dossier is not None
        refusal = why_not(session, dossier, now, days)  # re-checked under the write lock
        if refusal is not None:
            report.skipped.append({"code": dossier.code, "kind": refusal.kind, "reason": refusal.message})
            return
        pages = list(session.scalars(select(Page).join(Document, Document.id == Page.document_id)
                                     .where(Document.dossier_id == dossier_id)))
        if report.dry_run:
            report.purged.append(dossier.code)
            report.pages_removed += len(pages)
            session.rollback()
            return
        session.execute(text("PRAGMA secure_delete = ON"))
        hashes = {page.sha256 for page in pages}
        for page in pages:
            session.delete(page)
        texts = forget_dossier_text(session, dossier_id)
        _wipe_applicant(session, dossier)
        data = dossier.data or {}
        kept = {key: data[key] for key in KEPT_DATA if key in data}
        fee = data.get("fee")
        if isinstance(fee, dict):
            kept["fee"] = {key: fee[key] for key in KEPT_FEE if key in fee}
        dossier.data = {**kept, "purged": True}
        for event in session.scalars(select(StatusEvent).where(StatusEvent.dossier_id == dossier_id)):
            event.note = None
            if event.details:
                event.details = {k: (None if k in PERSONAL_EVENT_DETAILS else v)
                                 for k, v in event.details.items()}
        for row in session.scalars(select(OutboxItem).where(OutboxItem.dossier_id == dossier_id)):
            row.payload = {"purged": True}
        dossier.purged_at = now
        session.flush()
        store.record_audit(session, action="dossier.purged", object_type="dossier", object_id=dossier_id,
                           details={"code": dossier.code, "pages": len(pages), "page_texts": texts,
                                    "retention_days": days})
        code = dossier.code
    report.purged.append(code)
    report.pages_removed += len(pages)
    with store.read_session() as session:
        unused = hashes - referenced_addresses(session)
    for sha in sorted(unused):
        try:
            store.blobs.path_of(sha).unlink()
            report.files_removed += 1
        except FileNotFoundError:
            continue
        except OSError as error:  # the sweep at sign-in removes what is left
            log.warning("page file %s… of a purged dossier not removed: %s", sha[:12], error)


def _wipe_applicant(session: Session, dossier: Dossier) -> None:
    others = session.scalar(select(func.count()).select_from(Dossier).where(
        Dossier.applicant_id == dossier.applicant_id, Dossier.id != dossier.id, Dossier.purged_at.is_(None)))
    if others:
        return  # still the applicant of a live dossier: that one's purge wipes the row
    row = session.get(Applicant, dossier.applicant_id)
    if row is None:
        return
    row.full_name, row.data = "", {}
    for name in ("id_number", "birth_date", "sex", "address", "phone", "email", "old_id_number",
                 "id_issue_date"):
        setattr(row, name, None)
