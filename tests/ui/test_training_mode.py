"""Training mode on the desk, driven like an official would: from the sign-in screen (by the
keyboard) into the training store, the orange banner and the title on the window, the Sync page
saying it never syncs, and "Làm lại dữ liệu tập huấn…" after a confirmation; the real store's
files stay byte for byte as they were."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.clock import local_today
from app.paths import DataPaths
from app.training import TRAINING_MARK, TRAINING_PASSWORD, TRAINING_USERNAME, training_paths
from tests.ui.conftest import save_screen
from ui.app import DeskApp
from ui.login_screen import LoginScreen
from ui.main_window import MainWindow


def real_files(paths: DataPaths) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in (paths.store, paths.keys) if p.exists()}


def first_status(store) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from app.store.models import Dossier

    with store.read_session() as session:
        row = session.execute(select(Dossier.code, Dossier.status).order_by(Dossier.code)).first()
    return str(row.code), str(row.status)


def test_training_from_sign_in_to_reset(qtbot, paths, runner, desk_store, vietnamese,  # type: ignore[no-untyped-def]
                                        tmp_path: Path) -> None:
    desk_store.close()
    before = real_files(paths)
    assert set(before) == {"store.db", "keys.json"}

    desk = DeskApp(paths, runner)
    desk.start()
    login = desk.screen
    assert isinstance(login, LoginScreen)
    qtbot.addWidget(login)
    assert login.training_button.text().replace("&", "").startswith("Chế độ tập huấn")
    # Reachable by the keyboard: Tab from the recovery link lands on it, Space presses it.
    assert login.recovery_button.nextInFocusChain() is login.training_button
    assert login.training_button.focusPolicy() & Qt.FocusPolicy.TabFocus
    save_screen(login, "training-login", publish=True)
    login.training_button.setFocus()
    qtbot.keyClick(login.training_button, Qt.Key.Key_Space)

    window = desk.main_window
    assert isinstance(window, MainWindow) and desk.screen is window
    qtbot.addWidget(window)
    assert window.store.paths == training_paths(paths)
    assert window.store.user.username == TRAINING_USERNAME
    assert window.windowTitle().startswith(TRAINING_MARK)
    banner = window.training_banner
    assert banner is not None and banner.isVisible() and banner.mark.text() == TRAINING_MARK
    assert TRAINING_PASSWORD in banner.accounts.text() and "tập huấn" in banner.accounts.text()
    window.resize(1280, 800)
    window.show_page("dossiers")
    QApplication.processEvents()
    save_screen(window, "training-main", publish=True)

    # Đồng bộ: says it is the training store, and offers nothing that would reach a portal.
    window.show_page("sync")
    page = window.sync_page
    assert "bản tập huấn" in page.link.text()
    assert not page.sync_button.isEnabled() and not page.bundle_button.isEnabled()
    page.sync_now()
    assert "bản tập huấn" in page.message.text()

    # Báo cáo: the printable report (drawn by Qt, not reportlab) carries the mark too.
    reports = window.reports_page
    today = local_today()
    reports.set_period(today.replace(day=1), today)
    with qtbot.waitSignal(reports.report_shown, timeout=10_000):
        reports.start_edit.setFocus()
        qtbot.keyClick(reports.start_edit, Qt.Key.Key_Return)
    with qtbot.waitSignal(reports.viewer_shown, timeout=10_000) as opened:
        qtbot.mouseClick(reports.print_button, Qt.MouseButton.LeftButton)
    (tmp_path / "bao-cao.pdf").write_bytes(opened.args[0].shown.pdf)
    opened.args[0].reject()
    text = subprocess.run(["pdftotext", str(tmp_path / "bao-cao.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert TRAINING_MARK in text

    # Practice, then "Làm lại dữ liệu tập huấn…": cancel keeps it, yes starts again.
    from app.lifecycle.actions import act

    code, status = first_status(window.store)
    assert status == "DA_TIEP_NHAN"
    act(window.store, code, "result_ready")
    qtbot.mouseClick(banner.reset_button, Qt.MouseButton.LeftButton)
    box = banner.confirm_box
    assert box is not None and "Dữ liệu thật không bị ảnh hưởng" in box.text()
    box.reject()
    assert desk.main_window is window and first_status(window.store) == (code, "CO_KET_QUA")
    banner.confirm_reset()
    box = banner.confirm_box
    yes = next(b for b in box.buttons() if b.text().replace("&", "") == "Làm lại")
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)

    again = desk.main_window
    assert isinstance(again, MainWindow) and again is not window and desk.screen is again
    qtbot.addWidget(again)
    assert again.training_banner is not None
    assert first_status(again.store) == (code, "DA_TIEP_NHAN")
    again.close()
    assert desk.main_window is None
    assert real_files(paths) == before


def test_the_real_desk_has_no_training_banner(qtbot, paths, runner, desk_store) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(desk_store, paths, runner)
    qtbot.addWidget(window)
    assert window.training_banner is None and TRAINING_MARK not in window.windowTitle()
    assert window.sync_page.sync_button.isEnabled()
    window._handed_back = True  # the fixture closes its store itself
