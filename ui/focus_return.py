"""The keyboard goes back to the window a dialog came from when the dialog closes.

A window manager normally does this; without one (a kiosk session, a thin X client, the test
X server) X gives the focus to no window at all, and every key the official presses after
closing a dossier, the return dialog or an action's dialog is lost. Installed once on the
application by `ui.app.run`.

It listens to the application's focus-window changes rather than filtering every event: an
application-wide event filter is called from Python for each event to each object.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtCore import QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QWidget


class FocusReturn(QObject):
    """A dialog (a top-level window with a parent widget) is followed once it has had the focus;
    when it is hidden or closed, its owner's window is activated again on the next pass, unless
    by then a visible window has the focus."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        app.focusWindowChanged.connect(self._focus_moved)

    def _focus_moved(self, window: QWindow | None) -> None:
        if window is None or window.property(_FOLLOWED):
            return
        dialog = widget_of(window)
        if dialog is None or dialog.parentWidget() is None:
            return
        window.setProperty(_FOLLOWED, True)
        # The owner as a widget: a QWindow wrapper handed to Python by a signal may be
        # invalidated by the time the dialog closes.
        owner = dialog.parentWidget().window()

        def visibility_changed(visible: bool) -> None:
            if not visible:
                # On the next pass: the window system's focus-out for the hidden one arrives first,
                # and a window opened right after (the form of an action) keeps the focus it takes.
                QTimer.singleShot(0, lambda: hand_back(owner))

        window.visibleChanged.connect(visibility_changed)


_FOLLOWED = "motcua_focus_return"


def widget_of(window: QWindow) -> QWidget | None:
    """The top-level widget drawn in this window (None for a window of no widget)."""
    wanted = window.winId()
    for widget in QApplication.topLevelWidgets():
        handle = widget.windowHandle()
        if handle is not None and handle.winId() == wanted:
            return widget
    return None


def hand_back(owner: QWidget) -> None:
    if not shiboken6.isValid(owner) or not owner.isVisible():
        return
    active = QApplication.activeWindow()
    if active is None or not active.isVisible():
        owner.activateWindow()


def install(app: QApplication) -> FocusReturn:
    return FocusReturn(app)
