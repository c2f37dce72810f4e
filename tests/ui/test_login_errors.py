"""Sign-in failures are shown on the screen with what to do next, never as crashes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.paths import DataPaths
from tests.ui.conftest import DESK_PASSWORD
from tests.ui.conftest import fill
from tests.ui.conftest import press_enter
from tests.ui.conftest import save_screen
from ui.login_screen import LoginScreen
from ui.tasks import TaskRunner


def sign_in(qtbot, screen: LoginScreen, username: str, password: str) -> None:  # type: ignore[no-untyped-def]
    fill(qtbot, screen.username, username)
    fill(qtbot, screen.password, password)
    press_enter(qtbot, screen.password)


def make_login(qtbot, paths: DataPaths, runner: TaskRunner):  # type: ignore[no-untyped-def]
    screen = LoginScreen(paths, runner)
    qtbot.addWidget(screen)
    opened: list[object] = []
    screen.signed_in.connect(opened.append)
    return screen, opened


def test_lockout_says_when_to_try_again(qtbot, desk_store, paths, runner, vietnamese) -> None:
    desk_store.close()
    screen, opened = make_login(qtbot, paths, runner)
    for _ in range(5):
        sign_in(qtbot, screen, "admin", "sai-mat-khau")
    assert "Đăng nhập sai quá nhiều lần" in screen.message.text()
    assert "phút" in screen.message.text()
    # Even the right password is refused while locked out.
    sign_in(qtbot, screen, "admin", DESK_PASSWORD)
    assert not opened and "Đăng nhập sai quá nhiều lần" in screen.message.text()
    save_screen(screen, "login_locked_out")


def test_empty_fields_are_refused(qtbot, desk_store, paths, runner, vietnamese) -> None:
    screen, opened = make_login(qtbot, paths, runner)
    press_enter(qtbot, screen.password)
    assert screen.message.text() == "Hãy nhập tên đăng nhập và mật khẩu."
    assert not opened


def test_damaged_store_offers_the_latest_backup(qtbot, desk_store, paths, runner, vietnamese) -> None:
    backup = desk_store.backup()
    desk_store.close()
    with open(paths.store, "r+b") as handle:  # wreck the pages after the header
        handle.seek(4096)
        handle.write(b"\xff" * 8192)
    screen, opened = make_login(qtbot, paths, runner)
    sign_in(qtbot, screen, "admin", DESK_PASSWORD)
    assert not opened
    assert "bị hỏng" in screen.message.text() and backup.name in screen.message.text()
    assert not screen.restore_button.isHidden()
    save_screen(screen, "login_damaged_store")

    qtbot.keyClick(screen.restore_button, Qt.Key.Key_Space)
    box = screen.restore_confirm
    assert box is not None and backup.name in box.text()
    press_enter(qtbot, box)  # the default button is Restore
    qtbot.waitUntil(lambda: "Đã khôi phục" in screen.message.text(), timeout=3000)
    sign_in(qtbot, screen, "admin", DESK_PASSWORD)
    assert len(opened) == 1
    opened[0].close()


def test_restore_can_be_cancelled(qtbot, desk_store, paths, runner, vietnamese) -> None:
    desk_store.backup()
    desk_store.close()
    with open(paths.store, "r+b") as handle:
        handle.seek(4096)
        handle.write(b"\xff" * 8192)
    damaged = paths.store.read_bytes()
    screen, _opened = make_login(qtbot, paths, runner)
    sign_in(qtbot, screen, "admin", DESK_PASSWORD)
    qtbot.keyClick(screen.restore_button, Qt.Key.Key_Space)
    qtbot.keyClick(screen.restore_confirm, Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert paths.store.read_bytes() == damaged


def test_sign_in_on_the_real_store_lane(qtbot, desk_store, paths) -> None:
    """Same screen with real threads: the GUI stays responsive and the result arrives."""
    desk_store.close()
    runner = TaskRunner()
    try:
        screen, opened = make_login(qtbot, paths, runner)
        sign_in(qtbot, screen, "admin", DESK_PASSWORD)
        assert not screen.sign_in_button.isEnabled()  # working on it, not blocking
        qtbot.waitUntil(lambda: len(opened) == 1, timeout=5000)
        assert screen.sign_in_button.isEnabled()
        opened[0].close()
    finally:
        runner.shutdown()
