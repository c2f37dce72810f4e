"""Officials at the desk, by keyboard and in Vietnamese: the admin's Cán bộ tab (add, role,
reset, deactivate, never the last admin), changing one's own password (forced after an admin
set it), opening the desk with the recovery key, the printed recovery sheet, and a lock screen
that speaks only of the password it asks for."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QAbstractButton
from PySide6.QtWidgets import QLabel

from app.paths import DataPaths
from app.store import open_store
from tests.ui.conftest import DESK_PASSWORD
from tests.screens import screens_folder
from tests.ui.conftest import fill
from tests.ui.conftest import press_enter
from tests.ui.conftest import save_screen
from ui.app import DeskApp
from ui.lock_screen import LockScreen
from ui.login_screen import LoginScreen
from ui.main_window import MainWindow
from ui.pages.settings import SettingsPage
from ui.pages.users import AddUserDialog
from ui.pages.users import ResetPasswordDialog
from ui.pages.users import RoleDialog
from ui.tasks import TaskRunner
from ui.widgets.change_password_dialog import ChangePasswordDialog
from ui.widgets.recovery_key_dialog import RecoveryKeyDialog
from ui.widgets.recovery_unlock_dialog import RecoveryUnlockDialog

MAI_FIRST = "mat-khau-ban-dau"
MAI_OWN = "mai-tu-chon-2026"


def has_focus(qtbot, widget) -> bool:  # type: ignore[no-untyped-def]
    """A dialog just opened becomes the active window on the next event-loop passes."""
    target = getattr(widget, "edit", widget)
    qtbot.waitUntil(target.hasFocus, timeout=2000)
    return True


def open_officials(qtbot, window: MainWindow):  # type: ignore[no-untyped-def]
    """Ctrl+6 to Cài đặt, Ctrl+Tab to the Cán bộ tab, as an official would."""
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    settings = window.settings_page
    assert window.current_page == "settings"
    settings.idle_minutes.setFocus()
    qtbot.keyClick(settings.idle_minutes, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    panel = settings.users_panel
    assert panel is not None and settings.tabs.currentWidget() is panel
    assert settings.tabs.tabText(1) == "Cán bộ"
    panel.table.setFocus()
    return panel


def admin_window(qtbot, store, paths: DataPaths, runner: TaskRunner) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(store, paths, runner)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):  # window shortcuts only fire in the active window
        window.show()
        window.activateWindow()
    window.start()
    return window


def row_of(panel, username: str) -> int:  # type: ignore[no-untyped-def]
    return [user.username for user in panel.users].index(username)


def press(qtbot, panel, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """A shortcut key in the officials' table, once the window is active again after a dialog
    (the offscreen platform has no window manager to hand activation back)."""
    panel.window().activateWindow()
    qtbot.waitUntil(panel.isActiveWindow, timeout=2000)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, key, modifier)


def add_mai(qtbot, panel, role_steps: int = 0) -> None:  # type: ignore[no-untyped-def]
    press(qtbot, panel, Qt.Key.Key_Insert)
    dialog = panel.dialog
    assert isinstance(dialog, AddUserDialog) and has_focus(qtbot, dialog.username)
    fill(qtbot, dialog.username, "mai.tn")
    press_enter(qtbot, dialog.username.edit)
    assert dialog.full_name.edit.hasFocus()
    fill(qtbot, dialog.full_name, "Trần Thị Mai")
    press_enter(qtbot, dialog.full_name.edit)
    for _ in range(role_steps):
        qtbot.keyClick(dialog.role, Qt.Key.Key_Down)
    fill(qtbot, dialog.new.password, MAI_FIRST)
    press_enter(qtbot, dialog.new.password.edit)
    fill(qtbot, dialog.new.repeat, MAI_FIRST)
    press_enter(qtbot, dialog.new.repeat.edit)


def test_lock_screen_speaks_only_of_the_password(qtbot, desk_store, runner, vietnamese) -> None:
    lock = LockScreen(desk_store, runner)
    qtbot.addWidget(lock)
    lock.resize(820, 640)
    lock.show()
    texts = " ".join(label.text() for label in lock.findChildren(QLabel))
    assert "Mật khẩu" in texts and "Tên đăng nhập" not in texts
    fill(qtbot, lock.password, "khong-dung-dau")
    press_enter(qtbot, lock.password)
    assert lock.message.text() == "Sai mật khẩu."
    save_screen(lock, "lock_screen_wrong_password")


def test_admin_manages_officials_by_keyboard(qtbot, desk_store, paths, runner, vietnamese) -> None:
    window = admin_window(qtbot, desk_store, paths, runner)
    panel = open_officials(qtbot, window)
    assert [u.username for u in panel.users] == ["admin"]

    # Ins: a bad form first, problems beside their fields, then the real one.
    press(qtbot, panel, Qt.Key.Key_Insert)
    dialog = panel.dialog
    assert isinstance(dialog, AddUserDialog) and has_focus(qtbot, dialog.username)
    fill(qtbot, dialog.username, "Mai Tran")
    fill(qtbot, dialog.new.password, "ngan")
    dialog.new.repeat.setFocus()
    press_enter(qtbot, dialog.new.repeat.edit)
    assert "chữ thường không dấu" in dialog.username.error
    assert dialog.full_name.error == "Hãy nhập họ và tên của cán bộ."
    assert dialog.new.password.error == "Ít nhất 8 ký tự."
    assert dialog.isVisible()
    save_screen(dialog, "users_add_errors")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    add_mai(qtbot, panel, role_steps=0)
    assert panel.dialog is None and panel.message.text() == "Đã thêm mai.tn."
    row = row_of(panel, "mai.tn")
    assert panel.table.item(row, 2).text() == "Cán bộ tiếp nhận"
    assert panel.table.item(row, 3).text() == "Đang hoạt động – phải tự chọn mật khẩu mới"

    # The same name again: said beside the user name, nothing added.
    press(qtbot, panel, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    again = panel.dialog
    has_focus(qtbot, again.username)
    fill(qtbot, again.username, "mai.tn")
    fill(qtbot, again.full_name, "Trần Thị Mai")
    fill(qtbot, again.new.password, MAI_FIRST)
    fill(qtbot, again.new.repeat, MAI_FIRST)
    press_enter(qtbot, again.new.repeat.edit)
    assert again.username.error == "Tên đăng nhập mai.tn đã có người dùng."
    qtbot.keyClick(again, Qt.Key.Key_Escape)

    # F2: supervisor, the last role in the list.
    panel.table.selectRow(row_of(panel, "mai.tn"))
    press(qtbot, panel, Qt.Key.Key_F2)
    role = panel.dialog
    assert isinstance(role, RoleDialog) and has_focus(qtbot, role.role)
    qtbot.keyClick(role.role, Qt.Key.Key_End)
    press_enter(qtbot, role.role)
    assert panel.table.item(row_of(panel, "mai.tn"), 2).text() == "Lãnh đạo, giám sát"
    window.resize(1200, 760)
    save_screen(window, "users-admin", publish=True)

    # Del asks first, and Enter keeps the official (the default is Hủy).
    press(qtbot, panel, Qt.Key.Key_Delete)
    box = panel.confirm_box
    assert box is not None and "Trần Thị Mai (mai.tn)" in box.text()
    press_enter(qtbot, box)
    assert "mai.tn" in json.loads(paths.keys.read_text())["users"]
    press(qtbot, panel, Qt.Key.Key_Delete)
    deactivate = next(b for b in panel.confirm_box.findChildren(QAbstractButton) if b.text() == "&Ngừng hoạt động")
    qtbot.keyClick(deactivate, Qt.Key.Key_Space)
    assert panel.message.text() == "Đã ngừng hoạt động mai.tn."
    assert "mai.tn" not in json.loads(paths.keys.read_text())["users"]
    row = row_of(panel, "mai.tn")
    assert panel.table.item(row, 3).text() == "Đã ngừng hoạt động"
    panel.table.selectRow(row)
    assert not panel.deactivate_button.isEnabled() and not panel.role_button.isEnabled()

    # Ctrl+R on a deactivated official: a new password brings them back.
    press(qtbot, panel, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    reset = panel.dialog
    assert isinstance(reset, ResetPasswordDialog) and has_focus(qtbot, reset.new.password)
    assert isinstance(reset, ResetPasswordDialog) and "hoạt động trở lại" in " ".join(
        label.text() for label in reset.findChildren(QLabel))
    fill(qtbot, reset.new.password, MAI_FIRST)
    fill(qtbot, reset.new.repeat, MAI_FIRST)
    press_enter(qtbot, reset.new.repeat.edit)
    assert panel.table.item(row_of(panel, "mai.tn"), 3).text().startswith("Đang hoạt động")
    assert "mai.tn" in json.loads(paths.keys.read_text())["users"]

    # The only administrator cannot be deactivated or demoted.
    panel.table.selectRow(row_of(panel, "admin"))
    press(qtbot, panel, Qt.Key.Key_Delete)
    deactivate = next(b for b in panel.confirm_box.findChildren(QAbstractButton) if b.text() == "&Ngừng hoạt động")
    qtbot.keyClick(deactivate, Qt.Key.Key_Space)
    assert panel.message.text() == ("admin là quản trị viên cuối cùng đang hoạt động. "
                                    "Hãy giao vai trò quản trị cho một cán bộ khác trước.")
    press(qtbot, panel, Qt.Key.Key_F2)
    role = panel.dialog
    qtbot.keyClick(role.role, Qt.Key.Key_End)
    press_enter(qtbot, role.role)
    assert role.isVisible() and "quản trị viên cuối cùng" in role.message.text()
    save_screen(role, "users_last_admin")
    qtbot.keyClick(role, Qt.Key.Key_Escape)
    assert "admin" in json.loads(paths.keys.read_text())["users"]
    window.close()


def test_a_receiver_has_no_officials_tab(qtbot, desk_store, paths, runner, vietnamese) -> None:
    desk_store.add_user(username="mai.tn", full_name="Trần Thị Mai", role="receiver", password=MAI_FIRST)
    desk_store.close()
    mai = open_store(paths, username="mai.tn", password=MAI_FIRST, to_change_password=True)
    settings = SettingsPage(mai, paths, runner, "vi")
    qtbot.addWidget(settings)
    titles = [settings.tabs.tabText(index) for index in range(settings.tabs.count())]
    # Every official sees the calendar and what is still to set up; officials and backups are the admin's.
    assert settings.users_panel is None and titles == ["Chung", "Lịch làm việc", "Cần thiết lập"]
    mai.close()


def sign_in(qtbot, login: LoginScreen, username: str, password: str) -> None:  # type: ignore[no-untyped-def]
    fill(qtbot, login.username, username)
    fill(qtbot, login.password, password)
    press_enter(qtbot, login.password)


def mai_signs_in(qtbot, desk_store, paths, runner):  # type: ignore[no-untyped-def]
    """The admin added Mai with a first password; she signs in at the desk with it."""
    desk_store.add_user(username="mai.tn", full_name="Trần Thị Mai", role="receiver", password=MAI_FIRST)
    desk_store.close()
    desk = DeskApp(paths, runner)
    desk.start()
    qtbot.addWidget(desk.screen)
    sign_in(qtbot, desk.screen, "mai.tn", MAI_FIRST)
    window = desk.main_window
    assert isinstance(window, MainWindow) and window.store.user.username == "mai.tn"
    qtbot.addWidget(window)
    return desk, window


def test_second_official_chooses_a_password_then_is_deactivated(qtbot, desk_store, paths, runner,
                                                                  vietnamese) -> None:
    desk, window = mai_signs_in(qtbot, desk_store, paths, runner)
    dialog = window.password_dialog
    assert isinstance(dialog, ChangePasswordDialog) and dialog.forced
    assert dialog.windowTitle() == "Chọn mật khẩu của riêng bạn" and has_focus(qtbot, dialog.current)
    fill(qtbot, dialog.current, MAI_FIRST)
    press_enter(qtbot, dialog.current.edit)
    fill(qtbot, dialog.new.password, MAI_FIRST)
    press_enter(qtbot, dialog.new.password.edit)
    fill(qtbot, dialog.new.repeat, MAI_FIRST)
    press_enter(qtbot, dialog.new.repeat.edit)
    assert dialog.message.text() == "Mật khẩu mới phải khác mật khẩu hiện tại."
    fill(qtbot, dialog.current, "khong-phai-mat-khau")
    fill(qtbot, dialog.new.password, MAI_OWN)
    fill(qtbot, dialog.new.repeat, MAI_OWN)
    press_enter(qtbot, dialog.new.repeat.edit)
    assert dialog.current.error == "Sai mật khẩu."
    fill(qtbot, dialog.current, MAI_FIRST)
    fill(qtbot, dialog.new.password, MAI_OWN)
    fill(qtbot, dialog.new.repeat, MAI_OWN)
    save_screen(dialog, "change-password", publish=True)
    press_enter(qtbot, dialog.new.repeat.edit)
    assert window.password_dialog is None and not dialog.isVisible()
    assert window.status.currentMessage() == "Đã đổi mật khẩu."
    window.close()
    open_store(paths, username="mai.tn", password=MAI_OWN).close()  # no change asked any more

    admin = open_store(paths, username="admin", password=DESK_PASSWORD)
    admin.deactivate_user(username="mai.tn")
    admin.close()
    desk.show_login()
    login = desk.screen
    qtbot.addWidget(login)
    sign_in(qtbot, login, "mai.tn", MAI_OWN)
    assert desk.main_window is None
    assert login.message.text() == ("Tài khoản này đã bị ngừng hoạt động. Hãy nhờ quản trị viên "
                                    "đặt lại mật khẩu để dùng lại.")
    save_screen(login, "login_deactivated")


def test_closing_the_forced_password_dialog_signs_out(qtbot, desk_store, paths, runner, vietnamese) -> None:
    desk, window = mai_signs_in(qtbot, desk_store, paths, runner)
    qtbot.keyClick(window.password_dialog, Qt.Key.Key_Escape)
    assert desk.main_window is None and isinstance(desk.screen, LoginScreen)
    qtbot.addWidget(desk.screen)


def test_change_own_password_from_anywhere(qtbot, desk_store, paths, runner, vietnamese) -> None:
    window = admin_window(qtbot, desk_store, paths, runner)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.password_dialog
    assert isinstance(dialog, ChangePasswordDialog) and not dialog.forced
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert window.password_dialog is None and not window.is_locked  # no sign-out when not forced
    qtbot.keyClick(window.settings_page.password_button, Qt.Key.Key_Space)
    dialog = window.password_dialog
    fill(qtbot, dialog.current, DESK_PASSWORD)
    fill(qtbot, dialog.new.password, "mat-khau-moi-2026")
    fill(qtbot, dialog.new.repeat, "mat-khau-moi-2026")
    press_enter(qtbot, dialog.new.repeat.edit)
    assert window.password_dialog is None
    window.close()
    desk_store.close()
    open_store(paths, username="admin", password="mat-khau-moi-2026").close()


@pytest.fixture
def recoverable(paths: DataPaths):  # type: ignore[no-untyped-def]
    """A desk whose recovery key the test knows, with a second administrator."""
    from app.desk_setup import create_desk

    store, key = create_desk(paths, unit_code="000.00.06.H56", unit_name="UBND xã Tân Lập",
                             admin_username="admin", admin_full_name="Nguyễn Thị Hoà",
                             admin_password=DESK_PASSWORD)
    store.add_user(username="cuong.pv", full_name="Phạm Văn Cường", role="admin", password="mat-khau-cuong")
    store.close()
    return key


def test_recovery_key_opens_the_desk_by_keyboard(qtbot, recoverable: str, paths, runner, vietnamese) -> None:
    login = LoginScreen(paths, runner)
    qtbot.addWidget(login)
    login.resize(820, 640)
    login.show()
    assert login.recovery_button.text() == "&Quên mật khẩu / dùng mã khôi phục…"
    opened: list[object] = []
    login.signed_in.connect(opened.append)
    qtbot.keyClick(login.recovery_button, Qt.Key.Key_Space)
    dialog = login.recovery_dialog
    assert isinstance(dialog, RecoveryUnlockDialog) and has_focus(qtbot, dialog.key)

    fill(qtbot, dialog.key, "ABCD-EFGH")
    press_enter(qtbot, dialog.key.edit)
    assert dialog.key.error == "Mã gồm 40 chữ cái và chữ số; bạn đã nhập 8."
    wrong = ("B" if recoverable[0] == "A" else "A") + recoverable[1:]
    fill(qtbot, dialog.key, wrong)
    press_enter(qtbot, dialog.key.edit)
    assert dialog.key.error == "Đây không phải mã khôi phục của máy này." and dialog.step == 1

    fill(qtbot, dialog.key, recoverable.lower().replace("-", " "))  # as typed from the sheet
    save_screen(dialog, "recovery-unlock-key", publish=True)
    press_enter(qtbot, dialog.key.edit)
    assert dialog.step == 2 and dialog.admin.hasFocus() and dialog.key.text() == ""
    assert [dialog.admin.itemData(i) for i in range(dialog.admin.count())] == ["admin", "cuong.pv"]
    qtbot.keyClick(dialog.admin, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.admin, Qt.Key.Key_Tab)
    assert dialog.new.password.edit.hasFocus()
    fill(qtbot, dialog.new.password, "cuong-mat-khau-moi")
    press_enter(qtbot, dialog.new.password.edit)
    fill(qtbot, dialog.new.repeat, "cuong-mat-khau-moi")
    save_screen(dialog, "recovery-unlock", publish=True)
    press_enter(qtbot, dialog.new.repeat.edit)

    assert len(opened) == 1 and login.recovery_dialog is None
    store = opened[0]
    assert store.user.username == "cuong.pv" and not store.must_change_password
    with store.read_session() as session:
        from sqlalchemy import select

        from app.store.models import AuditEvent
        log = [(e.username, e.action, (e.details or {}).get("username"))
               for e in session.scalars(select(AuditEvent).order_by(AuditEvent.seq))]
    assert ("admin", "login_recovery", None) in log and ("admin", "password_reset", "cuong.pv") in log
    store.close()
    open_store(paths, username="cuong.pv", password="cuong-mat-khau-moi").close()


def test_cancelled_recovery_leaves_passwords_alone(qtbot, recoverable: str, paths, runner, vietnamese) -> None:
    keys_before = json.loads(paths.keys.read_text())["users"]
    login = LoginScreen(paths, runner)
    qtbot.addWidget(login)
    login.open_recovery()
    dialog = login.recovery_dialog
    fill(qtbot, dialog.key, recoverable)
    press_enter(qtbot, dialog.key.edit)
    assert dialog.step == 2
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert login.recovery_dialog is None and dialog.recovered is None
    assert json.loads(paths.keys.read_text())["users"] == keys_before
    open_store(paths, username="admin", password=DESK_PASSWORD).close()


@pytest.mark.parametrize("paper", ["A4", "A6"])
def test_recovery_sheet_has_unit_and_date_and_whole_groups(qtbot, tmp_path: Path, vietnamese, paper: str) -> None:
    key = "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567-ABCD-EFGH"
    dialog = RecoveryKeyDialog(key, "Trung tâm Phục vụ hành chính công xã Tân Lập", unit_code="000.00.06.H56",
                               made_on=date(2026, 3, 9))
    qtbot.addWidget(dialog)
    pdf = tmp_path / "recovery.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(pdf))
    printer.setPageSize(QPageSize(getattr(QPageSize.PageSizeId, paper)))
    dialog.printable_document(printer).print_(printer)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = " ".join(text.split())
    assert "000.00.06.H56" in flat and "Tân Lập" in flat and "09/03/2026" in flat
    assert "Quên mật khẩu / dùng mã khôi phục" in flat
    # Every group whole and in order, row after row: none split, none cut off at the page edge.
    groups = key.split("-")
    rows = [line.split() for line in text.splitlines()
            if line.split() and all(len(word) == 4 and word.isalnum() and (word.isupper() or word.isdigit())
                                    for word in line.split())]
    assert [group for row in rows for group in row] == groups, text
    folder = screens_folder()  # outside the checkout unless MOTCUA_SCREENS says otherwise
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-singlefile", str(pdf),
                    str(folder / f"recovery-sheet-{paper}")], check=True)
