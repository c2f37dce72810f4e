"""The sync engine's own rows in the encrypted store's `settings` table (declared in app/options.py).

Credentials (device id and secret) live here, inside the SQLCipher store, never in a plain file.
Bookkeeping (cursor, last success, last error) is written without an audit event: it changes on
every pass and says nothing about who did what.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app import options
from app.store.models import Setting

PORTAL_URL = options.PORTAL_URL.key
DEVICE_ID = options.DEVICE_ID.key
DEVICE_SECRET = options.DEVICE_SECRET.key
UNIT_CODE = options.UNIT_CODE.key
DEVICE_SLOT = options.DEVICE_SLOT.key
PENDING_ENROLMENT = options.PENDING_ENROLMENT.key
CURSOR = options.CURSOR.key
LAST_SUCCESS = options.LAST_SUCCESS.key
LAST_ERROR = options.LAST_ERROR.key
LAST_ATTEMPT = options.LAST_ATTEMPT.key
ONLINE = options.ONLINE.key
AUTH_FAILED = options.AUTH_FAILED.key
METERED = options.METERED.key
BLOCK_REQUESTS = options.BLOCK_REQUESTS.key
CATALOG_ANNOUNCED = options.CATALOG_ANNOUNCED.key
APPLIED_BUNDLE_KEYS = options.BUNDLE_RESULTS.key


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
