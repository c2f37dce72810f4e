"""`motcua bundle export`: the waiting outbox and its scans in one signed, encrypted file for a USB
stick, for a desk with no link at all (docs/sync-protocol.md §8).

The bundle carries each waiting outbox row as the exact request the engine would send, keyed by
the row id, which is also its HTTP idempotency key: a dossier that reaches the portal by bundle
and again by HTTP (or by the same bundle imported twice) is applied once. Rows stay `pending`
here; they become `sent` only when the portal's `bundle.delivered` change comes back through the
feed, so a lost stick loses nothing. Rows already put in an earlier, undelivered bundle are left
out unless asked for, so a second export carries only what is new.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from app import options
from app.bundle_format import MAX_BUNDLE_BYTES, Operation, write_bundle
from app.errors import InputError, MotcuaError
from app.files import write_atomically
from app.ids import new_id
from app.store.models import OutboxItem
from app.training import refuse_in_training
from app.wire import WireProblem
from sync import state
from sync.engine import page_sizes, request_for
from sync.enrolment import credentials

if TYPE_CHECKING:  # the store imports much of app/; only the type is needed here
    from app.store.service import Store

EXPORTED = options.BUNDLE_EXPORTED.key  # {outbox row id: bundle id} of rows put in a bundle
# Room for the zip and JSON overhead next to the blobs, so the written file stays under the limit.
HEADROOM = 8 * 1024 * 1024


@dataclass
class BundleExport:
    """What `export_bundle` wrote; `to_dict()` is the `--json` output."""

    path: str
    bundle_id: str
    operations: int = 0
    dossiers: int = 0
    blobs: int = 0
    bytes: int = 0
    left_for_next_bundle: int = 0
    codes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _waiting_rows(store: Store, include_exported: bool) -> tuple[list[OutboxItem], dict[str, str]]:
    with store.read_session() as session:
        exported = dict(state.get(session, EXPORTED, {}) or {})
        rows = list(session.scalars(select(OutboxItem).where(OutboxItem.state == "pending")
                                    .order_by(OutboxItem.seq)))
        session.expunge_all()
    # Rows delivered since are forgotten here, so the record only ever holds what still waits.
    waiting = {r.id for r in rows}
    exported = {key: bundle for key, bundle in exported.items() if key in waiting}
    if not include_exported:
        rows = [r for r in rows if r.id not in exported]
    return rows, exported


def exportable_count(store: Store, *, include_exported: bool = False) -> int:
    """How many outbox rows a bundle would carry now (0: no bundle is needed)."""
    return len(_waiting_rows(store, include_exported)[0])


def _by_dossier(rows: list[OutboxItem]) -> list[list[OutboxItem]]:
    """Rows grouped per dossier in outbox order: a bundle never splits a dossier's history."""
    groups: dict[str, list[OutboxItem]] = {}
    for row in rows:
        groups.setdefault(row.dossier_id or row.id, []).append(row)
    return list(groups.values())


def export_bundle(store: Store, out: Path | str, *, include_exported: bool = False,
                  max_bytes: int = MAX_BUNDLE_BYTES) -> BundleExport:
    """Write the waiting outbox to `out`; raises InputError when there is nothing to write."""
    out = Path(out)
    with store.read_session() as session:
        refuse_in_training(session, "bundle export")
        creds = credentials(session)
    if creds is None:
        raise InputError("this desk is not enrolled: a bundle is signed with the device's key, "
                         "so enrol it first (motcua enroll)", kind="sync.not_enrolled")
    rows, exported = _waiting_rows(store, include_exported)
    if not rows:
        raise InputError("nothing is waiting to be sent: no bundle written"
                         + ("" if include_exported else " (rows already in an earlier bundle are "
                            "left out; use --include-exported to put them in again)"),
                         kind="sync.nothing_to_export")
    result = BundleExport(str(out), new_id())
    operations: list[Operation] = []
    blobs: dict[str, bytes] = {}
    size = 0
    for group in _by_dossier(rows):
        group_blobs = {}
        for row in group:
            for sha in page_sizes(row.payload or {}):
                if sha not in blobs and sha not in group_blobs:
                    try:
                        group_blobs[sha] = store.blobs.get(sha)
                    except MotcuaError as error:
                        code = str((row.payload or {}).get("code", row.dossier_id))
                        raise InputError(f"dossier {code}: page {sha[:12]}… cannot be read ({error.message}); "
                                         "nothing was written", kind="sync.bundle_page_unreadable",
                                         params={"code": code}) from None
        grow = sum(len(b) for b in group_blobs.values())
        if operations and size + grow > max_bytes - HEADROOM:
            result.left_for_next_bundle += len(group)
            continue
        size += grow
        blobs.update(group_blobs)
        for row in group:
            try:
                request = request_for(row)
            except WireProblem:
                request = None  # the portal would refuse it: sending it over HTTP quarantines it
            if request is None:
                continue
            method, path, body = request
            operations.append(Operation(row.id, method, path, store.user.username, body))
        result.dossiers += 1
        dossier_code = (group[0].payload or {}).get("code")
        if dossier_code:
            result.codes.append(str(dossier_code))
    data = write_bundle(device_id=creds.device_id, device_secret=creds.secret, operations=operations,
                        blobs=blobs, bundle_id=result.bundle_id)
    write_atomically(out, data, what="--out")  # a stick pulled out mid-write never holds half a bundle
    result.operations, result.blobs, result.bytes = len(operations), len(blobs), len(data)
    with store.session() as session:
        exported.update({op.key: result.bundle_id for op in operations})
        state.put(session, EXPORTED, exported)
        store.record_audit(session, action="sync.bundle_exported", object_type="bundle",
                           object_id=result.bundle_id,
                           details={"file": out.name, "operations": result.operations,
                                    "blobs": result.blobs, "bytes": result.bytes})
    return result
