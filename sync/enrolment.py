"""Enrolling this desk with a portal using a one-time token (docs/sync-protocol.md §2).

The secret is made HERE and stored (encrypted, in the store) before it is sent: if the answer is
lost, enrolling again with the same token and secret gets the same device instead of a burnt token.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from app.errors import AuthError, InputError, PermissionDeniedError
from app.training import refuse_in_training
from app.wire import EnrolAnswer, WireProblem, parse
from sync import state
from sync.client import LinkDown, PortalClient, PortalUnreachable, check_portal_url
from sync.limits import remember_citizen_url
from sync.units import store_units
from app.codes import OFFLINE_RANGES_SETTING

if TYPE_CHECKING:  # the store imports much of app/; only the type is needed here
    from app.store.service import Store


@dataclass(frozen=True)
class Enrolment:
    portal_url: str
    device_id: str
    unit_code: str
    device_slot: int
    units: dict[str, list[int]] | None = None  # {unit: [range start, end]}; None from older portals

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _secret_for(store: Store, url: str, token: str) -> str:
    """The secret to send: the one already tried with this token, else a new one, saved first."""
    token_hash = hashlib.sha256(token.encode("utf-8")).hexdigest()
    with store.session() as session:
        pending = state.get(session, state.PENDING_ENROLMENT)
        if isinstance(pending, dict) and pending.get("token_sha256") == token_hash \
                and pending.get("portal_url") == url:
            return str(pending["secret"])
        secret = secrets.token_urlsafe(32)
        state.put(session, state.PENDING_ENROLMENT,
                  {"token_sha256": token_hash, "secret": secret, "portal_url": url})
        return secret


def enrol(store: Store, portal_url: str, token: str, *, device_name: str = "Máy tiếp nhận") -> Enrolment:
    """Enrol with `token`; store the credentials and the device's number slot. Admin only."""
    refuse_in_training(store, "enrol")  # first: whoever asks, sample data never goes to a portal
    if store.user.role != "admin":
        raise PermissionDeniedError(f"only an administrator may enrol this desk; "
                                    f"{store.user.username!r} is {store.user.role}", kind="sync.enrol_admin_only")
    url = check_portal_url(portal_url)
    token = (token or "").strip()
    if not token:
        raise InputError("token: the one-time enrolment token is missing", kind="sync.enrol_token_missing")
    secret = _secret_for(store, url, token)
    portal = {"portal": url}
    with PortalClient(url) as client:
        try:
            reply = client.enrol(token, device_name, secret)
        except LinkDown as error:
            raise PortalUnreachable(f"portal {url}: no answer ({error}); nothing changed, try again with "
                                    f"the same token", kind="sync.enrol_portal_unreachable", params=portal) from None
    if reply.status in (401, 403):
        raise AuthError(f"portal {url} refused the token: {reply.message}", kind="sync.enrol_token_refused",
                        params={**portal, **reply.words})
    if not reply.ok or not isinstance(reply.body, dict):
        raise InputError(f"portal {url} refused the enrolment: {reply.message}", kind="sync.enrol_refused",
                         params={**portal, **reply.words})
    try:
        body = parse(EnrolAnswer, reply.body)
    except WireProblem as problem:
        raise InputError(f"portal {url} answered the enrolment with a malformed body ({problem}); "
                         "nothing changed, try again with the same token", kind="sync.enrol_answer_malformed",
                         params=portal) from None
    if body.unit_code != store.unit.code:
        raise InputError(f"token: it enrols a desk of unit {body.unit_code}, but this desk serves "
                         f"{store.unit.code}; ask for a token of the right unit", kind="sync.enrol_wrong_unit",
                         params={"token_unit": body.unit_code, "desk_unit": store.unit.code})
    result = Enrolment(url, body.device_id, body.unit_code, body.device_slot)
    with store.session() as session:
        if body.units:
            result = replace(result, units=store_units(session, [u.model_dump() for u in body.units],
                                                       where="enrolment answer units"))
        else:  # a portal before unit grants sends only the slot: the range it meant is used
            state.delete(session, OFFLINE_RANGES_SETTING)
        state.put(session, state.PORTAL_URL, url)
        state.put(session, state.DEVICE_ID, result.device_id)
        state.put(session, state.DEVICE_SECRET, body.device_secret or secret)
        state.put(session, state.UNIT_CODE, result.unit_code)
        state.put(session, state.DEVICE_SLOT, result.device_slot)
        state.delete(session, state.PENDING_ENROLMENT)
        state.delete(session, state.AUTH_FAILED)
        # A different portal means a different feed: start its cursor from the beginning.
        state.put(session, state.CURSOR, 0)
        store.record_audit(session, action="sync.enrolled", object_type="device",
                           object_id=result.device_id,
                           details={"portal": url, "unit_code": result.unit_code, "slot": result.device_slot})
    # The citizen pages' address now, so the very next receipt points there; without an answer
    # the first sync pass asks again.
    try:
        with PortalClient(url) as client:
            remember_citizen_url(store, client.limits())
    except LinkDown:
        pass
    return result


@dataclass(frozen=True)
class Credentials:
    portal_url: str
    device_id: str
    secret: str
    unit_code: str


def credentials(session: Any) -> Credentials | None:
    """The enrolled device, or None when this desk was never enrolled."""
    url, device, secret = (state.get(session, k) for k in (state.PORTAL_URL, state.DEVICE_ID,
                                                           state.DEVICE_SECRET))
    if not (url and device and secret):
        return None
    return Credentials(str(url), str(device), str(secret), str(state.get(session, state.UNIT_CODE, "")))
