"""Backups, restore, damage detection, integrity and audit-chain checks, settings, outbox stats."""

from __future__ import annotations

import os
import shutil
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.errors import InputError, StoreCorruptError
from app.paths import DataPaths, data_paths
from app.store import create_store, list_backups, open_store, restore_backup
from app.store.database import raw_connect
from app.store.models import Applicant, AuditEvent, OutboxItem, Setting

PASSWORD = "password-123"


@pytest.fixture
def paths(data_dir: Path) -> DataPaths:
    return data_paths(data_dir)


def new_store(paths: DataPaths):
    store, _ = create_store(paths, unit_code="000.00.06.H56", unit_name="UBND xã A", admin_username="admin",
                            admin_full_name="Admin", admin_password=PASSWORD)
    return store


def add_applicants(store, count: int) -> None:
    with store.session() as session:
        for i in range(count):
            session.add(Applicant(full_name=f"Người số {i}", id_number=f"0380900{i:05d}"))


def test_settings_round_trip_and_audit(paths: DataPaths) -> None:
    store = new_store(paths)
    assert store.get_setting("codes.device_slot", 1) == 1
    value = {"open": "07:30", "days": [1, 2, 3], "nested": {"vi": "Giờ làm việc"}}
    store.set_setting("office.hours", value)
    store.set_setting("codes.device_slot", 4)
    store.set_setting("codes.device_slot", 5)
    store.close()
    store = open_store(paths, username="admin", password=PASSWORD)
    assert store.get_setting("office.hours") == value
    assert store.get_setting("codes.device_slot") == 5
    with store.read_session() as session:
        changed = session.scalars(select(AuditEvent.object_id).where(AuditEvent.action == "setting_changed"))
        assert list(changed) == ["office.hours", "codes.device_slot", "codes.device_slot"]
        assert session.scalar(select(func.count()).select_from(Setting)) == 2
    store.close()


def test_write_session_rolls_back_on_error(paths: DataPaths) -> None:
    store = new_store(paths)
    with pytest.raises(RuntimeError), store.session() as session:
        session.add(Applicant(full_name="Sẽ không lưu"))
        session.flush()
        raise RuntimeError("reception cancelled")
    with store.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Applicant)) == 0
    store.close()


def test_outbox_stats(paths: DataPaths) -> None:
    store = new_store(paths)
    assert store.outbox_stats().waiting == 0
    with store.session() as session:
        for i, state in enumerate(["sent", "pending", "pending", "quarantined"]):
            session.add(OutboxItem(kind="dossier.create", payload={}, state=state,
                                   created_at=datetime(2025, 7, 1 + i, 8, 0)))
    stats = store.outbox_stats()
    assert (stats.waiting, stats.quarantined) == (2, 1)
    assert stats.oldest_created_at == datetime(2025, 7, 2, 8, 0)
    store.close()


def test_backup_restores_into_a_fresh_folder_with_same_rows(paths: DataPaths, tmp_path: Path) -> None:
    store = new_store(paths)
    add_applicants(store, 25)
    backup = store.backup()
    assert backup.parent == paths.backups and list_backups(paths)[0] == backup
    with zipfile.ZipFile(backup) as archive:
        assert sorted(archive.namelist()) == ["keys.json", "manifest.json", "store.db"]
    with store.read_session() as session:
        expected = sorted(session.scalars(select(Applicant.full_name)))
    store.close()

    other = data_paths(tmp_path / "elsewhere")
    restore_backup(other, backup)
    reopened = open_store(other, username="admin", password=PASSWORD)
    with reopened.read_session() as session:
        assert sorted(session.scalars(select(Applicant.full_name))) == expected
    assert reopened.check().ok
    reopened.close()


def test_backup_to_explicit_path_and_audited(paths: DataPaths, tmp_path: Path) -> None:
    store = new_store(paths)
    out = store.backup(tmp_path / "usb" / "desk.zip")
    assert out.exists() and list_backups(paths) == []
    with store.read_session() as session:
        assert session.scalar(select(AuditEvent.details).where(AuditEvent.action == "backup")) == \
            {"file": "desk.zip"}
    store.close()


def damage_truncate(path: Path) -> None:
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        handle.truncate(size // 2)


def damage_random(path: Path) -> None:
    path.write_bytes(os.urandom(path.stat().st_size))


def damage_middle(path: Path) -> None:
    with open(path, "r+b") as handle:
        handle.seek(4096)  # page 2 onwards: page 1 still decrypts
        handle.write(os.urandom(path.stat().st_size - 4096))


@pytest.mark.parametrize("damage", [damage_truncate, damage_random, damage_middle])
def test_damaged_store_is_reported_with_backups(paths: DataPaths, damage) -> None:
    store = new_store(paths)
    add_applicants(store, 300)  # several pages, so cutting in half really loses data
    first = store.backup()
    second = store.backup()
    store.close()
    damage(paths.store)
    with pytest.raises(StoreCorruptError) as info:
        store = open_store(paths, username="admin", password=PASSWORD)
        with store.read_session() as session:  # damage past page 1 shows on first full read
            session.scalars(select(Applicant)).all()
    assert info.value.backups == [str(second), str(first)]

    damaged_bytes = paths.store.read_bytes()
    restore_backup(paths, info.value.backups[0])
    aside = list((paths.root / "damaged").glob("store-*.db"))
    assert len(aside) == 1 and aside[0].read_bytes() == damaged_bytes
    store = open_store(paths, username="admin", password=PASSWORD)
    with store.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Applicant)) == 300
    store.close()


def test_wrong_password_is_not_reported_as_damage(paths: DataPaths) -> None:
    from app.errors import AuthError

    new_store(paths).close()
    damage_random(paths.store)
    with pytest.raises(AuthError):
        open_store(paths, username="admin", password="not-the-password")


def test_missing_key_file_is_damage_and_backup_brings_it_back(paths: DataPaths) -> None:
    store = new_store(paths)
    backup = store.backup()
    store.close()
    paths.keys.unlink()
    with pytest.raises(StoreCorruptError) as info:
        open_store(paths, username="admin", password=PASSWORD)
    assert info.value.backups == [str(backup)]
    restore_backup(paths, backup)
    open_store(paths, username="admin", password=PASSWORD).close()


def test_damaged_backup_is_refused(paths: DataPaths, tmp_path: Path) -> None:
    store = new_store(paths)
    backup = store.backup()
    store.close()
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(backup) as src, zipfile.ZipFile(bad, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            dst.writestr(name, data[:-10] + b"0" * 10 if name == "store.db" else data)
    before = paths.store.read_bytes()
    with pytest.raises(StoreCorruptError, match="checksum"):
        restore_backup(paths, bad)
    assert paths.store.read_bytes() == before
    (tmp_path / "not.zip").write_text("hello")
    with pytest.raises(InputError, match="not.zip"):
        restore_backup(paths, tmp_path / "not.zip")


def key_of(paths: DataPaths) -> bytes:
    """The data key, via the recovery-free path a test may take: unwrap with the password."""
    from app.store.keys import KeyFile

    data_key, _ = KeyFile.load(paths.keys).unlock_user("admin", PASSWORD)
    assert data_key is not None
    return data_key


def test_audit_rows_are_append_only(paths: DataPaths) -> None:
    store = new_store(paths)
    store.close()
    conn = raw_connect(paths.store, key_of(paths))
    for statement in ("UPDATE audit_events SET action = 'x' WHERE seq = 1",
                      "DELETE FROM audit_events WHERE seq = 1"):
        with pytest.raises(Exception, match="append-only"):
            conn.execute(statement)
    conn.close()


@pytest.mark.parametrize("tamper", [
    "UPDATE audit_events SET details = '{\"username\": \"mallory\", \"role\": \"admin\"}' WHERE seq = 3",
    "DELETE FROM audit_events WHERE seq = 3",
    "UPDATE audit_events SET at = '2020-01-01T00:00:00.000000Z' WHERE seq = 3",
])
def test_check_finds_tampered_audit_row(paths: DataPaths, tamper: str) -> None:
    store = new_store(paths)
    store.add_user(username="receiver", full_name="B", role="receiver", password=PASSWORD)
    store.set_setting("a", 1)
    report = store.check()
    assert report.ok and report.audit_ok and report.integrity == "ok" and report.audit_events == 4
    store.close()

    conn = raw_connect(paths.store, key_of(paths))
    conn.execute("DROP TRIGGER audit_events_no_update")
    conn.execute("DROP TRIGGER audit_events_no_delete")
    conn.execute(tamper)
    conn.close()

    store = open_store(paths, username="admin", password=PASSWORD)
    report = store.check()
    assert not report.ok and not report.audit_ok
    assert report.problems == ["audit chain broken at seq 3"] or \
        report.problems == ["audit chain broken at seq 4"]  # a deleted row shows at the next seq
    store.close()


def test_holiday_kind_is_constrained(paths: DataPaths) -> None:
    from sqlalchemy.exc import IntegrityError

    from app.store.models import Holiday

    store = new_store(paths)
    with pytest.raises(IntegrityError), store.session() as session:
        session.add(Holiday(day=date(2025, 9, 2), name="Quốc khánh", kind="party", source="seed"))
    store.close()


def test_copy_of_store_without_keys_reveals_nothing(paths: DataPaths, tmp_path: Path) -> None:
    new_store(paths).close()
    stolen = tmp_path / "stolen.db"
    shutil.copy(paths.store, stolen)
    import sqlite3

    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(stolen).execute("SELECT count(*) FROM sqlite_master").fetchone()


def test_restore_from_another_store_brings_its_key_file(paths: DataPaths, tmp_path: Path) -> None:
    other_paths = data_paths(tmp_path / "other")
    other, _ = create_store(other_paths, unit_code="000.00.07.H56", unit_name="UBND xã B",
                            admin_username="badmin", admin_full_name="B", admin_password="other-pass-1")
    backup = other.backup()
    other.close()
    new_store(paths).close()
    own_keys = paths.keys.read_bytes()
    restore_backup(paths, backup)
    assert [p.read_bytes() for p in (paths.root / "damaged").glob("keys-*.json")] == [own_keys]
    store = open_store(paths, username="badmin", password="other-pass-1")
    assert store.unit.code == "000.00.07.H56"
    store.close()


def test_create_keeps_a_stray_key_file_aside(paths: DataPaths) -> None:
    paths.root.mkdir(parents=True, exist_ok=True)
    paths.keys.write_text("left over")
    new_store(paths).close()
    assert [p.read_text() for p in (paths.root / "damaged").glob("keys-*.json")] == ["left over"]
