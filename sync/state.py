"""The sync engine's own rows in the encrypted store's `settings` table.

Credentials (device id and secret) live here, inside the SQLCipher store, never in a plain file.
Bookkeeping (cursor, last success, last error) is written without an audit event: it changes on
every pass and says nothing about who did what.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.codes import DEVICE_SLOT_SETTING
from app.store.models import Setting

PORTAL_URL = "sync.portal_url"
DEVICE_ID = "sync.device_id"
DEVICE_SECRET = "sync.device_secret"
UNIT_CODE = "sync.unit_code"
DEVICE_SLOT = DEVICE_SLOT_SETTING
PENDING_ENROLMENT = "sync.pending_enrolment"  # {token_sha256, secret, portal_url} before the answer
CURSOR = "sync.cursor"
LAST_SUCCESS = "sync.last_success"
LAST_ERROR = "sync.last_error"
LAST_ATTEMPT = "sync.last_attempt"
ONLINE = "sync.online"
AUTH_FAILED = "sync.auth_failed"  # the portal's message, or absent
METERED = "sync.metered"
BLOCK_REQUESTS = "sync.block_requests"  # {day: idempotency key} of reservations in flight
CATALOG_ANNOUNCED = "sync.catalog_announced"
APPLIED_BUNDLE_KEYS = "sync.bundle_results"


def get(session: Session, key: str, default: Any = None) -> Any:
    row = session.get(Setting, key)
    return default if row is None else row.value


def put(session: Session, key: str, value: Any) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def delete(session: Session, key: str) -> None:
    row = session.get(Setting, key)
    if row is not None:
        session.delete(row)
