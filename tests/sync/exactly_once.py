"""The exactly-once check shared by the sync reliability tests.

`check_exactly_once(stores, db_url, blobs_dir)` compares what the desks created with what the
portal holds, and fails (AssertionError listing every problem found) unless:
- every desk dossier is at the portal exactly once, under the same code, with the same content
  (the portal's stored body equals the desk's latest outbox payload for it);
- the portal holds no dossier the desks did not create, and dossier codes are distinct;
- per dossier, the event lists agree: no event id twice on either side, every portal event is on
  the desk once (after a pull), and the desk's only unsent event is its own initial reception;
- every scan a desk dossier references is one complete blob row at the portal, its file hashes to
  its name, and the portal links exactly the desk's page hashes to the dossier;
- every desk outbox item is `sent` (the desk shows everything delivered).
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.statuses import INITIAL_STATUS
from app.store.models import Document, Dossier, OutboxItem, Page, StatusEvent
from portal.admin import list_dossiers
from portal.db import get_engine, read_session
from portal.models import Blob, DossierBlob


@dataclass
class DeskView:
    """What one desk store holds, read once."""

    dossiers: dict[str, str] = field(default_factory=dict)  # id → code
    statuses: dict[str, str] = field(default_factory=dict)  # id → status
    payloads: dict[str, dict[str, Any]] = field(default_factory=dict)  # id → latest outbox payload
    versions: dict[str, int] = field(default_factory=dict)
    events: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))  # id, status
    pages: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    outbox_states: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class ExactlyOnce:
    """The figures of a passing check (for reports)."""

    dossiers: int
    events: int
    blobs: int
    duplicates: int = 0
    lost: int = 0


def read_desk(store: Any) -> DeskView:
    view = DeskView()
    with store.read_session() as session:
        for row in session.scalars(select(Dossier)):
            view.dossiers[row.id] = row.code
            view.statuses[row.id] = row.status
        for event in session.scalars(select(StatusEvent).order_by(StatusEvent.at)):
            view.events[event.dossier_id].append((event.id, event.status))
        for dossier_id, sha in session.execute(select(Document.dossier_id, Page.sha256)
                                               .join(Page, Page.document_id == Document.id)):
            view.pages[dossier_id].add(sha)
        for item in session.scalars(select(OutboxItem).order_by(OutboxItem.seq)):
            view.outbox_states[item.state] += 1
            if item.kind in ("dossier.create", "dossier.update") and item.dossier_id:
                payload = dict(item.payload or {})
                body = payload.get("dossier", payload) if item.kind == "dossier.update" else payload
                view.payloads[item.dossier_id] = body
                view.versions[item.dossier_id] = int(payload.get("version", 1))
    return view


def _portal_blobs(db_url: str) -> tuple[dict[str, set[str]], Counter[str], set[str]]:
    """(dossier id → linked hashes, blob rows per hash, complete hashes)."""
    links: dict[str, set[str]] = defaultdict(set)
    rows: Counter[str] = Counter()
    complete: set[str] = set()
    with read_session(get_engine(db_url)) as session:
        for dossier_id, sha in session.execute(select(DossierBlob.dossier_id, DossierBlob.sha256)):
            links[dossier_id].add(sha)
        for blob in session.scalars(select(Blob)):
            rows[blob.sha256] += 1
            if blob.complete:
                complete.add(blob.sha256)
    return links, rows, complete


def _check_dossiers(desks: list[DeskView], portal: list[dict[str, Any]], problems: list[str]) -> None:
    held = Counter(row["dossier_id"] for row in portal)
    problems += [f"dossier {d}: {n} times at the portal" for d, n in held.items() if n > 1]
    codes = Counter(row["code"] for row in portal)
    problems += [f"code {c}: {n} dossiers at the portal" for c, n in codes.items() if n > 1]
    desk_codes = Counter(code for desk in desks for code in desk.dossiers.values())
    problems += [f"code {c}: used by {n} desk dossiers" for c, n in desk_codes.items() if n > 1]
    by_id = {row["dossier_id"]: row for row in portal}
    created: set[str] = set()
    for number, desk in enumerate(desks):
        for dossier_id, code in desk.dossiers.items():
            created.add(dossier_id)
            row = by_id.get(dossier_id)
            if row is None:
                problems.append(f"desk {number} dossier {code} ({dossier_id}): lost, not at the portal")
                continue
            if row["code"] != code:
                problems.append(f"dossier {dossier_id}: code {row['code']} at the portal, "
                                f"{code} at desk {number}")
            if row["dossier"] != desk.payloads.get(dossier_id):
                problems.append(f"dossier {code}: the portal's content differs from desk {number}'s payload")
            if row["version"] != desk.versions.get(dossier_id):
                problems.append(f"dossier {code}: version {row['version']} at the portal, "
                                f"{desk.versions.get(dossier_id)} at desk {number}")
            if row["status"] != desk.statuses[dossier_id]:
                problems.append(f"dossier {code}: status {row['status']} at the portal, "
                                f"{desk.statuses[dossier_id]} at desk {number}")
    problems += [f"dossier {row['code']} ({row['dossier_id']}): at the portal, created by no desk"
                 for row in portal if row["dossier_id"] not in created]


def _check_events(desks: list[DeskView], portal: list[dict[str, Any]], problems: list[str]) -> int:
    portal_events = {row["dossier_id"]: [(e["event_id"], e["status"]) for e in row["events"]]
                     for row in portal}
    total = 0
    for number, desk in enumerate(desks):
        for dossier_id, code in desk.dossiers.items():
            mine, theirs = desk.events.get(dossier_id, []), portal_events.get(dossier_id, [])
            total += len(theirs)
            for side, events in (("desk", mine), ("portal", theirs)):
                twice = [e for e, n in Counter(e for e, _ in events).items() if n > 1]
                if twice:
                    problems.append(f"dossier {code}: event(s) {twice} recorded twice at the {side}")
            theirs_ids = {e for e, _ in theirs}
            missing = [e for e in theirs_ids if e not in {m for m, _ in mine}]
            if missing:
                problems.append(f"dossier {code}: portal event(s) {missing} never reached desk {number}")
            local = [status for e, status in mine if e not in theirs_ids]
            if local != [INITIAL_STATUS]:
                problems.append(f"dossier {code}: desk {number} has events {local} the portal lacks "
                                f"(only its own {INITIAL_STATUS} is expected)")
    return total


def _check_blobs(desks: list[DeskView], db_url: str, blobs_dir: Path, problems: list[str]) -> int:
    links, rows, complete = _portal_blobs(db_url)
    hashes: set[str] = set()
    for desk in desks:
        for dossier_id, pages in desk.pages.items():
            hashes |= pages
            if links.get(dossier_id, set()) != pages:
                problems.append(f"dossier {desk.dossiers[dossier_id]}: the portal links scans "
                                f"{sorted(links.get(dossier_id, set()))}, the desk {sorted(pages)}")
    for sha in sorted(hashes):
        path = Path(blobs_dir) / sha[:2] / sha
        if rows[sha] != 1 or sha not in complete:
            problems.append(f"scan {sha}: {rows[sha]} blob row(s) at the portal, complete={sha in complete}")
        elif not path.is_file():
            problems.append(f"scan {sha}: no file {path}")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != sha:
            problems.append(f"scan {sha}: the portal's file does not hash to its name")
    return len(hashes)


def check_exactly_once(stores: list[Any], db_url: str, blobs_dir: Path) -> ExactlyOnce:
    """Fail with every problem listed unless desks and portal agree exactly; see the module doc."""
    desks = [read_desk(store) for store in stores]
    portal = list_dossiers(db_url)
    problems: list[str] = []
    for number, desk in enumerate(desks):
        unsent = {state: n for state, n in desk.outbox_states.items() if state != "sent"}
        if unsent:
            problems.append(f"desk {number}: outbox items not delivered: {unsent}")
    _check_dossiers(desks, portal, problems)
    events = _check_events(desks, portal, problems)
    blobs = _check_blobs(desks, db_url, blobs_dir, problems)
    assert not problems, f"{len(problems)} exactly-once problem(s):\n" + "\n".join(problems[:40])
    return ExactlyOnce(dossiers=len(portal), events=events, blobs=blobs)
