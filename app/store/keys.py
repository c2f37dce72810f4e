"""The key file: the random data key wrapped once per user and once for the recovery key.

A stolen laptop holds `store.db` (SQLCipher, keyed with a random 32-byte data key) and
`keys.json`. The data key never appears in clear on disk: each entry wraps it with AES-256-GCM
under a key derived from a secret (Argon2id for passwords and the recovery key). A wrong
password is simply an AES-GCM tag failure. The failed-attempt counters and lock-out times live
here too, because they must work before the database can be opened.

Layout (JSON, written atomically: temp file, fsync, rename):
    {"format": 1, "key_id": "<sha256 of the data key, 16 hex>",
     "users": {"<username>": {<entry>, "failed_attempts": 0, "locked_until": null,
                              "must_change": false}},
     "deactivated": ["<username>", …],
     "recovery": {<entry>}, "pending_audit": [{"at", "username", "action"}]}
    entry = {"salt", "nonce", "wrapped_key" (base64), "kdf": {"alg": "argon2id", "time_cost",
             "memory_kib", "parallelism", "hash_len", "version"}}
The parameters are stored per entry, so a file made under one KDF profile reads under another.

A deactivated official has no entry at all (nothing left that could open the store), only their
name under "deactivated", so signing in can say "deactivated" instead of "wrong password".
"must_change" marks a password an administrator set: it works once, to choose a new one.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import sys
import secrets
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from argon2.low_level import ARGON2_VERSION, Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.clock import to_local
from app.errors import AccountDisabledError, AuthError, InputError, LockedOutError, StoreCorruptError
from app.files import fsync_dir  # noqa: F401 - part of this module's interface
from app.text import nfc

FORMAT = 1
DATA_KEY_BYTES = 32
RECOVERY_BYTES = 25  # 200 bits -> exactly 40 base32 characters, no padding
MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=5)
MAX_PENDING_AUDIT = 200  # failed logins remembered until someone signs in and logs them
_AAD_PREFIX = b"motcua-desk/keys/v1/"


@dataclass(frozen=True)
class KdfParams:
    time_cost: int
    memory_kib: int
    parallelism: int
    hash_len: int = 32

    def as_json(self) -> dict[str, Any]:
        return {"alg": "argon2id", "time_cost": self.time_cost, "memory_kib": self.memory_kib,
                "parallelism": self.parallelism, "hash_len": self.hash_len, "version": ARGON2_VERSION}


PRODUCTION_KDF = KdfParams(time_cost=3, memory_kib=64 * 1024, parallelism=2)
TEST_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)


def kdf_profile() -> KdfParams:
    """Parameters for new entries: production unless MOTCUA_KDF_PROFILE=test (cheap, tests only)."""
    return TEST_KDF if os.environ.get("MOTCUA_KDF_PROFILE") == "test" else PRODUCTION_KDF


def new_data_key() -> bytes:
    return secrets.token_bytes(DATA_KEY_BYTES)


def key_id(data_key: bytes) -> str:
    """A short fingerprint that tells whether a store and a key file belong together."""
    return hashlib.sha256(b"motcua-desk/key-id/" + data_key).hexdigest()[:16]


def new_recovery_key() -> tuple[bytes, str]:
    """A fresh recovery secret and its printable form `ABCD-EFGH-…` (10 groups of 4)."""
    raw = secrets.token_bytes(RECOVERY_BYTES)
    text = base64.b32encode(raw).decode("ascii")
    return raw, "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes:
    """Accept the printed recovery key with any spacing, case or dashes; fix look-alike digits."""
    cleaned = "".join(ch for ch in text.upper() if ch not in "- \t\r\n")
    cleaned = cleaned.translate(str.maketrans("018", "OIB"))
    if len(cleaned) != 40:
        raise InputError(f"recovery key: expected 40 letters and digits (10 groups of 4), "
                         f"got {len(cleaned)}", kind="auth.recovery_key_length", params={"count": len(cleaned)})
    try:
        return base64.b32decode(cleaned)
    except ValueError:
        raise InputError("recovery key: contains characters that are not A–Z or 2–7",
                         kind="auth.recovery_key_characters") from None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _derive(secret: bytes, salt: bytes, kdf: dict[str, Any]) -> bytes:
    return hash_secret_raw(secret=secret, salt=salt, time_cost=int(kdf["time_cost"]),
                           memory_cost=int(kdf["memory_kib"]), parallelism=int(kdf["parallelism"]),
                           hash_len=int(kdf["hash_len"]), type=Type.ID, version=int(kdf["version"]))


def wrap(secret: bytes, data_key: bytes, label: str) -> dict[str, Any]:
    """A new entry wrapping `data_key` under `secret`; `label` binds it to its owner."""
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    kdf = kdf_profile().as_json()
    sealed = AESGCM(_derive(secret, salt, kdf)).encrypt(nonce, data_key, _AAD_PREFIX + label.encode())
    return {"salt": _b64(salt), "nonce": _b64(nonce), "wrapped_key": _b64(sealed), "kdf": kdf}


def unwrap(secret: bytes, entry: dict[str, Any], label: str) -> bytes | None:
    """The data key, or None if `secret` is wrong (AES-GCM tag failure)."""
    kek = _derive(secret, _unb64(entry["salt"]), entry["kdf"])
    try:
        return AESGCM(kek).decrypt(_unb64(entry["nonce"]), _unb64(entry["wrapped_key"]),
                                   _AAD_PREFIX + label.encode())
    except InvalidTag:
        return None


def password_secret(password: str) -> bytes:
    # NFC so a password typed with a different Vietnamese input method still matches.
    return nfc(password).encode("utf-8")


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def _wall_clock(until: str) -> str:
    """A lockout end (UTC ISO text, as stored) on the unit's wall clock, as officials read it."""
    return f"{to_local(datetime.fromisoformat(until.replace('Z', '+00:00'))):%H:%M %d/%m/%Y} (Vietnam time)"


class KeyFile:
    """The parsed key file; mutate it only inside `locked(path)` and then `save()`."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self.data = data

    @classmethod
    def new(cls, path: Path, data_key: bytes) -> "KeyFile":
        return cls(path, {"format": FORMAT, "key_id": key_id(data_key), "users": {},
                          "recovery": None, "pending_audit": []})

    @classmethod
    def load(cls, path: Path) -> "KeyFile":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise StoreCorruptError(f"key file {path} is missing; restore it from a backup") from None
        except (OSError, ValueError) as error:
            raise StoreCorruptError(f"key file {path} cannot be read: {error}") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT or "users" not in data:
            raise StoreCorruptError(f"key file {path} is not a MotCua Desk key file (format 1)")
        return cls(path, data)

    def save(self) -> None:
        """Atomic replace: a crash leaves either the old or the new file, never half of one."""
        payload = json.dumps(self.data, indent=1, sort_keys=True).encode("utf-8")
        fd, tmp = tempfile.mkstemp(prefix=".keys-", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        fsync_dir(self.path.parent)

    @property
    def key_id(self) -> str:
        return str(self.data.get("key_id", ""))

    def has_user(self, username: str) -> bool:
        return username in self.data["users"]

    def set_user(self, username: str, password: str, data_key: bytes, *, must_change: bool = False) -> None:
        """Add or replace a user's entry (new password); clears that user's counters and takes
        them off the deactivated list (a new wrapped key is what reactivating means)."""
        entry = wrap(password_secret(password), data_key, f"user:{username}")
        entry.update(failed_attempts=0, locked_until=None, must_change=must_change)
        self.data["users"][username] = entry
        if username in self.deactivated:
            self.data["deactivated"] = [name for name in self.deactivated if name != username]

    def remove_user(self, username: str) -> None:
        """Deactivate: drop the wrapped key (the password opens nothing any more), keep the name."""
        self.data["users"].pop(username, None)
        if username not in self.deactivated:
            self.data["deactivated"] = sorted([*self.deactivated, username])

    @property
    def deactivated(self) -> list[str]:
        return list(self.data.get("deactivated") or [])

    def must_change(self, username: str) -> bool:
        """Whether the user's password was set by an administrator and must be replaced."""
        entry = self.data["users"].get(username)
        return bool(entry and entry.get("must_change"))

    def set_recovery(self, recovery_raw: bytes, data_key: bytes) -> None:
        self.data["recovery"] = wrap(recovery_raw, data_key, "recovery")

    def unlock_user(self, username: str, password: str) -> tuple[bytes | None, bool]:
        """Try a password: (data key or None, whether the file changed and must be saved).

        Raises LockedOutError while the user is locked, and on the failure that locks them.
        """
        entry = self.data["users"].get(username)
        if entry is None:
            # Same work as a real attempt, so response time does not reveal which names exist.
            _derive(password_secret(password), bytes(16), kdf_profile().as_json())
            if username in self.deactivated:
                # Their key is gone, so the password cannot be checked; saying "wrong password"
                # would only send them round in circles.
                self._remember("login_refused_deactivated", username)
                raise account_disabled(username)
            self._remember("login_failed", None)
            return None, True
        now = _now()
        until = entry.get("locked_until")
        if until and datetime.fromisoformat(until.replace("Z", "+00:00")) > now:
            raise LockedOutError(f"user {username!r} is locked after {MAX_FAILURES} failed attempts "
                                 f"until {_wall_clock(until)}", until=until)
        data_key = unwrap(password_secret(password), entry, f"user:{username}")
        if data_key is not None:
            changed = bool(entry.get("failed_attempts")) or entry.get("locked_until") is not None
            entry.update(failed_attempts=0, locked_until=None)
            return data_key, changed
        entry["failed_attempts"] = int(entry.get("failed_attempts", 0)) + 1
        self._remember("login_failed", username)
        if entry["failed_attempts"] >= MAX_FAILURES:
            entry.update(failed_attempts=0, locked_until=_iso(now + LOCKOUT))
            self._remember("user_locked", username)
            raise LockedOutError(f"user {username!r} is locked for {int(LOCKOUT.total_seconds() // 60)} "
                                 f"minutes after {MAX_FAILURES} failed attempts, until "
                                 f"{_wall_clock(entry['locked_until'])}", until=entry["locked_until"])
        return None, True

    def unlock_recovery(self, recovery_raw: bytes) -> bytes | None:
        entry = self.data.get("recovery")
        if not entry:
            return None
        data_key = unwrap(recovery_raw, entry, "recovery")
        if data_key is None:
            self._remember("recovery_failed", None)
        return data_key

    def _remember(self, action: str, username: str | None) -> None:
        # The username only when it is a real account: a password typed into the user-name
        # field must never end up in the audit log.
        pending = self.data.setdefault("pending_audit", [])
        pending.append({"at": _iso(_now()), "username": username, "action": action})
        del pending[:-MAX_PENDING_AUDIT]

    def take_pending_audit(self) -> list[dict[str, Any]]:
        pending = list(self.data.get("pending_audit") or [])
        self.data["pending_audit"] = []
        return pending


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Serialise read-modify-write of the key file between processes (two desks, one PC)."""
    lock_path = path.with_name(path.name + ".lock")
    with open(lock_path, "a+b") as handle:
        _lock(handle.fileno())
        try:
            yield
        finally:
            _unlock(handle.fileno())


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_LOCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def check_password_rules(password: str, *, field: str = "password") -> None:
    """Minimum length 8 (counted in characters after NFC)."""
    if len(nfc(password)) < 8:
        raise InputError(f"{field}: must be at least 8 characters long", kind="account.password_too_short",
                         params={"min": 8})


def account_disabled(username: str) -> AccountDisabledError:
    return AccountDisabledError(f"the account {username!r} has been deactivated; an administrator "
                                f"can reactivate it with a new password (users reset-password)")


def unknown_credentials() -> AuthError:
    """The one message for 'no such user' and 'wrong password', so neither can be probed."""
    return AuthError("wrong user name or password")
