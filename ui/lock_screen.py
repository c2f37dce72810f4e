"""Idle lock: a watcher for keyboard/mouse inactivity and the screen that covers the desk.

A shared desk PC is left alone between citizens; after N minutes without input the window
content is hidden behind this screen until the same official types their password again
(lockout rules still apply), or someone else signs in through "Switch user".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtCore import QObject
from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QWidget

from app import options
from app.errors import MotcuaError
from ui.errors import report_unexpected
from ui.tasks import TaskRunner
from ui.widgets.auth_messages import auth_failure_text
from ui.widgets.form_field import ERROR_STYLE
from ui.widgets.panel import centered_card

if TYPE_CHECKING:  # the type only: importing the store here is not needed
    from app.store.service import Store

DEFAULT_IDLE_MINUTES = 10
MIN_IDLE_MINUTES = 1
MAX_IDLE_MINUTES = 240
IDLE_SETTING = options.IDLE_LOCK_MINUTES.key
# Only deliberate input counts as activity; paint or timer events must not keep the desk open.
_ACTIVITY_EVENTS = frozenset({
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
})


def read_idle_minutes(store: Store) -> int:
    """The saved idle-lock time, clamped to the allowed range (runs on the store lane)."""
    value = store.get_setting(IDLE_SETTING, DEFAULT_IDLE_MINUTES)
    try:
        minutes = int(value)
    except (TypeError, ValueError):
        return DEFAULT_IDLE_MINUTES
    return min(MAX_IDLE_MINUTES, max(MIN_IDLE_MINUTES, minutes))


class IdleWatcher(QObject):
    """Emits `went_idle` after a quiet period without keyboard, mouse or touch input.

    It watches the desk's windows (`QWindow`), not the application: the window system delivers
    every key, click and pointer move to a window before Qt hands it to a widget, so a filter on
    each window sees all input, while an application-wide filter would be called from Python for
    every event to every object, paint and timer events included (and made the first screen
    build a Python type for each kind of object that got one: about 0.1 s of the start).
    A window opened later (a dialog) is watched from the moment it takes the focus.
    """

    went_idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # At the minute set, not up to 5 % early as Qt's default coarse timer may fire.
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.went_idle)
        self._timer.setInterval(max(1, timeout_ms))
        self._active = False

    @property
    def timeout_ms(self) -> int:
        return self._timer.interval()

    @property
    def remaining_ms(self) -> int:
        """Milliseconds left before `went_idle` (-1 when not watching)."""
        return self._timer.remainingTime()

    def set_timeout_ms(self, timeout_ms: int) -> None:
        self._timer.setInterval(max(1, timeout_ms))
        if self._active:
            self._timer.start()

    def start(self) -> None:
        """Begin watching (after sign-in or unlock)."""
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication) and not self._active:
            for window in app.allWindows():
                window.installEventFilter(self)
            app.focusWindowChanged.connect(self._watch)
        self._active = True
        self._timer.start()

    def stop(self) -> None:
        """Stop watching (while locked, or when the window closes)."""
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication) and self._active:
            app.focusWindowChanged.disconnect(self._watch)
            for window in app.allWindows():
                window.removeEventFilter(self)
        self._active = False
        self._timer.stop()

    def _watch(self, window: QWindow | None) -> None:
        if window is not None:
            window.installEventFilter(self)  # Qt keeps one entry per filter: twice is harmless

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if self._active and event.type() in _ACTIVITY_EVENTS:
            self._timer.start()
        return False


class LockScreen(QWidget):
    """Covers the desk; unlocks with the signed-in official's password."""

    unlocked = Signal()
    switch_user_requested = Signal()

    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self._build()

    def _build(self) -> None:
        layout = centered_card(self)
        title = QLabel(self.tr("The desk is locked"))
        title.setStyleSheet("font-size: 18pt; font-weight: 600;")
        layout.addWidget(title)
        who = QLabel(self.tr("Signed in as %1. Enter your password to continue.").replace(
            "%1", f"{self.store.user.full_name} ({self.store.user.username})"))
        who.setWordWrap(True)
        layout.addWidget(who)
        form = QFormLayout()
        label = QLabel(self.tr("&Password:"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        label.setBuddy(self.password)
        form.addRow(label, self.password)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.submit)
        self.switch_button = QPushButton(self.tr("S&witch user"))
        self.switch_button.clicked.connect(self.switch_user_requested)
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout.addLayout(buttons)
        self.password.returnPressed.connect(self.submit)
        QWidget.setTabOrder(self.password, self.unlock_button)
        QWidget.setTabOrder(self.unlock_button, self.switch_button)

    def reset(self) -> None:
        """Prepare for a fresh lock: empty field, no old message, focus on the password."""
        self.password.clear()
        self.message.clear()
        self.unlock_button.setEnabled(True)
        self.password.setFocus()

    def submit(self) -> None:
        password = self.password.text()
        if not password:
            self.message.setText(self.tr("Enter your password."))
            return
        if not self.unlock_button.isEnabled():  # already working on it
            return
        self.unlock_button.setEnabled(False)
        store = self.store
        self.runner.run_db(lambda: store.verify_password(password), self._checked, self._failed)

    def _checked(self, ok: object) -> None:
        self.unlock_button.setEnabled(True)
        self.password.clear()
        # verify_password may signal failure by returning False as well as by raising AuthError.
        if ok is False:
            self.message.setText(self.tr("Wrong password."))
            return
        self.message.clear()
        self.unlocked.emit()

    def _failed(self, exc: BaseException) -> None:
        self.unlock_button.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        if not isinstance(exc, MotcuaError):
            report_unexpected(exc)
            return
        self.message.setText(auth_failure_text(exc, password_only=True))
