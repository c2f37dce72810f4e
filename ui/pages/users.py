"""Cán bộ (officials), under Cài đặt for administrators: who may use this desk, in which role.

The list shows every account with its role and state; the actions work on the selected row:
Ins or Ctrl+N adds, F2 changes the role, Ctrl+R resets the password (which also reactivates a
deactivated account) and Del deactivates. The store enforces the rules (only administrators,
never the last active administrator); the screen words its refusals by their kind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QTableWidget
from PySide6.QtWidgets import QTableWidgetItem
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.errors import MotcuaError
from app.store.accounts import USERNAME_RE
from app.text import collapse_spaces
from app.text import nfc
from ui.errors import report_unexpected
from ui.tasks import TaskRunner
from ui.widgets.form_field import FormField
from ui.widgets.password_fields import NewPasswordFields
from ui.widgets.password_fields import StoreDialog
from ui.widgets.password_fields import account_problem_text
from ui.widgets.password_fields import clear_error_on_edit
from ui.widgets.password_fields import role_choices
from ui.widgets.password_fields import role_label

if TYPE_CHECKING:  # the type only: importing the store here is not needed
    from app.store.service import Store


def _role_box(current: str = "receiver") -> QComboBox:
    box = QComboBox()
    for role, label in role_choices():
        box.addItem(label, role)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


class AddUserDialog(StoreDialog):
    """User name, full name, role and a first password (typed twice)."""

    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, self.tr("Add an official"), parent)
        self.store = store
        self.username = FormField(placeholder="mai.tn")
        self.full_name = FormField()
        for field in (self.username, self.full_name):
            clear_error_on_edit(field)
        self.role = _role_box()
        for text, widget in ((self.tr("&User name:"), self.username), (self.tr("&Full name:"), self.full_name),
                             (self.tr("R&ole:"), self.role)):
            label = QLabel(text)
            label.setBuddy(getattr(widget, "edit", widget))
            self.form.addRow(label, widget)
        self.new = NewPasswordFields()
        self.new.add_rows(self.form, self.tr("First &password:"), self.tr("&Repeat password:"))
        self.finish_layout(self.tr("The official chooses their own password the first time they sign in."))
        self.first_field = self.username

    def submit(self) -> None:
        username = self.username.text().strip()
        full_name = nfc(collapse_spaces(self.full_name.text()))
        self.username.set_error(None if USERNAME_RE.fullmatch(username) else self.tr(
            "3–32 characters: lower-case letters without accents, digits, '.', '_' or '-'."))
        self.full_name.set_error(None if len(full_name) >= 2 else self.tr("Enter the official's full name."))
        passwords_ok = self.new.check()
        bad = [f for f in (self.username, self.full_name) if f.error]
        if bad or not passwords_ok:
            (bad[0] if bad else self.new.password).setFocus()
            return
        store, role, password = self.store, str(self.role.currentData()), self.new.text()
        self.run(lambda: store.add_user(username=username, full_name=full_name, role=role, password=password))

    def show_problem(self, exc: MotcuaError) -> None:
        if getattr(exc, "kind", "").startswith("account.exists"):
            self.username.set_error(account_problem_text(exc))
            self.username.setFocus()
            return
        super().show_problem(exc)


class RoleDialog(StoreDialog):
    """Another role for one official."""

    def __init__(self, store: Store, runner: TaskRunner, user: Any, parent: QWidget | None = None) -> None:
        super().__init__(runner, self.tr("Change role"), parent)
        self.store, self.user = store, user
        self.role = _role_box(user.role)
        label = QLabel(self.tr("&Role:"))
        label.setBuddy(self.role)
        self.form.addRow(label, self.role)
        self.finish_layout(self.tr("New role of %1:").replace("%1", f"{user.full_name} ({user.username})"))
        self.first_field = self.role

    def submit(self) -> None:
        store, username, role = self.store, self.user.username, str(self.role.currentData())
        self.run(lambda: store.set_role(username=username, role=role))


class ResetPasswordDialog(StoreDialog):
    """A password the official will replace at their next sign-in; reactivates the account."""

    def __init__(self, store: Store, runner: TaskRunner, user: Any, parent: QWidget | None = None) -> None:
        super().__init__(runner, self.tr("Reset password"), parent)
        self.store, self.user = store, user
        self.new = NewPasswordFields()
        self.new.add_rows(self.form, self.tr("New &password:"), self.tr("&Repeat password:"))
        who = f"{user.full_name} ({user.username})"
        intro = self.tr("New password for %1. They must choose their own when they next sign in.")
        if not user.active:
            intro += " " + self.tr("The account will be active again.")
        self.finish_layout(intro.replace("%1", who))
        self.first_field = self.new.password

    def submit(self) -> None:
        if not self.new.check():
            self.new.password.setFocus()
            return
        store, username, password = self.store, self.user.username, self.new.text()
        self.run(lambda: store.reset_password(username=username, new_password=password))


class UsersPanel(QWidget):
    """The officials' table and its actions (administrators only)."""

    # The signed-in official changed their own role or deactivated themselves: sign in again.
    own_account_changed = Signal()

    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.users: list[Any] = []
        self.dialog: StoreDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("User name"), self.tr("Full name"), self.tr("Role"),
                                              self.tr("State")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Officials"))
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add official…"))
        self.role_button = QPushButton(self.tr("Change r&ole…"))
        self.reset_button = QPushButton(self.tr("Reset pass&word…"))
        self.deactivate_button = QPushButton(self.tr("&Deactivate…"))
        for button, slot, keys in ((self.add_button, self.add_user, ("Ins", "Ctrl+N")),
                                   (self.role_button, self.change_role, ("F2",)),
                                   (self.reset_button, self.reset_password, ("Ctrl+R",)),
                                   (self.deactivate_button, self.deactivate, ("Del",))):
            button.clicked.connect(slot)
            button.setToolTip(" · ".join(keys))
            buttons.addWidget(button)
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.setFocusProxy(self.table)
        self._update_buttons()

    # -- data -----------------------------------------------------------------------------------
    def load(self) -> None:
        store = self.store
        self.runner.run_db(store.list_users, self._loaded, self._failed)

    def _loaded(self, users: list[Any]) -> None:
        selected = self.selected_user()
        self.users = users
        self.table.setRowCount(len(users))
        for row, user in enumerate(users):
            cells = (user.username, user.full_name, role_label(user.role), self._state(user))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not user.active:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(row, column, item)
        names = [user.username for user in users]
        keep = names.index(selected.username) if selected and selected.username in names else 0
        if users:
            self.table.selectRow(keep)
        self._update_buttons()

    def _state(self, user: Any) -> str:
        if not user.active:
            return self.tr("Deactivated")
        if user.must_change:
            return self.tr("Active – must choose a new password")
        return self.tr("Active")

    def selected_user(self) -> Any | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.users):
            return None
        return self.users[rows[0].row()]

    def _update_buttons(self) -> None:
        user = self.selected_user()
        self.reset_button.setEnabled(user is not None)
        for button in (self.role_button, self.deactivate_button):  # a deactivated row: reset only
            button.setEnabled(user is not None and user.active)

    # -- actions --------------------------------------------------------------------------------
    def add_user(self) -> None:
        self._open(AddUserDialog(self.store, self.runner, self),
                   lambda info: self.tr("%1 was added.").replace("%1", info.username))

    def change_role(self) -> None:
        user = self.selected_user()
        if user is None or not user.active:
            return
        self._open(RoleDialog(self.store, self.runner, user, self),
                   lambda info: self.tr("%1 is now: %2.").replace("%1", info.username)
                   .replace("%2", role_label(info.role)), own=user.username)

    def reset_password(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        self._open(ResetPasswordDialog(self.store, self.runner, user, self),
                   lambda _none: self.tr("The password of %1 was reset.").replace("%1", user.username))

    def _open(self, dialog: StoreDialog, said: Any, own: str | None = None) -> None:
        self.dialog = dialog

        def accepted() -> None:
            self.message.setText(said(dialog.result_value))
            self.dialog = None
            if own == self.store.user.username:
                self.own_account_changed.emit()
                return
            self.load()

        dialog.accepted.connect(accepted)
        dialog.rejected.connect(lambda: setattr(self, "dialog", None))
        dialog.open()

    def deactivate(self) -> None:
        """Ask first: the official's key is removed and they cannot sign in any more."""
        user = self.selected_user()
        if user is None or not user.active:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Deactivate official"),
                          self.tr("Deactivate %1? Their key is removed from this desk and they can no "
                                  "longer sign in, until an administrator resets their password.")
                          .replace("%1", f"{user.full_name} ({user.username})"), parent=self)
        yes = box.addButton(self.tr("&Deactivate"), QMessageBox.ButtonRole.DestructiveRole)
        no = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)  # Enter must not remove someone by accident
        box.finished.connect(lambda _r: self._deactivate(user) if box.clickedButton() is yes else None)
        self.confirm_box = box
        box.open()

    def _deactivate(self, user: Any) -> None:
        self.confirm_box = None
        store, username = self.store, user.username

        def done(_none: object) -> None:
            self.message.setText(self.tr("%1 was deactivated.").replace("%1", username))
            if username == store.user.username:
                self.own_account_changed.emit()
            else:
                self.load()

        self.runner.run_db(lambda: store.deactivate_user(username=username), done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, MotcuaError):
            report_unexpected(exc)
            return
        self.message.setText(account_problem_text(exc))
