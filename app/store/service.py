"""The store facade used by the CLI and the desk app: create, open, sign in, back up, check.

Opening order matters for telling a wrong password from a damaged file: the key file
authenticates the password first (AES-GCM), so any failure to read the database AFTER a good
password is damage (StoreCorruptError listing the backups), never "wrong password".
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, ContextManager

import sqlcipher3
from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.clock import local_today
from app.codes import check_unit_code
from app.errors import (AuthError, PasswordChangeRequiredError, PermissionDeniedError, StoreError,
                        StoreExistsError)
from app.paths import DataPaths
from app.store import accounts, keys, maintenance, migrate
from app.store.anchors import AnchorSource
from app.store.anchors import compare as compare_anchor
from app.store.audit import append_event, verify_chain
from app.store.blobs import BlobStore, blob_key
from app.store.database import Sessions, is_corruption, make_engine
from app.store.models import OutboxItem, Setting, Unit, User
from app.store.page_check import page_owners, summarise, verify_pages
from app.store.unlock import Unlocked, checked_key, disk_space, require_store, unlock
from app.store.unlock import corrupt as _corrupt
from app.store.unlock import load_keys as _load_keys

ROLES = accounts.ROLES


@dataclass(frozen=True)
class UserInfo:
    id: str
    username: str
    full_name: str
    role: str
    active: bool = True
    must_change: bool = False  # password set by an administrator, not yet replaced

    def to_dict(self) -> dict[str, Any]:
        return {"username": self.username, "full_name": self.full_name, "role": self.role,
                "active": self.active, "must_change_password": self.must_change}


@dataclass(frozen=True)
class UnitInfo:
    code: str
    name: str


@dataclass(frozen=True)
class OutboxStats:
    waiting: int
    quarantined: int
    oldest_created_at: datetime | None


@dataclass(frozen=True)
class CheckReport:
    ok: bool
    integrity: str
    audit_events: int
    audit_ok: bool
    problems: list[str]
    anchors: list[str] = field(default_factory=list)  # the anchors the log was compared against
    anchor_notes: list[str] = field(default_factory=list)  # sources that had none, or no answer
    pages_checked: int | None = None  # with `full`: pages read and decrypted


def store_exists(paths: DataPaths) -> bool:
    return paths.store.exists()


def list_backups(paths: DataPaths) -> list[Path]:
    """Backups in the backups folder, newest first."""
    return maintenance.list_backups(paths)


def restore_backup(paths: DataPaths, backup: Path, *, unlock: maintenance.Unlock | None = None,
                   replace: bool = True, allow_missing_pages: bool = False) -> maintenance.RestoreReport:
    """Replace the store by `backup`; the current file is moved to `damaged/`, never deleted.
    See maintenance.restore_backup for `unlock` (verify every page) and the rest."""
    return maintenance.restore_backup(paths, backup, unlock=unlock, replace=replace,
                                      allow_missing_pages=allow_missing_pages)


@contextmanager
def _damage_is_corruption(paths: DataPaths) -> Iterator[None]:
    """Turn 'file is not a database'/'malformed' from anywhere below into StoreCorruptError,
    and a write lock held too long by someone else into a plain StoreError."""
    try:
        yield
    except (DBAPIError, sqlcipher3.DatabaseError) as error:
        if is_corruption(error):
            raise _corrupt(paths, f"the store {paths.store} is damaged ({getattr(error, 'orig', error)}); "
                                  f"restore a backup") from error
        if "database is locked" in str(getattr(error, "orig", error)):
            raise StoreError(f"the store {paths.store} stayed busy (another window or desk is "
                             f"writing); try again", kind="store.busy") from error
        raise


def _disk_space(paths: DataPaths) -> ContextManager[None]:
    """A write that failed for want of space, anywhere in opening: one plain StoreError."""
    return disk_space(paths, (DBAPIError, sqlcipher3.DatabaseError, OSError))


def _pre_upgrade_backup(paths: DataPaths, key: bytes) -> migrate.BeforeUpgrade:
    def backup(current: str | None, target: str) -> None:
        maintenance.write_backup(paths, key, reason=f"before-{current}-to-{target}", revision=current)
    return backup


class Store:
    """An open, unlocked store and the official signed in to it. Close it when done."""

    def __init__(self, paths: DataPaths, key: bytes, sessions: Sessions, unit: UnitInfo,
                 user: UserInfo) -> None:
        self.paths = paths
        self.unit = unit
        self.user = user
        self._key = key  # needed to wrap keys for new users and to make backups
        self._sessions = sessions
        self._blobs: BlobStore | None = None
        # Signed in with a password an administrator set: the desk asks for a new one first.
        self.must_change_password = False

    @property
    def blobs(self) -> BlobStore:
        """The encrypted page files of this store (key derived from the data key)."""
        if self._blobs is None:
            if not self._key:
                raise StoreError("the store is closed; sign in again to read or attach pages", kind="store.closed")
            self._blobs = BlobStore(self.paths.blobs, blob_key(self._key))
        return self._blobs

    # -- sessions ---------------------------------------------------------------------------
    def session(self) -> ContextManager[Session]:
        """One write transaction (BEGIN IMMEDIATE): commit on exit, roll back on error."""
        return self._guarded(self._sessions.write)

    def read_session(self) -> ContextManager[Session]:
        """A read-only snapshot; never commits."""
        return self._guarded(self._sessions.read)

    @contextmanager
    def _guarded(self, factory: Any) -> Iterator[Session]:
        with _damage_is_corruption(self.paths), factory() as session:
            yield session

    # -- passwords and users ------------------------------------------------------------------
    def verify_password(self, password: str) -> None:
        """Unlock after idle lock: same counters and lockout as sign-in."""
        try:
            self._unlock_or_raise(self.user.username, password)
        finally:
            self._flush_pending_audit()
        with self.session() as session:
            self.record_audit(session, action="unlock", object_type="user", object_id=self.user.id)

    def _unlock_or_raise(self, username: str, password: str) -> bytes:
        return checked_key(self.paths, username, password)[0]

    def add_user(self, *, username: str, full_name: str, role: str, password: str) -> UserInfo:
        """Create an official's account (admin only); they choose their own password at their
        first sign-in, since the administrator knows this one."""
        with self.session() as session, keys.locked(self.paths.keys):
            self._acting_admin(session, "add officials")
            keyfile = _load_keys(self.paths)
            user = accounts.create_user(session, keyfile, username=username, full_name=full_name,
                                        role=role, password=password, data_key=self._key,
                                        must_change=True)
            self.record_audit(session, action="user_added", object_type="user", object_id=user.id,
                              details={"username": username, "role": role})
            keyfile.save()  # before commit: a user row without a key entry could never sign in
            return _user_info(user, must_change=True)

    def list_users(self) -> list[UserInfo]:
        """Every official with role and state (administrators and supervisors)."""
        if self.user.role not in ("admin", "supervisor"):
            raise PermissionDeniedError(f"only an administrator or a supervisor may list officials; "
                                        f"{self.user.username!r} is {self.user.role}")
        keyfile = _load_keys(self.paths)
        with self.read_session() as session:
            return [_user_info(user, must_change=keyfile.must_change(user.username))
                    for user in accounts.list_users(session)]

    def set_role(self, *, username: str, role: str) -> UserInfo:
        """Give an official another role (admin only); never the last active administrator's."""
        accounts.check_role(role)
        with self.session() as session:
            self._acting_admin(session, "change roles")
            user = accounts.get_user(session, username)
            if user.role == role:
                return _user_info(user)
            if role != "admin":
                accounts.refuse_losing_last_admin(session, user)
            self.record_audit(session, action="user_role_changed", object_type="user", object_id=user.id,
                              details={"username": username, "from": user.role, "to": role})
            user.role = role
            info = _user_info(user)
        if username == self.user.username:
            self.user = info
        return info

    def deactivate_user(self, *, username: str) -> None:
        """Take an official's key out of the key file and mark them inactive (admin only).

        Their password then opens nothing; signing in says the account is deactivated. A
        password reset by an administrator wraps the key again and reactivates them."""
        with self.session() as session, keys.locked(self.paths.keys):
            self._acting_admin(session, "deactivate officials")
            user = accounts.get_user(session, username)
            if not user.active:
                raise accounts.AccountError(f"username: {accounts.shown(username)} is already deactivated",
                                            kind="account.already_deactivated", username=username)
            accounts.refuse_losing_last_admin(session, user)
            keyfile = _load_keys(self.paths)
            keyfile.remove_user(username)
            user.active = False
            self.record_audit(session, action="user_deactivated", object_type="user", object_id=user.id,
                              details={"username": username})
            keyfile.save()  # before commit: the key is gone even if the commit fails

    def change_password(self, *, old_password: str, new_password: str) -> None:
        keys.check_password_rules(new_password, field="new_password")
        if new_password == old_password:
            raise accounts.AccountError("new_password: must differ from the current password",
                                        kind="account.same_password")
        self._unlock_or_raise(self.user.username, old_password)
        self._set_password(self.user.username, new_password, action="password_changed", must_change=False)
        self.must_change_password = False

    def reset_password(self, *, username: str, new_password: str, must_change: bool | None = None) -> None:
        """Set an official's password, lift their lock-out and reactivate them (admin only).

        By default the official must choose a new one at their next sign-in, unless the
        administrator resets their own password (after signing in with the recovery key)."""
        keys.check_password_rules(new_password, field="new_password")
        if must_change is None:
            must_change = username != self.user.username
        self._set_password(username, new_password, action="password_reset", must_change=must_change)

    def _set_password(self, username: str, new_password: str, *, action: str, must_change: bool) -> None:
        with self.session() as session, keys.locked(self.paths.keys):
            if action == "password_reset":
                self._acting_admin(session, "reset passwords")
            user = accounts.get_user(session, username)
            keyfile = _load_keys(self.paths)
            keyfile.set_user(username, new_password, self._key, must_change=must_change)
            self.record_audit(session, action=action, object_type="user", object_id=user.id,
                              details={"username": username})
            if not user.active:
                user.active = True
                self.record_audit(session, action="user_reactivated", object_type="user",
                                  object_id=user.id, details={"username": username})
            keyfile.save()

    def _acting_admin(self, session: Session, what: str) -> None:
        """Refuse unless the signed-in official is, right now, an active administrator: another
        desk window may have demoted or deactivated them since they signed in."""
        me = session.get(User, self.user.id)
        if me is None or not me.active or me.role != "admin":
            role = me.role if me is not None and me.active else "deactivated"
            raise PermissionDeniedError(f"only an administrator may {what}; "
                                        f"{self.user.username!r} is {role}")

    # -- audit, settings, outbox --------------------------------------------------------------
    def record_audit(self, session: Session, *, action: str, object_type: str, object_id: str | None,
                     details: dict | None = None) -> None:
        """Append to the audit chain inside `session` (a write session). No personal data."""
        append_event(session, username=self.user.username, action=action, object_type=object_type,
                     object_id=object_id, details=details)

    def _flush_pending_audit(self) -> None:
        """Failed sign-ins happen before the database can be opened; log them now."""
        with keys.locked(self.paths.keys):
            keyfile = _load_keys(self.paths)
            pending = keyfile.take_pending_audit()
            if not pending:
                return
            with self.session() as session:
                for event in pending:
                    append_event(session, username=event.get("username"), action=event["action"],
                                 object_type="user", object_id=None, at=event.get("at"))
            keyfile.save()

    def outbox_stats(self) -> OutboxStats:
        """Pending and quarantined counts; the oldest item not yet accepted by the portal."""
        with self.read_session() as session:
            rows = dict(session.execute(select(OutboxItem.state, func.count())
                                        .group_by(OutboxItem.state)).all())
            oldest = session.scalar(select(func.min(OutboxItem.created_at))
                                    .where(OutboxItem.state != "sent"))
        return OutboxStats(waiting=int(rows.get("pending", 0)),
                           quarantined=int(rows.get("quarantined", 0)), oldest_created_at=oldest)

    def get_setting(self, key: str, default: Any = None) -> Any:
        with self.read_session() as session:
            row = session.get(Setting, key)
            return default if row is None else row.value

    def set_setting(self, key: str, value: Any) -> None:
        with self.session() as session:
            row = session.get(Setting, key)
            if row is None:
                session.add(Setting(key=key, value=value))
            else:
                row.value = value
            self.record_audit(session, action="setting_changed", object_type="setting", object_id=key)

    # -- maintenance --------------------------------------------------------------------------
    def backup(self, out: Path | None = None, *, reason: str = "manual") -> Path:
        """Online, consistent backup zip (store.db + keys.json + manifest); see maintenance.py."""
        with _damage_is_corruption(self.paths):
            path = maintenance.write_backup(self.paths, self._key, reason=reason,
                                            revision=migrate.head_revision(), out=out)
        with self.session() as session:
            self.record_audit(session, action="backup", object_type="store", object_id=None,
                              details={"file": path.name})
        return path

    def check(self, *, full: bool = False, anchor_sources: Sequence[AnchorSource] = ()) -> CheckReport:
        """Integrity check (SQLite + SQLCipher HMACs), audit-chain verification, and the log
        compared with the audit anchors kept outside the store: the newest backup's in the
        backups folder and whatever `anchor_sources` find (the portal's). `full` also reads and
        decrypts every page a dossier or draft references."""
        lookups = [maintenance.backup_anchor(self.paths), *(source(self) for source in anchor_sources)]
        anchors = [lookup.anchor for lookup in lookups if lookup.anchor is not None]
        with self.read_session() as session:
            result = maintenance.integrity(session)
            chain = verify_chain(session)
            tail = [problem for anchor in anchors if (problem := compare_anchor(session, anchor))]
            owners = page_owners(session) if full else {}
        problems = list(result.problems)
        if not chain.ok:
            problems.append(f"audit chain broken at seq {chain.first_broken_seq}")
        problems += tail
        pages = verify_pages(owners, [self.blobs]).problems if full else []
        problems += summarise(pages)
        return CheckReport(ok=not problems, integrity=result.summary, audit_events=chain.events,
                           audit_ok=chain.ok and not tail, problems=problems,
                           anchors=[a.describe() for a in sorted(anchors, key=lambda a: a.at, reverse=True)],
                           anchor_notes=[lookup.note for lookup in lookups if lookup.note],
                           pages_checked=len(owners) if full else None)

    def open_another(self) -> Store:
        """A second handle on this store, same official, its own connections: for a background
        thread (sync) that must outlive a sign-out without racing the UI's handle being closed."""
        if not self._key:
            raise StoreError("the store is closed; sign in again", kind="store.closed")
        return _open_with_key(self.paths, self._key, username=self.user.username)

    def close(self) -> None:
        self._sessions.engine.dispose()
        self._key = b""
        self._blobs = None


def _user_info(user: User, *, must_change: bool = False) -> UserInfo:
    return UserInfo(id=user.id, username=user.username, full_name=user.full_name, role=user.role,
                    active=bool(user.active), must_change=must_change)


def _open_with_key(paths: DataPaths, key: bytes, *, username: str | None) -> Store:
    """Connect, upgrade the schema and load unit and user; None username = first admin."""
    engine = make_engine(paths.store, key)
    try:
        with _damage_is_corruption(paths):
            migrate.upgrade(engine, before_upgrade=_pre_upgrade_backup(paths, key))
            sessions = Sessions(engine)
            with sessions.read() as session:
                unit = session.scalar(select(Unit).order_by(Unit.valid_from.desc()).limit(1))
                user = (accounts.find_user(session, username) if username is not None
                        else accounts.first_admin(session))
        if unit is None:
            raise _corrupt(paths, f"the store {paths.store} has no unit; restore a backup")
        if username is not None and user is not None and not user.active:
            raise keys.account_disabled(username)
        if user is None or not user.active:
            raise AuthError("wrong user name or password" if username else "no active administrator")
    except BaseException:
        engine.dispose()
        raise
    return Store(paths, key, sessions, UnitInfo(code=unit.code, name=unit.name), _user_info(user))


def open_store(paths: DataPaths, *, username: str, password: str, to_change_password: bool = False) -> Store:
    """Sign in and open. Raises StoreMissingError, AuthError, LockedOutError, AccountDisabledError,
    StoreCorruptError (with backups), StoreTooNewError, MigrationError, StoreError (disk full).

    A password an administrator set opens the store only when the caller is about to have it
    replaced (`to_change_password`: the desk's sign-in, `motcua users passwd`); otherwise
    PasswordChangeRequiredError, so a script cannot keep working on a password others know."""
    unlocked = unlock(paths, username=username, password=password)
    return open_unlocked(paths, unlocked, to_change_password=to_change_password)


def open_unlocked(paths: DataPaths, unlocked: Unlocked, *, to_change_password: bool = False) -> Store:
    """The rest of `open_store` once `app.store.unlock.unlock` accepted the password: connect,
    upgrade if needed, load unit and official, audit the sign-in."""
    username = unlocked.username
    with _disk_space(paths):
        if unlocked.must_change and not to_change_password:
            raise PasswordChangeRequiredError(
                f"the password of {username!r} was set by an administrator; choose your own first "
                f"(motcua users passwd, or sign in to the desk app)")
        store = _open_with_key(paths, unlocked.data_key, username=username)
        store.must_change_password = unlocked.must_change
        _after_sign_in(store, "login")
    return store


def open_store_with_recovery(paths: DataPaths, *, recovery_key: str) -> Store:
    """Open with the printed recovery key, acting as the first (oldest active) administrator."""
    require_store(paths)
    raw = keys.parse_recovery_key(recovery_key)
    with _disk_space(paths):
        with keys.locked(paths.keys):
            keyfile = _load_keys(paths)
            data_key = keyfile.unlock_recovery(raw)
            if data_key is None:
                keyfile.save()
                raise AuthError("the recovery key is not correct", kind="auth.recovery_key_wrong")
        store = _open_with_key(paths, data_key, username=None)
        _after_sign_in(store, "login_recovery")
    return store


def _after_sign_in(store: Store, action: str) -> None:
    try:
        store._flush_pending_audit()
        with store.session() as session:
            store.record_audit(session, action=action, object_type="user", object_id=store.user.id)
    except BaseException:
        store.close()
        raise


def create_store(paths: DataPaths, *, unit_code: str, unit_name: str, admin_username: str,
                 admin_full_name: str, admin_password: str) -> tuple[Store, str]:
    """Create the encrypted store and its first admin; returns (open store, recovery key text).

    Built under a temporary name and renamed into place last, so a crash never leaves
    something that looks like a store.
    """
    check_unit_code(unit_code)
    unit_name = accounts.check_name(unit_name, field="unit_name")
    accounts.check_username(admin_username, field="admin_username")
    admin_full_name = accounts.check_name(admin_full_name, field="admin_full_name")
    keys.check_password_rules(admin_password, field="admin_password")
    if store_exists(paths):
        raise StoreExistsError(f"a store already exists at {paths.store}; it was not touched")
    paths.ensure()
    maintenance.set_aside_keys(paths)  # a key file without its store: kept, in case it matters
    data_key, (recovery_raw, recovery_text) = keys.new_data_key(), keys.new_recovery_key()
    building = paths.store.with_name(paths.store.name + ".creating")
    for suffix in ("", "-wal", "-shm"):
        Path(str(building) + suffix).unlink(missing_ok=True)
    keyfile = keys.KeyFile.new(paths.keys, data_key)
    _build(building, data_key, keyfile, unit_code=unit_code, unit_name=unit_name,
           admin_username=admin_username, admin_full_name=admin_full_name, admin_password=admin_password)
    keyfile.set_recovery(recovery_raw, data_key)
    with keys.locked(paths.keys):
        keyfile.save()
    os.replace(building, paths.store)
    keys.fsync_dir(paths.root)
    return _open_with_key(paths, data_key, username=admin_username), recovery_text


def _build(path: Path, data_key: bytes, keyfile: keys.KeyFile, *, unit_code: str, unit_name: str,
           admin_username: str, admin_full_name: str, admin_password: str) -> None:
    engine = make_engine(path, data_key)
    try:
        migrate.upgrade(engine)
        with Sessions(engine).write() as session:
            unit = Unit(code=unit_code, name=unit_name, valid_from=local_today())
            session.add(unit)
            admin = accounts.create_user(session, keyfile, username=admin_username,
                                         full_name=admin_full_name, role="admin",
                                         password=admin_password, data_key=data_key)
            append_event(session, username=admin_username, action="store_created", object_type="unit",
                         object_id=unit.id, details={"unit_code": unit_code})
            append_event(session, username=admin_username, action="user_added", object_type="user",
                         object_id=admin.id, details={"username": admin_username, "role": "admin"})
    finally:
        engine.dispose()  # last connection closes: WAL checkpointed and removed before the rename
