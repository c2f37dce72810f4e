"""Errors reach people as a title and a plain message; bugs get the crash dialog."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from app.errors import LockedOutError
from app.errors import StoreTooNewError
from tests.ui.conftest import save_screen
from ui.errors import CrashHandler
from ui.errors import error_title
from ui.errors import show_error
from ui.widgets.auth_messages import auth_failure_text
from ui.widgets.auth_messages import minutes_until


def raise_and_catch() -> tuple[type[BaseException], BaseException, object]:
    try:
        {}["missing"]
    except KeyError:
        return sys.exc_info()  # type: ignore[return-value]
    raise AssertionError("unreachable")


def test_crash_handler_logs_and_shows_a_plain_dialog(qtbot, tmp_path: Path, caplog, vietnamese) -> None:
    handler = CrashHandler(tmp_path / "logs")
    handler.install()
    try:
        with caplog.at_level(logging.ERROR, logger="motcua.crash"):
            handler(*raise_and_catch())
        # Uninstalled while the dialog is open: a failure inside it cannot recurse.
        assert sys.excepthook is not handler
        assert "KeyError" in caplog.text
        dialog = handler.last_dialog
        assert dialog is not None
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Lỗi không mong muốn"
        shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
        assert "Traceback" not in shown and str(tmp_path / "logs") in shown
        assert dialog.copy_button.text().replace("&", "") == "Sao chép chi tiết"
        save_screen(dialog, "crash_dialog")
        dialog.copy_button.click()
        assert "KeyError" in QGuiApplication.clipboard().text()
        dialog.accept()
        assert sys.excepthook is handler  # ready for the next one
    finally:
        handler.uninstall()


def test_show_error_uses_the_translated_title(qtbot, vietnamese) -> None:
    box = show_error(None, StoreTooNewError("store schema 9 is newer than this app (7)"))
    qtbot.addWidget(box)
    assert box.windowTitle() == "Kho dữ liệu của phiên bản mới hơn"
    assert box.text() == "Dữ liệu trên máy này được ghi bởi phiên bản MotCua Desk mới hơn."  # not the English
    assert error_title(ValueError("x")) == "Lỗi"


def test_lockout_text_counts_minutes_up(vietnamese) -> None:
    from datetime import datetime, timezone

    now = datetime(2026, 1, 5, 3, 0, 0, tzinfo=timezone.utc)
    assert minutes_until("2026-01-05T03:04:01+00:00", now) == 5
    assert minutes_until("2026-01-05T02:00:00Z", now) == 1
    text = auth_failure_text(LockedOutError("locked", until="2026-01-05T03:04:01+00:00"))
    assert text.startswith("Đăng nhập sai quá nhiều lần. Hãy thử lại sau")


def test_lockout_time_is_vietnam_time_whatever_the_pc_zone(vietnamese, monkeypatch) -> None:
    import time

    monkeypatch.setenv("TZ", "UTC")  # a desk PC left on UTC
    time.tzset()
    try:
        text = auth_failure_text(LockedOutError("locked", until="2026-01-05T03:04:01Z"))
    finally:
        monkeypatch.undo()
        time.tzset()
    assert "10:04" in text and "03:04" not in text
