"""First-run setup (Thiết lập ban đầu): the unit, the first administrator, the recovery key,
then enrolment with the portal.

Fields are checked as they are typed so mistakes show next to the field; the store is then
created on the store lane (Argon2 and SQLCipher set-up take a moment) and the recovery key is
shown exactly once (to copy or print as the recovery sheet) before the desk opens. Last, the
portal's one-time token is asked for; "Later" leaves it to the checklist on Cài đặt.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QWidget

from app.errors import MotcuaError
from app.paths import DataPaths
from app.store.account_terms import USERNAME_RE
from app.text import collapse_spaces
from app.text import nfc
from ui.errors import error_text
from ui.errors import report_unexpected
from ui.tasks import TaskRunner
from ui.widgets.form_field import ERROR_STYLE
from ui.widgets.form_field import FormField
from ui.widgets.panel import centered_card
from ui.widgets.recovery_key_dialog import RecoveryKeyDialog

if TYPE_CHECKING:  # the type only: importing the store here is not needed
    from app.store.service import Store

# Written form of a local unit's electronic identifier (domain.md §3.3), e.g. 000.00.06.H56.
UNIT_CODE_RE = re.compile(r"^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9]{2}$")
SETUP_CARD_WIDTH = 640
MIN_PASSWORD_LENGTH = 8  # app.store.keys.check_password_rules enforces the same


class SetupScreen(QWidget):
    """Collects the unit and admin details and creates the encrypted store."""

    # (store, recovery key confirmed) once the admin has acknowledged the recovery key.
    store_created = Signal(object)
    # A RestoreRequest (ui/pages/backup_panel.py): a new computer takes a backup instead.
    restore_requested = Signal(object)

    def __init__(self, paths: DataPaths, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.runner = runner
        self.recovery_dialog: RecoveryKeyDialog | None = None
        self.enrol_dialog: QDialog | None = None
        self._store: Store = None
        self.setWindowTitle(self.tr("First-time setup"))  # Qt appends the app name itself
        self._build()
        for field, following in zip(self._fields(), self._fields()[1:]):
            # Enter moves on to the next field, as on the paper form; Enter in the last submits.
            field.edit.returnPressed.connect(following.setFocus)
        for field in self._fields():
            field.edit.textEdited.connect(lambda _text, f=field: self._validate_one(f))
        self.password_repeat.edit.returnPressed.connect(self.submit)
        self.unit_code.setFocus()

    # -- layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = centered_card(self, SETUP_CARD_WIDTH)
        title = QLabel(self.tr("First-time setup"))
        title.setStyleSheet("font-size: 18pt; font-weight: 600;")
        outer.addWidget(title)
        intro = QLabel(
            self.tr(
                "This computer has no local store yet. Enter the unit's details and create the first "
                "administrator account. The data on this computer will be encrypted."
            )
        )
        intro.setWordWrap(True)
        outer.addWidget(intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.unit_code = FormField(placeholder="000.00.06.H56")
        self.unit_name = FormField(
            placeholder=self.tr("e.g. Public Administration Service Centre of Tân Lập commune"))
        self.admin_username = FormField(placeholder="admin")
        self.admin_full_name = FormField()
        self.password = FormField(password=True)
        self.password_repeat = FormField(password=True)
        rows = [
            (self.tr("Unit &identifier (mã định danh):"), self.unit_code),
            (self.tr("Unit &name:"), self.unit_name),
            (self.tr("Administrator &user name:"), self.admin_username),
            (self.tr("Administrator &full name:"), self.admin_full_name),
            (self.tr("&Password:"), self.password),
            (self.tr("&Repeat password:"), self.password_repeat),
        ]
        for text, field in rows:
            label = QLabel(text)
            label.setBuddy(field.edit)
            form.addRow(label, field)
        outer.addLayout(form)
        self.form_error = QLabel()
        self.form_error.setStyleSheet(ERROR_STYLE)
        self.form_error.setWordWrap(True)
        outer.addWidget(self.form_error)
        self.create_button = QPushButton(self.tr("&Create store"))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.submit)
        outer.addWidget(self.create_button, alignment=Qt.AlignmentFlag.AlignRight)
        self.restore_button = QPushButton(self.tr("Restore from a &backup (a new computer)…"))
        self.restore_button.clicked.connect(lambda: self.restore_from_backup())
        outer.addWidget(self.restore_button, alignment=Qt.AlignmentFlag.AlignRight)
        self._chain_tab_order()

    def restore_from_backup(self, backup: Any = None) -> Any:
        """Choose a backup (a file dialog unless given), then the key dialog (returned, open)."""
        from ui.pages.backup_panel import RestoreDialog, choose_backup_file

        backup = backup or choose_backup_file(self, "")
        if backup is None:
            return None
        dialog = RestoreDialog(backup, "admin", self)
        dialog.accepted.connect(lambda: self.restore_requested.emit(dialog.request()))
        dialog.open()
        return dialog

    def _fields(self) -> list[FormField]:
        return [self.unit_code, self.unit_name, self.admin_username, self.admin_full_name,
                self.password, self.password_repeat]

    def _chain_tab_order(self) -> None:
        edits = [field.edit for field in self._fields()] + [self.create_button]
        for first, second in zip(edits, edits[1:]):
            QWidget.setTabOrder(first, second)

    # -- validation -----------------------------------------------------------------------------
    def _problem(self, field: FormField) -> str | None:
        """What is wrong with one field, in words for the person at the desk, or None."""
        text = field.text()
        if field is self.unit_code:
            if not text.strip():
                return self.tr("Enter the unit's electronic identifier.")
            if not UNIT_CODE_RE.match(text.strip().upper()):
                return self.tr("Use the form 000.00.06.H56 (four groups separated by dots).")
        elif field is self.unit_name:
            if len(collapse_spaces(text)) < 3:
                return self.tr("Enter the unit's full name as printed on receipts.")
        elif field is self.admin_username:
            if not USERNAME_RE.match(text.strip()):
                return self.tr(
                    "3–32 characters: lower-case letters without accents, digits, '.', '_' or '-'.")
        elif field is self.admin_full_name:
            if len(collapse_spaces(text)) < 2:
                return self.tr("Enter the administrator's full name.")
        elif field is self.password:
            if len(text) < MIN_PASSWORD_LENGTH:
                return self.tr("At least %1 characters.").replace("%1", str(MIN_PASSWORD_LENGTH))
        elif field is self.password_repeat and text != self.password.text():
            return self.tr("The two passwords are not the same.")
        return None

    def _validate_one(self, field: FormField) -> bool:
        problem = self._problem(field)
        field.set_error(problem)
        if field is self.password and self.password_repeat.text():
            self.password_repeat.set_error(self._problem(self.password_repeat))
        return problem is None

    def validate(self) -> bool:
        """Check every field, show each problem beside its field, focus the first bad one."""
        bad = [field for field in self._fields() if not self._validate_one(field)]
        if bad:
            bad[0].setFocus()
        return not bad

    # -- actions --------------------------------------------------------------------------------
    def submit(self) -> None:
        """Create the store if the form is valid (Enter in the last field or the button)."""
        self.form_error.clear()
        if not self.validate() or not self.create_button.isEnabled():
            return
        values = {
            "unit_code": self.unit_code.text().strip().upper(),
            "unit_name": nfc(collapse_spaces(self.unit_name.text())),
            "admin_username": self.admin_username.text().strip(),
            "admin_full_name": nfc(collapse_spaces(self.admin_full_name.text())),
            "admin_password": self.password.text(),
        }
        self._set_busy(True)
        paths = self.paths
        self.runner.run_db(lambda: _create_store(paths, values), self._created, self._failed)

    def _set_busy(self, busy: bool) -> None:
        self.create_button.setEnabled(not busy)
        self.create_button.setText(self.tr("Creating…") if busy else self.tr("&Create store"))

    def _created(self, result: tuple[Any, str]) -> None:
        self._set_busy(False)
        self._store, key = result
        self.password.edit.clear()
        self.password_repeat.edit.clear()
        unit = self._store.unit
        self.recovery_dialog = RecoveryKeyDialog(key, unit.name, self, unit_code=unit.code)
        self.recovery_dialog.accepted.connect(self._key_acknowledged)
        self.recovery_dialog.open()

    def _key_acknowledged(self) -> None:
        from ui.pages.sync_dialogs import EnrolDialog

        self.recovery_dialog = None
        # Enrolling now saves a trip to Đồng bộ; without a token yet, "Later" opens the desk.
        dialog = EnrolDialog(self._store, self.runner, self)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Later"))
        dialog.finished.connect(self._enrolment_done)
        self.enrol_dialog = dialog
        dialog.open()

    def _enrolment_done(self, _result: int) -> None:
        self.enrol_dialog = None
        self.store_created.emit(self._store)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, MotcuaError):
            report_unexpected(exc)
            return
        self.form_error.setText(error_text(exc))


def _create_store(paths: DataPaths, values: dict[str, str]) -> tuple[Any, str]:
    """Runs on the store lane: create the store with its first admin and seeded reference data."""
    from app.desk_setup import create_desk

    paths.ensure()
    return create_desk(paths, **values)
