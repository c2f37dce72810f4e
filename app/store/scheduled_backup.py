"""Daily backups to a chosen folder (a USB drive, a second disk), kept to the newest N.

One pass (`run_backup_to_folder`) is shared by the desk app's scheduler and `motcua backup --to
FOLDER --keep N` (Task Scheduler or cron, when the app is closed):
1. the backup is written under a hidden temporary name in the folder (`.partial-…`), so a pass
   cut short (USB pulled, disk full, power lost) never leaves a file that looks like a backup;
2. the written file is verified: every member read back against its CRC, the manifest complete,
   `store.db` against its SHA-256 (`verify_backup_file`);
3. only then it is renamed to its final `motcua-backup-…-daily.zip` name and recorded as the last
   good backup in the store (BACKUP_LAST_GOOD);
4. only then the folder is pruned to the newest `keep` whole backups; the one just written is never
   pruned, and neither are files that are not whole backups (a person looks at those).
A failure leaves the folder as it was (the temporary file removed when the disk lets us), is
recorded as BACKUP_LAST_PROBLEM with a problem kind, and the next due check tries again.
"""

from __future__ import annotations

import errno
import os
import zipfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import options
from app.errors import InputError, MotcuaError, StoreCorruptError, StoreError
from app.paths import DataPaths
from app.store import maintenance
from app.store.keys import fsync_dir

if TYPE_CHECKING:
    from app.store.service import Store

PARTIAL_PREFIX = ".partial-"
NOT_WORK = ("backup", "setting_changed", "unlock")  # audit actions a restore does not undo for anyone
REASON = "daily"
MIN_KEEP, MAX_KEEP = 1, 365
DEFAULT_TIME = "12:00"
WARN_AFTER = timedelta(days=2)  # the status bar warns when the last good backup is older


@dataclass(frozen=True)
class BackupSettings:
    folder: str
    time_of_day: str  # "HH:MM", local time
    keep: int


@dataclass(frozen=True)
class FolderBackup:
    """One backup file in the folder, as the Sao lưu tab lists it."""

    path: Path
    created_at: datetime | None  # from the manifest; None when it cannot be read
    size: int
    whole: bool  # the manifest reads and names every member


@dataclass(frozen=True)
class BackupOutcome:
    path: Path
    pages: int
    pruned: list[Path]


def _clamp_keep(value: Any) -> int:
    try:
        return min(MAX_KEEP, max(MIN_KEEP, int(value)))
    except (TypeError, ValueError):
        return int(options.BACKUP_KEEP.default)


def parse_time_of_day(value: str) -> tuple[int, int]:
    """(hour, minute) of "HH:MM"; InputError naming the field otherwise."""
    try:
        hour, minute = (int(part) for part in str(value).strip().split(":"))
        if 0 <= hour < 24 and 0 <= minute < 60:
            return hour, minute
    except ValueError:
        pass
    raise InputError(f"backup time: {str(value)[:40]!r} is not a time of day HH:MM", kind="backup.time_bad",
                     params={"value": str(value)[:40]})


def read_settings(store: Store) -> BackupSettings:
    time_of_day = str(store.get_setting(options.BACKUP_TIME.key, DEFAULT_TIME) or DEFAULT_TIME)
    try:
        parse_time_of_day(time_of_day)
    except InputError:
        time_of_day = DEFAULT_TIME
    return BackupSettings(folder=str(store.get_setting(options.BACKUP_FOLDER.key, "") or ""),
                          time_of_day=time_of_day,
                          keep=_clamp_keep(store.get_setting(options.BACKUP_KEEP.key, options.BACKUP_KEEP.default)))


def save_settings(store: Store, settings: BackupSettings) -> BackupSettings:
    """Check, then write all three (nothing is written when one is wrong)."""
    parse_time_of_day(settings.time_of_day)
    if not isinstance(settings.keep, int) or not MIN_KEEP <= settings.keep <= MAX_KEEP:
        raise InputError(f"backup keep: {settings.keep!r} is not between {MIN_KEEP} and {MAX_KEEP}",
                         kind="backup.keep_bad", params={"min": MIN_KEEP, "max": MAX_KEEP})
    folder = settings.folder.strip()
    if folder and not Path(folder).is_absolute():
        raise InputError(f"backup folder: {folder[:40]!r} is not a full path", kind="backup.folder_relative",
                         params={"folder": folder[:40]})
    store.set_setting(options.BACKUP_FOLDER.key, folder)
    store.set_setting(options.BACKUP_TIME.key, settings.time_of_day.strip())
    store.set_setting(options.BACKUP_KEEP.key, settings.keep)
    return BackupSettings(folder, settings.time_of_day.strip(), settings.keep)


def last_good(store: Store) -> datetime | None:
    """When the newest verified scheduled backup was made (local time), or None."""
    value = store.get_setting(options.BACKUP_LAST_GOOD.key)
    try:
        return datetime.fromisoformat(value["at"]) if isinstance(value, dict) else None
    except (KeyError, TypeError, ValueError):
        return None


def last_problem(store: Store) -> dict[str, Any] | None:
    value = store.get_setting(options.BACKUP_LAST_PROBLEM.key)
    return value if isinstance(value, dict) else None


def is_due(last: datetime | None, now: datetime, time_of_day: str) -> bool:
    """Today's backup is due once its time has come and none was made since; a day missed
    (the desk was off at that time) makes it due at once."""
    if last is None:
        return True
    hour, minute = parse_time_of_day(time_of_day)
    slot = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if now < slot:
        slot -= timedelta(days=1)  # before today's time: yesterday's slot is the one to have made
    return last < slot


def is_stale(last: datetime | None, now: datetime) -> bool:
    """The status bar warns: no good backup, or the last is older than two days."""
    return last is None or now - last > WARN_AFTER


def _folder_problem(folder: Path, error: OSError) -> StoreError:
    """A clear kind for what goes wrong with a backup folder; the OS's words stay in the log."""
    code = error.errno
    if code == errno.ENOSPC:
        kind = "backup.folder_full"
    elif code in (errno.EROFS, errno.EACCES, errno.EPERM):
        kind = "backup.folder_read_only"
    elif code in (errno.ENOENT, errno.ENOTDIR, errno.ENODEV, errno.EIO) or not folder.is_dir():
        kind = "backup.folder_missing"
    else:
        kind = "backup.folder_failed"
    shown = str(folder)[:60]
    return StoreError(f"backup folder {shown}: {error.strerror or error}; no backup was made, nothing was "
                      "lost, and it is tried again next time", kind=kind, params={"folder": shown})


def verify_backup_file(path: Path) -> int:
    """Read a written backup back: every member against its CRC, the manifest complete, the store
    against its checksum. Returns its page count; StoreCorruptError/InputError when not whole."""
    try:
        manifest = maintenance.read_manifest(path)
        with zipfile.ZipFile(path) as archive:
            bad = archive.testzip()
    except (InputError, OSError, zipfile.BadZipFile) as error:
        raise InputError(f"backup {path.name}: does not read back whole ({str(error)[:80]})",
                         kind="backup.written_badly", params={"folder": str(path.parent)[:60]}) from None
    if bad is not None:
        raise InputError(f"backup {path.name}: {bad[:40]} does not read back as written",
                         kind="backup.written_badly", params={"folder": str(path.parent)[:60]})
    return len(manifest["pages"])


def folder_backups(folder: Path) -> list[FolderBackup]:
    """The backups in a folder, newest first (the UTC stamp in their names sorts by time)."""
    if not folder.is_dir():
        return []
    found = sorted((p for p in folder.glob(f"{maintenance.BACKUP_PREFIX}*.zip") if p.is_file()),
                   key=lambda p: p.name, reverse=True)
    listed = []
    for path in found:
        try:
            manifest = maintenance.read_manifest(path)
            created: datetime | None = datetime.strptime(manifest["created_at"], "%Y%m%d-%H%M%S-%f")
            whole = True
        except (InputError, KeyError, TypeError, ValueError):
            created, whole = None, False
        listed.append(FolderBackup(path, created, path.stat().st_size, whole))
    return listed


def prune(folder: Path, keep: int, newest_good: Path) -> list[Path]:
    """Remove whole backups beyond the newest `keep`; `newest_good` and unreadable files stay."""
    whole = [b.path for b in folder_backups(folder) if b.whole]
    removed = []
    for path in whole[max(1, keep):]:
        if path == newest_good:
            continue
        try:
            path.unlink()
            removed.append(path)
        except OSError:
            continue  # kept: tried again at the next pass
    return removed


def _remove_partials(folder: Path) -> None:
    for leftover in folder.glob(f"{PARTIAL_PREFIX}*"):
        try:
            leftover.unlink()
        except OSError:
            pass


def run_backup_to_folder(store: Store, folder: Path, keep: int, *, now: datetime | None = None) -> BackupOutcome:
    """Write, verify, rename, record, prune (in that order; see the module docstring)."""
    folder = Path(folder)
    stamp = now or datetime.now()
    if not str(folder).strip() or not folder.is_absolute():  # never "." (wherever the app was started)
        raise InputError(f"backup folder: {str(folder)[:40]!r} is not a full path", kind="backup.folder_relative",
                         params={"folder": str(folder)[:40]})
    try:
        if not folder.is_dir():
            raise FileNotFoundError(errno.ENOENT, "the folder does not exist (is the USB drive plugged in?)")
        _remove_partials(folder)  # left by a pass cut short earlier
        final_name = f"{maintenance.BACKUP_PREFIX}{maintenance._stamp()}-{REASON}.zip"
        partial = folder / f"{PARTIAL_PREFIX}{final_name}"
        try:
            store.backup(partial, reason=REASON)
            pages = verify_backup_file(partial)
            final = folder / final_name
            os.replace(partial, final)
            fsync_dir(folder)
        except BaseException:
            try:
                partial.unlink(missing_ok=True)
            except OSError:
                pass
            raise
    except MotcuaError as error:
        _record_problem(store, stamp, error)
        raise
    except Exception as error:  # OSError, or the driver's "database or disk is full"
        if not isinstance(error, OSError):
            if "full" not in str(error):
                raise
            error = OSError(errno.ENOSPC, "disk full")
        problem = _folder_problem(folder, error)
        _record_problem(store, stamp, problem)
        raise problem from None
    store.set_setting(options.BACKUP_LAST_GOOD.key, {"at": stamp.isoformat(), "file": final.name,
                                                     "folder": str(folder)})
    store.set_setting(options.BACKUP_LAST_PROBLEM.key, None)
    return BackupOutcome(final, pages, prune(folder, _clamp_keep(keep), final))


def _record_problem(store: Store, stamp: datetime, error: MotcuaError) -> None:
    try:
        store.set_setting(options.BACKUP_LAST_PROBLEM.key,
                          {"at": stamp.isoformat(), "kind": error.kind, "params": dict(error.params or {})})
    except MotcuaError:
        pass  # the store itself cannot be written: the caller shows the first problem


def run_if_due(store: Store, *, now: datetime | None = None) -> BackupOutcome | None:
    """The scheduler's pass: a backup when a folder is chosen and today's is due, else None."""
    moment = now or datetime.now()
    settings = read_settings(store)
    if not settings.folder or not is_due(last_good(store), moment, settings.time_of_day):
        return None
    return run_backup_to_folder(store, Path(settings.folder), settings.keep, now=moment)


@dataclass(frozen=True)
class RestoreRisk:
    """What restoring a backup over this store would undo: the desk official must confirm it."""

    events_after: int  # audit events recorded after the backup was made
    unsynced: int  # changes that never reached the portal (lost for good if replaced)

    @property
    def needs_confirmation(self) -> bool:
        return self.events_after > 0 or self.unsynced > 0


def restore_risk(store: Store, backup: Path) -> RestoreRisk:
    """Compare the open store with a backup's manifest (the backup is read, not restored)."""
    from sqlalchemy import func, select

    from app.store.anchors import parse_anchor
    from app.store.models import AuditEvent

    anchor = parse_anchor(maintenance.read_manifest(backup).get("audit_anchor"), f"backup {backup.name}")
    with store.read_session() as session:
        # Backups and settings are not the official's work: the backup itself logs them after its
        # snapshot, so counting them would ask to confirm a restore of the backup just made.
        after = int(session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.seq > (anchor.seq if anchor else 0),
            AuditEvent.action.not_in(NOT_WORK))) or 0)
    stats = store.outbox_stats()
    return RestoreRisk(events_after=after, unsynced=stats.waiting + stats.quarantined)


def unlocker(*, username: str = "", password: str = "", recovery_key: str | None = None) -> maintenance.Unlock:
    """How a restore opens a backup's key file: the recovery key, or an official's password (the
    same for `motcua restore` and the Sao lưu tab). InputError when the recovery key is malformed."""
    from app.store.keys import parse_recovery_key

    if recovery_key is not None:
        raw = parse_recovery_key(recovery_key.strip())
        return lambda keyfile: keyfile.unlock_recovery(raw)
    return lambda keyfile: keyfile.unlock_user(username, password)[0] if keyfile.has_user(username) else None


def restore_and_check(paths: DataPaths, backup: Path, unlock: maintenance.Unlock, *, username: str = "",
                      password: str = "") -> maintenance.RestoreReport:
    """What the Sao lưu tab's restore does once the store is closed: `motcua restore --replace`
    (every page decrypted before anything moves; the store replaced is set aside in damaged/),
    then, when signed in by password, `motcua check --full` on the result."""
    from app.store.service import open_store, restore_backup

    report = restore_backup(paths, backup, unlock=unlock, replace=True)
    if username and password:
        restored = open_store(paths, username=username, password=password)
        try:
            check = restored.check(full=True)
        finally:
            restored.close()
        if not check.ok:
            raise StoreCorruptError(f"backup {backup.name} restored, but the full check found: "
                                    f"{'; '.join(check.problems)[:200]}", kind="backup.check_failed",
                                    params={"file": backup.name, "count": len(check.problems)})
    return report
