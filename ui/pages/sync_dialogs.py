"""Enrolling the desk with the portal from the app: address and one-time token, then enrol."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.errors import MotcuaError
from ui.errors import error_text
from ui.errors import report_unexpected
from ui.tasks import TaskRunner
from ui.widgets.form_field import FormField

if TYPE_CHECKING:  # the type only: importing the store here is not needed
    from app.store.service import Store


class EnrolDialog(QDialog):
    """Administrators only (the service checks it too): the portal's address and a token."""

    enrolled = Signal(object)  # sync.enrolment.Enrolment

    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.runner = store, runner
        self.setWindowTitle(self.tr("Enrol with the portal"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Ask the portal administrator for a one-time token for this unit "
                               "(motcua portal token create). The token can be used once."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.url = FormField(placeholder="https://dichvucong.example.gov.vn")
        self.token = FormField(placeholder=self.tr("one-time token"))
        form.addRow(self.tr("Portal &address"), self.url)
        form.addRow(self.tr("&Token"), self.token)
        layout.addLayout(form)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Enrol"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(520, 220)

    def submit(self) -> None:
        from sync.enrolment import enrol

        url, token, store = self.url.text().strip(), self.token.text().strip(), self.store
        if not url:
            self.url.set_error(self.tr("Enter the portal's address."))
            return
        if not token:
            self.token.set_error(self.tr("Enter the token."))
            return
        self.buttons.setEnabled(False)
        self.message.setText(self.tr("Contacting the portal…"))
        # Network work: the general pool, never the store lane (a slow link must not hold receptions).
        self.runner.run_io(lambda: enrol(store, url, token), self._done, self._failed)

    def _done(self, result: Any) -> None:
        self.buttons.setEnabled(True)
        self.enrolled.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if not isinstance(exc, MotcuaError):
            report_unexpected(exc)
            return
        self.message.setText(error_text(exc))
