"""The "Cần thiết lập" checklist on Cài đặt: each row's state from the real store, and its button."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from app import options
from app.calendar_years import confirm_year
from app.capture.sources.settings import ScannerSettings, save_scanner_settings
from tests.ui.conftest import save_screen
from ui.main_window import MainWindow
from ui.pages.setup_checklist import backup_folder_option, default_printer_name, years_in_use


def test_years_in_use_take_in_next_year_near_its_start() -> None:
    assert years_in_use(date(2026, 6, 1)) == (2026,)
    assert years_in_use(date(2026, 11, 2)) == (2026, 2027)
    assert years_in_use(date(2026, 12, 31)) == (2026, 2027)


def test_checklist_shows_what_is_left_and_goes_to_fix_it(qtbot, desk_store, paths, runner, vietnamese) -> None:
    window = MainWindow(desk_store, paths, runner)
    qtbot.addWidget(window)
    window.start()
    window.show_page("settings")
    page = window.settings_page
    checklist = page.checklist
    checklist.today = lambda: date(2026, 12, 7)
    checklist.load()
    page.tabs.setCurrentWidget(checklist)
    assert page.tabs.tabText(page.tabs.currentIndex()) == "Cần thiết lập"
    # A new desk: nothing set up (the printer is whatever this computer has as its default).
    assert checklist.is_done("printer") == (default_printer_name() is not None)
    assert not checklist.is_done("scanner") and not checklist.is_done("portal")
    assert not checklist.is_done("calendar")
    assert checklist.details["calendar"].text().startswith("Còn ước tính: 2026, 2027.")
    assert checklist.states["portal"].text() == "✘ Chưa xong"
    assert [checklist.titles[key].text() for key in ("printer", "scanner", "portal", "calendar")] == [
        "Máy in", "Máy quét", "Cổng dịch vụ công", "Lịch làm việc"]
    assert checklist.buttons["portal"].isVisibleTo(checklist)  # the admin can enrol from here
    # No backups folder chosen yet: the row says so, and its button opens the Sao lưu tab.
    assert backup_folder_option() is options.BACKUP_FOLDER
    assert checklist.buttons["backup"].isVisibleTo(checklist) and not checklist.is_done("backup")
    qtbot.mouseClick(checklist.buttons["backup"], Qt.MouseButton.LeftButton)
    assert page.tabs.currentWidget() is page.backup_panel

    qtbot.mouseClick(checklist.buttons["scanner"], Qt.MouseButton.LeftButton)
    assert page.tabs.currentWidget() is page.escl_addresses.parentWidget()
    qtbot.mouseClick(checklist.buttons["calendar"], Qt.MouseButton.LeftButton)
    assert page.tabs.currentWidget() is page.calendar_panel

    # Set up a scanner, confirm 2026 and enrol: the rows turn done; 2027 is still estimated.
    save_scanner_settings(desk_store, ScannerSettings(("192.168.1.20",), ()))
    with desk_store.session() as session:
        confirm_year(session, 2026, "12729/VPCP-KGVX", by="admin", origin="portal")
    desk_store.set_setting(options.PORTAL_URL.key, "https://dichvucong.tanlap.example.gov.vn")
    desk_store.set_setting(options.DEVICE_ID.key, "desk-01")
    qtbot.mouseClick(checklist.recheck_button, Qt.MouseButton.LeftButton)
    assert checklist.is_done("scanner") and checklist.is_done("portal")
    assert checklist.details["portal"].text() == "Đã đăng ký với https://dichvucong.tanlap.example.gov.vn"
    assert not checklist.is_done("calendar") and "Còn ước tính: 2027." in checklist.details["calendar"].text()
    page.tabs.setCurrentWidget(checklist)
    save_screen(page, "settings-checklist", publish=True)
    window.close()


def test_backups_folder_row_follows_the_setting(qtbot, desk_store, runner, vietnamese) -> None:
    from ui.pages.setup_checklist import SetupChecklist

    checklist = SetupChecklist(desk_store, runner)
    qtbot.addWidget(checklist)
    checklist.load()
    assert checklist.buttons["backup"].isVisibleTo(checklist) and not checklist.is_done("backup")
    desk_store.set_setting(options.BACKUP_FOLDER.key, "/media/usb/motcua")
    checklist.load()
    assert checklist.is_done("backup")
    assert checklist.details["backup"].text() == "Bản sao lưu được lưu vào /media/usb/motcua"
