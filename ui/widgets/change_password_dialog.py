"""Đổi mật khẩu: every official changes their own password (current one, new one twice).

Right after signing in with a password an administrator set, the same dialog is shown before
the desk opens, and closing it signs the official out instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QWidget

from app.errors import AuthError
from app.errors import MotcuaError
from ui.tasks import TaskRunner
from ui.widgets.form_field import FormField
from ui.widgets.password_fields import NewPasswordFields
from ui.widgets.password_fields import StoreDialog
from ui.widgets.password_fields import account_problem_text
from ui.widgets.password_fields import clear_error_on_edit

if TYPE_CHECKING:  # the type only: importing the store here is not needed
    from app.store.service import Store


class ChangePasswordDialog(StoreDialog):
    """Current password, new password, repeat; Enter walks down the fields, then submits."""

    def __init__(self, store: Store, runner: TaskRunner, *, forced: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, self.tr("Change password"), parent)
        self.store = store
        self.forced = forced
        self.current = FormField(password=True)
        clear_error_on_edit(self.current)
        label = QLabel(self.tr("&Current password:"))
        label.setBuddy(self.current.edit)
        self.form.addRow(label, self.current)
        self.new = NewPasswordFields()
        self.new.add_rows(self.form, self.tr("&New password:"), self.tr("&Repeat new password:"))
        who = f"{store.user.full_name} ({store.user.username})"
        if forced:
            self.setWindowTitle(self.tr("Choose your own password"))
            self.cancel_button.setText(self.tr("Sign &out"))
            intro = self.tr("%1: your password was set by an administrator. Choose your own before "
                            "you start work; type the one you were given as the current password.")
        else:
            intro = self.tr("%1: at least %2 characters; the new password opens the desk from your "
                            "next unlock or sign-in.")
        self.finish_layout(intro.replace("%1", who).replace("%2", "8"))
        self.first_field = self.current

    def submit(self) -> None:
        current = self.current.text()
        self.current.set_error(None if current else self.tr("Enter your current password."))
        if not self.new.check() or not current:
            (self.current if not current else self.new.password).setFocus()
            return
        store, new_password = self.store, self.new.text()
        self.run(lambda: store.change_password(old_password=current, new_password=new_password))

    def show_problem(self, exc: MotcuaError) -> None:
        if isinstance(exc, AuthError):  # wrong current password, or locked out by trying
            self.current.set_error(account_problem_text(exc))
            self.current.edit.clear()
            self.current.setFocus()
            return
        super().show_problem(exc)
