"""Importing a USB bundle (docs/sync-protocol.md §8) through the same path as HTTP requests.

Blobs are verified and stored first, then each operation is applied with its own idempotency
key in outbox order, then one `bundle.delivered` change tells the desk every outcome. A bundle
already imported is not applied again; its first summary is returned.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from app.errors import InputError
from portal.blobs import BlobStore
from app.bundle_format import Bundle, read_bundle
from portal.changes import emit
from portal.db import get_engine, read_session, write_session
from portal.devices import caller as device_caller
from portal.devices import device_bundle_keys
from portal.errors import PortalError
from portal.models import ImportedBundle, utcnow
from portal.operations import apply_operation


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


def _apply_all(engine: Engine, bundle: Bundle) -> list[dict[str, Any]]:
    results = []
    for op in bundle.operations:
        with read_session(engine) as session:  # per operation: a grant may change during a long import
            caller = device_caller(session, bundle.device_id, op.acting_user)
        if caller is None:  # revoked since the signature was checked
            error = PortalError(401, "auth_failed", "Thiết bị đã bị thu hồi quyền truy cập",
                                "This device has been revoked")
            results.append({"key": op.key, "status": error.status, "body": error.body()})
            continue
        try:
            outcome = apply_operation(engine, caller, op.key, op.method, op.path, op.body)
            results.append({"key": op.key, "status": outcome.status, "body": outcome.body})
        except PortalError as error:
            results.append({"key": op.key, "status": error.status, "body": error.body()})
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
