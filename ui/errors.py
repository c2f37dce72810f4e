"""How errors reach a person: `show_error` for expected errors, a crash dialog for bugs, and
at start a notice when the previous run died outright (app/crash_log.py).

Expected errors are `app.errors.MotcuaError`s; their stable `code` picks a translated title.
Anything else is a bug: the crash handler logs the traceback and shows a plain dialog with
the log folder and a "copy details" button, never the traceback as the main message.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.crash_log import PreviousCrash
from app.errors import MotcuaError
from app.logging_setup import redact
from ui.problems import error_sentence

log = logging.getLogger("motcua.crash")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]



def error_title(exc: BaseException) -> str:
    """Translated title for an error, chosen by its stable code."""
    code = getattr(exc, "code", "")
    titles = {
        "input": QCoreApplication.translate("errors", "Invalid input"),
        "not_found": QCoreApplication.translate("errors", "Not found"),
        "auth": QCoreApplication.translate("errors", "Sign-in failed"),
        "locked_out": QCoreApplication.translate("errors", "Account locked"),
        "permission": QCoreApplication.translate("errors", "Not allowed"),
        "store": QCoreApplication.translate("errors", "Local store problem"),
        "store_missing": QCoreApplication.translate("errors", "No local store"),
        "store_exists": QCoreApplication.translate("errors", "Store already exists"),
        "store_corrupt": QCoreApplication.translate("errors", "Local store damaged"),
        "store_too_new": QCoreApplication.translate("errors", "Store from a newer version"),
        "migration": QCoreApplication.translate("errors", "Upgrade failed"),
    }
    return titles.get(code, QCoreApplication.translate("errors", "Error"))


def error_text(exc: BaseException) -> str:
    """The plain sentence for an expected error, worded from its problem kind; never a traceback."""
    if isinstance(exc, MotcuaError):
        return error_sentence(exc.kind, exc.params, exc.code, exc.message)
    return QCoreApplication.translate("errors", "The operation could not be completed.")


def report_unexpected(exc: BaseException) -> None:
    """Hand a bug caught in a callback to the crash handler instead of losing it."""
    sys.excepthook(type(exc), exc, exc.__traceback__)


def show_error(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """Show an expected error in a window-modal box (non-blocking, so tests can inspect it)."""
    box = QMessageBox(QMessageBox.Icon.Warning, error_title(exc), error_text(exc), parent=parent)
    box.addButton(QCoreApplication.translate("errors", "Close"), QMessageBox.ButtonRole.AcceptRole)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


class CrashDialog(QDialog):
    """Plain-language notice of an unexpected error, with the log folder and copyable details."""

    def __init__(self, details: str, log_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details = details
        self.setWindowTitle(self.tr("Unexpected error"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        heading = QLabel(self.windowTitle())
        heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
        layout.addWidget(heading)
        message = QLabel(
            self.tr(
                "MotCua Desk ran into an unexpected problem. Work that was already saved is safe. "
                "If it happens again, send the details to your administrator."
            )
        )
        message.setWordWrap(True)
        layout.addWidget(message)
        folder = QLabel(self.tr("Log folder: %1").replace("%1", str(log_dir)))
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        folder.setWordWrap(True)
        layout.addWidget(folder)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("&Copy details"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.AcceptRole)
        close.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)


def show_previous_crash(parent: QWidget | None, crash: PreviousCrash) -> QMessageBox:
    """The notice at start after a run that crashed: what happened, that saved work is safe,
    and the file the administrator needs (non-blocking, so the keyboard flow goes on)."""
    translate = QCoreApplication.translate
    try:
        when = f"{datetime.fromisoformat(crash.started):%H:%M %d/%m/%Y}"
    except ValueError:  # no start line recorded
        when = "?"
    text = translate("errors", "MotCua Desk closed unexpectedly last time (the run started at %1). "
                     "Work that was already saved is safe; an unfinished reception can be continued "
                     "from its draft.").replace("%1", when)
    details = translate("errors", "If it happens again, send this file to your administrator: %1"
                        ).replace("%1", str(crash.path))
    box = QMessageBox(QMessageBox.Icon.Warning, translate("errors", "The app closed unexpectedly"),
                      text, parent=parent)
    box.setInformativeText(details)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.addButton(translate("errors", "Close"), QMessageBox.ButtonRole.AcceptRole)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


class CrashHandler:
    """`sys.excepthook` replacement: log, then tell the person plainly; never recurse."""

    def __init__(self, log_dir: Path, *, show_dialog: bool = True) -> None:
        self.log_dir = log_dir
        self.show_dialog = show_dialog
        self.last_dialog: CrashDialog | None = None
        self._previous: ExceptHook = sys.excepthook

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous

    def __call__(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        # Uninstall first: if logging or the dialog itself fails, Python's default hook reports
        # that failure instead of this handler calling itself forever.
        self.uninstall()
        log.exception("unexpected error", exc_info=(exc_type, exc, tb))
        if not self.show_dialog or QCoreApplication.instance() is None:
            self.install()
            return
        details = redact("".join(traceback.format_exception(exc_type, exc, tb)))
        dialog = CrashDialog(details, self.log_dir)
        dialog.finished.connect(lambda _result: self.install())
        self.last_dialog = dialog
        dialog.open()
