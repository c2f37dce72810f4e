"""Device enrolment with one-time tokens, and authentication of every later request.

Tokens and device secrets carry 256 random bits, so a plain SHA-256 is enough to store them
(a slow password hash protects low-entropy secrets, which these are not) and lets the portal
find the device by the hash of the presented secret with one indexed look-up. That argument
holds only if secrets really are random, so a client-chosen secret that is visibly not (a
repeated or sequential pattern, few distinct characters) is refused at enrolment.

Which units a device may file for, and its number ranges, are in portal/unit_grants.py.
"""

from __future__ import annotations

import hashlib
import math
import secrets
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy import Engine, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.bundle_format import derive_bundle_keys
from app.codes import check_unit_code
from app.errors import InputError, NotFoundError
from app.ids import new_id
from app.limits import DEFAULT_LIMITS
from app.text import collapse_spaces, nfc
from app.wire import SECRET_RE
from portal import unit_grants
from portal.db import as_utc, read_session, write_session
from portal.errors import PortalError, auth_failed, bad_request, validation
from portal.models import Device, DeviceUnit, EnrolmentToken, utcnow

TOKEN_LIFETIME = timedelta(days=7)
MAX_USER_LENGTH = DEFAULT_LIMITS.max_user_chars


@dataclass(frozen=True)
class AuthenticatedDevice:
    """Who is calling: the device, its unit, the units it may file for (its own included) and
    the official named in `X-Acting-User`."""

    device_id: str
    unit_code: str
    slot: int
    acting_user: str
    units: frozenset[str] = field(default_factory=frozenset)
    kind: str = "desk"

    def may_file_for(self, unit_code: str) -> bool:
        return unit_code in self.units


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create_token(engine: Engine, unit_code: str, *, lifetime: timedelta = TOKEN_LIFETIME, kind: str = "desk",
                 grant_units: list[str] | None = None) -> str:
    """A new one-time enrolment token for a device of `kind` in `unit_code`, which will also file
    for `grant_units` (post-office and community-team devices only); only its hash is stored."""
    check_unit_code(unit_code, field="--unit")
    kind = unit_grants.check_kind(kind, "--kind")
    grants = unit_grants.check_grants(kind, list(grant_units or []), unit_code)
    token = secrets.token_urlsafe(32)
    now = utcnow()
    with write_session(engine) as session:
        session.add(EnrolmentToken(token_hash=_digest(token), unit_code=unit_code, created_at=now,
                                   expires_at=now + lifetime, kind=kind, grant_units=grants or None))
    return token


def _check_token(session: Session, token: object) -> EnrolmentToken:
    if not isinstance(token, str) or not token:
        raise validation("token", "thiếu mã đăng ký thiết bị", "the enrolment token is missing")
    row = session.get(EnrolmentToken, _digest(token), with_for_update=True)
    if row is None:
        raise auth_failed("Mã đăng ký thiết bị không đúng", "Unknown enrolment token")
    if row.used_at is not None:
        raise auth_failed("Mã đăng ký thiết bị đã được dùng", "This enrolment token was already used")
    if as_utc(row.expires_at) <= utcnow():
        raise auth_failed("Mã đăng ký thiết bị đã hết hạn", "This enrolment token has expired")
    return row


def _next_slot(session: Session, unit_code: str) -> int:
    """The device's number within its unit: one more than any before, revoked ones included, so
    a number names one device for ever. (Its dossier numbers come from its range, not from this.)"""
    return int(session.scalar(select(func.max(Device.slot)).where(Device.unit_code == unit_code)) or 0) + 1


def looks_random(secret: str) -> bool:
    """Whether a base64url secret shows none of the patterns of a made-up one.

    A secret from `secrets.token_urlsafe(32)` (43 characters) has, over 300,000 draws, at least
    21 distinct characters and 4.17 bits of character entropy, and about 2 of its 42 neighbours
    differ by at most one code point (half of them, 21, has odds below 10^-15); a run of 8
    characters recurring in it has odds of about one in 10^11. The bounds below sit far from
    those figures, so a real random secret is never refused, while repeats, keyboard walks and
    alphabets are.
    """
    counts = Counter(secret)
    entropy = -sum(n / len(secret) * math.log2(n / len(secret)) for n in counts.values())
    steps = sum(1 for a, b in zip(secret, secret[1:]) if abs(ord(a) - ord(b)) <= 1)
    runs = [secret[i:i + 8] for i in range(len(secret) - 7)]
    # Neighbours one code point apart: about 2 of 42 in a random secret (odds 3 in 64 each), so
    # half of them marks a walk; a quarter was refused for about one random secret in 160,000.
    return (len(counts) >= 16 and entropy >= 3.5 and steps <= len(secret) // 2
            and len(set(runs)) == len(runs))


def _client_secret(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not SECRET_RE.fullmatch(value):
        raise validation("device_secret", "phải gồm 43–128 ký tự base64url ngẫu nhiên",
                         "must be 43–128 random base64url characters")
    if not looks_random(value):
        raise validation("device_secret", "không đủ ngẫu nhiên; hãy để máy tạo (secrets.token_urlsafe(32))",
                         "is not random enough; let the machine make it (secrets.token_urlsafe(32))")
    return value


def _enrolment(session: Session, device: Device, secret: str) -> dict[str, object]:
    return {"device_id": device.id, "device_secret": secret, "unit_code": device.unit_code,
            "device_slot": device.slot, "kind": device.kind,
            "units": unit_grants.units_json(session, device.id), "portal_time": utcnow().isoformat()}


def enrol(engine: Engine, token: object, device_name: object,
          device_secret: object = None) -> tuple[int, dict[str, object]]:
    """Spend a token: a new device with a unique slot in its unit (201).

    A desk that chose its own secret can repeat the request after a lost response and gets the
    same device back (200), so enrolment too is exactly once in effect.
    """
    if not isinstance(device_name, str) or not collapse_spaces(device_name) or len(device_name) > 200:
        raise validation("device_name", "cần tên thiết bị (1–200 ký tự)",
                         "a device name of 1–200 characters is required")
    name, chosen = nfc(collapse_spaces(device_name)), _client_secret(device_secret)
    for _attempt in range(5):
        secret = chosen or secrets.token_urlsafe(32)
        try:
            with write_session(engine) as session:
                if (again := _replayed_enrolment(session, token, secret)) is not None:
                    return 200, _enrolment(session, again, secret)
                row = _check_token(session, token)
                enc_key, mac_key = derive_bundle_keys(secret)
                device = Device(id=new_id(), unit_code=row.unit_code, slot=_next_slot(session, row.unit_code),
                                name=name, secret_hash=_digest(secret), bundle_enc_key=enc_key,
                                bundle_mac_key=mac_key, enrolled_at=utcnow(), revoked_at=None,
                                kind=row.kind or "desk")
                session.add(device)
                session.flush()
                by = f"token:{row.token_hash[:12]}"
                unit_grants.add_unit(session, device, row.unit_code, role="own", by=by)
                for unit in row.grant_units or []:
                    unit_grants.add_unit(session, device, unit, role="granted", by=by)
                row.used_at = utcnow()
                row.used_by_device = device.id
                session.flush()
                answer = _enrolment(session, device, secret)
        except IntegrityError:
            continue  # another enrolment of the unit took the same slot or range at once: pick again
        return 201, answer
    raise PortalError(503, "busy", "Cổng đang bận, hãy thử lại", "The portal is busy, try again",
                      headers={"Retry-After": "1"})


def _replayed_enrolment(session: Session, token: object, secret: str) -> Device | None:
    """The device a used token enrolled, when the same secret is presented again."""
    if not isinstance(token, str):
        return None
    row = session.get(EnrolmentToken, _digest(token))
    if row is None or row.used_by_device is None:
        return None
    device = session.get(Device, row.used_by_device)
    if device is None or device.revoked_at is not None or device.secret_hash != _digest(secret):
        return None
    return device


def authenticate(engine: Engine, authorization: str | None, acting_user: str | None, *,
                 mutating: bool) -> AuthenticatedDevice:
    """The device behind `Authorization: Bearer <secret>`; 401 for anything else."""
    if not authorization:
        raise auth_failed("Thiếu thông tin xác thực thiết bị", "Missing Authorization header",
                          code="auth_required")
    scheme, _, secret = authorization.partition(" ")
    if scheme.lower() != "bearer" or not secret.strip():
        raise auth_failed("Thông tin xác thực không hợp lệ", "Authorization must be 'Bearer <device secret>'")
    user = nfc((acting_user or "").strip())
    if mutating and not user:
        raise bad_request("X-Acting-User", "thiếu tên cán bộ thực hiện",
                          "the acting official's user name is missing")
    if len(user) > MAX_USER_LENGTH:
        raise bad_request("X-Acting-User", f"dài quá {MAX_USER_LENGTH} ký tự",
                          f"longer than {MAX_USER_LENGTH} characters")
    with read_session(engine) as session:
        device = session.scalar(select(Device).where(Device.secret_hash == _digest(secret.strip())))
        if device is None:
            raise auth_failed("Thiết bị chưa đăng ký hoặc khóa bí mật sai",
                              "Unknown device or wrong device secret")
        if device.revoked_at is not None:
            raise auth_failed("Thiết bị đã bị thu hồi quyền truy cập", "This device has been revoked")
        units = unit_grants.active_units(session, device.id)
    return AuthenticatedDevice(device.id, device.unit_code, device.slot, user, units, device.kind)


def caller(session: Session, device_id: str, acting_user: str) -> AuthenticatedDevice | None:
    """The device as a caller of operations from one of its USB bundles (same rights as by HTTP)."""
    device = session.get(Device, device_id)
    if device is None or device.revoked_at is not None:
        return None
    return AuthenticatedDevice(device.id, device.unit_code, device.slot, acting_user,
                               unit_grants.active_units(session, device.id), device.kind)


def device_bundle_keys(session: Session, device_id: str) -> tuple[bytes, bytes] | None:
    """The (encryption, MAC) keys of a device's bundles, or None for an unknown or revoked device."""
    device = session.get(Device, device_id)
    if device is None or device.revoked_at is not None:
        return None
    return device.bundle_enc_key, device.bundle_mac_key


def _device(session: Session, device_id: str, *, lock: bool = False) -> Device:
    device = session.get(Device, device_id, with_for_update=lock) if len(device_id) <= 36 else None
    if device is None:
        shown = device_id[:40] + ("…" if len(device_id) > 40 else "")
        raise NotFoundError(f"device: no device {shown!r} on the portal (motcua portal devices list)")
    return device


def revoke_device(engine: Engine, device_id: str) -> dict[str, Any]:
    """Shut a device out (a stolen laptop): its secret and bundle keys stop working at once. Its
    number ranges stay recorded, so a replacement enrolled for the unit never gets them."""
    with write_session(engine) as session:
        device = _device(session, device_id, lock=True)
        device.revoked_at = device.revoked_at or utcnow()
        return unit_grants.profile(session, device)


def list_devices(engine: Engine, *, unit_code: str | None = None) -> list[dict[str, Any]]:
    """Every device (or those of a unit, or granted it), enrolled first first, with its units."""
    with read_session(engine) as session:
        query = select(Device).order_by(Device.enrolled_at, Device.id)
        if unit_code:
            granted = select(DeviceUnit.device_id).where(DeviceUnit.unit_code == unit_code)
            query = query.where(or_(Device.unit_code == unit_code, Device.id.in_(granted)))
        return [unit_grants.profile(session, device) for device in session.scalars(query)]


def grant_unit(engine: Engine, device_id: str, unit_code: str, *, by: str = "portal:admin") -> dict[str, Any]:
    """Let a post-office or community-team device file dossiers for `unit_code`, with a number
    range of its own there; the device learns it from the change feed."""
    check_unit_code(unit_code, field="unit")
    with write_session(engine) as session:
        device = _device(session, device_id, lock=True)
        if device.revoked_at is not None:
            raise InputError(f"device {device_id}: revoked; enrol a new device instead")
        unit_grants.check_grants(device.kind, [unit_code], device.unit_code)
        if unit_code != device.unit_code:
            unit_grants.add_unit(session, device, unit_code, role="granted", by=by)
            unit_grants.announce(session, device)
        return unit_grants.profile(session, device)


def withdraw_unit(engine: Engine, device_id: str, unit_code: str) -> dict[str, Any]:
    """Stop a device filing for a granted unit (its range is never given to anyone again)."""
    with write_session(engine) as session:
        device = _device(session, device_id, lock=True)
        if unit_grants.withdraw_unit(session, device, unit_code):
            unit_grants.announce(session, device)
        return unit_grants.profile(session, device)


def own_profile(engine: Engine, device: AuthenticatedDevice) -> dict[str, Any]:
    """`GET /v1/device`: the calling device as the portal knows it, with its units and ranges."""
    with read_session(engine) as session:
        answer = unit_grants.profile(session, _device(session, device.device_id))
    answer.pop("name", None)
    return answer


def expire_token_now(engine: Engine, token: str) -> None:
    """Make a token expired (admin use, and tests of expiry)."""
    with write_session(engine) as session:
        row = session.get(EnrolmentToken, _digest(token))
        if row is not None:
            row.expires_at = utcnow() - timedelta(seconds=1)
