"""Daily backups to a folder: due once a day (at once when a day was missed), written under a
temporary name and verified before they count, pruned to keep N without ever removing the newest
good one; a missing, read-only or full folder gives a problem kind, leaves nothing half-written and
is tried again next time. `motcua backup --to FOLDER --keep N` runs the same pass."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app import options
from app.cli.main import main
from app.errors import StoreError
from app.store.maintenance import BACKUP_PREFIX
from app.store.scheduled_backup import (
    BackupSettings,
    folder_backups,
    is_due,
    is_stale,
    last_good,
    last_problem,
    prune,
    run_backup_to_folder,
    run_if_due,
    save_settings,
    verify_backup_file,
)
from tests.app.reception_support import PASSWORD, store  # noqa: F401 - the fixture

NOON = datetime(2026, 12, 7, 12, 0)


def test_due_once_a_day_and_at_once_after_a_missed_day() -> None:
    assert is_due(None, NOON, "12:00")
    assert not is_due(NOON.replace(hour=12, minute=5), NOON.replace(hour=18), "12:00")  # made today
    assert is_due(NOON - timedelta(days=1), NOON.replace(hour=12, minute=1), "12:00")  # today's time came
    assert not is_due(NOON - timedelta(hours=20), NOON.replace(hour=9), "12:00")  # yesterday's made
    assert is_due(NOON - timedelta(days=3), NOON.replace(hour=8), "12:00")  # missed: at start
    assert not is_stale(NOON - timedelta(days=2), NOON) and is_stale(NOON - timedelta(days=2, minutes=1), NOON)
    assert is_stale(None, NOON)


def test_scheduled_backup_runs_when_due_not_twice_a_day(store, tmp_path: Path) -> None:  # noqa: F811
    usb = tmp_path / "usb"
    usb.mkdir()
    assert run_if_due(store, now=NOON) is None  # no folder chosen: nothing to do
    save_settings(store, BackupSettings(str(usb), "12:00", 14))
    first = run_if_due(store, now=NOON)
    assert first is not None and first.path.parent == usb and first.path.name.endswith("-daily.zip")
    assert verify_backup_file(first.path) == first.pages
    assert last_good(store) == NOON
    assert run_if_due(store, now=NOON + timedelta(hours=5)) is None  # the same day: not again
    second = run_if_due(store, now=NOON + timedelta(days=1, minutes=1))
    assert second is not None and len(folder_backups(usb)) == 2
    assert not [p for p in usb.iterdir() if not p.name.startswith(BACKUP_PREFIX)]  # no temporary files


def test_rotation_keeps_n_and_never_the_newest_good(store, tmp_path: Path) -> None:  # noqa: F811
    usb = tmp_path / "usb"
    usb.mkdir()
    made = [run_backup_to_folder(store, usb, 3, now=NOON + timedelta(days=i)).path for i in range(5)]
    kept = [b.path for b in folder_backups(usb)]
    assert kept == made[:1:-1]  # the newest three, newest first
    (usb / f"{BACKUP_PREFIX}20990101-000000-000000-daily.zip").write_bytes(b"not a zip")  # sorts first
    assert prune(usb, 1, made[-1]) == [made[-2], made[-3]]
    assert made[-1].exists() and (usb / f"{BACKUP_PREFIX}20990101-000000-000000-daily.zip").exists()
    # A whole backup named later than the newest good one (a clock set wrong, a copy from another
    # desk): keeping one must still keep the one just verified.
    future = usb / f"{BACKUP_PREFIX}20980101-000000-000000-daily.zip"
    future.write_bytes(made[-1].read_bytes())
    assert prune(usb, 1, made[-1]) == [] and made[-1].exists() and future.exists()


def test_missing_folder_counts_nothing_and_is_retried(store, tmp_path: Path) -> None:  # noqa: F811
    usb = tmp_path / "usb"
    usb.mkdir()
    good = run_backup_to_folder(store, usb, 14, now=NOON).path
    save_settings(store, BackupSettings(str(tmp_path / "unplugged"), "12:00", 14))
    with pytest.raises(StoreError) as raised:
        run_if_due(store, now=NOON + timedelta(days=1))
    assert raised.value.kind == "backup.folder_missing"
    assert not (tmp_path / "unplugged").exists()  # never created on the local disk instead
    assert last_good(store) == NOON and (last_problem(store) or {})["kind"] == "backup.folder_missing"
    (tmp_path / "unplugged").mkdir()  # plugged back in: the next check makes it
    assert run_if_due(store, now=NOON + timedelta(days=1, hours=1)) is not None
    assert last_problem(store) is None and good.exists()


def test_folder_removed_midway_leaves_nothing_half_written(store, tmp_path: Path,  # noqa: F811
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The USB drive is pulled while the backup is written: the verify step finds no whole file."""
    from app.store import maintenance

    usb = tmp_path / "usb"
    usb.mkdir()
    real_write = maintenance.write_backup

    def pulled(*args, **kwargs):  # type: ignore[no-untyped-def]
        written = real_write(*args, **kwargs)
        with open(written, "r+b") as handle:  # the last blocks never reached the drive
            handle.truncate(written.stat().st_size // 2)
        return written

    monkeypatch.setattr(maintenance, "write_backup", pulled)
    with pytest.raises(Exception) as raised:
        run_backup_to_folder(store, usb, 14, now=NOON)
    assert getattr(raised.value, "kind", "") == "backup.written_badly"
    assert list(usb.iterdir()) == [] and last_good(store) is None


@pytest.fixture
def mounted(tmp_path: Path) -> Iterator[callable]:  # type: ignore[valid-type]
    """A real small or read-only file system (tmpfs) as the backup folder: root only."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    done = []

    def mount(name: str, opts: str) -> Path:
        point = tmp_path / name
        point.mkdir()
        if subprocess.run(["mount", "-t", "tmpfs", "-o", opts, "tmpfs", str(point)], check=False).returncode:
            pytest.skip("tmpfs cannot be mounted here")
        done.append(point)
        return point

    yield mount
    for point in done:
        subprocess.run(["umount", str(point)], check=False)


def test_read_only_and_full_folders_are_named_and_nothing_counts(store, mounted, tmp_path: Path) -> None:  # noqa: F811
    for opts, kind in (("ro,size=4m", "backup.folder_read_only"), ("size=64k", "backup.folder_full")):
        folder = mounted(kind.rsplit(".", 1)[1], opts)
        with pytest.raises(StoreError) as raised:
            run_backup_to_folder(store, folder, 14, now=NOON)
        assert raised.value.kind == kind, raised.value
        assert list(folder.iterdir()) == []  # nothing half-written left behind
        assert last_good(store) is None


def test_cli_backup_to_folder_keeps_n(store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("MOTCUA_PASSWORD", PASSWORD)
    monkeypatch.setenv("MOTCUA_USER", "admin")
    usb = tmp_path / "usb"
    usb.mkdir()
    root = str(store.paths.root)
    store.close()
    outputs = []
    for _ in range(3):
        assert main(["--data-dir", root, "backup", "--to", str(usb), "--keep", "2", "--json"]) == 0
        outputs.append(json.loads(capsys.readouterr().out))
    assert outputs[-1]["verified"] and len(outputs[-1]["pruned"]) == 1
    assert len(folder_backups(usb)) == 2
    assert main(["--data-dir", root, "backup", "--keep", "2"]) == 2  # --keep without --to
    assert main(["--data-dir", root, "backup", "--to", str(tmp_path / "gone")]) == 3
    assert "backup folder" in capsys.readouterr().err
    assert options.BACKUP_LAST_PROBLEM.key  # the problem is recorded under the declared setting


def test_an_empty_or_relative_folder_never_backs_up_into_the_working_directory(store, tmp_path: Path,  # noqa: F811
                                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    here = tmp_path / "where-the-app-started"
    here.mkdir()
    monkeypatch.chdir(here)
    for folder in (Path(""), Path("usb")):
        with pytest.raises(Exception) as raised:
            run_backup_to_folder(store, folder, 14, now=NOON)
        assert getattr(raised.value, "kind", "") == "backup.folder_relative"
    assert list(here.iterdir()) == [] and last_good(store) is None


def test_restoring_the_backup_just_made_needs_no_confirmation(store, tmp_path: Path) -> None:  # noqa: F811
    from app.store.scheduled_backup import restore_risk

    usb = tmp_path / "usb"
    usb.mkdir()
    backup = run_backup_to_folder(store, usb, 14, now=NOON).path
    assert not restore_risk(store, backup).needs_confirmation  # its own audit rows are not work
    store.add_user(username="tuan", full_name="Lê Văn Tuấn", role="receiver", password="mật-khẩu-của-tuấn")
    assert restore_risk(store, backup).events_after == 1
