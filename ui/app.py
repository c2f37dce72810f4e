"""Desk app bootstrap and screen flow: setup or sign-in, then the main window.

`run(paths)` builds the QApplication (names, translators, logging, crash handlers) and hands
over to `DeskApp`, which decides which screen is showing and owns the open store between
screens. Tests build `DeskApp` directly with a synchronous `TaskRunner`.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QObject
from PySide6.QtCore import Signal
from PySide6.QtCore import qInstallMessageHandler
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QWidget

from app.crash_log import start_crash_log
from app.crash_log import stop_crash_log
from app.logging_setup import configure_logging
from app.paths import APP_AUTHOR
from app.paths import APP_NAME
from app.paths import DataPaths
from ui.errors import CrashHandler
from ui.errors import show_previous_crash
from ui.focus_return import install as install_focus_return
from ui.i18n import chosen_language
from ui.i18n import install_translators
from ui.login_screen import LoginScreen
from ui.qt_messages import route_qt_messages
from ui.setup_screen import SetupScreen
from ui.tasks import TaskRunner

if TYPE_CHECKING:  # the types only: the store and the main window are imported when needed
    from app.store.service import Store
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)


class DeskApp(QObject):
    """Which screen is showing: setup (no store yet) or login, then the main window."""

    # The widget now in front (tests and the bootstrap follow the flow through this).
    screen_changed = Signal(object)

    def __init__(self, paths: DataPaths, runner: TaskRunner, *, language: str = "vi",
                 warm_up: bool = False) -> None:
        super().__init__()
        self.paths = paths
        self.runner = runner
        self.language = language
        # Import the store and the main window in the background once the sign-in screen shows
        # (ui/warm_up.py); `run` turns it on.
        self.warm_up = warm_up
        self.screen: QWidget | None = None
        self.main_window: MainWindow | None = None
        self.crash_notice: QWidget | None = None  # "closed unexpectedly last time", if shown

    def start(self) -> None:
        """Show first-run setup if this computer has no store yet, otherwise sign-in."""
        # One stat() at start-up, before any window exists; cheap enough to do inline. The same
        # test as `app.store.service.store_exists`, without importing the store (and SQLAlchemy)
        # before the first window.
        if self.paths.store.exists():
            self.show_login()
        else:
            self.show_setup()

    def show_setup(self) -> None:
        screen = SetupScreen(self.paths, self.runner)
        screen.store_created.connect(self.show_main)
        screen.restore_requested.connect(lambda request: self._restore(None, request))
        self._show(screen)
        # Installers' smoke tests look for this line: a new computer must open on setup.
        log.info("first-run setup shown (data in %s)", self.paths.root)

    def show_login(self) -> None:
        screen = LoginScreen(self.paths, self.runner)
        screen.signed_in.connect(self.show_main)
        screen.training_requested.connect(self.start_training)
        self._show(screen)
        if self.warm_up:
            from ui import warm_up

            warm_up.start()

    def start_training(self) -> None:
        """Chế độ tập huấn: open (seeding it the first time) the separate training store."""
        paths, screen = self.paths, self.screen
        self.runner.run_db(lambda: _open_training(paths), self.show_main,
                           getattr(screen, "training_failed", None))

    def show_main(self, store: Store) -> None:
        # Imported here, not at the top: the main window's pages pull SQLAlchemy and most of the
        # app, which the sign-in screen shown first does not need.
        from ui.main_window import MainWindow

        window = MainWindow(store, store.paths, self.runner, language=self.language)
        window.closed.connect(self._close_store)
        window.switch_user_requested.connect(self._switch_user)
        window.restore_requested.connect(lambda store: self._restore(store, window.pending_restore))
        window.training_reset_requested.connect(self._reset_training)
        self.main_window = window
        self._show(window)
        window.start()

    def _show(self, widget: QWidget) -> None:
        previous = self.screen
        self.screen = widget
        if widget is self.main_window:
            widget.show()
        else:
            widget.resize(820, 640)
            widget.show()
        widget.activateWindow()
        if previous is not None and previous is not widget:
            previous.hide()
            previous.deleteLater()
        self.screen_changed.emit(widget)

    def _close_store(self, store: Store) -> None:
        """The main window closed: release the store on its lane (that is where it lives)."""
        self.runner.run_db(store.close)
        if self.screen is self.main_window:
            self.screen = None
        self.main_window = None

    def _switch_user(self, store: Store) -> None:
        self.runner.run_db(store.close)
        self.main_window = None
        self.show_login()

    def _restore(self, store: Store | None, request: Any) -> None:
        """The Sao lưu tab (or the setup screen of a new computer) asked for a restore: close the
        store, restore with the code of `motcua restore` (every page decrypted first), check it
        in full, then the sign-in screen."""
        from app.store.scheduled_backup import restore_and_check

        if store is not None:
            self.runner.run_db(store.close)
        self.main_window = None
        paths = self.paths
        self.runner.run_db(lambda: restore_and_check(paths, request.backup, request.unlock,
                                                     username=request.username, password=request.password),
                           lambda _report: self._after_restore(None), self._after_restore)

    def _after_restore(self, problem: BaseException | None) -> None:
        from ui.errors import error_text

        self.start()  # the sign-in screen; the setup screen again when nothing was restored
        screen = self.screen
        if isinstance(screen, LoginScreen):
            screen.message.setText(error_text(problem) if problem is not None else
                                   QCoreApplication.translate("LoginScreen", "The backup was restored. Sign in again."))
        elif isinstance(screen, SetupScreen) and problem is not None:
            screen.form_error.setText(error_text(problem))

    def _reset_training(self, store: Store) -> None:
        """Close the training store, wipe and seed it again, and open the new one (same lane, in order)."""
        paths = self.paths
        self.runner.run_db(store.close)
        self.main_window = None
        self.show_login()
        getattr(self.screen, "training_preparing", lambda: None)()
        self.runner.run_db(lambda: _open_training(paths, reset=True), self.show_main,
                           getattr(self.screen, "training_failed", None))


def _open_training(paths: DataPaths, *, reset: bool = False) -> Store:
    from demo.training import open_training, reset_training

    if reset:
        reset_training(paths)
    return open_training(paths)


def run(paths: DataPaths) -> int:
    """Start the desk app on `paths`; returns the process exit status."""
    paths.ensure()
    configure_logging(paths.logs)
    # A crash in Qt's C++ code (a fatal signal) leaves its stack in the log folder, and the
    # next start says so; Python exceptions go through CrashHandler below.
    previous_crash = start_crash_log(paths.logs)
    qInstallMessageHandler(route_qt_messages)
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationDisplayName("MotCua Desk")
    language = chosen_language(paths)
    translators = install_translators(app, language)
    crash = CrashHandler(paths.logs)
    crash.install()
    install_focus_return(app)
    runner = TaskRunner()
    desk = DeskApp(paths, runner, language=language, warm_up=True)
    app.setQuitOnLastWindowClosed(True)
    desk.start()
    log.info("desk app started (language %s)", language)
    if previous_crash is not None:
        desk.crash_notice = show_previous_crash(desk.screen, previous_crash)
    try:
        return app.exec()
    finally:
        # Let queued store work (the final close) finish so nothing is left half-written.
        runner.shutdown(wait=True)
        crash.uninstall()
        stop_crash_log()
        del translators
