"""The desk from first start to idle lock, driven by the keyboard against a real store.

setup -> recovery key -> main window -> close -> login (wrong, then right password) ->
main window -> idle lock -> unlock with the password.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.paths import DataPaths
from app.store.service import store_exists
from tests.ui.conftest import fill
from tests.ui.conftest import press_enter
from tests.ui.conftest import save_screen
from ui.app import DeskApp
from ui.login_screen import LoginScreen
from ui.main_window import MainWindow
from ui.setup_screen import SetupScreen
from ui.tasks import TaskRunner

UNIT_CODE = "000.00.06.H56"
UNIT_NAME = "Trung tâm Phục vụ hành chính công xã Tân Lập"
ADMIN = "admin"
PASSWORD = "mật-khẩu-đủ-dài"


def fill_setup(qtbot, screen: SetupScreen) -> None:  # type: ignore[no-untyped-def]
    fill(qtbot, screen.unit_code, UNIT_CODE)
    fill(qtbot, screen.unit_name, UNIT_NAME)
    fill(qtbot, screen.admin_username, ADMIN)
    fill(qtbot, screen.admin_full_name, "Nguyễn Thị Hoà")
    fill(qtbot, screen.password, PASSWORD)
    fill(qtbot, screen.password_repeat, PASSWORD)


def close_desk(desk: DeskApp) -> None:
    if desk.main_window is not None:
        desk.main_window.close()


def test_first_start_then_login_then_idle_lock(qtbot, paths, runner, vietnamese) -> None:
    desk = DeskApp(paths, runner)
    desk.start()
    setup = desk.screen
    assert isinstance(setup, SetupScreen)
    qtbot.addWidget(setup)
    setup.show()
    save_screen(setup, "setup_empty")

    fill_setup(qtbot, setup)
    save_screen(setup, "setup", publish=True)
    press_enter(qtbot, setup.password_repeat.edit)

    dialog = setup.recovery_dialog
    assert dialog is not None and store_exists(paths)
    assert len(dialog.key_label.text()) >= 20
    save_screen(dialog, "recovery_key")
    press_enter(qtbot, dialog)  # not ticked: must not continue
    assert not dialog.continue_button.isEnabled() and desk.main_window is None
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Space)
    assert dialog.continue_button.isEnabled()
    qtbot.keyClick(dialog.continue_button, Qt.Key.Key_Space)
    # Enrolment with the portal is offered next; without a token yet, "Later" opens the desk.
    enrol = setup.enrol_dialog
    assert enrol is not None and enrol.isVisible() and desk.main_window is None
    later = enrol.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert later.text() == "&Để sau"
    save_screen(enrol, "setup_enrol")
    qtbot.keyClick(later, Qt.Key.Key_Space)

    window = desk.main_window
    assert isinstance(window, MainWindow) and desk.screen is window
    qtbot.addWidget(window)
    assert window.store.user.username == ADMIN
    assert UNIT_NAME in window.status.user.text()
    window.close()
    assert desk.main_window is None

    # Second start: the store exists, so sign-in comes first.
    desk = DeskApp(paths, runner)
    desk.start()
    login = desk.screen
    assert isinstance(login, LoginScreen) and login.isVisible()
    qtbot.addWidget(login)
    fill(qtbot, login.username, ADMIN)
    fill(qtbot, login.password, "sai-mat-khau-roi")
    press_enter(qtbot, login.password)
    assert desk.main_window is None
    assert login.message.text() == "Sai tên đăng nhập hoặc mật khẩu."
    save_screen(login, "login_wrong_password")
    fill(qtbot, login.password, PASSWORD)
    press_enter(qtbot, login.password)

    window = desk.main_window
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.show()
    try:
        assert not window.is_locked
        window.idle.set_timeout_ms(30)
        qtbot.waitUntil(lambda: window.is_locked, timeout=3000)
        save_screen(window, "lock_screen")
        lock = window.lock_screen
        fill(qtbot, lock.password, "khong-dung")
        press_enter(qtbot, lock.password)
        assert window.is_locked and lock.message.text()
        window.idle.set_timeout_ms(60_000)
        fill(qtbot, lock.password, PASSWORD)
        press_enter(qtbot, lock.password)
        assert not window.is_locked
    finally:
        close_desk(desk)


def test_setup_shows_problems_next_to_fields(qtbot, paths, runner, vietnamese) -> None:
    setup = SetupScreen(paths, runner)
    qtbot.addWidget(setup)
    setup.resize(820, 640)
    setup.show()
    fill(qtbot, setup.unit_code, "H56")
    fill(qtbot, setup.password, "ngan")
    fill(qtbot, setup.password_repeat, "khac")
    press_enter(qtbot, setup.password_repeat.edit)
    assert "000.00.06.H56" in setup.unit_code.error
    assert setup.unit_name.error and setup.admin_username.error
    assert setup.password.error == "Ít nhất 8 ký tự."
    assert setup.password_repeat.error == "Hai mật khẩu không giống nhau."
    assert setup.recovery_dialog is None and not store_exists(paths)
    save_screen(setup, "setup_errors")
    fill(qtbot, setup.unit_code, UNIT_CODE)
    assert setup.unit_code.error == ""


def test_switch_user_from_lock_goes_back_to_login(qtbot, paths: DataPaths, runner: TaskRunner) -> None:
    desk = DeskApp(paths, runner)
    desk.start()
    qtbot.addWidget(desk.screen)
    fill_setup(qtbot, desk.screen)
    press_enter(qtbot, desk.screen.password_repeat.edit)
    dialog = desk.screen.recovery_dialog
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Space)
    press_enter(qtbot, dialog)
    qtbot.keyClick(desk.screen.enrol_dialog, Qt.Key.Key_Escape)  # enrol later
    qtbot.waitUntil(lambda: desk.main_window is not None, timeout=3000)
    window = desk.main_window
    qtbot.addWidget(window)
    window.lock()
    qtbot.keyClick(window.lock_screen.switch_button, Qt.Key.Key_Space)
    assert isinstance(desk.screen, LoginScreen) and desk.main_window is None
    qtbot.addWidget(desk.screen)


def test_enter_walks_through_the_setup_form(qtbot, paths: DataPaths, runner: TaskRunner) -> None:
    setup = SetupScreen(paths, runner)
    qtbot.addWidget(setup)
    with qtbot.waitActive(setup):
        setup.show()
        setup.activateWindow()
    setup.unit_code.setFocus()
    fields = [setup.unit_code, setup.unit_name, setup.admin_username, setup.admin_full_name,
              setup.password, setup.password_repeat]
    for field, following in zip(fields, fields[1:]):
        assert field.edit.hasFocus()
        press_enter(qtbot, field.edit)
        assert following.edit.hasFocus()
