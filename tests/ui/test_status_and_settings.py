"""Status bar texts, the settings page, and the language choice."""

from __future__ import annotations

from datetime import datetime
from datetime import timedelta
from datetime import timezone

from PySide6.QtCore import Qt

from app.paths import DataPaths
from app.store.service import OutboxStats
from tests.ui.conftest import save_screen
from ui.i18n import chosen_language
from ui.lock_screen import IDLE_SETTING
from ui.main_window import MINUTE_MS
from ui.main_window import MainWindow
from ui.status_bar import age_text
from ui.status_bar import outbox_text

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


def test_outbox_line_shows_count_age_and_refusals(vietnamese) -> None:
    assert outbox_text(OutboxStats(0, 0, None), NOW) == "Không có gì chờ đồng bộ"
    line = outbox_text(OutboxStats(3, 1, NOW - timedelta(hours=5, minutes=2)), NOW)
    assert line == "Chờ đồng bộ: 3 · cũ nhất: 5 giờ · bị từ chối: 1"
    # The store keeps naive UTC times.
    assert age_text((NOW - timedelta(days=2, hours=1)).replace(tzinfo=None), NOW) == "2 ngày"
    assert age_text(NOW - timedelta(seconds=20), NOW) == "dưới 1 phút"
    assert age_text(NOW - timedelta(minutes=7), NOW) == "7 phút"


def test_status_bar_shows_user_unit_and_offline(qtbot, desk_store, paths, runner, vietnamese) -> None:
    window = MainWindow(desk_store, paths, runner)
    qtbot.addWidget(window)
    window.start()
    assert window.status.link.text() == "Chưa đăng ký với cổng"
    assert window.status.outbox.text() == "Không có gì chờ đồng bộ"
    assert "Nguyễn Thị Hoà (admin)" in window.status.user.text()
    save_screen(window, "reception_placeholder")
    window.close()


def test_settings_page_saves_idle_minutes_and_language(
    qtbot, desk_store, paths: DataPaths, runner, vietnamese, monkeypatch
) -> None:
    monkeypatch.delenv("MOTCUA_LANG", raising=False)
    window = MainWindow(desk_store, paths, runner)
    qtbot.addWidget(window)
    window.start()
    assert window.idle.timeout_ms == 10 * MINUTE_MS  # default
    window.show_page("settings")
    page = window.settings_page
    assert page.idle_minutes.value() == 10
    page.idle_minutes.selectAll()
    qtbot.keyClicks(page.idle_minutes, "3")
    page.language.setCurrentIndex(page.language.findData("en"))
    qtbot.keyClick(page.save_button, Qt.Key.Key_Space)
    assert page.message.text() == "Đã lưu cài đặt."
    assert desk_store.get_setting(IDLE_SETTING) == 3
    assert window.idle.timeout_ms == 3 * MINUTE_MS
    assert chosen_language(paths) == "en"
    monkeypatch.setenv("MOTCUA_LANG", "vi")
    assert chosen_language(paths) == "vi"
    save_screen(window, "settings")
    window.close()


def test_saved_idle_minutes_apply_at_sign_in(qtbot, desk_store, paths, runner) -> None:
    desk_store.set_setting(IDLE_SETTING, 25)
    window = MainWindow(desk_store, paths, runner)
    qtbot.addWidget(window)
    window.start()
    assert window.idle.timeout_ms == 25 * MINUTE_MS
    window.close()


def test_every_page_has_a_shortcut(qtbot, desk_store, paths, runner) -> None:
    window = MainWindow(desk_store, paths, runner)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.start()
    pages = ("reception", "dossiers", "sync", "reports", "catalog", "settings")
    for number, key in enumerate(pages, start=1):
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
        assert window.current_page == key
    window.lock()
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page == "settings" and window.is_locked  # locked desk ignores navigation
    window.close()


def test_settings_calendar_tab_says_which_years_are_estimated(qtbot, desk_store, paths, runner, vietnamese) -> None:
    from app.calendar_years import confirm_year

    with desk_store.session() as session:
        confirm_year(session, 2026, "12729/VPCP-KGVX", by="admin", origin="portal")
    window = MainWindow(desk_store, paths, runner)
    qtbot.addWidget(window)
    window.start()
    window.show_page("settings")
    page = window.settings_page
    page.tabs.setCurrentWidget(page.calendar_panel)
    assert page.tabs.tabText(page.tabs.currentIndex()) == "Lịch làm việc"
    lines = page.calendar_panel.years.text().splitlines()
    assert any(line.startswith("Năm 2026: đã xác nhận theo văn bản 12729/VPCP-KGVX (cổng dịch vụ công của tỉnh)")
               for line in lines), lines
    assert any(line.startswith("Năm 2027: dự kiến, chưa được xác nhận") for line in lines), lines
    save_screen(window, "settings_calendar")
    save_screen(window, "calendar", publish=True)
    window.close()


def test_an_appointment_counted_over_an_estimated_year_is_marked(qtbot, vietnamese) -> None:
    from ui.reception.summary_bar import SummaryBar

    bar = SummaryBar()
    qtbot.addWidget(bar)
    bar.show_preview(datetime(2027, 2, 11, 10, 0), 0, [], estimated=(2027,))
    assert bar.due.text().endswith(" *")
    assert bar.due.toolTip() == "Tính qua lịch nghỉ dự kiến năm 2027, chưa được xác nhận"
    bar.show_preview(datetime(2027, 2, 11, 10, 0), 0, [])
    assert not bar.due.text().endswith(" *") and bar.due.toolTip() == ""
