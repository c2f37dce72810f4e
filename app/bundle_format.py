"""The USB bundle file format (docs/sync-protocol.md §8): pure functions, no database, no I/O
beyond the bytes given, so the desk can write bundles with the same code the portal reads.

Layout: magic line, one JSON header line, AES-256-GCM ciphertext of a ZIP (operations.json and
blobs/<sha256>), then a 32-byte HMAC-SHA256 over everything before it. The HMAC is checked
before decrypting, so a wrong device or a damaged file is reported as such and nothing is read.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import json
import os
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.errors import InputError
from app.ids import new_id
from app.limits import DEFAULT_LIMITS
from app.wire import KEY_RE, BundleOperation, WireProblem, check_id, check_tree, load_json, parse, read_json

MAGIC = b"MCBUNDLE1\n"
FORMAT = 1
SIGNATURE_BYTES = 32
HKDF_SALT = b"motcua-bundle-v1"
# AES-GCM in one piece holds the whole bundle in memory; beyond this, export several bundles.
MAX_BUNDLE_BYTES = 1 << 30
# operations.json is a list of operations, each holding a request body of the usual depth.
OPERATIONS_DEPTH = DEFAULT_LIMITS.max_json_depth + 2


@dataclass(frozen=True)
class Operation:
    """One request as the desk would send it over HTTP, with its idempotency key.

    `problem` is set when the entry itself breaks the wire format (its fields are then empty, its
    key too unless it was a valid key): the portal refuses that one operation, not the bundle.
    """

    key: str
    method: str
    path: str
    acting_user: str
    body: dict[str, Any]
    problem: WireProblem | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "method": self.method, "path": self.path,
                "acting_user": self.acting_user, "body": self.body}


@dataclass(frozen=True)
class Bundle:
    bundle_id: str
    device_id: str
    created_at: str
    operations: list[Operation]
    blobs: dict[str, bytes] = field(default_factory=dict)


def derive_bundle_keys(device_secret: str) -> tuple[bytes, bytes]:
    """(encryption key, MAC key), each 32 bytes, from the device secret."""
    def derive(info: bytes) -> bytes:
        return HKDF(algorithm=hashes.SHA256(), length=32, salt=HKDF_SALT, info=info).derive(
            device_secret.encode("utf-8"))
    return derive(b"enc"), derive(b"mac")


def _zip(operations: list[Operation], blobs: Mapping[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("operations.json", json.dumps([op.to_dict() for op in operations],
                                                       ensure_ascii=False).encode("utf-8"))
        for sha256, data in blobs.items():
            archive.writestr(f"blobs/{sha256}", data)
    return buffer.getvalue()


def write_bundle(*, device_id: str, device_secret: str, operations: list[Operation],
                 blobs: Mapping[str, bytes], bundle_id: str | None = None) -> bytes:
    """The bytes of a signed, encrypted bundle. Blobs are keyed by their SHA-256."""
    for sha256, data in blobs.items():
        if hashlib.sha256(data).hexdigest() != sha256:
            raise InputError(f"bundle: blob {sha256} does not hash to its name")
    enc_key, mac_key = derive_bundle_keys(device_secret)
    nonce = os.urandom(12)
    header = {"format": FORMAT, "bundle_id": bundle_id or new_id(), "device_id": device_id,
              "created_at": datetime.now(timezone.utc).isoformat(),
              "nonce": base64.b64encode(nonce).decode("ascii"),
              "operation_count": len(operations), "blob_count": len(blobs)}
    head = MAGIC + json.dumps(header, separators=(",", ":")).encode("utf-8") + b"\n"
    ciphertext = AESGCM(enc_key).encrypt(nonce, _zip(operations, blobs), head)
    signature = hmac.new(mac_key, head + ciphertext, hashlib.sha256).digest()
    return head + ciphertext + signature


def read_header(data: bytes, *, source: str = "bundle") -> tuple[dict[str, Any], bytes]:
    """The header (unverified: only to find the device's keys) and the signed head bytes."""
    if len(data) > MAX_BUNDLE_BYTES:
        raise InputError(f"{source}: larger than {MAX_BUNDLE_BYTES} bytes; export several smaller bundles")
    if not data.startswith(MAGIC):
        raise InputError(f"{source}: not a MotCua bundle (the file does not start with "
                         f"{MAGIC[:-1].decode()})")
    end = data.find(b"\n", len(MAGIC))
    try:
        header = load_json(data[len(MAGIC):end], max_depth=1)
    except WireProblem:
        header = None
    if end < 0 or not isinstance(header, dict) or header.get("format") != FORMAT:
        raise InputError(f"{source}: the header line is damaged or of an unknown format version")
    for name in ("bundle_id", "device_id", "nonce", "created_at"):
        if not isinstance(header.get(name), str) or len(header[name]) > 64:
            raise InputError(f"{source}: header field {name!r} is missing or malformed")
    try:
        check_id(header["bundle_id"], "bundle_id")
        check_id(header["device_id"], "device_id")
    except WireProblem as problem:
        raise InputError(f"{source}: header field {problem.field!r} is not an identifier") from None
    return header, data[:end + 1]


def read_bundle(data: bytes, keys_for: Callable[[str], tuple[bytes, bytes] | None], *,
                source: str = "bundle") -> Bundle:
    """Check the signature with the device's keys, decrypt, and parse the contents."""
    header, head = read_header(data, source=source)
    keys = keys_for(header["device_id"])
    if keys is None:
        raise InputError(f"{source}: written by device {header['device_id']}, which is not enrolled "
                         "here or has been revoked")
    enc_key, mac_key = keys
    body, signature = data[len(head):-SIGNATURE_BYTES], data[-SIGNATURE_BYTES:]
    if len(data) < len(head) + SIGNATURE_BYTES or not hmac.compare_digest(
            hmac.new(mac_key, head + body, hashlib.sha256).digest(), signature):
        raise InputError(f"{source}: the signature does not match; the file is damaged, truncated "
                         "or not from this device")
    try:
        plaintext = AESGCM(enc_key).decrypt(base64.b64decode(header["nonce"]), body, head)
    except (InvalidTag, ValueError):
        raise InputError(f"{source}: cannot be decrypted with the device's key") from None
    operations, blobs = _unzip(plaintext, source)
    return Bundle(header["bundle_id"], header["device_id"], str(header.get("created_at", "")),
                  operations, blobs)


def _unzip(plaintext: bytes, source: str) -> tuple[list[Operation], dict[str, bytes]]:
    try:
        with zipfile.ZipFile(io.BytesIO(plaintext)) as archive:
            raw = _operations_json(archive.read("operations.json"))
            blobs = {name.removeprefix("blobs/"): archive.read(name)
                     for name in archive.namelist() if name.startswith("blobs/")}
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise InputError(f"{source}: the contents are malformed ({error})") from None
    if not isinstance(raw, list):
        raise InputError(f"{source}: operations.json must be a list")
    return [_operation(item) for item in raw], blobs


def _operations_json(data: bytes) -> Any:
    """operations.json parsed; what is wrong inside one operation is left for `_operation` to find
    (only a file that is not JSON at all, or nested past any operation's depth, is refused)."""
    try:
        return read_json(data, max_depth=OPERATIONS_DEPTH)
    except WireProblem as problem:
        raise ValueError(f"operations.json: {problem}") from None


def _operation(item: object) -> Operation:
    """One entry, checked like a request body; a faulty entry carries its problem instead."""
    try:
        check_tree(item, max_depth=DEFAULT_LIMITS.max_json_depth + 1)
        op = parse(BundleOperation, item)
    except WireProblem as problem:
        key = item.get("key") if isinstance(item, dict) else None
        return Operation(key if isinstance(key, str) and KEY_RE.fullmatch(key) else "", "", "", "", {},
                         problem)
    return Operation(op.key, op.method, op.path, op.acting_user, op.body)
