"""Administrator functions that work on the portal's database directly (no HTTP needed).

These back `motcua portal token create|dossiers|status` and are what a test or a province's
integration calls to act as the processing body.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from portal import changes, devices, dossiers, idempotency
from portal.db import get_engine


def create_enrolment_token(db_url: str, unit_code: str, *, lifetime: timedelta = devices.TOKEN_LIFETIME,
                           kind: str = "desk", grant_units: list[str] | None = None) -> str:
    """A one-time token a device of `unit_code` enrols with; printed once, stored hashed. A
    post-office or community-team device may be granted other units at once (`grant_units`)."""
    return devices.create_token(get_engine(db_url), unit_code, lifetime=lifetime, kind=kind,
                                grant_units=grant_units)


def set_status(db_url: str, code: str, status: str, note: str | None = None, *,
               by: str = "portal") -> dict[str, Any]:
    """Record a status change as the processing body would; the unit's desks get it in the feed."""
    return dossiers.set_status(get_engine(db_url), code, status, note, by=by)


def list_dossiers(db_url: str, *, unit_code: str | None = None) -> list[dict[str, Any]]:
    return dossiers.list_dossiers(get_engine(db_url), unit_code=unit_code)


def publish_catalog_version(db_url: str, version: str, *, url: str = "", note: str = "") -> int:
    return changes.publish_catalog_version(get_engine(db_url), version, url=url, note=note)


def publish_holidays(db_url: str, year: int, days: list[dict[str, str]],
                     extra_working_days: list[str] | None = None) -> int:
    return changes.publish_holidays(get_engine(db_url), year, days, extra_working_days)


def revoke_device(db_url: str, device_id: str) -> dict[str, Any]:
    return devices.revoke_device(get_engine(db_url), device_id)


def list_devices(db_url: str, *, unit_code: str | None = None) -> list[dict[str, Any]]:
    return devices.list_devices(get_engine(db_url), unit_code=unit_code)


def grant_unit(db_url: str, device_id: str, unit_code: str) -> dict[str, Any]:
    return devices.grant_unit(get_engine(db_url), device_id, unit_code)


def reset_anchor(db_url: str, device_id: str) -> dict[str, Any] | None:
    from portal.anchors import reset_anchor as reset

    return reset(get_engine(db_url), device_id)


def withdraw_unit(db_url: str, device_id: str, unit_code: str) -> dict[str, Any]:
    return devices.withdraw_unit(get_engine(db_url), device_id, unit_code)


def purge_idempotency(db_url: str, *, older_than_days: int = idempotency.KEEP_DAYS) -> int:
    """Forget idempotency records older than `older_than_days`; returns how many went."""
    return idempotency.purge_records(get_engine(db_url), older_than_days=older_than_days)
