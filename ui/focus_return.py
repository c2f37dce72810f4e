"""The keyboard goes back to the window a dialog came from when the dialog closes.

A window manager normally does this; without one (a kiosk session, a thin X client, the test
X server) X gives the focus to no window at all, and every key the official presses after
closing a dossier, the return dialog or an action's dialog is lost. Installed once on the
application by `ui.app.run`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtCore import QObject
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QWidget


class FocusReturn(QObject):
    """Application event filter: a hidden top-level window with a parent hands the activation
    back to its parent's window when, by then, no visible window has it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (event.type() == QEvent.Type.Hide and isinstance(watched, QWidget) and watched.isWindow()
                and watched.parentWidget() is not None):
            owner = watched.parentWidget().window()
            # On the next pass: the window system's focus-out for the hidden one arrives first,
            # and a window opened right after (the form of an action) keeps the focus it takes.
            QTimer.singleShot(0, lambda: hand_back(owner))
        return False


def hand_back(owner: QWidget) -> None:
    active = QApplication.activeWindow()
    if owner.isVisible() and (active is None or not active.isVisible()):
        owner.activateWindow()


def install(app: QApplication) -> FocusReturn:
    keeper = FocusReturn(app)
    app.installEventFilter(keeper)
    return keeper
