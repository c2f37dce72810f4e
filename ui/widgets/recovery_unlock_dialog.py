"""Quên mật khẩu: open the desk with the printed recovery key when every password is lost.

Two steps: the recovery key (checked against the key file on the store lane), then which
administrator account gets a new password, and that password twice. The desk then opens signed
in as that administrator. The store opened with the key is closed whatever happens.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QWidget

from app.errors import AuthError
from app.errors import MotcuaError
from app.paths import DataPaths
from ui.tasks import TaskRunner
from ui.widgets.form_field import FormField
from ui.widgets.password_fields import NewPasswordFields
from ui.widgets.password_fields import StoreDialog
from ui.widgets.password_fields import account_problem_text
from ui.widgets.password_fields import clear_error_on_edit

KEY_LETTERS = 40  # app.store.keys.parse_recovery_key: 10 groups of 4


class RecoveryUnlockDialog(StoreDialog):
    """Recovery key → administrator and new password → signed in."""

    # The store opened as the chosen administrator with their new password.
    signed_in = Signal(object)

    def __init__(self, paths: DataPaths, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, self.tr("Open with the recovery key"), parent)
        self.paths = paths
        self.recovered: Any = None  # the store opened with the key, acting as an administrator
        self.intro = QLabel(self.tr(
            "Type the recovery key printed when this desk was set up (10 groups of 4 letters and "
            "digits; dashes and spaces do not matter)."))
        self.intro.setWordWrap(True)
        self.body.addWidget(self.intro)
        self.setMinimumWidth(680)  # the whole key in view, as printed
        self.key = FormField(placeholder="ABCD-EFGH-…")
        clear_error_on_edit(self.key)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSize(12)
        self.key.edit.setFont(mono)
        self.key_label = QLabel(self.tr("Recovery &key:"))
        self.key_label.setBuddy(self.key.edit)
        self.form.addRow(self.key_label, self.key)
        self.admin = QComboBox()
        self.admin_label = QLabel(self.tr("&Administrator:"))
        self.admin_label.setBuddy(self.admin)
        self.form.addRow(self.admin_label, self.admin)
        self.new = NewPasswordFields()
        self.new.add_rows(self.form, self.tr("New &password:"), self.tr("&Repeat password:"))
        self.finish_layout()
        self._show_step(1)
        self.finished.connect(self._close_recovered)
        self.first_field = self.key

    @property
    def step(self) -> int:
        return 1 if self.recovered is None else 2

    def _show_step(self, step: int) -> None:
        for row in range(1, self.form.rowCount()):
            self.form.setRowVisible(row, step == 2)
        self.form.setRowVisible(0, step == 1)
        self.ok_button.setText(self.tr("&Continue") if step == 1 else self.tr("Set password and &sign in"))
        if step == 2:
            self.intro.setText(self.tr("The recovery key is correct. Choose the administrator account "
                                       "and give it a new password."))

    def submit(self) -> None:
        if self.step == 1:
            self._check_key()
        else:
            self._set_password()

    def _check_key(self) -> None:
        typed = self.key.text()
        letters = sum(1 for ch in typed if ch.isalnum())
        if letters != KEY_LETTERS:
            self.key.set_error(self.tr("The key has 40 letters and digits; %1 were typed.")
                               .replace("%1", str(letters)))
            self.key.setFocus()
            return
        self.key.set_error(None)
        paths = self.paths

        def open_with_key() -> tuple[Any, list[Any]]:
            from app.store.service import open_store_with_recovery

            store = open_store_with_recovery(paths, recovery_key=typed)
            try:
                admins = [u for u in store.list_users() if u.role == "admin" and u.active]
            except BaseException:
                store.close()
                raise
            return store, admins

        self.run(open_with_key)

    def _done(self, value: Any) -> None:
        if self.step == 1:
            self.ok_button.setEnabled(True)
            self.recovered, admins = value
            self.key.edit.clear()  # the key is not kept on screen longer than needed
            for user in admins:
                self.admin.addItem(f"{user.full_name} ({user.username})", user.username)
            self._show_step(2)
            self.admin.setFocus()
            return
        self.signed_in.emit(value)
        super()._done(value)

    def _set_password(self) -> None:
        if not self.new.check():
            self.new.password.setFocus()
            return
        recovered, paths = self.recovered, self.paths
        username, password = str(self.admin.currentData()), self.new.text()

        def reset_and_sign_in() -> Any:
            from app.store.service import open_store

            # The administrator chose this password, so it need not be changed again.
            recovered.reset_password(username=username, new_password=password, must_change=False)
            return open_store(paths, username=username, password=password)

        self.run(reset_and_sign_in)

    def show_problem(self, exc: MotcuaError) -> None:
        if self.step == 1:
            wrong = isinstance(exc, AuthError) or exc.code == "input"
            self.key.set_error(self.tr("This is not the recovery key of this desk.") if wrong
                               else account_problem_text(exc))
            self.key.setFocus()
            return
        super().show_problem(exc)

    def _close_recovered(self) -> None:
        recovered, self.recovered = self.recovered, None
        if recovered is not None:
            self.runner.run_db(recovered.close)
