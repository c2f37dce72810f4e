"""The background runner (woken by notify, stops cleanly) and the enroll / sync commands."""

from __future__ import annotations

import json
import threading

from portal.admin import create_enrolment_token, list_dossiers
from sync.runner import SyncRunner
from tests.app.reception_support import PASSWORD
from tests.sync.support import receive


def test_runner_sends_when_notified_and_stops(enrolled, portal_db, tmp_path) -> None:
    delivered = threading.Event()
    runner = SyncRunner(enrolled, monitor_interval_s=60, idle_s=60,
                        on_report=lambda r: delivered.set() if r.sent else None)
    runner.start()
    try:
        receive(enrolled, tmp_path)
        runner.notify()
        assert delivered.wait(20), runner.last_report
    finally:
        runner.stop()
    assert not runner._thread.is_alive()
    assert len(list_dossiers(portal_db)) == 1
    assert runner.status(enrolled).waiting == 0


def test_cli_enroll_and_sync_once(desk, portal, portal_db, tmp_path, monkeypatch, capsys) -> None:
    from app.cli.main import main

    receive(desk, tmp_path)
    folder = str(desk.paths.root)
    monkeypatch.setenv("MOTCUA_PASSWORD", PASSWORD)
    token = create_enrolment_token(portal_db, desk.unit.code)
    argv = ["--data-dir", folder, "--json"]
    assert main([*argv, "enroll", "--portal", portal.url, "--token", token, "--user", "admin"],
                extra_commands=("sync.cli",)) == 0
    assert json.loads(capsys.readouterr().out)["unit_code"] == desk.unit.code
    assert main([*argv, "sync", "--once", "--user", "admin"], extra_commands=("sync.cli",)) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["sent"] == 1 and out["online"] is True
    assert len(list_dossiers(portal_db)) == 1


def test_runner_of_a_desk_not_enrolled_waits_instead_of_spinning(desk, tmp_path) -> None:
    # A waiting dossier on a desk that cannot send it: the thread must sleep until a person acts.
    receive(desk, tmp_path)
    runner = SyncRunner(desk, monitor_interval_s=60, idle_s=60)
    runner.start()
    try:
        first = threading.Event()
        for _ in range(100):
            if runner.passes:
                break
            first.wait(0.05)
        first.wait(0.5)
        assert runner.passes == 1, f"{runner.passes} passes in half a second: the thread is spinning"
    finally:
        runner.stop()
