"""Backups, restore and integrity checks of the local store.

A backup is ONE zip file (stored, not compressed: the database is encrypted and would not
shrink) named `motcua-backup-<UTC yyyymmdd-HHMMSS-ffffff>-<reason>.zip` holding:
- `store.db`: a consistent online copy made with `VACUUM INTO` (SQLCipher writes it encrypted
  with the same data key; it reads one snapshot, so desks can keep working meanwhile);
- `keys.json`: the key file as it was, so the backup opens with the passwords of that day (or
  the recovery key) even if the laptop's own key file is lost;
- `manifest.json`: format, time, reason, schema revision, key fingerprint, size and SHA-256
  of `store.db`, checked before anything is restored.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.errors import InputError, StoreCorruptError
from app.paths import DataPaths
from app.store.database import raw_connect
from app.store.keys import KeyFile, fsync_dir

BACKUP_FORMAT = "motcua-backup/1"
BACKUP_PREFIX = "motcua-backup-"
DAMAGED_DIR = "damaged"


@dataclass(frozen=True)
class IntegrityResult:
    ok: bool
    summary: str
    problems: list[str]


def _stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S-%f")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def write_backup(paths: DataPaths, key: bytes, *, reason: str, revision: str | None,
                 out: Path | None = None) -> Path:
    """Make a backup zip (default: into paths.backups) and return its path."""
    target = out or paths.backups / f"{BACKUP_PREFIX}{_stamp()}-{reason}.zip"
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".backup-") as tmp:
        snapshot = Path(tmp) / "store.db"
        conn = raw_connect(paths.store, key)
        try:
            conn.execute("VACUUM INTO ?", (str(snapshot),))
        finally:
            conn.close()
        manifest = {"format": BACKUP_FORMAT, "created_at": _stamp(), "reason": reason,
                    "schema_revision": revision, "key_id": KeyFile.load(paths.keys).key_id,
                    "store_bytes": snapshot.stat().st_size, "store_sha256": _sha256(snapshot)}
        partial = Path(tmp) / "backup.zip"
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_STORED) as archive:
            archive.write(snapshot, "store.db")
            archive.write(paths.keys, "keys.json")
            archive.writestr("manifest.json", json.dumps(manifest, indent=1))
        _fsync_file(partial)
        os.replace(partial, target)  # same folder: atomic, so a half-written backup never shows
    fsync_dir(target.parent)
    return target


def list_backups(paths: DataPaths) -> list[Path]:
    """Backups in the backups folder, newest first (the UTC stamp in the name sorts by time)."""
    if not paths.backups.is_dir():
        return []
    found = [p for p in paths.backups.glob(f"{BACKUP_PREFIX}*.zip") if p.is_file()]
    return sorted(found, key=lambda p: p.name, reverse=True)


def read_manifest(backup: Path) -> dict[str, Any]:
    """The manifest of a backup; InputError naming the file when it is not a usable backup."""
    try:
        with zipfile.ZipFile(backup) as archive:
            names = set(archive.namelist())
            missing = {"store.db", "keys.json", "manifest.json"} - names
            if missing:
                raise InputError(f"backup {backup}: missing {', '.join(sorted(missing))}")
            manifest = json.loads(archive.read("manifest.json"))
    except (OSError, zipfile.BadZipFile, ValueError) as error:
        raise InputError(f"backup {backup}: not a readable MotCua Desk backup ({error})") from None
    if manifest.get("format") != BACKUP_FORMAT:
        raise InputError(f"backup {backup}: unknown format {manifest.get('format')!r}")
    return manifest


def _set_aside(paths: DataPaths, stamp: str) -> list[Path]:
    """Move the current store (and its WAL files) into `damaged/`; nothing is ever deleted."""
    aside_dir = paths.root / DAMAGED_DIR
    moved = []
    for suffix in ("", "-wal", "-shm"):
        source = paths.store.with_name(paths.store.name + suffix)
        if source.exists():
            aside_dir.mkdir(parents=True, exist_ok=True)
            destination = aside_dir / f"store-{stamp}.db{suffix}"
            os.replace(source, destination)
            moved.append(destination)
    return moved


def set_aside_keys(paths: DataPaths, stamp: str | None = None) -> Path | None:
    """Move the key file into `damaged/` (never delete a key file: it may be the only way in)."""
    if not paths.keys.exists():
        return None
    aside_dir = paths.root / DAMAGED_DIR
    aside_dir.mkdir(parents=True, exist_ok=True)
    destination = aside_dir / f"keys-{stamp or _stamp()}.json"
    os.replace(paths.keys, destination)
    return destination


def _keys_match(paths: DataPaths, key_id: str) -> bool:
    try:
        return KeyFile.load(paths.keys).key_id == key_id
    except StoreCorruptError:
        return False


def restore_backup(paths: DataPaths, backup: Path) -> None:
    """Put a backup in place of the store. The store must be closed in every process.

    The current key file is kept when it belongs to the same data key (it has the newest
    passwords); otherwise it is set aside too and the backup's key file is used.
    """
    manifest = read_manifest(backup)
    paths.root.mkdir(parents=True, exist_ok=True)
    stamp = _stamp()
    with tempfile.TemporaryDirectory(dir=paths.root, prefix=".restore-") as tmp:
        with zipfile.ZipFile(backup) as archive:
            archive.extract("store.db", tmp)
            archive.extract("keys.json", tmp)
        restored = Path(tmp) / "store.db"
        if _sha256(restored) != manifest.get("store_sha256"):
            raise StoreCorruptError(f"backup {backup} is damaged: store.db does not match its checksum")
        _fsync_file(restored)
        _set_aside(paths, stamp)
        if not _keys_match(paths, str(manifest.get("key_id"))):
            set_aside_keys(paths, stamp)
            shutil.copyfile(Path(tmp) / "keys.json", paths.keys)
            _fsync_file(paths.keys)
        os.replace(restored, paths.store)
    fsync_dir(paths.root)


def integrity(session: Session) -> IntegrityResult:
    """SQLite's full integrity check plus SQLCipher's per-page HMAC check."""
    rows = [str(r[0]) for r in session.execute(text("PRAGMA integrity_check")).all()]
    cipher = [str(r[0]) for r in session.execute(text("PRAGMA cipher_integrity_check")).all()]
    problems = ([] if rows == ["ok"] else rows) + cipher
    summary = "ok" if not problems else f"{len(problems)} problem(s): {problems[0]}"
    return IntegrityResult(ok=not problems, summary=summary, problems=problems)
