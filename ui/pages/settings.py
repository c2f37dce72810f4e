"""The settings page (Cài đặt): idle-lock minutes and the unit's scanners (kept in the store),
the UI language, "change password" for everyone, each year's calendar state (Lịch) and, for
administrators, the officials (Cán bộ); last, what is still to set up (ui/pages/setup_checklist.py).

The idle-lock time is a security setting of the unit, so it lives in the encrypted store; the
language is a machine preference needed before sign-in, so it lives in the desk INI file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QSpinBox
from PySide6.QtWidgets import QTabWidget
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.capture.sources.settings import ScannerSettings
from app.capture.sources.settings import check_scanner_settings
from app.capture.sources.settings import read_scanner_settings
from app.capture.sources.settings import save_scanner_settings
from app.capture.sources.settings import split_list
from app.errors import MotcuaError
from app.paths import DataPaths
from ui.errors import error_text
from ui.errors import report_unexpected
from ui.i18n import LANGUAGES
from ui.i18n import save_language
from ui.lock_screen import DEFAULT_IDLE_MINUTES
from ui.lock_screen import IDLE_SETTING
from ui.backup_scheduler import BackupScheduler
from ui.pages.backup_panel import BackupPanel
from ui.lock_screen import MAX_IDLE_MINUTES
from ui.lock_screen import MIN_IDLE_MINUTES
from ui.lock_screen import read_idle_minutes  # noqa: F401 - also read from here
from ui.pages.calendar_panel import CalendarPanel
from ui.pages.setup_checklist import SetupChecklist
from ui.pages.users import UsersPanel
from ui.tasks import TaskRunner

if TYPE_CHECKING:  # the type only: importing the store here is not needed
    from app.store.service import Store


class SettingsPage(QWidget):
    """Edits the two settings; Save writes them on the background lanes."""

    idle_minutes_changed = Signal(int)
    settings_saved = Signal()
    change_password_requested = Signal()

    def __init__(self, store: Store, paths: DataPaths, runner: TaskRunner, language: str,
                 parent: QWidget | None = None, *, backup_scheduler: BackupScheduler | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.paths = paths
        self.runner = runner
        self._language = language
        self._backup_scheduler = backup_scheduler  # the main window's, driven by the Sao lưu tab
        self._build()

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        heading = QLabel(self.tr("Settings"))
        heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        outer.addWidget(heading)
        self.tabs = QTabWidget()
        outer.addWidget(self.tabs, 1)
        general = QWidget()
        layout = QVBoxLayout(general)
        self.tabs.addTab(general, self.tr("General"))
        # Only administrators manage officials; the store refuses anyone else as well.
        self.users_panel: UsersPanel | None = None
        if self.store.user.role == "admin":
            self.users_panel = UsersPanel(self.store, self.runner)
            self.tabs.addTab(self.users_panel, self.tr("Officials"))
        self.calendar_panel = CalendarPanel(self.store, self.runner)
        self.tabs.addTab(self.calendar_panel, self.tr("Calendar"))
        # Where and when the desk backs up, and restoring: administrators only (ui/pages/backup_panel.py).
        self.backup_panel: BackupPanel | None = None
        if self.store.user.role == "admin":
            self.backup_panel = BackupPanel(self.store, self.runner, self._backup_scheduler)
            self.backup_panel.setObjectName("backup")  # the checklist's "Backups folder" row opens it
            self.tabs.addTab(self.backup_panel, self.tr("Backups"))
        self.checklist = SetupChecklist(self.store, self.runner)
        self.checklist.fix_requested.connect(self.show_place)
        self.tabs.addTab(self.checklist, self.tr("Still to set up"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(MIN_IDLE_MINUTES, MAX_IDLE_MINUTES)
        self.idle_minutes.setValue(DEFAULT_IDLE_MINUTES)
        self.idle_minutes.setSuffix(self.tr(" min"))
        idle_label = QLabel(self.tr("&Lock the desk after being idle for:"))
        idle_label.setBuddy(self.idle_minutes)
        form.addRow(idle_label, self.idle_minutes)
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(self._language)))
        language_label = QLabel(self.tr("&Language:"))
        language_label.setBuddy(self.language)
        form.addRow(language_label, self.language)
        self.escl_addresses = QLineEdit()
        self.escl_addresses.setMinimumWidth(420)
        self.escl_addresses.setPlaceholderText(self.tr("e.g. 192.168.1.20; may-quet-tang-2.local"))
        escl_label = QLabel(self.tr("&Network scanners not found by themselves:"))
        escl_label.setBuddy(self.escl_addresses)
        form.addRow(escl_label, self.escl_addresses)
        self.watch_folders = QLineEdit()
        self.watch_folders.setMinimumWidth(420)
        self.watch_folders.setPlaceholderText(self.tr("e.g. \\\\may-chu\\scan; D:\\Scan"))
        folders_label = QLabel(self.tr("&Folders scanners save into:"))
        folders_label.setBuddy(self.watch_folders)
        form.addRow(folders_label, self.watch_folders)
        layout.addLayout(form)
        note = QLabel(self.tr("A new language takes effect the next time MotCua Desk starts."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.clicked.connect(self.save)
        layout.addWidget(self.save_button, alignment=Qt.AlignmentFlag.AlignLeft)
        self.password_button = QPushButton(self.tr("&Change my password…"))
        self.password_button.setToolTip("Ctrl+Shift+P")
        self.password_button.clicked.connect(self.change_password_requested)
        layout.addWidget(self.password_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.setFocusProxy(self.idle_minutes)

    def load(self) -> None:
        store = self.store
        self.runner.run_db(lambda: (read_idle_minutes(store), read_scanner_settings(store)),
                           self._loaded, self._failed)
        self.calendar_panel.load()
        self.checklist.load()
        if self.users_panel is not None:
            self.users_panel.load()
        if self.backup_panel is not None:
            self.backup_panel.load()

    def _loaded(self, values: tuple[int, ScannerSettings]) -> None:
        minutes, scanners = values
        self.idle_minutes.setValue(minutes)
        self.escl_addresses.setText("; ".join(scanners.escl_addresses))
        self.watch_folders.setText("; ".join(scanners.folders))

    def save(self) -> None:
        """Write the idle time to the store and the language to the desk INI file."""
        minutes = self.idle_minutes.value()
        language = str(self.language.currentData())
        scanners = ScannerSettings(split_list(self.escl_addresses.text()), split_list(self.watch_folders.text()))
        store, paths = self.store, self.paths
        self.message.clear()

        def write() -> int:
            check_scanner_settings(scanners.escl_addresses, scanners.folders)  # all or nothing
            store.set_setting(IDLE_SETTING, minutes)
            save_scanner_settings(store, scanners)
            save_language(paths, language)
            return minutes

        self.runner.run_db(write, self._saved, self._failed)

    def show_place(self, key: str) -> None:
        """Where a checklist row is fixed: scanners on General, the Calendar tab, or a tab named `key`."""
        if key == "scanner":
            self.tabs.setCurrentIndex(self.tabs.indexOf(self.escl_addresses.parentWidget()))
            self.escl_addresses.setFocus()
        elif key == "calendar":
            self.tabs.setCurrentWidget(self.calendar_panel)
        else:  # e.g. the backups tab, whose widget carries the row's key as its object name
            found = self.findChild(QWidget, key)
            if found is not None and self.tabs.indexOf(found) >= 0:
                self.tabs.setCurrentWidget(found)

    def _saved(self, minutes: int) -> None:
        self.message.setText(self.tr("Settings saved."))
        self.idle_minutes_changed.emit(minutes)
        self.settings_saved.emit()
        self.checklist.load()  # new scanner settings may tick a row

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, MotcuaError):
            report_unexpected(exc)
            return
        self.message.setText(error_text(exc))
