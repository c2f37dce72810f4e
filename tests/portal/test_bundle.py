"""USB bundles: the writer and reader agree, import applies once, the desk learns of delivery."""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import json
import os
import subprocess
import sys
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import select

from app.bundle_format import MAGIC, Operation, derive_bundle_keys, read_bundle, write_bundle
from app.errors import InputError
from app.ids import new_id
from portal.admin import list_dossiers, revoke_device
from portal.bundles import import_bundle
from portal.codeblocks import vietnam_today
from portal.db import get_engine, read_session
from portal.models import BundleProgress
from tests.portal.support import Desk, dossier_body, sha


def _bundle(desk: Desk, scans: list[bytes], *, dossiers: int = 2) -> tuple[bytes, list[Operation]]:
    operations = []
    for i in range(dossiers):
        dossier_id, body = dossier_body(hashes=[sha(scans[i % len(scans)])])
        operations.append(Operation(new_id(), "PUT", f"/v1/dossiers/{dossier_id}", "lan", body))
    operations.append(Operation(new_id(), "POST", "/v1/code-blocks", "lan",
                                {"day": vietnam_today().isoformat(),
                                 "count": 20}))
    data = write_bundle(device_id=desk.device_id, device_secret=desk.secret, operations=operations,
                        blobs={sha(s): s for s in scans})
    return data, operations


def test_format_round_trip_and_tamper_detection(desk: Desk) -> None:
    data, operations = _bundle(desk, [b"scan one"])
    keys = {desk.device_id: derive_bundle_keys(desk.secret)}
    bundle = read_bundle(data, keys.get)
    assert bundle.operations == operations and bundle.blobs == {sha(b"scan one"): b"scan one"}
    tampered = bytearray(data)
    tampered[len(tampered) // 2] ^= 1
    with pytest.raises(InputError, match="signature"):
        read_bundle(bytes(tampered), keys.get)
    with pytest.raises(InputError, match="signature"):
        read_bundle(data[:-10], keys.get)
    with pytest.raises(InputError, match="not enrolled"):
        read_bundle(data, {}.get)
    with pytest.raises(InputError, match="not a MotCua bundle"):
        read_bundle(b"PK\x03\x04", keys.get)


def test_import_twice_applies_once_and_is_reported_in_the_feed(desk: Desk, db_url, blobs_dir,
                                                               tmp_path) -> None:
    data, operations = _bundle(desk, [b"scan one", b"scan two"])
    path = tmp_path / "outbox.mcbundle"
    path.write_bytes(data)
    first = import_bundle(db_url, blobs_dir, path)
    assert first["already_imported"] is False
    assert [r["status"] for r in first["results"]] == [201, 201, 201]
    assert len(list_dossiers(db_url)) == 2 and desk.missing([sha(b"scan one"), sha(b"scan two")]) == []
    again = import_bundle(db_url, blobs_dir, path)
    assert again["already_imported"] is True and again["results"] == first["results"]
    assert len(list_dossiers(db_url)) == 2
    delivered = [c for c in desk.changes()["changes"] if c["kind"] == "bundle.delivered"]
    assert len(delivered) == 1 and delivered[0]["bundle_id"] == first["bundle_id"]
    assert [r["key"] for r in delivered[0]["results"]] == [op.key for op in operations]
    # The same operations later sent over HTTP (the desk did not know yet) are replays.
    replay = desk.put_dossier(operations[0].path.rsplit("/", 1)[1], operations[0].body, operations[0].key)
    assert replay.status_code == 201 and replay.headers["Idempotent-Replayed"] == "true"


def test_refused_operations_are_reported_not_fatal(desk: Desk, db_url, blobs_dir, tmp_path) -> None:
    dossier_id, body = dossier_body()
    body["dossier"]["applicant"]["full_name"] = ""
    good_id, good = dossier_body()
    ops = [Operation(new_id(), "PUT", f"/v1/dossiers/{dossier_id}", "lan", body),
           Operation(new_id(), "PUT", f"/v1/dossiers/{good_id}", "lan", good)]
    path = tmp_path / "b.mcbundle"
    path.write_bytes(write_bundle(device_id=desk.device_id, device_secret=desk.secret, operations=ops,
                                  blobs={}))
    summary = import_bundle(db_url, blobs_dir, path)
    assert [r["status"] for r in summary["results"]] == [422, 201]
    assert summary["results"][0]["body"]["error"]["field"] == "dossier.applicant.full_name"


def test_revoked_device_bundle_is_refused(desk: Desk, db_url, blobs_dir, tmp_path) -> None:
    data, _ = _bundle(desk, [b"scan"])
    path = tmp_path / "b.mcbundle"
    path.write_bytes(data)
    revoke_device(db_url, desk.device_id)
    with pytest.raises(InputError, match="revoked"):
        import_bundle(db_url, blobs_dir, path)
    assert list_dossiers(db_url) == []


def hostile_bundle(desk: Desk, items: list[Any]) -> bytes:
    """A bundle signed with the device's keys whose operations.json is `items` as given, as a
    faulty or hostile desk could write it (\\u escapes, so lone surrogates travel)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("operations.json", json.dumps(items))
    enc_key, mac_key = derive_bundle_keys(desk.secret)
    nonce = os.urandom(12)
    header = {"format": 1, "bundle_id": new_id(), "device_id": desk.device_id,
              "created_at": "2026-11-24T08:00:00+00:00", "nonce": base64.b64encode(nonce).decode(),
              "operation_count": len(items), "blob_count": 0}
    head = MAGIC + json.dumps(header).encode() + b"\n"
    sealed = AESGCM(enc_key).encrypt(nonce, buffer.getvalue(), head)
    return head + sealed + hmac.new(mac_key, head + sealed, hashlib.sha256).digest()


def _put(body: dict[str, Any], *, path_id: str | None = None, user: str = "lan") -> dict[str, Any]:
    dossier_id = path_id or body["dossier"]["dossier_id"]
    return {"key": new_id(), "method": "PUT", "path": f"/v1/dossiers/{dossier_id}", "acting_user": user,
            "body": body}


def test_hostile_operations_are_refused_one_by_one_and_the_bundle_is_recorded(desk: Desk, db_url, blobs_dir,
                                                                              tmp_path) -> None:
    good = [dossier_body()[1] for _ in range(2)]

    def bad(change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
        body = dossier_body()[1]
        change(body)
        return body

    items = [
        _put(good[0]),
        _put(bad(lambda b: b["dossier"]["applicant"].update(full_name="x" * 10_000))),
        _put(bad(lambda b: b["dossier"].update(note="ghi chú " * 2_000))),
        _put(dossier_body()[1], user="x" * 10_000),
        _put(bad(lambda b: b["dossier"].pop("dossier_id")), path_id="a" * 37),
        _put(bad(lambda b: b["dossier"].update(received_at="9999-12-31T23:59:59-23:59"))),
        _put(bad(lambda b: b["dossier"].update(extra={"\ud800": "\ud800"}))),
        _put(bad(lambda b: b.update(version=2**31))),
        {**_put(dossier_body()[1]), "body": ["not", "an", "object"]},
        {**_put(dossier_body()[1]), "method": "DELETE"},
        {"key": "k" * 10_000},
        "not an operation",
        {"key": new_id(), "method": "POST", "path": "/v1/code-blocks", "acting_user": "lan",
         "body": {"day": vietnam_today().isoformat(), "count": 5}},
        _put(good[1]),
    ]
    path = tmp_path / "hostile.mcbundle"
    path.write_bytes(hostile_bundle(desk, items))
    summary = import_bundle(db_url, blobs_dir, path)
    statuses = [r["status"] for r in summary["results"]]
    assert statuses == [201] + [422] * 11 + [201, 201]
    assert [r["key"] for r in summary["results"]] == [
        item["key"] if isinstance(item, dict) and len(item.get("key", "")) <= 64 else None for item in items]
    assert summary["results"][1]["body"]["error"]["field"] == "dossier.applicant.full_name"
    assert summary["results"][3]["body"]["error"]["field"] == "acting_user"
    assert summary["results"][4]["body"]["error"]["field"] == "dossier_id"
    assert sorted(row["code"] for row in list_dossiers(db_url)) == sorted(b["dossier"]["code"] for b in good)
    [delivered] = [c for c in desk.changes()["changes"] if c["kind"] == "bundle.delivered"]
    assert [r["status"] for r in delivered["results"]] == statuses
    assert import_bundle(db_url, blobs_dir, path)["already_imported"] is True


def test_an_import_killed_midway_resumes_and_completes_once(desk: Desk, db_url, blobs_dir, tmp_path) -> None:
    operations = []
    for _ in range(40):
        dossier_id, body = dossier_body()
        operations.append(Operation(new_id(), "PUT", f"/v1/dossiers/{dossier_id}", "lan", body))
    path = tmp_path / "many.mcbundle"
    path.write_bytes(write_bundle(device_id=desk.device_id, device_secret=desk.secret,
                                  operations=operations, blobs={}))
    code = ("from portal.bundles import import_bundle; "
            f"import_bundle({db_url!r}, {str(blobs_dir)!r}, {str(path)!r})")
    child = subprocess.Popen([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[2])
    try:
        while child.poll() is None and not list_dossiers(db_url):
            threading.Event().wait(0.02)  # polling for the first applied operation
    finally:
        child.kill()
        child.wait(10)
    summary = import_bundle(db_url, blobs_dir, path)
    assert [r["key"] for r in summary["results"]] == [op.key for op in operations]
    assert {r["status"] for r in summary["results"]} == {201}
    assert len(list_dossiers(db_url)) == len(operations)
    assert [c["bundle_id"] for c in desk.changes(limit=1000)["changes"]
            if c["kind"] == "bundle.delivered"] == [summary["bundle_id"]]
    with read_session(get_engine(db_url)) as session:
        assert session.scalars(select(BundleProgress)).all() == []
