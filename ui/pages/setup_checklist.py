"""The "Still to set up" checklist on Cài đặt: what a new desk still lacks, each with a way to fix it.

Rows: a default printer (receipts print to it), a scanner (one set up or used at reception), the
portal (this desk enrolled), the calendar (the years in use confirmed, not estimated) and, when
this version has the setting, the backups folder. The states are read on the store lane, except
the printer, which Qt's print support answers on the GUI thread.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app import options
from app.calendar_years import year_state
from app.capture.sources.settings import read_scanner_settings
from app.errors import MotcuaError
from ui.errors import error_text, report_unexpected
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.store.service import Store

# From this many days before New Year, next year's calendar is "in use" too: time limits counted
# from late-year receptions run into it.
NEXT_YEAR_LEAD_DAYS = 60
ROW_KEYS = ("printer", "scanner", "portal", "calendar", "backup")
DONE_STYLE = "color: #1b5e20; font-weight: 600;"
TODO_STYLE = "color: #b71c1c; font-weight: 600;"


@dataclass(frozen=True)
class Checklist:
    """What the store says; `backup_folder` is None when this version has no such setting."""

    scanner_ready: bool
    portal_url: str | None
    estimated_years: tuple[int, ...]
    backup_folder: str | None | bool  # False: the setting does not exist; None/"": not chosen


def years_in_use(today: date) -> tuple[int, ...]:
    """This year, and next year once its first days fall within the usual time limits."""
    if (date(today.year + 1, 1, 1) - today).days <= NEXT_YEAR_LEAD_DAYS:
        return (today.year, today.year + 1)
    return (today.year,)


def backup_folder_option() -> options.Option | None:
    """The backups-folder setting (app/store/scheduled_backup.py writes the daily backups there)."""
    return options.BACKUP_FOLDER


def backup_folder_of(store: Store) -> str | None | bool:
    """The chosen backups folder; False when there is no such setting (the row is then hidden)."""
    option = backup_folder_option()
    if option is None:
        return False
    value = store.get_setting(option.key, option.default)
    return str(value) if value else None


def read_checklist(store: Store, today: date) -> Checklist:
    """Everything but the printer, read on the store lane."""
    scanners = read_scanner_settings(store)
    used = store.get_setting(options.SCAN_DEVICE.key, options.SCAN_DEVICE.default)
    with store.read_session() as session:
        estimated = tuple(year for year in years_in_use(today) if year_state(session, year).state == "estimated")
    return Checklist(scanner_ready=bool(scanners.escl_addresses or scanners.folders or used),
                     portal_url=store.get_setting(options.PORTAL_URL.key) if store.get_setting(options.DEVICE_ID.key)
                     else None,
                     estimated_years=estimated, backup_folder=backup_folder_of(store))


def default_printer_name() -> str | None:
    """The system's default printer, or None (Qt asks CUPS or Windows)."""
    from PySide6.QtPrintSupport import QPrinterInfo

    info = QPrinterInfo.defaultPrinter()
    return None if info.isNull() else info.printerName()


def open_system_printers() -> None:
    """The operating system's own printer settings, where the default printer is chosen."""
    url = "ms-settings:printers" if sys.platform == "win32" else "http://localhost:631/printers/"
    QDesktopServices.openUrl(QUrl(url))


class SetupChecklist(QWidget):
    """One row per thing to set up: done or not, what it is, and a button that goes to fix it."""

    # A row's key ("scanner", "calendar", "portal", "backup"): the settings page shows that place.
    fix_requested = Signal(str)

    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.runner = store, runner
        self.today = date.today
        self.printer_name = default_printer_name
        outer = QVBoxLayout(self)
        intro = QLabel(self.tr("What this desk still needs before it is fully ready. Each line says what "
                               "is missing; its button takes you where to set it."))
        intro.setWordWrap(True)
        outer.addWidget(intro)
        grid = QGridLayout()
        grid.setColumnStretch(2, 1)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(12)
        self.titles: dict[str, QLabel] = {}
        self.states: dict[str, QLabel] = {}
        self.details: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        titles = {"printer": self.tr("Printer"), "scanner": self.tr("Scanner"), "portal": self.tr("Portal"),
                  "calendar": self.tr("Calendar"), "backup": self.tr("Backups folder")}
        actions = {"printer": self.tr("Printer settings…"), "scanner": self.tr("Set up scanners"),
                   "portal": self.tr("Enrol…"), "calendar": self.tr("See the calendar"),
                   "backup": self.tr("Choose the folder")}
        for row, key in enumerate(ROW_KEYS):
            self.states[key] = QLabel()
            title = self.titles[key] = QLabel(titles[key])
            title.setStyleSheet("font-weight: 600;")
            self.details[key] = QLabel()
            self.details[key].setWordWrap(True)
            self.details[key].setTextFormat(Qt.TextFormat.PlainText)  # printer names and URLs are not ours
            self.buttons[key] = QPushButton(actions[key])
            self.buttons[key].clicked.connect(lambda _checked=False, k=key: self._fix(k))
            for column, widget in enumerate((self.states[key], title, self.details[key], self.buttons[key])):
                grid.addWidget(widget, row, column, Qt.AlignmentFlag.AlignVCenter)
        outer.addLayout(grid)
        self.recheck_button = QPushButton(self.tr("Check &again"))
        self.recheck_button.clicked.connect(self.load)
        outer.addWidget(self.recheck_button, alignment=Qt.AlignmentFlag.AlignLeft)
        self.message = QLabel()
        self.message.setWordWrap(True)
        outer.addWidget(self.message)
        outer.addStretch(1)
        self.checklist: Checklist | None = None

    def load(self) -> None:
        store, today = self.store, self.today()
        self._show_row("printer", self.printer_name())
        self.runner.run_db(lambda: read_checklist(store, today), self._loaded, self._failed)

    def is_done(self, key: str) -> bool:
        return self.states[key].property("done") is True

    def _mark(self, key: str, done: bool, detail: str) -> None:
        self.states[key].setText(self.tr("✔ Done") if done else self.tr("✘ To do"))
        self.states[key].setStyleSheet(DONE_STYLE if done else TODO_STYLE)
        self.states[key].setProperty("done", done)
        self.details[key].setText(detail)

    def _show_row(self, key: str, value: Any) -> None:
        if key == "printer":
            self._mark(key, value is not None, self.tr("Default printer: %1").replace("%1", str(value)[:60])
                       if value else self.tr("No default printer: receipts cannot be printed directly."))

    def _loaded(self, checklist: Checklist) -> None:
        self.checklist = checklist
        self._mark("scanner", checklist.scanner_ready,
                   self.tr("A scanner is set up or was used at reception.") if checklist.scanner_ready
                   else self.tr("No scanner set up yet: add a network scanner or a scan folder."))
        url = checklist.portal_url
        self._mark("portal", url is not None, self.tr("Enrolled with %1").replace("%1", str(url)[:60]) if url
                   else self.tr("Not enrolled: dossiers are not sent to the portal."))
        years = ", ".join(str(year) for year in checklist.estimated_years)
        self._mark("calendar", not years, self.tr("The calendar of the years in use is confirmed.") if not years
                   else self.tr("Still estimated: %1. Time limits over its holidays are marked *.").replace("%1", years))
        folder = checklist.backup_folder
        for widget in (self.states["backup"], self.titles["backup"], self.details["backup"], self.buttons["backup"]):
            widget.setVisible(folder is not False)
        if folder is not False:
            self._mark("backup", bool(folder), self.tr("Backups go to %1").replace("%1", str(folder)[:80])
                       if folder else self.tr("No backups folder chosen yet."))
        # Administrators enrol; others see the state but not a button that would only refuse them.
        self.buttons["portal"].setVisible(self.store.user.role == "admin")

    def _fix(self, key: str) -> None:
        if key == "printer":
            open_system_printers()
        elif key == "portal":
            self.enrol()
        else:
            self.fix_requested.emit(key)

    def enrol(self) -> None:
        from ui.pages.sync_dialogs import EnrolDialog

        dialog = EnrolDialog(self.store, self.runner, self)
        dialog.enrolled.connect(lambda _result: self.load())
        dialog.open()

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, MotcuaError):
            report_unexpected(exc)
            return
        self.message.setText(error_text(exc))
