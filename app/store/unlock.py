"""The first step of signing in: the password checked against the key file, without SQLAlchemy.

`app.store.service.open_store` is this step followed by `open_unlocked`. They are apart so the
desk can check the password (Argon2id: about 0.2 s of CPU, during which argon2-cffi releases the
interpreter) while another thread is still importing the store's modules (SQLAlchemy, the
models: about half a second), instead of one after the other. Nothing here imports the ORM.
"""

from __future__ import annotations

import errno
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from app.errors import AuthError, StoreCorruptError, StoreError, StoreMissingError
from app.paths import DataPaths
from app.store import keys

# Below this much free space a write made while opening (journal, WAL index, the key file's
# failure counter, the sign-in audit event) fails; SQLite then reports only "disk I/O error".
LOW_SPACE_BYTES = 1024 * 1024


@dataclass(frozen=True)
class Unlocked:
    """A password that opened the key file: the data key, and whether an administrator set it."""

    username: str
    data_key: bytes
    must_change: bool

    def __repr__(self) -> str:  # never the key, in a log or a traceback
        return f"Unlocked(username={self.username!r}, must_change={self.must_change})"


def corrupt(paths: DataPaths, message: str) -> StoreCorruptError:
    """A damaged store, with the backups that could replace it."""
    from app.store.maintenance import list_backups  # the rare path: it imports the ORM

    return StoreCorruptError(message, backups=[str(p) for p in list_backups(paths)])


def require_store(paths: DataPaths) -> None:
    if not paths.store.exists():
        raise StoreMissingError(f"no store at {paths.store}; create one with `motcua init`")
    if paths.store.stat().st_size == 0:
        raise corrupt(paths, f"the store {paths.store} is empty; restore a backup")


def load_keys(paths: DataPaths) -> keys.KeyFile:
    try:
        return keys.KeyFile.load(paths.keys)
    except StoreCorruptError as error:
        raise corrupt(paths, error.message) from None


def try_password(keyfile: keys.KeyFile, username: str, password: str) -> bytes | None:
    """Check a password against the key file and persist the counters (caller holds the lock)."""
    try:
        data_key, changed = keyfile.unlock_user(username, password)
    except AuthError:  # locked out or deactivated: the attempt is remembered for the audit log
        keyfile.save()
        raise
    if changed:
        keyfile.save()
    return data_key


@contextmanager
def disk_space(paths: DataPaths, errors: tuple[type[BaseException], ...] = (OSError,)) -> Iterator[None]:
    """Turn a write that failed for want of space (any of `errors`) into one plain StoreError
    ("disk full", naming the folder) instead of a driver traceback; nothing is lost by it."""
    try:
        yield
    except errors as error:
        if not out_of_space(paths, error):
            raise
        raise StoreError(f"disk full: the disk holding {paths.root} has no space left; free some space "
                         "(or move the data folder), then open the store again. Nothing was lost",
                         kind="store.disk_full", params={"folder": str(paths.root)}) from error


def out_of_space(paths: DataPaths, error: BaseException) -> bool:
    if isinstance(error, OSError):
        return error.errno in (errno.ENOSPC, errno.EDQUOT)
    text = str(getattr(error, "orig", error)).lower()
    if "database or disk is full" in text:
        return True
    if "disk i/o error" not in text:
        return False
    try:  # an I/O error with no space left is the full disk, not a failing one
        return shutil.disk_usage(paths.root).free < LOW_SPACE_BYTES
    except OSError:
        return False


def unlock(paths: DataPaths, *, username: str, password: str) -> Unlocked:
    """Check `password` for `username` against the key file (failure counters, lock-out and the
    pending audit of failures kept there as before). Raises StoreMissingError, AuthError,
    LockedOutError, AccountDisabledError, StoreCorruptError (with backups), StoreError (disk full)."""
    require_store(paths)
    with disk_space(paths):
        data_key, must_change = checked_key(paths, username, password)
    return Unlocked(username=username, data_key=data_key, must_change=must_change)


def checked_key(paths: DataPaths, username: str, password: str) -> tuple[bytes, bool]:
    """The data key `password` opens for `username`, and whether an administrator set that
    password; under the key file's lock, its counters saved. Raises AuthError (and its kinds)."""
    with keys.locked(paths.keys):
        keyfile = load_keys(paths)
        data_key = try_password(keyfile, username, password)
        must_change = keyfile.must_change(username)
    if data_key is None:
        raise keys.unknown_credentials()
    return data_key, must_change
