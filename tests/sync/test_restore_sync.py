"""A desk restored from a backup on a new computer sends its pending dossiers WITH their scans
(before, the backup held no page files and every pending dossier was quarantined at sync)."""

from __future__ import annotations

from app.paths import data_paths
from app.store.service import open_store, restore_backup
from portal.admin import list_dossiers
from sync.engine import sync_once
from tests.app.reception_support import PASSWORD
from tests.sync.support import receive


def test_restored_desk_syncs_pending_dossiers_with_their_scans(enrolled, portal_db, tmp_path) -> None:
    pending = receive(enrolled, tmp_path)
    backup = enrolled.backup(tmp_path / "usb" / "desk.zip")
    new_pc = data_paths(tmp_path / "new-pc")
    restore_backup(new_pc, backup, unlock=lambda keys: keys.unlock_user("admin", PASSWORD)[0], replace=False)
    restored = open_store(new_pc, username="admin", password=PASSWORD)
    try:
        report = sync_once(restored, reserve=False)
        assert (report.sent, report.quarantined, report.blobs_uploaded) == (1, 0, 2), report
        assert report.errors == []
    finally:
        restored.close()
    assert [d["code"] for d in list_dossiers(portal_db)] == [pending.code]
