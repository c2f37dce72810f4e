"""USB bundle: exported at the desk, imported (twice) at the portal, delivery learnt from the feed."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.errors import InputError
from app.store.models import OutboxItem
from portal.admin import list_dossiers
from portal.bundles import import_bundle
from sync.bundle_export import export_bundle
from sync.engine import sync_once
from tests.app.reception_support import PASSWORD
from tests.sync.support import receive


def states(store) -> list[str]:  # type: ignore[no-untyped-def]
    with store.read_session() as session:
        return list(session.scalars(select(OutboxItem.state).order_by(OutboxItem.seq)))


def test_bundle_delivers_once_and_desk_learns_it_from_the_feed(enrolled, portal_db, tmp_path) -> None:
    made = [receive(enrolled, tmp_path, name=f"d{i}") for i in range(3)]
    out = tmp_path / "usb" / "motcua.mcbundle"
    result = export_bundle(enrolled, out)
    assert result.dossiers == 3 and result.operations == 3 and result.blobs >= 3
    assert sorted(result.codes) == sorted(m.code for m in made)
    assert out.stat().st_size == result.bytes
    assert b"Khai sinh" not in out.read_bytes()  # encrypted: no readable citizen data on the stick
    assert states(enrolled) == ["pending"] * 3  # nothing is "sent" until the portal says so

    blobs = tmp_path / "portal-blobs"
    first = import_bundle(portal_db, blobs, out)
    again = import_bundle(portal_db, blobs, out)
    assert not first["already_imported"] and again["already_imported"]
    assert all(r["status"] in (200, 201) for r in first["results"]), first["results"]
    held = sorted(d["code"] for d in list_dossiers(portal_db))
    assert held == sorted(m.code for m in made)

    report = sync_once(enrolled, reserve=False)
    # Scans are not sent again (the portal has them); any JSON re-sent is answered from the
    # portal's idempotency store, so nothing is doubled.
    assert report.online and report.blobs_uploaded == 0 and report.changes_applied >= 1, report
    assert states(enrolled) == ["sent"] * 3
    assert sorted(d["code"] for d in list_dossiers(portal_db)) == held
    with pytest.raises(InputError, match="nothing is waiting"):
        export_bundle(enrolled, tmp_path / "second.mcbundle")


def test_second_export_carries_only_new_rows_and_http_after_bundle_is_harmless(
        enrolled, portal_db, tmp_path) -> None:
    receive(enrolled, tmp_path, name="a")
    first = export_bundle(enrolled, tmp_path / "1.mcbundle")
    receive(enrolled, tmp_path, name="b")
    second = export_bundle(enrolled, tmp_path / "2.mcbundle")
    assert (first.dossiers, second.dossiers) == (1, 1) and first.codes != second.codes
    with pytest.raises(InputError, match="include-exported"):
        export_bundle(enrolled, tmp_path / "3.mcbundle")
    again = export_bundle(enrolled, tmp_path / "3.mcbundle", include_exported=True)
    assert again.dossiers == 2
    import_bundle(portal_db, tmp_path / "portal-blobs", tmp_path / "1.mcbundle")
    # The link comes back before the feed is read: HTTP sends both; the bundled one is not doubled.
    report = sync_once(enrolled, reserve=False)
    assert report.online and states(enrolled) == ["sent", "sent"]
    import_bundle(portal_db, tmp_path / "portal-blobs", tmp_path / "3.mcbundle")
    assert len(list_dossiers(portal_db)) == 2


def test_export_needs_enrolment_and_leaves_nothing_half_written(desk, tmp_path) -> None:
    receive(desk, tmp_path)
    out = tmp_path / "x.mcbundle"
    with pytest.raises(InputError, match="not enrolled"):
        export_bundle(desk, out)
    assert not out.exists()


def test_tampered_bundle_is_refused_naming_the_file(enrolled, portal_db, tmp_path) -> None:
    receive(enrolled, tmp_path)
    out = tmp_path / "t.mcbundle"
    export_bundle(enrolled, out)
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 0xFF
    out.write_bytes(bytes(data))
    with pytest.raises(InputError, match="signature"):
        import_bundle(portal_db, tmp_path / "portal-blobs", out)
    assert list_dossiers(portal_db) == []


def test_cli_bundle_export(enrolled, tmp_path, monkeypatch, capsys) -> None:
    from app.cli.main import main

    receive(enrolled, tmp_path)
    monkeypatch.setenv("MOTCUA_PASSWORD", PASSWORD)
    out = tmp_path / "cli.mcbundle"
    argv = ["--data-dir", str(enrolled.paths.root), "--json", "bundle", "export", "--out", str(out),
            "--user", "admin"]
    enrolled.close()
    assert main(argv, extra_commands=("sync.cli",)) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["dossiers"] == 1 and out.exists()
    assert main(argv, extra_commands=("sync.cli",)) == 2
    assert "nothing is waiting" in capsys.readouterr().err
