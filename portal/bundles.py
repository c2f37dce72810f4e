"""Importing a USB bundle (docs/sync-protocol.md §8) through the same path as HTTP requests.

Blobs are verified and stored first, then each operation is applied with its own idempotency
key in outbox order, then one `bundle.delivered` change tells the desk every outcome. A bundle
already imported is not applied again; its first summary is returned.

Each operation is all or nothing (its own transaction) and is judged alone: bad input is a 4xx
result, an unexpected failure a 500 result, and neither stops the others. Each outcome is recorded
as it is reached (`BundleProgress`), so an import cut short by a crash or a lost database resumes
where it stopped on the next import, and ends by being recorded, never by failing forever.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, delete, select
from sqlalchemy.exc import IntegrityError, OperationalError

from app.bundle_format import Bundle, Operation, read_bundle
from app.errors import InputError
from portal.blobs import BlobStore
from portal.changes import emit
from portal.db import get_engine, read_session, write_session
from portal.devices import caller as device_caller
from portal.devices import device_bundle_keys
from portal.errors import PortalError, from_wire
from portal.models import BundleProgress, ImportedBundle, utcnow
from portal.operations import apply_operation

log = logging.getLogger(__name__)


def _load(engine: Engine, path: Path) -> Bundle:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"bundle {path}: cannot be read ({error.strerror})") from None
    with read_session(engine) as session:
        return read_bundle(data, lambda device_id: device_bundle_keys(session, device_id),
                           source=f"bundle {path}")


def _store_blobs(store: BlobStore, bundle: Bundle, path: Path) -> None:
    for sha256, data in bundle.blobs.items():  # every blob is checked before anything is stored
        if hashlib.sha256(data).hexdigest() != sha256:
            raise InputError(f"bundle {path}: blob {sha256} does not hash to its name; nothing was imported")
    for sha256, data in bundle.blobs.items():
        store.put_whole(sha256, data)


def _apply_one(engine: Engine, device_id: str, op: Operation) -> dict[str, Any]:
    """The result of one operation, with the device's rights as they are now (a grant may change
    during a long import); raises only when the database itself is unavailable."""
    key = op.key or None
    if op.problem is not None:
        return {"key": key, "status": 422, "body": from_wire(op.problem).body()}
    with read_session(engine) as session:
        caller = device_caller(session, device_id, op.acting_user)
    if caller is None:  # revoked since the signature was checked
        revoked = PortalError(401, "auth_failed", "Thiết bị đã bị thu hồi quyền truy cập",
                              "This device has been revoked")
        return {"key": key, "status": revoked.status, "body": revoked.body()}
    try:
        outcome = apply_operation(engine, caller, op.key, op.method, op.path, op.body)
        return {"key": key, "status": outcome.status, "body": outcome.body}
    except PortalError as error:
        return {"key": key, "status": error.status, "body": error.body()}
    except OperationalError:
        raise  # the database is gone or busy: stop here, the next import resumes
    except Exception:  # a bug for this operation only: reported, and the others still go
        log.exception("bundle operation %s failed", key)
        internal = PortalError(500, "internal", "Lỗi nội bộ của cổng; thao tác này chưa được ghi nhận",
                               "Internal portal error; this operation was not applied")
        return {"key": key, "status": 500, "body": internal.body()}


def _apply_all(engine: Engine, bundle: Bundle) -> list[dict[str, Any]]:
    with read_session(engine) as session:
        done = {row.position: row.result for row in session.scalars(
            select(BundleProgress).where(BundleProgress.bundle_id == bundle.bundle_id))}
    results = []
    for position, op in enumerate(bundle.operations):
        if position not in done:
            done[position] = _apply_one(engine, bundle.device_id, op)
            with write_session(engine) as session:
                session.merge(BundleProgress(bundle_id=bundle.bundle_id, position=position,
                                             result=done[position]))
        results.append(done[position])
    return results


def _record(engine: Engine, bundle: Bundle, summary: dict[str, Any]) -> dict[str, Any]:
    try:
        with write_session(engine) as session:
            if (done := session.get(ImportedBundle, bundle.bundle_id)) is not None:
                return {**done.summary, "already_imported": True}
            summary["seq"] = emit(session, "bundle.delivered",
                                  {"bundle_id": bundle.bundle_id, "results": summary["results"]},
                                  device_id=bundle.device_id)
            session.add(ImportedBundle(bundle_id=bundle.bundle_id, device_id=bundle.device_id,
                                       imported_at=utcnow(), summary=summary))
            session.execute(delete(BundleProgress).where(BundleProgress.bundle_id == bundle.bundle_id))
            session.flush()  # a concurrent import of the same bundle fails here and rolls back its change
    except IntegrityError:  # imported at the same moment by another process: report that one
        with read_session(engine) as session:
            done = session.get(ImportedBundle, bundle.bundle_id)
            assert done is not None
            return {**done.summary, "already_imported": True}
    return {**summary, "already_imported": False}


def import_bundle(db_url: str, blobs_dir: str | Path, path: str | Path) -> dict[str, Any]:
    """Apply a bundle file; returns {bundle_id, device_id, results, seq, already_imported}."""
    engine, path = get_engine(db_url), Path(path)
    bundle = _load(engine, path)
    with read_session(engine) as session:
        done = session.get(ImportedBundle, bundle.bundle_id)
        if done is not None:
            return {**done.summary, "already_imported": True}
    _store_blobs(BlobStore(engine, Path(blobs_dir)), bundle, path)
    results = _apply_all(engine, bundle)
    summary = {"bundle_id": bundle.bundle_id, "device_id": bundle.device_id, "created_at": bundle.created_at,
               "operations": len(bundle.operations), "blobs": len(bundle.blobs), "results": results}
    return _record(engine, bundle, summary)
