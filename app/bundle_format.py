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

MAGIC = b"MCBUNDLE1\n"
FORMAT = 1
SIGNATURE_BYTES = 32
HKDF_SALT = b"motcua-bundle-v1"
# AES-GCM in one piece holds the whole bundle in memory; beyond this, export several bundles.
MAX_BUNDLE_BYTES = 1 << 30


@dataclass(frozen=True)
class Operation:
    """One request as the desk would send it over HTTP, with its idempotency key."""

    key: str
    method: str
    path: str
    acting_user: str
    body: dict[str, Any]

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
        header = json.loads(data[len(MAGIC):end])
    except (ValueError, UnicodeDecodeError):
        header = None
    if end < 0 or not isinstance(header, dict) or header.get("format") != FORMAT:
        raise InputError(f"{source}: the header line is damaged or of an unknown format version")
    for name in ("bundle_id", "device_id", "nonce"):
        if not isinstance(header.get(name), str):
            raise InputError(f"{source}: header field {name!r} is missing")
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
            raw = json.loads(archive.read("operations.json"))
            blobs = {name.removeprefix("blobs/"): archive.read(name)
                     for name in archive.namelist() if name.startswith("blobs/")}
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise InputError(f"{source}: the contents are malformed ({error})") from None
    if not isinstance(raw, list):
        raise InputError(f"{source}: operations.json must be a list")
    return [_operation(item, i, source) for i, item in enumerate(raw)], blobs


def _operation(item: object, index: int, source: str) -> Operation:
    where = f"{source}: operations[{index}]"
    if not isinstance(item, dict):
        raise InputError(f"{where} must be an object")
    for name, kind in (("key", str), ("method", str), ("path", str), ("acting_user", str), ("body", dict)):
        if not isinstance(item.get(name), kind):
            raise InputError(f"{where}.{name} is missing or of the wrong type")
    return Operation(item["key"], item["method"].upper(), item["path"], item["acting_user"], item["body"])
