"""The audit chain's head anchored outside the store: deleting the last rows, or rewriting the
log and recomputing every hash, passes the chain walk but not `check` against a backup's anchor."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli.main import main
from app.paths import DataPaths, data_paths
from app.store import create_store, open_store
from app.store.anchors import current_anchor
from tests.app.audit_tamper import tamper_audit

PASSWORD = "password-123"


@pytest.fixture
def paths(data_dir: Path) -> DataPaths:
    paths = data_paths(data_dir)
    store, _ = create_store(paths, unit_code="000.00.06.H56", unit_name="UBND xã A", admin_username="admin",
                            admin_full_name="Admin", admin_password=PASSWORD)
    for i in range(4):
        store.set_setting(f"s{i}", i)
    store.backup()  # its manifest anchors the head: the last setting change
    store.set_setting("after", 1)  # events after the backup may come and go freely
    store.close()
    return paths


def tamper(paths: DataPaths, *statements: str, recompute: bool = False) -> None:
    tamper_audit(paths, "admin", PASSWORD, *statements, recompute=recompute)


def check(paths: DataPaths):  # type: ignore[no-untyped-def]
    store = open_store(paths, username="admin", password=PASSWORD)
    try:
        return store.check()
    finally:
        store.close()


def backup_name(paths: DataPaths) -> str:
    return next(paths.backups.glob("motcua-backup-*.zip")).name


def test_untouched_store_passes_and_says_which_anchor(paths: DataPaths) -> None:
    report = check(paths)
    assert report.ok, report.problems
    assert len(report.anchors) == 1 and report.anchors[0].startswith(f"backup {backup_name(paths)} (seq ")


def test_deleting_the_last_rows_is_caught(paths: DataPaths) -> None:
    store = open_store(paths, username="admin", password=PASSWORD)
    with store.read_session() as session:
        head = current_anchor(session).seq
    store.close()
    # Cut the log back to before the backup's head: the chain that is left is still valid.
    tamper(paths, f"DELETE FROM audit_events WHERE seq >= {head - 4}")
    report = check(paths)
    assert not report.ok and not report.audit_ok
    problem = next(p for p in report.problems if "deleted" in p)
    assert f"backup {backup_name(paths)}" in problem and "audit log ends at seq" in problem


def test_rewriting_and_recomputing_the_chain_is_caught(paths: DataPaths) -> None:
    tamper(paths, "DELETE FROM audit_events WHERE action = 'setting_changed' AND object_id = 's1'",
           recompute=True)
    report = check(paths)
    assert not report.ok and not report.audit_ok
    assert any("the log was rewritten" in p and f"backup {backup_name(paths)}" in p for p in report.problems), \
        report.problems


def test_cli_check_names_the_anchor(paths: DataPaths, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOTCUA_PASSWORD", PASSWORD)
    assert main(["--data-dir", str(paths.root), "check", "--user", "admin"]) == 0
    assert f"Audit anchor compared: backup {backup_name(paths)}" in capsys.readouterr().out
    tamper(paths, "DELETE FROM audit_events WHERE seq > 3")
    assert main(["--data-dir", str(paths.root), "check", "--user", "admin"]) == 3
    out = capsys.readouterr().out
    assert "deleted" in out and "PROBLEMS FOUND" in out
