"""A desk restored from its USB backup through the app on a NEW computer (an empty data folder, another
HOME): the setup screen restores it with a full check, the sign-in screen follows, and the pending
dossier then reaches the real portal with its scans. Also: the Sao lưu tab of a working desk,
once the official confirms, replaces the store (set aside, never deleted) and returns to sign-in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.paths import data_paths
from app.store import scheduled_backup
from portal.admin import list_dossiers
from sync.engine import sync_once
from tests.app.reception_support import PASSWORD
from tests.sync.support import receive
from ui.app import DeskApp
from ui.login_screen import LoginScreen
from ui.main_window import MainWindow
from ui.setup_screen import SetupScreen
from ui.tasks import TaskRunner


@pytest.fixture
def runner(qapp: QApplication) -> Iterator[TaskRunner]:
    tasks = TaskRunner(synchronous=True)
    yield tasks
    tasks.shutdown()


def _sign_in(app: DeskApp) -> MainWindow:
    screen = app.screen
    assert isinstance(screen, LoginScreen), screen
    screen.username.setText("admin")
    screen.password.setText(PASSWORD)
    screen.submit()
    assert isinstance(app.screen, MainWindow), getattr(app.screen, "message", None) and app.screen.message.text()
    return app.screen


def test_restore_from_the_setup_screen_of_a_new_pc_then_sync(enrolled, portal_db, runner, qtbot, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    pending = receive(enrolled, tmp_path)
    usb = tmp_path / "usb"
    usb.mkdir()
    backup = scheduled_backup.run_backup_to_folder(enrolled, usb, 14).path
    monkeypatch.setenv("HOME", str(tmp_path / "other-home"))
    new_pc = data_paths(tmp_path / "new-pc")
    app = DeskApp(new_pc, runner)
    app.start()
    setup = app.screen
    assert isinstance(setup, SetupScreen)
    qtbot.addWidget(setup)
    dialog = setup.restore_from_backup(backup)
    dialog.password.setText("a wrong password")
    dialog._accept()
    assert isinstance(app.screen, SetupScreen) and not new_pc.store.exists()  # refused, nothing written
    qtbot.addWidget(app.screen)
    dialog = app.screen.restore_from_backup(backup)
    dialog.password.setText(PASSWORD)
    dialog._accept()
    assert isinstance(app.screen, LoginScreen)
    qtbot.addWidget(app.screen)
    window = _sign_in(app)
    qtbot.addWidget(window)
    report = sync_once(window.store, reserve=False)
    assert (report.sent, report.quarantined, report.blobs_uploaded) == (1, 0, 2), report
    assert [d["code"] for d in list_dossiers(portal_db)] == [pending.code]
    window.close()


def test_restore_from_the_backup_tab_replaces_the_store_after_confirmation(enrolled, runner, qtbot,
                                                                           tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    backup = scheduled_backup.run_backup_to_folder(enrolled, usb, 14).path
    paths = enrolled.paths
    later = receive(enrolled, tmp_path, name="after-the-backup")  # newer, unsynced work
    enrolled.close()
    app = DeskApp(paths, runner)
    app.start()
    window = _sign_in(app)
    qtbot.addWidget(window)
    panel = window.settings_page.backup_panel
    asked = []
    panel.confirm_risk = lambda risk: asked.append(risk) or True
    dialog = panel.restore(backup)
    dialog.password.setText(PASSWORD)
    dialog._accept()
    assert asked and asked[0].unsynced >= 1 and asked[0].events_after >= 1
    assert isinstance(app.screen, LoginScreen)
    assert list((paths.root / "damaged").glob("store-*.db"))  # the replaced store is kept
    qtbot.addWidget(app.screen)
    window = _sign_in(app)
    qtbot.addWidget(window)
    with window.store.read_session() as session:
        from sqlalchemy import select

        from app.store.models import Dossier
        codes = list(session.scalars(select(Dossier.code)))
    assert later.code not in codes
    window.close()
