"""Device enrolment with one-time tokens, and authentication of every later request.

Tokens and device secrets carry 256 random bits, so a plain SHA-256 is enough to store them
(a slow password hash protects low-entropy secrets, which these are not) and lets the portal
find the device by the hash of the presented secret with one indexed look-up.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.codes import DEVICE_SLOTS, check_unit_code
from app.limits import DEFAULT_LIMITS
from app.ids import new_id
from app.text import collapse_spaces, nfc
from app.wire import SECRET_RE
from app.bundle_format import derive_bundle_keys
from portal.db import as_utc, read_session, write_session
from portal.errors import PortalError, auth_failed, bad_request, validation
from portal.models import Device, EnrolmentToken, utcnow

TOKEN_LIFETIME = timedelta(days=7)
MAX_USER_LENGTH = DEFAULT_LIMITS.max_user_chars


@dataclass(frozen=True)
class AuthenticatedDevice:
    """Who is calling: the device, its unit and the official named in `X-Acting-User`."""

    device_id: str
    unit_code: str
    slot: int
    acting_user: str


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create_token(engine: Engine, unit_code: str, *, lifetime: timedelta = TOKEN_LIFETIME) -> str:
    """A new one-time enrolment token for `unit_code`; only its hash is stored."""
    check_unit_code(unit_code, field="--unit")
    token = secrets.token_urlsafe(32)
    now = utcnow()
    with write_session(engine) as session:
        session.add(EnrolmentToken(token_hash=_digest(token), unit_code=unit_code, created_at=now,
                                   expires_at=now + lifetime))
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


def _free_slot(session: Session, unit_code: str) -> int:
    taken = set(session.scalars(select(Device.slot).where(Device.unit_code == unit_code)))
    for slot in DEVICE_SLOTS:
        if slot not in taken:
            return slot
    raise PortalError(409, "codes_exhausted", f"Đơn vị {unit_code} đã có đủ 9 thiết bị",
                      f"Unit {unit_code} already has 9 devices", details={"unit_code": unit_code})


def _client_secret(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not SECRET_RE.fullmatch(value):
        raise validation("device_secret", "phải gồm 43–128 ký tự base64url ngẫu nhiên",
                         "must be 43–128 random base64url characters")
    return value


def _enrolment(device: Device, secret: str) -> dict[str, object]:
    return {"device_id": device.id, "device_secret": secret, "unit_code": device.unit_code,
            "device_slot": device.slot, "portal_time": utcnow().isoformat()}


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
                    return 200, _enrolment(again, secret)
                row = _check_token(session, token)
                enc_key, mac_key = derive_bundle_keys(secret)
                device = Device(id=new_id(), unit_code=row.unit_code, slot=_free_slot(session, row.unit_code),
                                name=name, secret_hash=_digest(secret), bundle_enc_key=enc_key,
                                bundle_mac_key=mac_key, enrolled_at=utcnow(), revoked_at=None)
                session.add(device)
                row.used_at = utcnow()
                row.used_by_device = device.id
                session.flush()
        except IntegrityError:
            continue  # another enrolment of the unit took the same slot at the same moment: pick again
        return 201, _enrolment(device, secret)
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
    with read_session(engine) as session:
        device = session.scalar(select(Device).where(Device.secret_hash == _digest(secret.strip())))
    if device is None:
        raise auth_failed("Thiết bị chưa đăng ký hoặc khóa bí mật sai",
                          "Unknown device or wrong device secret")
    if device.revoked_at is not None:
        raise auth_failed("Thiết bị đã bị thu hồi quyền truy cập", "This device has been revoked")
    user = nfc((acting_user or "").strip())
    if mutating and not user:
        raise bad_request("X-Acting-User", "thiếu tên cán bộ thực hiện",
                          "the acting official's user name is missing")
    if len(user) > MAX_USER_LENGTH:
        raise bad_request("X-Acting-User", f"dài quá {MAX_USER_LENGTH} ký tự",
                          f"longer than {MAX_USER_LENGTH} characters")
    return AuthenticatedDevice(device.id, device.unit_code, device.slot, user)


def device_bundle_keys(session: Session, device_id: str) -> tuple[bytes, bytes] | None:
    """The (encryption, MAC) keys of a device's bundles, or None for an unknown or revoked device."""
    device = session.get(Device, device_id)
    if device is None or device.revoked_at is not None:
        return None
    return device.bundle_enc_key, device.bundle_mac_key


def revoke_device(engine: Engine, device_id: str) -> None:
    with write_session(engine) as session:
        device = session.get(Device, device_id)
        if device is None:
            raise validation("device_id", f"không có thiết bị {device_id}", f"no device {device_id}")
        device.revoked_at = device.revoked_at or utcnow()


def expire_token_now(engine: Engine, token: str) -> None:
    """Make a token expired (admin use, and tests of expiry)."""
    with write_session(engine) as session:
        row = session.get(EnrolmentToken, _digest(token))
        if row is not None:
            row.expires_at = utcnow() - timedelta(seconds=1)
