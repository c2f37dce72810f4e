"""Applying the portal's change feed (protocol §6) to the local store, idempotently.

Each page of changes is applied and the cursor stored in ONE write transaction, so a crash either
keeps both or neither; applying a change a second time finds its effect already there:
- `dossier.status`: the portal's `event_id` becomes the local StatusEvent id (skip if present);
- `holidays`: the year's rows are written as admin rows (a replacement, same result twice);
- `catalog.version`: fetched from its URL and imported (import_catalog is idempotent);
- `bundle.delivered`: each result is classified exactly like an HTTP answer to that outbox row;
- `device.units`: the units this desk may file for and its number ranges (a replacement).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.clock import VIETNAM
from app.errors import MotcuaError
from app.store.models import Dossier, OutboxItem, StatusEvent
from sync import state
from sync.client import LinkDown, PortalClient, Reply

PAGE = 500


@dataclass
class PullReport:
    applied: int = 0
    status_changes: list[dict[str, Any]] = field(default_factory=list)  # {code, status} for notices
    problems: list[str] = field(default_factory=list)


def _local_time(text: str | None) -> datetime:
    """A business time as the unit's wall clock (naive Vietnam time), the store's convention."""
    if not text:
        return datetime.now(VIETNAM).replace(tzinfo=None)
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is not None:
        moment = moment.astimezone(VIETNAM).replace(tzinfo=None)
    return moment


def _apply_status(session: Session, change: dict[str, Any], report: PullReport) -> None:
    event_id = str(change.get("event_id") or "")
    dossier = session.get(Dossier, str(change.get("dossier_id") or ""))
    if dossier is None or not event_id or session.get(StatusEvent, event_id) is not None:
        return  # another desk's dossier, or already applied
    at = _local_time(change.get("status_at"))
    session.add(StatusEvent(id=event_id, dossier_id=dossier.id, status=str(change["status"]), at=at,
                            by_user=str(change.get("by") or "portal"), note=change.get("note")))
    # The feed is in the portal's commit order, so the latest applied change is the current status.
    dossier.status = str(change["status"])
    report.status_changes.append({"code": dossier.code, "status": dossier.status})


def _apply_holidays(session: Session, change: dict[str, Any]) -> None:
    from app.calendar_store import replace_admin_entries
    from app.holiday_table import HolidayEntry

    entries = [HolidayEntry(date.fromisoformat(d["day"]), d.get("name") or "Nghỉ lễ", "non_working", "admin")
               for d in change.get("days", [])]
    entries += [HolidayEntry(date.fromisoformat(str(d)), "Ngày làm bù", "extra_working", "admin")
                for d in change.get("extra_working_days", [])]
    replace_admin_entries(session, entries)


def _apply_catalog(session: Session, change: dict[str, Any], fetch: Callable[[str], bytes] | None) -> None:
    from app.catalog.loader import load_catalog_file
    from app.catalog.storage import import_catalog

    version, url = str(change.get("version", "")), str(change.get("url") or "")
    state.put(session, state.CATALOG_ANNOUNCED, {"version": version, "url": url, "note": change.get("note")})
    if not url or fetch is None:
        return  # announced only: an admin imports it (motcua catalog import)
    raw = fetch(url)
    suffix = ".json" if url.lower().endswith(".json") else ".yaml"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"catalog{suffix}"
        path.write_bytes(raw)
        versions = load_catalog_file(path)
    import_catalog(session, versions, catalog_version=version)


def _apply_bundle(session: Session, change: dict[str, Any],
                  classify: Callable[[Session, OutboxItem, Reply], None]) -> None:
    for result in change.get("results", []):
        row = session.query(OutboxItem).filter_by(id=str(result.get("key", ""))).one_or_none()
        if row is None or row.state == "sent":
            continue
        classify(session, row, Reply(int(result.get("status", 500)), {}, result.get("body")))


def _apply_units(session: Session, change: dict[str, Any]) -> None:
    from sync.units import store_units

    if change.get("device_id") != state.get(session, state.DEVICE_ID):
        return  # the portal sends a device only its own; anything else is not for this desk
    store_units(session, change.get("units"), where=f"change {change.get('seq')} units")


def apply_change(session: Session, change: dict[str, Any], report: PullReport, *,
                 fetch: Callable[[str], bytes] | None,
                 classify: Callable[[Session, OutboxItem, Reply], None]) -> None:
    kind = change.get("kind")
    try:
        with session.begin_nested():  # one bad change is recorded, never half-applied
            if kind == "dossier.status":
                _apply_status(session, change, report)
            elif kind == "holidays":
                _apply_holidays(session, change)
            elif kind == "catalog.version":
                _apply_catalog(session, change, fetch)
            elif kind == "bundle.delivered":
                _apply_bundle(session, change, classify)
            elif kind == "device.units":
                _apply_units(session, change)
    except (MotcuaError, KeyError, ValueError, TypeError, LinkDown) as error:
        report.problems.append(f"change {change.get('seq')} ({kind}): {error}")
        return
    report.applied += 1


def pull_changes(store: Any, client: PortalClient, *, classify: Callable[[Session, OutboxItem, Reply], None],
                 fetch: Callable[[str], bytes] | None = None) -> tuple[PullReport, Reply | None]:
    """Read and apply the feed until `more` is false; returns (report, the failing reply if any).

    LinkDown propagates; the cursor then stays at the last fully applied page.
    """
    report = PullReport()
    while True:
        with store.read_session() as session:
            cursor = int(state.get(session, state.CURSOR, 0) or 0)
        reply = client.changes(cursor, PAGE)
        if not reply.ok or not isinstance(reply.body, dict):
            return report, reply
        page = reply.body
        with store.session() as session:
            # Re-read under the write lock: a second puller may have applied this page meanwhile.
            if int(state.get(session, state.CURSOR, 0) or 0) == cursor:
                for change in page.get("changes", []):
                    apply_change(session, change, report, fetch=fetch, classify=classify)
                state.put(session, state.CURSOR, int(page.get("next", cursor)))
        if not page.get("more"):
            return report, None
