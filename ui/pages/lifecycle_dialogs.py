"""Dialogs of the dossier lifecycle: one small form per action, the return of results, the audit log.

- `ActionDialog`: the details one action needs (reason, items, new appointment, body…);
  Ctrl+Enter takes the action (one store transaction, app/lifecycle/actions.py), Esc cancels.
  A refusal stays in the dialog, worded from its problem kind; nothing was changed.
- `ReturnDialog` (Ctrl+T from anywhere in the main window): scan the receipt's QR with the
  barcode reader (it types the lookup address, which holds the code) or type the code, Enter;
  the dossier, its status and the fee still due show; choose who receives the result
  (applicant, representative with name and ID number, or by post with the tracking number) and
  Ctrl+Enter records the return.
- `AuditDialog` (supervisor and admin): the audit log filtered by dossier code, official and
  date range, newest first.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox,
                               QVBoxLayout, QWidget)

from app.catalog.fees import format_vnd
from app.clock import local_now, local_today
from app.errors import MotcuaError
from ui.errors import error_text, report_unexpected
from ui.lifecycle_text import action_text, status_text
from ui.tasks import TaskRunner

if TYPE_CHECKING:  # the type only: importing the store here is not needed
    from app.store.service import Store

REASON_ACTIONS = {"refuse", "stop", "apologise", "request_supplement", "withdraw"}
NOTE_ACTIONS = {"handover", "receive_back", "result_ready", "supplement_received", "return"}
MAX_FEE = 1_000_000_000


def _problem_style(label: QLabel, text: str) -> None:
    from ui.widgets.form_field import ERROR_STYLE

    label.setText(text)
    label.setStyleSheet(ERROR_STYLE if text else "")
    label.setVisible(bool(text))


def _failed(label: QLabel, exc: BaseException) -> None:
    if not isinstance(exc, MotcuaError):
        report_unexpected(exc)
        return
    _problem_style(label, error_text(exc))


class ConfirmDialog(QDialog):
    """A dialog that Ctrl+Enter confirms from any of its fields (`confirm`): a key event rather
    than a window shortcut, so it works whichever window the system made active."""

    def confirm(self) -> None:
        raise NotImplementedError

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.confirm()
            return
        super().keyPressEvent(event)


class FieldDateTimeEdit(QDateTimeEdit):
    """A date and time that Tab leaves, like every other field: QDateTimeEdit's own Tab walks
    its sections (hour, minute, day, month, year), so the next field took five presses and the
    official's reason was typed into the date. ← and → still move between the sections."""

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt override
        return QWidget.focusNextPrevChild(self, forward)


class ActionDialog(ConfirmDialog):
    """The details of one action on one dossier, then the action itself on the store lane."""

    acted = Signal(object)  # app.lifecycle.actions.ActResult

    def __init__(self, store: Store, runner: TaskRunner, code: str, action: str, *,
                 due_at: datetime | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.runner, self.code, self.action = store, runner, code, action
        self.setWindowTitle(self.tr("%1 — dossier %2").replace("%1", action_text(action)).replace("%2", code))
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>{action_text(action)}</b>")
        layout.addWidget(heading)
        form = QFormLayout()
        self.fields: dict[str, QWidget] = {}
        if action in ("handover", "receive_back"):
            self.fields["body"] = QLineEdit()
            self.fields["body"].setPlaceholderText(
                self.tr("e.g. Civil status officer") if action == "handover"
                else self.tr("empty: the body it was handed over to"))
            form.addRow(self.tr("Processing &body:"), self.fields["body"])
        if action == "request_supplement":
            self.fields["items"] = QPlainTextEdit()
            self.fields["items"].setPlaceholderText(self.tr("One document or piece of information per line"))
            self.fields["items"].setTabChangesFocus(True)
            form.addRow(self.tr("&Items to complete:"), self.fields["items"])
        if action == "apologise":
            edit = FieldDateTimeEdit()
            edit.setDisplayFormat("HH:mm dd/MM/yyyy")
            edit.setCalendarPopup(True)
            start = max(due_at or local_now(), local_now()) + timedelta(days=2)
            edit.setDateTime(QDateTime(QDate(start.year, start.month, start.day), QTime(16, 0)))
            self.fields["new_due"] = edit
            form.addRow(self.tr("&New appointment:"), edit)
        if action in REASON_ACTIONS:
            self.fields["reason"] = QLineEdit()
            form.addRow(self.tr("&Reason:"), self.fields["reason"])
        if action in NOTE_ACTIONS:
            self.fields["note"] = QLineEdit()
            form.addRow(self.tr("N&ote:"), self.fields["note"])
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox()
        self.confirm_button = QPushButton(self.tr("&Confirm (Ctrl+Enter)"))
        buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        # Enter in a field must not take the action by accident: Ctrl+Enter (or the button) does.
        for button in (self.confirm_button, cancel):
            button.setAutoDefault(False)
        self.confirm_button.clicked.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        first = next(iter(self.fields.values()), self.confirm_button)
        first.setFocus()
        self.resize(520, 0)

    def action_input(self) -> Any:
        from app.lifecycle.machine import ActionInput

        def text(name: str) -> str:
            widget = self.fields.get(name)
            if isinstance(widget, QPlainTextEdit):
                return widget.toPlainText()
            return widget.text() if isinstance(widget, QLineEdit) else ""

        new_due = None
        if isinstance(self.fields.get("new_due"), QDateTimeEdit):
            new_due = self.fields["new_due"].dateTime().toPython().replace(second=0, microsecond=0)
        items = tuple(line for line in text("items").splitlines() if line.strip())
        return ActionInput(note=text("note"), reason=text("reason"), items=items, new_due=new_due,
                           body=text("body"))

    def confirm(self) -> None:
        from app.lifecycle.actions import act

        _problem_style(self.problem, "")
        store, code, action, data = self.store, self.code, self.action, self.action_input()
        self.confirm_button.setEnabled(False)
        self.runner.run_db(lambda: act(store, code, action, data), self._done, self._refused)

    def _done(self, result: Any) -> None:
        self.confirm_button.setEnabled(True)
        self.acted.emit(result)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.confirm_button.setEnabled(True)
        _failed(self.problem, exc)


class ReturnDialog(ConfirmDialog):
    """Return of the result: scan or type the code, see the fee due, say who receives it."""

    returned = Signal(object)  # ActResult

    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.runner = store, runner
        self.prompt: Any = None
        self.setWindowTitle(self.tr("Return the result"))
        layout = QVBoxLayout(self)
        top = QFormLayout()
        self.scan = QLineEdit()
        self.scan.setPlaceholderText(self.tr("Scan the QR on the receipt, or type the dossier code, then Enter"))
        self.scan.returnPressed.connect(self.look_up)
        top.addRow(self.tr("&Dossier:"), self.scan)
        layout.addLayout(top)
        self.summary = QLabel(self.tr("No dossier chosen yet."))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary)
        form = QFormLayout()
        self.to = QComboBox()
        for value, label in (("applicant", self.tr("The applicant in person")),
                             ("representative", self.tr("A representative (name and ID number)")),
                             ("post", self.tr("By post (tracking number)"))):
            self.to.addItem(label, value)
        self.to.currentIndexChanged.connect(self._recipient_changed)
        form.addRow(self.tr("&Received by:"), self.to)
        self.name = QLineEdit()
        form.addRow(self.tr("Representative's &name:"), self.name)
        self.id_number = QLineEdit()
        form.addRow(self.tr("Representative's &ID number:"), self.id_number)
        self.tracking = QLineEdit()
        form.addRow(self.tr("Postal &tracking number:"), self.tracking)
        self.fee = QSpinBox()
        self.fee.setRange(0, MAX_FEE)
        self.fee.setSingleStep(1000)
        self.fee.setSuffix(" đ")
        form.addRow(self.tr("&Fee collected now:"), self.fee)
        self.note = QLineEdit()
        form.addRow(self.tr("N&ote:"), self.note)
        layout.addLayout(form)
        self.form_rows = form
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.problem)
        layout.addStretch(1)
        row = QHBoxLayout()
        self.confirm_button = QPushButton(self.tr("Record the return (Ctrl+Enter)"))
        self.confirm_button.clicked.connect(self.confirm)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        for button in (self.confirm_button, close):
            button.setAutoDefault(False)  # Enter belongs to the scan field (the reader ends with it)
        row.addStretch(1)
        row.addWidget(self.confirm_button)
        row.addWidget(close)
        layout.addLayout(row)
        self._recipient_changed()
        self._enable(False)
        self.scan.setFocus()
        self.resize(620, 0)

    def _enable(self, on: bool) -> None:
        for widget in (self.to, self.fee, self.note, self.confirm_button):
            widget.setEnabled(on)
        self._recipient_changed()

    def _recipient_changed(self, _index: int = 0) -> None:
        chosen = self.to.currentData()
        ready = self.prompt is not None
        for widget, needed in ((self.name, chosen == "representative"),
                               (self.id_number, chosen == "representative"),
                               (self.tracking, chosen == "post")):
            widget.setEnabled(ready and needed)
            self.form_rows.setRowVisible(widget, needed)

    def look_up(self) -> None:
        from app.lifecycle.returns import return_prompt

        _problem_style(self.problem, "")
        store, scanned = self.store, self.scan.text()

        def read() -> Any:
            with store.read_session() as session:
                return return_prompt(session, scanned)

        self.runner.run_db(read, self._found, self._not_found)

    def _titled(self, code: str | None) -> None:
        """The dossier being returned in the title, as every action dialog names its dossier."""
        title = self.tr("Return the result")
        if code is not None:
            title = QCoreApplication.translate("ActionDialog", "%1 — dossier %2").replace("%1", title) \
                .replace("%2", code)
        self.setWindowTitle(title)

    def _found(self, prompt: Any) -> None:
        self.prompt = prompt
        self.scan.setText(prompt.code)
        self._titled(prompt.code)
        due = f"{prompt.due_at:%H:%M %d/%m/%Y}" if prompt.due_at else "—"
        lines = [f"<b>{prompt.code}</b> — {status_text(prompt.status)}",
                 self.tr("Applicant: %1").replace("%1", prompt.applicant_name),
                 self.tr("Appointment: %1").replace("%1", due),
                 "<b>" + self.tr("Fee still due: %1").replace("%1", format_vnd(prompt.fee_due_vnd)) + "</b>"]
        if prompt.delivery == "post":
            lines.append(self.tr("The applicant asked for the result by post: %1").replace(
                "%1", prompt.delivery_address))
        self.summary.setText("<br>".join(lines))
        self.fee.setMaximum(prompt.fee_due_vnd)
        self.fee.setValue(prompt.fee_due_vnd)
        if prompt.delivery == "post":
            self.to.setCurrentIndex(self.to.findData("post"))
        elif prompt.representative_name:
            self.to.setCurrentIndex(self.to.findData("representative"))
            self.name.setText(prompt.representative_name)
            self.id_number.setText(prompt.representative_id)
        ready = prompt.status == "CO_KET_QUA"
        self._enable(ready)
        if not ready:
            _problem_style(self.problem, self.tr("This dossier has no result waiting to be returned (status: %1).")
                           .replace("%1", status_text(prompt.status)))
            return
        self.to.setFocus()

    def _not_found(self, exc: BaseException) -> None:
        self.prompt = None
        self._titled(None)
        self.summary.setText(self.tr("No dossier chosen yet."))
        self._enable(False)
        _failed(self.problem, exc)

    def confirm(self) -> None:
        from app.lifecycle.actions import act
        from app.lifecycle.machine import ActionInput

        if self.prompt is None or not self.confirm_button.isEnabled():
            return
        _problem_style(self.problem, "")
        data = ActionInput(to=self.to.currentData(), name=self.name.text(), id_number=self.id_number.text(),
                           tracking=self.tracking.text(), note=self.note.text(),
                           fee_collected_vnd=self.fee.value())
        store, code = self.store, self.prompt.code
        self.runner.run_db(lambda: act(store, code, "return", data), self._returned,
                           lambda exc: _failed(self.problem, exc))

    def _returned(self, result: Any) -> None:
        self.returned.emit(result)
        self.prompt = None
        self._titled(None)
        self._enable(False)
        self.summary.setText(self.tr("Returned: %1. Scan the next receipt.").replace("%1", result.code))
        for edit in (self.name, self.id_number, self.tracking, self.note):
            edit.clear()
        self.scan.clear()
        self.scan.setFocus()


class AuditDialog(QDialog):
    """The audit log for the supervisor: filter by dossier code, official and dates."""

    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget | None = None) -> None:
        from ui.models.rows_model import RowsTableModel
        from ui.widgets.tables import make_table

        super().__init__(parent)
        self.store, self.runner = store, runner
        self.setWindowTitle(self.tr("Audit log"))
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("Dossier code"))
        self.official = QLineEdit()
        self.official.setPlaceholderText(self.tr("Official's user name"))
        # The unit's date, as the audit times are read (Vietnam time), not the PC's.
        today = QDate(local_today())
        self.since = QDateEdit(today.addDays(-30))
        self.until = QDateEdit(today)
        for edit in (self.since, self.until):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
        self.search_button = QPushButton(self.tr("&Show"))
        self.search_button.clicked.connect(self.load)
        for label, widget in ((self.tr("&Dossier:"), self.code), (self.tr("&Official:"), self.official),
                              (self.tr("&From:"), self.since), (self.tr("&To:"), self.until)):
            caption = QLabel(label)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget)
        filters.addWidget(self.search_button)
        layout.addLayout(filters)
        for edit in (self.code, self.official):
            edit.returnPressed.connect(self.load)
        self.model = RowsTableModel([self.tr("At"), self.tr("Official"), self.tr("Event"), self.tr("Dossier")], self)
        self.table = make_table(self.model, stretch_column=2)
        layout.addWidget(self.table, 1)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        self.code.setFocus()
        self.resize(900, 600)

    def load(self) -> None:
        from app.clock import VIETNAM
        from app.lifecycle.actions import find_dossier
        from app.store.audit import find_events

        code, official = self.code.text().strip(), self.official.text().strip()
        since = datetime.combine(self.since.date().toPython(), time.min, VIETNAM)
        until = datetime.combine(self.until.date().toPython() + timedelta(days=1), time.min, VIETNAM)
        store = self.store

        def read() -> Any:
            with store.read_session() as session:
                dossier_id = find_dossier(session, code).id if code else None
                return find_events(session, dossier_id=dossier_id, username=official or None,
                                   since=since, until=until)

        _problem_style(self.problem, "")
        self.runner.run_db(read, self._loaded, lambda exc: _failed(self.problem, exc))

    def _loaded(self, rows: list[Any]) -> None:
        from app.clock import to_local

        def when(text: str) -> str:
            return f"{to_local(datetime.fromisoformat(text.replace('Z', '+00:00'))):%H:%M:%S %d/%m/%Y}"

        self.model.set_rows([(row, (when(row.at), row.username, audit_action_text(row.action), row.code), None)
                             for row in rows])
        if not rows:
            _problem_style(self.problem, "")
            self.problem.setText(self.tr("No audit events match."))
            self.problem.show()


def audit_action_text(action: str) -> str:
    """A dossier event's name in words (the supervisor reads a dossier's trail from its
    reception on); other audit actions as recorded (stable identifiers)."""
    if action.startswith("dossier.") and action.removeprefix("dossier.") in ACTION_AUDIT:
        return action_text(action.removeprefix("dossier."))
    if action == "dossier.received":
        return QCoreApplication.translate("AuditDialog", "Dossier received")
    if action == "dossier.purged":
        return QCoreApplication.translate("AuditDialog", "Personal data removed after the retention period")
    return action


ACTION_AUDIT = {"handover", "receive_back", "request_supplement", "supplement_received", "refuse", "apologise",
                "stop", "result_ready", "return", "withdraw"}
