"""USB bundles: the writer and reader agree, import applies once, the desk learns of delivery."""

from __future__ import annotations

import pytest

from app.errors import InputError
from app.ids import new_id
from portal.admin import list_dossiers, revoke_device
from app.bundle_format import Operation, derive_bundle_keys, read_bundle, write_bundle
from portal.bundles import import_bundle
from portal.codeblocks import vietnam_today
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
