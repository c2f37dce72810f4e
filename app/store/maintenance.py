"""Backups, restore and integrity checks of the local store.

A backup is ONE zip file (stored, not compressed: everything in it is encrypted and would not
shrink) named `motcua-backup-<UTC yyyymmdd-HHMMSS-ffffff>-<reason>.zip` that restores a working
desk on a new computer on its own:
- `store.db`: a consistent online copy made with `VACUUM INTO` (SQLCipher writes it encrypted
  with the same data key; it reads one snapshot, so desks can keep working meanwhile);
- `keys.json`: the key file as it was, so the backup opens with the passwords of that day (or
  the recovery key) even if the laptop's own key file is lost;
- `pages/<sha256>`: every page file the snapshot references (dossiers and drafts), exactly as
  stored, i.e. still encrypted under a key derived from the data key: the backup is as safe as
  the store, no more and no less;
- `manifest.json` (written last): format, time, reason, schema revision, key fingerprint, size
  and SHA-256 of `store.db` and `keys.json`, the list of pages, pages the store referenced but
  did not have, and the audit chain's head (app/store/anchors.py), checked before anything is
  restored.

Restore builds everything in a temporary folder beside the store and verifies it (checksums,
every page decrypted to its address when the data key is at hand) before anything moves; the
store file is renamed into place last, so a crash midway leaves no store rather than half a one.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.errors import AuthError, InputError, StoreCorruptError, StoreExistsError
from app.paths import DataPaths
from app.store.anchors import Anchor, AnchorLookup, current_anchor, parse_anchor
from app.store.blobs import BlobStore, blob_key, is_address, page_path
from app.store.database import make_engine, raw_connect
from app.store.keys import KeyFile, fsync_dir
from app.store.page_check import page_owners, summarise, verify_pages

BACKUP_FORMAT = "motcua-backup/2"
OLD_FORMATS = ("motcua-backup/1",)  # store and keys only: restorable, but they hold no pages
BACKUP_PREFIX = "motcua-backup-"
DAMAGED_DIR = "damaged"
PAGES_DIR = "pages/"
REQUIRED_MEMBERS = ("store.db", "keys.json", "manifest.json")


@dataclass(frozen=True)
class IntegrityResult:
    ok: bool
    summary: str
    problems: list[str]


@dataclass(frozen=True)
class RestoreReport:
    """What a restore put in place."""

    backup: Path
    pages: int  # pages the restored store references
    pages_from_backup: int  # page files taken from the backup (the others were already here)
    verified: bool  # every page decrypted to its address (False: no key given, presence only)
    set_aside: list[Path] = field(default_factory=list)
    page_problems: list[str] = field(default_factory=list)  # accepted with allow_missing_pages

    def to_dict(self) -> dict[str, Any]:
        return {"backup": str(self.backup), "pages": self.pages, "pages_from_backup": self.pages_from_backup,
                "verified": self.verified, "set_aside": [str(p) for p in self.set_aside],
                "page_problems": self.page_problems}


# Gives the data key from a backup's key file (a password or the recovery key), or None.
Unlock = Callable[[KeyFile], "bytes | None"]


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _snapshot_facts(snapshot: Path, key: bytes) -> tuple[set[str], Anchor | None]:
    """The page addresses a snapshot references and its audit chain's head."""
    engine = make_engine(snapshot, key)
    try:
        with Session(bind=engine) as session:
            return set(page_owners(session)), current_anchor(session)
    finally:
        engine.dispose()  # the last connection checkpoints the snapshot's WAL into the file


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
        referenced, anchor = _snapshot_facts(snapshot, key)
        # Page files are written before the transaction naming them commits and only swept when
        # nothing names them, so every page of the snapshot is on disk unless it was lost.
        present = sorted(sha for sha in referenced if page_path(paths.blobs, sha).is_file())
        manifest = {"format": BACKUP_FORMAT, "created_at": _stamp(), "reason": reason,
                    "schema_revision": revision, "key_id": KeyFile.load(paths.keys).key_id,
                    "store_bytes": snapshot.stat().st_size, "store_sha256": _sha256(snapshot),
                    "keys_sha256": _sha256(paths.keys), "pages": present,
                    "missing_pages": sorted(referenced.difference(present)),
                    "audit_anchor": anchor.to_wire() if anchor else None}
        partial = Path(tmp) / "backup.zip"
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as archive:
            archive.write(snapshot, "store.db")
            archive.write(paths.keys, "keys.json")
            for sha in present:
                archive.write(page_path(paths.blobs, sha), PAGES_DIR + sha)
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


def _refuse(backup: Path, what: str) -> InputError:
    return InputError(f"backup {backup}: {what}; it was not restored", kind="backup.unreadable",
                      params={"file": backup.name})


def read_manifest(backup: Path) -> dict[str, Any]:
    """The manifest of a backup; InputError naming the file and what is wrong when it is not a
    complete MotCua Desk backup (truncated, a member missing, pages listed but absent)."""
    try:
        with zipfile.ZipFile(backup) as archive:
            names = set(archive.namelist())
            missing = [name for name in REQUIRED_MEMBERS if name not in names]
            if missing:
                raise _refuse(backup, f"missing {', '.join(missing)} (not a whole MotCua Desk backup)")
            manifest = json.loads(archive.read("manifest.json"))
    except FileNotFoundError:
        raise InputError(f"backup {backup}: no such file", kind="backup.missing", params={"file": backup.name}) from None
    except zipfile.BadZipFile as error:
        raise _refuse(backup, f"truncated or not a zip file ({error})") from None
    except (OSError, ValueError) as error:
        raise _refuse(backup, f"not a readable MotCua Desk backup ({error})") from None
    if not isinstance(manifest, dict):
        raise _refuse(backup, "manifest.json is not a JSON object")
    if manifest.get("format") not in (BACKUP_FORMAT, *OLD_FORMATS):
        raise _refuse(backup, f"unknown format {str(manifest.get('format'))[:40]!r}")
    pages = manifest.setdefault("pages", [])
    if not isinstance(pages, list) or not all(isinstance(p, str) and is_address(p) for p in pages):
        raise _refuse(backup, "manifest.json: pages is not a list of page addresses")
    absent = [sha for sha in pages if PAGES_DIR + sha not in names]
    if absent:
        raise _refuse(backup, f"{len(absent)} page file(s) listed in its manifest are not in it, "
                              f"e.g. {absent[0][:12]}…")
    return manifest


def backup_anchor(paths: DataPaths) -> AnchorLookup:
    """The audit anchor of the newest backup in the backups folder that has one."""
    skipped = []
    for backup in list_backups(paths):
        try:
            anchor = parse_anchor(read_manifest(backup).get("audit_anchor"), f"backup {backup.name}")
        except InputError:
            skipped.append(backup.name)
            continue
        if anchor is not None:
            return AnchorLookup(anchor)
    note = f"no backup with an audit anchor in {paths.backups}"
    if skipped:
        note += f" (unreadable: {', '.join(skipped[:3])})"
    return AnchorLookup(None, note)


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


def _extract(backup: Path, manifest: dict[str, Any], folder: Path) -> None:
    """Unpack the store, keys and pages into `folder` (pages laid out as a blob folder), checking
    every member's CRC and the store's and key file's SHA-256."""
    try:
        with zipfile.ZipFile(backup) as archive:
            for name in ("store.db", "keys.json"):
                archive.extract(name, folder)
            for sha in manifest["pages"]:
                target = page_path(folder / "blobs", sha)
                target.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(PAGES_DIR + sha) as source, open(target, "wb") as sink:
                    shutil.copyfileobj(source, sink, 1 << 20)
    except zipfile.BadZipFile as error:  # a member's CRC does not match: damaged in that member
        raise _refuse(backup, f"damaged ({error})") from None
    except (OSError, EOFError) as error:
        raise _refuse(backup, f"cannot be read to the end ({error})") from None
    for name, checksum in (("store.db", "store_sha256"), ("keys.json", "keys_sha256")):
        expected = manifest.get(checksum)
        if (expected is not None or name == "store.db") and _sha256(folder / name) != expected:
            raise StoreCorruptError(f"backup {backup} is damaged: {name} does not match its checksum",
                                    kind="backup.damaged", params={"file": backup.name})


def _verify_restored(backup: Path, paths: DataPaths, manifest: dict[str, Any], folder: Path,
                     unlock: Unlock) -> tuple[int, set[str], list[str]]:
    """Open the unpacked store with the key `unlock` gives and decrypt every page it references,
    from the unpacked pages or the data folder's own. Returns (pages referenced, unpacked pages
    that decrypted, one line per missing or damaged page naming the dossier that needs it)."""
    candidates = [KeyFile.load(folder / "keys.json")]
    if _keys_match(paths, str(manifest.get("key_id"))):
        candidates.append(KeyFile.load(paths.keys))  # the same data key with today's passwords
    key = next((k for k in (unlock(c) for c in candidates) if k is not None), None)
    if key is None:
        raise AuthError(f"backup {backup}: the password or recovery key given does not open it",
                        kind="backup.key_does_not_open", params={"file": backup.name})
    engine = make_engine(folder / "store.db", key)
    try:
        with Session(bind=engine) as session:
            owners = page_owners(session)
    except Exception as error:  # noqa: BLE001 - the driver's "HMAC check failed" and the like
        raise StoreCorruptError(f"backup {backup} is damaged: its store.db cannot be read "
                                f"({str(error)[:80]})", kind="backup.damaged", params={"file": backup.name}) from None
    finally:
        engine.dispose()
    staged = BlobStore(folder / "blobs", blob_key(key))
    check = verify_pages(owners, [staged, BlobStore(paths.blobs, blob_key(key))])
    good = {sha for sha, source in check.sources.items() if source is staged}
    return len(owners), good, summarise(check.problems)


def _move_pages(folder: Path, paths: DataPaths, only: set[str] | None) -> int:
    """Move unpacked pages into the data folder's blob folder; returns how many were moved.

    `only`: the pages that decrypted (they replace a copy already here, which may be the damaged
    one being repaired). None when nothing could be decrypted: then a page already here is kept.
    """
    moved, folders = 0, set()
    for path in sorted((folder / "blobs").glob("??/??/*")):
        target = page_path(paths.blobs, path.name)
        if (only is not None and path.name not in only) or (only is None and target.exists()):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        _fsync_file(path)
        os.replace(path, target)
        folders.add(target.parent)
        moved += 1
    for changed in folders:
        fsync_dir(changed)
    return moved


def restore_backup(paths: DataPaths, backup: Path, *, unlock: Unlock | None = None,
                   replace: bool = False, allow_missing_pages: bool = False) -> RestoreReport:
    """Put a backup in place of the store. The store must be closed in every process.

    An existing store is refused unless `replace` (it is then moved to `damaged/`, never
    deleted). With `unlock` every page the backup's store references is decrypted before
    anything moves, and a missing or damaged one refuses the restore unless
    `allow_missing_pages`; without it (the sign-in screen offering a backup of a damaged store)
    only checksums are checked. The current key file is kept when it belongs to the same data
    key (it has the newest passwords); otherwise it is set aside too.
    """
    manifest = read_manifest(backup)
    if paths.store.exists() and not replace:
        raise StoreExistsError(f"{paths.store} already holds a store; restoring would replace it "
                               f"(say so explicitly to move it into {paths.root / DAMAGED_DIR} first)")
    paths.root.mkdir(parents=True, exist_ok=True)
    stamp = _stamp()
    with tempfile.TemporaryDirectory(dir=paths.root, prefix=".restore-") as tmp:
        folder = Path(tmp)
        _extract(backup, manifest, folder)
        count, good = len(manifest["pages"]), None
        problems: list[str] = []
        if unlock is not None:
            count, good, problems = _verify_restored(backup, paths, manifest, folder, unlock)
            if problems and not allow_missing_pages:
                raise StoreCorruptError(f"backup {backup}: {len(problems)} page(s) missing or damaged; "
                                        "nothing was restored:\n  " + "\n  ".join(problems),
                                        kind="backup.pages_missing", params={"file": backup.name,
                                                                            "count": len(problems)})
        restored = folder / "store.db"
        _fsync_file(restored)
        from_backup = _move_pages(folder, paths, good)
        aside = _set_aside(paths, stamp)
        if not _keys_match(paths, str(manifest.get("key_id"))):
            kept = set_aside_keys(paths, stamp)
            aside += [kept] if kept else []
            shutil.copyfile(folder / "keys.json", paths.keys)
            _fsync_file(paths.keys)
        os.replace(restored, paths.store)  # last: the store appears only once everything is there
    fsync_dir(paths.root)
    return RestoreReport(backup, count, from_backup, unlock is not None, aside, problems)


def integrity(session: Session) -> IntegrityResult:
    """SQLite's full integrity check plus SQLCipher's per-page HMAC check."""
    rows = [str(r[0]) for r in session.execute(text("PRAGMA integrity_check")).all()]
    cipher = [str(r[0]) for r in session.execute(text("PRAGMA cipher_integrity_check")).all()]
    problems = ([] if rows == ["ok"] else rows) + cipher
    summary = "ok" if not problems else f"{len(problems)} problem(s): {problems[0]}"
    return IntegrityResult(ok=not problems, summary=summary, problems=problems)
