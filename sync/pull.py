"""Applying the portal's change feed (protocol §6) to the local store, idempotently.

Each page of changes is applied and the cursor stored in ONE write transaction, so a crash either
keeps both or neither; applying a change a second time finds its effect already there:
- `dossier.status`: through the lifecycle machine (app/lifecycle/portal.py); the portal's
  `event_id` becomes the local StatusEvent id (skip if present), a change the machine refuses is
  recorded under that id as a refused event and reported, never applied;
- `holidays`: the year's rows are written as admin rows (a replacement, same result twice);
- `catalog.version`: fetched from its URL and imported (import_catalog is idempotent);
- `bundle.delivered`: each result is classified exactly like an HTTP answer to that outbox row;
- `device.units`: the units this desk may file for and its number ranges (a replacement);
- `catalog.document`: the province's catalogue, fetched (before the page's write transaction,
  so the store is never locked during a download) and hash-checked, then imported; a version a
  dossier was received under is kept as it is and reported;
- `calendar.confirmed`: the year's whole table, and the year marked confirmed with its decision.
- `survey.answer`: a citizen's satisfaction answer, the newest kept per dossier (app/reports/survey.py).

Pages and changes are read through the wire schema (app/wire.py), so a malformed answer becomes
a problem naming the field, never a KeyError halfway through a page.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from app.clock import VIETNAM
from app.errors import MotcuaError
from app.lifecycle.portal import apply_portal_status
from app.reports.survey import keep_answer
from app.store.models import Dossier, OutboxItem, StatusEvent
from app.wire import (
    BundleDelivered,
    CalendarConfirmed,
    CatalogChange,
    CatalogDocumentChange,
    DeviceUnitsChange,
    ChangesPage,
    HolidaysChange,
    StatusChange,
    SurveyChange,
    WireProblem,
    parse,
    parse_change,
)
from sync import state
from sync.client import LinkDown, PortalClient, Reply
from sync.problems import SyncProblem

if TYPE_CHECKING:  # the store imports much of app/; only the type is needed here
    from app.store.service import Store

PAGE = 500


@dataclass
class PullReport:
    applied: int = 0
    status_changes: list[dict[str, Any]] = field(default_factory=list)  # {code, status} for notices
    problems: list[str] = field(default_factory=list)  # SyncProblems


def _local_time(moment: datetime | None) -> datetime:
    """A business time as the unit's wall clock (naive Vietnam time), the store's convention."""
    return (moment or datetime.now(VIETNAM)).astimezone(VIETNAM).replace(tzinfo=None)


def _apply_status(session: Session, change: StatusChange, report: PullReport) -> None:
    dossier = session.get(Dossier, change.dossier_id)
    if dossier is None or session.get(StatusEvent, change.event_id) is not None:
        return  # another desk's dossier, or already applied (or refused) before
    # Through the lifecycle machine, like a local action: an illegal change is recorded as a
    # refused event (kept, not applied) and reported; the feed is in the portal's commit order,
    # so the latest applied change is the current status.
    outcome = apply_portal_status(session, dossier, event_id=change.event_id, status=change.status,
                                  at=_local_time(change.status_at), note=change.note,
                                  by=change.by or "portal")
    if not outcome.applied:
        report.problems.append(outcome.reason)
        return
    report.status_changes.append({"code": dossier.code, "status": dossier.status})


def _apply_holidays(session: Session, change: HolidaysChange) -> None:
    from app.calendar_store import replace_admin_entries
    from app.holiday_table import HolidayEntry

    entries = [HolidayEntry(d.day, d.name or "Nghỉ lễ", "non_working", "admin") for d in change.days]
    entries += [HolidayEntry(day, "Ngày làm bù", "extra_working", "admin")
                for day in change.extra_working_days]
    replace_admin_entries(session, entries)


def _apply_catalog(session: Session, change: CatalogChange, fetch: Callable[[str], bytes] | None) -> None:
    from app.catalog.loader import load_catalog_file
    from app.catalog.storage import import_catalog

    version, url = change.version, change.url or ""
    state.put(session, state.CATALOG_ANNOUNCED, {"version": version, "url": url, "note": change.note})
    if not url or fetch is None:
        return  # announced only: an admin imports it (motcua catalog import)
    raw = fetch(url)
    suffix = ".json" if url.lower().endswith(".json") else ".yaml"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"catalog{suffix}"
        path.write_bytes(raw)
        versions = load_catalog_file(path)
    import_catalog(session, versions, catalog_version=version)


def _apply_calendar(session: Session, change: CalendarConfirmed) -> None:
    from app.calendar_years import confirm_year
    from app.holiday_table import HolidayEntry

    entries = [HolidayEntry(d.day, d.name or "", "non_working", "admin") for d in change.days]
    entries += [HolidayEntry(d.day, d.name or "", "extra_working", "admin") for d in change.extra_working_days]
    confirm_year(session, change.year, change.decision, by=change.by or "portal", origin="portal",
                 entries=entries, source=change.source or "")


def fetch_documents(client: PortalClient, changes: list[Any]) -> tuple[dict[str, bytes], Reply | None]:
    """The catalogue documents a page announces, by hash, each checked against its hash; stops
    at the first one the portal does not give (its reply is returned, the page not applied)."""
    import hashlib

    found: dict[str, bytes] = {}
    for change in changes:
        if not isinstance(change, dict) or change.get("kind") != "catalog.document":
            continue
        sha = change.get("sha256")
        if not isinstance(sha, str) or sha in found or len(sha) != 64:
            continue  # a malformed change is reported when the page is applied
        reply, content = client.catalog_document(sha)
        if not reply.ok:
            return found, reply
        if hashlib.sha256(content).hexdigest() == sha:
            found[sha] = content  # a mismatch is left out: applying the change reports it
    return found, None


def _apply_document(session: Session, change: CatalogDocumentChange, documents: dict[str, bytes],
                    report: PullReport) -> None:
    from app.catalog.loader import load_catalog
    from app.catalog.storage import import_catalog

    raw = documents.get(change.sha256)
    if raw is None:
        raise ValueError(f"catalogue {change.catalog_version[:40]}: the portal's bytes do not match "
                         f"sha256 {change.sha256[:12]}…")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"catalog.{change.format}"
        path.write_bytes(raw)
        catalog = load_catalog(path)
    imported = import_catalog(session, catalog.versions, catalog_version=change.catalog_version, keep_used=True)
    state.put(session, state.CATALOG_ANNOUNCED, {"version": change.catalog_version, "sha256": change.sha256,
                                                 "imported": imported.to_dict()})
    if imported.kept:
        report.problems.append(SyncProblem(
            f"catalogue {change.catalog_version[:40]}: {len(imported.kept)} version(s) kept as they were "
            f"because dossiers were received under them (e.g. {imported.kept[0][:60]})",
            kind="sync.catalog_versions_kept", params={"count": len(imported.kept)}))


def _apply_bundle(session: Session, change: BundleDelivered,
                  classify: Callable[[Session, OutboxItem, Reply], None]) -> None:
    for result in change.results:
        row = session.query(OutboxItem).filter_by(id=result.key).one_or_none() if result.key else None
        if row is None or row.state == "sent":
            continue
        classify(session, row, Reply(result.status, {}, result.body))


def _apply_units(session: Session, change: DeviceUnitsChange) -> None:
    from sync.units import store_units

    if change.device_id != state.get(session, state.DEVICE_ID):
        return  # the portal sends a device only its own; anything else is not for this desk
    store_units(session, [unit.model_dump() for unit in change.units], where="device.units change")


def apply_change(session: Session, change: dict[str, Any], report: PullReport, *,
                 fetch: Callable[[str], bytes] | None,
                 classify: Callable[[Session, OutboxItem, Reply], None],
                 documents: dict[str, bytes] | None = None) -> None:
    kind = change.get("kind") if isinstance(change, dict) else None
    try:
        kind, typed = parse_change(change)
        with session.begin_nested():  # one bad change is recorded, never half-applied
            if isinstance(typed, StatusChange):
                _apply_status(session, typed, report)
            elif isinstance(typed, HolidaysChange):
                _apply_holidays(session, typed)
            elif isinstance(typed, CatalogChange):
                _apply_catalog(session, typed, fetch)
            elif isinstance(typed, BundleDelivered):
                _apply_bundle(session, typed, classify)
            elif isinstance(typed, DeviceUnitsChange):
                _apply_units(session, typed)
            elif isinstance(typed, CalendarConfirmed):
                _apply_calendar(session, typed)
            elif isinstance(typed, CatalogDocumentChange):
                _apply_document(session, typed, documents or {}, report)
            elif isinstance(typed, SurveyChange):
                keep_answer(session, typed)
    except (MotcuaError, KeyError, ValueError, TypeError, LinkDown) as error:  # WireProblem is a ValueError
        seq = change.get("seq") if isinstance(change, dict) else None
        report.problems.append(SyncProblem(f"change {str(seq)[:20]} ({str(kind)[:40]}): {error}",
                                           kind="sync.change_not_applied", params={"seq": str(seq)[:20]}))
        return
    report.applied += 1


def pull_changes(store: Store, client: PortalClient, *, classify: Callable[[Session, OutboxItem, Reply], None],
                 fetch: Callable[[str], bytes] | None = None) -> tuple[PullReport, Reply | None]:
    """Read and apply the feed until `more` is false; returns (report, the failing reply if any).

    LinkDown propagates; the cursor then stays at the last fully applied page.
    """
    report = PullReport()
    while True:
        with store.read_session() as session:
            cursor = int(state.get(session, state.CURSOR, 0) or 0)
        reply = client.changes(cursor, PAGE)
        if not reply.ok:
            return report, reply
        try:
            page = parse(ChangesPage, reply.body)
        except WireProblem as problem:
            report.problems.append(SyncProblem(f"change feed after {cursor}: the portal's answer is malformed "
                                               f"({problem})", kind="sync.portal_answer_malformed"))
            return report, None
        documents, failed = fetch_documents(client, page.changes)
        if failed is not None:
            return report, failed
        with store.session() as session:
            # Re-read under the write lock: a second puller may have applied this page meanwhile.
            if int(state.get(session, state.CURSOR, 0) or 0) == cursor:
                for change in page.changes:
                    apply_change(session, change, report, fetch=fetch, classify=classify,
                                 documents=documents)
                state.put(session, state.CURSOR, page.next)
        if not page.more:
            return report, None
