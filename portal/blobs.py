"""Content-addressed, resumable blob storage (docs/sync-protocol.md §5).

Files: `DIR/partial/<sha256>` while uploading, `DIR/<sha256[:2]>/<sha256>` once verified.
The acknowledged offset lives in the `blobs` row and is only advanced after the chunk is
fsynced, inside a transaction that locks the row, so two portal processes receiving the same
upload cannot interleave bytes. Bytes beyond the acknowledged offset (a crash between fsync and
commit) are cut off before the next append.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.wire import SHA256_RE
from portal.db import read_session, write_session
from portal.errors import PortalError, validation
from portal.models import Blob, utcnow

MAX_BLOB_BYTES = 100 * 1024 * 1024
MAX_CHUNK_BYTES = 4 * 1024 * 1024
MAX_MISSING_QUERY = 1000
_READ_BLOCK = 1 << 20


@dataclass(frozen=True)
class UploadState:
    sha256: str
    offset: int
    length: int | None
    complete: bool

    def to_dict(self) -> dict[str, object]:
        return {"sha256": self.sha256, "offset": self.offset, "length": self.length,
                "complete": self.complete}


def check_sha(sha256: str, field: str = "sha256") -> str:
    if not isinstance(sha256, str) or not SHA256_RE.fullmatch(sha256):
        raise validation(field, "phải là 64 ký tự hex thường (SHA-256)",
                         "must be 64 lower-case hex digits (SHA-256)")
    return sha256


def too_large(what_vi: str, what_en: str, size: int, limit: int) -> PortalError:
    return PortalError(413, "too_large", f"{what_vi} {size} byte vượt giới hạn {limit} byte",
                       f"{what_en} of {size} bytes exceeds the limit of {limit} bytes",
                       details={"size": size, "limit": limit})


def _fsync_dir(path: Path) -> None:
    if os.name == "posix":  # directories cannot be opened for fsync on Windows
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(_READ_BLOCK):
            digest.update(block)
    return digest.hexdigest()


def verified_hashes(session: Session, hashes: Iterable[str]) -> set[str]:
    wanted = sorted(set(hashes))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):  # keep IN lists well under SQLite's parameter limit
        part = wanted[start:start + 500]
        found.update(session.scalars(select(Blob.sha256).where(Blob.sha256.in_(part),
                                                               Blob.complete.is_(True))))
    return found


def upload_offsets(session: Session, hashes: Iterable[str]) -> dict[str, tuple[int, bool]]:
    """(acknowledged offset, complete) of every one of `hashes` the portal has a row for."""
    wanted = sorted(set(hashes))
    found: dict[str, tuple[int, bool]] = {}
    for start in range(0, len(wanted), 500):  # keep IN lists well under SQLite's parameter limit
        rows = session.execute(select(Blob.sha256, Blob.offset, Blob.complete)
                               .where(Blob.sha256.in_(wanted[start:start + 500])))
        found.update({sha: (int(offset or 0), bool(complete)) for sha, offset, complete in rows})
    return found



def _write_durably(path: Path, data: bytes) -> None:
    """Write and fsync a whole file (the temporary file `_install` then renames into place)."""
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())

class BlobStore:
    """The blob folder plus the upload rows; one instance per portal process."""

    def __init__(self, engine: Engine, folder: Path, *, max_blob: int = MAX_BLOB_BYTES,
                 max_chunk: int = MAX_CHUNK_BYTES) -> None:
        self.engine, self.folder = engine, Path(folder)
        self.max_blob, self.max_chunk = max_blob, max_chunk
        (self.folder / "partial").mkdir(parents=True, exist_ok=True)

    def path(self, sha256: str) -> Path:
        return self.folder / sha256[:2] / sha256

    def _partial(self, sha256: str) -> Path:
        return self.folder / "partial" / sha256

    def missing(self, hashes: object) -> list[str]:
        return self.missing_with_offsets(hashes)[0]

    def missing_with_offsets(self, hashes: object) -> tuple[list[str], dict[str, int]]:
        """The hashes not held verified, in the order asked, and the acknowledged offset of each
        of them whose upload has begun (so a desk resumes without asking per blob)."""
        if not isinstance(hashes, list) or len(hashes) > MAX_MISSING_QUERY:
            raise validation("hashes", f"phải là danh sách tối đa {MAX_MISSING_QUERY} mã băm",
                             f"must be a list of at most {MAX_MISSING_QUERY} hashes")
        for i, sha in enumerate(hashes):
            check_sha(sha, f"hashes[{i}]")
        with read_session(self.engine) as session:
            known = upload_offsets(session, hashes)
        missing = [h for h in dict.fromkeys(hashes) if not known.get(h, (0, False))[1]]
        return missing, {h: known[h][0] for h in missing if h in known and known[h][0] > 0}

    def state(self, sha256: str) -> UploadState | None:
        check_sha(sha256)
        with read_session(self.engine) as session:
            row = session.get(Blob, sha256)
            if row is None:
                return None
            return UploadState(sha256, row.offset, row.length, row.complete)

    def check_sizes(self, length: int, chunk: int) -> None:
        """Refuse before reading any byte (413), as the protocol promises."""
        if length > self.max_blob:
            raise too_large("Tệp", "The blob", length, self.max_blob)
        if chunk > self.max_chunk:
            raise too_large("Phần tải lên", "The chunk", chunk, self.max_chunk)

    def append(self, sha256: str, offset: int, length: int, chunk: bytes) -> UploadState:
        """Append `chunk` at `offset`; on the last byte verify the hash and move the blob in place."""
        check_sha(sha256)
        self.check_sizes(length, len(chunk))
        with write_session(self.engine) as session:
            row = session.get(Blob, sha256, with_for_update=True)
            if row is None:
                row = Blob(sha256=sha256, length=length, offset=0, complete=False, created_at=utcnow())
                session.add(row)
                session.flush()
            self._recover(row)
            if row.complete:
                return UploadState(sha256, row.offset, row.length, True)
            # Refusals found here are raised after the commit: a recovery above must persist.
            error = self._check_chunk(row, offset, length, len(chunk))
            if error is None:
                self._write_chunk(sha256, offset, chunk)
                row.offset = offset + len(chunk)
                if row.offset == length:
                    # A blob sent in one chunk is hashed from memory instead of read back.
                    whole = hashlib.sha256(chunk).hexdigest() if offset == 0 else None
                    error = self._finish(sha256, row, whole)
            state = UploadState(sha256, row.offset, row.length, row.complete)
        if error is not None:
            raise error
        return state

    def put_sent_whole(self, sha256: str, chunk: bytes) -> UploadState:
        """A PATCH at offset 0 carrying the whole blob, with no upload begun before it.

        The bytes are hashed in memory, written to a temp file of their own, fsynced and
        installed under their name BEFORE the row is locked, so the database write lock is held
        for a row update only, not for three fsyncs. Installing a verified file is idempotent
        (same name, same bytes), so racing uploads of one blob are harmless; a crash after the
        rename and before the commit is repaired by `_recover` on the next upload.
        """
        check_sha(sha256)
        self.check_sizes(len(chunk), len(chunk))
        if hashlib.sha256(chunk).hexdigest() != sha256:
            return self.append(sha256, 0, len(chunk), chunk)  # the usual path discards and refuses
        temp = self.folder / "partial" / f"{sha256}.{os.getpid()}.{threading.get_ident()}"
        _write_durably(temp, chunk)
        self._install(temp, sha256)
        with write_session(self.engine) as session:
            row = session.get(Blob, sha256, with_for_update=True)
            if row is None:
                row = Blob(sha256=sha256, created_at=utcnow())
                session.add(row)
            if not row.complete:
                row.length = row.offset = len(chunk)
                row.complete, row.completed_at = True, utcnow()
                self._partial(sha256).unlink(missing_ok=True)
        return UploadState(sha256, len(chunk), len(chunk), True)

    def _recover(self, row: Blob) -> None:
        """Make the row agree with the disk after a crash or a tidied folder.

        A crash between the final rename and the commit leaves a verified file with an
        unfinished row; a partial file shorter than the acknowledged offset cannot be continued.
        """
        installed = self.path(row.sha256)
        if installed.exists() and _file_sha256(installed) == row.sha256:
            row.complete, row.offset = True, installed.stat().st_size
            row.length, row.completed_at = row.offset, utcnow()
            return
        partial = self._partial(row.sha256)
        if row.offset and (not partial.exists() or partial.stat().st_size < row.offset):
            row.offset = 0

    def _check_chunk(self, row: Blob, offset: int, length: int, size: int) -> PortalError | None:
        if row.length != length and row.offset == 0:
            row.length = length  # a fresh start may correct the length; a half-done upload may not
        if row.length != length:
            return validation("Upload-Length", f"khác độ dài đã khai báo ({row.length})",
                              f"differs from the length declared earlier ({row.length})")
        if offset != row.offset:
            return PortalError(409, "offset_mismatch", f"Phải tiếp tục từ byte {row.offset}",
                               f"Resume from byte {row.offset}", details={"offset": row.offset},
                               headers={"Upload-Offset": str(row.offset)})
        if offset + size > length:
            return validation("body", "vượt quá Upload-Length", "runs past Upload-Length")
        return None

    def _write_chunk(self, sha256: str, offset: int, chunk: bytes) -> None:
        partial = self._partial(sha256)
        with open(partial, "r+b" if partial.exists() else "w+b") as handle:
            handle.truncate(offset)  # drop bytes written but never acknowledged
            handle.seek(offset)
            handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())

    def _finish(self, sha256: str, row: Blob, actual: str | None = None) -> PortalError | None:
        """Verify the whole upload (`actual`: its hash when already known) and install it; a
        mismatch discards it and is returned."""
        partial = self._partial(sha256)
        actual = actual or _file_sha256(partial)
        if actual != sha256:
            partial.unlink(missing_ok=True)
            row.offset, row.length = 0, None
            return PortalError(422, "hash_mismatch", f"Nội dung tải lên không khớp mã băm {sha256}; đã hủy",
                               f"The uploaded bytes do not hash to {sha256}; upload discarded",
                               details={"sha256": sha256, "actual": actual})
        self._install(partial, sha256)
        row.complete, row.completed_at = True, utcnow()
        return None

    def _install(self, source: Path, sha256: str) -> None:
        target = self.path(sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, target)
        _fsync_dir(target.parent)

    def put_whole(self, sha256: str, data: bytes) -> bool:
        """Store a complete blob (USB bundle import); False if its bytes do not match its name."""
        check_sha(sha256)
        if hashlib.sha256(data).hexdigest() != sha256:
            return False
        if len(data) > self.max_blob:
            raise too_large("Tệp", "The blob", len(data), self.max_blob)
        with write_session(self.engine) as session:
            row = session.get(Blob, sha256, with_for_update=True)
            if row is not None and row.complete:
                return True
            temp = self.folder / "partial" / f"{sha256}.bundle"
            _write_durably(temp, data)
            self._install(temp, sha256)
            if row is None:
                row = Blob(sha256=sha256, created_at=utcnow())
                session.add(row)
            row.length, row.offset, row.complete, row.completed_at = len(data), len(data), True, utcnow()
        return True
