"""What the officials' screens share: role names, account problems in words, a new password
typed twice, and a small dialog frame that runs its work on the store lane.

Account problems come from `app` with a kind (AccountError.kind); the words are chosen here by
kind, never by matching the English message.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractButton
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.errors import InputError
from app.errors import MotcuaError
from app.errors import PermissionDeniedError
from app.store.account_terms import ROLES
from app.store.account_terms import AccountError
from ui.errors import error_text
from ui.errors import report_unexpected
from ui.tasks import TaskRunner
from ui.widgets.auth_messages import auth_failure_text
from ui.widgets.form_field import ERROR_STYLE
from ui.widgets.form_field import FormField

MIN_PASSWORD_LENGTH = 8  # app.store.keys.check_password_rules enforces the same


def role_label(role: str) -> str:
    """The role as the unit calls it (product.md §7)."""
    labels = {
        "admin": QCoreApplication.translate("roles", "Administrator"),
        "receiver": QCoreApplication.translate("roles", "Receiving official"),
        "post_agent": QCoreApplication.translate("roles", "Post-office agent"),
        "community": QCoreApplication.translate("roles", "Community digital team member"),
        "supervisor": QCoreApplication.translate("roles", "Supervisor"),
    }
    return labels.get(role, role)


def role_choices() -> list[tuple[str, str]]:
    return [(role, role_label(role)) for role in ROLES]


def account_problem_text(exc: BaseException) -> str:
    """An account change refused by the store, in the official's words (worded by its kind)."""
    if isinstance(exc, AccountError) or (isinstance(exc, InputError) and exc.kind.startswith("account.")):
        return error_text(exc)
    if isinstance(exc, PermissionDeniedError):
        return QCoreApplication.translate("accounts", "Only an administrator may do this.")
    return auth_failure_text(exc, password_only=True)


def password_problem(password: str) -> str | None:
    if len(password) < MIN_PASSWORD_LENGTH:
        return QCoreApplication.translate("accounts", "At least %1 characters.").replace(
            "%1", str(MIN_PASSWORD_LENGTH))
    return None


class NewPasswordFields:
    """A new password and its repetition, checked as they are typed."""

    def __init__(self) -> None:
        self.password = FormField(password=True)
        self.repeat = FormField(password=True)
        self.password.edit.textEdited.connect(lambda _t: self.check(quiet_repeat=True))
        self.repeat.edit.textEdited.connect(lambda _t: self.check())

    def add_rows(self, form: QFormLayout, first: str, second: str) -> None:
        for text, field in ((first, self.password), (second, self.repeat)):
            label = QLabel(text)
            label.setBuddy(field.edit)
            form.addRow(label, field)

    def check(self, *, quiet_repeat: bool = False) -> bool:
        """Show what is wrong beside each field; True when both are fine."""
        problem = password_problem(self.password.text())
        self.password.set_error(problem)
        mismatch = self.repeat.text() != self.password.text()
        if not (quiet_repeat and not self.repeat.text()):
            self.repeat.set_error(QCoreApplication.translate(
                "accounts", "The two passwords are not the same.") if mismatch else None)
        return problem is None and not mismatch

    def text(self) -> str:
        return self.password.text()


def clear_error_on_edit(field: FormField) -> None:
    """A problem said about what was typed goes away as soon as it is typed again."""
    field.edit.textEdited.connect(lambda _text: field.set_error(None))


class StoreDialog(QDialog):
    """A short form whose OK runs one call on the store lane; the dialog closes when it succeeds
    and shows the problem in its message line when it does not.

    Enter walks down the visible fields, as on the paper forms, and submits from the last one;
    so no button is a default button (it would submit from every field)."""

    def __init__(self, runner: TaskRunner, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(520)
        self.body = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(QCoreApplication.translate("accounts", "OK"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QCoreApplication.translate("accounts", "Cancel"),
                                                    QDialogButtonBox.ButtonRole.RejectRole)
        for button in (self.ok_button, self.cancel_button):
            button.setAutoDefault(False)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.result_value: Any = None
        self.first_field: QWidget | None = None  # where typing starts when the dialog opens

    def finish_layout(self, intro: str = "") -> None:
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            self.body.addWidget(label)
        self.body.addLayout(self.form)
        self.body.addWidget(self.message)
        self.body.addWidget(self.buttons, alignment=Qt.AlignmentFlag.AlignRight)

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        super().showEvent(event)
        if self.first_field is not None:
            self.first_field.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter_pressed()
            return
        super().keyPressEvent(event)

    def enter_pressed(self) -> None:
        focus = QApplication.focusWidget()
        if isinstance(focus, QAbstractButton) and self.isAncestorOf(focus):
            focus.click()
            return
        fields = [item.widget() for row in range(self.form.rowCount())
                  if (item := self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)) is not None
                  and item.widget() is not None and item.widget().isVisible()]
        here = next((i for i, field in enumerate(fields)
                     if focus is not None and (field is focus or field.isAncestorOf(focus))), None)
        if here is not None and here + 1 < len(fields):
            fields[here + 1].setFocus()
        else:
            self.submit()

    def submit(self) -> None:
        """Subclasses check their fields and call `run`."""
        raise NotImplementedError

    def run(self, work: Callable[[], Any]) -> None:
        if not self.ok_button.isEnabled():  # already working on it
            return
        self.message.clear()
        self.ok_button.setEnabled(False)
        self.runner.run_db(work, self._done, self._failed)

    def _done(self, value: Any) -> None:
        self.ok_button.setEnabled(True)
        self.result_value = value
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if not isinstance(exc, MotcuaError):
            report_unexpected(exc)
            return
        self.show_problem(exc)

    def show_problem(self, exc: MotcuaError) -> None:
        self.message.setText(account_problem_text(exc))
