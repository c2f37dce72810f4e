"""The idle lock's activity watch and the focus hand-back, which watch the desk's windows.

Input is sent as the window system sends it, to the window (`QTest` on a `QWindow` goes through
Qt's window-system queue), so these see what a keyboard and a mouse would produce.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtCore import QObject
from PySide6.QtCore import QPoint
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QWidget

from ui import focus_return
from ui.focus_return import FocusReturn
from ui.lock_screen import IdleWatcher

TIMEOUT_MS = 600_000
ELAPSED_MS = 150  # long enough to tell a restarted timer from one left running


def shown_window(qtbot) -> QWidget:
    window = QWidget()
    window.resize(300, 200)
    QLineEdit(window)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is window.windowHandle())
    return window


@pytest.fixture
def watched(qtbot) -> Iterator[tuple[QWidget, IdleWatcher]]:
    """A shown, focused window and a started watcher, stopped afterwards."""
    window = shown_window(qtbot)
    watcher = IdleWatcher(TIMEOUT_MS)
    watcher.start()
    yield window, watcher
    watcher.stop()


def focused_dialog(qtbot, owner: QWidget) -> QDialog:
    dialog = QDialog(owner)
    QLineEdit(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is dialog.windowHandle())
    return dialog


def let_time_pass(qtbot, watcher: IdleWatcher) -> None:
    qtbot.wait(ELAPSED_MS)
    assert watcher.remaining_ms <= TIMEOUT_MS - ELAPSED_MS + 20


def restarted(watcher: IdleWatcher) -> bool:
    return watcher.remaining_ms > TIMEOUT_MS - ELAPSED_MS // 2


def test_keys_clicks_and_pointer_moves_on_the_window_restart_the_idle_clock(qtbot, watched) -> None:
    window, watcher = watched
    handle = window.windowHandle()
    for send in (lambda: QTest.keyClick(handle, Qt.Key.Key_A),
                 lambda: QTest.mouseClick(handle, Qt.MouseButton.LeftButton, pos=QPoint(20, 20)),
                 lambda: QTest.mouseMove(handle, QPoint(40, 30)),
                 lambda: QTest.mouseMove(handle, QPoint(60, 50))):
        let_time_pass(qtbot, watcher)
        send()
        assert restarted(watcher)


def test_paint_and_timer_events_do_not_keep_the_desk_open(qtbot, watched) -> None:
    window, watcher = watched
    qtbot.wait(ELAPSED_MS // 3)
    for _ in range(5):
        window.repaint()
        window.update()
        QGuiApplication.sendEvent(window.windowHandle(), QEvent(QEvent.Type.UpdateRequest))
        qtbot.wait(ELAPSED_MS // 3)
    assert not restarted(watcher)


def test_a_dialog_opened_later_is_watched_once_it_has_the_focus(qtbot, watched) -> None:
    window, watcher = watched
    dialog = focused_dialog(qtbot, window)
    try:
        let_time_pass(qtbot, watcher)
        QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_B)
        assert restarted(watcher)
    finally:
        dialog.close()


def test_a_stopped_watcher_ignores_input_and_leaves_no_filter_behind(qtbot) -> None:
    window = shown_window(qtbot)
    seen: list[int] = []

    class Counting(IdleWatcher):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
            seen.append(int(event.type().value))
            return super().eventFilter(watched, event)

    watcher = Counting(TIMEOUT_MS)
    watcher.start()
    watcher.stop()
    assert watcher.remaining_ms == -1
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_C)
    assert seen == [] and watcher.remaining_ms == -1
    watcher.start()  # unlocking starts it again
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_D)
    assert seen and restarted(watcher)
    watcher.stop()


def test_the_owner_gets_the_focus_back_when_a_dialog_closes_and_no_window_has_it(qtbot, monkeypatch) -> None:
    app = QGuiApplication.instance()
    handed: list[object] = []
    real_hand_back = focus_return.hand_back
    monkeypatch.setattr(focus_return, "hand_back", lambda owner: (handed.append(owner), real_hand_back(owner)))
    keeper = FocusReturn(app)
    window = shown_window(qtbot)
    dialog = focused_dialog(qtbot, window)
    try:
        dialog.hide()
        qtbot.waitUntil(lambda: handed == [window])
        qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is window.windowHandle())
    finally:
        keeper.deleteLater()


def test_the_focus_is_not_taken_back_from_another_program(qtbot, monkeypatch) -> None:
    app = QGuiApplication.instance()
    handed: list[object] = []
    monkeypatch.setattr(focus_return, "hand_back", handed.append)
    keeper = FocusReturn(app)
    window = shown_window(qtbot)
    dialog = focused_dialog(qtbot, window)
    try:
        # The dialog is still open: the official switched to another program.
        app.focusWindowChanged.emit(None)
        qtbot.wait(50)
        assert handed == []
        # A window with no owner (the main window) hands nothing back when it is hidden.
        dialog.hide()
        qtbot.waitUntil(lambda: len(handed) == 1)
        window.activateWindow()
        qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is window.windowHandle())
        window.hide()
        qtbot.wait(50)
        assert len(handed) == 1
    finally:
        dialog.close()
        keeper.deleteLater()
