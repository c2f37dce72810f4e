"""Cài đặt › Sao lưu (administrators): where the daily backup goes, when, how many are kept;
"Sao lưu ngay"; the backups in the folder with their time, size and check; restore with a full
check.

Restore reuses `app.store.restore_backup` (the code of `motcua restore`: every page decrypted
before anything moves, the current store set aside in damaged/, never deleted). Work done on
this desk after the backup, or not yet sent to the portal, is named and must be confirmed.
The panel only asks; the app closes the store, restores and returns to the sign-in screen
(`restore_requested`), since a store cannot be replaced while it is open.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import MotcuaError
from app.store import scheduled_backup
from app.store.scheduled_backup import BackupSettings, RestoreRisk
from ui.backup_scheduler import BackupScheduler
from ui.errors import error_text, report_unexpected
from ui.problems import problem_text
from ui.status_bar import megabytes
from ui.tasks import TaskRunner


@dataclass(frozen=True)
class RestoreRequest:
    """What the app needs to restore once the store is closed."""

    backup: Path
    unlock: Callable[[Any], bytes | None]
    username: str  # with `password`: the full check signs in after the restore
    password: str


def choose_backup_file(parent: QWidget, folder: str) -> Path | None:
    """The file dialog for a backup zip (this tab and the setup screen of a new computer)."""
    chosen, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("BackupPanel", "Backup to restore"), folder,
        QCoreApplication.translate("BackupPanel", "MotCua Desk backups (*.zip)"))
    return Path(chosen) if chosen else None


class RestoreDialog(QDialog):
    """The password of an official of the backup's day, or the desk's recovery key."""

    def __init__(self, backup: Path, username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backup = backup
        self.setWindowTitle(self.tr("Restore a backup"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Backup: %1").replace("%1", backup.name)))
        self.by_password = QRadioButton(self.tr("With an official's password"))
        self.by_password.setChecked(True)
        self.by_key = QRadioButton(self.tr("With the recovery key"))
        form = QFormLayout()
        self.username = QLineEdit(username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.recovery_key = QLineEdit()
        self.recovery_key.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.recovery_key.setMinimumWidth(420)
        layout.addWidget(self.by_password)
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Password:"), self.password)
        layout.addLayout(form)
        layout.addWidget(self.by_key)
        layout.addWidget(self.recovery_key)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Check and restore"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.recovery_key.textEdited.connect(lambda _text: self.by_key.setChecked(True))
        self.password.setFocus()

    def unlock(self) -> Callable[[Any], bytes | None]:
        if self.by_key.isChecked():
            return scheduled_backup.unlocker(recovery_key=self.recovery_key.text())
        return scheduled_backup.unlocker(username=self.username.text().strip(), password=self.password.text())

    def request(self) -> RestoreRequest:
        by_key = self.by_key.isChecked()
        return RestoreRequest(self.backup, self.unlock(), self.username.text().strip(),
                              "" if by_key else self.password.text())

    def _accept(self) -> None:
        try:
            self.unlock()  # a malformed recovery key is named here, before anything closes
        except MotcuaError as exc:
            self.message.setText(error_text(exc))
            return
        if self.by_password.isChecked() and not (self.username.text().strip() and self.password.text()):
            self.message.setText(self.tr("Enter the user name and password."))
            return
        self.accept()


class BackupPanel(QWidget):
    """The Sao lưu tab."""

    restore_requested = Signal(object)  # a RestoreRequest

    def __init__(self, store: Any, runner: TaskRunner, scheduler: BackupScheduler | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.scheduler = scheduler or BackupScheduler(store, runner, self)
        self.scheduler.state_changed.connect(self._show_state)
        self.scheduler.backup_done.connect(lambda _outcome: self.load())
        # Asks the official to confirm a restore that undoes work; tests answer it themselves.
        self.confirm_risk: Callable[[RestoreRisk], bool] = self._ask
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.folder = QLineEdit()
        self.folder.setMinimumWidth(420)
        self.folder.setPlaceholderText(self.tr("e.g. E:\\SaoLuu (a USB drive)"))
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.folder)
        row.addWidget(choose)
        folder_label = QLabel(self.tr("Back up &into the folder:"))
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, row)
        self.time = QTimeEdit()
        self.time.setDisplayFormat("HH:mm")
        time_label = QLabel(self.tr("Every day &at:"))
        time_label.setBuddy(self.time)
        form.addRow(time_label, self.time)
        self.keep = QSpinBox()
        self.keep.setRange(scheduled_backup.MIN_KEEP, scheduled_backup.MAX_KEEP)
        keep_label = QLabel(self.tr("&Keep the newest:"))
        keep_label.setBuddy(self.keep)
        form.addRow(keep_label, self.keep)
        layout.addLayout(form)
        note = QLabel(self.tr("Backups are encrypted: they open only with a password of that day or the "
                              "recovery key. When the desk is off at the time, the backup is made when it "
                              "next starts."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.clicked.connect(self.save)
        self.now_button = QPushButton(self.tr("Back up &now"))
        self.now_button.clicked.connect(self.back_up_now)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.now_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.state = QLabel()
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Made at"), self.tr("Size"), self.tr("Check")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)
        restore_row = QHBoxLayout()
        self.restore_button = QPushButton(self.tr("&Restore the chosen backup…"))
        self.restore_button.clicked.connect(lambda: self.restore(self.selected()))
        self.restore_file_button = QPushButton(self.tr("Restore from a &file…"))
        self.restore_file_button.clicked.connect(self._restore_file)
        restore_row.addWidget(self.restore_button)
        restore_row.addWidget(self.restore_file_button)
        restore_row.addStretch(1)
        layout.addLayout(restore_row)
        self.backups: list[scheduled_backup.FolderBackup] = []

    # -- settings and the list ------------------------------------------------------------------
    def load(self) -> None:
        store = self.store

        def read() -> tuple[BackupSettings, list[scheduled_backup.FolderBackup]]:
            settings = scheduled_backup.read_settings(store)
            listed = scheduled_backup.folder_backups(Path(settings.folder)) if settings.folder else []
            return settings, listed

        self.runner.run_db(read, self._loaded, self._failed)
        self.scheduler.refresh()

    def _loaded(self, values: tuple[BackupSettings, list[scheduled_backup.FolderBackup]]) -> None:
        settings, self.backups = values
        self.folder.setText(settings.folder)
        hour, minute = scheduled_backup.parse_time_of_day(settings.time_of_day)
        self.time.setTime(QTime(hour, minute))
        self.keep.setValue(settings.keep)
        self.table.setRowCount(len(self.backups))
        for row, backup in enumerate(self.backups):
            made = backup.created_at.strftime("%d/%m/%Y %H:%M") if backup.created_at else backup.path.name
            check = self.tr("Whole") if backup.whole else self.tr("Unreadable: not a whole backup")
            for column, text in enumerate((made, megabytes(backup.size), check)):
                item = QTableWidgetItem(text)
                item.setToolTip(str(backup.path))
                self.table.setItem(row, column, item)
        if self.backups:
            self.table.selectRow(0)

    def _settings(self) -> BackupSettings:
        return BackupSettings(self.folder.text().strip(), self.time.time().toString("HH:mm"), self.keep.value())

    def save(self) -> None:
        store, settings = self.store, self._settings()
        self.message.clear()
        self.runner.run_db(lambda: scheduled_backup.save_settings(store, settings), self._saved, self._failed)

    def _saved(self, _settings: BackupSettings) -> None:
        self.message.setText(self.tr("Settings saved."))
        self.load()

    def back_up_now(self) -> None:
        """Save the settings shown, then one pass now whatever the time."""
        store, settings = self.store, self._settings()
        if not settings.folder:
            self.message.setText(self.tr("Choose the folder to back up into first."))
            return
        self.message.setText(self.tr("Backing up…"))
        self.runner.run_db(lambda: scheduled_backup.save_settings(store, settings),
                           lambda _saved: self.scheduler.check(force=True), self._failed)

    def _show_state(self, last: Any, problem: dict[str, Any] | None) -> None:
        if last is None:
            text = self.tr("No backup has been made into a folder yet.")
        else:
            text = self.tr("Last good backup: %1").replace("%1", last.strftime("%d/%m/%Y %H:%M"))
        if problem:
            text += "\n" + self.tr("The last attempt failed: %1").replace(
                "%1", problem_text(str(problem.get("kind")), problem.get("params") or {}) or "")
            self.state.setStyleSheet("color: #b00020;")
        else:
            self.state.setStyleSheet("")
        self.state.setText(text)
        if self.message.text() == self.tr("Backing up…"):
            self.message.clear()
            self.load()

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the backups"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, MotcuaError):
            report_unexpected(exc)
            return
        self.message.setText(error_text(exc))

    # -- restore --------------------------------------------------------------------------------
    def selected(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()].path if rows else None

    def _restore_file(self) -> None:
        chosen = choose_backup_file(self, self.folder.text())
        if chosen is not None:
            self.restore(chosen)

    def restore(self, backup: Path | None) -> RestoreDialog | None:
        """Ask for the key (the dialog returned, open), then what would be undone;
        `restore_requested` once all is agreed."""
        if backup is None:
            self.message.setText(self.tr("Choose a backup in the list first."))
            return None
        dialog = RestoreDialog(backup, self.store.user.username, self)
        dialog.accepted.connect(lambda: self._check_risk(dialog.request()))
        dialog.open()
        return dialog

    def _check_risk(self, request: RestoreRequest) -> None:
        store, backup = self.store, request.backup

        def agreed(risk: RestoreRisk) -> None:
            if self.scheduler.running:  # its own store handle still reads the store being replaced
                self.message.setText(self.tr("A backup is being made; restore when it is done."))
                return
            if risk.needs_confirmation and not self.confirm_risk(risk):
                self.message.setText(self.tr("Nothing was restored."))
                return
            self.restore_requested.emit(request)

        self.runner.run_db(lambda: scheduled_backup.restore_risk(store, backup), agreed, self._failed)

    def _ask(self, risk: RestoreRisk) -> bool:
        text = self.tr("This desk has %1 change(s) made after this backup, and %2 change(s) not yet sent to "
                       "the portal. Restoring puts the desk back as it was at the backup: that work is set aside "
                       "(kept in the damaged folder, not on the desk). Restore anyway?")
        text = text.replace("%1", str(risk.events_after)).replace("%2", str(risk.unsynced))
        answer = QMessageBox.warning(self, self.tr("Restore a backup"), text,
                                     QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                     QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
