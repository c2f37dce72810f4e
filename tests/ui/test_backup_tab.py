"""Cài đặt › Sao lưu and the daily backup in the desk app: "Sao lưu ngay" writes a verified backup
that the list shows; the scheduler makes a missed day's backup once, not twice; the status bar
warns when the last good backup is older than two days and opens the tab; a restore that would
undo newer work asks first and does nothing when refused."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt

from app import options
from app.store import scheduled_backup
from app.store.scheduled_backup import BackupSettings
from tests.ui.conftest import DESK_PASSWORD, fill, save_screen
from ui.main_window import MainWindow


def _window(qtbot, store, paths, runner) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(store, paths, runner)
    qtbot.addWidget(window)
    window.start()
    return window


def test_back_up_now_writes_a_verified_backup_and_lists_it(qtbot, desk_store, paths, runner, vietnamese,
                                                           tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    window = _window(qtbot, desk_store, paths, runner)
    window.show_backups()
    panel = window.settings_page.backup_panel
    assert panel is not None and window.settings_page.tabs.currentWidget() is panel
    fill(qtbot, panel.folder, str(usb))
    panel.keep.setValue(7)
    qtbot.keyClick(panel.now_button, Qt.Key.Key_Space)
    made = scheduled_backup.folder_backups(usb)
    assert len(made) == 1 and made[0].whole
    assert desk_store.get_setting(options.BACKUP_KEEP.key) == 7
    assert panel.table.rowCount() == 1 and panel.table.item(0, 2).text() == "Nguyên vẹn"
    assert panel.state.text().startswith("Bản sao lưu tốt gần nhất:")
    assert window.backup_warning.isHidden()
    window.resize(1200, 760)
    save_screen(window, "backup-settings", publish=True)
    window.close()


def test_missed_day_is_backed_up_once_when_the_desk_opens(qtbot, desk_store, paths, runner,
                                                          tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    scheduled_backup.save_settings(desk_store, BackupSettings(str(usb), "12:00", 14))
    three_days = (datetime.now() - timedelta(days=3)).isoformat()
    desk_store.set_setting(options.BACKUP_LAST_GOOD.key, {"at": three_days, "file": "x.zip"})
    window = _window(qtbot, desk_store, paths, runner)
    window.backups.check()  # what the first-check timer does after sign-in
    window.backups.check()  # and the next tick: already made today
    assert len(scheduled_backup.folder_backups(usb)) == 1
    assert window.backup_warning.isHidden()
    window.close()


def test_status_bar_warns_after_two_days_and_opens_the_tab(qtbot, desk_store, paths, runner, vietnamese) -> None:
    window = _window(qtbot, desk_store, paths, runner)
    assert not window.backup_warning.isHidden() and "Chưa có bản sao lưu" in window.backup_warning.text()
    desk_store.set_setting(options.BACKUP_LAST_GOOD.key,
                           {"at": (datetime.now() - timedelta(days=1, hours=23)).isoformat(), "file": "x.zip"})
    window.backups.refresh()
    assert window.backup_warning.isHidden()
    desk_store.set_setting(options.BACKUP_LAST_GOOD.key,
                           {"at": (datetime.now() - timedelta(days=3, hours=1)).isoformat(), "file": "x.zip"})
    desk_store.set_setting(options.BACKUP_LAST_PROBLEM.key,
                           {"at": datetime.now().isoformat(), "kind": "backup.folder_missing",
                            "params": {"folder": "E:\\SaoLuu"}})
    window.backups.refresh()
    assert not window.backup_warning.isHidden()
    assert "Sao lưu gần nhất cách đây 3 ngày" in window.backup_warning.text()
    assert "ổ USB đã cắm chưa" in window.backup_warning.toolTip()
    window.resize(1200, 760)
    save_screen(window, "backup-warning", publish=True)
    window.backup_warning.linkActivated.emit("backup")
    assert window.current_page == "settings"
    assert window.settings_page.tabs.currentWidget() is window.settings_page.backup_panel
    window.close()


def test_restore_over_newer_work_asks_and_a_no_restores_nothing(qtbot, desk_store, paths, runner, vietnamese,
                                                                  tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    backup = scheduled_backup.run_backup_to_folder(desk_store, usb, 14).path
    desk_store.add_user(username="tuan", full_name="Lê Văn Tuấn", role="receiver", password="mật-khẩu-của-tuấn")
    window = _window(qtbot, desk_store, paths, runner)
    panel = window.settings_page.backup_panel
    asked = []
    panel.confirm_risk = lambda risk: asked.append(risk) or False
    requested = []
    panel.restore_requested.connect(requested.append)
    dialog = panel.restore(backup)
    fill(qtbot, dialog.password, DESK_PASSWORD)
    dialog._accept()
    assert asked and asked[0].events_after >= 1 and requested == []
    assert not window._handed_back and paths.store.exists() and "Chưa khôi phục" in panel.message.text()
    panel.scheduler.running = True  # a scheduled backup still reading the store
    panel.confirm_risk = lambda risk: True
    dialog = panel.restore(backup)
    fill(qtbot, dialog.password, DESK_PASSWORD)
    dialog._accept()
    assert requested == [] and panel.message.text() == "Đang sao lưu; hãy khôi phục sau khi xong."
    panel.scheduler.running = False
    window.close()
