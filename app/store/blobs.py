"""Encrypted, content-addressed page files: the blob folder next to the store.

A page is stored once under the SHA-256 of its PLAINTEXT (`blobs/ab/cd/abcd…`), encrypted with
AES-256-GCM under a key derived from the store's data key with HKDF (so a stolen laptop without
a password yields no readable scan, and the data key itself is never used for two purposes).
The address is also the GCM associated data: a file copied or renamed to another address fails
to decrypt instead of showing the wrong page.

File layout: MAGIC (4 bytes) | nonce (12 bytes) | ciphertext with 16-byte tag.

Writes go to a temporary file in the same folder, are fsynced, then renamed into place and the
folder fsynced, so a crash leaves either no file or a complete one. `put_*` is idempotent: the
same content twice is one file. Files are written BEFORE the transaction that references them
commits; a rolled-back reception leaves an orphan that `sweep_unused_pages` removes later.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import InputError, NotFoundError, StoreCorruptError, StoreError
from app.ids import new_id
from app.store.models import Draft, Page

if TYPE_CHECKING:  # the store imports much of app/; only the type is needed here
    from app.store.service import Store

MAGIC = b"MCB1"
NONCE_BYTES = 12
TAG_BYTES = 16
HKDF_INFO = b"motcua-desk blobs v1"
TEMP_SUFFIX = ".part"
# A blob younger than this may belong to a reception whose transaction has not committed yet.
DEFAULT_GRACE_S = 3600.0
MAX_PAGE_BYTES = 200 * 1024 * 1024  # a page file beyond this is a mistake (a video, a disk image)


def blob_key(data_key: bytes) -> bytes:
    """The AES-256 key for page files, derived from the store's data key."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=HKDF_INFO).derive(data_key)


def referenced_addresses(session: Session) -> set[str]:
    """Every address a page row points at: what `BlobStore.sweep_orphans` must keep.

    Read it in the same breath as sweeping, e.g.
    `store.blobs.sweep_orphans(referenced_addresses(session))` inside a read session.
    """
    keep = set(session.scalars(select(Page.sha256).distinct()))
    # Pages captured for a reception not yet confirmed are sealed here already and named only by
    # its draft (`PageInput.blob`): they must survive until the draft is confirmed or dropped.
    for data in session.scalars(select(Draft.data)):
        keep.update(blob_references(data))
    return keep


def sweep_unused_pages(store: Store, *, grace_s: float = 24 * 3600.0) -> list[str]:
    """Remove page files nothing refers to any more (earlier builds of a captured document, a
    reception abandoned without its draft, a rolled-back confirm) once they are `grace_s` old;
    an audit event records how many. Run in the background, e.g. at sign-in."""
    with store.read_session() as session:
        removed = store.blobs.sweep_orphans(referenced_addresses(session), grace_s=grace_s)
    if removed:
        with store.session() as session:
            store.record_audit(session, action="pages.swept", object_type="blobs",
                               object_id=None, details={"removed": len(removed)})
    return removed


def blob_references(value: object) -> Iterable[str]:
    """Every page address named as `"blob": …` anywhere in a draft's JSON."""
    if isinstance(value, dict):
        blob = value.get("blob")
        if isinstance(blob, str) and is_address(blob):
            yield blob
        for item in value.values():
            yield from blob_references(item)
    elif isinstance(value, list):
        for item in value:
            yield from blob_references(item)


def is_address(sha256: str) -> bool:
    """True for a lower-case SHA-256 hex digest: the only names a page file may have."""
    return len(sha256) == 64 and all(c in "0123456789abcdef" for c in sha256)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open folders; NTFS journals the rename itself
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_error(path: Path, error: OSError) -> StoreError:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return StoreError(f"the disk holding {path.parent} is full; free some space and confirm again")
    return StoreError(f"cannot write a page file in {path.parent}: {error.strerror or error}")


def page_path(root: Path, sha256: str) -> Path:
    """Where the file for page `sha256` lives under a blob folder `root` (no key needed)."""
    if not is_address(sha256):
        raise InputError(f"blob address: {sha256[:70]!r} is not a lower-case SHA-256 hex digest")
    return root / sha256[:2] / sha256[2:4] / sha256


class BlobStore:
    """Encrypted page files under `root`; get one from `Store.blobs`."""

    def __init__(self, root: Path, key: bytes) -> None:
        self.root = Path(root)
        self._aead = AESGCM(key)

    def path_of(self, sha256: str) -> Path:
        """Where the file for `sha256` lives (whether or not it exists yet)."""
        return page_path(self.root, sha256)

    def exists(self, sha256: str) -> bool:
        return self.path_of(sha256).is_file()

    def plain_size(self, sha256: str) -> int:
        """Bytes of the page as it was given (without decrypting); OSError when absent."""
        return self.path_of(sha256).stat().st_size - len(MAGIC) - NONCE_BYTES - TAG_BYTES

    def put_file(self, path: Path) -> tuple[str, int]:
        """Encrypt and store the file at `path`; returns (sha256 of its content, size in bytes)."""
        path = Path(path)
        try:
            size = path.stat().st_size
            if size > MAX_PAGE_BYTES:
                raise InputError(f"page file {path}: {size:,} bytes is larger than the "
                                 f"{MAX_PAGE_BYTES // 2**20} MiB a page may have")
            data = path.read_bytes()
        except OSError as error:
            raise InputError(f"page file {path}: cannot be read ({error.strerror or error})") from None
        return self.put_bytes(data)

    def put_bytes(self, data: bytes) -> tuple[str, int]:
        """Store `data`; returns (sha256, size). Storing the same content again writes nothing."""
        sha256 = hashlib.sha256(data).hexdigest()
        target = self.path_of(sha256)
        if target.is_file():
            # Stored before and perhaps orphaned since: make it young again, so a sweep running
            # before the reception that now uses it commits cannot take it away.
            with contextlib.suppress(FileNotFoundError):
                os.utime(target)
            if target.is_file():
                return sha256, len(data)
        nonce = os.urandom(NONCE_BYTES)
        sealed = MAGIC + nonce + self._aead.encrypt(nonce, data, sha256.encode("ascii"))
        self._write_atomically(target, sealed)
        return sha256, len(data)

    def _write_atomically(self, target: Path, sealed: bytes) -> None:
        temp = target.with_name(f"{target.name}.{new_id()}{TEMP_SUFFIX}")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(temp, "wb") as out:
                out.write(sealed)
                out.flush()
                os.fsync(out.fileno())
            # Another thread storing the same page at the same moment is harmless: same content.
            os.replace(temp, target)
            _fsync_dir(target.parent)
        except OSError as error:
            temp.unlink(missing_ok=True)
            raise _write_error(target, error) from None

    def get(self, sha256: str) -> bytes:
        """The plaintext of a stored page; NotFoundError if absent, StoreCorruptError if damaged."""
        path = self.path_of(sha256)
        try:
            sealed = path.read_bytes()
        except FileNotFoundError:
            raise NotFoundError(f"page file {sha256[:12]}… is not in {self.root}") from None
        except OSError as error:
            raise StoreError(f"cannot read page file {path}: {error.strerror or error}") from None
        if not sealed.startswith(MAGIC) or len(sealed) < len(MAGIC) + NONCE_BYTES + TAG_BYTES:
            raise StoreCorruptError(f"page file {path} is damaged (not a MotCua page file)")
        nonce = sealed[len(MAGIC):len(MAGIC) + NONCE_BYTES]
        try:
            data = self._aead.decrypt(nonce, sealed[len(MAGIC) + NONCE_BYTES:], sha256.encode("ascii"))
        except InvalidTag:
            raise StoreCorruptError(f"page file {path} is damaged or belongs to another store") from None
        if hashlib.sha256(data).hexdigest() != sha256:  # cannot happen unless the key is reused
            raise StoreCorruptError(f"page file {path} does not hold the content its name says")
        return data

    def addresses(self) -> list[str]:
        """Every stored address (for checks and sweeping)."""
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.glob("??/??/*") if is_address(p.name))

    def sweep_orphans(self, referenced: Iterable[str], *, grace_s: float = DEFAULT_GRACE_S,
                      now: float | None = None) -> list[str]:
        """Delete files no page row references, and stale temporary files; returns what went.

        Only files older than `grace_s` go: a younger one may belong to a reception whose
        transaction is still running (files are written before the commit).
        """
        keep = set(referenced)
        cutoff = (time.time() if now is None else now) - grace_s
        removed: list[str] = []
        if not self.root.is_dir():
            return removed
        for path in self.root.glob("??/??/*"):
            orphan = path.name.endswith(TEMP_SUFFIX) or (is_address(path.name) and path.name not in keep)
            try:
                if orphan and path.stat().st_mtime < cutoff:
                    path.unlink()
                    removed.append(path.name)
            except FileNotFoundError:
                continue
        return sorted(removed)
