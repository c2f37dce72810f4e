"""Exactly-once effect for mutating requests: the idempotency store (docs/sync-protocol.md §3).

`run_idempotent` claims (device, key) by inserting the record FIRST, then runs the effect and
fills in the outcome, all in one transaction. A concurrent duplicate's insert hits the primary
key: on PostgreSQL it waits for the first transaction and then fails, on SQLite BEGIN IMMEDIATE
makes it wait outright; either way the retry finds the stored outcome and replays it. An effect
that raises rolls back the claim too, so errors are never stored.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import Engine, delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.errors import InputError
from app.wire import KEY_RE
from portal.db import write_session
from portal.devices import AuthenticatedDevice
from portal.errors import PortalError, bad_request
from portal.models import IdempotencyRecord, utcnow

# Retries after a lost race: each pass either replays, sees the conflict, or wins.
MAX_ATTEMPTS = 20

Effect = Callable[[Session, AuthenticatedDevice, dict[str, Any]], tuple[int, dict[str, Any]]]


@dataclass(frozen=True)
class Outcome:
    status: int
    body: dict[str, Any]
    replayed: bool


def request_hash(method: str, path: str, body: Any) -> str:
    """Hash of the request as the protocol compares it: key order and spacing do not matter."""
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(f"{method.upper()}\n{path}\n{canonical}".encode("utf-8")).hexdigest()


def check_key(key: str | None) -> str:
    if not key:
        raise bad_request("Idempotency-Key", "thiếu khóa chống trùng lặp", "missing; every change needs one")
    if not KEY_RE.fullmatch(key):
        raise bad_request("Idempotency-Key", "phải gồm 8–64 chữ, số hoặc . _ : -",
                          "must be 8–64 letters, digits or . _ : -")
    return key


def _replay(record: IdempotencyRecord, wanted_hash: str, key: str) -> Outcome:
    if record.request_hash != wanted_hash:
        raise PortalError(422, "idempotency_mismatch",
                          f"Khóa {key} đã được dùng cho một yêu cầu khác",
                          f"Idempotency key {key} was already used with a different request",
                          field="Idempotency-Key", details={"key": key})
    return Outcome(record.status, record.body, True)


def run_idempotent(engine: Engine, device: AuthenticatedDevice, key: str, method: str, path: str,
                   body: dict[str, Any], effect: Effect) -> Outcome:
    """Apply `effect` once per (device, key); later calls get the first outcome back."""
    wanted = request_hash(method, path, body)
    for _attempt in range(MAX_ATTEMPTS):
        try:
            with write_session(engine) as session:
                record = session.get(IdempotencyRecord, (device.device_id, key))
                if record is not None:
                    return _replay(record, wanted, key)
                claim = IdempotencyRecord(device_id=device.device_id, key=key, request_hash=wanted,
                                          status=0, body={}, acting_user=device.acting_user,
                                          created_at=utcnow())
                session.add(claim)
                session.flush()  # the claim: a concurrent duplicate blocks or fails here
                status, out = effect(session, device, body)
                claim.status, claim.body = status, out
            return Outcome(status, out, False)
        except IntegrityError:
            # Lost a race (the same key, the same dossier code or number block): the winner has
            # committed by now, so the next pass replays it or sees the conflict it caused.
            continue
    raise PortalError(503, "busy", "Cổng đang bận, hãy thử lại", "The portal is busy, try again",
                      headers={"Retry-After": "1"})


KEEP_DAYS = 90  # docs/sync-protocol.md §3: keys are kept at least this long


def purge_records(engine: Engine, *, older_than_days: int = KEEP_DAYS) -> int:
    """Delete stored outcomes older than `older_than_days` (never fewer than KEEP_DAYS).

    A desk retries within days; a key replayed after its record is gone is still harmless,
    because the effects are idempotent by nature too (dossiers by version and content hash,
    events by their id); only a replayed number-block request would reserve a fresh block.
    """
    if older_than_days < KEEP_DAYS:
        raise InputError(f"--older-than-days: {older_than_days} is less than the {KEEP_DAYS} days the "
                         "protocol promises to keep idempotency keys")
    cutoff = utcnow() - timedelta(days=older_than_days)
    with write_session(engine) as session:
        result = session.execute(delete(IdempotencyRecord).where(IdempotencyRecord.created_at < cutoff))
        return int(getattr(result, "rowcount", 0) or 0)  # a CursorResult for a DELETE
