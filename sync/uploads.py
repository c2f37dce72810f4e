"""Uploading scans: which hashes the portal lacks, then resumable chunked upload (protocol §5).

Plaintext comes from the local encrypted BlobStore and stays in memory. An upload always starts
from the offset the portal acknowledged, so a break costs at most the chunk in flight. A portal
that lists its partial uploads' offsets in the missing-hashes answer (`offsets`) saves the desk
one offset query per scan, a round trip each; without that list the desk asks per scan.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from app.wire import BlobOffsetAnswer, M, MissingAnswer, WireProblem, parse, upload_offset
from sync.client import PortalClient, Reply
from sync.problems import SyncProblem

MISSING_BATCH = 1000  # the protocol's limit per /v1/blobs/missing call


class UploadRefused(Exception):
    """The portal refused the blob for good (e.g. too large, or the hash kept mismatching)."""

    def __init__(self, reply: Reply, message: str) -> None:
        super().__init__(message)
        self.reply = reply
        self.message = message

    @property
    def problem(self) -> SyncProblem:
        """The refusal as the outbox keeps it: the portal's words in both its languages."""
        return SyncProblem(self.message, kind="sync.portal_refused", params=self.reply.words)


class UploadFailed(Exception):
    """A transient refusal (busy, internal error): retry later."""

    def __init__(self, reply: Reply) -> None:
        super().__init__(reply.message)
        self.reply = reply


@dataclass
class UploadStats:
    blobs: int = 0
    bytes_sent: int = 0
    chunks_sent: int = 0


@dataclass
class MissingBlobs:
    """What the portal lacks, and where each of those uploads stands when the portal said so."""

    hashes: set[str]
    offsets: dict[str, int] | None  # None: the portal did not say (ask per scan before sending)

    def offset_of(self, sha256: str) -> int | None:
        """The acknowledged offset of a missing scan (0 when never started); None when unknown."""
        return None if self.offsets is None else self.offsets.get(sha256, 0)


def missing_hashes(client: PortalClient, hashes: Iterable[str]) -> MissingBlobs:
    """The `hashes` the portal does not hold verified (LinkDown/UploadFailed propagate)."""
    wanted = list(dict.fromkeys(hashes))
    missing = MissingBlobs(set(), {})
    for start in range(0, len(wanted), MISSING_BATCH):
        reply = client.missing(wanted[start:start + MISSING_BATCH])
        answer = _typed(MissingAnswer, reply)
        missing.hashes.update(answer.missing)
        if answer.offsets is None:
            missing.offsets = None  # an older portal or another implementation: ask per scan
        elif missing.offsets is not None:
            missing.offsets.update(answer.offsets)
    return missing


def _typed(model: type[M], reply: Reply) -> M:
    """The answer read through the wire schema; a failed or malformed one is an UploadFailed."""
    if not reply.ok:
        raise UploadFailed(reply)
    try:
        return parse(model, reply.body)
    except WireProblem as problem:
        raise _malformed(reply, problem) from None


def _offset_header(reply: Reply, fallback: int) -> int:
    try:
        return upload_offset(reply.headers.get("upload-offset", str(fallback)))
    except WireProblem as problem:
        raise _malformed(reply, problem) from None


def _malformed(reply: Reply, problem: WireProblem) -> UploadFailed:
    """A transient failure that says which field of the portal's answer was wrong."""
    error = {"code": "malformed_answer", "message": f"the portal's answer is malformed ({problem})"}
    return UploadFailed(Reply(reply.status, reply.headers, {"error": error}))


def _acknowledged(client: PortalClient, sha256: str) -> int:
    reply = client.blob_offset(sha256)
    if reply.status == 404:
        return 0
    answer = _typed(BlobOffsetAnswer, reply)
    return -1 if answer.complete else answer.offset


def upload_blob(client: PortalClient, sha256: str, data: bytes, *, chunk_bytes: int,
                stats: UploadStats, on_bytes: Callable[[int], Any] = lambda n: None,
                offset: int | None = None) -> None:
    """Send `data` (whose SHA-256 is `sha256`) from the acknowledged offset to the end.

    `offset` is the acknowledged offset when already known (from the missing-hashes answer);
    None asks the portal first. A stale offset only costs a refused chunk: the portal answers
    `offset_mismatch` with the right one.
    """
    offset = _acknowledged(client, sha256) if offset is None else offset
    if offset < 0:
        return  # already complete and verified
    mismatches = 0
    total = len(data)
    while True:
        chunk = data[offset:offset + chunk_bytes]
        # Counted before sending: a chunk cut on the way was still sent, and is what resuming saves.
        stats.chunks_sent += 1
        stats.bytes_sent += len(chunk)
        reply = client.send_chunk(sha256, chunk, offset, total)
        on_bytes(len(chunk))
        if reply.status == 201:
            stats.blobs += 1
            return
        if reply.status == 204:
            offset = _offset_header(reply, offset + len(chunk))
            continue
        if reply.code == "offset_mismatch":
            offset = _offset_header(reply, reply.error.get("details", {}).get("offset", 0))
            continue
        if reply.code == "hash_mismatch":
            # The portal discarded the upload; once may be a flipped bit on the way, twice is not.
            mismatches += 1
            if mismatches >= 2:
                raise UploadRefused(reply, reply.message)
            offset = 0
            continue
        if reply.status in (400, 413, 422):
            raise UploadRefused(reply, reply.message)
        raise UploadFailed(reply)
