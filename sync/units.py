"""The units this desk may file dossiers for, and its own offline number range in each.

The portal says so at enrolment, in `GET /v1/device`, and whenever it changes through the
`device.units` change of the feed (portal/unit_grants.py). The desk keeps them in one setting,
`codes.offline_ranges` ({unit: [start, end]}), which reception reads to allocate codes
(app/codes.py) and to refuse a dossier for a unit it may not file for before its receipt prints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from app.codes import OFFLINE_RANGES_SETTING, check_offline_range, check_unit_code
from app.errors import InputError
from sync import state
from sync.client import PortalClient
from sync.problems import SyncProblem

if TYPE_CHECKING:  # the store imports much of app/; only the type is needed here
    from app.store.service import Store


def parse_units(units: object, *, where: str) -> dict[str, list[int]]:
    """{unit: [start, end]} from the portal's list; InputError naming the entry when malformed."""
    if not isinstance(units, list) or not units:
        raise InputError(f"{where}: the portal sent no unit list")
    ranges: dict[str, list[int]] = {}
    for i, entry in enumerate(units):
        if not isinstance(entry, dict):
            raise InputError(f"{where}[{i}]: not an object")
        unit = check_unit_code(str(entry.get("unit_code", "")), field=f"{where}[{i}].unit_code")
        start, end = check_offline_range(entry.get("range_start"), entry.get("range_end"), where=f"{where}[{i}]")
        ranges[unit] = [start, end]
    return ranges


def store_units(session: Session, units: object, *, where: str) -> dict[str, list[int]]:
    """Replace the desk's units and ranges with the portal's list (same list twice: no change)."""
    ranges = parse_units(units, where=where)
    state.put(session, OFFLINE_RANGES_SETTING, ranges)
    return ranges


def units_known(session: Session) -> bool:
    return bool(state.get(session, OFFLINE_RANGES_SETTING))


def filing_units(session: Session, own_unit: str) -> list[str]:
    """The units this desk issues codes for: its own first, then those granted to it."""
    ranges = state.get(session, OFFLINE_RANGES_SETTING)
    granted = sorted(u for u in ranges if u != own_unit) if isinstance(ranges, dict) else []
    return [own_unit, *granted]


def refresh_units(store: Store, client: PortalClient) -> str | None:
    """Fetch the device's units when the desk has none yet (enrolled by an earlier version);
    a problem as text, or None. LinkDown propagates."""
    with store.read_session() as session:
        if units_known(session):
            return None
    reply = client.device()
    if reply.status == 404:
        return None  # an older portal without unit grants: the legacy slot range stays in use
    if not reply.ok or not isinstance(reply.body, dict):
        return SyncProblem(f"device units: HTTP {reply.status} {reply.message}", kind="sync.device_units_failed",
                           params={"status": reply.status})
    try:
        with store.session() as session:
            store_units(session, reply.body.get("units"), where="GET /v1/device units")
    except InputError as error:
        return SyncProblem(error.message, kind="sync.portal_answer_malformed")
    return None
