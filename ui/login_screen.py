"""Sign-in (Đăng nhập): opens the encrypted store as one official, offline.

Every failure a person can meet here (wrong password, lockout, a damaged store, a store from a
newer version) is shown on the screen with what to do next; a damaged store offers to restore
the newest backup after an explicit confirmation. When every password is lost, the printed
recovery key opens the desk ("Quên mật khẩu / dùng mã khôi phục…").
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QWidget

from app.errors import AuthError
from app.errors import MotcuaError
from app.errors import StoreCorruptError
from app.errors import StoreTooNewError
from app.paths import DataPaths
from ui.errors import error_text
from ui.errors import report_unexpected
from ui.tasks import TaskRunner
from ui.widgets.auth_messages import auth_failure_text
from ui.widgets.form_field import ERROR_STYLE
from ui.widgets.panel import centered_card
from ui.widgets.recovery_unlock_dialog import RecoveryUnlockDialog

if TYPE_CHECKING:  # the type only: importing the store here is not needed
    from app.store.service import Store


class LoginScreen(QWidget):
    """User name + password; Enter submits; the store is opened on the store lane."""

    # The opened store, once the official is signed in.
    signed_in = Signal(object)
    # "Chế độ tập huấn": the app opens the separate training store (app/training.py).
    training_requested = Signal()

    def __init__(self, paths: DataPaths, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.runner = runner
        self.restore_confirm: QMessageBox | None = None
        self.recovery_dialog: RecoveryUnlockDialog | None = None
        self._backups: list[Path] = []
        self.setWindowTitle(self.tr("Sign in"))  # Qt appends the app name itself
        self._build()
        self.username.setFocus()

    def _build(self) -> None:
        layout = centered_card(self)
        title = QLabel(self.tr("Sign in"))
        title.setStyleSheet("font-size: 18pt; font-weight: 600;")
        layout.addWidget(title)
        form = QFormLayout()
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        for text, edit in ((self.tr("&User name:"), self.username), (self.tr("&Password:"), self.password)):
            label = QLabel(text)
            label.setBuddy(edit)
            form.addRow(label, edit)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.sign_in_button = QPushButton(self.tr("&Sign in"))
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.submit)
        self.restore_button = QPushButton(self.tr("&Restore the latest backup…"))
        self.restore_button.hide()
        self.restore_button.clicked.connect(self.confirm_restore)
        self.recovery_button = QPushButton(self.tr("&Forgot the password? Use the recovery key…"))
        self.recovery_button.setFlat(True)
        self.recovery_button.setAutoDefault(False)
        self.recovery_button.clicked.connect(self.open_recovery)
        layout.addWidget(self.sign_in_button, alignment=Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.restore_button, alignment=Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.recovery_button, alignment=Qt.AlignmentFlag.AlignLeft)
        self.training_button = QPushButton(self.tr("&Training mode (practise on sample data)"))
        self.training_button.setAutoDefault(False)
        self.training_button.setStyleSheet("QPushButton { color: #b45309; font-weight: 600; }")
        self.training_button.setToolTip(self.tr("Opens a separate training store with sample dossiers; "
                                                "nothing done there reaches the real store or the portal."))
        self.training_button.clicked.connect(self.request_training)
        layout.addWidget(self.training_button, alignment=Qt.AlignmentFlag.AlignLeft)
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.submit)
        QWidget.setTabOrder(self.username, self.password)
        QWidget.setTabOrder(self.password, self.sign_in_button)
        QWidget.setTabOrder(self.sign_in_button, self.recovery_button)
        QWidget.setTabOrder(self.recovery_button, self.training_button)

    def request_training(self) -> None:
        """Ask the app for the training store; preparing it the first time takes a little while."""
        if not self.training_button.isEnabled():
            return
        self.training_preparing()
        self.training_requested.emit()

    def training_preparing(self) -> None:
        self.training_button.setEnabled(False)
        self.message.setText(self.tr("Preparing the training data…"))

    def training_failed(self, exc: BaseException) -> None:
        self.training_button.setEnabled(True)
        if not isinstance(exc, MotcuaError):
            report_unexpected(exc)
            return
        self.message.setText(error_text(exc))

    def submit(self) -> None:
        """Try to open the store with the typed credentials."""
        username = self.username.text().strip()
        password = self.password.text()
        if not username or not password:
            self.message.setText(self.tr("Enter your user name and password."))
            (self.username if not username else self.password).setFocus()
            return
        if not self.sign_in_button.isEnabled():  # already working on it
            return
        self.message.clear()
        self.sign_in_button.setEnabled(False)
        paths = self.paths
        self.runner.run_db(lambda: _open(paths, username, password), self._opened, self._failed)

    def open_recovery(self) -> None:
        """Every password lost: the recovery key, then an administrator's new password."""
        dialog = RecoveryUnlockDialog(self.paths, self.runner, self)
        dialog.signed_in.connect(self.signed_in)
        dialog.finished.connect(lambda _r: setattr(self, "recovery_dialog", None))
        self.recovery_dialog = dialog
        dialog.open()

    def _opened(self, store: Store) -> None:
        self.sign_in_button.setEnabled(True)
        self.password.clear()
        self.signed_in.emit(store)

    def _failed(self, exc: BaseException) -> None:
        self.sign_in_button.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        if not isinstance(exc, MotcuaError):
            report_unexpected(exc)
            return
        self.restore_button.hide()
        if isinstance(exc, AuthError):
            self.message.setText(auth_failure_text(exc))
        elif isinstance(exc, StoreTooNewError):
            self.message.setText(
                self.tr("The local store was written by a newer version of MotCua Desk. "
                        "Install the newer version to open it; nothing has been changed.")
            )
        elif isinstance(exc, StoreCorruptError):
            self._offer_restore(exc)
        else:
            self.message.setText(error_text(exc))

    def _offer_restore(self, exc: StoreCorruptError) -> None:
        self._backups = [Path(b) for b in exc.backups]
        text = self.tr("The local store is damaged and cannot be opened.")
        if self._backups:
            newest = max(self._backups, key=lambda p: p.name)
            self._backups = [newest]
            text += " " + self.tr("The latest backup is %1.").replace("%1", newest.name)
            self.restore_button.show()
        else:
            text += " " + self.tr("No backup was found; contact your administrator.")
        self.message.setText(text)

    def confirm_restore(self) -> None:
        """Ask before replacing the damaged store: restoring loses work done after the backup."""
        if not self._backups:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Restore backup"),
                          self.tr("Replace the damaged store with the backup %1? Work saved after "
                                  "that backup will be missing.").replace("%1", self._backups[0].name),
                          parent=self)
        yes = box.addButton(self.tr("&Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)
        box.finished.connect(lambda _r: self._restore() if box.clickedButton() is yes else None)
        self.restore_confirm = box
        box.open()

    def _restore(self) -> None:
        self.restore_confirm = None
        backup = self._backups[0]
        paths = self.paths
        self.runner.run_db(lambda: _restore(paths, backup), self._restored, self._failed)

    def _restored(self, _result: object) -> None:
        self.restore_button.hide()
        self.message.setText(self.tr("The backup was restored. Sign in again."))
        self.username.setFocus()


def _open(paths: DataPaths, username: str, password: str) -> Any:
    """`open_store` in its two steps: the password first (Argon2id, during which argon2-cffi
    releases the interpreter, so the store's modules go on importing in `ui.warm_up`'s thread),
    then the store, once its modules are there."""
    from app.store.unlock import unlock

    unlocked = unlock(paths, username=username, password=password)
    from app.store.service import open_unlocked

    # A password an administrator set opens the desk, which then asks for a new one first.
    return open_unlocked(paths, unlocked, to_change_password=True)


def _restore(paths: DataPaths, backup: Path) -> None:
    from app.store.service import restore_backup

    restore_backup(paths, backup)
